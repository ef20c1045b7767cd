"""Bounded cost and clear limits: long runs of punctuation, the maximum length, the time bound.

Small inputs that show each behaviour; growth with size is measured by
``benchmarks/scaling.py`` (never timed here), and the large cases are in the ``slow`` suite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frettir import Article, InputError
from frettir._greynir import RUN_LIMIT, _cut, analyse, split
from frettir.limits import MAX_LENGTH

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
    tokens = [t for sentence in analyse(raw, split(raw)) for t in sentence.tokens]
    light = [t for sentence in split(raw) for t in sentence.tokens]
    assert all(raw[t.start : t.end] == t.text for t in light)
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


def test_a_text_longer_than_max_length_is_an_input_error_that_says_what_to_do() -> None:
    """``from_text`` refuses a text past ``max_length`` at once, saying how to raise it or split."""
    with pytest.raises(InputError) as caught:
        Article.from_text("Já, já. " * 10, max_length=40)
    message = str(caught.value)
    assert "80 characters, more than max_length=40" in message
    assert "split it" in message and "--max-length" in message


def test_the_default_maximum_length_is_a_million_characters() -> None:
    """Past :data:`MAX_LENGTH` by default; ``max_length=None`` turns the check off."""
    assert MAX_LENGTH == 1_000_000
    with pytest.raises(InputError, match="max_length=1000000"):
        Article.from_text(" " * (MAX_LENGTH + 1))
    assert Article.from_text(" " * (MAX_LENGTH + 1), max_length=None).quotes == ()


@pytest.mark.parametrize("value", [0, -5, 2.5, "10", True])
def test_a_bad_max_length_is_an_input_error(value: Any) -> None:
    """``max_length`` is a positive int or None."""
    with pytest.raises(InputError, match="max_length must be a positive int or None"):
        Article.from_text("Já.", max_length=value)


def test_from_html_checks_the_length_of_the_page_text() -> None:
    """The limit applies to the text found in a page."""
    page = "<html><body><article><p>" + "Hún sagði að allt væri gott. " * 20 + "</p></article></body></html>"
    with pytest.raises(InputError, match="more than max_length=100"):
        Article.from_html(page, max_length=100)


def test_from_text_in_four_threads_equals_sequential_reads(read: Read) -> None:
    """Articles read from 4 threads at once are equal to the same articles read one by one."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "„Við komum á morgun,“ sagði Jón Jónsson. Hann sagði að veðrið væri gott.",
        "Anna Jónsdóttir, forstjóri félagsins, segir að reksturinn gangi vel. „Já,“ sagði hún.",
        "Að sögn lögreglunnar á höfuðborgarsvæðinu var enginn fluttur á sjúkrahús.",
        "„Nei,“ segir Kári Stefánsson. „Þetta er ekki rétt.“",
    ] * 4
    sequential = [read(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(read, texts))
    assert threaded == sequential


# --- the large cases (make test-deep): each family of hostile input at full size --------------


def _family(name: str, n: int) -> str:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "scaling.py"
    spec = importlib.util.spec_from_file_location("scaling", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.build(name, n)
    return text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("family", "n"),
    [("punct", 1_000_000), ("quotes", 50_000), ("reports", 5_000), ("cues", 40_000), ("registry", 5_000)],
)
def test_a_large_input_of_each_family_gives_a_valid_article(family: str, n: int) -> None:
    """A megabyte of punctuation, 50,000 quotes, 5,000 reports or speakers, 40,000 cues: an article.

    How the time grows is measured by ``benchmarks/scaling.py``, not here.
    """
    text = _family(family, n)
    article = Article.from_text(text, max_length=None)
    assert article.text == text
    assert all(q.text == text[q.span.start : q.span.end] for q in article.quotes)
    if family == "quotes":
        assert len(article.quotes) >= n


@pytest.mark.slow
def test_the_json_of_many_quotes_grows_linearly() -> None:
    """4,000 and 8,000 short quotes by three speakers: twice the quotes, about twice the JSON."""
    from frettir.serialize import dumps, loads

    small, large = (Article.from_text(_family("json", n)) for n in (4_000, 8_000))
    assert len(dumps(large)) <= 2.2 * len(dumps(small))
    assert loads(dumps(large)) == large
