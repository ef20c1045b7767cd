"""The data model: :class:`Span`, :class:`Speaker` and :class:`Quote`.

All result classes are frozen, slotted, keyword-only attrs classes whose collections are
tuples. Their ``__init__`` only stores and validates values. This module imports nothing
else from frettir but :mod:`frettir.errors`; :class:`~frettir.Article`, which holds them and
whose named constructors do the reading, is in :mod:`frettir.article`, above the pipeline.

Offsets are half-open ``[start, end)`` indices into :attr:`Article.text
<frettir.Article.text>`, which is the caller's text, unchanged.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import attrs

from frettir.errors import InvariantError

__all__ = ["Gender", "Quote", "QuoteKind", "Span", "Speaker", "SpeakerKind"]

QuoteKind = Literal["direct", "indirect"]
"""``"direct"``: words inside quotation marks; ``"indirect"``: reported speech."""

Gender = Literal["masculine", "feminine", "neuter"]
"""Grammatical gender of a speaker's name or noun (what pronouns agree with)."""

SpeakerKind = Literal["person", "organization", "description"]
"""A named person, a named body, or a description such as ``talsmaður félagsins``."""


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise InvariantError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of :attr:`Article.text`.

    Offsets count Python ``str`` characters (code points), as ``text[start:end]`` does.
    Spans order by ``start``, then ``end``.

    Attributes:
        start: Index of the first character in the range.
        end: Index one past the last character; ``start == end`` is an empty range.

    Raises:
        InvariantError: If ``start`` or ``end`` is negative or ``end < start``.

    >>> span = Span(start=4, end=9)
    >>> span.slice("Hún sagði það.")
    'sagði'
    >>> len(span)
    5
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvariantError(f"span end {self.end} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` that this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Return whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Return whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> Span:
        """Return the span moved by ``offset`` characters."""
        return Span(start=self.start + offset, end=self.end + offset)


def _spans_in_order(instance: object, attribute: attrs.Attribute[Any], value: tuple[Span, ...]) -> None:
    for before, after in itertools.pairwise(value):
        if after < before:
            raise InvariantError(f"{attribute.name} must be sorted: {after} comes after {before}")


@attrs.frozen(kw_only=True)
class Speaker:
    """Someone quoted in an article: a person, a body, or a description of either.

    Attributes:
        name: The canonical name in the nominative, the fullest form the article gives
            (``Donald Trump``, ``Kári Stefánsson``, ``lögreglan á höfuðborgarsvæðinu``).
        kind: ``"person"``, ``"organization"`` or ``"description"``.
        gender: Grammatical gender of the name, when known; pronouns agree with it.
        titles: Titles and roles given with the speaker, in the nominative
            (``Bandaríkjaforseti``, ``forstjóri Icelandair``), in order of appearance.
        mentions: Every span of the article text that names or refers to the speaker,
            pronouns that attribute a quote included, sorted.
    """

    name: str = attrs.field()
    kind: SpeakerKind = "person"
    gender: Gender | None = None
    titles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = attrs.field(default=(), validator=_spans_in_order)

    @name.validator
    def _check_name(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            raise InvariantError("a speaker's name must not be empty")

    @property
    def title(self) -> str | None:
        """The first title given with the speaker, or ``None``."""
        return self.titles[0] if self.titles else None


@attrs.frozen(kw_only=True)
class Quote:
    """One quote: what was said, by whom, and how the article says so.

    Attributes:
        kind: ``"direct"`` (inside quotation marks) or ``"indirect"`` (reported speech).
        span: The quoted words. For a direct quote: between the marks, marks excluded.
            For an indirect quote: the reported clause, after ``að``/``hvort`` and before
            the sentence's final punctuation.
        text: ``article.text[span.start:span.end]``.
        outer: For a direct quote, the span including its quotation marks (for a paragraph
            of a quote that the next paragraph continues, up to the paragraph's end);
            ``None`` for indirect quotes.
        speaker: Who said it, or ``None`` when the article does not say.
        speaker_span: The words that attribute this quote (``Trump``, ``hann``,
            ``forsetinn``), or ``None`` when the speaker comes from context alone.
        cue: Lemma of the verb or phrase of saying (``segja``, ``bæta við``,
            ``að sögn``), or ``None``.
        cue_span: Where the cue stands in the text, or ``None``.
        confidence: How sure the rule that fired is, from 0 to 1.
        rule: Name of the rule that attributed the quote (see the explanation page of the
            docs), e.g. ``"direct.cue_after"``; ``+parse`` at the end means Greynir's parse
            supplied the speaker.
        medium: Where or through whom the words were said, when the article says so:
            ``mbl.is`` (``í samtali við mbl.is``), ``RÚV``, ``Facebook``, ``tilkynning``
            (``í tilkynningu``), or the outlet that ``hefur eftir`` the speaker.
        group: For a direct quote that runs over several paragraphs, each re-opened with a
            quotation mark and only the last closed: the ``span.start`` of its first part,
            the same on every part (each paragraph is a quote of its own, as the annotation
            guide counts them). Every part has the speaker, the cue and the speaker's
            mention of the whole, wherever they stand. ``None`` for a quote within one
            paragraph.
    """

    kind: QuoteKind
    span: Span
    text: str
    outer: Span | None = None
    speaker: Speaker | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    confidence: float = attrs.field(default=1.0)
    rule: str = ""
    medium: str | None = None
    group: int | None = None

    @confidence.validator
    def _check_confidence(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise InvariantError(f"confidence must be within [0, 1], got {value}")

    def __attrs_post_init__(self) -> None:
        if len(self.text) != len(self.span):
            raise InvariantError(
                f"quote text has {len(self.text)} characters but its span has {len(self.span)}"
            )
        if self.outer is not None:
            if self.kind != "direct":
                raise InvariantError("only direct quotes have an outer span")
            if not self.outer.contains(self.span):
                raise InvariantError(f"outer span {self.outer} does not contain span {self.span}")
        if self.group is not None and not 0 <= self.group <= self.span.start:
            raise InvariantError(f"group {self.group} must be the start of a part at or before {self.span}")
