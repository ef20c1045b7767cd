"""Whether a marked span names something (a title, a name, a term) rather than quotes speech.

Quotation marks in Icelandic news also set off the title of a work (*lagið „Vor“*), the name
of a thing (*markaðsverkefnið „Ísland allt árið“*), a term or a word used with irony. The
sentence around the marks tells which, not the length of what they hold:

* **a naming noun right before the mark** (:func:`naming_before`): a noun whose head — the
  whole lemma or the last part of a compound, as islenska's compound splitter cuts it
  (*útvarpsþáttur* → *þáttur*, *Facebook-hópur* → *hópur*) — is in :data:`NAMING_HEADS`,
  possibly with its owner between (*lag Svölu Björgvinsdóttur, „…“*, *lag sitt „…“*);
* **a naming verb, or a copula and a naming noun, right after the mark**
  (:func:`naming_after`): *„…“ heitir myndin*, *„…“ er yfirskrift þingsins*;
* **a scare quote flagged as such** (:func:`flagged_as_said`): *svokallaður „…“*, *„…“ eins
  og sagt er*;
* **a list of marked spans** (:func:`listed`): *„A“, „B“ og „C“ eru dæmi um hópa* — quoted
  speech is not coordinated like nouns;
* **a preposition right before the mark** (:func:`governed_by_preposition`): the marked words
  are a noun phrase inside the writer's own sentence (*með „Þú komst við hjartað í mér“*),
  used for a span no cue attributes.

Everything is read on BÍN readings of the tokens (:mod:`frettir._greynir`); nothing here
raises for tokens of any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from frettir._greynir import Token, compound_heads
from frettir._marks import Marked

__all__ = [
    "NAMING_HEADS",
    "NAMING_VERBS",
    "flagged_as_said",
    "governed_by_preposition",
    "listed",
    "naming_after",
    "naming_before",
    "naming_noun",
]

NAMING_HEADS: Final = frozenset(
    {
        # works, whose title follows: lagið „…“, útvarpsþátturinn „…“, heimildamyndin „…“
        "lag", "bók", "mynd", "þáttur", "plata", "skífa", "verk", "leikrit", "sýning", "ljóð",
        "saga", "sería", "röð", "myndband", "söngleikur", "kvæði", "pistill", "grein", "rit",
        "ritgerð", "skýrsla", "tímarit", "hlaðvarp", "leikur", "smellur",
        # names and headings, which follow: fyrirsögnin „…“, slagorðið „…“, orðið „…“
        "heiti", "nafn", "titill", "fyrirsögn", "yfirskrift", "slagorð", "kjörorð", "orð",
        "hugtak", "nafngift", "viðurnefni", "gælunafn", "vörumerki", "frasi", "orðatiltæki",
        # named things, whose proper name follows: verkefnið „…“, Facebook-hópurinn „…“
        "verkefni", "átak", "herferð", "hópur", "félag", "síða", "vefur", "skip", "bátur",
        "ferja", "togari", "fyrirtæki", "hljómsveit", "hátíð", "ráðstefna", "þing", "keppni",
        "mót", "aðgerð", "áætlun", "sjóður", "forrit", "app", "staður", "verslun",
    }
)  # fmt: skip
"""Head nouns that name what a marked span right after them is: a work, a name or a thing."""

NAMING_VERBS: Final = frozenset({"heita", "nefnast", "kallast", "nefna", "kalla"})
"""Verbs that give a name: ``„…“ heitir myndin``, ``„…“ nefnist verkið``."""

_COPULAS: Final = frozenset({"vera", "verða"})
"""``„…“ er yfirskrift þingsins``: a copula, then a naming noun."""

_SO_CALLED: Final = frozenset({"svokallaður", "svonefndur"})
"""``svokallaður „…“``: the writer flags a way of speaking (a scare quote)."""

_SAYING_WAYS: Final = frozenset({"segja", "kalla", "orða", "nefna"})
"""``„…“ eins og sagt er`` (``kallað``, ``orðað``, ``nefnt``): a saying, no one's words."""

_OWNERS: Final = frozenset({"sinn", "minn", "þinn", "vor", "hans", "hennar", "þeirra", "þess"})
"""Possessives that may stand between a naming noun and the mark (``lag sitt „…“``)."""

_JOINS: Final = re.compile(r",\s*(?:og|eða)?|og|eða")
"""What joins two marked spans of a list: a comma, ``og`` or ``eða`` (``„A“, „B“ og „C“``)."""

_SEARCH_BACK: Final = 4
"""How many tokens between a naming noun and the mark: a comma, an owner's name or a possessive."""


def naming_noun(token: Token) -> bool:
    """Whether ``token`` is a noun whose head is one of :data:`NAMING_HEADS`.

    >>> from frettir._greynir import analyse, split
    >>> text = "útvarpsþáttinn Facebook-hópnum forsetinn"
    >>> [naming_noun(t) for s in analyse(text, split(text)) for t in s.tokens]
    [True, True, False]
    """
    for meaning in token.meanings:
        if meaning.cat not in ("kk", "kvk", "hk"):
            continue
        # the lemma itself, or its longest head (Facebook-hópur → hópur, útvarpsþáttur → þáttur)
        if any(head in NAMING_HEADS for head in compound_heads(meaning.lemma.lower())[:2]):
            return True
    return False


def _owner(token: Token) -> bool:
    """A word that may stand between a naming noun and its title: a name or a possessive."""
    if token.kind in ("person", "entity") or token.text == ",":
        return True
    if token.low in _OWNERS or any(m.cat == "fn" and m.lemma in _OWNERS for m in token.meanings):
        return True
    return token.kind == "word" and token.text[:1].isupper() and not token.sent_start


def naming_before(tokens: Sequence[Token], i: int, floor: int = 0) -> bool:
    """Whether a naming noun stands right before ``tokens[i]`` (the opening mark).

    Between them may stand a comma, an owner's name or a possessive (``lag Svölu, „…“``).

    Args:
        tokens: The tokens of the text.
        i: Index of the opening mark.
        floor: The first index that may be read (the sentence's start).

    >>> from frettir._greynir import analyse, split
    >>> text = "Hún söng lag sitt „Vor í borg“ í gær."
    >>> tokens = [t for s in analyse(text, split(text)) for t in s.tokens]
    >>> naming_before(tokens, [t.text for t in tokens].index("„"))
    True
    """
    k = i - 1
    skipped = 0
    while k >= floor and skipped <= _SEARCH_BACK:
        token = tokens[k]
        if naming_noun(token):
            return True
        if not _owner(token):
            return False
        k -= 1
        skipped += 1
    return False


def naming_after(tokens: Sequence[Token], j: int, ceiling: int | None = None) -> bool:
    """Whether a naming verb, or a copula and a naming noun, follows the closing mark.

    Args:
        tokens: The tokens of the text.
        j: Index of the first token after the closing mark.
        ceiling: The first index past the sentence (``len(tokens)`` when ``None``).

    >>> from frettir._greynir import analyse, split
    >>> text = "„Sókn til framtíðar“ er yfirskrift þingsins."
    >>> tokens = [t for s in analyse(text, split(text)) for t in s.tokens]
    >>> naming_after(tokens, [t.text for t in tokens].index("“") + 1)
    True
    """
    end = len(tokens) if ceiling is None else min(ceiling, len(tokens))
    while j < end and tokens[j].kind == "punct" and tokens[j].text in ",":
        j += 1
    if j >= end:
        return False
    verbs = {m.lemma for m in tokens[j].meanings if m.cat == "so"}
    if verbs & NAMING_VERBS:
        return True
    if verbs & _COPULAS:
        k = j + 1
        while k < end and k <= j + 2:
            if naming_noun(tokens[k]):
                return True
            if tokens[k].kind == "punct":
                return False
            k += 1
    return False


def flagged_as_said(tokens: Sequence[Token], i: int, j: int, ceiling: int | None = None) -> bool:
    """Whether the writer flags the marked words as a way of speaking, not someone's words.

    *svokallaður* / *svonefndur* right before the opening mark ``tokens[i]``, or *eins og
    (það er) sagt/kallað/orðað* right after the closing mark (``tokens[j]`` the first token
    after it): a scare quote.

    >>> from frettir._greynir import analyse, split
    >>> text = "Honum tókst að „meika það“ eins og sagt er."
    >>> tokens = [t for s in analyse(text, split(text)) for t in s.tokens]
    >>> texts = [t.text for t in tokens]
    >>> flagged_as_said(tokens, texts.index("„"), texts.index("“") + 1)
    True
    """
    if i > 0 and any(m.lemma in _SO_CALLED for m in tokens[i - 1].meanings):
        return True
    end = len(tokens) if ceiling is None else min(ceiling, len(tokens))
    if j + 1 >= end or tokens[j].low != "eins" or tokens[j + 1].low != "og":
        return False
    for k in range(j + 2, min(end, j + 5)):
        if any(m.cat == "so" and m.lemma in _SAYING_WAYS and "SAGNB" in m.tags for m in tokens[k].meanings):
            return True
    return False


def governed_by_preposition(tokens: Sequence[Token], i: int, floor: int = 0) -> bool:
    """Whether a preposition stands right before the opening mark ``tokens[i]``.

    The marked words are then a noun phrase of the writer's sentence. ``að`` is left out: it
    is also the complementizer of a report (*sagði að „…“*). A word that is also a verb form
    (*á*, of *eiga*) counts when no subject stands right before it (*skort á „…“*).

    >>> from frettir._greynir import analyse, split
    >>> text = "Hún komst í fjórða sætið með „Þú komst við hjartað í mér“."
    >>> tokens = [t for s in analyse(text, split(text)) for t in s.tokens]
    >>> governed_by_preposition(tokens, [t.text for t in tokens].index("„"))
    True
    """
    k = i - 1
    if k < floor:
        return False
    token = tokens[k]
    if token.low == "að" or token.kind != "word" or not any(m.cat == "fs" for m in token.meanings):
        return False
    if not any(m.cat == "so" for m in token.meanings):
        return True
    # "á" is also a form of "eiga": a verb would have its subject right before it ("hann á")
    if k == floor:
        return False
    before = tokens[k - 1]
    return before.kind != "person" and not any(m.cat == "pfn" and "NF" in m.tags for m in before.meanings)


def listed(text: str, marks: Sequence[Marked], m: int) -> bool:
    """Whether top-level mark ``m`` is one of a list of marked spans (``„A“, „B“ og „C“``).

    Two top-level spans are listed together when only a comma, ``og`` or ``eða`` stands
    between the closing mark of one and the opening mark of the next.

    >>> from frettir._marks import scan_marks
    >>> text = "„Vinir fjallsins“, „Bjargvættir“ og „Grænir fingur“ eru dæmi um slíka hópa."
    >>> [listed(text, scan_marks(text), m) for m in range(3)]
    [True, True, True]
    """
    mark = marks[m]
    before = next((marks[k] for k in range(m - 1, -1, -1) if marks[k].depth == 0), None)
    after = next((marks[k] for k in range(m + 1, len(marks)) if marks[k].depth == 0), None)
    if before is not None and before.closer is not None and _joined(text, before.outer.end, mark.outer.start):
        return True
    return after is not None and mark.closer is not None and _joined(text, mark.outer.end, after.outer.start)


def _joined(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]`` is only a comma, ``og`` or ``eða`` (with white space)."""
    gap = text[end:start]
    return "\n" not in gap and _JOINS.fullmatch(gap.strip()) is not None
