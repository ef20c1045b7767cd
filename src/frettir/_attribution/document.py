"""The article as attribution reads it: tokens, paragraphs, sentence units, marks.

Built once per article by :func:`read_document`; the rules only read it. Its one mutable
part is the speaker registry (names, titles, pronouns), which :mod:`frettir._speakers` owns,
and the count of clause parses spent (a budget).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from frettir._cues import cue_at, indicative_only, strong_finite, subjunctive_only, third_person_possible
from frettir._greynir import Token
from frettir._marks import Marked
from frettir._speakers import Entity, Registry

__all__ = [
    "CLAUSE_COORDINATORS",
    "CLAUSE_OPENERS",
    "FINAL",
    "SUBORDINATORS",
    "Doc",
    "clause_end",
    "clause_start",
    "content_span",
    "first_index",
    "read_document",
    "token_range",
]

FINAL = frozenset({".", "!", "?", "…", "...", ";"})
"""Punctuation that ends a sentence unit outside quotation marks."""
SUBORDINATORS = frozenset(
    {"sem", "þegar", "ef", "hvort", "þótt", "því", "er", "nema", "enda", "meðan", "þar"}
)
"""Words that open a subordinate clause: its finite verb is not the sentence's main verb."""
CLAUSE_OPENERS = frozenset(
    {
        ",", "og", "en", ":", ";", "–", "-", "“", "”", '"', "»", "«", "sem", "þegar", "ef",
        "hvort", "því", "þar", "að", "síðan", "meðan", "þótt", "nema", "enda",
    }
)  # fmt: skip
"""Tokens after which a new clause (and so a subject position) starts."""


@attrs.define
class Doc:
    """One article's tokens and quotation marks, with indexes the rules share.

    ``inside[i]`` is the index in ``marks`` of the top-level quotation whose content holds
    token ``i`` (``-1`` outside quotes); ``units`` are sentences as seen outside quotation
    marks, as token ranges ``[a, b)``, and ``unit_of[i]`` the unit of token ``i``.
    """

    text: str
    tokens: list[Token]
    para_of: list[int]
    inside: list[int]
    units: list[tuple[int, int]]
    unit_of: list[int]
    marks: list[Marked]
    registry: Registry
    by_start: dict[int, Entity]
    parser: object | None = None
    parses: int = 0


def read_document(
    text: str, marks: Sequence[Marked], tokens: Sequence[list[Token]], parser: object | None
) -> Doc:
    """Flatten the paragraphs' tokens and index them by quotation and by sentence unit."""
    flat: list[Token] = []
    para_of: list[int] = []
    for p, para_tokens in enumerate(tokens):
        flat.extend(para_tokens)
        para_of.extend([p] * len(para_tokens))
    top = [m for m in marks if m.depth == 0]
    inside = [-1] * len(flat)
    mark_index = {id(m): n for n, m in enumerate(marks)}
    t = 0
    for mark in top:
        while t < len(flat) and flat[t].end <= mark.inner.start:
            t += 1
        k = t
        while k < len(flat) and flat[k].start < mark.inner.end:
            if flat[k].start >= mark.inner.start:
                inside[k] = mark_index[id(mark)]
            k += 1
    units = _build_units(flat, para_of, inside, list(marks))
    unit_of = [0] * len(flat)
    for u, (a, b) in enumerate(units):
        for x in range(a, b):
            unit_of[x] = u
    return Doc(text, flat, para_of, inside, units, unit_of, list(marks), Registry(), {}, parser)


def _build_units(
    doc_tokens: list[Token], para_of: list[int], inside: list[int], marks: list[Marked]
) -> list[tuple[int, int]]:
    units: list[tuple[int, int]] = []
    start = 0
    n = len(doc_tokens)
    for i, token in enumerate(doc_tokens):
        last = i + 1 == n or para_of[i + 1] != para_of[i]
        boundary = last
        if not boundary and inside[i] < 0 and token.kind == "punct" and token.text in FINAL:
            boundary = True
        if not boundary and inside[i] >= 0 and inside[i + 1] < 0:
            # closing mark follows? a quote ending in . ! ? followed by a capitalised non-cue word
            mark = marks[inside[i]]
            if mark.closer is not None and token.end <= mark.inner.end and token.text in FINAL:
                j = i + 1
                while (
                    j < n
                    and inside[j] < 0
                    and doc_tokens[j].kind == "punct"
                    and doc_tokens[j].start < mark.outer.end
                ):
                    j += 1
                if (
                    j < n
                    and para_of[j] == para_of[i]
                    and doc_tokens[j].text[:1].isupper()
                    and cue_at(doc_tokens, j) is None
                ):
                    # end the unit after the closing mark
                    boundary = False
                    units.append((start, j))
                    start = j
                    continue
        if boundary:
            if start <= i:
                units.append((start, i + 1))
            start = i + 1
    return [u for u in units if u[0] < u[1]]


def first_index(tokens: Sequence[Token], start: int, a: int, b: int) -> int:
    """Index of the token starting at ``start`` within tokens[a:b] (``a`` if none)."""
    k = bisect.bisect_left(tokens, start, a, b, key=lambda t: t.start)
    return k if k < b and tokens[k].start == start else a


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token indices [i, j) covering the character range [start, end)."""
    i = bisect.bisect_right(doc.tokens, start, key=lambda t: t.end)
    j = bisect.bisect_left(doc.tokens, end, i, key=lambda t: t.start)
    return i, j


def clause_end(doc: Doc, start: int, b: int) -> int:
    """Where a reported clause ends: before ``og``/``en`` that start a new indicative clause."""
    tokens = doc.tokens
    for x in range(start + 1, b):
        if doc.inside[x] >= 0 or tokens[x].low not in ("og", "en"):
            continue
        if tokens[x].low == "en" and any("MST" in m.tags for m in tokens[x - 1].meanings):
            continue  # "minna en óttast var": a comparison, not a new clause
        if tokens[x].low == "og" and tokens[x - 1].low == "eins":
            continue  # "eins og …": a comparison, not a coordinator
        if (
            tokens[x].low == "en"
            and tokens[x - 1].text == ","
            and not any(subjunctive_only(tokens[y]) for y in range(x + 1, min(b, x + 4)))
        ):
            return x - 1
        # "og" may join noun phrases inside the report; "en" joins clauses, its subject may be long
        for y in range(x + 1, min(b, x + (4 if tokens[x].low == "og" else 7))):
            token = tokens[y]
            if (
                doc.inside[y] >= 0
                or (token.low in SUBORDINATORS and not _verb_er(tokens, y))
                or token.low == "að"
            ):
                break  # "en eftir að þær fengu …": a subordinate clause first, its verb is not the main one
            if (cue_at(tokens, y, b) is not None and not subjunctive_only(token)) or (
                indicative_only(token) and strong_finite(token) and third_person_possible(tokens, y)
            ):
                return x  # "vel" in "en vel geti": no "ég", so not "(ég) vel" but an adverb
            if subjunctive_only(token):
                break
    return b


def _verb_er(tokens: Sequence[Token], y: int) -> bool:
    """*er* as the verb *vera*, not a relative: right after *og* or a nominative pronoun.

    *… og er andsnúið því*, *… og það er komið til skoðunar*: a new main clause's verb.
    """
    before = tokens[y - 1]
    return tokens[y].low == "er" and (
        before.low == "og" or any(m.cat == "pfn" and m.tags.startswith("NF") for m in before.meanings)
    )


CLAUSE_COORDINATORS = frozenset({"en", "og", "enda"})
"""Coordinators that can join two main clauses."""


def clause_start(doc: Doc, a: int, x: int) -> int:
    """Where the main clause holding token ``x`` starts in the sentence from token ``a``.

    After the last coordinator before ``x`` that joins two clauses: a finite verb stands on
    each side of it (``Bannið var í gildi en fjörutíu voru í salnum``); else ``a``. *en*
    after a comparative (*meira en*) compares and joins nothing.
    """
    tokens = doc.tokens
    for k in range(x - 1, a, -1):
        token = tokens[k]
        if doc.inside[k] >= 0 or token.low not in CLAUSE_COORDINATORS:
            continue
        if token.low == "en" and any("MST" in m.tags for m in tokens[k - 1].meanings):
            continue
        if token.low == "og" and tokens[k - 1].low == "eins":
            continue
        if any(strong_finite(t) for t in tokens[k + 1 : x]) and any(strong_finite(t) for t in tokens[a:k]):
            return k + 1
    return a


def content_span(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Character span of tokens[i:j] without trailing final punctuation and commas."""
    tokens = doc.tokens
    while j > i and tokens[j - 1].kind == "punct" and tokens[j - 1].text in FINAL | {",", ":", "–", "-"}:
        j -= 1
    while i < j and tokens[i].kind == "punct" and tokens[i].text in {",", ":", "–", "-"}:
        i += 1
    if j <= i:
        return None
    return tokens[i].start, tokens[j - 1].end
