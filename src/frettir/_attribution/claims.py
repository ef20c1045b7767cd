"""Claims: what each rule hands on, and the precedence step that orders them.

A rule returns a :class:`Claim` (a span, a speaker, a cue, the rule's name); it never
changes anything another rule reads. Where a later rule must not use what an earlier one
used, the :class:`Board` decides, in one documented place:

* a cue claimed by a direct quote (``„…,“ sagði hún``) reports no indirect quote, and the
  next quote after that cue is the second part of a split quote (``direct.split``);
* a cue claimed by an indirect quote is not used again;
* a sentence with a claimed cue is not a continuation in the subjunctive;
* a report inside a report of the same speaker (``segir að hann telji að …``) is dropped
  (:meth:`Board.drop_nested`).

Claims are added in the order the stages run, and within a stage in text order; that order
is the precedence.
"""

from __future__ import annotations

import bisect

import attrs

from frettir._speakers import Entity

__all__ = ["Board", "Claim"]


@attrs.frozen
class Claim:
    """A quote a rule found, before it becomes a public :class:`~frettir.Quote`.

    ``site`` is the token index of the cue the claim uses up, if it uses one.
    """

    kind: str
    start: int
    end: int
    outer: tuple[int, int] | None = None
    entity: Entity | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.5
    rule: str = ""
    para: int = 0
    medium: str | None = None
    group: int | None = None
    site: int | None = attrs.field(default=None, eq=False)


class Board:
    """The claims so far, in precedence order, and the cues they used.

    Rules read it (:meth:`used`, :meth:`latest`); only the stage driver adds to it.
    """

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self._used: set[int] = set()
        self._timeline: list[Claim] = []  # claims with a speaker, by start (stable)
        self._reports: dict[int, list[Claim]] | None = None  # indirect claims by paragraph

    def add(self, claim: Claim, *, uses: int | None = None) -> None:
        """Record a claim; ``uses`` is the cue token index it uses up, if any."""
        self.claims.append(claim)
        if claim.kind == "indirect":
            self._reports = None
        if uses is not None:
            self._used.add(uses)
        if claim.entity is not None:
            bisect.insort_right(self._timeline, claim, key=lambda c: c.start)

    def used(self, site: int) -> bool:
        """Whether a claim has used the cue at token ``site``."""
        return site in self._used

    def latest(self, position: int) -> Claim | None:
        """The claim with a speaker that starts last before ``position``."""
        k = bisect.bisect_left(self._timeline, position, key=lambda c: c.start)
        return self._timeline[k - 1] if k > 0 else None

    def reports_in(self, para: int) -> list[Claim]:
        """The indirect claims of paragraph ``para`` (an index built once per set of reports)."""
        if self._reports is None:
            self._reports = {}
            for claim in self.claims:
                if claim.kind == "indirect":
                    self._reports.setdefault(claim.para, []).append(claim)
        return self._reports.get(para, [])

    def drop_nested(self) -> None:
        """Drop an indirect claim inside another of the same speaker in its paragraph.

        One sort and one sweep per paragraph and speaker: in order of start (longest first),
        a claim lies inside an earlier one with another span exactly when the furthest end
        of those earlier claims reaches its own end.
        """
        groups: dict[tuple[int, int], list[Claim]] = {}
        for claim in self.claims:
            if claim.kind == "indirect":
                groups.setdefault((claim.para, id(claim.entity)), []).append(claim)
        nested: set[int] = set()
        for group in groups.values():
            group.sort(key=lambda c: (c.start, -c.end))
            reach = -1  # the furthest end of the claims before the current span
            k = 0
            while k < len(group):
                span = (group[k].start, group[k].end)
                same = k
                while same < len(group) and (group[same].start, group[same].end) == span:
                    same += 1
                if reach >= span[1]:
                    nested.update(id(c) for c in group[k:same])
                reach = max(reach, span[1])
                k = same
        keep = [claim for claim in self.claims if id(claim) not in nested]
        self.claims = keep
        self._reports = None
        self._timeline = sorted((c for c in keep if c.entity is not None), key=lambda c: c.start)
