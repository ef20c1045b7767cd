"""The data model: :class:`Span`, :class:`Speaker`, :class:`Quote` and :class:`Article`.

All result classes are frozen, slotted, keyword-only attrs classes whose collections are
tuples. Their ``__init__`` only stores and validates values; the work of reading an article
is done by :meth:`Article.from_text`. This module imports nothing else from frettir but
:mod:`frettir.errors`.

Offsets are half-open ``[start, end)`` indices into :attr:`Article.text`, which is the
caller's text, unchanged.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

import attrs

from frettir.errors import InvariantError

__all__ = ["Article", "Gender", "Quote", "QuoteKind", "Span", "Speaker", "SpeakerKind"]

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


@attrs.frozen(kw_only=True)
class Article:
    """A news article and who said what in it.

    Build one with :meth:`from_text`; the constructor only checks that the values agree.

    Attributes:
        text: The article text exactly as given; every offset points into it.
        title: The headline, if known (it is not searched for quotes).
        url: Where the article was published, if known.
        author: The byline, if known (from HTML metadata).
        published: The publication date or time as an ISO 8601 string, if known.
        outlet: The publisher's domain (``mbl.is``), if known (from the URL).
        paragraphs: Spans of the non-empty lines of ``text``, white space trimmed.
        sentences: Spans of the sentences, each inside one paragraph.
        quotes: Every quote, sorted by start (a partial direct quote inside an indirect
            one comes after it).
        speakers: Everyone quoted, in order of first mention; a quote's speaker is one
            of these.
    """

    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    paragraphs: tuple[Span, ...] = attrs.field(default=(), validator=_spans_in_order)
    sentences: tuple[Span, ...] = attrs.field(default=(), validator=_spans_in_order)
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()

    def __attrs_post_init__(self) -> None:
        size = len(self.text)
        for span in (*self.paragraphs, *self.sentences):
            if span.end > size:
                raise InvariantError(f"{span} lies outside the text of {size} characters")
        for speaker in self.speakers:
            for mention in speaker.mentions:
                if mention.end > size:
                    raise InvariantError(f"mention {mention} of {speaker.name!r} lies outside the text")
        previous: Quote | None = None
        for quote in self.quotes:
            spans: tuple[Span | None, ...] = (quote.span, quote.outer, quote.speaker_span, quote.cue_span)
            for part in spans:
                if part is not None and part.end > size:
                    raise InvariantError(
                        f"span {part} of quote {quote.span} lies outside the text of {size} characters"
                    )
            if quote.span.slice(self.text) != quote.text:
                raise InvariantError(f"quote text {quote.text!r} is not the text at {quote.span}")
            if quote.speaker is not None and quote.speaker not in self.speakers:
                raise InvariantError(f"speaker {quote.speaker.name!r} is not among the article's speakers")
            if previous is not None and quote.span.start < previous.span.start:
                raise InvariantError("quotes must be sorted by start")
            previous = quote

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        parser: object | None = None,
    ) -> Article:
        """Read ``text`` and find every quote with its speaker and cue.

        Args:
            text: The article body; paragraphs separated by line breaks.
            title: The headline, if known.
            url: Where the article was published, if known.
            parser: A ``reynir.Greynir`` instance to use instead of the one frettir
                builds lazily, once per process.

        Returns:
            The article with its quotes and speakers.

        Raises:
            TypeError: If ``text`` is not a ``str`` (decode bytes first), or ``title`` or
                ``url`` is neither ``str`` nor ``None``.

        >>> article = Article.from_text("„Við erum tilbúin,“ segir Jón Jónsson.")
        >>> [(q.kind, q.text, q.speaker.name) for q in article.quotes]
        [('direct', 'Við erum tilbúin,', 'Jón Jónsson')]
        """
        from frettir._pipeline import read_article

        return read_article(cls, text, title=title, url=url, parser=parser)

    @classmethod
    def from_html(cls, html: str | bytes, *, url: str | None = None, parser: object | None = None) -> Article:
        """Extract the article from a web page and read it like :meth:`from_text`.

        The main text is found with trafilatura; see :mod:`frettir.html` for the clean-up
        done for Icelandic outlets. Offsets refer to :attr:`text`, the extracted text.

        Args:
            html: The page, as text or as bytes (decoded by its declared encoding).
            url: The page's address; gives :attr:`outlet` and helps the extraction.
            parser: As for :meth:`from_text`.

        Returns:
            The article with its quotes and speakers, and the page's :attr:`title`,
            :attr:`author`, :attr:`published` and :attr:`outlet` where the page gives them.
            A page in which no article is found gives an article with empty text.

        Raises:
            TypeError: If ``html`` is neither ``str`` nor ``bytes``.
        """
        from frettir.html import article_from_html

        return article_from_html(cls, html, url=url, parser=parser)

    def quotes_by(self, speaker: Speaker | str) -> tuple[Quote, ...]:
        """Return the quotes of one speaker, in text order.

        Args:
            speaker: One of :attr:`speakers`, or its canonical :attr:`Speaker.name`.

        Returns:
            The quotes whose speaker has that name; empty if there are none.

        >>> article = Article.from_text("„Já,“ sagði Anna. „Nei,“ sagði Jón.")
        >>> [q.text for q in article.quotes_by("Anna")]
        ['Já,']
        """
        name = speaker.name if isinstance(speaker, Speaker) else speaker
        return tuple(q for q in self.quotes if q.speaker is not None and q.speaker.name == name)

    # The views live in frettir.views, above the model (they format through frettir.serialize);
    # these two methods import them when called, so that the model module imports nothing above
    # it, as Article.from_text does with the pipeline.

    def to_rows(self, *, id: str | None = None) -> list[dict[str, str | int | float | None]]:
        """Return one flat row per quote: :func:`frettir.views.to_rows` for this article.

        Args:
            id: What to put in each row's ``article_id`` column.

        Returns:
            The rows (dicts keyed by :data:`frettir.views.COLUMNS`), in the order of
            :attr:`quotes`; ``frettir extract --format csv`` writes the same.

        >>> [(r["speaker"], r["text"]) for r in Article.from_text("„Já,“ sagði Anna.").to_rows()]
        [('Anna', 'Já,')]
        """
        from frettir.views import to_rows

        return to_rows(self, id=id)

    def _repr_html_(self) -> str:
        """Jupyter's view: :func:`frettir.render_html` of this article, as a fragment."""
        from frettir.views import render_html

        return render_html(self, standalone=False)
