"""The data model's validators and helpers, on objects built by hand (no Greynir)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from frettir import Article, FrettirError, InvariantError, Quote, Span, Speaker
from strategies import model_articles, spans

TEXT = "„Já,“ sagði Anna. Hún sagði að það væri gott."


def _direct(start: int = 1, end: int = 4, **kwargs: object) -> Quote:
    return Quote(kind="direct", span=Span(start=start, end=end), text=TEXT[start:end], **kwargs)  # type: ignore[arg-type]


ANNA = Speaker(name="Anna", gender="feminine", mentions=(Span(start=12, end=16),))


# --- Span ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (0, -1), (5, 4)])
def test_span_rejects_negative_or_reversed_offsets(start: int, end: int) -> None:
    """A span with a negative offset or its end before its start is an InvariantError."""
    with pytest.raises(InvariantError):
        Span(start=start, end=end)


def test_invariant_error_is_a_frettir_error_and_a_value_error() -> None:
    """InvariantError can be caught as FrettirError and as ValueError."""
    with pytest.raises(FrettirError):
        Span(start=2, end=1)
    with pytest.raises(ValueError):
        Span(start=2, end=1)


def test_empty_span_is_allowed() -> None:
    """``start == end`` is a valid, empty span."""
    assert len(Span(start=3, end=3)) == 0


def test_span_slices_measures_and_shifts() -> None:
    """slice, len and shifted do what a half-open range does."""
    span = Span(start=4, end=9)
    assert span.slice("Hún sagði það.") == "sagði"
    assert len(span) == 5
    assert span.shifted(3) == Span(start=7, end=12)


def test_span_contains_and_overlaps_are_half_open() -> None:
    """Touching spans do not overlap; a span contains itself and its empty ends."""
    a, b = Span(start=0, end=4), Span(start=4, end=8)
    assert not a.overlaps(b)
    assert a.overlaps(Span(start=3, end=5))
    assert a.contains(a)
    assert a.contains(Span(start=4, end=4))
    assert not a.contains(Span(start=3, end=5))


def test_spans_order_by_start_then_end() -> None:
    """Spans sort by start, then end."""
    assert sorted([Span(start=2, end=3), Span(start=0, end=5), Span(start=0, end=1)]) == [
        Span(start=0, end=1),
        Span(start=0, end=5),
        Span(start=2, end=3),
    ]


def test_model_classes_are_frozen_and_keyword_only() -> None:
    """Results cannot be changed after they are made, nor built positionally."""
    span = Span(start=0, end=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(0, 1)  # type: ignore[misc]


@given(spans())
def test_valid_spans_shift_by_any_non_negative_offset(span: Span) -> None:
    """Shifting keeps the length and moves both ends."""
    moved = span.shifted(7)
    assert len(moved) == len(span) and moved.start == span.start + 7


# --- Speaker ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "\u00a0"])
def test_speaker_name_must_not_be_blank(name: str) -> None:
    """A speaker needs a name with at least one non-space character."""
    with pytest.raises(InvariantError):
        Speaker(name=name)


def test_speaker_mentions_must_be_sorted() -> None:
    """Mentions out of text order are an InvariantError."""
    with pytest.raises(InvariantError, match="sorted"):
        Speaker(name="Anna", mentions=(Span(start=5, end=6), Span(start=0, end=1)))


def test_speaker_title_is_the_first_title() -> None:
    """``title`` is the first of ``titles``, or None without titles."""
    assert Speaker(name="Anna", titles=("forstjóri", "formaður")).title == "forstjóri"
    assert Speaker(name="Anna").title is None


# --- Quote -----------------------------------------------------------------------------------


def test_quote_text_must_be_as_long_as_its_span() -> None:
    """A quote whose text and span differ in length is an InvariantError."""
    with pytest.raises(InvariantError):
        Quote(kind="direct", span=Span(start=1, end=4), text="Já")


def test_only_direct_quotes_have_an_outer_span() -> None:
    """An indirect quote with an outer span is an InvariantError."""
    with pytest.raises(InvariantError, match="direct"):
        Quote(kind="indirect", span=Span(start=1, end=4), text="Já,", outer=Span(start=0, end=5))


def test_outer_span_must_contain_the_span() -> None:
    """A direct quote's outer span includes its content span."""
    with pytest.raises(InvariantError, match="contain"):
        _direct(outer=Span(start=2, end=5))


@pytest.mark.parametrize("confidence", [-0.01, 1.01, float("nan")])
def test_confidence_lies_between_zero_and_one(confidence: float) -> None:
    """Confidence outside [0, 1] (or NaN) is an InvariantError."""
    with pytest.raises(InvariantError):
        _direct(confidence=confidence)


# --- Article ---------------------------------------------------------------------------------


def test_hand_built_article_is_accepted() -> None:
    """An article whose parts agree is built without complaint and finds quotes by speaker."""
    quote = _direct(outer=Span(start=0, end=5), speaker=ANNA, cue="segja")
    article = Article(text=TEXT, quotes=(quote,), speakers=(ANNA,))
    assert article.quotes_by("Anna") == (quote,)
    assert article.quotes_by(ANNA) == (quote,)
    assert article.quotes_by("Jón") == ()


def test_article_rejects_a_quote_whose_text_is_not_at_its_span() -> None:
    """A quote's text must be ``article.text[start:end]``."""
    wrong = Quote(kind="direct", span=Span(start=1, end=4), text="Nei")
    with pytest.raises(InvariantError, match="not the text"):
        Article(text=TEXT, quotes=(wrong,))


def test_article_rejects_a_quote_outside_its_text() -> None:
    """A quote span past the end of the text is an InvariantError."""
    beyond = Quote(kind="direct", span=Span(start=len(TEXT), end=len(TEXT) + 2), text="xx")
    with pytest.raises(InvariantError, match="outside"):
        Article(text=TEXT, quotes=(beyond,))


def test_article_rejects_an_outer_span_outside_its_text() -> None:
    """A direct quote's outer span must end inside the text too."""
    quote = _direct(outer=Span(start=0, end=len(TEXT) + 1))
    with pytest.raises(InvariantError, match="outside"):
        Article(text=TEXT, quotes=(quote,))


def test_article_rejects_unsorted_quotes() -> None:
    """Quotes must come in order of their start."""
    later = Quote(kind="indirect", span=Span(start=31, end=44), text=TEXT[31:44])
    with pytest.raises(InvariantError, match="sorted"):
        Article(text=TEXT, quotes=(later, _direct()))


def test_article_rejects_a_speaker_it_does_not_list() -> None:
    """A quote's speaker must be one of the article's speakers."""
    with pytest.raises(InvariantError, match="speakers"):
        Article(text=TEXT, quotes=(_direct(speaker=ANNA),), speakers=())


@pytest.mark.parametrize("field", ["paragraphs", "sentences"])
def test_article_rejects_paragraphs_or_sentences_outside_the_text(field: str) -> None:
    """Paragraph and sentence spans must lie inside the text."""
    with pytest.raises(InvariantError, match="outside"):
        Article(text="Já.", **{field: (Span(start=0, end=4),)})  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["paragraphs", "sentences"])
def test_article_rejects_unsorted_paragraphs_or_sentences(field: str) -> None:
    """Paragraph and sentence spans must be in text order."""
    with pytest.raises(InvariantError, match="sorted"):
        Article(text=TEXT, **{field: (Span(start=5, end=8), Span(start=0, end=4))})  # type: ignore[arg-type]


@given(model_articles())
def test_articles_assembled_from_agreeing_parts_are_valid(article: Article) -> None:
    """The model accepts every article whose parts agree, and keeps them as given."""
    rebuilt = Article(
        text=article.text,
        title=article.title,
        paragraphs=article.paragraphs,
        sentences=article.sentences,
        quotes=article.quotes,
        speakers=article.speakers,
        url=article.url,
        author=article.author,
        published=article.published,
        outlet=article.outlet,
    )
    assert rebuilt == article


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.mbl.is/frettir/innlent/2024/05/01/prufa/", "mbl.is"),
        ("visir.is/g/2024/prufa", "visir.is"),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_from_text_outlet_comes_from_the_url(url: str | None, outlet: str | None) -> None:
    """``from_text(url=…)`` fills ``outlet`` with the host, as ``from_html`` does; no URL, no outlet."""
    assert Article.from_text("Ekkert var sagt.", url=url).outlet == outlet


def test_quote_group_is_the_start_of_a_part_at_or_before_it() -> None:
    """A quote's ``group`` is an offset at or before its own start; later offsets are refused."""
    assert Quote(kind="direct", span=Span(start=5, end=7), text="ab", group=0).group == 0
    with pytest.raises(InvariantError, match="group 6"):
        Quote(kind="direct", span=Span(start=5, end=7), text="ab", group=6)
