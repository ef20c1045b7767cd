"""Continuation: reports and quotes that carry on without a cue of their own.

Icelandic news carries a report on in the reportive subjunctive (*Hún segir að … Kostnaður
hafi verið innan áætlunar.*), and a direct quote with no cue near it continues the latest
speaker.
"""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.context import Chain, Context, mark_claim, para_of_mark
from frettir._attribution.document import SUBORDINATORS, content_span
from frettir._attribution.interviews import main_person
from frettir._attribution.registry import rule, rule_confidence
from frettir._cues import (
    NOMINAL_CATS,
    finite,
    indicative_only,
    nominal_here,
    strong_finite,
    subjunctive_only,
    third_person_possible,
)
from frettir._greynir import Token
from frettir._speakers import Entity

__all__ = [
    "CONTINUATION_PARAGRAPHS",
    "continuation",
    "latest_speaker",
    "subjunctive",
    "subjunctive_clause",
    "unattributed",
]

_CONDITIONAL = frozenset({"myndi", "myndu", "mundi", "mundu"})
"""The conditional auxiliary: with an *ef* clause, the sentence is a condition."""

CONTINUATION_PARAGRAPHS = 3
"""How many paragraphs back the latest speaker may have been quoted for ``direct.continuation``."""


@rule("indirect.subjunctive", 0.8, stage="continuation")
def subjunctive(ctx: Context, unit: int, previous: Claim) -> Claim | None:
    """A sentence right after a report, in its paragraph, whose main verb is subjunctive.

    Icelandic news carries a report on this way; same speaker, no cue. Not when the sentence
    starts with *ef*, *þótt* or *nema* (a condition or concession), when its subjunctive verb
    is in a subordinate clause, or when it has a cue of its own (the driver skips sentences
    with a used cue).

    >>> show(
    ...     "Helga Björnsdóttir segir að bakaríið opni aftur á mánudag. "
    ...     "Starfsfólkið hafi unnið alla helgina."
    ... )
    indirect.that_clause | Helga Björnsdóttir | segja | bakaríið opni aftur á mánudag
    indirect.subjunctive | Helga Björnsdóttir | None | Starfsfólkið hafi unnið alla helgina
    """
    doc = ctx.doc
    a, b = doc.units[unit]
    next_paragraph = doc.para_of[a] != doc.para_of[doc.units[unit - 1][0]]
    if doc.para_of[a] - doc.para_of[doc.units[unit - 1][0]] > 1:
        return None
    if doc.inside[a] >= 0 or doc.tokens[a].low in ("ef", "þótt", "nema"):
        return None
    if any(t.low == "ef" for t in doc.tokens[a:b]) and any(t.low in _CONDITIONAL for t in doc.tokens[a:b]):
        return None  # "Það myndi hanga á bláþræði ef …": a conditional, not the report going on
    if not subjunctive_clause(ctx, a, b, strict=next_paragraph):
        return None
    span = content_span(doc, a, b)
    if span is None:
        return None
    return Claim(
        "indirect",
        span[0],
        span[1],
        entity=previous.entity,
        confidence=rule_confidence("indirect.subjunctive"),
        rule="indirect.subjunctive",
        para=doc.para_of[a],
    )


def subjunctive_clause(ctx: Context, a: int, b: int, *, strict: bool = False) -> bool:
    """Whether the main clause of tokens [a, b) has a subjunctive finite verb (before any mark).

    With ``strict``, its first finite verb must be one: a form that may be indicative too
    (*ræddi*) ends the search, and so do a word the pipeline did not analyse (no readings
    to tell), *að* and a colon before any verb; a form that can be a nominative noun is
    read as one (*erindi*, not the subjunctive of *erinda*) unless a nominative stands
    right before it (*Hæstiréttur gæti*: the subject, then its verb).
    """
    tokens = ctx.doc.tokens
    subordinate = False
    for x in range(a, b):
        if ctx.doc.inside[x] >= 0:
            return False
        token = tokens[x]
        low = token.low
        if strict and ((token.kind == "word" and not token.meanings) or low == "að" or token.text == ":"):
            return False  # unread; or "Ólíklegt að …", "Sjá einnig: …": no main verb before the clause
        if strict and _nominative(token) and not (x > a and _nominative(tokens[x - 1])):
            continue  # "Sams konar erindi voru send": the subject; but "Hæstiréttur gæti": its verb
        if low in SUBORDINATORS:
            subordinate = True
            continue
        if token.text == ",":
            subordinate = False
            continue
        if not finite(token) or (x > a and tokens[x - 1].low == "að"):
            continue
        if not third_person_possible(tokens, x) or nominal_here(tokens, x, a):
            continue  # "úr plasti", "Sá sem": the sentence reads a noun or pronoun here
        if subordinate:
            subordinate = False
            continue
        if subjunctive_only(token):
            return True
        if strict or (indicative_only(token) and strong_finite(token)):
            return False
    return False


def _nominative(token: Token) -> bool:
    """Whether a token can be a nominative noun, adjective or pronoun, or is a name."""
    if token.kind == "person":
        return True
    return any(m.cat in NOMINAL_CATS and "NF" in m.tags for m in token.meanings)


def latest_speaker(ctx: Context, position: int) -> tuple[Entity | None, int]:
    """The speaker of the latest claim before ``position`` and its paragraph (or ``-1``)."""
    best = ctx.board.latest(position)
    if best is None:
        return None, -1
    return best.entity, best.para


@rule("direct.continuation", 0.8, stage="uncued")
def continuation(ctx: Context, chain: Chain) -> Claim | None:
    r"""No cue anywhere near: the quote continues the latest speaker quoted a few paragraphs back.

    >>> show(
    ...     "„Fyrsti áfanginn verður tilbúinn í haust,“ sagði Sigríður Pálsdóttir.\n"
    ...     "„Þá tekur við annar áfangi.“"
    ... )
    direct.cue_after | Sigríður Pálsdóttir | segja | Fyrsti áfanginn verður tilbúinn í haust,
    direct.continuation | Sigríður Pálsdóttir | None | Þá tekur við annar áfangi.
    """
    m = chain[0]
    entity, para = latest_speaker(ctx, ctx.doc.marks[m].outer.start)
    if entity is None or para_of_mark(ctx.doc, m) - para > CONTINUATION_PARAGRAPHS:
        return None
    return mark_claim(ctx.doc, m, entity, None, None, "direct.continuation")


@rule("direct.unattributed", 0.4, stage="uncued")
def unattributed(ctx: Context, chain: Chain) -> Claim | None:
    r"""No cue and no recent speaker: the latest speaker however far back, or the main person.

    The main person is the one the article names most often (an interview's subject); with
    nobody named, the quote has no speaker.

    >>> show(
    ...     "Jón Jónsson hefur rekið búðina í tuttugu ár.\n"
    ...     "„Ég ætla ekki að hætta núna. Búðin er líf mitt.“"
    ... )
    direct.unattributed | Jón Jónsson | None | Ég ætla ekki að hætta núna. Búðin er líf mitt.
    """
    m = chain[0]
    entity, _ = latest_speaker(ctx, ctx.doc.marks[m].outer.start)
    return mark_claim(ctx.doc, m, entity or main_person(ctx), None, None, "direct.unattributed")
