"""report_csv_text (0002) also neutralises a formula that follows characters which show as
nothing (byte order mark, zero-width space, word joiner), as
marginalia.spreadsheet_safety.neutralise does."""

from importlib import import_module

from django.db import migrations

FIRST_SEEN = "left(ltrim(value, chr(65279) || chr(8203) || chr(8288)), 1)"
FUNCTIONS = rf"""
CREATE OR REPLACE FUNCTION report_csv_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN ''
    WHEN strpos(value, ',') > 0 OR strpos(value, '"') > 0
      OR strpos(value, chr(13)) > 0 OR strpos(value, chr(10)) > 0
    THEN '"'
      || CASE WHEN {FIRST_SEEN} IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' ELSE '' END
      || replace(value, '"', '""') || '"'
    WHEN {FIRST_SEEN} IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || value
    ELSE value END
$$;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)


def restore(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        previous = import_module("reports.migrations.0002_csv_functions_on_postgresql")
        schema_editor.execute(previous.FUNCTIONS)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_report_job")]

    operations = [migrations.RunPython(create, restore)]
