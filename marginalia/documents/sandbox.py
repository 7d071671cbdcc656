"""Reading an untrusted document in a child process with a budget of CPU time and memory, so that
no file, however made, can stall or swell the web worker or task worker that received it.

    read_untrusted(name, content) -> Document            (read_document, in a child process)
    run_untrusted(function, *arguments) -> its result    (any reader of untrusted bytes)

The child is forked from a multiprocessing "forkserver" that has the readers (pypdf, python-docx,
defusedxml, the email package) imported already, so starting one costs milliseconds, not the
imports. Before it reads, the child limits itself with `resource.setrlimit`: its CPU time to
DOCUMENT_READ_SECONDS (the kernel stops it with SIGXCPU past that) and its address space to
DOCUMENT_READ_MEMORY bytes more than it started with (Python then raises MemoryError). The parent
also waits no longer than twice the CPU budget in wall time, for a child that sleeps or blocks.

What goes wrong in the child becomes UnreadableDocument with a message for the person who sent the
file: over the time budget "takes too long to read", over the memory budget "too large to read",
any exception the reader did not expect (RecursionError from the email package, a KeyError from
python-docx, a crash) "could not be read". The reader's own UnreadableDocument comes back as it
was raised, its message and code kept.

Settings the readers consult (marginalia.archives' limits) are read in the parent at each call and
handed to the child, so a deployment or a test that changes them is obeyed in the child too.
"""

import multiprocessing
import os
import resource
import signal
from pathlib import PurePath

from django.conf import settings

from marginalia.documents import Document, UnreadableDocument, read_document

# Imported once by the forkserver, so each child starts with them.
PRELOADED = [
    "marginalia.documents.sandbox",
    "marginalia.documents.mail",
    "marginalia.documents.opendocument",
    "marginalia.documents.pdf",
    "marginalia.documents.plain",
    "marginalia.documents.word",
    "pypdf",
    "docx",
    "openpyxl",
]
# Settings a reader consults, passed on to the child (which has no project settings of its own).
SETTINGS_FOR_READERS = ("MARGINALIA_MAX_INFLATED_BYTES", "MARGINALIA_MAX_ARCHIVE_MEMBERS")
# CPU seconds and address-space bytes one document may take when settings do not say.
DEFAULT_SECONDS = 6
DEFAULT_MEMORY = 400 * 1024 * 1024


def read_untrusted(name, content: bytes) -> Document:
    """read_document(name, content), read in a child process within the budget."""
    return run_untrusted(read_document, name, content, name=name)


def run_untrusted(function, *arguments, name=""):
    """function(*arguments) called in a child process within the budget, its result returned or
    its UnreadableDocument raised; `name` (the file's) goes into the messages. `function` must be
    importable by name (a module-level function), as must its result and arguments be picklable."""
    seconds = getattr(settings, "DOCUMENT_READ_SECONDS", DEFAULT_SECONDS)
    memory = getattr(settings, "DOCUMENT_READ_MEMORY", DEFAULT_MEMORY)
    reader_settings = {
        key: getattr(settings, key) for key in SETTINGS_FOR_READERS if hasattr(settings, key)
    }
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(sending, function, arguments, seconds, memory, reader_settings),
        daemon=True,
    )
    child.start()
    sending.close()
    filename = PurePath(name or "").name or "The file"
    try:
        # Wall time: the CPU budget, and as much again for a machine busy with other work.
        if not receiving.poll(2 * seconds + 1):
            raise _too_long(filename)
        try:
            outcome, value = receiving.recv()
        except (EOFError, OSError):
            # The child died before it answered: killed for its CPU time, or crashed.
            child.join(1)
            if child.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
                raise _too_long(filename) from None
            raise _unreadable(filename) from None
    finally:
        receiving.close()
        if child.is_alive():
            child.kill()
        child.join(1)
    if outcome == "result":
        return value
    if outcome == "unreadable":
        message, code = value
        raise UnreadableDocument(message, code=code)
    if outcome == "memory":
        raise UnreadableDocument(
            f"{filename} is too large to read. Split it into smaller files, or paste the text.",
            code="too_large",
        )
    raise _unreadable(filename)


def _too_long(filename):
    return UnreadableDocument(
        f"{filename} takes too long to read. Save it again in another format (a Word or text "
        "version), split it, or paste the text.",
        code="too_long",
    )


def _unreadable(filename):
    return UnreadableDocument(
        f"{filename} could not be read. Save it again as .docx, .pdf or .txt, or paste the text.",
        code="unreadable",
    )


_forkserver = None


def _context():
    global _forkserver
    if _forkserver is None:
        _forkserver = multiprocessing.get_context("forkserver")
        _forkserver.set_forkserver_preload(PRELOADED)
    return _forkserver


def _child(sending, function, arguments, seconds, memory, reader_settings):
    """In the child: limit this process, call the reader, send back what came of it."""
    if not settings.configured:
        settings.configure(**reader_settings)
    else:
        for key, value in reader_settings.items():
            setattr(settings, key, value)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime + seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The soft limit only: the hard one stays, so the result can be sent once reading is over.
    _, hard_memory = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (_address_space() + memory, hard_memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        outcome, value = "result", function(*arguments)
    except UnreadableDocument as error:
        outcome, value = "unreadable", (error.message, error.code)
    except MemoryError:
        outcome, value = "memory", None
    except BaseException as error:  # noqa: BLE001 - whatever a reader raises, the file is unread
        outcome, value = "failed", type(error).__name__
    finally:
        # Sending a large result needs memory of its own: the reading is over, so lift the limit.
        resource.setrlimit(resource.RLIMIT_AS, (hard_memory, hard_memory))
    try:
        sending.send((outcome, value))
    except Exception:  # noqa: BLE001 - a result that cannot be sent is a file we could not read
        sending.send(("failed", "unsendable"))
    sending.close()
    os._exit(0)


def _address_space():
    """This process's address space now, in bytes (Linux's /proc; else nothing to add)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0
