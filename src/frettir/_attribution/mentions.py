"""Mentions of people and bodies in running text: registering names, finding who a mention is.

Glue between attribution and :mod:`frettir._speakers` (which owns the registry of entities,
titles and coreference): which names stand in subject position, and which registered
entity a subject mention of a cue refers to.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from frettir._attribution.document import CLAUSE_OPENERS, Doc
from frettir._cues import strong_finite
from frettir._greynir import Token, lookup
from frettir._speakers import (
    SPEECH_ACT_PRONOUNS,
    Entity,
    Mention,
    collective,
    np_before,
    read_np,
    read_office,
    title_before,
)

__all__ = ["entity_for", "nominative_possible", "register_names", "subject_position"]


def nominative_possible(mention: Mention, tokens: Sequence[Token], index: int) -> bool:
    token = tokens[index]
    if mention.kind == "pronoun":
        return any(m.cat == "pfn" and m.tags.startswith("NF") for m in token.meanings)
    if token.kind == "person":
        return any(p.case in (None, "nf") for p in token.persons)
    if mention.kind in ("description", "organization"):
        return mention.nominative
    if token.kind == "word" and token.meanings:
        return any(m.tags.startswith("NF") or "-NF" in m.tags for m in token.meanings) or not any(
            m.cat in ("kk", "kvk", "hk") for m in token.meanings
        )
    return True


def entity_for(doc: Doc, mention: Mention) -> Entity | None:
    if mention.kind == "pronoun":
        if mention.name in SPEECH_ACT_PRONOUNS:
            return None  # "Ég tel að …" in running text: the writer, not someone named
        return doc.registry.resolve_pronoun(mention.gender, mention.start, number=mention.number)
    # a coordination ("Jón og Anna") starts where its first member was registered
    found = doc.by_start.get(mention.start) if not mention.members else None
    if found is not None:
        if mention.title and mention.title not in found.titles:
            found.titles.append(mention.title)  # "Forstjóri Icelandair, Bogi Nils Bogason, segir"
        return found
    if mention.kind == "description":
        role = doc.registry.resolve_role(mention)
        if role is not None:
            return role
    entity = doc.registry.add(mention)
    doc.by_start[mention.start] = entity
    return entity


def subject_position(doc: Doc, i: int) -> bool:
    """Whether a noun phrase at ``tokens[i]`` stands where a subject stands."""
    if i == 0 or doc.para_of[i - 1] != doc.para_of[i] or doc.units[doc.unit_of[i]][0] == i:
        return True
    before = doc.tokens[i - 1]
    first = _list_start(doc, i)
    if first is not None:
        # "… á plötur eins og The Beatles, Hendrix og Santana": a list of names joins noun
        # phrases, not clauses; each name stands where the first one does
        return subject_position(doc, first)
    if before.low == "og" and i >= 2 and doc.tokens[i - 2].low == "eins":
        return False  # "eins og X": a comparison, no clause
    if before.low in CLAUSE_OPENERS:
        return True
    if not strong_finite(before):
        return False
    # after the finite verb: an inverted subject unless a nominative stands before the verb
    k = i - 2
    if k < doc.units[doc.unit_of[i]][0]:
        return True
    word = doc.tokens[k]
    if word.kind == "person":
        return not any(p.case in (None, "nf") for p in word.persons)
    return not any(
        m.cat in ("kk", "kvk", "hk", "pfn") and (m.tags.startswith("NF") or "-NF" in m.tags)
        for m in word.meanings
    )


LIST_REACH = 12
"""How many names back a list is followed to its first name (bounds the work on long lists)."""


def _list_start(doc: Doc, i: int) -> int | None:
    """The first name of a list of names (``A, B og C``) whose later member is ``tokens[i]``.

    ``None`` when no name and ``og`` or a comma stand right before ``tokens[i]``.
    """
    a = max(doc.units[doc.unit_of[i]][0], i - 2 * LIST_REACH)
    k = i
    while k - 2 >= a and doc.tokens[k - 1].low in ("og", ",") and _name_like(doc.tokens[k - 2]):
        k -= 2
    return None if k == i else k


def _name_like(token: Token) -> bool:
    """A token that is a name: a person or entity token, or a capitalised word inside a sentence."""
    return token.kind in ("person", "entity") or (
        token.kind == "word" and token.text[:1].isupper() and not token.sent_start
    )


SUBORDINATORS = frozenset({"að", "sem", "hvort", "ef", "þegar", "þótt", "meðan", "því", "nema"})
"""Words that open a clause inside another: a subject after one is not the sentence's own."""


def _in_main_clause(doc: Doc, i: int) -> bool:
    """Whether no subordinating word opens the clause of ``tokens[i]``.

    Looking back to the start of the sentence or the nearest comma: ``X segir að Y …`` puts Y
    in a clause inside; ``Þegar …, sagði X`` has X in the main clause after the comma. A
    subject right after its finite verb is the verb's, in the main clause unless a
    subordinating word comes just before the verb.
    """
    a = doc.units[doc.unit_of[i]][0]
    if i - 1 >= a and strong_finite(doc.tokens[i - 1]):
        # an inverted subject: "… hafa frábæra texta segir Jökull" is main unless the verb
        # opens a clause of its own ("sem sagði X")
        return i - 2 < a or doc.tokens[i - 2].low not in SUBORDINATORS
    for k in range(i - 1, max(a, i - 40) - 1, -1):
        low = doc.tokens[k].low
        if low == ",":
            return True
        if low in SUBORDINATORS:
            return False
    return True


NAMED_BODIES = frozenset({"fyr", "hug"})
"""BÍN domains of named bodies: institutions and firms (``Lögreglan``, ``Ríkisútvarpið``) and
publications (``Morgunblaðið``). A capitalised word with such a reading names a body even
first in its sentence, where any word is capitalised."""


def _whole_subject(doc: Doc, i: int, mention: Mention) -> Mention:
    """A sentence-initial body with the place phrase up to its finite verb.

    In a main clause the finite verb comes second (V2), so everything before it is the
    subject: *Lögreglan á höfuðborgarsvæðinu er með …* names the body with its place, though
    *höfuðborgarsvæðinu* is no capitalised place name.
    """
    a, b = doc.units[doc.unit_of[i]]
    end = mention.tok_end
    if end >= b or doc.tokens[end].low not in ("á", "í"):
        return mention
    verb = next((k for k in range(end + 1, min(b, end + 6)) if strong_finite(_read(doc.tokens[k]))), None)
    if verb is None:
        return mention
    whole = np_before(doc.tokens, verb, a)
    if whole is None or whole.start != mention.start or whole.tok_end != verb or whole.members:
        return mention  # a coordination ("Lögreglan á Suðurlandi og Landhelgisgæslan") is no name
    return whole


def _read(token: Token) -> Token:
    """``token`` with its BÍN readings: a sentence with no cue is tokenized without them."""
    if token.kind == "word" and not token.meanings:
        found = lookup(token.norm or token.text)
        if found:
            return attrs.evolve(token, meanings=found)
    return token


def _group(mention: Mention) -> bool:
    """A plural description (``Vísindamenn``) or a group of people (``Hluti nefndarinnar``).

    Also a body named in the plural (``Píratar``, a party whose members BÍN names), which
    *þeir* refers to later; not a place (*Bandaríkin*), which speaks through no pronoun.
    """
    if mention.kind == "description" and mention.number == "ft":
        return True
    if mention.kind == "organization" and mention.number == "ft" and not mention.place:
        return True
    return mention.kind in ("description", "organization") and collective(mention.head_lemma)


def register_names(doc: Doc) -> None:
    tokens = doc.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if doc.inside[i] < 0 and (
            token.kind in ("person", "entity")
            or (token.kind == "word" and token.text[:1].isupper() and not token.meanings and i > 0)
            or (token.kind == "word" and token.text[:1].isupper() and not token.sent_start and token.meanings)
            or (
                token.kind == "word"
                and any(m.domain == "ism" for m in token.meanings)
                and token.text[:1].isupper()
            )
            or (
                # sentence-initial, a body BÍN names (``fyr``, ``hug``): "Ríkisútvarpið birti …"
                token.kind == "word"
                and token.sent_start
                and token.text[:1].isupper()
                and any(m.domain in NAMED_BODIES for m in token.meanings)
            )
            or (
                # sentence-initial: "Héraðsdómur Reykjavíkur …", "Þjálfari KR, Óskar …, …",
                # "Lögreglan á Austurlandi …" (read_np takes the place phrase only with a place)
                token.kind == "word"
                and token.sent_start
                and token.text[:1].isupper()
                and i + 1 < len(tokens)
                and (
                    tokens[i + 1].text[:1].isupper()
                    or tokens[i + 1].text == ","
                    or (
                        tokens[i + 1].low in ("á", "í")
                        and i + 2 < len(tokens)
                        and tokens[i + 2].text[:1].isupper()
                    )
                )
            )
        ):
            subject = subject_position(doc, i)
            mention = read_np(tokens, i, apposition=True, oblique=not subject)
            if mention is not None and token.sent_start and mention.kind == "organization":
                mention = _whole_subject(doc, i, mention)
            if mention is not None and mention.kind == "person" and mention.title is None:
                # "framherjinn Jón Jónsson": a definite noun before the name is a title
                title = title_before(tokens, i, doc.units[doc.unit_of[i]][0])
                mention = mention if title is None else attrs.evolve(mention, title=title)
            if mention is not None and mention.kind in ("person", "organization"):
                entity = doc.registry.add(mention, salient=subject, main=subject and _in_main_clause(doc, i))
                doc.by_start[mention.start] = entity
                i = max(i + 1, mention.tok_end)
                continue
        elif doc.inside[i] < 0 and token.kind == "word" and subject_position(doc, i):
            # groups in subject position, for "þeir"/"þær"/"þau": plural ("Vísindamenn telja
            # …") or a group of people ("Hluti samninganefndar Eflingar kom …")
            group = read_np(tokens, i, apposition=False)
            if group is not None and group.nominative and _group(group):
                # "hópurinn" after "Hluti nefndarinnar …": the group named before, if any
                found = doc.registry.resolve_role(group) if group.definite else None
                if found is not None or not group.definite or group.number == "ft":
                    doc.by_start[group.start] = found or doc.registry.add(group)
                    i = max(i + 1, group.tok_end)
                    continue
        if doc.inside[i] < 0 and token.kind == "word":
            # an office without its holder ("svari innanríkisráðherra"), for role nouns later
            office = read_office(tokens, i)
            if office is not None and office.start not in doc.by_start:
                # its holder if named before ("Katrín Jakobsdóttir forsætisráðherra"), else itself
                holder = doc.registry.resolve_role(office)
                doc.by_start[office.start] = holder or doc.registry.add(office, salient=False)
        i += 1
    doc.registry.note_words(t.low for t in tokens if t.kind == "word")
    doc.registry.finish_names()
    # finish_names may merge entities: point the index at the ones kept
    for start, entity in doc.by_start.items():
        doc.by_start[start] = doc.registry.current(entity)
