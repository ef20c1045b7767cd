r"""Marked spans that are not speech: titles of works, names, terms and scare quotes.

The sentence around the marks decides (see :mod:`frettir._naming`), never their length:

* :func:`names_something`, asked of every quotation before any rule attributes it: a naming
  noun right before the marks (*lagið „…“*, *undir fyrirsögninni „…“*), a naming verb or a
  copula and a naming noun right after them (*„…“ heitir myndin*, *„…“ er yfirskrift
  þingsins*), a scare quote flagged as one (*svokallaður „…“*, *„…“ eins og sagt er*), or a
  list of marked spans (*„A“, „B“ og „C“*);
* :func:`not_speech`, asked of a quotation that no cue attributed (the ``uncued`` stage): a
  span that sits inside the writer's own sentence — it does not open its sentence or follow a
  colon, and no report holds it (a report found, or a sentence in the reportive subjunctive)
  — is a title, a name, a term or a scare quote, however many words it has; so is one
  governed by a preposition (*með „Þú komst við hjartað í mér“*).

>>> show("Ferjan „Herjólfur“ sigldi ekki í dag.")
>>> show("Hann sagði í gær að lagið „Vor í borg“ hefði slegið í gegn.")
indirect.that_clause | None | segja | lagið „Vor í borg“ hefði slegið í gegn
>>> show("„Við unnum,“ sagði Sigríður Pálsdóttir. Liðið hefði verið „betra í dag“.")
direct.cue_after | Sigríður Pálsdóttir | segja | Við unnum,
direct.continuation | Sigríður Pálsdóttir | None | betra í dag
"""

from __future__ import annotations

from frettir._attribution.context import Chain, Context, mark_tokens
from frettir._attribution.continuation import subjunctive_clause
from frettir._attribution.interviews import starts_paragraph
from frettir._naming import flagged_as_said, governed_by_preposition, listed, naming_after, naming_before

__all__ = ["names_something", "not_speech"]


def names_something(ctx: Context, chain: Chain) -> bool:
    """Whether a quotation is a title, a name, a term or a scare quote by the words beside it.

    Also when it is one of a list of marked spans.
    """
    doc = ctx.doc
    for m in {chain[0], chain[-1]}:
        if listed(doc.text, doc.marks, m):
            return True
        i, j = mark_tokens(doc, m)
        if i < len(doc.tokens) and naming_before(doc.tokens, i, doc.units[doc.unit_of[i]][0]):
            return True
        if j > 0 and naming_after(doc.tokens, j, _unit_end(ctx, j - 1)):
            return True
        if i < len(doc.tokens) and flagged_as_said(doc.tokens, i, j, _unit_end(ctx, j - 1)):
            return True
    return False


def not_speech(ctx: Context, chain: Chain) -> bool:
    """Whether a quotation with no cue is a title, a name, a term or a scare quote."""
    doc = ctx.doc
    m = chain[0]
    if not doc.tokens:
        return False
    i, _ = mark_tokens(doc, m)
    if i >= len(doc.tokens):
        return False
    a, _b = doc.units[doc.unit_of[i]]
    if governed_by_preposition(doc.tokens, i, a):
        return True
    # inside the writer's own sentence, with no cue and no report around it: not speech
    return not (_opens_sentence(ctx, m) or _in_report(ctx, m))


def _unit_end(ctx: Context, k: int) -> int:
    """The end of the sentence (unit) that token ``k`` belongs to, or of the next one.

    A closing mark often ends its unit; what follows it (``„…“ heitir myndin``) is then read
    up to the end of the next unit in the same paragraph.
    """
    doc = ctx.doc
    unit = doc.unit_of[k]
    _, b = doc.units[unit]
    if b <= k + 1 and unit + 1 < len(doc.units) and doc.para_of[doc.units[unit + 1][0]] == doc.para_of[k]:
        return doc.units[unit + 1][1]
    return b


def _opens_sentence(ctx: Context, m: int) -> bool:
    """Whether the quote opens its sentence or paragraph, or follows a colon (``Jón: „…“``)."""
    doc = ctx.doc
    i, _ = mark_tokens(doc, m)
    if i == 0 or doc.units[doc.unit_of[i]][0] == i or starts_paragraph(ctx, m):
        return True
    return doc.tokens[i - 1].text in (":", "–", "-", "—")


def _in_report(ctx: Context, m: int) -> bool:
    """Whether a report holds the quote (a partial quote of the reported speaker).

    A report already found, or a sentence whose main verb is in the reportive subjunctive
    (*Þess í stað sé um að ræða „…“*).
    """
    doc = ctx.doc
    mark = doc.marks[m]
    i, _ = mark_tokens(doc, m)
    if any(
        claim.start <= mark.outer.start and mark.outer.end <= claim.end
        for claim in ctx.board.reports_in(doc.para_of[i])
    ):
        return True
    a, b = doc.units[doc.unit_of[i]]
    return subjunctive_clause(ctx, a, b)
