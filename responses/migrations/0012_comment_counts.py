"""Comments counted by the database: the CommentCount table and the triggers that keep it, on
SQLite and on PostgreSQL, in the transaction of every write to a comment, its section and theme
links or its response; then the table filled from the comments there are.

Every trigger works the same way. A write changes some rows of one table (`old` as they were,
`new` as they are); the comments it touches count as they did before it and as they do after,
and the table moves by the difference. What a comment counts: once among every comment, once on
each section it links (however many passages it quotes there), once on each theme, once on the
whole plan when it links neither; by its stance, whether it proposes wording and its response's
status; nothing while its response is a draft. A comment or response already deleted counts
nothing, so Django deleting a response's links, comments and response in any order leaves the
table right.

On PostgreSQL each trigger runs once a statement over its transition tables (a bulk insert of
100,000 links moves the table in a few grouped statements); on SQLite once a row, the row being
its own transition table.
"""

import django.db.models.deletion
from django.db import migrations, models

COUNTS = "responses_commentcount"
KEY = "plan_id, part, part_id, stance, proposes_wording, status"

# What each table's trigger reads of a written row.
COLUMNS = {
    "responses_sectionlink": ("id", "comment_id", "section_id"),
    "responses_themelink": ("id", "comment_id", "theme_id"),
    "responses_comment": ("id", "response_id", "stance", "proposed_wording"),
    "responses_response": ("id", "plan_id", "status"),
}


def _comments(rows, side):
    """(comment_id, stance, proposes, status, plan_id) of the counted comments a write to the
    table of `rows` touches, as they were (`side` "old") or are ("new"); `rows` maps each side
    to its rows as a relation."""
    table, old, new = rows["table"], rows["old"], rows["new"]
    if table == "responses_comment":
        return (
            f"SELECT c.id AS comment_id, c.stance, (c.proposed_wording <> '') AS proposes,"
            f" r.status, r.plan_id FROM {rows[side]} c"
            f" JOIN responses_response r ON r.id = c.response_id WHERE r.status <> 'draft'"
        )
    if table == "responses_response":
        return (
            f"SELECT c.id AS comment_id, c.stance, (c.proposed_wording <> '') AS proposes,"
            f" r.status, r.plan_id FROM responses_comment c"
            f" JOIN {rows[side]} r ON r.id = c.response_id WHERE r.status <> 'draft'"
        )
    # A link's write leaves its comment as it is.
    return (
        "SELECT c.id AS comment_id, c.stance, (c.proposed_wording <> '') AS proposes,"
        " r.status, r.plan_id FROM responses_comment c"
        " JOIN responses_response r ON r.id = c.response_id WHERE r.status <> 'draft'"
        f" AND c.id IN (SELECT comment_id FROM {old} o0 UNION SELECT comment_id FROM {new} n0)"
    )


def _links(rows, side, link_table, target):
    """(comment_id, target) of the links of the touched comments in `link_table`, before the
    write (`side` "old") or after it ("new")."""
    table, old, new = rows["table"], rows["old"], rows["new"]
    if table == "responses_comment":
        touched = f"SELECT id FROM {old} o0 UNION SELECT id FROM {new} n0"
    elif table == "responses_response":
        touched = (
            "SELECT id FROM responses_comment WHERE response_id IN"
            f" (SELECT id FROM {old} o0 UNION SELECT id FROM {new} n0)"
        )
    else:
        touched = f"SELECT comment_id FROM {old} o0 UNION SELECT comment_id FROM {new} n0"
    now = f"SELECT comment_id, {target} FROM {link_table} WHERE comment_id IN ({touched})"
    if table != link_table or side == "new":
        return now
    # Before a write to the links themselves: those there are but the written ones, and the
    # written ones as they were.
    return f"{now} AND id NOT IN (SELECT id FROM {new} n1) UNION ALL SELECT comment_id, {target} FROM {old} o1"


def _counted(rows, side, sign):
    """What the touched comments count on each part, before or after the write, times `sign`."""
    comments = _comments(rows, side)
    sections = _links(rows, side, "responses_sectionlink", "section_id")
    themes = _links(rows, side, "responses_themelink", "theme_id")
    shown = "a.stance, a.proposes, a.status"
    return f"""
        SELECT a.plan_id, 'every' AS part, 0 AS part_id, {shown}, {sign} AS n FROM ({comments}) a
        UNION ALL
        SELECT a.plan_id, 'plan', 0, {shown}, {sign} FROM ({comments}) a
        WHERE NOT EXISTS (SELECT 1 FROM ({sections}) s WHERE s.comment_id = a.comment_id)
        AND NOT EXISTS (SELECT 1 FROM ({themes}) t WHERE t.comment_id = a.comment_id)
        UNION ALL
        SELECT a.plan_id, 'section', s.section_id, {shown}, {sign} FROM ({comments}) a
        JOIN (SELECT DISTINCT comment_id, section_id FROM ({sections}) s0) s
        ON s.comment_id = a.comment_id
        UNION ALL
        SELECT a.plan_id, 'theme', t.theme_id, {shown}, {sign} FROM ({comments}) a
        JOIN (SELECT DISTINCT comment_id, theme_id FROM ({themes}) t0) t
        ON t.comment_id = a.comment_id"""


def _move(rows):
    """The statement that moves the counts by what the write changed."""
    return f"""
        INSERT INTO {COUNTS} ({KEY}, count)
        SELECT plan_id, part, part_id, stance, proposes, status, SUM(n) FROM (
            {_counted(rows, "new", 1)}
            UNION ALL
            {_counted(rows, "old", -1)}
        ) AS moved WHERE true
        GROUP BY plan_id, part, part_id, stance, proposes, status HAVING SUM(n) <> 0
        ORDER BY plan_id, part, part_id, stance, proposes, status
        ON CONFLICT ({KEY}) DO UPDATE SET count = {COUNTS}.count + excluded.count"""


def _no_rows(table, cast):
    columns = ", ".join(f"{cast(column)} AS {column}" for column in COLUMNS[table])
    return f"(SELECT {columns} WHERE 1 = 0)"


EVENTS = ("insert", "update", "delete")


def _watched(table):
    """The columns whose change moves the counts (an UPDATE of others leaves them)."""
    return [column for column in COLUMNS[table] if column != "id"]


def _changed(table, side):
    """Of a statement's updated rows, those whose watched columns changed, as they were (`side`
    "old") or are ("new"): Django saves every column, and most saves move no count."""
    watched = _watched(table)
    before = ", ".join(f"o.{column}" for column in watched)
    after = ", ".join(f"n.{column}" for column in watched)
    kept = "o" if side == "old" else "n"
    return (
        f"(SELECT {kept}.* FROM old_rows o JOIN new_rows n ON n.id = o.id"
        f" WHERE ROW({before}) IS DISTINCT FROM ROW({after}))"
    )


def _sqlite_triggers():
    for table in COLUMNS:
        for event in EVENTS:
            row = {
                side: "(SELECT "
                + ", ".join(f"{side.upper()}.{column} AS {column}" for column in COLUMNS[table])
                + ")"
                for side in ("old", "new")
            }
            nothing = _no_rows(table, lambda column: "NULL")
            rows = {
                "table": table,
                "old": nothing if event == "insert" else row["old"],
                "new": nothing if event == "delete" else row["new"],
            }
            of = when = ""
            if event == "update":
                of = f" OF {', '.join(_watched(table))}"
                changed = " OR ".join(
                    f"OLD.{column} IS NOT NEW.{column}" for column in _watched(table)
                )
                when = f" WHEN {changed}"
            yield (
                f"CREATE TRIGGER {table}_counts_{event} AFTER {event.upper()}{of} ON {table}"
                f" FOR EACH ROW{when} BEGIN {_move(rows)}; END"
            )


def _sqlite_drops():
    for table in COLUMNS:
        for event in EVENTS:
            yield f"DROP TRIGGER IF EXISTS {table}_counts_{event}"


POSTGRESQL_TYPES = {"stance": "varchar", "proposed_wording": "text", "status": "varchar"}


def _postgresql_triggers():
    for table in COLUMNS:
        for event in EVENTS:
            nothing = _no_rows(table, lambda column: f"NULL::{POSTGRESQL_TYPES.get(column, 'bigint')}")
            rows = {
                "table": table,
                "old": {"insert": nothing, "update": _changed(table, "old")}.get(event, "old_rows"),
                "new": {"delete": nothing, "update": _changed(table, "new")}.get(event, "new_rows"),
            }
            name = f"{table}_counts_{event}"
            referencing = {
                "insert": "NEW TABLE AS new_rows",
                "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                "delete": "OLD TABLE AS old_rows",
            }[event]
            yield (
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN {_move(rows)}; RETURN NULL; END $$"
            )
            # A trigger with transition tables may not name columns (UPDATE OF): it runs on
            # every UPDATE and reads only the rows whose watched columns changed.
            yield (
                f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table}"
                f" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def _postgresql_drops():
    for table in COLUMNS:
        for event in EVENTS:
            name = f"{table}_counts_{event}"
            yield f"DROP TRIGGER IF EXISTS {name} ON {table}"
            yield f"DROP FUNCTION IF EXISTS {name}()"


def _fill():
    """Every counted comment, as it counts now, into the empty table: each comment counted as a
    write of all of them would count it afterwards."""
    every = {
        "table": "responses_comment",
        # No comment as it was: the table's own columns, so their types hold on PostgreSQL.
        "old": "(SELECT * FROM responses_comment WHERE 1 = 0)",
        "new": "responses_comment",
    }
    return f"""
        INSERT INTO {COUNTS} ({KEY}, count)
        SELECT plan_id, part, part_id, stance, proposes, status, SUM(n) FROM (
            {_counted(every, "new", 1)}
        ) AS counted
        GROUP BY plan_id, part, part_id, stance, proposes, status"""


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": _sqlite_triggers, "postgresql": _postgresql_triggers}[vendor]
    for statement in statements():
        schema_editor.execute(statement, params=None)
    schema_editor.execute(_fill(), params=None)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": _sqlite_drops, "postgresql": _postgresql_drops}[vendor]
    for statement in statements():
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("responses", "0011_campaign_grouping_of_the_job_shape"),
    ]

    operations = [
        migrations.CreateModel(
            name="CommentCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "part",
                    models.CharField(
                        choices=[
                            ("section", "Section"),
                            ("theme", "Theme"),
                            ("plan", "The whole plan"),
                            ("every", "Every comment"),
                        ],
                        max_length=10,
                    ),
                ),
                ("part_id", models.BigIntegerField()),
                (
                    "stance",
                    models.CharField(
                        choices=[
                            ("welcomes", "Welcomes"),
                            ("concern", "Concern"),
                            ("recommendation", "Recommendation"),
                            ("question", "Question"),
                            ("general", "General"),
                        ],
                        max_length=20,
                    ),
                ),
                ("proposes_wording", models.BooleanField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("published", "Published"),
                        ],
                        max_length=20,
                    ),
                ),
                ("count", models.IntegerField(default=0)),
                (
                    "plan",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="comment_counts",
                        to="plans.plan",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("plan", "part", "part_id", "stance", "proposes_wording", "status"),
                        name="comment_count_unique",
                    )
                ]
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
