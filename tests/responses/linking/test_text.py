"""Plain text: splitting a comment into paragraphs, and ordering section numbers."""

from __future__ import annotations

import pytest

from responses.linking import natural_key, split_paragraphs


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_split_paragraphs_on_blank_lines_with_any_line_ending(line_break: str) -> None:
    text = f"  First one{line_break}still first{line_break}{line_break}Second  {line_break}"

    assert split_paragraphs(text) == ["First one\nstill first", "Second"]


def test_split_paragraphs_treats_whitespace_only_lines_as_blank() -> None:
    text = "First\n \t \nSecond\n\n\n   \n\nThird"

    assert split_paragraphs(text) == ["First", "Second", "Third"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n \t\n"])
def test_split_paragraphs_drops_empty_paragraphs(text: str) -> None:
    assert split_paragraphs(text) == []


def test_natural_key_reads_each_level_as_a_number() -> None:
    assert natural_key("1.11") == (1, 11)
    assert natural_key("3") == (3,)


def test_natural_key_sorts_sections_in_plan_order() -> None:
    numbers = ["10.1", "2.10", "1.15", "3.5", "1.3", "2.8", "1.11"]

    assert sorted(numbers, key=natural_key) == ["1.3", "1.11", "1.15", "2.8", "2.10", "3.5", "10.1"]
