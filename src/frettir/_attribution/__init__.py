"""Attribution: which quotation-marked spans are speech, who said them; reported speech.

A package of named rules, one function per construction of Icelandic news, each registered
in :mod:`~frettir._attribution.registry` with its confidence and an example:

* :mod:`~frettir._attribution.direct_layouts`: ``„…,“ segir X``, ``X sagði: „…“``, split
  quotes, ``„…“ – X``, ``Þetta segir X``;
* :mod:`~frettir._attribution.reported_speech`: ``að``/``hvort`` clauses, infinitive reports,
  passives;
* :mod:`~frettir._attribution.according_to`: ``að sögn X``, ``að mati X``;
* :mod:`~frettir._attribution.continuation`: the reportive subjunctive, and quotes that
  continue the latest speaker;
* :mod:`~frettir._attribution.interviews`: Q&A answers;
* :mod:`~frettir._attribution.documents`: documents and impersonal notices, the medium;
* :mod:`~frettir._attribution.not_speech`: titles, names and scare quotes.

The stages hand each other plain data (marks → cue sites → claims → resolved speakers);
:mod:`~frettir._attribution.stages` runs them and :mod:`~frettir._attribution.claims`
holds the one precedence step between them.
"""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.registry import CONFIDENCE, RULES, Rule, rule_confidence
from frettir._attribution.stages import STAGE_RULES, attribute

__all__ = ["CONFIDENCE", "RULES", "STAGE_RULES", "Claim", "Rule", "attribute", "rule_confidence"]
