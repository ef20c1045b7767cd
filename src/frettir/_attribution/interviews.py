"""Interviews: answers printed after an unquoted question paragraph (Q&A layout).

A marked answer after a question paragraph (``direct.interview_answer``, a quotation with no
cue) and an answer printed without marks (``direct.qa_answer``, found by the layout in
:mod:`frettir._interview`) are both the interviewee's words.
"""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.context import Chain, Context, mark_claim, mark_tokens
from frettir._attribution.registry import rule, rule_confidence
from frettir._interview import answer_paragraphs
from frettir._speakers import Entity
from frettir.model import Span

__all__ = [
    "after_question",
    "interview_answer",
    "interviewee",
    "main_person",
    "qa_answers",
    "starts_paragraph",
]


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


def interviewee(ctx: Context, before: int) -> Entity | None:
    """The person an interview is with: the first named before ``before`` (the intro).

    With nobody named there, the person the article names most often.
    """
    people = [
        e
        for e in ctx.doc.registry.entities
        if e.kind == "person" and e.mentions and min(e.mentions)[0] < before
    ]
    if people:
        return min(people, key=lambda e: min(e.mentions))
    return main_person(ctx)


@rule("direct.qa_answer", 0.8, stage="interviews")
def qa_answers(ctx: Context) -> list[Claim]:
    r"""Answer paragraphs printed without marks after question paragraphs, in a Q&A interview.

    One direct quote per answer paragraph, the interviewee's (the person the intro names
    first), with no cue and no mention. The layout must repeat (at least two questions with
    an answer): one question and a paragraph after it may be a rhetorical question.

    >>> show(
    ...     "Anna Sigríður Jónsdóttir tók við sem skólastjóri í haust.\n"
    ...     "Hvernig hafa fyrstu vikurnar verið?\n"
    ...     "Annasamar en skemmtilegar.\n"
    ...     "Hvað tekur við næst?\n"
    ...     "Við ætlum að byggja nýtt íþróttahús."
    ... )
    direct.qa_answer | Anna Sigríður Jónsdóttir | None | Annasamar en skemmtilegar.
    direct.qa_answer | Anna Sigríður Jónsdóttir | None | Við ætlum að byggja nýtt íþróttahús.
    """
    doc = ctx.doc
    if not doc.tokens:
        return []
    spans: list[Span] = []
    for k, token in enumerate(doc.tokens):
        if k == 0 or doc.para_of[k] != doc.para_of[k - 1]:
            spans.append(Span(start=token.start, end=token.end))
        else:
            spans[-1] = Span(start=spans[-1].start, end=token.end)
    answers = answer_paragraphs(doc.text, spans)
    if not answers:
        return []
    speaker = interviewee(ctx, spans[answers[0] - 1].start)
    confidence = rule_confidence("direct.qa_answer")
    return [
        Claim(
            "direct",
            spans[n].start,
            spans[n].end,
            outer=(spans[n].start, spans[n].end),
            entity=speaker,
            confidence=confidence,
            rule="direct.qa_answer",
            para=n,
        )
        for n in answers
    ]
