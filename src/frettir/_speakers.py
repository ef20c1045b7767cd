"""Speakers: noun phrases that can say something, their nominative names, and the article's registry.

A :class:`Mention` is read from tokens by :func:`read_np` (persons, foreign names, bodies,
descriptions and pronouns, with an apposition or a title). The :class:`Registry` gathers every
person and body an article names, merges the mentions of one referent (``Trump`` and ``Donald
Trump``; ``Kári`` and ``Kári Stefánsson``; ``Vladimirs Pútíns`` and ``Pútín``) and resolves
pronouns (gender and recency) and role nouns (``forsetinn``, ``ráðherrann``) to them.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations
from typing import overload

import attrs

from frettir._greynir import Meaning, Token, compound_heads, definite_forms, lookup, nominative

__all__ = [
    "BODY_KINDS",
    "COLLECTIVE_HEADS",
    "Entity",
    "Mention",
    "Registry",
    "body_kind",
    "collective",
    "read_np",
]

NOUN_CATS = frozenset({"kk", "kvk", "hk"})
_GENDERS = {"kk": "kk", "kvk": "kvk", "hk": "hk"}
SPEECH_ACT_PRONOUNS = frozenset({"ég", "þú"})
"""First and second person: the writer or the reader, never resolved to a named speaker."""
PRONOUNS = {
    "ég": ("", "et"),
    "þú": ("", "et"),
    "hann": ("kk", "et"),
    "hún": ("kvk", "et"),
    "þeir": ("kk", "ft"),
    "þær": ("kvk", "ft"),
    "þau": ("hk", "ft"),
}
TITLE_HEADS = (
    "forseti",
    "ráðherra",
    "stjóri",
    "formaður",
    "fræðingur",
    "þjónn",
    "maður",
    "ritari",
    "stjórnandi",
    "þjálfari",
    "leikmaður",
    "fulltrúi",
    "talsmaður",
    "prófessor",
    "dómari",
    "læknir",
    "forstjóri",
    "ritstjóri",
    "sendiherra",
    "kanslari",
    "konungur",
    "drottning",
    "biskup",
    "saksóknari",
    "lögmaður",
    "sérfræðingur",
    "framkvæmdastjóri",
    "oddviti",
    "þingmaður",
    "frændi",
    "frænka",
    "faðir",
    "móðir",
    "eigandi",
    "íbúi",
    "sveitarstjóri",
    "bæjarstjóri",
    "ari",
    "ingur",
    "kona",
    "gjafi",
    "vörður",
    "nemi",
    "smiður",
    "bóndi",
    "prestur",
    "rektor",
    "skáld",
    "höfundur",
)
_PREPS_IN_TITLE = frozenset({"á", "í", "hjá", "við"})
NOT_NP_START = frozenset(
    {
        "þá", "þar", "þannig", "svo", "nú", "einnig", "enn", "jafnframt", "síðan", "loks", "þó", "hér",
        "þetta", "það", "þessi", "sá", "sú", "hvað", "hver", "ekki", "aldrei", "líka", "fyrst", "já", "nei",
        "að", "og", "en", "eða", "sem", "um", "við", "í", "á", "af", "til", "frá", "með", "eftir", "fyrir",
        "fram", "samkvæmt", "varðandi",
    }
)  # fmt: skip


BOARD_HEADS = frozenset({"nefnd", "stjórn"})
"""Collectives that are a body of members speaking as one for whom they belong to:
``samninganefnd``, ``ritstjórn``, ``stjórnin`` (:meth:`Registry.add` links the owner)."""

COLLECTIVE_HEADS = frozenset(
    {
        # a part of a body or of a crowd: "hluti samninganefndar", "minnihluti nefndarinnar"
        "hluti",
        # a gathering of people: "hópurinn", "fólksfjöldinn á Arnarhóli", "mannfjöldinn"
        "hópur", "fjöldi", "fólk",
        # a body of members that speaks as one (BOARD_HEADS)
        *BOARD_HEADS,
    }
)  # fmt: skip
"""Head nouns of a group of people, as the whole lemma or the head of a compound.

Icelandic refers to such a group with a plural pronoun by its members (*Hluti nefndarinnar
kom á fundinn … hrópuðu þau*) and back with a general collective (*hópurinn*), whatever
the noun's own gender and number: the grammar agrees with the people, not the noun.
"""


def collective(lemma: str | None) -> bool:
    """Whether a noun lemma names a group of people (:data:`COLLECTIVE_HEADS`).

    The lemma itself, the head islenska's compound splitter finds, or a known head at its end
    (BÍN lists ``meirihluti`` whole).

    >>> [collective(w) for w in ("minnihluti", "samninganefnd", "fólksfjöldi", "forseti")]
    [True, True, True, False]
    """
    if not lemma:
        return False
    low = lemma.casefold()
    if any(head in COLLECTIVE_HEADS for head in compound_heads(low)[:2]):
        return True
    return any(low.endswith(head) and len(head) >= 5 for head in COLLECTIVE_HEADS)


BODY_KINDS = frozenset(
    {
        # general nouns for a firm or an association: "fyrirtækið", "félagið", "bankinn"
        "fyrirtæki", "félag", "banki", "útgerð",
        # for a publisher or broadcaster: "miðillinn", "ríkismiðillinn", "fjölmiðillinn"
        "miðill",
        # for a public body: "stofnunin", "embættið"
        "stofnun", "embætti",
    }
)  # fmt: skip
"""Head nouns that say only what kind of body something is, as the lemma or a compound's head.

Such a noun with its article (*Í tilkynningu frá fyrirtækinu segir …*) refers back, as a
pronoun does, to the body named last, whose own name may have no head noun at all (*Arctic
Fish*, *RÚV*). A noun that names one body (*lögreglan*, *ráðuneytið*) is not here: it refers
to the body with that head (:meth:`Registry.resolve_role`).
"""


def body_kind(lemma: str | None) -> bool:
    """Whether a noun lemma only says what kind of body something is (:data:`BODY_KINDS`).

    >>> [body_kind(w) for w in ("fyrirtæki", "ríkismiðill", "lögregla")]
    [True, True, False]
    """
    if not lemma:
        return False
    return any(head in BODY_KINDS for head in compound_heads(lemma.casefold())[:2])


def _board(lemma: str | None) -> bool:
    """Whether a noun lemma names a board or committee (:data:`BOARD_HEADS`): ``ritstjórn``."""
    return bool(lemma) and any(head in BOARD_HEADS for head in compound_heads((lemma or "").casefold())[:2])


@attrs.frozen(slots=True)
class Mention:
    """A noun phrase read from tokens: who it names, how, and where."""

    start: int
    end: int
    kind: str  # person | organization | description | pronoun
    name: str
    gender: str | None
    number: str = "et"
    title: str | None = None
    tok_end: int = 0
    head_lemma: str | None = None
    nominative: bool = True
    alternatives: tuple[tuple[str, str | None], ...] = ()  # other (name, gender) readings
    np_start: int = -1  # token index where the whole phrase begins (a title before a name)
    modifiers: tuple[str, ...] = ()  # lemmas of the adjectives before a description's noun
    definite: bool = False  # a description's noun has its article ("hópurinn")
    place: bool = False  # a place name in BÍN ("Hvolsvöllur"), registered like a body
    owners: tuple[str, ...] = ()  # names in its genitive complement, nominative, casefolded
    members: int = 0  # a coordination of names ("RÚV og Stundin"): how many


def _shown(token: Token) -> str:
    """A word of a name as read: the tokenizer's text, without invisible characters (``Zla\u200dtan``)."""
    return token.norm if token.norm and token.norm != token.text and token.kind != "punct" else token.text


def _owners(complement: Sequence[Token]) -> tuple[str, ...]:
    """The names in a noun's genitive complement, as their nominative lemmas (casefolded).

    ``fréttaskýringaþáttarins Kveiks`` gives ``("kveikur",)``; a word BÍN reads only as a
    compound guess (a hyphen in its lemma) gives its form as written.
    """
    names: list[str] = []
    for token in complement:
        if not _is_cap(token) or token.kind == "punct":
            continue
        if token.kind == "person" and token.persons:
            names.append(token.persons[0].name.casefold())
            continue
        lemma = next((m.lemma for m in token.meanings if m.cat in NOUN_CATS and "-" not in m.lemma), None)
        names.append((lemma or token.text).casefold())
    return tuple(names)


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper()


def _noun_meanings(token: Token, case: str | None = None) -> list[Meaning]:
    out = [m for m in token.meanings if m.cat in NOUN_CATS]
    if case is not None:
        out = [m for m in out if m.tags.startswith(case)]
    return out


def _adj_meanings(token: Token, case: str | None = None) -> list[Meaning]:
    """Adjective readings, and determiners that inflect like them (``sömu``, ``allir``)."""
    out = [m for m in token.meanings if m.cat == "lo" or (m.cat == "fn" and m.lemma in DETERMINERS)]
    if case is not None:
        out = [m for m in out if f"-{case}" in m.tags]
    return out


def _case_of(tags: str) -> str | None:
    for case in ("NF", "ÞGF", "ÞF", "EF"):
        if tags.startswith(case) or f"-{case}" in tags:
            return case
    return None


def _is_verb(token: Token) -> bool:
    return any(m.cat == "so" for m in token.meanings)


def _starts_name(token: Token) -> bool:
    """Whether a person's name may start at ``token`` (a name token, a given name, a foreign word)."""
    if token.kind in ("person", "entity"):
        return True
    return (
        token.kind == "word"
        and _is_cap(token)
        and (not token.meanings or any(m.domain == "ism" for m in token.meanings))
    )


def _finite(token: Token) -> bool:
    """A lower-case word with a finite verb reading (``hitti``, ``sagði``)."""
    return not _is_cap(token) and any(
        m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags) for m in token.meanings
    )


DETERMINERS = frozenset(
    {"sami", "allur", "annar", "nokkur", "ýmis", "margur", "enginn", "báðir", "fáeinir", "sumur", "fár"}
)


def _quantifier_subject(token: Token) -> bool:
    """A quantifier standing alone as a plural subject: ``flestir``, ``margir``, ``allir``, ``sumir``.

    A strong (or pronominal) nominative plural of one of :data:`DETERMINERS` right before
    the finite verb names people, as a pronoun does (``sami`` and ``enginn`` excepted: they
    point at someone named or at no one).
    """
    return any(
        m.lemma in DETERMINERS
        and m.lemma not in ("sami", "enginn")
        and m.cat in ("lo", "fn", "rt")
        and "NFFT" in m.tags
        and not m.tags.startswith(("FVB", "EVB"))
        for m in token.meanings
    )


def _genitive_only(token: Token) -> bool:
    """A noun form that can only be genitive: the complement of a noun before it (``Verjandi mannsins``)."""
    nouns = _noun_meanings(token)
    return bool(nouns) and all(m.tags.startswith("EF") for m in nouns)


def _agrees(adjective: Token, noun: Token) -> bool:
    """Whether an adjective reading agrees with a noun reading in gender, case and number."""
    for a in _adj_meanings(adjective):
        parts = a.tags.split("-")
        for n in _noun_meanings(noun):
            if n.cat.upper() in parts and any(
                p.startswith(n.tags[: len(p)]) and len(p) >= 3 for p in parts[2:]
            ):
                return True
    return False


def _weak_only(adjective: Token, noun: Token) -> bool:
    """Whether an adjective agrees with an indefinite noun only in its weak declension.

    A weak adjective needs a definite phrase (``gamla konan``, ``hin líklega niðurstaða``), so
    a weak form before a noun without its article is no noun phrase: in ``segist líklega vera
    fæddur`` ``líklega`` is the adverb and ``vera`` the infinitive. Where the noun has a
    nominative reading, only that one is weighed (a subject is read).
    """
    if _is_cap(noun) or any("gr" in m.tags for m in _noun_meanings(noun)):
        return False
    readings = [m for m in _adj_meanings(adjective) if m.cat == "lo"]
    if not readings or len(readings) != len(_adj_meanings(adjective)):
        return False
    nominative = _noun_meanings(noun, "NF")
    if nominative:  # the phrase is read as a subject: only its nominative readings count
        noun = attrs.evolve(noun, meanings=tuple(nominative))
    fits = [m for m in readings if _agrees(attrs.evolve(adjective, meanings=(m,)), noun)]
    return bool(fits) and all(m.tags.startswith(("FVB", "EVB")) for m in fits)


def _proper(token: Token) -> bool:
    """Whether BÍN writes a noun reading of ``token`` with a capital: a demonym or a name.

    A capitalised word at a sentence's start keeps its capital as a speaker's name when
    BÍN's lemma has one (``Kúbverjar`` of *Kúbverji*); a common noun does not
    (``Vísindamenn telja`` -> ``vísindamenn``).
    """
    return any(m.lemma[:1].isupper() for m in _noun_meanings(token))


_MODALS = frozenset({"munu", "skulu", "vilja", "mega", "kunna", "hljóta"})
"""Verbs that take a bare infinitive (``mun vera``, ``vill fara``)."""
_SUPINE_TAKERS = frozenset({"hafa", "geta"})
"""Verbs that take the supine (``hefur verið``, ``getur verið``)."""


def _no_head(tokens: Sequence[Token], i: int) -> bool:
    """Whether the lower-case word ``tokens[i]`` can head no noun phrase where it stands.

    A conjunction (``ef``, ``bæði``, ``enda``) opens or joins clauses whatever noun readings
    BÍN also gives it (*ef* 'doubt'). A nonfinite verb form right after the verb that governs
    it is that verb, not a noun: a middle-voice verb (*segjast*, *kveðast*, *virðast*) or a
    modal takes a bare infinitive (*segjast vera*, not *vera* 'a being'), *hafa* and *geta*
    the supine (*hefur verið*, not *verið* 'the fishing station').
    """
    token = tokens[i]
    if _is_cap(token):
        return False
    if any(m.cat == "st" for m in token.meanings):
        return True
    if i == 0 or tokens[i - 1].kind != "word":
        return False
    verbs = [m for m in tokens[i - 1].meanings if m.cat == "so"]
    if not verbs:
        return False
    readings = [m.tags for m in token.meanings if m.cat == "so"]
    if any(t.endswith("-NH") for t in readings) and any("MM-" in m.tags or m.lemma in _MODALS for m in verbs):
        return True
    return any(t.endswith("SAGNB") for t in readings) and any(m.lemma in _SUPINE_TAKERS for m in verbs)


def _named(tokens: Sequence[Token], j: int) -> bool:
    """Whether ``að nafni`` ('by the name') stands at ``tokens[j]``."""
    return tokens[j].low == "að" and tokens[j + 1].low == "nafni"


def _title_before_name(tokens: Sequence[Token], k: int) -> bool:
    """Whether the title noun ``tokens[k]`` stands right before a person's name, as its title.

    Only a person's name as reynir or BÍN's given names read it (``prófessor Jón Jónsson``):
    after a title a body's name is its owner (``forstjóri Icelandair``). A name that may be
    genitive owns a title in the nominative (``ráðgjafi Jóns``, ``lögmaður Trump``, a foreign
    name that does not inflect); after a title in the genitive (``að sögn prófessors Jóns``)
    the name must be able to be genitive too.
    """
    noun, name = tokens[k], tokens[k + 1]
    if not title_like(noun.text, noun.meanings) or any(m.cat == "so" for m in noun.meanings):
        return False
    if name.kind == "person":
        cases = {p.case for p in name.persons}
    elif name.kind == "word" and _is_cap(name) and _given_name(name) is not None:
        cases = {_case_of(m.tags) for m in name.meanings if m.domain == "ism"}
        cases = {c.lower() for c in cases if c is not None}
    else:
        return False
    if _noun_meanings(noun, "NF"):
        return "ef" not in cases
    return "ef" in cases


def _given_name(token: Token, *, oblique: bool = False) -> Meaning | None:
    """The given-name reading of a capitalised word (``Ragnar``).

    Nominative first; where an object stands (``oblique``), a reading of another lemma in
    another case first (``hitti Sigurð`` is Sigurður).
    """
    names = sorted(
        (m for m in token.meanings if m.domain == "ism" and m.cat in NOUN_CATS), key=lambda m: not m.core
    )  # common names first (Sölvi before Sölva)
    if oblique:
        other = next((m for m in names if m.lemma != token.text and not m.tags.startswith("NF")), None)
        if other is not None:
            return other
    return next((m for m in names if m.tags.startswith("NF")), names[0] if names else None)


def _nounish(token: Token) -> bool:
    """A noun reading that is not better read as a verb: capitalised mid-sentence, or no finite verb."""
    if not _is_verb(token):
        return True
    if _is_cap(token) and not token.sent_start:
        return True
    return not any(
        m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags) and "-3P-" in m.tags for m in token.meanings
    )


def _head_of_genitive(tokens: Sequence[Token], k: int, stop: int) -> bool:
    """Whether a word read as a noun heads the genitive noun after it (``Hluti samninganefndar``).

    ``Hluti`` has a subjunctive verb reading (of *hluta*), but a nominative noun right before
    a noun that can only be genitive is the head of its complement; a verb in the
    indicative (*Segir stjórnarinnar* is no clause) is not read so.
    """
    token = tokens[k]
    return (
        k + 1 < stop
        and bool(_noun_meanings(token, "NF"))
        and _genitive_only(tokens[k + 1])
        and not any(m.cat == "so" and "-FH-" in m.tags for m in token.meanings)
    )


def person_reading(token: Token, *, oblique: bool = False) -> tuple[str, str | None, str | None]:
    """Return (nominative name, gender, case) of a person token.

    The nominative reading comes first, unless ``oblique`` says the name stands where an
    object does: then a reading that lemmatises the form (``Sigurð`` -> ``Sigurður``) wins.
    """
    readings = token.persons
    if oblique:
        for reading in readings:
            if reading.case != "nf" and reading.name != token.text:
                return reading.name, reading.gender, reading.case
    for reading in readings:
        if reading.case == "nf":
            return reading.name, reading.gender, "nf"
    first = readings[0]
    return first.name, first.gender, first.case


def title_like(word: str, meanings: Sequence[Meaning]) -> bool:
    """Return whether a noun reads as a title or role (``forseti``, ``Rússlandsforseti``)."""
    for m in meanings:
        if m.cat in NOUN_CATS and (m.domain == "titl" or m.lemma.lower().endswith(TITLE_HEADS)):
            return True
    return word.lower().endswith(TITLE_HEADS)


def _foreign_run(tokens: Sequence[Token], i: int) -> int:
    """Return the end index of a run of capitalised words unknown to BÍN (a foreign name)."""
    j = i
    while j < len(tokens) and tokens[j].kind == "word" and _is_cap(tokens[j]) and not tokens[j].meanings:
        j += 1
    return j


def _np_nominative(tokens: Sequence[Token], i: int, j: int) -> str:
    """The nominative of tokens[i:j] (adjectives and a noun), word by word through BÍN."""
    words: list[str] = []
    for token in tokens[i:j]:
        form = token.text
        best: str | None = None
        if any(m.cat == "fn" and m.lemma == "sami" for m in token.meanings):
            continue  # "sömu heimildir" are the sources named before: the name is "heimildir"
        if any((m.cat in NOUN_CATS or m.cat == "lo") and _case_of(m.tags) == "NF" for m in token.meanings):
            words.append(form)  # already in the nominative: no BÍN variant lookup
            continue
        for m in token.meanings:
            if m.cat in NOUN_CATS or m.cat == "lo":
                cand = nominative(form, m.lemma, m.cat, m.tags) or _compound_nominative(form, m)
                if cand is not None:
                    best = cand if form[:1].islower() else cand[:1].upper() + cand[1:]
                    break
        words.append(best or form)
    return " ".join(words)


def _compound_nominative(form: str, meaning: Meaning) -> str | None:
    """The nominative of a compound BÍN lacks, by its head: ``Eflingarfélögum`` -> ``Eflingarfélög``.

    islenska reads such a word as a split lemma (``eflingar-félag``); the head part of the
    form is inflected as the head noun, and the part before it stays as written.
    """
    if "-" not in meaning.lemma.strip("-"):
        return None
    prefix, head = meaning.lemma.rsplit("-", 1)
    cut = len(prefix.replace("-", ""))
    if form[:cut].casefold() != prefix.replace("-", "").casefold():
        return None
    tail = nominative(form[cut:], head, meaning.cat, meaning.tags)
    return None if tail is None else form[:cut] + tail


PLATFORM_WORDS = frozenset(
    {"facebook", "twitter", "x", "instagram", "tiktok", "linkedin", "youtube", "threads"}
)
_PLACE_DOMAINS = frozenset({"örn", "svaedi", "lönd", "erl", "þor", "göt", "bær", "fyr", "stofn"})
_PLACES_ONLY = frozenset({"örn", "svaedi", "lönd", "erl", "þor", "göt", "bær"})
"""BÍN domains of places proper (not bodies): a town or a country speaks through no epithet."""
"""BÍN domains of places and named bodies (``svaedi``: regions, as islenska names ``örn``)."""


def _genitive_word(token: Token) -> bool:
    """Whether a word has a genitive noun or adjective reading."""
    return token.kind == "word" and any(
        m.cat in NOUN_CATS | {"lo"} and "EF" in m.tags for m in token.meanings
    )


def _possessive_genitive(tokens: Sequence[Token], j: int, limit: int) -> bool:
    """Whether ``tokens[j]`` is a personal pronoun in the genitive owning the noun before it.

    ``lögmaður hans``, ``talsmaður hennar``, ``hallmælendur þeirra``: the genitive of *hann*,
    *hún*, *það* or *þeir* after a noun is its owner. Not before *að*, where *þess* points at
    the clause that follows (``í ljósi þess að``).
    """
    token = tokens[j]
    if _is_cap(token) or not any(m.cat == "pfn" and m.tags.startswith("EF") for m in token.meanings):
        return False
    return not (j + 1 < limit and tokens[j + 1].low == "að")


def _adverb_ends(tokens: Sequence[Token], j: int, limit: int) -> bool:
    """Whether the word at ``j``, which has a genitive reading, is an adverb that ends the phrase.

    ``segir rannsókn enn í gangi``, ``sagði verkið einstaklega mikilvægt``, ``Fjölmiðlar ytra
    telja``: *enn*, *einstaklega* and *ytra* have genitive readings in BÍN (a noun, a weak
    adjective), but read as adverbs after a noun phrase. The genitive reading holds when a
    genitive word follows (``formaður íslenska félagsins``), and a direction after a place
    name is part of the name (``á Norðurlandi eystra``).
    """
    token = tokens[j]
    if not any(m.cat == "ao" for m in token.meanings):
        return False
    if j + 1 < limit and _genitive_word(tokens[j + 1]):
        return False
    return not (j > 0 and any(m.domain in _PLACE_DOMAINS for m in tokens[j - 1].meanings))


def _patronymic_after(tokens: Sequence[Token], j: int, stop: int) -> int | None:
    """The index after a patronymic or matronymic that ends a run of capitalised words from ``j``.

    Within two more words; ``None`` when the run ends first.
    """
    for k in range(j + 1, min(stop, j + 3)):
        token = tokens[k]
        if token.kind != "word" or not _is_cap(token):
            return None
        if any(m.domain in ("föð", "móð") for m in token.meanings):
            return k + 1
    return None


def _genitive_between(tokens: Sequence[Token], j: int) -> bool:
    """Whether a word with genitive noun and verb readings is the genitive of the noun before it.

    It is when the next word can only be a finite verb and none of the word's own finite
    readings agrees with the noun before it as its subject: two verbs do not stand side by
    side there (``Umboðsmaður barna segir``: *barna* is also *þeir barna*, plural; ``Talsmenn
    bænda segja``: *bænda* is also a participle). ``sem RÚV birti sjást``: *birti* agrees with
    *RÚV* and is its verb. The word after is looked at even when the phrase is read up to a
    limit before it.
    """
    k = j + 1
    if j == 0 or k >= len(tokens) or tokens[k].kind != "word" or not tokens[k].meanings:
        return False
    after = tokens[k].meanings
    if not all(m.cat == "so" for m in after) or not any("-FH-" in m.tags or "-VH-" in m.tags for m in after):
        return False
    numbers = {"-ET" if "ET" in m.tags else "-FT" for m in _noun_meanings(tokens[j - 1])}
    return bool(numbers) and not any(
        m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags) and f"3P{n}" in m.tags
        for m in tokens[j].meanings
        for n in numbers
    )


def _read_complement(tokens: Sequence[Token], j: int, limit: int, *, title: bool = False) -> int:
    """Extend a noun phrase over a genitive complement or a short place PP (``á Akureyri``).

    Outside titles, a PP is taken only when its noun is a place name in BÍN.
    """
    while j < limit:
        token = tokens[j]
        if token.kind in ("person", "entity") or (
            token.kind == "word" and _is_cap(token) and any(m.cat == "entity" for m in token.meanings)
        ):
            j += 1  # "forstjóri Icelandair", "talsmaður Samherja"
            continue
        if token.kind == "word" and token.text.isupper() and len(token.text) > 1:
            j += 1  # an acronym names its owner whatever BÍN reads it as: "Fréttastofa AFP"
            continue
        if (
            title
            and token.low in ("og", ",")
            and j + 1 < limit
            and _genitive_word(tokens[j - 1])
            and bool(_noun_meanings(tokens[j + 1], "EF"))
            and not _noun_meanings(tokens[j + 1], "NF")
            and not _finite(tokens[j + 1])
        ):
            j += 1  # "formaður Samtaka verslunar og þjónustu": genitives joined in one name
            continue
        if token.text == "(" and j + 2 < limit and tokens[j + 1].text.isupper() and tokens[j + 2].text == ")":
            j += 3  # "Samtaka verslunar og þjónustu (SVÞ)": a name's acronym after it
            continue
        if token.kind == "word" and _possessive_genitive(tokens, j, limit):
            j += 1  # "lögmaður hans", "hallmælendur þeirra"
            continue
        if token.kind == "word" and token.meanings:
            if (
                _genitive_word(token)
                and (title or not any(m.cat == "so" for m in token.meanings) or _genitive_between(tokens, j))
                and not _adverb_ends(tokens, j, limit)
            ):
                j += 1  # "forstjóri Samherja", in a title also "formaður stjórnar"
                continue
            if (
                title
                and _is_cap(token)
                and any(
                    m.domain in _PLACE_DOMAINS or m.cat == "entity" or m.tags == "-" for m in token.meanings
                )
            ):
                j += 1  # "forstjóri Icelandair": an indeclinable company name
                continue
            if (
                token.text in _PREPS_IN_TITLE
                and j + 1 < limit
                and _is_cap(tokens[j + 1])
                and (
                    title
                    or any(m.domain in _PLACE_DOMAINS for m in tokens[j + 1].meanings)
                    or (not tokens[j + 1].meanings and tokens[j + 1].low not in PLATFORM_WORDS)
                )
            ):
                k = j + 1
                while k < limit and tokens[k].kind in ("word", "entity", "number") and _is_cap(tokens[k]):
                    k += 1
                if k < limit and tokens[k].kind == "number":
                    k += 1
                j = k
                continue
        if token.kind == "word" and not token.meanings and _is_cap(token):
            j += 1
            continue
        break
    return j


def _title_text(tokens: Sequence[Token], i: int, j: int) -> str:
    """The title tokens[i:j] with its head noun in the nominative."""
    head = _np_nominative(tokens, i, i + 1)
    rest = _words(tokens[i + 1 : j])
    return f"{head} {rest}".strip()


def _words(tokens: Sequence[Token]) -> str:
    """The words of a complement as written: a comma kept to its word, an acronym in brackets left out.

    ``ferðamála , iðnaðar og nýsköpunar`` reads ``ferðamála, iðnaðar og nýsköpunar``; in
    ``Samtök atvinnulífsins (SA)`` the bracketed acronym repeats the name and is no part of it.
    """
    words: list[str] = []
    k = 0
    while k < len(tokens):
        text = tokens[k].text
        if text == "(" and k + 2 < len(tokens) and tokens[k + 2].text == ")":
            k += 3
            continue
        if text == "," and words:
            words[-1] += ","
        else:
            words.append(text)
        k += 1
    return " ".join(words)


def title_before(tokens: Sequence[Token], i: int, floor: int = 0) -> str | None:
    """The title a definite noun gives the name at ``tokens[i]`` (``framherjinn Jón Jónsson``).

    The noun with its article right before the name, and the adjectives that agree with it
    (``bandaríski leikarinn Tom Hanks`` gives ``bandaríski leikarinn``), in the nominative.
    """
    tokens = tokens if isinstance(tokens, _Filled) else _Filled(tokens)
    k = i - 1
    if k < floor or tokens[k].kind != "word":
        return None
    if (
        _is_cap(tokens[k])
        and not tokens[k].sent_start
        and not any(m.domain == "ffl" for m in tokens[k].meanings)
    ):
        return None  # a capitalised word inside a sentence is a name, unless a demonym
    noun = tokens[k]
    if not any(m.cat in NOUN_CATS and "gr" in m.tags for m in noun.meanings) or _finite(noun):
        return None
    a = k
    while (
        a - 1 >= floor
        and tokens[a - 1].kind == "word"
        and not _finite(tokens[a - 1])
        and _agrees(tokens[a - 1], noun)
    ):
        a -= 1
    title = _np_nominative(tokens, a, k + 1)
    if not any(m.domain == "ffl" for m in noun.meanings):
        title = title[:1].lower() + title[1:]
    return title


def read_office(tokens: Sequence[Token], i: int, limit: int | None = None) -> Mention | None:
    """An office named without its holder (``innanríkisráðherra``, ``lögreglustjórinn á Suðurlandi``).

    A compound title or a title with a complement. Registered, such a description is what a
    bare role noun later refers to (``Í svari ráðherra segir …`` after ``svari
    innanríkisráðherra``). ``None`` for anything else, and when a name follows as an
    apposition (then the name is the referent).
    """
    token = tokens[i]
    if token.kind != "word" or _is_cap(token) or not token.low.endswith(TITLE_HEADS):
        return None
    mention = read_np(tokens, i, limit)
    if mention is None or mention.kind != "description" or mention.number != "et" or not mention.head_lemma:
        return None
    head = mention.head_lemma
    compound = any(h.endswith(TITLE_HEADS) and h != head for h in compound_heads(head)[1:] if len(h) >= 4)
    return mention if compound or " " in mention.name else None


class _Filled(Sequence[Token]):
    """Tokens whose lower-case words carry their BÍN readings, looked up when first read.

    The light tokenizer gives readings to capitalised words only (enough to find names);
    a title or description next to a name (``Pútín, forseti Rússlands,``) needs them too.
    Tokens from the full tokenizer come through unchanged (a word it left without readings
    is one BÍN does not know).
    """

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = tokens
        self._filled: dict[int, Token] = {}

    def __len__(self) -> int:
        return len(self._tokens)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | Sequence[Token]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        token = self._filled.get(index)
        if token is None:
            token = self._tokens[index]
            if token.kind == "word" and not token.meanings and not token.text[:1].isupper():
                found = lookup(token.norm or token.text)
                if found:
                    token = attrs.evolve(token, meanings=found)
            self._filled[index] = token
        return token


def read_np(
    tokens: Sequence[Token],
    i: int,
    limit: int | None = None,
    *,
    apposition: bool = True,
    oblique: bool = False,
    verb_follows: bool = False,
) -> Mention | None:
    """Read a speaker-like noun phrase starting at ``tokens[i]``; ``None`` if none starts there.

    ``verb_follows`` says that the phrase is wanted right before the finite verb of its
    clause: then its head noun is no verb, whatever readings BÍN gives it (``Embætti
    saksóknara segir``: not the subjunctive of *embætta*), for a clause has one finite verb
    in second place.
    """
    stop = len(tokens) if limit is None else limit
    if i >= stop:
        return None
    if not isinstance(tokens, _Filled):
        tokens = _Filled(tokens)
    token = tokens[i]
    mention: Mention | None = None
    j = i + 1
    if token.kind == "word" and token.low in NOT_NP_START:
        return None
    if token.kind == "person" and token.persons:
        name, gender, case = person_reading(token, oblique=oblique)
        others = tuple(dict.fromkeys((p.name, p.gender) for p in token.persons if p.name != name))
        mention = Mention(
            token.start,
            token.end,
            "person",
            name,
            gender,
            tok_end=j,
            nominative=case in (None, "nf"),
            alternatives=others,
        )
    elif token.kind == "entity":
        mention = Mention(token.start, token.end, "person", _shown(token), None, tok_end=j)
    elif token.kind == "word" and _is_cap(token) and _given_name(token) is not None:
        # a first name reynir did not take for a person (sentence-initial "Ragnar segir")
        given = _given_name(token, oblique=oblique)
        assert given is not None
        if i + 1 < stop:
            # the patronymic settles gender and case: "Sigurði Einarssyni" is Sigurður's dative
            patronymic = [m for m in tokens[i + 1].meanings if m.domain in ("föð", "móð")]
            fits = [
                m
                for m in token.meanings
                if m.domain == "ism" and any(f.cat == m.cat and f.tags[:3] == m.tags[:3] for f in patronymic)
            ]
            if fits:
                # of two names with the same form (Sigurð, Sigurður) BÍN's core one is the common one
                given = max(fits, key=lambda m: (m.core, (m.lemma != token.text) == oblique))
        j = i + 1
        words = [given.lemma]
        while j < stop and tokens[j].kind == "word" and _is_cap(tokens[j]):
            family = next((m for m in tokens[j].meanings if m.domain in ("föð", "móð", "ætt", "ism")), None)
            if family is None and tokens[j].meanings:
                end = _patronymic_after(tokens, j, stop)
                if end is None:
                    break
                # a middle name BÍN reads as a common word, before the patronymic: "Þórdís
                # Kolbrún Reykfjörð Gylfadóttir" (reynir, where it reads the sentence, agrees)
                words.extend(_shown(t) for t in tokens[j : end - 1])
                j = end - 1
                continue
            words.append(family.lemma if family is not None else _shown(tokens[j]))  # or a foreign surname
            j += 1
        mention = Mention(
            token.start,
            tokens[j - 1].end,
            "person",
            " ".join(words),
            _GENDERS.get(given.cat),
            tok_end=j,
            nominative=given.tags.startswith("NF"),
        )
    elif token.kind == "word" and token.text.isupper() and len(token.text) > 1 and not token.meanings:
        mention = Mention(
            token.start, token.end, "organization", _shown(token), None, tok_end=j
        )  # "DV", "ICE"
    elif token.kind == "word" and _is_cap(token) and not token.meanings:
        j = _foreign_run(tokens, i)
        words = [_shown(t) for t in tokens[i:j]]
        while j < stop and tokens[j].kind == "word" and _is_cap(tokens[j]):
            # a foreign given name with an Icelandic patronymic: "Shiran Þórisson"
            family = next((m for m in tokens[j].meanings if m.domain in ("föð", "móð")), None)
            if family is None:
                break
            words.append(family.lemma)
            j += 1
        mention = Mention(
            token.start,
            tokens[j - 1].end,
            "person",
            " ".join(words),
            None,
            tok_end=j,
        )
    elif token.kind == "word":
        low = token.low
        if _no_head(tokens, i):
            return None
        if low in PRONOUNS and any(m.cat == "pfn" for m in token.meanings):
            gender, number = PRONOUNS[low]
            subject = any(m.cat == "pfn" and m.tags.startswith("NF") for m in token.meanings)
            return Mention(
                token.start, token.end, "pronoun", low, gender, number, tok_end=j, nominative=subject
            )
        if verb_follows and stop == i + 1 and _quantifier_subject(token):
            # "sem flestir voru sammála um að …", "Margir telja að …": people, as a pronoun
            gender = next(
                g for g in ("KK", "KVK", "HK") if any(f"{g}-NFFT" in m.tags for m in token.meanings)
            )
            return Mention(
                token.start, token.end, "description", low, _GENDERS[gender.lower()], "ft", tok_end=j
            )
        # adjectives* noun
        k = i
        while (
            k + 1 < stop
            and tokens[k].kind == "word"
            and _adj_meanings(tokens[k])
            and (not _noun_meanings(tokens[k]) or _agrees(tokens[k], tokens[k + 1]))
            and not (
                # "Hluti samninganefndar": a nominative noun heading the genitive after it,
                # unless its adjective reading agrees with that genitive ("breska ríkisútvarpsins")
                _noun_meanings(tokens[k], "NF")
                and _genitive_only(tokens[k + 1])
                and not _agrees(tokens[k], tokens[k + 1])
            )
        ):
            k += 1
        if (
            k < stop
            and tokens[k].kind == "word"
            and _noun_meanings(tokens[k])
            and (verb_follows or _nounish(tokens[k]) or _head_of_genitive(tokens, k, stop))
            and not any(_weak_only(tokens[a], tokens[k]) for a in range(i, k))
        ):
            noun = tokens[k]
            nouns = _noun_meanings(noun)
            nouns_nf = _noun_meanings(noun, "NF")
            # BÍN lists the commonest reading first; a nominative reading of the same lemma wins
            meaning = next((m for m in nouns_nf if m.lemma == nouns[0].lemma), nouns[0])
            if not _nounish(noun) and nouns_nf:
                # read as the head of a genitive: its nominative ("Hluti" is hluti, not hlutur)
                meaning = nouns_nf[0]
            if k + 1 < stop and (
                ("gr" in meaning.tags and _starts_name(tokens[k + 1])) or _title_before_name(tokens, k)
            ):
                # a definite noun right before a name is its title: "framherjinn Jón Jónsson",
                # "Svíinn Zlatan Ibrahimović", "bandaríski leikarinn Tom Hanks"; so is a title
                # noun in the name's case: "prófessor Jón Jónsson", "að sögn prófessors Jóns"
                person = read_np(tokens, k + 1, stop, apposition=apposition, oblique=oblique)
                if (
                    person is not None
                    and person.kind == "person"
                    and person.title is None
                    and ("gr" in meaning.tags or person.nominative == bool(nouns_nf))
                ):
                    title = _np_nominative(tokens, i, k + 1)
                    if tokens[i].sent_start and not any(m.domain == "ffl" for m in noun.meanings):
                        title = title[:1].lower() + title[1:]
                    return attrs.evolve(person, title=title, np_start=i)
            j = _read_complement(tokens, k + 1, stop)
            proper = (
                _is_cap(noun)
                and (
                    not noun.sent_start
                    or any(m.domain not in ("alm", "titl", "ffl") for m in noun.meanings)
                    or any(  # "Héraðsdómur Reykjavíkur", "Háskóli Íslands"
                        t.kind == "word"
                        and _is_cap(t)
                        and any(m.domain in _PLACE_DOMAINS for m in t.meanings)
                        for t in tokens[k + 1 : j]
                    )
                )
            )
            kind = "organization" if proper else "description"
            if kind == "organization" and k == i:
                # a body by its name in BÍN ("Fréttablaðið"), else its lemma ("Landhelgisgæsla")
                # ... or, definite, as written in the nominative ("Fréttablaðið")
                named = [m for m in noun.meanings if m.cat in NOUN_CATS and m.domain in _PLACE_DOMAINS]
                if noun.text.isupper() and len(noun.text) > 1:
                    name = noun.text  # an acronym stays as written ("BBC")
                elif named or not ("gr" in meaning.tags or "FT" in meaning.tags or "-" in meaning.lemma):
                    body = named[0] if named else meaning
                    lemma = body.lemma
                    if "gr" in body.tags:
                        # the name has its article where the text does: "greiningu Landsbankans"
                        # is Landsbankinn's, "hvatti Bandaríkin" names Bandaríkin
                        lemma = nominative(noun.text, body.lemma, body.cat, body.tags) or lemma
                    name = lemma[:1].upper() + lemma[1:] if _is_cap(noun) else lemma
                else:
                    # definite, plural ("Eflingarfélögum": members, not a body "Eflingarfélag")
                    # or a compound BÍN lacks: the form's own nominative, no lemma guessed
                    name = _np_nominative(tokens, i, k + 1)
            else:
                name = _np_nominative(tokens, i, k + 1)
            tail = _words(tokens[k + 1 : j])
            full = f"{name} {tail}".strip()
            capital = tokens[i].sent_start and full[:1].isupper()
            if kind == "description" and capital and not _proper(tokens[i]):
                full = full[:1].lower() + full[1:]  # "Vísindamenn telja" -> "vísindamenn"
            number = "ft" if "FT" in meaning.tags else "et"
            mention = Mention(
                tokens[i].start,
                tokens[j - 1].end,
                kind,
                full,
                _GENDERS.get(meaning.cat),
                number,
                tok_end=j,
                head_lemma=meaning.lemma.lower(),
                modifiers=tuple(
                    next((m.lemma for m in _adj_meanings(t)), t.low) for t in tokens[i:k] if t.kind == "word"
                ),
                nominative=bool(nouns_nf) or meaning.tags == "-",
                definite="gr" in meaning.tags,
                place=kind == "organization"
                and any(m.domain in _PLACES_ONLY for m in nouns)
                and not any(m.domain in ("fyr", "stofn") for m in nouns),
                owners=_owners(tokens[k + 1 : j]),
            )
    if mention is None:
        return None
    if mention.kind == "description" and mention.tok_end + 2 < stop and _named(tokens, mention.tok_end):
        # "leikari að nafni Anthony Trapp": the name names the one the description describes
        person = read_np(tokens, mention.tok_end + 2, stop, apposition=apposition, oblique=oblique)
        if person is not None and person.kind == "person" and person.title is None:
            return attrs.evolve(person, title=mention.name, np_start=i)
    # a title right after a name: "Katrín Jakobsdóttir forsætisráðherra", "... bæjarstjóri X"
    if (
        mention.kind == "person"
        and j < stop
        and tokens[j].kind == "word"
        and (tokens[j].text[:1].islower() or any(m.domain == "titl" for m in tokens[j].meanings))
        and title_like(tokens[j].text, tokens[j].meanings)
    ):
        end = _read_complement(tokens, j + 1, stop, title=True)
        mention = attrs.evolve(mention, title=_title_text(tokens, j, end), tok_end=end)
        j = end
    if apposition and j + 1 < stop and tokens[j].text == ",":
        first = _after_age(tokens, j + 1, stop) if mention.kind == "person" else j + 1
        if first > j + 1 and first < stop and tokens[first].text == ",":
            return attrs.evolve(mention, tok_end=first + 1)  # "Jón Jónsson, 45 ára, segir"
        inner = read_np(tokens, first, stop, apposition=False) if first < stop else None
        if inner is not None and inner.kind != "pronoun":
            end = inner.tok_end
            closes = _closing_comma(tokens, end, stop) is not None
            if (
                mention.kind == "person"
                and inner.kind in ("description", "organization")
                and (
                    title_like(tokens[first].text, tokens[first].meanings)
                    or (inner.head_lemma or "").endswith(TITLE_HEADS)  # ", vakthafandi veðurfræðingur"
                    or (closes and inner.nominative)  # ", leiðtogi Verkamannaflokksins,"
                )
            ):
                end = _read_complement(tokens, inner.tok_end, stop, title=True)
                while end + 1 < stop and tokens[end].low in ("og", ","):
                    # "fyrrverandi forstjóri X, fyrrum formaður Y og nýskipaður forstjóri Z,"
                    if _finite(tokens[end + 1]):
                        break  # "Pútín, forseti Rússlands, hitti …": the clause goes on
                    more = read_np(tokens, end + 1, stop, apposition=False)
                    if more is None or more.kind not in ("description", "organization"):
                        break
                    end = _read_complement(tokens, more.tok_end, stop, title=True)
                comma = _closing_comma(tokens, end, stop)
                title = _title_text(tokens, first, end) if _noun_meanings(tokens[first]) else inner.name
                mention = attrs.evolve(mention, title=title, tok_end=end if comma is None else comma + 1)
            elif inner.kind == "person" and (
                mention.kind == "description"
                or (mention.kind == "organization" and title_like(mention.head_lemma or "", ()))
            ):
                # "Stjórnarformaður Landsbankans, Tryggvi Pálsson, sagði": a title, then its holder
                title = mention.name
                if tokens[i].sent_start and mention.kind == "organization":
                    title = title[:1].lower() + title[1:]
                mention = attrs.evolve(inner, title=title, tok_end=end + 1 if closes else end, np_start=i)
    return mention


def _after_age(tokens: Sequence[Token], k: int, stop: int) -> int:
    """The token after an age at ``k`` in an apposition (``Guðrún, 45 ára bóndi, segir``), else ``k``."""
    if k + 1 < stop and tokens[k].kind == "number" and tokens[k + 1].low == "ára":
        return k + 2
    return k


APPOSITION_PP = 6
"""Tokens a place or time phrase may take between an apposition and its closing comma."""


def _closing_comma(tokens: Sequence[Token], j: int, stop: int) -> int | None:
    """The comma that closes an apposition at ``tokens[j]``, after at most one short PP.

    ``Sveinn Andri Sveinsson, verjandi X í hryðjuverkamálinu, segir``: the PP is no part
    of the title, but the apposition ends at its comma. Only nouns, adjectives, names and
    numbers may stand in the PP; a verb means a clause, not an apposition.
    """
    if j < stop and tokens[j].text == ",":
        return j
    if not (j < stop and tokens[j].kind == "word" and any(m.cat == "fs" for m in tokens[j].meanings)):
        return None
    for k in range(j + 1, min(stop, j + 1 + APPOSITION_PP)):
        token = tokens[k]
        if token.text == ",":
            return k if k > j + 1 else None
        if token.kind in ("person", "entity", "number"):
            continue
        if token.kind != "word" or not token.meanings or (_is_verb(token) and not _noun_meanings(token)):
            return None  # a verb: a clause; a noun with a verb reading (embætti) may stand in a PP
        if not any(m.cat in NOUN_CATS | {"lo", "gr", "fn", "to", "fs"} for m in token.meanings):
            return None
    return None


def np_before(tokens: Sequence[Token], j: int, floor: int) -> Mention | None:
    """Return the longest noun phrase that ends right before ``tokens[j]`` (from ``floor`` on).

    One adverb may stand between (``talsmaður hersins þar sagði``).
    """
    last = tokens[j - 1] if j - 1 > floor else None
    if (
        last is not None
        and any(m.cat == "ao" for m in last.meanings)
        and not any(m.cat in NOUN_CATS or m.cat in ("so", "st", "fs") for m in last.meanings)
    ):
        j -= 1
    for k in range(max(floor, j - 14), j):
        if k > floor and tokens[k - 1].kind in ("person", "entity"):
            continue
        mention = read_np(tokens, k, j, verb_follows=j < len(tokens) and _finite(tokens[j]))
        if mention is None:
            continue
        end = mention.tok_end
        if end < j and tokens[end].low in _PREPS_IN_TITLE and mention.kind != "person":
            # "Lögreglan á höfuðborgarsvæðinu segir": a place PP closing the noun phrase
            place = read_np(tokens, end + 1, j, apposition=False)
            if place is not None and place.tok_end == j:
                pp = " ".join(t.text for t in tokens[end:j])
                mention = attrs.evolve(mention, end=tokens[j - 1].end, name=f"{mention.name} {pp}", tok_end=j)
        if mention.tok_end == j:
            mention = attrs.evolve(mention, np_start=k) if mention.np_start < 0 else mention
            return _coordinated(tokens, mention, mention.np_start, floor)
    return None


COORDINATED_MAX = 8
"""At most this many names are joined into one speaker (bounds the work on a long list)."""

_CLAUSE_WORDS = frozenset({"að", "hvort", "sem", "en", "og", "þegar", "ef", "því", ",", ":", ";"})
"""Words after which a clause, and so a coordinated subject, may begin."""


def _conjunct_before(tokens: Sequence[Token], end: int, floor: int) -> Mention | None:
    """The longest name of a person or body that ends right before ``tokens[end]``."""
    for s in range(max(floor, end - 6), end):
        if s > floor and tokens[s - 1].kind in ("person", "entity"):
            continue
        found = read_np(tokens, s, end, apposition=False)
        if found is not None and found.tok_end == end and found.kind in ("person", "organization"):
            return attrs.evolve(found, np_start=s)
    return None


def _coordinated(tokens: Sequence[Token], mention: Mention, first: int, floor: int) -> Mention:
    """Names coordinated with ``mention`` before it: ``RÚV og Stundin``, ``Jón, Anna og Páll``.

    The subject before the verb is the whole coordination, joined as in the text (the last
    two by *og*, the others by commas), in the nominative. Only names of people and bodies are
    joined, and only where a clause begins: first in the sentence or after a complementizer,
    a conjunction or a comma (*hitti Jón og Anna segir …*: *Jón* is an object). The result
    is plural, of no gender (a plural pronoun later refers to it), a description so that it
    never merges with one of its members.
    """
    if mention.kind not in ("person", "organization") or first - 2 < floor or tokens[first - 1].low != "og":
        return mention
    parts = [mention]
    k = first
    while k - 2 >= floor and tokens[k - 1].low in ("og", ",") and len(parts) < COORDINATED_MAX:
        if tokens[k - 1].low == "og" and len(parts) > 1:
            break  # "A og B og C": one "og", before the last
        left = _conjunct_before(tokens, k - 1, floor)
        if left is None:
            break
        parts.insert(0, left)
        k = left.np_start
    if len(parts) < 2:
        return mention
    before = tokens[k - 1] if k > floor else None
    if before is not None and before.low not in _CLAUSE_WORDS:
        return mention  # "hitti Jón og Anna segir", "meðal annars RÚV og …": no clause starts there
    names = [p.name for p in parts]
    name = ", ".join(names[:-1]) + " og " + names[-1]
    return Mention(
        parts[0].start,
        mention.end,
        "description",
        name,
        None,
        "ft",
        tok_end=mention.tok_end,
        nominative=all(p.nominative for p in parts),
        np_start=k,
        members=len(parts),
    )


def _word_set(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in name.split())


@attrs.define
class Entity:
    """A referent of the article: one person or body, however often and however named.

    ``words`` is the casefolded set of the words of ``name``, kept up to date whenever
    ``name`` is set (it is read for every comparison of two names).
    """

    _name: str = attrs.field(alias="name")
    kind: str
    gender: str | None
    titles: list[str] = attrs.Factory(list)
    mentions: list[tuple[int, int]] = attrs.Factory(list)
    head_lemma: str | None = None
    number: str = "et"
    group: bool = False  # a group of people (:func:`collective`): plural pronouns refer to it
    place: bool = False  # a place name, never what a general noun for a body refers to
    owners: tuple[str, ...] = ()  # for a group: the names it belongs to ("ritstjórn Kveiks": kveikur)
    words: frozenset[str] = attrs.field(init=False, eq=False)
    seq: int = attrs.field(default=0, eq=False)  # order of creation in its registry

    def __attrs_post_init__(self) -> None:
        self.words = _word_set(self._name)

    @property
    def name(self) -> str:
        """The canonical name: the fullest form the article gives."""
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        self._name = value
        self.words = _word_set(value)


def same_head(a: str | None, b: str | None) -> bool:
    """Whether two head lemmas name the same thing (``veðurstofa`` and ``veðurstofan``)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def _strip_title_words(name: str, titles: list[str]) -> str:
    """``Donald Trump Bandaríkjaforseta`` -> ``Donald Trump``, title ``Bandaríkjaforseti``."""
    words = name.split()
    while len(words) > 1 and words[-1][:1].isupper():
        title = title_lemma(words[-1])
        if title is None:
            break
        titles.append(title)
        words.pop()
    return " ".join(words)


def title_lemma(word: str) -> str | None:
    """The nominative of a title noun in any case (``Bandaríkjaforseta`` -> ``Bandaríkjaforseti``)."""
    if word.lower().endswith(TITLE_HEADS):
        return word
    for m in lookup(word):
        if m.cat in NOUN_CATS and (m.domain == "titl" or m.lemma.lower().endswith(TITLE_HEADS)):
            return m.lemma
    return None


def _genitive_fix(name: str, known: Callable[[str], bool]) -> str:
    """``Vladimirs Pútíns`` -> ``Vladimir Pútín`` when the article also has ``Pútín``."""
    words = name.split()
    fixed = [w[:-1] if w.endswith("s") and known(w[:-1].casefold()) else w for w in words]
    if fixed != words:
        return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)
    return name


LOOKBACK = 200
"""How many earlier mentions pronoun and role resolution look at (bounds time per article)."""


INDEX_WORDS = 3
"""Entities are indexed by every set of up to this many of their name's words."""
BUCKET_SCAN = 64
"""At most this many entities of one index bucket are compared with a mention, latest first."""
SUBSETS_UP_TO = 8
"""A name of up to this many words is compared by all its word subsets, a longer one by the small ones."""


def _subsets(words: frozenset[str], up_to: int) -> list[frozenset[str]]:
    ordered = sorted(words)
    return [
        frozenset(c) for size in range(1, min(up_to, len(ordered)) + 1) for c in combinations(ordered, size)
    ]


def _related(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one name's words are all in the other (``Trump`` and ``Donald Trump``)."""
    return bool(a) and bool(b) and (a <= b or b <= a)


class _Index:
    """Entities by the words of their names, so that finding a match costs the same for any article.

    A mention matches an entity when the words of one name are all in the other. The
    entities whose words include the mention's are in the bucket of the mention's words (or
    of three of them); those whose words are all among the mention's are in the exact buckets
    of the mention's word subsets. Entries whose entity was renamed since are checked again
    and skipped when they no longer fit.
    """

    def __init__(self) -> None:
        self.within: dict[frozenset[str], list[Entity]] = {}  # every small subset of the words
        self.exact: dict[frozenset[str], list[Entity]] = {}  # the whole set of words
        self.prefix: dict[str, list[Entity]] = {}  # a person's words by their first four letters
        self.heads: dict[str, list[Entity]] = {}  # bodies by the first four letters of their head

    def add(self, entity: Entity) -> None:
        words = entity.words
        for key in _subsets(words, INDEX_WORDS):
            self.within.setdefault(key, []).append(entity)
        self.exact.setdefault(words, []).append(entity)
        if entity.kind == "person":
            for w in words:
                self.prefix.setdefault(w[:4], []).append(entity)
        if entity.kind == "organization" and entity.head_lemma:
            self.heads.setdefault(entity.head_lemma[:4], []).append(entity)

    def candidates(self, words: frozenset[str]) -> Iterator[Entity]:
        """Entities that may share words with ``words`` (with repeats; check each)."""
        if not words:
            return
        if len(words) <= INDEX_WORDS:
            yield from _latest(self.within.get(words, ()))
        else:
            yield from _latest(self.exact.get(words, ()))
            yield from _latest(self.within.get(frozenset(sorted(words)[:INDEX_WORDS]), ()))
        up_to = len(words) if len(words) <= SUBSETS_UP_TO else INDEX_WORDS
        for key in _subsets(words, up_to):
            yield from _latest(self.exact.get(key, ()))

    def best(
        self, words: frozenset[str], accept: Callable[[Entity], bool], *, earliest: bool = False
    ) -> Entity | None:
        """The latest (or earliest) entity whose name is related to ``words`` and that ``accept`` takes."""
        found: Entity | None = None
        for entity in self.candidates(words):
            if not _related(words, entity.words) or not accept(entity):
                continue
            if found is None or (entity.seq < found.seq if earliest else entity.seq > found.seq):
                found = entity
        return found


def _latest(bucket: Sequence[Entity]) -> Iterator[Entity]:
    return reversed(bucket[-BUCKET_SCAN:])


LOOKBACK = 200
"""How many earlier mentions pronoun and role resolution look at (bounds time per article)."""


class Registry:
    """Everyone an article names, with pronoun and role resolution.

    The cost of registering a mention does not grow with the number of entities: names are
    found through an index of their words (:class:`_Index`), not by comparing with each
    earlier entity.
    """

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        # (position, sequence, entity, the mention's own gender), sorted by position
        self._order: list[tuple[int, int, Entity, str | None]] = []
        self._salient: set[int] = set()
        self._main: set[int] = set()  # salient mentions that are subjects of a main clause
        self._index = _Index()
        self._merged: dict[int, Entity] = {}  # id of an entity merged away -> the one kept
        self._vocabulary: set[str] = set()
        self._owned: dict[str, Entity] = {}  # a name in a board's genitive -> the latest such board

    def note_words(self, words: Iterable[str]) -> None:
        """Record the words of the article (lower case), for the fullest name of a body."""
        self._vocabulary.update(words)

    def add(self, mention: Mention, *, salient: bool = True, main: bool | None = None) -> Entity:
        """Register a person or body mention and return its entity (merging with earlier ones).

        ``salient`` marks a mention as a subject (first in its clause or right after the
        finite verb); pronouns prefer salient antecedents, and among them the subjects of a
        main clause (``main``, by default as salient) over those of a clause inside it: in
        ``X segir að Y hafi …`` a following ``Hann segir`` is X.
        """
        titles: list[str] = [mention.title] if mention.title else []
        for alt_name, alt_gender in mention.alternatives:
            # "Sölva" reads as the woman Sölva or as Sölvi in an oblique case: take the known one
            if (
                self._match(alt_name, mention.kind) is not None
                and self._match(mention.name, mention.kind) is None
            ):
                mention = attrs.evolve(mention, name=alt_name, gender=alt_gender, alternatives=())
                break
        name = _strip_title_words(mention.name, titles) if mention.kind == "person" else mention.name
        best = self._match(name, mention.kind)
        if best is not None and mention.kind == "person" and mention.gender and " " not in name:
            best = self._given(name) or best
        if mention.kind == "organization":
            body = self._same_body(mention.head_lemma)
            if body is not None and (best is None or body.seq > best.seq):
                best = body
        if best is None and mention.kind == "person" and mention.gender is None and len(name.split()) == 1:
            best = self._inflected(name)
        if best is None and mention.kind in ("organization", "person"):
            best = self._speaking_group(name)
        if best is None:
            if mention.kind == "description":
                name = self._definite(mention, name)
            best = Entity(
                name,
                mention.kind,
                mention.gender,
                head_lemma=mention.head_lemma,
                number=mention.number,
                group=mention.kind != "person" and collective(mention.head_lemma),
                place=mention.place,
                owners=mention.owners if _board(mention.head_lemma) else (),
                seq=len(self.entities),
            )
            self.entities.append(best)
            self._index.add(best)
            self._owned.update(dict.fromkeys(best.owners, best))
        elif len(name.split()) > len(best.name.split()):
            best.name = name
            self._index.add(best)
        if best.gender is None:
            best.gender = mention.gender
        for title in titles:
            if title not in best.titles:
                best.titles.append(title)
        self._record(best, mention, salient=salient, main=salient if main is None else main)
        return best

    def _record(self, entity: Entity, mention: Mention, *, salient: bool, main: bool) -> None:
        entity.mentions.append((mention.start, mention.end))
        item = (mention.start, len(self._order), entity, mention.gender)
        bisect.insort(self._order, item, key=lambda item: item[0])
        if salient and mention.nominative:
            self._salient.add(mention.start)
            if main:
                self._main.add(mention.start)

    def _definite(self, mention: Mention, name: str) -> str:
        """``lögreglan`` for a bare ``lögregla`` when the article uses the noun with its article.

        A body named by a bare noun (``Lögregla greindi frá …``, ``að sögn lögreglu``) is the
        one the article calls ``lögreglan`` elsewhere: the canonical name is its fullest form.
        Titles (``ráðherra``) and demonyms are not bodies and keep their form.
        """
        head = mention.head_lemma
        if (
            head is None
            or mention.number != "et"
            or name.casefold() != head
            or title_like(name, ())
            or _is_demonym(head)
            or mention.gender is None
        ):
            return name
        forms = definite_forms(head, mention.gender)
        return forms[0] if any(form in self._vocabulary for form in forms) else name

    def _match(self, name: str, kind: str) -> Entity | None:
        """The latest entity whose name's words include, or are among, those of ``name``."""
        return self._index.best(_word_set(name), lambda e: e.kind == kind or kind == "person")

    def _given(self, name: str) -> Entity | None:
        """The latest person whose name starts with the given name ``name`` (``Jökull``).

        A given name alone refers to someone named by it first, not to a name that only
        contains it further on (*Átrúnaðagoð Jökuls*, which reynir reads as a name).
        """
        key = frozenset({name.casefold()})
        found: Entity | None = None
        for entity in self._index.candidates(key):
            first = entity.name.split()[0].casefold() if entity.name.split() else ""
            if (
                entity.kind == "person"
                and first == name.casefold()
                and (found is None or entity.seq > found.seq)
            ):
                found = entity
        return found

    def _speaking_group(self, name: str) -> Entity | None:
        """The group that a body named only inside its genitive speaks for.

        *Ritstjórn fréttaskýringaþáttarins Kveiks hefur sent frá sér tilkynningu … Í
        yfirlýsingunni frá Kveik …*: Kveikur, first named as whose editorial board speaks,
        is that board when named again. Only a board or committee (:data:`BOARD_HEADS`)
        speaks for its owner, not a part or a crowd (*hluti*, *fjöldi*); and only when no
        entity of that name exists: a body named on its own before stays apart.
        """
        found = self._owned.get(name.casefold())
        return None if found is None else self.current(found)

    def _same_body(self, head_lemma: str | None) -> Entity | None:
        """The latest body whose head is ``head_lemma`` (``Veðurstofan`` after ``Veðurstofa Íslands``)."""
        if not head_lemma:
            return None
        found: Entity | None = None
        for entity in _latest(self._index.heads.get(head_lemma[:4], ())):
            if same_head(head_lemma, entity.head_lemma) and (found is None or entity.seq > found.seq):
                found = entity
        return found

    def _inflected(self, word: str) -> Entity | None:
        """A person whose name has a word that ``word`` inflects (``Sölva`` for ``Sölvi``)."""
        low = word.casefold()
        found: Entity | None = None
        for entity in _latest(self._index.prefix.get(low[:4], ())):
            if entity.kind != "person" or (found is not None and entity.seq < found.seq):
                continue
            for w in entity.words:
                common = next(
                    (n for n, (x, y) in enumerate(zip(w, low, strict=False)) if x != y), min(len(w), len(low))
                )
                if common >= 4 and common >= max(len(w), len(low)) - 2:
                    found = entity
                    break
        return found

    def current(self, entity: Entity) -> Entity:
        """The entity that ``entity`` was merged into by :meth:`finish_names` (or itself)."""
        while id(entity) in self._merged:
            entity = self._merged[id(entity)]
        return entity

    def finish_names(self) -> None:
        """Fix foreign genitive names once every mention is known, and merge what became equal."""
        counts: dict[str, int] = {}
        for entity in self.entities:
            for w in entity.words:
                counts[w] = counts.get(w, 0) + 1

        def known_elsewhere(own: frozenset[str]) -> Callable[[str], bool]:
            return lambda w: counts.get(w, 0) > (w in own)  # a word of another entity's name

        for entity in self.entities:
            if entity.kind == "person":
                entity.name = _genitive_fix(entity.name, known_elsewhere(entity.words))
        # merge entities that became equal after the fix: each into the first it matches
        merged: list[Entity] = []
        index = _Index()
        for entity in self.entities:
            kind = entity.kind
            other = index.best(entity.words, lambda e: e.kind == kind, earliest=True)  # noqa: B023 (called at once)
            if other is None:
                merged.append(entity)
                index.add(entity)
                continue
            if len(entity.name.split()) > len(other.name.split()):
                other.name = entity.name
                index.add(other)
            other.mentions.extend(entity.mentions)
            other.titles.extend(t for t in entity.titles if t not in other.titles)
            other.gender = other.gender or entity.gender
            self._merged[id(entity)] = other
        if len(merged) < len(self.entities):
            self._order = [(pos, seq, self.current(e), g) for pos, seq, e, g in self._order]
            self.entities = merged
            self._index = index

    def is_subject(self, position: int) -> bool:
        """Whether the mention at ``position`` was registered as a subject (in the nominative)."""
        return position in self._salient

    def mentions_before(self, position: int, limit: int = LOOKBACK) -> list[tuple[int, Entity]]:
        """Mentions before ``position``, latest first, at most ``limit`` of them."""
        return [(pos, entity) for pos, entity, _ in self._before(position, limit)]

    def _before(self, position: int, limit: int = LOOKBACK) -> list[tuple[int, Entity, str | None]]:
        """Mentions before ``position``, latest first, with the gender each mention has."""
        end = bisect.bisect_left(self._order, position, key=lambda item: item[0])
        return [(pos, e, g) for pos, _, e, g in reversed(self._order[max(0, end - limit) : end])]

    def resolve_pronoun(
        self, gender: str | None, position: int, window: int = 700, *, number: str = "et"
    ) -> Entity | None:
        """The antecedent of a pronoun at ``position`` with ``gender`` and ``number``.

        Singular: the most recent subject of a main clause that is a person whose gender
        agrees, within ``window`` characters; else such a subject of any clause; else the most
        recent agreeing person mention; else a person of
        unknown gender; else a singular body of the same grammatical gender. Plural
        (``þeir``, ``þær``, ``þau``): the most recent plural noun phrase of that gender, or
        group of people of any gender and number (:func:`collective`: ``hluti nefndarinnar``),
        within ``window``, else nobody.

        A person agrees by the gender of the name or of the words of that mention: after
        ``Ríkissaksóknari segir …`` a ``hann`` may refer to the prosecutor, whoever holds
        the office.
        """
        ordered = self._before(position)
        if number == "ft":
            for pos, entity, _ in ordered:
                if position - pos > window:
                    break
                if entity.group or (entity.number == "ft" and entity.gender in (gender, None)):
                    return entity  # a group agrees by its people, whatever its noun's gender
            return None

        def agrees(entity: Entity, said: str | None) -> bool:
            return entity.gender == gender or (said == gender and entity.number == "et")

        for subjects in (self._main, self._salient):
            for pos, entity, said in ordered:
                if position - pos > window:
                    break
                if (
                    entity.kind == "person"
                    and (agrees(entity, said) or entity.gender is None)
                    and pos in subjects
                ):
                    return entity  # a foreign name of unknown gender is a candidate too
        unknown: Entity | None = None
        body: Entity | None = None
        for _pos, entity, said in ordered:
            if entity.kind == "person":
                if agrees(entity, said):
                    return entity
                if entity.gender is None and unknown is None:
                    unknown = entity
            elif (
                body is None
                and entity.gender == gender
                and entity.number == "et"
                and not entity.group
                and not entity.place
            ):
                # a group of people is "þau", never "hann" (Meirihlutinn … Hann); a place
                # (París, Hvolsvöllur) is where someone speaks, not who: "hún" is a person
                body = entity
        return unknown or body

    def resolve_role(self, mention: Mention) -> Entity | None:
        """The person or body a role noun or demonym refers to (``forsetinn``, ``Svíinn``).

        The noun agrees with a title of the entity, its name or, for a body, its head noun,
        by its own lemma or as the head of a compound (``dómurinn``: ``Héraðsdómur
        Reykjavíkur``; ``forsetinn``: ``Rússlandsforseti``); a demonym (BÍN's ``ffl``
        words: ``Svíinn``) agrees with a person whose titles or name say the country. An
        adjective naming a country or people (``rússneski forsetinn``) must agree too.
        The latest agreeing entity named before the mention wins; with none, a definite
        collective (``hópurinn``) is the group of people named last (:func:`collective`); else
        the first agreeing entity named after it (``Ríkissaksóknari segir …`` before
        ``Sigríður J. Friðjónsdóttir ríkissaksóknari``). A found mention is recorded as the
        entity's.
        """
        head = mention.head_lemma
        if not head or len(head) < 3:
            return None
        demonym = _is_demonym(head)
        places = [m for m in mention.modifiers if _names_a_people(m)]

        def fits(entity: Entity) -> bool:
            if demonym:
                return entity.kind == "person" and (
                    any(_role_agrees(head, t) for t in entity.titles) or _says_place(entity, head)
                )
            if not _holds_role(entity, head):
                return False
            return all(_says_place(entity, place) for place in places)

        found = next((e for _, e, _ in self._before(mention.start) if fits(e)), None)
        if found is None and mention.definite and mention.kind != "person" and collective(head):
            # "Hluti nefndarinnar kom … Þegar hópurinn kom …": a definite collective refers
            # back to the group named last
            found = next((e for _, e, _ in self._before(mention.start) if e.group), None)
        if found is None and mention.definite and mention.number == "et" and body_kind(head):
            # "ráðinn til Arctic Fish. Í tilkynningu frá fyrirtækinu segir …": the body named last
            found = self._latest_body(mention.start)
        if found is None:
            found = next((e for _, _, e, _ in self._after(mention.start) if fits(e)), None)
        if found is not None:
            self._record(found, mention, salient=True, main=True)
        return found

    def _latest_body(self, position: int, window: int = 700) -> Entity | None:
        """The body named last before ``position``, within ``window`` characters.

        A body, or a name of unknown gender with no title (a foreign firm's name, *Arctic
        Fish*, reads like a foreign person's); never a group of people, a place BÍN names
        (*Hvolsvöllur*) or a known person.
        """
        for pos, entity, _ in self._before(position):
            if position - pos > window:
                return None
            if entity.group or entity.place:
                continue  # "á Hvolsvelli … að sögn foreldrafélagsins": a town is no body
            if entity.kind == "organization" or (
                entity.kind == "person" and entity.gender is None and not entity.titles
            ):
                return entity
        return None

    def _after(self, position: int, limit: int = LOOKBACK) -> list[tuple[int, int, Entity, str | None]]:
        start = bisect.bisect_right(self._order, position, key=lambda item: item[0])
        return self._order[start : start + limit]


def _holds_role(entity: Entity, head: str) -> bool:
    """Whether a title of ``entity``, or a body's own head noun, agrees with the role noun ``head``."""
    if any(_role_agrees(head, title) for title in entity.titles):
        return True
    return (
        entity.kind != "person"
        and entity.head_lemma is not None
        and (same_head(entity.head_lemma, head) or _compound_of(entity.head_lemma, head))
    )


def _role_agrees(head: str, title: str) -> bool:
    """Whether the head noun of ``title`` is ``head`` or a compound ending in it (``Rússlandsforseti``).

    The head is the first word of the title that BÍN reads as a noun: ``forseti`` in
    ``forseti Rússlands``, ``leikarinn`` in ``bandaríski leikarinn``.
    """
    for word in title.casefold().split():
        if word == head or _compound_of(word, head):
            return True
        nouns = _noun_readings(word)
        if nouns:
            return any(m.lemma.casefold() == head or _compound_of(m.lemma.casefold(), head) for m in nouns)
    return False


@functools.lru_cache(maxsize=8192)
def _noun_readings(word: str) -> tuple[Meaning, ...]:
    return tuple(m for m in lookup(word) if m.cat in NOUN_CATS)


@functools.lru_cache(maxsize=8192)
def _compound_of(whole: str, head: str) -> bool:
    """Whether ``whole`` is a compound whose last part is ``head`` (``héraðsdómur``, ``dómur``).

    The parts are islenska's compound splits (:func:`frettir._greynir.compound_heads`); a
    head of fewer than four letters is too short to tell.
    """
    whole, head = whole.casefold(), head.casefold()
    return len(head) >= 4 and whole != head and head in compound_heads(whole)


def _is_demonym(lemma: str) -> bool:
    """A noun for a person from a country or town (BÍN domain ``ffl``: ``Svíi``, ``Íslendingur``)."""
    return any(m.domain == "ffl" for m in lookup(lemma[:1].upper() + lemma[1:]))


def _names_a_people(adjective: str) -> bool:
    """An adjective of a country or people (``rússneskur``, ``íslenskur``, ``bandarískur``).

    Such adjectives are made with the suffix ``-skur`` (``-neskur``, ``-lenskur``, ``-verskur``).
    """
    return adjective.endswith("skur") and len(adjective) > 6


def _says_place(entity: Entity, word: str) -> bool:
    """Whether the titles of ``entity`` name the country or people of ``word``.

    Compared by the first three letters: ``rússneskur`` and ``Rússi`` with ``Rússlandsforseti``
    or ``forseti Rússlands``; ``Svíi`` with ``landsliðsmaður Svíþjóðar``.
    """
    stem = word.casefold()[:3]
    text = " ".join(entity.titles).casefold()
    return any(w.startswith(stem) for w in text.replace("-", " ").split())
