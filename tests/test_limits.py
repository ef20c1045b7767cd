"""Bounded cost and clear limits: long runs of punctuation, the maximum length, the time bound.

Small inputs that show each behaviour; growth with size is measured by
``benchmarks/scaling.py`` (never timed here), and the large cases are in the ``slow`` suite.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article
from frettir._greynir import RUN_LIMIT, _cut, tokenize

Read = Callable[[str], Article]


@pytest.mark.parametrize(
    "text",
    [
        "(" * 1000,
        "a(" * 500,
        "„Já,“ sagði hann." + "!?" * 300 + " Og svo.",
        "x" * 500 + "." * 500,
        "[[" * 300 + "]]" * 300,
    ],
)
def test_cut_parts_join_to_the_text_and_are_short_where_marks_allow(text: str) -> None:
    """The parts handed to the tokenizer rebuild the text exactly; a run of marks is cut."""
    parts = _cut(text)
    assert "".join(parts) == text
    assert all(part for part in parts)
    assert len(parts) > 1
    for part in parts[1:]:
        assert not part[0].isalnum()  # every cut goes before a mark, never inside a word


def test_cut_leaves_words_and_short_runs_whole() -> None:
    """Ordinary text, a long word, and a run of marks no longer than the limit go over whole."""
    for text in (
        "„Við komum,“ sagði Jón Jónsson.",
        "a" * 5000,
        "Hún sagði: " + "b(" * (RUN_LIMIT // 2) + " já.",
    ):
        assert _cut(text) == [text]


def test_tokens_of_a_punctuation_run_have_exact_offsets() -> None:
    """Every token of a long run of marks is the text at its span, in order, none lost."""
    raw = "Hann sagði " + "(" * 300 + "a(" * 100 + " já."
    tokens = tokenize(raw)
    assert all(raw[t.start : t.end] == t.text for t in tokens)
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert sum(t.text.count("(") for t in tokens) == raw.count("(")


def test_a_dotted_digit_run_gives_an_article(read: Read) -> None:
    """``1.1.1.…`` beyond 4,300 digits made the tokenizer raise (int() limit); it now reads."""
    text = "1." * 5000
    article = read(text)
    assert article.text == text
    assert article.quotes == ()


def test_a_run_of_brackets_gives_the_same_sentences_as_spaced_ones(read: Read) -> None:
    """Cutting a run changes no offset: the article's sentences stay inside the text."""
    text = "„Já,“ sagði Anna. " + "(" * 2000 + "\n„Nei,“ sagði Jón."
    article = read(text)
    assert [q.speaker.name for q in article.quotes if q.speaker] == ["Anna", "Jón"]
    assert all(s.end <= len(text) for s in article.sentences)
