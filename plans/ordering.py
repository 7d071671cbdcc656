"""Natural order of section numbers (1.3 < 1.11 < 1.15 < 2.8 < 2.10 < 10.1), done by the database.

Section numbers are strings, so plain ORDER BY would put 1.11 before 1.3. `natural_order()` turns
a number into one integer per level inside the query, so ordering, pagination and
previous/next all agree on one order, on SQLite and PostgreSQL alike.
"""

from django.db.models import F, IntegerField, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, StrIndex, Substr

# Section numbers have at most this many levels (1, 1.3, 1.3.2); plans.validators enforces it.
MAX_LEVELS = 3


def _split_first_level(dotted):
    """Split an expression holding '11.2.' into its first level ('11') and the rest ('2.')."""
    dot = StrIndex(dotted, Value("."))
    return Substr(dotted, 1, dot - 1), Substr(dotted, dot + 1)


def natural_order(field="number"):
    """Ordering expressions that sort `field` by the integer value of each level, parents first."""
    # Trailing dots make every level present, so each split finds a dot; an absent level is ''.
    rest = Concat(F(field), Value("." * MAX_LEVELS))
    levels = []
    for _ in range(MAX_LEVELS):
        level, rest = _split_first_level(rest)
        # An absent level sorts before 0, so a parent (1) comes before its children (1.0, 1.3).
        levels.append(Coalesce(Cast(NullIf(level, Value("")), IntegerField()), Value(-1)).asc())
    return levels
