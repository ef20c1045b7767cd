"""``Að sögn X`` and ``að mati X``: a source named by a phrase, not by a verb."""

from __future__ import annotations

import attrs

from frettir._attribution.claims import Claim
from frettir._attribution.context import Context
from frettir._attribution.document import CLAUSE_COORDINATORS, clause_end, clause_start, content_span
from frettir._attribution.mentions import entity_for
from frettir._attribution.registry import rule, rule_confidence
from frettir._attribution.words import ACCORDING, POSSESSIVES
from frettir._cues import strong_finite
from frettir._speakers import Mention, read_np

__all__ = ["according_to"]


@rule("indirect.according_to", 0.85, stage="according_to")
def according_to(ctx: Context, unit: int) -> list[Claim]:
    """*Að sögn X* or *að mati X*, before or after the clause it attaches to.

    *Að sögn lögreglunnar var enginn fluttur á sjúkrahús*, *Enginn var fluttur á sjúkrahús,
    að sögn lögreglunnar*; also *að hans sögn*. At the start of its clause (first in the
    sentence, or after *en*/*og*) the phrase governs the clause that follows it; later in a
    clause, that clause before it, not what an earlier clause of the sentence says.

    >>> show("Enginn var fluttur á sjúkrahús, að sögn lögreglunnar á Suðurlandi.")
    indirect.according_to | lögreglan á Suðurlandi | að sögn | Enginn var fluttur á sjúkrahús
    """
    doc = ctx.doc
    tokens = doc.tokens
    a, b = doc.units[unit]
    found: list[Claim | None] = []
    for x in range(a, b):
        if doc.inside[x] >= 0:
            continue
        words = tokens[x].low.split()
        if len(words) == 3 and words[0] == "að" and words[1] in POSSESSIVES and words[2] in ACCORDING:
            # "Að hans sögn …" comes from reynir as one token
            found.append(_claim(ctx, x, unit, x + 1, x + 1, _possessive(ctx, x, x + 1), words[2]))
            continue
        if x + 2 >= b or tokens[x].low != "að":
            continue
        if tokens[x + 1].low in POSSESSIVES and tokens[x + 2].low in ACCORDING:
            mention = _possessive(ctx, x + 1, x + 3)
            found.append(_claim(ctx, x, unit, x + 3, x + 3, mention, tokens[x + 2].low))
        elif tokens[x + 1].low in ACCORDING:
            np = read_np(tokens, x + 2, b)
            if np is not None:
                np = _with_pp(ctx, x, unit, np)
                found.append(_claim(ctx, x, unit, x + 2, np.tok_end, np, tokens[x + 1].low))
    return [claim for claim in found if claim is not None]


def _with_pp(ctx: Context, x: int, unit: int, np: Mention) -> Mention:
    """The source with the prepositional phrase it has before the verb of its clause.

    *Að sögn vakthafandi sérfræðings hjá Veðurstofunni er erfitt …*: the phrase opens its
    clause, so everything up to the finite verb in second place is that phrase, and a
    prepositional phrase there belongs to the source (``sérfræðingur hjá Veðurstofunni``),
    not to the report.
    """
    doc = ctx.doc
    tokens = doc.tokens
    a, b = doc.units[unit]
    if not (x == a or tokens[x - 1].low in CLAUSE_COORDINATORS):
        return np
    k = np.tok_end
    if k >= b or tokens[k].kind != "word" or not any(m.cat == "fs" for m in tokens[k].meanings):
        return np
    end = next((y for y in range(k + 1, min(b, k + 8)) if strong_finite(tokens[y])), None)
    if end is None or any(t.kind == "punct" or doc.inside[y] >= 0 for y, t in enumerate(tokens[k:end], k)):
        return np
    pp = " ".join(t.text for t in tokens[k:end])
    name = np.name if np.kind in ("person", "pronoun") else f"{np.name} {pp}"
    return attrs.evolve(np, end=tokens[end - 1].end, name=name, tok_end=end)


def _possessive(ctx: Context, k: int, end: int) -> Mention:
    """The possessive ``hans``/``hennar``/``þeirra`` at token ``k`` as a pronoun mention."""
    token = ctx.doc.tokens[k]
    gender, number = POSSESSIVES[token.low.split()[-2] if " " in token.low else token.low]
    return Mention(token.start, token.end, "pronoun", token.low, gender, number, tok_end=end)


def _claim(
    ctx: Context, x: int, unit: int, cue_end: int, after: int, mention: Mention, noun: str
) -> Claim | None:
    """The report that ``að sögn``/``að mati`` at tokens [x, cue_end) gives ``mention``."""
    doc = ctx.doc
    tokens = doc.tokens
    a, b = doc.units[unit]
    if x == a or tokens[x - 1].low in CLAUSE_COORDINATORS:
        # "Að sögn X …", "… en að sögn X voru …": the phrase opens its clause, which follows
        while after < b and tokens[after].text == ",":
            after += 1
        span = content_span(doc, after, clause_end(doc, after, b))
    else:
        span = content_span(doc, clause_start(doc, a, x), x)
    if span is None:
        return None
    return Claim(
        "indirect",
        span[0],
        span[1],
        entity=entity_for(doc, mention),
        speaker_span=(mention.start, mention.end),
        cue=f"að {noun}",
        cue_span=(tokens[x].start, tokens[cue_end - 1].end),
        confidence=rule_confidence("indirect.according_to"),
        rule="indirect.according_to",
        para=doc.para_of[x],
    )
