"""CSV files as a stream of bytes, for every download of rows (the summary report, the coding
frame).

UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8 (without it, curly
quotes and accented names arrive garbled). Rows are gathered into chunks of about 64 KB so a
million rows are not a million writes.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from marginalia.spreadsheet_safety import neutralise

BYTE_ORDER_MARK = "\ufeff"
CHUNK_CHARACTERS = 64 * 1024


def cell_text(value):
    """A row value as CSV text: dates to the second, nothing as empty, text made inert."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return neutralise(value) if isinstance(value, str) else value


def csv_chunks(columns: Iterable[str], rows: Iterable[tuple]) -> Iterator[bytes]:
    """The CSV file, header first, as UTF-8 chunks; the first starts with the byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BYTE_ORDER_MARK)
    writer.writerow([cell_text(column) for column in columns])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def write_csv(columns, rows, file) -> None:
    """Write the CSV file to `file`, opened for binary writing."""
    for chunk in csv_chunks(columns, rows):
        file.write(chunk)
