"""Marked spans that are not speech: titles of works, names, terms and scare quotes.

Asked only of a quotation that no cue attributed (the ``uncued`` stage): such a span is
dropped instead of being given to the latest speaker.

>>> show("Ferjan „Herjólfur“ sigldi ekki í dag.")
"""

from __future__ import annotations

from frettir._attribution.context import Chain, Context, mark_tokens
from frettir._attribution.interviews import starts_paragraph
from frettir._attribution.words import TITLE_VERBS, WORKS

__all__ = ["SHORT_WORDS", "TITLE_WORDS", "not_speech"]

SHORT_WORDS = 3
"""A cueless marked span of at most this many words inside a sentence is not speech."""
TITLE_WORDS = 8
"""A cueless marked span of at most this many words next to a naming word is a title."""


def not_speech(ctx: Context, chain: Chain) -> bool:
    """Whether a quotation with no cue is a title, a name or a scare quote rather than speech."""
    doc = ctx.doc
    words = len(" ".join(doc.marks[m].inner.slice(doc.text) for m in chain).split())
    if words <= SHORT_WORDS and not _starts_unit(ctx, chain[0]):
        return True  # a title, a name or a scare quote inside a sentence: not speech
    return words <= TITLE_WORDS and (_title_context(ctx, chain[-1]) or _title_context(ctx, chain[0]))


def _starts_unit(ctx: Context, m: int) -> bool:
    """Whether the quote opens its sentence (``… sagði hún. „Já.“``) rather than sits in one."""
    doc = ctx.doc
    i, _ = mark_tokens(doc, m)
    return i == 0 or doc.units[doc.unit_of[i]][0] == i or starts_paragraph(ctx, m)


def _title_context(ctx: Context, m: int) -> bool:
    """A title of a work: ``„…“ heitir myndin`` or ``söng lagið „…“``."""
    doc = ctx.doc
    i, j = mark_tokens(doc, m)
    if i > 0 and doc.para_of[i - 1] == doc.para_of[i]:
        before = doc.tokens[i - 1]
        if any(mm.cat in ("kk", "kvk", "hk") and mm.lemma in WORKS for mm in before.meanings):
            return True
    while j < len(doc.tokens) and doc.tokens[j].kind == "punct":
        j += 1
    return j < len(doc.tokens) and any(
        mm.lemma in TITLE_VERBS for mm in doc.tokens[j].meanings if mm.cat == "so"
    )
