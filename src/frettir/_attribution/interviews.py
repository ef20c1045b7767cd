"""Interviews: answers printed after an unquoted question paragraph (Q&A layout)."""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.context import Chain, Context, mark_claim, mark_tokens
from frettir._attribution.registry import rule
from frettir._speakers import Entity

__all__ = ["after_question", "interview_answer", "main_person", "starts_paragraph"]


def starts_paragraph(ctx: Context, m: int) -> bool:
    """Whether mark ``m`` opens its paragraph."""
    i, _ = mark_tokens(ctx.doc, m)
    return i == 0 or ctx.doc.para_of[i - 1] != ctx.doc.para_of[i]


def after_question(ctx: Context, m: int) -> bool:
    """Whether the paragraph before mark ``m``'s is an unquoted question (an interview)."""
    doc = ctx.doc
    i, _ = mark_tokens(doc, m)
    if i == 0:
        return False
    last = doc.tokens[i - 1]
    start = next((k for k in range(i - 1, -1, -1) if doc.para_of[k] != doc.para_of[i - 1]), -1) + 1
    return last.text == "?" and all(doc.inside[k] < 0 for k in range(start, i))


def main_person(ctx: Context) -> Entity | None:
    """The person the article names most often (the interviewee of a Q&A piece)."""
    people = [e for e in ctx.doc.registry.entities if e.kind == "person"]
    if not people:
        return None
    return max(people, key=lambda e: len(e.mentions))


@rule("direct.interview_answer", 0.75, stage="uncued")
def interview_answer(ctx: Context, chain: Chain) -> Claim | None:
    r"""A quote with no cue opening a paragraph right after an unquoted question paragraph.

    The layout of an interview: the quote goes to the latest speaker, or else to the person
    the article names most often (the interviewee).

    >>> show(
    ...     "Guðrún Ósk Jónsdóttir hefur stýrt kórnum í tíu ár. Blaðið ræddi við hana.\n"
    ...     "Hvernig byrjaði þetta?\n"
    ...     "„Ég söng í kór sem barn og hef ekki hætt síðan.“"
    ... )
    direct.interview_answer | Guðrún Ósk Jónsdóttir | None | Ég söng í kór sem barn og hef ekki hætt síðan.
    """
    m = chain[0]
    if not (starts_paragraph(ctx, m) and after_question(ctx, m)):
        return None
    latest = ctx.board.latest(ctx.doc.marks[m].outer.start)
    entity = None if latest is None else latest.entity
    return mark_claim(ctx.doc, m, entity or main_person(ctx), None, None, "direct.interview_answer")
