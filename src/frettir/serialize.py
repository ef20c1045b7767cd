"""JSON in and out: whole articles through cattrs, and the flat record of ``frettir extract``.

:func:`dumps` / :func:`loads` round-trip an :class:`~frettir.Article` exactly (every span,
speaker and quote); each speaker is written once and quotes refer to it by its index, so the
JSON grows linearly with the article. :func:`to_record` gives the stable, flat record that
the command line writes, one per article (see *The output record* on the command-line page
of the docs).
"""

from __future__ import annotations

import json
import typing
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.v

from frettir.article import Article
from frettir.errors import InputError, InvariantError
from frettir.model import Quote, Speaker

__all__ = ["converter", "dumps", "from_dict", "loads", "to_dict", "to_record"]

_C = TypeVar("_C")

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


def _format(error: BaseException, kind: type | None) -> str:
    """One reason for :func:`cattrs.transform_error`: frettir's own message where it has one."""
    if isinstance(error, InvariantError | InputError) or (
        type(error) is TypeError and str(error).startswith("expected ")
    ):
        return str(error)
    if isinstance(error, KeyError):
        return "required field missing"
    choices = typing.get_args(kind) if typing.get_origin(kind) is typing.Literal else ()
    if choices:
        return f"expected one of {', '.join(map(repr, choices))}"
    return cattrs.v.format_exception(error, kind)


def _reasons(error: BaseException, path: str) -> str:
    """Every reason a structure failed, each with where (``$.quotes[2].span.end: ...``)."""
    if isinstance(error, cattrs.BaseValidationError):
        found = cattrs.transform_error(error, path, format_exception=_format)
    else:
        found = [f"{_format(error, None)} @ {path}"]
    # cattrs writes "reason @ path"; the path first reads better in one line
    parts = []
    for line in found:
        reason, _, where = line.rpartition(" @ ")
        parts.append(f"{where}: {reason}" if reason else line)
    return "; ".join(parts)


def _structure(data: object, kind: type[_C], path: str) -> _C:
    try:
        return converter.structure(data, kind)
    except (
        cattrs.BaseValidationError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        RecursionError,
    ) as error:
        raise InputError(f"not a frettir article: {_reasons(error, path)}") from error


def to_dict(article: Article) -> dict[str, Any]:
    """Return ``article`` as plain JSON-ready data: dicts, lists, strings, numbers and ``None``.

    Lossless: :func:`from_dict` gives back an equal article. Spans are ``{"start": ...,
    "end": ...}``. Each speaker is written once, in ``speakers``; a quote's ``speaker`` is
    the index of its speaker in that list (or ``None``), so the size of the data grows
    linearly with the article.

    Args:
        article: The article to convert.

    Returns:
        A dict with the keys of :class:`~frettir.Article`'s attributes.

    >>> from frettir import Article
    >>> data = to_dict(Article.from_text("„Já,“ sagði Anna."))
    >>> quote = data["quotes"][0]
    >>> quote["span"], quote["speaker"], data["speakers"][0]["name"]
    ({'start': 1, 'end': 4}, 0, 'Anna')
    """
    by_id = {id(speaker): n for n, speaker in enumerate(article.speakers)}
    by_value: dict[Speaker, int] | None = None
    quotes: list[dict[str, Any]] = []
    for quote in article.quotes:
        speaker = quote.speaker
        index: int | None = None
        if speaker is not None:
            index = by_id.get(id(speaker))
            if index is None:  # an equal speaker, not the same object (a hand-built article)
                if by_value is None:
                    by_value = {s: n for n, s in reversed(list(enumerate(article.speakers)))}
                index = by_value[speaker]
        quote_data: dict[str, Any] = converter.unstructure(attrs.evolve(quote, speaker=None))
        quote_data["speaker"] = index
        quotes.append(quote_data)
    data: dict[str, Any] = converter.unstructure(attrs.evolve(article, quotes=()))
    data["quotes"] = quotes
    return data


def from_dict(data: dict[str, Any]) -> Article:
    """Build an :class:`~frettir.Article` from the data :func:`to_dict` gave.

    A quote's ``speaker`` may be the index of a speaker in ``speakers`` (what :func:`to_dict`
    writes) or, as frettir 0.1 wrote it, the whole speaker, equal to one of ``speakers``.

    Args:
        data: The article as plain data; unknown keys are refused.

    Returns:
        The article, checked like any other (see :class:`~frettir.InvariantError`).

    Raises:
        InputError: If the data does not describe a valid article. The message says where
            (``$.quotes[2].span.end``) and what was wrong with each bad value.

    >>> from_dict({"text": "Já.", "paragraphs": [{"start": 0, "end": "3"}]})
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: not a frettir article: $.paragraphs[0].end: expected an ...
    """
    if not isinstance(data, dict):
        raise InputError(f"not a frettir article: $: expected an object, got {type(data).__name__}")
    raw_quotes = data.get("quotes", [])
    if not isinstance(raw_quotes, list | tuple):
        raise InputError(f"not a frettir article: $.quotes: expected a list, got {type(raw_quotes).__name__}")
    bare = _structure({**data, "quotes": []}, Article, "$")
    index_of = {speaker: n for n, speaker in reversed(list(enumerate(bare.speakers)))}
    quotes: list[Quote] = []
    for n, raw in enumerate(raw_quotes):
        path = f"$.quotes[{n}]"
        if not isinstance(raw, dict):
            raise InputError(f"not a frettir article: {path}: expected an object, got {type(raw).__name__}")
        link = raw.get("speaker")
        speaker: Speaker | None = None
        if isinstance(link, int) and not isinstance(link, bool):
            if not 0 <= link < len(bare.speakers):
                raise InputError(
                    f"not a frettir article: {path}.speaker: {link} is not the index of one of the "
                    f"{len(bare.speakers)} speakers"
                )
            speaker = bare.speakers[link]
        elif isinstance(link, dict):
            given = _structure(link, Speaker, f"{path}.speaker")
            if given not in index_of:
                raise InputError(
                    f"not a frettir article: {path}.speaker: {given.name!r} is not among the speakers"
                )
            speaker = bare.speakers[index_of[given]]
        elif link is not None:
            raise InputError(
                f"not a frettir article: {path}.speaker: expected the index of a speaker, "
                f"got {type(link).__name__}"
            )
        quote = _structure({**raw, "speaker": None}, Quote, path)
        quotes.append(quote if speaker is None else attrs.evolve(quote, speaker=speaker))
    try:
        return attrs.evolve(bare, quotes=tuple(quotes))
    except InvariantError as error:
        raise InputError(f"not a frettir article: $: {error}") from error


def dumps(article: Article) -> str:
    """Return ``article`` as a JSON string: :func:`to_dict`, with letters not ASCII-escaped.

    Args:
        article: The article to write.

    Returns:
        One line of JSON, whose length grows linearly with the article's (each speaker is
        written once); :func:`loads` reads it back.
    """
    return json.dumps(to_dict(article), ensure_ascii=False)


def loads(data: str | bytes) -> Article:
    """Parse a JSON string made by :func:`dumps` back into an equal :class:`~frettir.Article`.

    It also reads what frettir 0.1 wrote (each quote with its whole speaker).

    Args:
        data: The JSON, as text or as UTF-8 bytes.

    Returns:
        The article, equal to the one that was written.

    Raises:
        InputError: If ``data`` is not JSON or not an article; the message names each bad
            field by its path and says what was wrong with it.

    >>> from frettir import Article
    >>> article = Article.from_text("„Já,“ sagði Anna.")
    >>> loads(dumps(article)) == article
    True
    >>> loads('{"text": "Já.", "quotes": [{"kind": "both"}]}')
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: not a frettir article: $.quotes[0].kind: expected ...
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
        "group": quote.group,
    }


def to_record(article: Article, *, id: str | None = None) -> dict[str, Any]:
    """Return the flat record ``frettir extract --jsonl`` writes for ``article``.

    The keys ``id``, ``quotes`` (each with ``kind``, ``start``, ``end``, ``text``,
    ``speaker``, ``cue``) and ``speakers`` are a stable contract; other keys may be added.

    >>> from frettir import Article
    >>> record = to_record(Article.from_text("„Já,“ sagði Anna Jónsdóttir."), id="a1")
    >>> quote = record["quotes"][0]
    >>> quote["speaker"], quote["start"], quote["end"]
    ('Anna Jónsdóttir', 1, 4)
    """
    return {
        "id": id,
        "quotes": [_quote_record(q) for q in article.quotes],
        "speakers": [_speaker_record(s) for s in article.speakers],
    }
