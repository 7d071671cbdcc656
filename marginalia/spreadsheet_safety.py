"""Keeping respondents' words inert in spreadsheets (CSV injection, OWASP's "formula injection").

Excel, LibreOffice and Google Sheets read a cell that starts with =, +, -, @, a tab or a carriage
return as a formula, so a comment like `=HYPERLINK("http://evil", "Click")` would become a live
link, or worse, in an officer's spreadsheet. A leading apostrophe makes the spreadsheet show the
text as written.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters that show as nothing, which a spreadsheet passes over to find the formula after them:
# a byte order mark (a survey cell copied from a UTF-8 file), zero-width space, word joiner.
INVISIBLE = "\ufeff\u200b\u2060"


def neutralise(value):
    """`value` made safe for a spreadsheet cell: text that a spreadsheet would read as a formula,
    at its start or after INVISIBLE characters, gets a leading apostrophe; anything else
    (numbers, dates, other text) is returned as is."""
    if isinstance(value, str) and value.lstrip(INVISIBLE).startswith(FORMULA_PREFIXES):
        return f"'{value}"
    return value
