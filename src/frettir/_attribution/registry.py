"""The table of attribution rules: every rule's name, confidence, stage and function.

A rule is one small function for one construction of Icelandic news, registered here with
:func:`rule`. The name is what :attr:`frettir.Quote.rule` says; the confidence is what
:attr:`frettir.Quote.confidence` gives every quote the rule finds; the function's docstring
says when it fires, with an example that runs as a doctest (and that the docs render in
their rules table, from :data:`RULES`).

Confidence is the rule's precision on the development corpus (quote and speaker both right),
rounded down and capped below 0.9 unless the rule was right every time on many quotes; where
hand-judged news sentences outside that corpus showed a rule less precise, the precision of
both samples pooled (the docs' explanation page gives the counts). A speaker found by
Greynir's parse (``+parse`` after the name) costs a tenth.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["CONFIDENCE", "PARSE_FACTOR", "RULES", "STAGES", "Rule", "rule", "rule_confidence"]

STAGES = ("direct", "reported", "according_to", "continuation", "uncued", "interviews")
"""The stages, in the order they run: quotes with a cue beside them; reports under a cue;
``að sögn X``;
reports and quotes that carry on without a cue of their own; marked spans still without a
cue (interviews, continuation, or not speech at all); answers printed without marks in a
Q&A interview."""

PARSE_FACTOR = 0.9
"""What a speaker found by Greynir's parse costs: confidence times this."""

_F = TypeVar("_F", bound=Callable[..., object])


@attrs.frozen(kw_only=True)
class Rule:
    """One registered rule."""

    name: str
    confidence: float
    stage: str
    function: Callable[..., object]

    @property
    def doc(self) -> str:
        """The function's docstring: when the rule fires, and its example."""
        return inspect.getdoc(self.function) or ""


RULES: dict[str, Rule] = {}
"""Every rule by name, in the order each stage tries them (registration order)."""
CONFIDENCE: dict[str, float] = {}
"""Confidence by rule name (the same numbers as :data:`RULES`)."""


def rule(name: str, confidence: float, *, stage: str) -> Callable[[_F], _F]:
    """Register the decorated function as the rule ``name``.

    Raises:
        ValueError: If the name is taken, the stage unknown or the confidence not in [0, 1].
    """
    if name in RULES:
        raise ValueError(f"rule {name!r} registered twice")
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of {STAGES}")
    if not 0.0 <= confidence <= 1.0:
        raise ValueError(f"confidence of {name!r} must be in [0, 1], not {confidence}")

    def register(function: _F) -> _F:
        RULES[name] = Rule(name=name, confidence=confidence, stage=stage, function=function)
        CONFIDENCE[name] = confidence
        return function

    return register


def rule_confidence(name: str) -> float:
    """The confidence of a rule name as :attr:`frettir.Quote.rule` gives it.

    >>> rule_confidence("indirect.that_clause+parse") < rule_confidence("indirect.that_clause")
    True
    """
    base, parsed, _ = name.partition("+parse")
    value = CONFIDENCE.get(base, 0.5)
    return round(value * PARSE_FACTOR, 3) if parsed else value
