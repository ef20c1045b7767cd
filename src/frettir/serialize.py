"""JSON in and out: whole articles through cattrs, and the flat record of ``frettir extract``.

:func:`dumps` / :func:`loads` round-trip an :class:`~frettir.Article` exactly (every span,
speaker and quote). :func:`to_record` gives the stable, flat record that the command line
writes, one per article (see *The output record* on the command-line page of the docs).
"""

from __future__ import annotations

import json
from typing import Any

import cattrs

from frettir.article import Article
from frettir.errors import InputError
from frettir.model import Quote, Speaker

__all__ = ["converter", "dumps", "from_dict", "loads", "to_dict", "to_record"]

converter = cattrs.Converter(forbid_extra_keys=True)
"""The cattrs converter that structures and unstructures frettir's classes.

It is strict: a number where text belongs, text or a fraction where an offset belongs, or a
boolean for a number is refused rather than converted.
"""


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _strict_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


converter.register_structure_hook(str, _strict_str)
converter.register_structure_hook(int, _strict_int)
converter.register_structure_hook(float, _strict_float)


def to_dict(article: Article) -> dict[str, Any]:
    """Return ``article`` as plain JSON-ready data: dicts, lists, strings, numbers and ``None``.

    Lossless: :func:`from_dict` gives back an equal article. Spans are ``{"start": ...,
    "end": ...}`` and speakers are repeated in full wherever a quote names them.

    Args:
        article: The article to convert.

    Returns:
        A dict with the keys of :class:`~frettir.Article`'s attributes.

    >>> from frettir import Article
    >>> data = to_dict(Article.from_text("„Já,“ sagði Anna."))
    >>> data["quotes"][0]["span"], data["speakers"][0]["name"]
    ({'start': 1, 'end': 4}, 'Anna')
    """
    data: dict[str, Any] = converter.unstructure(article)
    return data


def from_dict(data: dict[str, Any]) -> Article:
    """Build an :class:`~frettir.Article` from the data :func:`to_dict` gave.

    Args:
        data: The article as plain data; unknown keys are refused.

    Returns:
        The article, checked like any other (see :class:`~frettir.InvariantError`).

    Raises:
        InputError: If the data does not describe a valid article.
    """
    try:
        return converter.structure(data, Article)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, RecursionError) as error:
        raise InputError(f"not a frettir article: {error}") from error


def dumps(article: Article) -> str:
    """Return ``article`` as a JSON string: :func:`to_dict`, with letters not ASCII-escaped.

    Args:
        article: The article to write.

    Returns:
        One line of JSON; :func:`loads` reads it back.
    """
    return json.dumps(to_dict(article), ensure_ascii=False)


def loads(data: str | bytes) -> Article:
    """Parse a JSON string made by :func:`dumps` back into an equal :class:`~frettir.Article`.

    Args:
        data: The JSON, as text or as UTF-8 bytes.

    Returns:
        The article, equal to the one that was written.

    Raises:
        InputError: If ``data`` is not JSON or not an article.

    >>> from frettir import Article
    >>> article = Article.from_text("„Já,“ sagði Anna.")
    >>> loads(dumps(article)) == article
    True
    >>> loads('{"txt": "Já."}')
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: not a frettir article: ...
    """
    try:
        raw = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        # ValueError covers JSONDecodeError and integers longer than Python converts
        raise InputError(f"not JSON: {error}") from error
    if not isinstance(raw, dict):
        raise InputError(f"an article is a JSON object, not {type(raw).__name__}")
    return from_dict(raw)


def _speaker_record(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "kind": speaker.kind,
        "gender": speaker.gender,
        "titles": list(speaker.titles),
        "mentions": [[m.start, m.end] for m in speaker.mentions],
    }


def _quote_record(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "kind": quote.kind,
        "start": quote.span.start,
        "end": quote.span.end,
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "cue": quote.cue,
        "speaker_title": speaker.title if speaker else None,
        "speaker_mention": None
        if quote.speaker_span is None
        else [quote.speaker_span.start, quote.speaker_span.end],
        "cue_span": None if quote.cue_span is None else [quote.cue_span.start, quote.cue_span.end],
        "outer": None if quote.outer is None else [quote.outer.start, quote.outer.end],
        "confidence": quote.confidence,
        "rule": quote.rule,
        "medium": quote.medium,
    }


def to_record(article: Article, *, id: str | None = None) -> dict[str, Any]:
    """Return the flat record ``frettir extract --jsonl`` writes for ``article``.

    The keys ``id``, ``quotes`` (each with ``kind``, ``start``, ``end``, ``text``,
    ``speaker``, ``cue``) and ``speakers`` are a stable contract; other keys may be added.

    >>> from frettir import Article
    >>> record = to_record(Article.from_text("„Já,“ sagði Anna Jónsdóttir."), id="a1")
    >>> record["quotes"][0]["speaker"], record["quotes"][0]["start"], record["quotes"][0]["end"]
    ('Anna Jónsdóttir', 1, 4)
    """
    return {
        "id": id,
        "quotes": [_quote_record(q) for q in article.quotes],
        "speakers": [_speaker_record(s) for s in article.speakers],
    }
