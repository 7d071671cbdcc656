"""Natural order of section numbers (1.3 < 1.11 < 1.15 < 2.8 < 2.10 < 10.1), kept by the database.

Section numbers are strings, so plain ORDER BY would put 1.11 before 1.3. Each section stores a
sort key made from its number when it is saved (`sort_key`), indexed with its plan, so ordering,
pagination and previous/next agree on one order on SQLite and PostgreSQL alike, and the database
reads it from the index instead of computing it for every row.
"""

# Section numbers have at most this many levels (1, 1.3, 1.3.2), each of at most this many
# digits; plans.validators enforces both.
MAX_LEVELS = 3
MAX_LEVEL_DIGITS = 4


def sort_key(number):
    """The key that sorts `number` naturally as text: each level zero-padded, so "1.11" gives
    "0001.0011", after "0001.0003" (1.3); a parent ("0001") is a prefix of its children's keys
    and comes first. Every level has the same width, so the order holds whether or not the
    database's collation reads the full stops."""
    return ".".join(level.zfill(MAX_LEVEL_DIGITS) for level in number.split("."))


def natural_order(*, through=""):
    """Ordering by section number, for sections or for rows reaching a section through `through`
    (e.g. "section__")."""
    return [f"{through}sort_key"]
