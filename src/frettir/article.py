"""The :class:`Article`: a news article and who said what in it; the face users see.

:meth:`Article.from_text` and :meth:`Article.from_html` are its named constructors. They
call down into the reading pipeline (:mod:`frettir._pipeline`) and, for a web page, into the
extraction of :mod:`frettir.html`; neither imports this module, and :mod:`frettir.model`
(spans, speakers, quotes) imports neither, so every import points down.
"""

from __future__ import annotations

import attrs

from frettir import _render
from frettir._greynir import DEFAULT_PARSE
from frettir._pipeline import check_parse, read_text
from frettir.errors import InvariantError
from frettir.limits import MAX_LENGTH, check_length
from frettir.model import Quote, Span, Speaker, _spans_in_order

__all__ = ["Article"]


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
        max_length: int | None = MAX_LENGTH,
        parse: str = DEFAULT_PARSE,
    ) -> Article:
        """Read ``text`` and find every quote with its speaker and cue.

        Args:
            text: The article body; paragraphs separated by line breaks.
            title: The headline, if known.
            url: Where the article was published, if known.
            parser: A ``reynir.Greynir`` instance to use instead of the one frettir
                builds lazily, once per process.
            max_length: The longest text read, in characters (default
                :data:`~frettir.limits.MAX_LENGTH`, a million); ``None`` for no limit.
            parse: How much Greynir parses: ``"none"`` (nothing; token rules only),
                ``"frame"`` (the frame of a report whose speaker the rules miss, at most
                eight an article) or ``"cues"`` (every sentence with a cue verb, whose
                parse then chooses each word's reading). See :doc:`/explanation/parsing`
                for what each costs and buys.

        Returns:
            The article with its quotes and speakers.

        Raises:
            TypeError: If ``text`` is not a ``str`` (decode bytes first), or ``title`` or
                ``url`` is neither ``str`` nor ``None``.
            InputError: If ``text`` is longer than ``max_length`` (the message says how to
                raise the limit or split the text), or ``parse`` is not one of the modes above.

        >>> article = Article.from_text("„Við erum tilbúin,“ segir Jón Jónsson.")
        >>> [(q.kind, q.text, q.speaker.name) for q in article.quotes]
        [('direct', 'Við erum tilbúin,', 'Jón Jónsson')]
        """
        return cls._read(text, title=title, url=url, parser=parser, parse=parse, max_length=max_length)

    @classmethod
    def from_html(
        cls,
        html: str | bytes,
        *,
        url: str | None = None,
        parser: object | None = None,
        max_length: int | None = MAX_LENGTH,
        parse: str = DEFAULT_PARSE,
    ) -> Article:
        """Extract the article from a web page and read it like :meth:`from_text`.

        The main text is found with trafilatura; see :mod:`frettir.html` for the clean-up
        done for Icelandic outlets. Offsets refer to :attr:`text`, the extracted text.

        Args:
            html: The page, as text or as bytes (decoded by its declared encoding).
            url: The page's address; gives :attr:`outlet` and helps the extraction.
            parser: As for :meth:`from_text`.
            max_length: As for :meth:`from_text`, for the text found in the page.
            parse: As for :meth:`from_text`.

        Returns:
            The article with its quotes and speakers, and the page's :attr:`title`,
            :attr:`author`, :attr:`published` and :attr:`outlet` where the page gives them.
            A page in which no article is found gives an article with empty text.

        Raises:
            TypeError: If ``html`` is neither ``str`` nor ``bytes``.
            InputError: If the page's text is longer than ``max_length``, the page cannot be
                read whole (see :func:`frettir.html.extract_page`), or ``parse`` is not one
                of the modes of :meth:`from_text`.
        """
        from frettir.html import extract_page  # optional: needs the [html] extra

        check_parse(parse)
        page = extract_page(html, url=url)
        return cls._read(
            page.text,
            title=page.title,
            url=page.url,
            parser=parser,
            parse=parse,
            author=page.author,
            published=page.published,
            outlet=page.outlet,
            max_length=max_length,
        )

    @classmethod
    def _read(
        cls,
        text: str,
        *,
        title: str | None,
        url: str | None,
        parser: object | None,
        parse: str = DEFAULT_PARSE,
        author: str | None = None,
        published: str | None = None,
        outlet: str | None = None,
        max_length: int | None = MAX_LENGTH,
    ) -> Article:
        if isinstance(text, str):  # a wrong type is read_text's TypeError
            check_length(text, max_length)
        reading = read_text(text, title=title, url=url, parser=parser, parse=parse)
        return cls(
            text=text,
            title=title,
            url=url,
            author=author,
            published=published,
            outlet=outlet if outlet is not None else reading.outlet,
            paragraphs=reading.paragraphs,
            sentences=reading.sentences,
            quotes=reading.quotes,
            speakers=reading.speakers,
        )

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

    def to_rows(self, *, id: str | None = None) -> list[dict[str, str | int | float | None]]:
        """Return one flat row per quote: :func:`frettir.views.to_rows` of this article.

        Args:
            id: What to put in each row's ``article_id`` column.

        Returns:
            The rows (dicts keyed by :data:`frettir.views.COLUMNS`), in the order of
            :attr:`quotes`; ``frettir extract --format csv`` writes the same.

        >>> rows = Article.from_text("„Já,“ sagði Anna.").to_rows()
        >>> [(row["speaker"], row["text"]) for row in rows]
        [('Anna', 'Já,')]
        """
        return _render.rows(self, id=id)

    def _repr_html_(self) -> str:
        """Jupyter's view: :func:`frettir.render_html` of this article, as a fragment."""
        return _render.html(self, standalone=False)
