r"""Q&A interviews: answer paragraphs printed without quotation marks after a question paragraph.

Interviews in Icelandic news are often printed as questions and answers: a paragraph that is
the journalist's question (*Hvernig var árið?*), then the interviewee's answer with no
quotation marks and no cue. The annotation guide's Settled cases count each such answer
paragraph as a direct quote of the interviewee.

A layout, not a word list, tells them: a *question paragraph* ends with a question mark and
holds no quotation mark (a marked question is someone's quote); the paragraph right after it
is an *answer* unless it is a question too or opens with a quotation mark (a marked answer is
a marked quote, attributed elsewhere). A single question and answer is as likely a
rhetorical question in a news story, so an article is read as an interview only when the
layout repeats: at least :data:`MIN_PAIRS` question and answer pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from frettir.model import Span

__all__ = ["MAX_QUESTION_WORDS", "MIN_PAIRS", "QUOTE_GLYPHS", "answer_paragraphs"]

MIN_PAIRS: Final = 2
"""How many question and unmarked answer pairs make an article a Q&A interview."""

MAX_QUESTION_WORDS: Final = 60
"""A longer paragraph that ends with ``?`` is a paragraph of text, not a journalist's question."""

QUOTE_GLYPHS: Final = frozenset('„“”"»«‚‘')
"""Quotation marks: a question paragraph holds none, an answer does not open with one."""


def _question(text: str, span: Span) -> bool:
    body = span.slice(text)
    return (
        body.endswith("?")
        and not any(char in QUOTE_GLYPHS for char in body)
        and len(body.split()) <= MAX_QUESTION_WORDS
    )


def _answer(text: str, span: Span) -> bool:
    body = span.slice(text)
    return not body.endswith("?") and body[:1] not in QUOTE_GLYPHS and not body.startswith(",,")


def answer_paragraphs(text: str, paragraphs: Sequence[Span]) -> tuple[int, ...]:
    r"""The indices of the paragraphs that answer a question paragraph, in a Q&A interview.

    Args:
        text: The article's text.
        paragraphs: Its paragraphs, in order (as :func:`frettir._marks.paragraphs` gives them).

    Returns:
        The answer paragraphs' indices, sorted; empty unless at least :data:`MIN_PAIRS`
        question and answer pairs are found.

    >>> from frettir._marks import paragraphs
    >>> text = "Anna er nýr skólastjóri.\nHvenær byrjar þú?\nÍ ágúst.\nHvað tekur við?\nMikil vinna."
    >>> answer_paragraphs(text, paragraphs(text))
    (2, 4)
    >>> text = "Hvað gerist næst?\nÞað er óljóst."
    >>> answer_paragraphs(text, paragraphs(text))
    ()
    """
    answers = tuple(
        n
        for n in range(1, len(paragraphs))
        if _question(text, paragraphs[n - 1]) and _answer(text, paragraphs[n])
    )
    return answers if len(answers) >= MIN_PAIRS else ()
