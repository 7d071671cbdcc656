"""Every document a user sends is read in a child process with a CPU-time and memory budget:
what runs too long or grows too large, or raises what a reader did not expect, is a clear
message for the person who sent it, never a stalled worker or a 500 (issue 20)."""

import time

import pytest

from marginalia.documents import UnreadableDocument
from marginalia.documents.sandbox import run_untrusted

pytestmark = pytest.mark.usefixtures("budget")


@pytest.fixture
def budget(settings):
    settings.DOCUMENT_READ_SECONDS = 1
    settings.DOCUMENT_READ_MEMORY = 100 * 1024 * 1024


# Readers for the child: module-level, so that the child imports them by name.
def spin(name):
    while True:
        pass


def sleep(name):
    time.sleep(60)


def grow(name):
    hoard = []
    while True:
        hoard.append(bytearray(10 * 1024 * 1024))


def recurse(name):
    return recurse(name)


def refuse(name):
    raise UnreadableDocument("The file is empty.", code="empty")


def words(name):
    return f"{name} read"


def refusal(reader):
    with pytest.raises(UnreadableDocument) as refused:
        run_untrusted(reader, "letter.pdf", name="letter.pdf")
    return refused.value


def test_a_reader_that_runs_past_its_cpu_time_is_stopped_and_says_so():
    started = time.monotonic()

    refused = refusal(spin)

    assert refused.code == "too_long"
    assert refused.message.startswith("letter.pdf takes too long to read.")
    assert time.monotonic() - started < 5


def test_a_reader_that_waits_is_stopped_at_twice_its_budget_in_wall_time():
    started = time.monotonic()

    assert refusal(sleep).code == "too_long"
    assert time.monotonic() - started < 5


def test_a_reader_that_grows_past_its_memory_is_stopped_and_says_so():
    refused = refusal(grow)

    assert refused.code == "too_large"
    assert refused.message.startswith("letter.pdf is too large to read.")


def test_an_exception_no_reader_expected_is_an_unreadable_file():
    refused = refusal(recurse)

    assert refused.code == "unreadable"
    assert refused.message.startswith("letter.pdf could not be read.")


def test_a_readers_own_refusal_comes_back_with_its_message_and_code():
    refused = refusal(refuse)

    assert (refused.message, refused.code) == ("The file is empty.", "empty")


def test_what_the_reader_returns_comes_back():
    assert run_untrusted(words, "letter.pdf") == "letter.pdf read"
