"""What every rule reads: the document, its cue sites and the claims so far."""

from __future__ import annotations

import attrs

from frettir._attribution.claims import Board, Claim
from frettir._attribution.cue_sites import CueSites
from frettir._attribution.document import Doc, token_range
from frettir._attribution.registry import rule_confidence
from frettir._cues import Cue
from frettir._speakers import Entity

__all__ = ["Chain", "Context", "mark_claim", "mark_tokens", "para_of_mark"]

Chain = tuple[int, ...]
"""Indices into the marks of one quotation: one marked span, or several paragraphs of one."""


@attrs.frozen
class Context:
    """The input of a rule. Rules read it; only the stage driver adds to ``board``."""

    doc: Doc
    cues: CueSites
    board: Board


def mark_tokens(doc: Doc, m: int) -> tuple[int, int]:
    """Token range ``[i, j)`` of mark ``m``, marks included."""
    mark = doc.marks[m]
    return token_range(doc, mark.outer.start, mark.outer.end)


def para_of_mark(doc: Doc, m: int) -> int:
    """The paragraph of mark ``m``."""
    return doc.para_of[mark_tokens(doc, m)[0]] if doc.tokens else 0


def mark_claim(
    doc: Doc,
    m: int,
    entity: Entity | None,
    span: tuple[int, int] | None,
    cue: Cue | None,
    rule: str,
    *,
    site: int | None = None,
) -> Claim:
    """A direct quote for mark ``m`` found by ``rule``; ``site`` is the cue it uses up."""
    mark = doc.marks[m]
    return Claim(
        "direct",
        mark.inner.start,
        mark.inner.end,
        outer=(mark.outer.start, mark.outer.end),
        entity=entity,
        speaker_span=span,
        cue=None if cue is None else cue.lemma,
        cue_span=None if cue is None else (cue.start, cue.end),
        confidence=rule_confidence(rule),
        rule=rule,
        para=para_of_mark(doc, m),
        site=site,
    )
