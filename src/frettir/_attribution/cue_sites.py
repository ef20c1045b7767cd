"""Cue sites: every verb of saying outside quotation marks, with its subject.

The first stage after the marks. Each :class:`CueSite` is plain data: the cue (lemma and
position, from :mod:`frettir._cues`), its sentence unit, its subject mention and the entity
that mention refers to. Rules read the sites; they do not change them.

The subject is found by the token rules (:func:`subject_of`); Greynir's parse is asked
(:func:`parsed_subject`) only for a site that reports something and has no subject yet.
"""

from __future__ import annotations

import attrs

from frettir._attribution.document import CLAUSE_OPENERS, Doc, first_index
from frettir._attribution.mentions import entity_for, nominative_possible, subject_position
from frettir._attribution.words import ADVERBIAL_STARTS, DOCUMENTS, JOURNALISTS
from frettir._cues import (
    EXPERIENCER,
    IMPERSONAL_MODALS,
    Cue,
    auxiliary_before,
    cue_at,
    nominative_adjective,
    strong_finite,
)
from frettir._greynir import MAX_PARSE_TOKENS, Clause, Meaning, Parsing, Token, parse_subject
from frettir._speakers import Entity, Mention, np_before, read_np

__all__ = [
    "PARSE_BUDGET",
    "CueSite",
    "CueSites",
    "dative_subject",
    "find_cue_sites",
    "journalist_question",
    "new_sentence_after_quote",
    "parsed_clause",
    "parsed_subject",
]

PARSE_BUDGET = 8
"""Clause frames Greynir may parse for one article; later clauses use the token rules only.

A count, not seconds, so that the same text always gives the same article: each frame has at
most ``MAX_PARSE_TOKENS`` tokens, which bounds the time (about 0.1–0.5 s a frame here)."""


@attrs.frozen
class CueSite:
    """A cue verb in a sentence unit, with its subject (``None`` when none was found).

    ``after_subject`` is the token index after the verb and an inverted subject;
    ``passive`` marks ``er talið að``; ``parsed`` a subject that Greynir's parse gave.
    """

    cue: Cue
    unit: int
    subject: Mention | None
    entity: Entity | None
    after_subject: int = 0
    passive: bool = False
    parsed: bool = False


@attrs.frozen
class CueSites:
    """All cue sites of an article, in text order, indexed by unit and by token."""

    sites: tuple[CueSite, ...]
    by_unit: dict[int, tuple[CueSite, ...]]
    by_index: dict[int, CueSite]

    def in_unit(self, unit: int) -> tuple[CueSite, ...]:
        """The sites of one sentence unit."""
        return self.by_unit.get(unit, ())

    def at(self, index: int) -> CueSite | None:
        """The site whose cue verb is token ``index``."""
        return self.by_index.get(index)


def find_cue_sites(doc: Doc) -> CueSites:
    """Every cue outside quotation marks, with its subject, unit by unit."""
    sites: list[CueSite] = []
    by_unit: dict[int, tuple[CueSite, ...]] = {}
    for u, (a, b) in enumerate(doc.units):
        unit_sites: list[CueSite] = []
        for i in range(a, b):
            if doc.inside[i] >= 0:
                continue
            cue = cue_at(doc.tokens, i, b)
            if cue is not None and cue.lemma in EXPERIENCER_CUES:
                found = dative_subject(doc, cue, (a, b))
                if found is not None:
                    entity = entity_for(doc, found[0])
                    unit_sites.append(CueSite(cue, u, found[0], entity, after_subject=found[1]))
                continue
            if cue is not None:
                subject, after = subject_of(doc, cue, (a, b), unit_sites)
                entity = entity_for(doc, subject) if subject is not None else None
                unit_sites.append(CueSite(cue, u, subject, entity, after_subject=after))
                continue
            site = _nonfinite_cue(doc, i, u, unit_sites)
            if site is not None:
                unit_sites.append(site)
        sites.extend(unit_sites)
        if unit_sites:
            by_unit[u] = tuple(unit_sites)
    return CueSites(tuple(sites), by_unit, {s.cue.index: s for s in sites})


EXPERIENCER_CUES = frozenset(EXPERIENCER.values())
"""Cues whose subject is a dative experiencer (``Jóni finnst``)."""


def _dative(token: Token) -> bool:
    """Whether a token can be a dative noun phrase's first word (``Jóni``, ``honum``, ``þjálfaranum``)."""
    if token.kind == "person":
        return any(p.case == "þgf" for p in token.persons)
    return token.kind == "word" and any(
        m.cat in ("pfn", "kk", "kvk", "hk") and m.tags.startswith("ÞGF") for m in token.meanings
    )


def dative_subject(doc: Doc, cue: Cue, unit: tuple[int, int]) -> tuple[Mention, int] | None:
    """The dative experiencer of ``finnast``/``þykja``/``sýnast`` and the index after the verb's subject.

    Right before the verb, first in its clause (*Jóni finnst*), or right after it (*finnst
    honum*, *þótti þjálfaranum*); without one the verb is no cue (*Líkið fannst í gær*).
    """
    tokens = doc.tokens
    a, b = unit
    i = cue.index
    k = i - 1
    if (
        k >= a
        and doc.inside[k] < 0
        and _dative(tokens[k])
        and (k == a or tokens[k - 1].low in CLAUSE_OPENERS)
    ):
        mention = _dative_pronoun(tokens[k], k) or read_np(tokens, k, i, apposition=False, oblique=True)
        if mention is not None and mention.tok_end == i:
            return mention, i + 1
    k = i + 1
    if k < b and doc.inside[k] < 0 and _dative(tokens[k]):
        mention = _dative_pronoun(tokens[k], k) or read_np(tokens, k, b, apposition=False, oblique=True)
        if mention is not None:
            return mention, mention.tok_end
    return None


_PLURAL_PRONOUNS = {"kk": "þeir", "kvk": "þær", "hk": "þau"}
_GENDER_OF = {"hann": "kk", "hún": "kvk", "það": "hk"}


def _dative_pronoun(token: Token, k: int) -> Mention | None:
    """A dative personal pronoun (``honum``, ``henni``, ``þeim``) as a mention, named in the nominative."""
    for m in token.meanings:
        if m.cat == "pfn" and m.tags.startswith("ÞGF") and m.lemma in _GENDER_OF:
            gender = _GENDER_OF[m.lemma]
            number = "ft" if "FT" in m.tags else "et"
            name = _PLURAL_PRONOUNS[gender] if number == "ft" else m.lemma
            return Mention(
                token.start, token.end, "pronoun", name, gender, number, tok_end=k + 1, nominative=False
            )
    return None


def _nonfinite_cue(doc: Doc, i: int, u: int, unit_sites: list[CueSite]) -> CueSite | None:
    """``gat staðfest að``, ``hafa talið að`` (subject of the auxiliary); ``er talið að`` (passive)."""
    a, b = doc.units[u]
    cue = cue_at(doc.tokens, i, b, nonfinite=True)
    if cue is None:
        return None
    if (
        i + 1 < b
        and any(m.cat == "ao" for m in doc.tokens[i].meanings)
        and any(m.cat == "so" and "SAGNB" in m.tags for m in doc.tokens[i + 1].meanings)
    ):
        return None  # "hafi ítrekað haft samband": an adverb before the verb the auxiliary governs
    aux = auxiliary_before(doc.tokens, i, a)
    if aux is None and cue.lemma == "hafa eftir" and i + 1 < b and _finite_vera(doc.tokens[i + 1]):
        # "Haft er eftir forstjóranum að …": the passive names its source after "eftir"
        subject, after = subject_of(doc, cue, (a, b), unit_sites)
        if subject is not None:
            return CueSite(cue, u, subject, entity_for(doc, subject), after_subject=after)
    if aux is None and _passive_first(doc, i, b):
        # "Talið er að …", "…, en sagt er að …": the participle fronted before its "er"
        return CueSite(cue, u, None, None, after_subject=i + 2, passive=True)
    if aux is None and doc.tokens[i - 1].low == "að":
        aux = _aspectual_before(doc, i - 1, a)  # "byrjaði að öskra „…“": the subject is the aspect verb's
    elif doc.tokens[i - 1].low == "að":
        return None
    if aux is None or any(s.cue.index == aux[0] for s in unit_sites):
        return None
    k, lemma = aux
    if lemma == "vera" or any(_supine_of_vera(t) for t in doc.tokens[k + 1 : i]):
        # "er talið að", and "hefur ítrekað verið haldið fram að": a passive, no speaker
        return CueSite(cue, u, None, None, after_subject=i + 1, passive=True)
    subject, after = subject_of(doc, attrs.evolve(cue, index=k), (a, b), unit_sites)
    if subject is not None and subject.start >= doc.tokens[i].start:
        subject = None  # an inverted subject stands between the auxiliary and the verb
    if subject is None and lemma in IMPERSONAL_MODALS:
        return None  # "Það má segja að …": one may say it; nobody is said to
    entity = entity_for(doc, subject) if subject is not None else None
    return CueSite(cue, u, subject, entity, after_subject=max(i + 1, after))


ASPECTUAL: frozenset[str] = frozenset({"byrja", "fara", "taka"})
"""Verbs of beginning with an infinitive after *að*: *byrjaði að öskra*, *fór að hrópa*, *tók
að kalla*. The verb of saying in that infinitive is the cue, and the aspect verb's subject
its speaker."""


def _aspectual_before(doc: Doc, k: int, a: int) -> tuple[int, str] | None:
    """A finite aspect verb right before *að* at ``k``, or before its pronoun subject (*fór hún að*)."""
    for j in (k - 1, k - 2):
        if j < a or doc.inside[j] >= 0:
            return None
        token = doc.tokens[j]
        for m in token.meanings:
            if m.cat == "so" and m.lemma in ASPECTUAL and ("-FH-" in m.tags or "-VH-" in m.tags):
                return j, m.lemma
        if not any(m.cat == "pfn" for m in token.meanings):
            return None
    return None


def _finite_vera(token: Token) -> bool:
    return any(m.cat == "so" and m.lemma == "vera" and "-FH-" in m.tags for m in token.meanings)


def _supine_of_vera(token: Token) -> bool:
    """*verið*, the supine of *vera* that makes a perfect passive (*hefur verið sagt*)."""
    return any(m.cat == "so" and m.lemma == "vera" and m.tags.endswith("SAGNB") for m in token.meanings)


def _passive_first(doc: Doc, i: int, b: int) -> bool:
    """``Talið er að``: a neuter participle, then a finite *vera*, then *að*/*hvort*.

    The passive with the participle fronted, first in its clause (after a comma or *en*/*og*,
    or first in the sentence).
    """
    tokens = doc.tokens
    a = doc.units[doc.unit_of[i]][0]
    if i + 2 >= b or tokens[i + 2].low not in ("að", "hvort"):
        return False
    if not any(m.cat == "so" and m.lemma == "vera" and "-FH-" in m.tags for m in tokens[i + 1].meanings):
        return False
    return i == a or tokens[i - 1].low in (",", "en", "og")


def new_sentence_after_quote(doc: Doc, i: int) -> bool:
    """Whether the cue verb at token ``i`` opens a sentence of its own after a closed quote.

    *„… í svona leik.“ Sagði hann liðið hafa saknað …*: a capital after a quote that ended
    with a full stop; the cue reports its own clause and does not attribute the quote.
    """
    tokens = doc.tokens
    return (
        i >= 2
        and tokens[i].text[:1].isupper()
        and tokens[i - 1].kind == "punct"
        and tokens[i - 1].text in ("“", "”", '"', "»", "«")
        and tokens[i - 2].text == "."
    )


def journalist_question(site: CueSite, doc: Doc | None = None) -> bool:
    """A journalist's question in running text is not a quote (ANNOTATION.md).

    The asker has a journalist's title, or the question frames an answer: it stands in a
    *þegar* clause after the cue of the answer (*…,“ sagði hún þegar X spurði hana hvað …*),
    as *Aðspurður hvort …* does.
    """
    if site.cue.lemma != "spyrja" or site.subject is None:
        return False
    if doc is not None and _in_when_clause(doc, site):
        return True
    heads = {site.subject.head_lemma or "", *(site.subject.title or "").lower().split()}
    return bool(heads & JOURNALISTS)  # "fréttamaðurinn spurði", "X, þáttastjórnandi, spurði"


def _in_when_clause(doc: Doc, site: CueSite) -> bool:
    """Whether the cue's clause is a *þegar* clause after another cue: *sagði hún þegar X spurði*.

    The question is then when the words were said, not a report of its own (*Þegar X spurði
    hvort …, svaraði enginn* opens its sentence and reports the question).
    """
    a, b = doc.units[site.unit]
    for k in range(site.cue.index - 1, a - 1, -1):
        token = doc.tokens[k]
        if token.low == "þegar":
            return any(cue_at(doc.tokens, j, b) is not None for j in range(a, k))
        if token.text in (",", ":", ";") or doc.inside[k] >= 0 or strong_finite(token):
            return False
    return False


def subject_of(
    doc: Doc, cue: Cue, unit: tuple[int, int], previous: list[CueSite]
) -> tuple[Mention | None, int]:
    """The subject of a cue verb and the index after the verb (and an inverted subject)."""
    tokens = doc.tokens
    i = cue.index
    a, b = unit
    after = i + 1
    if cue.lemma == "hafa eftir":
        # "hefur RÚV eftir X að": the source is the object of "eftir"
        for k in range(i + 1, min(b, i + 6)):
            if tokens[k].low == "eftir":
                source = read_np(tokens, k + 1, b)
                if source is not None:
                    return source, source.tok_end
        return None, after
    pre = _pre_subject(doc, i, a)
    if pre is not None:
        inv = read_np(tokens, i + 1, b) if i + 1 < b and doc.inside[i + 1] < 0 else None
        if inv is not None and _case_only(doc, inv, i + 1, "NF") and _oblique_possible(doc, pre):
            # "Málið segir lögreglan vera í rannsókn", "Eitt kvöldið bað yfirmaður minn …": a
            # fronted object or time phrase; the nominative after the verb is the subject
            return inv, inv.tok_end
        return pre, after
    j = i - 1
    while j >= a and tokens[j].kind == "word" and tokens[j].low in ADVERBIAL_STARTS:
        j -= 1
    coordinated = j >= a and tokens[j].text in ("og", "en")
    # inverted: verb then subject ("sagði Trump", "Segir Eiríkur að", "bætti hún við"), which
    # ends before the cue's particle ("vakti ráðherrann athygli á": "athygli" is the cue's)
    end = _particle_start(doc, cue, b)
    if i + 1 < end and doc.inside[i + 1] < 0:
        inv = read_np(tokens, i + 1, end)
        if inv is None and i + 2 < end and nominative_adjective(tokens[i + 1]):
            # "sagði glaður Halldór eftir leikinn": an adjective describing the speaker first
            inv = read_np(tokens, i + 2, end)
            if inv is not None and inv.kind not in ("person", "pronoun"):
                inv = None
        if (
            inv is not None
            and nominative_possible(inv, tokens, i + 1)
            and not (coordinated and not cue.middle and _embedded_subject(doc, inv, b))
            and not (
                coordinated and _object_reading(doc, inv, i + 1) and _last_subject(doc, a, j) is not None
            )
        ):
            return inv, inv.tok_end
    # coordinated: "og bætti við", "og segist", "en sagði að": the subject of the clause before
    if coordinated:
        if previous and previous[-1].subject is not None:
            return previous[-1].subject, after
        earlier = _last_subject(doc, a, j)
        if earlier is not None:
            return earlier, after
    if i - 1 >= a and tokens[i - 1].text == "sem" and i - 2 >= a:
        # "…, sem segist", and a restrictive relative without the comma: "segir Jökull sem segist"
        rel = np_before(tokens, i - 2 if tokens[i - 2].text == "," else i - 1, a)
        if rel is not None and (tokens[i - 2].text == "," or rel.kind in ("person", "organization")):
            return rel, after
    head = _head_of_relative(doc, i, a)
    if head is not None:
        return head, after
    return None, after


def _head_of_relative(doc: Doc, i: int, a: int) -> Mention | None:
    """The subject at the start of the sentence, before a relative clause with no commas.

    *Nadiya Apolonova sem starfar með dýraverndunarsamtökum segir að …*: the relative clause
    (*sem* and its own finite verb) stands between the subject and the cue, and the cue is
    the second finite verb after *sem*, so it is the main clause's. Only a name of a person
    or body opening the sentence: a description there may be the relative clause's object.
    """
    tokens = doc.tokens
    s = next((k for k in range(i - 1, a, -1) if tokens[k].low == "sem"), None)
    if s is None or s - 1 < a or any(tokens[k].kind == "punct" or doc.inside[k] >= 0 for k in range(a, i)):
        return None
    if not any(strong_finite(t) for t in tokens[s + 1 : i]):
        return None  # "Jón sem segir …": the cue is the relative clause's own verb
    head = read_np(tokens, a, s, apposition=False)
    if head is None or head.tok_end != s or head.kind not in ("person", "organization"):
        return None
    return head if nominative_possible(head, tokens, a) else None


def _particle_start(doc: Doc, cue: Cue, b: int) -> int:
    """Where a cue's particle that is a noun begins (``vekja athygli á``, ``leggja áherslu``), else ``b``.

    A preposition or adverb particle (``benda á``) may also stand inside the subject
    (``benti lögreglan á Suðurlandi á að``): it bounds nothing.
    """
    words = cue.lemma.split()
    if len(words) < 2:
        return b
    for k in range(cue.index + 1, min(b, cue.index + 5)):
        token = doc.tokens[k]
        if token.low == words[1]:
            return b if any(m.cat in ("fs", "ao") for m in token.meanings) else k
    return b


def _readings_of(doc: Doc, mention: Mention, k: int) -> list[str]:
    """The case tags of a noun phrase's head (or pronoun) readings, from token ``k`` to its end."""

    def head(token: Token, m: Meaning) -> bool:
        if mention.kind == "pronoun":
            return m.cat in ("pfn", "fn") and token.low == mention.name
        return m.cat in ("kk", "kvk", "hk") and m.lemma.lower() == mention.head_lemma

    return [m.tags for token in doc.tokens[k : mention.tok_end] for m in token.meanings if head(token, m)]


def _case_only(doc: Doc, mention: Mention, k: int, case: str) -> bool:
    """Whether a noun phrase (a description, body or pronoun) can only be in ``case``."""
    if mention.kind == "person":
        return False
    tags = _readings_of(doc, mention, k)
    return bool(tags) and all(case in t for t in tags)


def _oblique_possible(doc: Doc, mention: Mention) -> bool:
    """Whether a phrase before the verb can be an object or a time phrase (accusative or dative)."""
    if mention.kind == "person" or mention.np_start < 0:
        return False
    return any("ÞF" in t or "ÞGF" in t for t in _readings_of(doc, mention, mention.np_start))


def _embedded_subject(doc: Doc, mention: Mention, b: int) -> bool:
    """Whether a noun phrase after a cue is the subject of the report, not of the cue.

    Asked only for a verb first in its clause after *og*/*en*, which shares the subject before
    it: a verb after a fronted phrase has its subject right after it (``Þetta sagði ég vera
    rangt``, ``hugmyndina segir hann hafa komið``), and a headline's ``Segja tilboðið
    sanngjarnt`` names no speaker at all.

    ``og sagði þarlend yfirvöld reiðubúin til að aðstoða``, ``og sagði verkið mikilvægt``: a
    phrase followed (past adverbs) by an infinitive, or by a predicate adjective that agrees
    with it in gender and number in the accusative, is the subject of an infinitive report or
    a small clause (ANNOTATION.md, Settled cases), which is accusative. An inverted speaker
    stands before that subject (``segir hann málið óvenjulegt``), and a nominative adjective
    after it describes the speaker: ``sagði Greta glöð í bragði``.
    """
    tokens = doc.tokens
    k = mention.tok_end
    while k < b and tokens[k].kind == "word" and _adverb_only(tokens[k]):
        k += 1
    if k >= b or tokens[k].kind != "word" or doc.inside[k] >= 0:
        return False
    meanings = tokens[k].meanings
    if any(m.cat == "so" and m.tags.endswith("NH") for m in meanings):
        return True  # "sagði yfirvöld hafa …"
    if not meanings or not all(m.cat == "lo" or m.tags.startswith("LHÞT") for m in meanings):
        return False
    gender = {"kk": "KK", "kvk": "KVK", "hk": "HK"}.get(mention.gender or "")
    if gender is None:
        return False  # a name of unknown gender: no agreement to read
    number = "FT" if mention.number == "ft" else "ET"
    return any(f"-{gender}-ÞF{number}" in f"-{m.tags}" for m in meanings)


def _object_reading(doc: Doc, mention: Mention, k: int) -> bool:
    """Whether a description after a verb can be its accusative object.

    ``… og taldi góðar líkur á því að …``: after *og* the verb shares the subject of the
    clause before, and a phrase after it that can be accusative is its object. A phrase that
    can only be nominative is an inverted subject: ``… og sagði lögreglan að …``.
    """
    if mention.kind != "description" or mention.head_lemma is None:
        return False
    return any(
        m.cat in ("kk", "kvk", "hk") and "ÞF" in m.tags and m.lemma.lower() == mention.head_lemma
        for t in doc.tokens[k : mention.tok_end]
        for m in t.meanings
    )


def _adverb_only(token: Token) -> bool:
    """A word read as an adverb (``ekki``, ``enn``): no verb, preposition, pronoun or article reading."""
    cats = {m.cat for m in token.meanings}
    return "ao" in cats and not cats & {"so", "fs", "fn", "pfn", "gr", "to"}


def _last_subject(doc: Doc, a: int, j: int) -> Mention | None:
    """The subject of the clause in tokens[a:j].

    Its first nominative person or pronoun in subject position (``Scholz tók undir orð
    Macrons en lagði …`` is Scholz), else the latest nominative one.
    """
    found: Mention | None = None
    k = a
    while k < j:
        if doc.inside[k] < 0:
            mention = read_np(doc.tokens, k, j, apposition=True)
            if (
                mention is not None
                and mention.kind in ("person", "pronoun")
                and nominative_possible(mention, doc.tokens, k)
            ):
                if subject_position(doc, k):
                    return mention
                found = mention
                k = max(k + 1, mention.tok_end)
                continue
        k += 1
    return found


def _pre_subject(doc: Doc, i: int, a: int) -> Mention | None:
    """A subject before the verb, standing first in its clause."""
    tokens = doc.tokens
    if i - 1 < a or doc.inside[i - 1] >= 0:
        return None
    mention = np_before(tokens, i, a)
    if mention is None:
        return None
    first = first_index(tokens, mention.start, a, i)
    start = mention.np_start if mention.np_start >= 0 else first
    if start > a and tokens[start - 1].low not in CLAUSE_OPENERS:
        if not (mention.kind == "person" and start != first and tokens[first - 1].text == ","):
            return None
        # "Íbúi í húsinu, Kristín Gunnarsdóttir, segist …": the name in apposition, not its title
        mention = attrs.evolve(mention, title=None)
    if not nominative_possible(mention, tokens, first):
        return None
    return mention


def _impersonal_frame(doc: Doc, i: int, a: int, b: int) -> bool:
    """``Þar segir að``, ``segir í greininni að``: a cue that no parse gives a subject."""
    before = doc.tokens[i - 1].low if i > a else ""
    after = doc.tokens[i + 1].low if i + 1 < b else ""
    return i == a or before in ("þar", "þá", "og", "en") or after in ("í", "á")


def parsed_subject(doc: Doc, cue: Cue, unit: tuple[int, int]) -> Mention | None:
    """Ask Greynir for the subject of a cue verb the token rules left without one.

    With ``parse="cues"``, the parse of the cue's sentence gives it when it found a
    nominative subject. Else the frame is parsed: only clauses without quotation marks and
    of at most ``MAX_PARSE_TOKENS`` tokens, the one place besides the ``"cues"`` mode where
    frettir runs the parser.
    """
    a, b = unit
    clause = parsed_clause(doc, cue)
    if clause is not None and clause.subject is not None and clause.case in (None, "nf"):
        return _mention_at(doc, cue, unit, clause.subject[0])  # the sentence's own parse
    # the frame: the clause up to the complementizer, the report itself replaced by "það"
    frame_end = next((x for x in range(cue.index + 1, b) if doc.tokens[x].low in ("að", "hvort")), b)
    if (
        frame_end - a > MAX_PARSE_TOKENS
        or doc.parses >= PARSE_BUDGET
        or any(doc.inside[x] >= 0 for x in range(a, frame_end))
        or cue.lemma in ("hafa eftir", "koma fram")
        or _impersonal_frame(doc, cue.index, a, b)
    ):
        return None
    if any(
        t.low == "frá" or any(m.lemma in DOCUMENTS for m in t.meanings) for t in doc.tokens[a : cue.index]
    ):
        return None  # "Í tilkynningu frá X segir að": impersonal, the source is not a subject
    start, end = doc.tokens[a].start, doc.tokens[frame_end - 1].end
    frame = doc.text[start:end] + (" það." if frame_end < b else "")
    doc.parses += 1
    found = parse_subject(frame, cue.start - start, doc.parser)
    if found is None:
        return None
    return _mention_at(doc, cue, unit, start + found[0])


def parsed_clause(doc: Doc, cue: Cue) -> Clause | None:
    """What the parse of the cue's sentence says about its verb (``parse="cues"`` only)."""
    parsing = doc.parser
    if not isinstance(parsing, Parsing):
        return None
    return parsing.clauses.get(doc.tokens[cue.index].start)


def _mention_at(doc: Doc, cue: Cue, unit: tuple[int, int], head_at: int) -> Mention | None:
    """The subject whose head word a parse puts at ``head_at``, unless it is not the speaker."""
    a, b = unit
    for k in range(a, b):
        if doc.tokens[k].start == head_at and k != cue.index:
            if k > cue.index + 2:
                return None  # a subject inside the reported clause is not the speaker
            between = doc.tokens[min(k, cue.index) + 1 : max(k, cue.index)]
            relative = False
            for t in between:
                relative = relative or t.low == "sem"
                if t.low == "en" or (strong_finite(t) and not relative):
                    return None  # the parse linked the verb to the subject of another clause
            mention = read_np(doc.tokens, k, b)
            if mention is not None and (mention.kind != "pronoun" or mention.nominative):
                return mention
    return None
