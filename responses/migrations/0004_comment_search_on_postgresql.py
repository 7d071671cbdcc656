"""Full-text search of comments on PostgreSQL: a GIN index over Comment.search_vector and a
trigger that keeps the vector current (English configuration) whenever a comment's text is
written. On SQLite nothing happens: search falls back to a plain contains search."""

from django.db import migrations

CREATE = """
CREATE INDEX responses_comment_search_vector_gin
    ON responses_comment USING gin (search_vector);
CREATE TRIGGER responses_comment_search_vector_update
    BEFORE INSERT OR UPDATE OF text ON responses_comment
    FOR EACH ROW EXECUTE FUNCTION
    tsvector_update_trigger(search_vector, 'pg_catalog.english', text);
UPDATE responses_comment SET search_vector = to_tsvector('pg_catalog.english', text);
"""

DROP = """
DROP TRIGGER IF EXISTS responses_comment_search_vector_update ON responses_comment;
DROP INDEX IF EXISTS responses_comment_search_vector_gin;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("responses", "0003_history_publication_search")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
