"""Opening zip archives that users upload (Word today; OpenDocument, Excel and plain .zip later)
without letting a small file unpack into gigabytes.

A zip's central directory declares each member's unpacked size, so an archive can be judged
before a byte of it is inflated. A header that lies about the size cannot get past that check
either: Python's zipfile stops reading a member at its declared size and then fails the CRC with
BadZipFile, so anything that reads through zipfile (python-docx does) is bounded by what we
checked here.
"""

import io
import zipfile

from django.conf import settings

# Generous for any real document (images included), small enough to keep a worker's memory safe.
MAX_INFLATED_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 1_000


class ArchiveTooLarge(Exception):
    """The archive would unpack into more bytes, or more files, than we accept."""


def open_zip_archive(content):
    """A zipfile.ZipFile over `content` (bytes), once its declared size and member count pass.

    Raises ArchiveTooLarge if the members' unpacked sizes add up to more than
    MARGINALIA_MAX_INFLATED_BYTES, or there are more than MARGINALIA_MAX_ARCHIVE_MEMBERS of them;
    zipfile.BadZipFile if `content` is not a zip archive that zipfile can read. The limits are
    read from settings on each call (falling back to this module's constants), so a deployment
    or a test can set them.
    """
    max_inflated_bytes = getattr(settings, "MARGINALIA_MAX_INFLATED_BYTES", MAX_INFLATED_BYTES)
    max_members = getattr(settings, "MARGINALIA_MAX_ARCHIVE_MEMBERS", MAX_ARCHIVE_MEMBERS)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (NotImplementedError, ValueError) as error:
        # A damaged directory can also claim an unknown zip version or a name that is not UTF-8.
        raise zipfile.BadZipFile(f"The archive could not be read: {error}") from error
    members = archive.infolist()
    if len(members) > max_members:
        archive.close()
        raise ArchiveTooLarge(
            f"The archive has {len(members):,} members; at most {max_members:,} are accepted."
        )
    inflated_bytes = sum(member.file_size for member in members)
    if inflated_bytes > max_inflated_bytes:
        archive.close()
        raise ArchiveTooLarge(
            f"The archive unpacks to {inflated_bytes:,} bytes; "
            f"at most {max_inflated_bytes:,} are accepted."
        )
    return archive
