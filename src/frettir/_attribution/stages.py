"""The stage driver: marks → cue sites → claims → resolved speakers.

1. :func:`~frettir._attribution.mentions.register_names` and
   :func:`~frettir._attribution.cue_sites.find_cue_sites`: names and cues with subjects;
2. ``direct``: each quotation (a chain of marks) that does not name something
   (:func:`~frettir._attribution.not_speech.names_something`) gets the first of
   :data:`DIRECT` that fits;
3. ``reported``: each cue no claim used yet, read for its clause, gets the first of
   :data:`REPORTED`;
4. ``according_to``: ``að sögn X`` in every sentence; then reports inside a report of the
   same speaker are dropped (:meth:`~frettir._attribution.claims.Board.drop_nested`);
5. ``continuation``: sentences in the reportive subjunctive after a report;
6. ``uncued``: quotations still without a cue are dropped when they are not speech
   (:func:`~frettir._attribution.not_speech.not_speech`), else get the first of :data:`UNCUED`;
7. ``interviews``: answer paragraphs printed without marks in a Q&A interview
   (:func:`~frettir._attribution.interviews.qa_answers`).

Each stage adds its claims to one :class:`~frettir._attribution.claims.Board` in text
order; that order is the precedence (see :mod:`frettir._attribution.claims`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from frettir._attribution import according_to as _according
from frettir._attribution import continuation as _continuation
from frettir._attribution import direct_layouts as _direct
from frettir._attribution import inner_quotes as _inner
from frettir._attribution import interviews as _interviews
from frettir._attribution import reported_speech as _reported
from frettir._attribution.claims import Board, Claim
from frettir._attribution.context import Chain, Context, para_of_mark
from frettir._attribution.cue_sites import find_cue_sites
from frettir._attribution.document import read_document, token_range
from frettir._attribution.documents import Media
from frettir._attribution.mentions import register_names
from frettir._attribution.not_speech import names_something, not_speech
from frettir._attribution.registry import RULES, STAGES, Rule
from frettir._greynir import Token
from frettir._marks import Marked

__all__ = ["DIRECT", "REPORTED", "STAGE_RULES", "UNCUED", "attribute"]

ChainRule = Callable[[Context, Chain], Claim | None]
ReportRule = Callable[[Context, _reported.Report], Claim | None]

DIRECT: tuple[ChainRule, ...] = (
    _direct.cue_after,
    _direct.cue_after_impersonal,
    _direct.dash,
    _direct.verb_after,
    _direct.split,
    _direct.cue_before,
    _direct.document_before,
    _direct.in_report,
    _direct.this_says,
    _direct.this_names,
)
"""Direct layouts in the order they are tried: the cue after the quote first (the usual
layout), then the cue before it, then the next paragraph's ``Þetta segir X``."""
REPORTED: tuple[ReportRule, ...] = (
    _reported.before_cue,
    _reported.passive,
    _reported.request,
    _reported.question,
    _reported.experiencer,
    _reported.that_clause,
    _reported.bare_clause,
    _reported.small_clause,
    _reported.infinitive,
    _reported.that_clause_impersonal,
    _reported.infinitive_impersonal,
)
"""Reported-speech rules; for one report at most one fits."""
UNCUED: tuple[ChainRule, ...] = (
    _interviews.interview_answer,
    _direct.introduced,
    _continuation.continuation,
    _continuation.unattributed,
)
"""Rules for a quotation with no cue, in order; the last always fits."""


def _stage_rules() -> dict[str, tuple[Rule, ...]]:
    by_function = {rule.function: rule for rule in RULES.values()}
    order: dict[str, tuple[Callable[..., object], ...]] = {
        "direct": (*DIRECT, _inner.inner_quote),
        "reported": REPORTED,
        "according_to": (_according.according_to,),
        "continuation": (_continuation.subjunctive,),
        "uncued": UNCUED,
        "interviews": (_interviews.qa_answers,),
    }
    return {stage: tuple(by_function[f] for f in order[stage]) for stage in STAGES}


STAGE_RULES = _stage_rules()
"""Every registered rule, by stage, in the order it is tried: the table the docs render."""


def _chains(ctx: Context) -> list[Chain]:
    """Quotations: top-level marked spans, those continued over paragraphs joined."""
    doc = ctx.doc
    chains: list[list[int]] = []
    for m, mark in enumerate(doc.marks):
        if mark.depth != 0 or not mark.inner.slice(doc.text).strip():
            continue
        if mark.continued and chains and doc.marks[chains[-1][-1]].continues:
            chains[-1].append(m)
        else:
            chains.append([m])
    return [tuple(chain) for chain in chains]


def _emit(ctx: Context, chain: Chain, found: Claim) -> None:
    """Add one claim per paragraph of a (possibly multi-paragraph) quotation, and its inner quotes.

    The parts of a quotation re-opened in each paragraph share a ``group`` (the start of the
    first part) and every part has the cue and the speaker's mention, wherever they stand.
    Inner quotes with a cue of their own inside the quotation are quotes too
    (:mod:`~frettir._attribution.inner_quotes`).
    """
    doc = ctx.doc
    uses = found.site
    group = doc.marks[chain[0]].inner.start if len(chain) > 1 else None
    for m in chain:
        mark = doc.marks[m]
        claim = attrs.evolve(
            found,
            start=mark.inner.start,
            end=mark.inner.end,
            outer=(mark.outer.start, mark.outer.end),
            para=para_of_mark(doc, m),
            group=group,
        )
        ctx.board.add(claim, uses=uses)
        uses = None
    for claim in _inner.inner_quotes(ctx, chain):
        ctx.board.add(claim, uses=claim.site)


def _first(rules: Sequence[ChainRule], ctx: Context, chain: Chain) -> Claim | None:
    for function in rules:
        found = function(ctx, chain)
        if found is not None:
            return found
    return None


def attribute(
    text: str,
    marks: Sequence[Marked],
    tokens: Sequence[list[Token]],
    parser: object | None = None,
) -> list[Claim]:
    """Find and attribute every quote of one article; return claims sorted by start."""
    doc = read_document(text, marks, tokens, parser)
    register_names(doc)
    ctx = Context(doc, find_cue_sites(doc), Board())
    board = ctx.board
    # direct: quotations with a cue beside them
    pending: list[Chain] = []
    for chain in _chains(ctx):
        if names_something(ctx, chain):
            continue  # a title, a name or a term, whatever cue stands near
        found = _first(DIRECT, ctx, chain)
        if found is None:
            pending.append(chain)
        else:
            _emit(ctx, chain, found)
    # reported: every cue no claim used
    for site in ctx.cues.sites:
        if board.used(site.cue.index):
            continue
        report = _reported.find_report(ctx, site)
        if report is None:
            continue
        for function in REPORTED:
            claim = function(ctx, report)
            if claim is not None:
                board.add(claim, uses=claim.site)
                break
    # according_to, then the precedence step over nested reports
    for unit in range(len(doc.units)):
        for claim in _according.according_to(ctx, unit):
            board.add(claim)
    board.drop_nested()
    # continuation in the reportive subjunctive
    reported: dict[int, Claim] = {}
    for claim in board.claims:
        if claim.kind == "indirect":
            i, _ = token_range(doc, claim.start, claim.end)
            if i < len(doc.tokens):
                reported[doc.unit_of[i]] = claim
    for unit in range(1, len(doc.units)):
        previous = reported.get(unit - 1)
        if previous is None or unit in reported:
            continue
        if any(board.used(s.cue.index) for s in ctx.cues.in_unit(unit)):
            continue
        found = _continuation.subjunctive(ctx, unit, previous)
        if found is not None:
            board.add(found)
            reported[unit] = found
    # quotations still without a cue
    for chain in pending:
        if not_speech(ctx, chain):
            continue
        found = _first(UNCUED, ctx, chain)
        if found is not None:
            _emit(ctx, chain, found)
    # answers printed without marks in a Q&A interview
    for claim in _interviews.qa_answers(ctx):
        board.add(claim)
    claims = sorted(board.claims, key=lambda c: (c.start, c.kind != "indirect"))
    media = Media(doc)
    return [
        c if c.cue_span is None else attrs.evolve(c, medium=media.medium_of(c.cue_span[0], c.cue))
        for c in claims
    ]
