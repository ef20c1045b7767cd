"""Inputs that broke ``Article.from_text`` or ``serialize.loads``, found by fuzzing and hostile input.

One test per failure, named after what broke; the docstring says how it was found, what it
was, and the contract. A failure not fixed yet gets ``xfail(strict=True, reason=...)``: when
the engine is fixed, pytest reports XPASS as a failure and the mark must go.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest

from frettir import Article, InputError
from frettir.serialize import dumps, loads

Read = Callable[[str], Article]

_ARTICLE_JSON = dumps(Article.from_text("„Já,“ sagði Anna Jónsdóttir."))


def _article_data() -> dict[str, object]:
    data: dict[str, object] = json.loads(_ARTICLE_JSON)
    return data


@pytest.mark.parametrize("text", ["1" * 4301, "Það kostaði " + "9" * 5000 + " krónur.", "-" + "1" * 4301])
def test_a_number_of_more_than_4300_digits_is_read(read: Read, text: str) -> None:
    """A run of more than 4,300 ASCII digits gives an article (found by hand; fuzz inputs stop at 4 KB).

    Was: ``ValueError: Exceeds the limit (4300 digits) for integer string conversion`` from
    ``tokenizer.tokenizer.parse_digits``, through ``frettir._greynir.tokenize``.
    """
    article = read(text)
    assert article.text == text
    assert article.paragraphs


@pytest.mark.parametrize("data", ["[" * 100_000, '{"a":' * 100_000, b"[" * 100_000])
def test_loads_of_deeply_nested_json_is_an_input_error(data: str | bytes) -> None:
    """JSON nested deeper than Python's recursion limit is an ``InputError`` (found by hand).

    Was: ``RecursionError`` from ``json.loads``, not caught by ``loads``.
    """
    with pytest.raises(InputError):
        loads(data)


@pytest.mark.parametrize("data", ["1" * 5000, '{"text": ' + "1" * 5000 + "}"])
def test_loads_of_a_huge_json_integer_is_an_input_error(data: str) -> None:
    """A JSON integer with more than 4,300 digits is an ``InputError`` like any other bad JSON.

    Found by hand. Was: a plain ``ValueError`` (int limit) from ``json.loads``, not a ``FrettirError``.
    """
    with pytest.raises(InputError):
        loads(data)


@pytest.mark.parametrize("where", ["cue_span", "speaker_span", "quote speaker mentions", "speakers mentions"])
def test_loads_refuses_a_span_outside_the_text(where: str) -> None:
    """``loads`` refuses an article with any span past the end of its text (``spans within text``).

    Found by hand. Was: accepted; ``Article`` checked only quote spans and outer spans.
    """
    data = _article_data()
    far = {"start": 600, "end": 1100}
    quote = data["quotes"][0]  # type: ignore[index]
    if where in ("cue_span", "speaker_span"):
        quote[where] = far
    elif where == "quote speaker mentions":  # the 0.1 format: the quote holds its whole speaker
        data["speakers"][0]["mentions"] = [far]  # type: ignore[index]
        quote["speaker"] = data["speakers"][0]  # type: ignore[index]
    else:  # the current format: the quote refers to the speaker by its index
        data["speakers"][0]["mentions"] = [far]  # type: ignore[index]
    with pytest.raises(InputError):
        loads(json.dumps(data))


@pytest.mark.parametrize("value", [1.5, True, "1"])
def test_loads_refuses_an_offset_that_is_not_an_integer(value: object) -> None:
    """An offset of ``1.5``, ``true`` or ``"1"`` is an ``InputError``, not silently made ``1``.

    Found by hand. Was: accepted, cattrs' int structuring calls ``int()`` on the value.
    """
    data = _article_data()
    data["quotes"][0]["span"]["start"] = value  # type: ignore[index]
    with pytest.raises(InputError):
        loads(json.dumps(data))


class _SlowParser:
    """A Greynir parser that takes ``delay`` seconds longer for every sentence."""

    def __init__(self, delay: float) -> None:
        from reynir import Greynir

        self.greynir = Greynir()
        self.delay = delay

    def parse_single(self, sentence: str, **options: object) -> object:
        time.sleep(self.delay)
        return self.greynir.parse_single(sentence, **options)


def test_the_article_does_not_depend_on_how_long_parsing_takes() -> None:
    """The same text gives the same article on a slow or busy machine as on a fast one.

    Found by the large-article tests: a 170 KB article read twice in one process gave two
    different articles (the second read's parses came from the cache, so more of them fitted
    in the time budget). Here the second sentence is parsed only when the first parse was quick.
    """
    sentence = "Talsmaður lögreglunnar, sem var á vettvangi, sagði að enginn hefði slasast."
    text = f"{sentence}\n\n{sentence}"
    quick = Article.from_text(text, parser=_SlowParser(0.0))
    slow = Article.from_text(text, parser=_SlowParser(1.1))
    assert [q.rule for q in slow.quotes] == [q.rule for q in quick.quotes]
    assert slow == quick
