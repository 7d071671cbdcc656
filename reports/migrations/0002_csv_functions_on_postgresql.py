"""On PostgreSQL, a function that lets the database write the summary report's CSV itself
(reports.exports.csv_by_database), cell by cell as marginalia.csv_files writes it in Python:
report_csv_text(text) is the text given a leading apostrophe when a spreadsheet would read it as a
formula (=, +, -, @, tab, carriage return: marginalia.spreadsheet_safety.neutralise), then
written as Python's csv module writes a field (QUOTE_MINIMAL): in double quotes, its own doubled,
when it holds a comma, a double quote, CR or LF; NULL is empty.

It is one plain SQL expression, so that PostgreSQL writes it into the query instead of calling a
function for each cell of half a million rows. SQLite keeps writing the CSV in Python.
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION report_csv_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN ''
    WHEN strpos(value, ',') > 0 OR strpos(value, '"') > 0
      OR strpos(value, chr(13)) > 0 OR strpos(value, chr(10)) > 0
    THEN '"'
      || CASE WHEN left(value, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' ELSE '' END
      || replace(value, '"', '""') || '"'
    WHEN left(value, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || value
    ELSE value END
$$;
"""
DROP = "DROP FUNCTION IF EXISTS report_csv_text(text);"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
