r"""Quotes inside quotes: an inner quote that reproduces someone's words is a quote of its own.

The outer quote is one entry from its opening to its closing mark, inner marks included. An
inner quote is an entry too when a cue inside the outer quote gives it a speaker (the
annotation guide's Settled cases): *„… en hann svaraði: „Ég get ekki sagt það.“ …,“ spyr
Illugi.* gives Illugi the outer quote and the person *hann* refers to the inner one. Inner
marks around a title, a name or a term (:func:`~frettir._attribution.not_speech.names_something`)
and inner marks with no cue beside them (a scare quote) are no entries.
"""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.context import Chain, Context, mark_claim, mark_tokens
from frettir._attribution.mentions import entity_for
from frettir._attribution.not_speech import names_something
from frettir._attribution.registry import rule
from frettir._cues import Cue, cue_at
from frettir._speakers import Mention, read_np

__all__ = ["inner_quote", "inner_quotes"]

_CUE_REACH = 4
"""How many tokens before the colon the cue verb and its subject may stand (``hann svaraði þá:``)."""


def _subject(ctx: Context, cue: Cue, floor: int, ceiling: int) -> Mention | None:
    """The subject of a cue inside a quote: right before the verb, or right after it (inverted)."""
    tokens = ctx.doc.tokens
    for k in (cue.index - 1, cue.index + 1):
        if floor <= k < ceiling and (
            tokens[k].kind == "person" or any(m.cat == "pfn" for m in tokens[k].meanings)
        ):
            mention = read_np(tokens, k, ceiling, apposition=False)
            if mention is not None and mention.kind in ("person", "pronoun"):
                return mention
    return None


def _cue_before(ctx: Context, i: int, floor: int) -> Cue | None:
    """``… hann svaraði: „…“``: a cue verb a few tokens before the colon before mark token ``i``."""
    tokens = ctx.doc.tokens
    if i - 1 <= floor or tokens[i - 1].text != ":":
        return None
    for k in range(i - 2, max(floor, i - 2 - _CUE_REACH) - 1, -1):
        cue = cue_at(tokens, k, i - 1)
        if cue is not None:
            return cue
    return None


def _cue_after(ctx: Context, j: int, ceiling: int) -> Cue | None:
    """``„…,“ sagði hann`` inside the outer quote: a cue verb right after the inner closing mark."""
    tokens = ctx.doc.tokens
    while j < ceiling and tokens[j].text in (",", "–", "-"):
        j += 1
    return cue_at(tokens, j, ceiling) if j < ceiling else None


@rule("direct.inner_quote", 0.7, stage="direct")
def inner_quote(ctx: Context, chain: Chain, m: int) -> Claim | None:
    r"""A quote inside an attributed quote, with a cue inside the outer quote beside it.

    The speaker is the cue's subject (a name, or a pronoun resolved as anywhere else), not the
    outer quote's speaker.

    >>> show(
    ...     "Páll Ólafsson var í bænum. „Ég hringdi og hann svaraði: „Ég kem á morgun.“ "
    ...     "Svo kom hann,“ segir Illugi Jökulsson."
    ... )
    direct.cue_after | Illugi Jökulsson | segja | Ég hringdi og hann svaraði: „Ég kem á morgun.“ Svo kom hann,
    direct.inner_quote | Páll Ólafsson | svara | Ég kem á morgun.
    """
    doc = ctx.doc
    outer = doc.marks[chain[0]] if len(chain) == 1 else None
    if outer is None:
        return None
    floor, ceiling = mark_tokens(doc, chain[0])
    i, j = mark_tokens(doc, m)
    cue = _cue_before(ctx, i, floor)
    if cue is None:
        cue = _cue_after(ctx, j, ceiling)
    if cue is None:
        return None
    mention = _subject(ctx, cue, floor, ceiling)
    entity = None if mention is None else entity_for(doc, mention)
    span = None if mention is None else (mention.start, mention.end)
    return mark_claim(doc, m, entity, span, cue, "direct.inner_quote")


def inner_quotes(ctx: Context, chain: Chain) -> list[Claim]:
    """The inner quotes of an attributed quotation that are quotes of their own."""
    doc = ctx.doc
    found: list[Claim] = []
    for part in chain:
        outer = doc.marks[part]
        for m in range(part + 1, len(doc.marks)):
            mark = doc.marks[m]
            if mark.outer.start >= outer.inner.end:
                break
            if mark.depth != outer.depth + 1 or not mark.inner.slice(doc.text).strip():
                continue
            if names_something(ctx, (m,)):
                continue
            claim = inner_quote(ctx, (part,), m)
            if claim is not None:
                found.append(claim)
    return found
