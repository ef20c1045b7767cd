"""From raw text to quotes and speakers: scan, tokenize, attribute, build the model's values.

It returns a plain :class:`Reading`; :class:`~frettir.Article` (in :mod:`frettir.article`,
above this module) is built from it, so nothing here imports the article.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from urllib.parse import urlsplit

import attrs

from frettir._attribution import Claim, attribute
from frettir._cues import cue_at, may_report
from frettir._greynir import (
    DEFAULT_PARSE,
    PARSE_MODES,
    SENTENCE_BUDGET,
    Analysed,
    Parsing,
    Token,
    analyse,
    split,
)
from frettir._greynir import parse as parse_sentence
from frettir._marks import Marked, scan_marks
from frettir._marks import paragraphs as find_paragraphs
from frettir._speakers import Entity
from frettir._unclosed import end_at_trailing_cue
from frettir.errors import InputError
from frettir.model import Gender, Quote, Span, Speaker, SpeakerKind

__all__ = ["Reading", "outlet_of", "read_text"]

_GENDER: dict[str, Gender] = {"kk": "masculine", "kvk": "feminine", "hk": "neuter"}
_KIND: dict[str, SpeakerKind] = {
    "person": "person",
    "organization": "organization",
    "description": "description",
}


def _check_text(text: object, name: str, *, optional: bool) -> None:
    if optional and text is None:
        return
    if not isinstance(text, str):
        accepted = "str or None" if optional else "str"
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(text, bytes | bytearray) else ""
        )
        raise TypeError(f"{name} must be {accepted}, not {type(text).__name__}{hint}")


def outlet_of(url: str | None) -> str | None:
    """The publisher of ``url``: its host without ``www.`` (``mbl.is``), or ``None``."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _speaker(entity: Entity, extra: list[tuple[int, int]]) -> Speaker:
    spans = sorted({*entity.mentions, *extra})
    return Speaker(
        name=entity.name,
        kind=_KIND.get(entity.kind, "person"),
        gender=_GENDER.get(entity.gender or ""),
        titles=tuple(entity.titles),
        mentions=tuple(Span(start=a, end=b) for a, b in spans),
    )


def _span(pair: tuple[int, int] | None) -> Span | None:
    return None if pair is None else Span(start=pair[0], end=pair[1])


FOLLOWERS = 4
"""Sentences after one that may report which are analysed too (the reportive subjunctive)."""


def _analyse(
    text: str, paras: tuple[Span, ...], marks: Sequence[Marked], parsing: Parsing
) -> list[list[Token]]:
    """Tokens of every paragraph: full BÍN analysis only where a quote or report may be.

    Every paragraph is tokenized once, with the plain tokenizer. A sentence with quotation
    marks or a form of a verb of saying, the :data:`FOLLOWERS` sentences after it, and the
    first sentence after a paragraph with quotation marks then go on through reynir's BÍN
    pipeline (from the same raw tokens), and so does the first sentence after a paragraph
    whose last sentence went through it (a report may carry on there); the rest keep their
    light tokens, which still show
    the names. In the ``"cues"`` mode, each of those sentences with a cue verb is parsed too
    (:func:`_parsed`).
    """
    out: list[list[Token]] = []
    quoted_before = False
    starts = [mark.outer.start for mark in marks]  # sorted, as scan_marks gives them
    for para in paras:
        sentences = split(text, para.start, para.end)
        wanted = [may_report(text[s.start : s.end], [t.low for t in s.tokens]) for s in sentences]
        follow = 0
        for n, flag in enumerate(wanted):
            if flag:
                follow = FOLLOWERS
            elif follow > 0 or (n == 0 and quoted_before):
                wanted[n] = True
                follow -= 1
        para_tokens: list[Token] = []
        n = 0
        while n < len(sentences):
            if not wanted[n]:
                para_tokens.extend(sentences[n].tokens)
                n += 1
                continue
            m = n
            while m < len(sentences) and wanted[m]:
                m += 1
            for analysed in analyse(text, sentences[n:m]):
                para_tokens.extend(_parsed(analysed, parsing))
            n = m
        out.append(para_tokens)
        k = bisect.bisect_left(starts, para.start)
        # the next paragraph may go on with this one's quote, or its last report (in the subjunctive)
        quoted_before = (k < len(starts) and starts[k] < para.end) or (bool(wanted) and wanted[-1])
    return out


def _parsed(sentence: Analysed, parsing: Parsing) -> tuple[Token, ...]:
    """The sentence's tokens, with the readings Greynir's parse chose when it is parsed.

    Only in the ``"cues"`` mode, only a sentence with a cue verb outside quotation marks
    can tell, and at most :data:`~frettir._greynir.SENTENCE_BUDGET` sentences an article.
    """
    tokens = sentence.tokens
    if parsing.mode != "cues" or parsing.parsed >= SENTENCE_BUDGET:
        return tokens
    if not any(cue_at(tokens, i) is not None for i in range(len(tokens))):
        return tokens
    return parse_sentence(sentence, parsing)


def check_parse(parse: object) -> str:
    """Return ``parse`` if it names a parsing mode, else raise :class:`~frettir.InputError`."""
    if not isinstance(parse, str) or parse not in PARSE_MODES:
        accepted = ", ".join(repr(mode) for mode in PARSE_MODES)
        raise InputError(f"parse must be one of {accepted}, not {parse!r}")
    return parse


@attrs.frozen(kw_only=True)
class Reading:
    """What reading a text gives, before it becomes an :class:`~frettir.Article`."""

    outlet: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()


def read_text(
    text: str, *, title: str | None, url: str | None, parser: object | None, parse: str = DEFAULT_PARSE
) -> Reading:
    """Do the work of :meth:`Article.from_text <frettir.Article.from_text>` (and ``from_html``).

    Raises:
        TypeError: If ``text`` is not a ``str``, or ``title`` or ``url`` neither ``str`` nor ``None``.
        InputError: If ``parse`` is not one of :data:`~frettir._greynir.PARSE_MODES`.
    """
    _check_text(text, "text", optional=False)
    _check_text(title, "title", optional=True)
    _check_text(url, "url", optional=True)
    parsing = Parsing(check_parse(parse), parser)
    outlet = outlet_of(url)
    paras = find_paragraphs(text)
    if not paras:
        return Reading(outlet=outlet)
    marks = end_at_trailing_cue(text, scan_marks(text))
    tokens = _analyse(text, paras, marks, parsing)
    sentences: list[Span] = []
    for para_tokens in tokens:
        begin: int | None = None
        end = 0
        for token in para_tokens:
            if token.sent_start and begin is not None:
                sentences.append(Span(start=begin, end=end))
                begin = None
            if begin is None:
                begin = token.start
            end = max(end, token.end)
        if begin is not None:
            sentences.append(Span(start=begin, end=end))
    claims = attribute(text, marks, tokens, parsing)
    speakers, quotes = _build(text, claims)
    return Reading(
        outlet=outlet, paragraphs=paras, sentences=tuple(sentences), quotes=quotes, speakers=speakers
    )


def _build(text: str, drafts: list[Claim]) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    extra: dict[int, list[tuple[int, int]]] = {}
    order: list[Entity] = []
    for draft in drafts:
        if draft.entity is None:
            continue
        if all(draft.entity is not e for e in order):
            order.append(draft.entity)
        if draft.speaker_span is not None:
            extra.setdefault(id(draft.entity), []).append(draft.speaker_span)
    order.sort(key=lambda e: min([*e.mentions, *extra.get(id(e), [])], default=(0, 0)))
    built = {id(e): _speaker(e, extra.get(id(e), [])) for e in order}
    quotes: list[Quote] = []
    seen: set[tuple[str, int, int]] = set()
    for draft in sorted(drafts, key=lambda d: (d.start, d.kind != "indirect", d.end)):
        key = (draft.kind, draft.start, draft.end)
        if key in seen or draft.end <= draft.start:
            continue
        seen.add(key)
        quotes.append(
            Quote(
                kind="direct" if draft.kind == "direct" else "indirect",
                span=Span(start=draft.start, end=draft.end),
                text=text[draft.start : draft.end],
                outer=_span(draft.outer),
                speaker=None if draft.entity is None else built[id(draft.entity)],
                speaker_span=_span(draft.speaker_span),
                cue=draft.cue,
                cue_span=_span(draft.cue_span),
                confidence=draft.confidence,
                rule=draft.rule,
                medium=draft.medium,
                group=draft.group,
            )
        )
    return tuple(built[id(e)] for e in order), tuple(quotes)
