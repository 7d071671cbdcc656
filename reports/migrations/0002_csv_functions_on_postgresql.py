"""On PostgreSQL, two functions that let the database write the summary report's CSV itself
(reports.exports.csv_by_database), cell by cell as reports.exports.csv writes it in Python:

- report_spreadsheet_safe(text): a leading apostrophe on text a spreadsheet would read as a
  formula (=, +, -, @, tab, carriage return), as reports.exports.spreadsheet_safety.neutralise;
- report_csv_field(text): the text as Python's csv module writes a field (QUOTE_MINIMAL): in
  double quotes, its own doubled, when it holds a comma, a double quote, CR or LF; NULL is empty.

SQLite has no such functions and keeps writing the CSV in Python.
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION report_spreadsheet_safe(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@', chr(9), chr(13))
    THEN '''' || value ELSE value END
$$;
CREATE OR REPLACE FUNCTION report_csv_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN ''
    WHEN strpos(value, ',') > 0 OR strpos(value, '"') > 0
      OR strpos(value, chr(13)) > 0 OR strpos(value, chr(10)) > 0
    THEN '"' || replace(value, '"', '""') || '"'
    ELSE value END
$$;
"""
DROP = """
DROP FUNCTION IF EXISTS report_csv_field(text);
DROP FUNCTION IF EXISTS report_spreadsheet_safe(text);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
