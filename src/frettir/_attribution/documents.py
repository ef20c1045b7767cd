"""Documents and impersonal notices: who speaks when a cue has no subject.

``„…,“ segir í tilkynningu frá Veðurstofunni``, ``Í dómnum segir að …``, ``Þar segir að …``:
the cue has no subject, so the speaker is the body a document is from, or one named just
before, or the latest speaker; also where words were published (:func:`medium_of`).
"""

from __future__ import annotations

from collections.abc import Sequence

from frettir._attribution.context import Context
from frettir._attribution.cue_sites import CueSite
from frettir._attribution.document import Doc, first_index
from frettir._attribution.mentions import entity_for
from frettir._attribution.words import CONVERSATIONS, DOCUMENTS, PLATFORMS
from frettir._greynir import Meaning, Token, lookup
from frettir._speakers import Entity, np_before, read_np

__all__ = ["Media", "context_source", "impersonal_source"]


def impersonal_source(
    ctx: Context, site: CueSite, limit: int | None = None, *, floor: int | None = None
) -> Entity | None:
    """``segir í tilkynningu frá X`` / ``segir í færslu sem X hefur birt``: the named body.

    ``floor``: the first token that may name it; a report before its cue (``…, að því er segir
    í frétt BBC``) is the reported words, so the source is read from the cue on.
    """
    doc = ctx.doc
    a, b = doc.units[site.unit]
    if limit is not None:
        b = limit
    if floor is not None:
        a = max(a, floor)
    for k in range(a, b):
        if doc.inside[k] >= 0 or k == site.cue.index or k == a:
            continue
        token = doc.tokens[k]
        before = doc.tokens[k - 1]
        if before.low in ("í", "á") and _publication(token):
            # "að því er fram kemur í Morgunblaðinu": a publication or firm BÍN names speaks
            # through what it publishes
            mention = read_np(doc.tokens, k, b, apposition=False)
            if mention is not None and mention.kind == "organization":
                return entity_for(doc, mention)
        if not (before.low in ("frá", "sem") or any(m.lemma in DOCUMENTS for m in before.meanings)):
            continue
        if token.kind in ("person", "entity", "word"):
            mention = read_np(doc.tokens, k, b, apposition=False)
            kinds = (
                ("person", "organization")
                if before.low == "sem"
                else ("person", "organization", "description")
            )
            if mention is not None and mention.kind in kinds:
                return entity_for(doc, mention)
    return None


def _publication(token: Token) -> bool:
    """A capitalised word BÍN names as a publication or firm (domains ``hug``, ``fyr``)."""
    return token.text[:1].isupper() and any(m.domain in ("hug", "fyr") for m in token.meanings)


def context_source(ctx: Context, site: CueSite, *, after_report: bool = False) -> Entity | None:
    """Who an impersonal ``Þar segir að …`` / ``Í dómnum segir að …`` reports, from context.

    With a document noun in the clause (``í dómnum``), the body named last in this or the
    previous paragraph; a cue that opens its sentence (``Segir að …``), the subject of the
    first cue of the sentence before in its paragraph; otherwise the speaker of the latest
    quote there. Nobody further back. With ``after_report`` the sentence up to the cue is the
    report (``…, segir í fréttinni``): a body named in it is what the words are about, not who
    issued them.
    """
    doc = ctx.doc
    i = site.cue.index
    a, _ = doc.units[site.unit]
    reported = doc.tokens[a].start if after_report else None
    para = doc.para_of[i]
    position = doc.tokens[i].start
    end = _frame_end(doc.tokens, i)
    window = doc.tokens[a:end]
    if doc.tokens[a].low == "þar" and site.unit > 0 and doc.para_of[doc.units[site.unit - 1][0]] == para:
        # "X sendi frá sér tilkynningu. Þar segir að …": "þar" points at the document before
        window = doc.tokens[doc.units[site.unit - 1][0] : end]
    definite = next((t for t in window if _names_document(t, definite=True)), None)
    if definite is not None:
        issuer = _earlier_issuer(ctx, definite, site.unit)
        if issuer is not None:
            return issuer
    if any(_names_document(t) for t in window):
        # the latest body named as a subject ("Lögreglan á Austurlandi sendi …"), else the
        # latest body at all: a place after a preposition ("á Egilsstöðum") issues nothing
        fallback: Entity | None = None
        for pos, entity in doc.registry.mentions_before(position):
            if reported is not None and pos >= reported:
                continue
            k = first_index(doc.tokens, pos, 0, len(doc.tokens))
            if para - doc.para_of[k] > 1:
                break
            if entity.kind == "organization":
                if doc.registry.is_subject(pos):
                    return entity
                fallback = fallback or entity
        return fallback
    if i == a and site.unit > 0:
        # "X fullyrti að … Segir að …": an inverted cue with its subject left out continues
        # the subject of the sentence before, which its first cue names
        before = ctx.cues.in_unit(site.unit - 1)
        if before and before[0].entity is not None and doc.para_of[before[0].cue.index] == para:
            return before[0].entity
    best = ctx.board.latest(position)
    if best is None or para - best.para > 1:
        return None
    return best.entity


def _frame_end(tokens: Sequence[Token], i: int) -> int:
    """The end of the cue's own frame: a few words past the cue, up to its clause's *að*.

    ``segir jafnframt í tilkynningunni að``: the document phrase. A document noun in the
    reported clause is what the report is about (*Að lokum segir að málið sé til
    rannsóknar*: *mál* there is no document the words are from).
    """
    end = min(len(tokens), i + 5)
    return next((k for k in range(i + 1, end) if tokens[k].low in ("að", "hvort")), end)


def _names_document(token: Token, *, definite: bool = False) -> bool:
    """A document noun (``tilkynning``, ``dómur``), also in a sentence tokenized without readings.

    With ``definite``, only in a form with the article (``í tilkynningunni``).
    """
    return any(m.lemma in DOCUMENTS and (not definite or m.tags.endswith("gr")) for m in _readings(token))


def _readings(token: Token) -> Sequence[Meaning]:
    """A word's BÍN readings, looked up for a sentence tokenized without them."""
    return token.meanings or (lookup(token.low) if token.kind == "word" else ())


def _earlier_issuer(ctx: Context, noun: Token, unit: int) -> Entity | None:
    """Who issued the document a definite noun points back to (*í tilkynningunni*).

    The article makes the noun refer to a document already named: the latest earlier
    sentence with a form of the same noun (without marks), and in it the body or person
    named as a subject (*Ritstjórn Kveiks hefur sent frá sér tilkynningu …*), or after
    *frá* (*tilkynning frá lögreglunni*). Nobody if no earlier sentence names it.
    """
    doc = ctx.doc
    tokens = doc.tokens
    lemmas = {m.lemma for m in noun.meanings if m.lemma in DOCUMENTS}
    for u in range(unit - 1, -1, -1):
        a, b = doc.units[u]
        for k in range(a, b):
            if doc.inside[k] >= 0 or not any(m.lemma in lemmas for m in _readings(tokens[k])):
                continue
            if k + 2 < b and tokens[k + 1].low == "frá":
                mention = read_np(tokens, k + 2, b, apposition=False)
                if mention is not None:
                    return entity_for(doc, mention)
            for pos, entity in doc.registry.mentions_before(tokens[k].start):
                if pos < tokens[a].start:
                    break
                if not entity.place and doc.registry.is_subject(pos):
                    return entity  # a person, a body or a description of one (*Ritstjórn Kveiks*)
            return None
    return None


def _platform(token: Token) -> str | None:
    low = token.low
    for key, name in PLATFORMS.items():
        if low == key or (len(key) > 2 and low.startswith(key)):
            return name
    return None


def _np_name(tokens: Sequence[Token], k: int, b: int) -> str:
    token = tokens[k]
    if token.kind == "word" and token.meanings:
        mention = read_np(tokens, k, b, apposition=False)
        if mention is not None:
            return mention.name
    return token.text


class Media:
    """The medium named in a cue's sentence: ``í samtali við mbl.is``, ``á Facebook``, ``í tilkynningu``.

    Each sentence unit is scanned once, however many cues it has (a long sentence with many
    cues stays linear).
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_unit: dict[int, str | None] = {}

    def medium_of(self, cue_start: int, cue: str | None) -> str | None:
        """The medium of the cue that starts at character ``cue_start``."""
        doc = self.doc
        tokens = doc.tokens
        i = first_index(tokens, cue_start, 0, len(tokens))
        if tokens[i].start != cue_start:
            return None
        u = doc.unit_of[i]
        a, _ = doc.units[u]
        if cue == "hafa eftir":
            outlet = np_before(tokens, i, a)
            if outlet is not None:
                capital = doc.text[outlet.start : outlet.start + 1].isupper()
                return outlet.name[:1].upper() + outlet.name[1:] if capital else outlet.name
        if u not in self._by_unit:
            self._by_unit[u] = self._unit_medium(u)
        return self._by_unit[u]

    def _unit_medium(self, u: int) -> str | None:
        doc = self.doc
        tokens = doc.tokens
        a, b = doc.units[u]
        found: str | None = None
        for k in range(a, b - 1):
            if doc.inside[k] >= 0:
                continue
            token, nxt = tokens[k], tokens[k + 1]
            low = token.low
            if low == "á" and _platform(nxt) is not None:
                return _platform(nxt)
            if low != "í" or doc.inside[k + 1] >= 0:
                continue
            lemmas = {m.lemma for m in nxt.meanings}
            if lemmas & CONVERSATIONS and k + 3 < b + 1 and k + 2 < b and tokens[k + 2].low == "við":
                if k + 3 < b:
                    return _np_name(tokens, k + 3, b)
            elif lemmas & DOCUMENTS and found is None:
                found = next(m.lemma for m in nxt.meanings if m.lemma in DOCUMENTS)
        return found
