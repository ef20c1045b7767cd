"""Cues: verbs and phrases of saying, recognised on BÍN lemmas, and the verb facts attribution needs.

The lexicon is keyed on lemmas, so every inflected form counts (``sagði``, ``segir``,
``sögðu``). Particle verbs (``bæta við``, ``greina frá``, ``benda á``) are a lemma plus a
particle that must follow within a few words. Middle-voice forms of ``segja`` and ``kveða``
are the infinitive-report cues ``segjast`` and ``kveðast``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from frettir._greynir import Meaning, Token, word_forms

__all__ = [
    "CONNECTIVES",
    "EXPERIENCER",
    "IMPERSONAL_MODALS",
    "INTERROGATIVES",
    "QUOTE_ONLY",
    "REQUEST_CUES",
    "SAYING",
    "Cue",
    "cue_at",
    "finite",
    "subjunctive_only",
]

SPEECH: frozenset[str] = frozenset(
    {
        "segja", "spyrja", "svara", "fullyrða", "staðhæfa", "ítreka", "útskýra", "skrifa",
        "herma", "undirstrika", "árétta", "hrópa", "tísta", "upplýsa", "tilkynna", "hvísla",
        "kalla", "öskra", "kveða",
    }
)  # fmt: skip
"""Verbs of saying: their clause is what was said (``segir að``, ``fullyrti að``). Not
``nefna``: in news it names (``hefur verið nefnt „…“``) far more often than it reports."""
THOUGHT: frozenset[str] = frozenset({"telja", "álíta", "áætla", "gruna", "efast", "vona", "spá"})
"""Verbs of thinking and expecting: their clause is what someone thinks (ANNOTATION.md)."""
STANCE: frozenset[str] = frozenset(
    {
        "viðurkenna", "staðfesta", "játa", "neita", "þvertaka", "hafna", "mótmæla", "kvarta",
        "gagnrýna", "fagna", "harma", "lofa", "fullvissa",
    }
)  # fmt: skip
"""Verbs that take a stand on a claim: admit, confirm, deny, reject, protest, criticise,
welcome, regret, promise (``hafnar því að``, ``gagnrýnir að``)."""
REQUESTS: frozenset[str] = frozenset({"biðja", "biðla", "hvetja", "óska", "skora", "hóta"})
"""Requests, demands, proposals and threats are reported speech (ANNOTATION.md, Settled
cases): their clause after ``að`` may be an infinitive (``skoraði á hann að hætta``), and
the one asked may stand between the verb and ``að`` (``hvatti fólk til að``, ``bað hana
um að``, ``biðlaði til íbúa að``). The cue is the verb's lemma (``hvetja``, ``biðja``,
``biðla``) except where the guide names a particle (``skora á``, ``óska eftir``);
``krefjast`` is the middle of ``krefja`` (:data:`MIDDLE`). A request with no one making it
(``Fólk er hvatt til að …``) reports nothing."""
ACCUSING: frozenset[str] = frozenset({"saka"})
"""``sakaði hana um að hafa …``: the accusation, an infinitive clause after ``að``."""
PARTICLE_VERBS: frozenset[str] = frozenset(
    {
        "minna", "leggja", "greina", "benda", "bæta", "taka", "halda", "vara", "vísa", "tala",
        "koma", "hafa", "lýsa", "vekja",
    }
)  # fmt: skip
"""Verbs that report only with their particle (:data:`PARTICLES`)."""
SAYING: frozenset[str] = SPEECH | THOUGHT | STANCE | REQUESTS | ACCUSING | PARTICLE_VERBS
"""Lemmas of verbs that can report speech or thought: the groups above."""

PARTICLES: dict[str, tuple[str, ...]] = {
    "bæta": ("við",),
    "greina": ("frá",),
    "benda": ("á",),
    "taka": ("fram",),
    "halda": ("fram", "áfram"),
    "vara": ("við",),
    "vísa": ("til",),
    "tala": ("um",),
    "minna": ("á",),
    "leggja": ("áherslu", "til"),
    "þvertaka": ("fyrir",),
    "koma": ("fram",),
    "hafa": ("eftir",),
    "lýsa": ("yfir",),
    "fallast": ("á",),
    "vekja": ("athygli á",),
    "óska": ("eftir",),
    "skora": ("á",),
    "saka": ("um",),
}
"""Verbs that are cues only with a particle within a few words (``bæta við``, ``skora á``):
the cue is the lemma and the particle found. A particle of two words must come as written
(*vakti athygli á því að*: *Það vakti athygli að …* reports nothing). A middle verb of
:data:`MIDDLE` listed here is a cue only with its particle (*féllst á að*)."""
QUOTE_ONLY: frozenset[str] = frozenset({"halda áfram"})
"""Cues of a direct quote only, as a finite verb (*heldur hann áfram: „…“*): *halda áfram*
takes no clause of what was said (*heldur áfram að vinna* is to go on working)."""

MIDDLE: dict[str, str] = {
    "segja": "segjast",
    "kveða": "kveðast",
    "minna": "minnast",
    "krefja": "krefjast",
    "falla": "fallast",
}
"""Middle-voice forms that are cues of their own (``segist``, ``minnist þess að``, ``krafðist``)."""
INFINITIVE_REPORT_MIDDLE: frozenset[str] = frozenset({"segjast", "kveðast"})
"""Middle cues whose report is the infinitive right after them (``segist ætla …``)."""
INFINITIVE_CLAUSE: frozenset[str] = frozenset(
    {
        "biðja", "biðla", "hvetja", "óska eftir", "skora á", "hóta", "krefjast", "saka um",
        "leggja til", "minnast",
    }
)  # fmt: skip
"""Cues (lemmas, or lemma and particle) whose clause after ``að`` may be an infinitive."""

REQUEST_CUES: frozenset[str] = frozenset(
    {"biðja", "biðla", "hvetja", "óska eftir", "skora á", "hóta", "krefjast", "leggja til", "mótmæla"}
)
"""The cues (lemma, or lemma and particle) of requests, demands, proposals, threats and
protests, as the annotation guide names them (``indirect.request``)."""
INTERROGATIVES: dict[str, frozenset[str]] = {
    "fn": frozenset({"hver", "hvaða"}),
    "ao": frozenset({"hvernig", "hvenær", "hvar", "hvaðan", "hversu", "hve", "hví", "hvað"}),
}
"""Interrogative pronouns and adverbs by BÍN category and lemma: they open the reported
question of *spyrja* (*spurði hvers vegna …*, *á hvaða grundvelli …*, *hvernig …*), as
*hvort* does a yes-no question. A closed class: these are all of them."""

EXPERIENCER: dict[str, str] = {"finna": "finnast", "þykja": "þykja", "sýna": "sýnast"}
"""Verbs of thinking whose subject is a dative experiencer, by BÍN's impersonal readings
with a dative subject (``OP-ÞGF``): *Jóni finnst að …*, *þótti henni leikurinn góður*,
*sýnist mér að …*. The cue is the lemma of that reading as a dictionary gives it (``finnast``,
``þykja``, ``sýnast``); it is a cue only with the dative beside the verb
(:mod:`frettir._attribution.cue_sites`), so *Líkið fannst í gær* and *þykir ljóst að* are none."""

BELIEF_ADJECTIVES: frozenset[str] = frozenset(
    {
        "fullviss",
        "sammála",
        "ósammála",
        "viss",
        "sannfærður",
        "vongóður",
        "bjartsýnn",
        "svartsýnn",
        "handviss",
    }
)
"""Adjectives that make ``vera`` a cue of thought (``er fullviss um að``)."""


@attrs.frozen(slots=True)
class Cue:
    """A cue found at a token: its lemma (with particle), the token index and its span."""

    lemma: str
    index: int
    start: int
    end: int
    middle: bool  # middle voice (segjast, kveðast)


def interrogative(token: Token) -> bool:
    """Whether a word is an interrogative pronoun or adverb (:data:`INTERROGATIVES`)."""
    return token.kind == "word" and any(m.lemma in INTERROGATIVES.get(m.cat, ()) for m in token.meanings)


def finite(token: Token) -> bool:
    """Whether the token has a finite verb reading (indicative or subjunctive)."""
    return any(m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags) for m in token.meanings)


def _finite_readings(token: Token) -> list[Meaning]:
    """Finite verb readings, third person only when the form has any (news reports in 3rd person)."""
    verbs = [m for m in token.meanings if m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags)]
    third = [m for m in verbs if "-3P-" in m.tags]
    return third or verbs


def subjunctive_only(token: Token) -> bool:
    """Whether every finite verb reading of the token is subjunctive (``væri``, ``hafi``)."""
    verbs = _finite_readings(token)
    return bool(verbs) and all("-VH-" in m.tags for m in verbs)


def strong_finite(token: Token) -> bool:
    """Whether the token is surely finite: a finite reading that no infinitive shares.

    Present plural forms (``reikna``, ``hafa``) look like infinitives; singular and past
    forms (``má``, ``sagði``) do not.
    """
    verbs = _finite_readings(token)
    if not verbs or any(m.cat == "fs" for m in token.meanings) or token.low in NOT_VERBS:
        return False  # "á", "við": prepositions first; "enn fremur": an adverb
    if not any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings):
        return True
    return any("-ET" in m.tags or "-ÞT-" in m.tags for m in verbs)


NOMINAL_CATS: frozenset[str] = frozenset({"kk", "kvk", "hk", "lo", "fn", "gr", "to", "pfn"})
"""BÍN categories of nouns, adjectives, pronouns, articles and numerals."""
_ATTRIBUTIVE_CATS = frozenset({"lo", "gr", "to"})
_PERSON_PRONOUNS = {"1P-ET": "ég", "1P-FT": "við", "2P-ET": "þú", "2P-FT": "þið"}


def third_person_possible(tokens: Sequence[Token], i: int) -> bool:
    """Whether a finite reading of ``tokens[i]`` fits news prose, told in the third person.

    A form whose finite readings are all first or second person (``vonir``: *þú vonir*, but
    also the plural of *von*) is a verb only with its own pronoun beside it (``segi ég``).
    """
    verbs = [m for m in tokens[i].meanings if m.cat == "so" and ("-FH-" in m.tags or "-VH-" in m.tags)]
    if not verbs or any("-3P-" in m.tags for m in verbs):
        return bool(verbs)
    near = {tokens[k].low for k in (i - 1, i + 1) if 0 <= k < len(tokens)}
    return any(
        pronoun in near for person, pronoun in _PERSON_PRONOUNS.items() for m in verbs if person in m.tags
    )


def nominative_adjective(token: Token) -> bool:
    """A word that can only be a nominative adjective or participle (``glaður``, ``aðspurður``).

    After a cue it describes the speaker (``sagði glaður Halldór``, ``segir Ragnar aðspurður
    um …``); it is neither a speaker nor the accusative subject of a report.
    """
    readings = [m for m in token.meanings if m.cat == "lo" or m.tags.startswith("LHÞT")]
    return bool(readings) and len(readings) == len(token.meanings) and all("NF" in m.tags for m in readings)


def nominal_here(tokens: Sequence[Token], i: int, start: int) -> bool:
    """Whether a form with both nominal and verb readings is nominal where it stands.

    The sentence decides, not BÍN alone: such a word is nominal first in its sentence when
    it can be a nominative (the subject: ``Sá sem …``), after a preposition (``úr plasti``,
    ``til frétta``), and a noun after a word that can only be an attribute (``ævilöngu
    fangelsi``).
    """
    token = tokens[i]
    nominal = [m for m in token.meanings if m.cat in NOMINAL_CATS]
    if not nominal:
        return False
    if i == start:
        return any(m.tags.startswith("NF") or "-NF" in m.tags for m in nominal)
    before = tokens[i - 1]
    if before.low in PREPOSITIONS and any(m.cat == "fs" for m in before.meanings):
        return True
    return (
        any(m.cat in ("kk", "kvk", "hk") for m in nominal)
        and bool(before.meanings)
        and all(m.cat in _ATTRIBUTIVE_CATS for m in before.meanings)
    )


_GENDER_TAGS = {"KK": "kk", "KVK": "kvk", "HK": "hk"}


def noun_after_determiner(tokens: Sequence[Token], i: int) -> bool:
    """A noun agreeing in gender, case and number with a determiner before it (``það mat``).

    For an indicative form only (*mat*, past of *meta*): *Það væri* stays a verb where a
    subjunctive is what the reader wants.
    """
    if i == 0:
        return False
    before = tokens[i - 1]
    nominal = [m for m in tokens[i].meanings if m.cat in ("kk", "kvk", "hk")]
    for d in before.meanings:
        if d.cat != "fn" or "-" not in d.tags:
            continue
        gender, _, rest = d.tags.partition("-")
        if any(n.cat == _GENDER_TAGS.get(gender) and n.tags == rest for n in nominal):
            return True
    return False


def indicative_only(token: Token) -> bool:
    """Whether every finite verb reading of the token is indicative."""
    verbs = _finite_readings(token)
    return bool(verbs) and all("-FH-" in m.tags for m in verbs)


PREPOSITIONS: frozenset[str] = frozenset(
    {
        "í",
        "á",
        "við",
        "frá",
        "um",
        "með",
        "af",
        "til",
        "úr",
        "undir",
        "yfir",
        "fyrir",
        "hjá",
        "gegn",
        "án",
        "vegna",
    }
)
"""Prepositions after which a word that could be a noun or a verb is a noun (``í svari við``)."""

NOT_VERBS: frozenset[str] = frozenset({"fremur", "annars", "hins", "síðar"})
"""Forms that read as finite verbs in BÍN but are parts of adverbs here (``enn fremur``)."""

AUXILIARIES: frozenset[str] = frozenset(
    {"geta", "hafa", "vilja", "munu", "skulu", "ætla", "mega", "þurfa", "vera"}
)
"""Verbs whose non-finite complement can be the cue: ``gat staðfest``, ``hafa talið``."""

_NOT_AFTER_EFTIR = frozenset({"því", "að", "þessu", "þá", "á", "sér"})


def _nonfinite(tags: str) -> bool:
    return tags.endswith("NH") or "SAGNB" in tags or tags.startswith("LHÞT")


def cue_at(
    tokens: Sequence[Token], i: int, limit: int | None = None, *, nonfinite: bool = False
) -> Cue | None:
    """Return the cue whose verb is ``tokens[i]``, or ``None``.

    With ``nonfinite``, the verb may be an infinitive, supine or past participle (the
    caller checks for the auxiliary); otherwise it must be finite.
    """
    token = tokens[i]
    if token.kind != "word":
        return None
    stop = len(tokens) if limit is None else limit
    if (
        not nonfinite
        and i > 0
        and tokens[i - 1].low == "að"
        and any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings)
    ):
        return None  # "að segja": an infinitive, not a finite verb
    if (
        i > 0
        and tokens[i - 1].low in PREPOSITIONS
        and any(m.cat in ("kk", "kvk", "hk") for m in token.meanings)
    ):
        return None  # "í svari við": a noun after a preposition
    if not nonfinite and _infinitive_after_verb(tokens, i):
        return None  # "sagðist telja að": the infinitive its verb governs, not a finite cue
    if not nonfinite and _before_impersonal_modal(tokens, i):
        return None  # "Telja má líklegt að", "má segja að": the modal's infinitive, not a finite cue
    if (
        not nonfinite
        and any(m.cat in NOMINAL_CATS for m in token.meanings)
        and not third_person_possible(tokens, i)
    ):
        return None  # "bind vonir við": a plural noun, not "(þú) vonir" with no "þú"
    readings = token.meanings if nonfinite else _finite_readings(token)
    if any(m.cat == "st" for m in token.meanings):
        # "bæði … og", "þótt": a conjunction first; a particle verb ("heldur … fram") still needs its particle
        readings = [m for m in readings if m.lemma in PARTICLES]
    for m in readings:
        if m.cat != "so" or (m.lemma not in SAYING and m.lemma not in MIDDLE and m.lemma not in EXPERIENCER):
            continue
        if nonfinite != _nonfinite(m.tags) or (not nonfinite and not ("-FH-" in m.tags or "-VH-" in m.tags)):
            continue
        if m.lemma in EXPERIENCER:
            if not nonfinite and m.tags.startswith("OP-ÞGF-"):
                return Cue(EXPERIENCER[m.lemma], i, token.start, token.end, False)  # "Jóni finnst"
            continue
        middle = "MM-" in m.tags and not m.tags.startswith("OP")
        lemma = m.lemma
        if nonfinite and lemma == "kalla":
            continue  # "var kallað út": a call-out, not a report
        if middle and lemma in MIDDLE:
            name = MIDDLE[lemma]
            if nonfinite and name not in INFINITIVE_REPORT_MIDDLE:
                continue
            if name in PARTICLES:
                particle = _particle_after(tokens, i, stop, PARTICLES[name])
                if particle is not None:
                    return Cue(f"{name} {particle}", i, token.start, token.end, False)  # "féllst á"
                continue
            return Cue(name, i, token.start, token.end, name in INFINITIVE_REPORT_MIDDLE)  # "hafi sagst"
        if middle or lemma not in SAYING:
            continue
        particles = PARTICLES.get(lemma)
        if particles is not None and lemma == "koma" and i > 0 and tokens[i - 1].low in particles:
            return Cue(
                f"{lemma} {tokens[i - 1].low}", i, token.start, token.end, False
            )  # "Fram kemur í … að"
        if particles is not None:
            for k in range(i + 1, min(stop, i + 5)):
                if lemma == "hafa" and any("SAGNB" in m.tags for m in tokens[k].meanings if m.cat == "so"):
                    break  # "hafi misst vinnuna eftir fund": the perfect, not "hafa eftir"
                particle = _particle_at(tokens, k, stop, particles)
                if particle is not None:
                    if (
                        lemma == "hafa"
                        and particle == "eftir"
                        and (k + 1 >= stop or tokens[k + 1].low in _NOT_AFTER_EFTIR)
                    ):
                        break
                    name = f"{lemma} {particle}"
                    if name in QUOTE_ONLY and (nonfinite or not strong_finite(token)):
                        break  # "myndi halda áfram leit": the infinitive, going on with something
                    return Cue(name, i, token.start, token.end, False)
            continue
        if lemma in ("koma", "hafa"):
            continue
        return Cue(lemma, i, token.start, token.end, False)
    if nonfinite:
        return None
    if any(m.cat == "so" and m.lemma == "vera" and "-FH-" in m.tags for m in token.meanings):
        for k in range(i + 1, min(stop, i + 4)):
            adjective = next((m.lemma for m in tokens[k].meanings if m.lemma in BELIEF_ADJECTIVES), None)
            if adjective is not None:
                return Cue(f"vera {adjective}", i, token.start, token.end, False)
    return None


IMPERSONAL_MODALS: frozenset[str] = frozenset({"mega"})
"""Modals that take no subject of their own in news prose: *má segja að*, *Telja má að* (one
may say, one may think). A cue under one reports no one's words or thoughts."""


def _before_impersonal_modal(tokens: Sequence[Token], i: int) -> bool:
    """An infinitive form beside a finite impersonal modal (*Telja má*, *má segja*).

    The form is the modal's infinitive, not a plural present (*(þeir) segja*); the modal's
    own subject, if any, is read with the auxiliary (:func:`auxiliary_before`).
    """
    return any(m.cat == "so" and m.tags.endswith("NH") for m in tokens[i].meanings) and any(
        m.cat == "so" and m.lemma in IMPERSONAL_MODALS and ("-FH-" in m.tags or "-VH-" in m.tags)
        for k in (i - 1, i + 1)
        if 0 <= k < len(tokens)
        for m in tokens[k].meanings
    )


def _particle_at(tokens: Sequence[Token], k: int, stop: int, particles: Sequence[str]) -> str | None:
    """The particle (of one word or more) of ``particles`` that starts at ``tokens[k]``, if any."""
    for particle in particles:
        words = particle.split()
        if k + len(words) <= stop and all(tokens[k + n].low == word for n, word in enumerate(words)):
            return particle
    return None


def _particle_after(tokens: Sequence[Token], i: int, stop: int, particles: Sequence[str]) -> str | None:
    """The first particle of ``particles`` within four words after the verb at ``i``."""
    for k in range(i + 1, min(stop, i + 5)):
        particle = _particle_at(tokens, k, stop, particles)
        if particle is not None:
            return particle
    return None


CONNECTIVES: frozenset[str] = frozenset({"jafnframt", "einnig", "líka", "ennfremur", "þó"})
"""Adverbs that join a saying to what came before (*sagðist jafnframt vera …*): they belong
to the cue's clause, not to what was said."""


def _infinitive_after_verb(tokens: Sequence[Token], i: int) -> bool:
    """An infinitive right after a finite middle verb (past *ekki* and connectives): *sagðist (ekki) telja*.

    A middle verb of saying or seeming governs an infinitive (*sagðist*, *kvaðst*,
    *virðist*); after any other verb a plural present (*… gerist ekki segja þeir*) is finite.
    """
    if not any(m.cat == "so" and m.tags.endswith("NH") for m in tokens[i].meanings):
        return False
    k = i - 1
    while k >= 0 and (tokens[k].low == "ekki" or tokens[k].low in CONNECTIVES):
        k -= 1  # "sagðist ekki telja", "sagðist jafnframt telja"
    return (
        k >= 0
        and tokens[k].kind == "word"
        and strong_finite(tokens[k])
        and all("MM-" in m.tags for m in _finite_readings(tokens[k]))
    )


def auxiliary_before(tokens: Sequence[Token], i: int, floor: int) -> tuple[int, str] | None:
    """The finite auxiliary governing a non-finite verb at ``i`` (``gat hún staðfest``)."""
    for k in range(i - 1, max(floor, i - 4) - 1, -1):
        token = tokens[k]
        for m in token.meanings:
            if m.cat == "so" and m.lemma in AUXILIARIES and ("-FH-" in m.tags or "-VH-" in m.tags):
                return k, m.lemma
        if token.kind == "punct":
            return None
    return None


_QUOTE_CHARS = frozenset('„“”"»«‚‘')
_PHRASE_TRIGGERS = frozenset({"sögn", "mati"})


@functools.cache
def _triggers() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Word forms that can start a report, and forms that need their particle too."""
    plain: set[str] = set(_PHRASE_TRIGGERS)
    active = {name: lemma for lemma, name in MIDDLE.items()}  # "fallast" is a form of "falla"
    for lemma in (
        (SAYING | MIDDLE.keys() | EXPERIENCER.keys())
        - PARTICLES.keys()
        - {active[name] for name in PARTICLES if name in active}
    ):
        plain |= word_forms(lemma)
    for adjective in BELIEF_ADJECTIVES:
        plain |= word_forms(adjective, "lo") | {adjective}
    with_particle: dict[str, set[str]] = {}
    for lemma, particles in PARTICLES.items():
        for form in word_forms(active.get(lemma, lemma)):
            with_particle.setdefault(form, set()).update(particle.split()[0] for particle in particles)
    return frozenset(plain), {form: frozenset(p) for form, p in with_particle.items()}


def may_report(text: str, words: Sequence[str]) -> bool:
    """Whether a sentence can hold a quote or a report, by its characters and word forms.

    Quotation marks, a form of a verb of saying (a particle verb with its particle), or
    ``að sögn``/``að mati``. A cheap test on lower-case words: no BÍN analysis needed.
    """
    if any(char in _QUOTE_CHARS for char in text):
        return True
    plain, with_particle = _triggers()
    present = set(words)
    if present & plain:
        return True
    return any(present & with_particle[w] for w in present if w in with_particle)
