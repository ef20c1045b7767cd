"""Text quirks: Unicode's line-breaking characters, control characters and lone surrogates.

Line-breaking characters break paragraphs as Unicode says (UAX #14's mandatory breaks); a
control character or a lone surrogate separates words as Unicode's word boundaries say
(UAX #29), so it neither cuts a name short nor comes between a quote and its cue.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article
from frettir._marks import paragraphs, scan_marks

Read = Callable[[str], Article]

_LINES = ("„Við komum,“ sagði Jón Jónsson.", "„Nei,“ sagði Anna Jónsdóttir.", "„Jú,“ sagði Kári Stefánsson.")


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\v", "\f", "\x85", "\u2028", "\u2029"])
def test_every_mandatory_line_break_ends_a_paragraph(brk: str) -> None:
    """Vertical tab, form feed, NEL, U+2028 and U+2029 break paragraphs like a line feed."""
    text = brk.join(_LINES)
    assert [span.slice(text) for span in paragraphs(text)] == list(_LINES)


def test_a_quote_does_not_run_over_a_form_feed() -> None:
    """The scan of quotation marks sees the same paragraphs: an open quote ends at a form feed."""
    text = "„Við komum\fsagði Jón."
    [marked] = scan_marks(text)
    assert marked.outer.end <= text.index("\f")


@pytest.mark.parametrize("brk", ["\v", "\f", "\x85"])
def test_articles_split_at_vertical_tab_form_feed_and_nel(read: Read, brk: str) -> None:
    """Each quote keeps its own speaker when the paragraphs are separated by such a break."""
    article = read(brk.join(_LINES))
    assert [q.speaker.name for q in article.quotes if q.speaker] == [
        "Jón Jónsson",
        "Anna Jónsdóttir",
        "Kári Stefánsson",
    ]


@pytest.mark.parametrize("odd", ["\x00", "\x07", "\x1b", "\x7f", "\ud800", "\udc80"])
def test_control_characters_and_lone_surrogates_separate_words(read: Read, odd: str) -> None:
    """In place of the spaces, NUL, other controls or a lone surrogate leave each quote its speaker."""
    text = " ".join(_LINES).replace(" ", odd)
    article = read(text)
    assert [q.speaker.name for q in article.quotes if q.speaker] == [
        "Jón Jónsson",
        "Anna Jónsdóttir",
        "Kári Stefánsson",
    ]
    assert all(q.text == text[q.span.start : q.span.end] for q in article.quotes)
