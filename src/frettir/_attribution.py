"""Attribution: which quotation-marked spans are speech, and who said them; reported speech.

The input is the article's paired quotation marks and its tokens, paragraph by paragraph.
The work is done in passes over *units* (sentences as seen outside quotation marks):

1. every cue verb outside quotes, with its subject (before the verb, after it when the
   clause is inverted, or the subject of the verb it is coordinated with);
2. direct quotes: a cue after the closing mark (``„…,“ sagði X``), a cue before an opening
   mark after a colon (``X sagði: „…“``), a quote inside a reporting clause
   (``sagði stöðuna „óásættanlega“``), ``Þetta segir X`` in the next paragraph;
3. indirect quotes: ``að``/``hvort`` clauses under a cue, infinitive reports (``segist``,
   ``sagði hana hafa``), ``að sögn X``;
4. the reportive subjunctive: units right after a report whose finite verb is subjunctive
   continue it;
5. direct quotes with no cue continue the latest speaker; short marked spans with no cue
   (titles, names, scare quotes) are not speech.

Each result names the rule that fired and a confidence (see the docs' explanation page).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from frettir._cues import (
    Cue,
    auxiliary_before,
    cue_at,
    finite,
    indicative_only,
    strong_finite,
    subjunctive_only,
)
from frettir._greynir import MAX_PARSE_TOKENS, Token, parse_subject
from frettir._marks import Marked
from frettir._speakers import SPEECH_ACT_PRONOUNS, Entity, Mention, Registry, np_before, read_np

__all__ = ["Draft", "attribute"]

_FINAL = frozenset({".", "!", "?", "…", "...", ";"})
PARSE_BUDGET = 8
"""Clause frames Greynir may parse for one article; later clauses use the token rules only.

A count, not seconds, so that the same text always gives the same article: each frame has at
most ``MAX_PARSE_TOKENS`` tokens, which bounds the time (about 0.1–0.5 s a frame here)."""

_POSSESSIVES = {"hans": ("kk", "et"), "hennar": ("kvk", "et"), "þeirra": ("kk", "ft")}
_ACCORDING = frozenset({"sögn", "mati"})
_ENGLISH_CUES = {"said": "segja", "says": "segja", "told": "segja", "added": "bæta við", "wrote": "skrifa"}
"""English verbs of saying after an English quote, mapped to the Icelandic cue lemma."""
_DASHES = frozenset({"–", "-", "—"})
_CLOSERS = frozenset({"“", "”", '"', "»", "«", "’", "'", "‘"})
_WORKS = frozenset(
    {
        "lag", "bók", "kvikmynd", "mynd", "þáttur", "plata", "verk", "leikrit", "sýning", "ljóð",
        "skáldsaga", "heiti", "nafn", "titill", "þáttaröð", "sería", "smáskífa", "breiðskífa", "slagorð",
    }
)  # fmt: skip
_TITLE_VERBS = frozenset({"heita", "nefnast", "kallast", "bera"})
_NOT_COMPLEMENT = frozenset(
    {"loknum", "lokinni", "loknu", "sögn", "mati", "viðstöddum", "lokum", "minnsta", "nokkru"}
)
_ACI_STOP = frozenset(
    {"frá", "upp", "af", "til", "sig", "sér", "við", "fyrir", "honum", "henni", "mér", "okkur", "þeim"}
)
_DOCUMENTS = frozenset(
    {
        "tilkynning", "færsla", "yfirlýsing", "grein", "frétt", "skýrsla", "bréf", "svar", "pistill",
        "umsögn", "ályktun", "greinargerð", "minnisblað", "dómur", "úrskurður", "niðurstaða", "spá",
        "mál", "ræða", "erindi", "bók",
    }
)  # fmt: skip
_SUBORDINATORS = frozenset(
    {"sem", "þegar", "ef", "hvort", "þótt", "því", "er", "nema", "enda", "meðan", "þar"}
)
_ADVERBIAL_STARTS = frozenset(
    {"þá", "þar", "þannig", "svo", "nú", "einnig", "enn", "jafnframt", "síðan", "loks"}
)


CONFIDENCE: dict[str, float] = {
    "direct.cue_after": 0.95,
    "direct.cue_before": 0.9,
    "direct.this_says": 0.9,
    "direct.in_report": 0.85,
    "direct.split": 0.85,
    "direct.continuation": 0.8,
    "direct.interview_answer": 0.75,
    "direct.dash": 0.8,
    "direct.cue_after_impersonal": 0.75,
    "direct.verb_after": 0.6,
    "direct.this_names": 0.6,
    "direct.unattributed": 0.4,
    "indirect.that_clause": 0.85,
    "indirect.according_to": 0.85,
    "indirect.infinitive": 0.8,
    "indirect.subjunctive": 0.8,
    "indirect.that_clause_impersonal": 0.7,
    "indirect.infinitive_impersonal": 0.65,
    "indirect.passive": 0.6,
}
"""Confidence of each rule: its precision on the development corpus (quote and speaker both
right), rounded down and capped below 0.9 unless the rule was right every time on many
quotes. A speaker found by Greynir's parse (``+parse``) costs a tenth."""

PARSE_FACTOR = 0.9


def rule_confidence(rule: str) -> float:
    """The confidence of a rule name as :attr:`frettir.Quote.rule` gives it."""
    base, parsed, _ = rule.partition("+parse")
    value = CONFIDENCE.get(base, 0.5)
    return round(value * PARSE_FACTOR, 3) if parsed else value


@attrs.define
class Draft:
    """A quote before it becomes a public :class:`~frettir.Quote`."""

    kind: str
    start: int
    end: int
    outer: tuple[int, int] | None = None
    entity: Entity | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.5
    rule: str = ""
    para: int = 0
    medium: str | None = None


@attrs.define
class _CueSite:
    cue: Cue
    unit: int
    subject: Mention | None
    entity: Entity | None
    consumed: bool = False
    after_subject: int = 0  # token index after the verb and an inverted subject
    passive: bool = False
    parsed: bool = False  # the subject came from Greynir's parse of the clause


@attrs.define
class _Doc:
    text: str
    tokens: list[Token]
    para_of: list[int]
    inside: list[int]  # index of the top-level mark whose inner holds the token, else -1
    units: list[tuple[int, int]]
    unit_of: list[int]
    marks: list[Marked]
    registry: Registry
    by_start: dict[int, Entity]
    parser: object | None = None
    parses: int = 0


def _words(text: str) -> int:
    return len(text.split())


def _build_units(
    doc_tokens: list[Token], para_of: list[int], inside: list[int], marks: list[Marked]
) -> list[tuple[int, int]]:
    units: list[tuple[int, int]] = []
    start = 0
    n = len(doc_tokens)
    for i, token in enumerate(doc_tokens):
        last = i + 1 == n or para_of[i + 1] != para_of[i]
        boundary = last
        if not boundary and inside[i] < 0 and token.kind == "punct" and token.text in _FINAL:
            boundary = True
        if not boundary and inside[i] >= 0 and inside[i + 1] < 0:
            # closing mark follows? a quote ending in . ! ? followed by a capitalised non-cue word
            mark = marks[inside[i]]
            if mark.closer is not None and token.end <= mark.inner.end and token.text in _FINAL:
                j = i + 1
                while (
                    j < n
                    and inside[j] < 0
                    and doc_tokens[j].kind == "punct"
                    and doc_tokens[j].start < mark.outer.end
                ):
                    j += 1
                if (
                    j < n
                    and para_of[j] == para_of[i]
                    and doc_tokens[j].text[:1].isupper()
                    and cue_at(doc_tokens, j) is None
                ):
                    # end the unit after the closing mark
                    boundary = False
                    units.append((start, j))
                    start = j
                    continue
        if boundary:
            if start <= i:
                units.append((start, i + 1))
            start = i + 1
    return [u for u in units if u[0] < u[1]]


def _nominative_possible(mention: Mention, tokens: Sequence[Token], index: int) -> bool:
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


def _entity_for(doc: _Doc, mention: Mention) -> Entity | None:
    if mention.kind == "pronoun":
        if mention.name in SPEECH_ACT_PRONOUNS:
            return None  # "Ég tel að …" in running text: the writer, not someone named
        return doc.registry.resolve_pronoun(mention.gender, mention.start, number=mention.number)
    found = doc.by_start.get(mention.start)
    if found is not None:
        if mention.title and mention.title not in found.titles:
            found.titles.append(mention.title)  # "Forstjóri Icelandair, Bogi Nils Bogason, segir"
        return found
    if mention.kind == "description":
        role = doc.registry.resolve_role(mention.head_lemma, mention.start)
        if role is not None:
            return role
    entity = doc.registry.add(mention)
    doc.by_start[mention.start] = entity
    return entity


_CLAUSE_OPENERS = frozenset(
    {
        ",",
        "og",
        "en",
        ":",
        ";",
        "–",
        "-",
        "“",
        "”",
        '"',
        "»",
        "«",
        "sem",
        "þegar",
        "ef",
        "hvort",
        "því",
        "þar",
        "að",
        "síðan",
        "meðan",
        "þótt",
        "nema",
        "enda",
    }
)


def _subject_of(
    doc: _Doc, cue: Cue, unit: tuple[int, int], previous: list[_CueSite]
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
        return pre, after
    # inverted: verb then subject ("sagði Trump", "Segir Eiríkur að", "bætti hún við")
    if i + 1 < b and doc.inside[i + 1] < 0:
        inv = read_np(tokens, i + 1, b)
        if inv is not None and _nominative_possible(inv, tokens, i + 1):
            return inv, inv.tok_end
    # coordinated: "og bætti við", "og segist", "en sagði að": the subject of the clause before
    j = i - 1
    while j >= a and tokens[j].kind == "word" and tokens[j].low in _ADVERBIAL_STARTS:
        j -= 1
    if j >= a and tokens[j].text in ("og", "en"):
        if previous and previous[-1].subject is not None:
            return previous[-1].subject, after
        earlier = _last_subject(doc, a, j)
        if earlier is not None:
            return earlier, after
    if i - 1 >= a and tokens[i - 1].text == "sem" and i - 2 >= a and tokens[i - 2].text == ",":
        rel = np_before(tokens, i - 2, a)
        if rel is not None:
            return rel, after
    return None, after


def _last_subject(doc: _Doc, a: int, j: int) -> Mention | None:
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
                and _nominative_possible(mention, doc.tokens, k)
            ):
                if _subject_position(doc, k):
                    return mention
                found = mention
                k = max(k + 1, mention.tok_end)
                continue
        k += 1
    return found


def _pre_subject(doc: _Doc, i: int, a: int) -> Mention | None:
    """A subject before the verb, standing first in its clause."""
    tokens = doc.tokens
    if i - 1 < a or doc.inside[i - 1] >= 0:
        return None
    mention = np_before(tokens, i, a)
    if mention is None:
        return None
    first = _first_index(tokens, mention.start, a, i)
    start = mention.np_start if mention.np_start >= 0 else first
    if start > a and tokens[start - 1].low not in _CLAUSE_OPENERS:
        if not (mention.kind == "person" and start != first and tokens[first - 1].text == ","):
            return None
        # "Íbúi í húsinu, Kristín Gunnarsdóttir, segist …": the name in apposition, not its title
        mention = attrs.evolve(mention, title=None)
    if not _nominative_possible(mention, tokens, first):
        return None
    return mention


def _impersonal_frame(doc: _Doc, i: int, a: int, b: int) -> bool:
    """``Þar segir að``, ``segir í greininni að``: a cue that no parse gives a subject."""
    before = doc.tokens[i - 1].low if i > a else ""
    after = doc.tokens[i + 1].low if i + 1 < b else ""
    return i == a or before in ("þar", "þá", "og", "en") or after in ("í", "á")


def _first_index(tokens: Sequence[Token], start: int, a: int, b: int) -> int:
    """Index of the token starting at ``start`` within tokens[a:b] (``a`` if none)."""
    k = bisect.bisect_left(tokens, start, a, b, key=lambda t: t.start)
    return k if k < b and tokens[k].start == start else a


def _token_range(doc: _Doc, start: int, end: int) -> tuple[int, int]:
    """Token indices [i, j) covering the character range [start, end)."""
    i = bisect.bisect_right(doc.tokens, start, key=lambda t: t.end)
    j = bisect.bisect_left(doc.tokens, end, i, key=lambda t: t.start)
    return i, j


def _oblique_noun(token: Token) -> bool:
    """A noun or adjective form with no nominative reading and no verb or pronoun reading."""
    if token.kind != "word" or not token.meanings:
        return False
    nominal = [m for m in token.meanings if m.cat in ("kk", "kvk", "hk", "lo")]
    return (
        bool(nominal)
        and len(nominal) == len(token.meanings)
        and not any(m.tags.startswith("NF") or "-NF" in m.tags for m in nominal)
    )


def _infinitive(token: Token) -> bool:
    """Whether a word after ``að`` reads as an infinitive (so ``að`` is the infinitive marker)."""
    if token.kind != "word":
        return False
    verbal = any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings)
    nominal = any(
        m.cat in ("pfn", "fn", "kk", "kvk", "hk", "lo", "gr", "to") and "NF" in m.tags for m in token.meanings
    )
    return verbal and not nominal


_JOURNALISTS = frozenset(
    {"fréttamaður", "blaðamaður", "fréttakona", "spyrill", "þáttastjórnandi", "fréttaritari"}
)


def _journalist_question(site: _CueSite) -> bool:
    """A journalist's question in running text is not a quote (ANNOTATION.md)."""
    return (
        site.cue.lemma == "spyrja"
        and site.subject is not None
        and (site.subject.head_lemma or "") in _JOURNALISTS
    )


def _clause_end(doc: _Doc, start: int, b: int) -> int:
    """Where a reported clause ends: before ``og``/``en`` that start a new indicative clause."""
    tokens = doc.tokens
    for x in range(start + 1, b):
        if doc.inside[x] >= 0 or tokens[x].low not in ("og", "en"):
            continue
        if tokens[x].low == "en" and any("MST" in m.tags for m in tokens[x - 1].meanings):
            continue  # "minna en óttast var": a comparison, not a new clause
        if (
            tokens[x].low == "en"
            and tokens[x - 1].text == ","
            and not any(subjunctive_only(tokens[y]) for y in range(x + 1, min(b, x + 4)))
        ):
            return x - 1
        for y in range(x + 1, min(b, x + 4)):
            token = tokens[y]
            if doc.inside[y] >= 0 or token.low in _SUBORDINATORS:
                break
            if cue_at(tokens, y, b) is not None or (indicative_only(token) and strong_finite(token)):
                return x
            if subjunctive_only(token):
                break
    return b


def _content_span(doc: _Doc, i: int, j: int) -> tuple[int, int] | None:
    """Character span of tokens[i:j] without trailing final punctuation and commas."""
    tokens = doc.tokens
    while j > i and tokens[j - 1].kind == "punct" and tokens[j - 1].text in _FINAL | {",", ":", "–", "-"}:
        j -= 1
    while i < j and tokens[i].kind == "punct" and tokens[i].text in {",", ":", "–", "-"}:
        i += 1
    if j <= i:
        return None
    return tokens[i].start, tokens[j - 1].end


class _Attributor:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.sites: list[_CueSite] = []
        self.drafts: list[Draft] = []
        self._by_unit: dict[int, list[_CueSite]] = {}
        self._by_index: dict[int, _CueSite] = {}
        self._timeline: list[Draft] = []
        self._timeline_size = -1

    # pass 1 ---------------------------------------------------------------------------
    def find_cues(self) -> None:
        doc = self.doc
        for u, (a, b) in enumerate(doc.units):
            unit_sites: list[_CueSite] = []
            for i in range(a, b):
                if doc.inside[i] >= 0:
                    continue
                cue = cue_at(doc.tokens, i, b)
                if cue is not None:
                    subject, after = _subject_of(doc, cue, (a, b), unit_sites)
                    entity = _entity_for(doc, subject) if subject is not None else None
                    unit_sites.append(_CueSite(cue, u, subject, entity, after_subject=after))
                    continue
                site = self._nonfinite_cue(i, u, unit_sites)
                if site is not None:
                    unit_sites.append(site)
            self.sites.extend(unit_sites)
            if unit_sites:
                self._by_unit[u] = unit_sites
            for site in unit_sites:
                self._by_index[site.cue.index] = site

    def _parsed_subject(self, cue: Cue, unit: tuple[int, int]) -> Mention | None:
        """Ask Greynir for the subject of a cue verb the token rules left without one.

        Only clauses without quotation marks and of at most ``MAX_PARSE_TOKENS`` tokens are
        parsed; this is the one place frettir runs the parser.
        """
        doc = self.doc
        a, b = unit
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
            t.low == "frá" or any(m.lemma in _DOCUMENTS for m in t.meanings)
            for t in doc.tokens[a : cue.index]
        ):
            return None  # "Í tilkynningu frá X segir að": impersonal, the source is not a subject
        start, end = doc.tokens[a].start, doc.tokens[frame_end - 1].end
        frame = doc.text[start:end] + (" það." if frame_end < b else "")
        doc.parses += 1
        found = parse_subject(frame, cue.start - start, doc.parser)
        if found is None:
            return None
        head_at = start + found[0]
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

    def _nonfinite_cue(self, i: int, u: int, unit_sites: list[_CueSite]) -> _CueSite | None:
        """``gat staðfest að``, ``hafa talið að`` (subject of the auxiliary); ``er talið að`` (passive)."""
        doc = self.doc
        a, b = doc.units[u]
        cue = cue_at(doc.tokens, i, b, nonfinite=True)
        if cue is None:
            return None
        aux = auxiliary_before(doc.tokens, i, a)
        if aux is None or any(s.cue.index == aux[0] for s in unit_sites) or doc.tokens[i - 1].low == "að":
            return None
        k, lemma = aux
        if lemma == "vera":
            return _CueSite(cue, u, None, None, after_subject=i + 1, passive=True)
        subject, after = _subject_of(doc, attrs.evolve(cue, index=k), (a, b), unit_sites)
        if subject is not None and subject.start >= doc.tokens[i].start:
            subject = None  # an inverted subject stands between the auxiliary and the verb
        entity = _entity_for(doc, subject) if subject is not None else None
        return _CueSite(cue, u, subject, entity, after_subject=max(i + 1, after))

    def _sites_in(self, unit: int) -> list[_CueSite]:
        return self._by_unit.get(unit, [])

    def _site_at(self, index: int) -> _CueSite | None:
        return self._by_index.get(index)

    # pass 2 ---------------------------------------------------------------------------
    def direct(self) -> list[list[int]]:
        """Attribute chains of marks by cues; return chains still waiting for a speaker."""
        doc = self.doc
        chains: list[list[int]] = []
        for m, mark in enumerate(doc.marks):
            if mark.depth != 0 or not mark.inner.slice(doc.text).strip():
                continue
            if mark.continued and chains and doc.marks[chains[-1][-1]].continues:
                chains[-1].append(m)
            else:
                chains.append([m])
        pending: list[list[int]] = []
        for chain in chains:
            draft = self._tail(chain[-1]) or self._head(chain[0]) or self._this_says(chain[-1])
            if draft is None:
                pending.append(chain)
            else:
                self._emit(chain, draft)
        return pending

    def _emit(self, chain: list[int], found: Draft) -> None:
        """Add one draft per paragraph of a (possibly multi-paragraph) quote."""
        doc = self.doc
        for m in chain:
            mark = doc.marks[m]
            draft = attrs.evolve(
                found,
                start=mark.inner.start,
                end=mark.inner.end,
                outer=(mark.outer.start, mark.outer.end),
                para=self._para(m),
            )
            if m != chain[-1] and found.rule.startswith("direct.cue_after"):
                draft = attrs.evolve(draft, speaker_span=None, cue=None, cue_span=None)
            if m != chain[0] and found.rule == "direct.cue_before":
                draft = attrs.evolve(draft, speaker_span=None, cue=None, cue_span=None)
            self.drafts.append(draft)

    def _para(self, m: int) -> int:
        return self.doc.para_of[self._mark_tokens(m)[0]] if self.doc.tokens else 0

    def _mark_tokens(self, m: int) -> tuple[int, int]:
        mark = self.doc.marks[m]
        return _token_range(self.doc, mark.outer.start, mark.outer.end)

    def _tail(self, m: int) -> Draft | None:
        doc = self.doc
        tokens = doc.tokens
        _, j = self._mark_tokens(m)
        n = len(tokens)
        if j == 0 or j >= n or doc.para_of[j] != doc.para_of[j - 1]:
            return None
        k = j
        dash = False
        while k < n and tokens[k].kind == "punct" and tokens[k].text in {",", *_DASHES}:
            dash = dash or tokens[k].text in _DASHES
            k += 1
        if k >= n or doc.para_of[k] != doc.para_of[j - 1] or doc.inside[k] >= 0:
            return None
        site = self._site_at(k)
        if site is not None:
            site.consumed = True
            entity = site.entity
            rule = "direct.cue_after"
            span = None if site.subject is None else (site.subject.start, site.subject.end)
            if site.subject is None:
                entity = self._impersonal_source(site) or self._context_source(site)
                rule = "direct.cue_after_impersonal"
            return self._draft(m, entity, span, site.cue, rule)
        token = tokens[k]
        if token.low in _ENGLISH_CUES and k + 1 < n and doc.para_of[k + 1] == doc.para_of[k]:
            # an English quote with its English attribution: "“…,” said John Smith"
            mention = read_np(tokens, k + 1)
            if mention is not None and mention.kind in ("person", "organization"):
                cue = Cue(_ENGLISH_CUES[token.low], k, token.start, token.end, False)
                return self._draft(
                    m, _entity_for(doc, mention), (mention.start, mention.end), cue, "direct.cue_after"
                )
        if dash and token.kind in ("person", "entity"):
            mention = read_np(tokens, k)
            if mention is not None:
                return self._draft(
                    m, _entity_for(doc, mention), (mention.start, mention.end), None, "direct.dash"
                )
        if finite(token) and not any(mm.lemma in _TITLE_VERBS for mm in token.meanings if mm.cat == "so"):
            mention = read_np(tokens, k + 1)
            if (
                mention is not None
                and mention.kind in ("person", "pronoun")
                and _nominative_possible(mention, tokens, k + 1)
            ):
                lemma = next(mm.lemma for mm in token.meanings if mm.cat == "so")
                cue = Cue(lemma, k, token.start, token.end, False)
                return self._draft(
                    m, _entity_for(doc, mention), (mention.start, mention.end), cue, "direct.verb_after"
                )
        return None

    def _impersonal_source(self, site: _CueSite, limit: int | None = None) -> Entity | None:
        """``segir í tilkynningu frá X`` / ``segir í færslu sem X hefur birt``: the named body."""
        doc = self.doc
        a, b = doc.units[site.unit]
        if limit is not None:
            b = limit
        for k in range(a, b):
            if doc.inside[k] >= 0 or k == site.cue.index or k == a:
                continue
            token = doc.tokens[k]
            before = doc.tokens[k - 1]
            if not (before.low in ("frá", "sem") or any(m.lemma in _DOCUMENTS for m in before.meanings)):
                continue
            if token.kind in ("person", "entity", "word"):
                mention = read_np(doc.tokens, k, b, apposition=False)
                kinds = (
                    ("person", "organization")
                    if before.low == "sem"
                    else ("person", "organization", "description")
                )
                if mention is not None and mention.kind in kinds:
                    return _entity_for(doc, mention)
        return None

    def _context_source(self, site: _CueSite) -> Entity | None:
        """Who an impersonal ``Þar segir að …`` / ``Í dómnum segir að …`` reports, from context.

        With a document noun in the clause (``í dómnum``), the body named last in this or the
        previous paragraph; otherwise the speaker of the latest quote there. Nobody further back.
        """
        doc = self.doc
        i = site.cue.index
        a, _ = doc.units[site.unit]
        para = doc.para_of[i]
        position = doc.tokens[i].start
        window = doc.tokens[a : min(len(doc.tokens), i + 3)]
        if any(any(m.lemma in _DOCUMENTS for m in t.meanings) for t in window):
            for pos, entity in doc.registry.mentions_before(position):
                k = _first_index(doc.tokens, pos, 0, len(doc.tokens))
                if para - doc.para_of[k] > 1:
                    break
                if entity.kind == "organization":
                    return entity
            return None
        best = self._latest_draft(position)
        if best is None or para - best.para > 1:
            return None
        return best.entity

    def _head(self, m: int) -> Draft | None:
        doc = self.doc
        tokens = doc.tokens
        i, _ = self._mark_tokens(m)
        if i == 0:
            return None
        unit = doc.unit_of[i]
        a, _b = doc.units[unit]
        colon = i - 1 >= 0 and tokens[i - 1].text == ":" and doc.inside[i - 1] < 0
        if i == a and i > 0 and tokens[i - 1].text == ":" and doc.para_of[i - 1] != doc.para_of[i]:
            unit = doc.unit_of[i - 1]
            colon = True
        sites = [s for s in self._sites_in(unit) if s.cue.index < i]
        if not sites:
            return None
        site = sites[-1]
        if colon:
            if site.consumed:
                return self._continue_draft(m, site.entity, "direct.split")
            site.consumed = True
            span = None if site.subject is None else (site.subject.start, site.subject.end)
            return self._draft(m, site.entity, span, site.cue, "direct.cue_before")
        # embedded partial quote in a reporting clause: "sagði að ... „hindranir“"
        if site.consumed:
            if doc.marks[m].outer.start - tokens[site.cue.index].end < 400:
                return self._continue_draft(m, site.entity, "direct.split")
            return None
        span = None if site.subject is None else (site.subject.start, site.subject.end)
        return self._draft(m, site.entity, span, site.cue, "direct.in_report")

    def _this_says(self, m: int) -> Draft | None:
        """``„…“`` ending a paragraph, then ``Þetta segir X …`` opening the next."""
        doc = self.doc
        _, j = self._mark_tokens(m)
        if j >= len(doc.tokens) or doc.para_of[j] == doc.para_of[j - 1]:
            return None
        first = doc.tokens[j]
        if first.text not in ("Þetta", "Þannig", "Svo") or j + 1 >= len(doc.tokens):
            return None
        site = self._site_at(j + 1) or self._site_at(j + 2)
        if site is not None and site.subject is not None:
            site.consumed = True
            return self._draft(
                m, site.entity, (site.subject.start, site.subject.end), site.cue, "direct.this_says"
            )
        if site is not None and site.subject is None:
            # "Þetta kom fram í máli Bjarna Benediktssonar": the source of an impersonal cue
            source = self._impersonal_source(site)
            if source is not None:
                site.consumed = True
                return self._draft(m, source, None, site.cue, "direct.this_says")
        # "Þannig hófst pistill eftir Katrínu Jakobsdóttur": the person the next sentence names
        _, b = doc.units[doc.unit_of[j]]
        for k in range(j + 1, b):
            if doc.tokens[k].kind in ("person", "entity") and doc.inside[k] < 0:
                mention = read_np(doc.tokens, k, b)
                if mention is not None:
                    entity = _entity_for(doc, mention)
                    return self._draft(m, entity, (mention.start, mention.end), None, "direct.this_names")
        return None

    def _draft(
        self,
        m: int,
        entity: Entity | None,
        span: tuple[int, int] | None,
        cue: Cue | None,
        rule: str,
    ) -> Draft:
        mark = self.doc.marks[m]
        return Draft(
            "direct",
            mark.inner.start,
            mark.inner.end,
            outer=(mark.outer.start, mark.outer.end),
            entity=entity,
            speaker_span=span,
            cue=None if cue is None else cue.lemma,
            cue_span=None if cue is None else (cue.start, cue.end),
            confidence=rule_confidence(rule),
            rule=rule,
            para=self._para(m),
        )

    def _continue_draft(self, m: int, entity: Entity | None, rule: str) -> Draft:
        return self._draft(m, entity, None, None, rule)

    # pass 3 ---------------------------------------------------------------------------
    def indirect(self) -> None:
        doc = self.doc
        tokens = doc.tokens
        for site in self.sites:
            if site.consumed or _journalist_question(site) or self._after_closing_mark(site):
                continue
            if site.passive and site.cue.lemma == "spyrja":
                continue  # "þegar hann var spurður hvort …": a journalist's question, not a quote
            _, b = doc.units[site.unit]
            i = site.cue.index
            start = self._complement(site, b)
            if start is None:
                continue
            if site.subject is None and not site.passive:
                # only now, with a report to attribute, is the parser worth its time
                site.subject = self._parsed_subject(site.cue, doc.units[site.unit])
                if site.subject is not None:
                    site.parsed = True
                    site.entity = _entity_for(doc, site.subject)
            end = _clause_end(doc, start, b)
            later = [
                t.cue.index
                for t in self._sites_in(site.unit)
                if t.unit == site.unit
                and start < t.cue.index < end
                and t.subject is not None
                and t.subject.start > t.cue.start  # "… svaraði hann": an inverted new main clause
            ]
            if later:
                end = min(later)  # "… hvort X myndi gefa eftir svaraði hann": the next cue ends it
            span = _content_span(doc, start, end)
            if span is None:
                continue
            entity = site.entity
            rule = (
                "indirect.that_clause" if tokens[start - 1].low in ("að", "hvort") else "indirect.infinitive"
            )
            if site.passive:
                rule = "indirect.passive"
            elif site.subject is None:
                entity = self._impersonal_source(site, start) or self._context_source(site)
                rule += "_impersonal"
            if site.parsed:
                rule += "+parse"
            self.drafts.append(
                Draft(
                    "indirect",
                    span[0],
                    span[1],
                    entity=entity,
                    speaker_span=None if site.subject is None else (site.subject.start, site.subject.end),
                    cue=site.cue.lemma,
                    cue_span=(site.cue.start, site.cue.end),
                    confidence=rule_confidence(rule),
                    rule=rule,
                    para=doc.para_of[i],
                )
            )
            site.consumed = True
        self._according_to()
        self._drop_nested()

    def _latest_draft(self, position: int) -> Draft | None:
        """The attributed draft that starts last before ``position``."""
        if self._timeline_size != len(self.drafts):
            self._timeline = sorted((d for d in self.drafts if d.entity is not None), key=lambda d: d.start)
            self._timeline_size = len(self.drafts)
        k = bisect.bisect_left(self._timeline, position, key=lambda d: d.start)
        return self._timeline[k - 1] if k > 0 else None

    def _drop_nested(self) -> None:
        """A report inside a report of the same speaker is part of it (``segir að hann telji að``)."""
        by_para: dict[int, list[Draft]] = {}
        for draft in self.drafts:
            if draft.kind == "indirect":
                by_para.setdefault(draft.para, []).append(draft)
        keep: list[Draft] = []
        for draft in self.drafts:
            reports = by_para.get(draft.para, [])
            inside_same = draft.kind == "indirect" and any(
                other is not draft
                and other.entity is draft.entity
                and other.start <= draft.start
                and draft.end <= other.end
                and (other.start, other.end) != (draft.start, draft.end)
                for other in reports
            )
            if not inside_same:
                keep.append(draft)
        self.drafts = keep

    def _after_closing_mark(self, site: _CueSite) -> bool:
        """``…,“ segir hún``: a cue right after a closing mark attributes a quote, reports nothing."""
        k = site.cue.index - 1
        tokens = self.doc.tokens
        while k >= 0 and tokens[k].text in (",", "–", "-"):
            k -= 1
        return k >= 0 and tokens[k].kind == "punct" and tokens[k].text in _CLOSERS

    def _complement(self, site: _CueSite, b: int) -> int | None:
        """Token index where the reported clause starts, or ``None``."""
        doc = self.doc
        tokens = doc.tokens
        i = site.cue.index
        k = max(i + 1, site.after_subject)
        if k >= b:
            return None
        if tokens[k].text == ":" or (doc.inside[k] >= 0 and k == i + 1):
            return None
        if site.cue.middle:
            return k if b - k >= 1 else None
        # an að/hvort clause
        parenthetical = False
        for x in range(k, min(b, k + 25)):
            token = tokens[x]
            low = token.low
            if token.text == ",":
                parenthetical = not parenthetical
                continue
            if low in ("þegar", "sem", "ef", "meðan", "þótt"):
                parenthetical = True
                continue
            if low in ("að", "hvort") and doc.inside[x] < 0:
                nxt = x + 1
                while nxt < b and tokens[nxt].low == "að":
                    nxt += 1
                if nxt >= b:
                    return None
                follower = tokens[nxt]
                if follower.low in _NOT_COMPLEMENT or (
                    low == "að"
                    and _oblique_noun(follower)
                    and not any(finite(t) for t in tokens[nxt + 1 : b])
                ):
                    continue  # "að loknum fundi", "kallað út að íbúðarhúsi": a preposition, no clause
                fronted = any(subjunctive_only(t) for t in tokens[nxt + 1 : min(b, nxt + 3)])
                if low == "að" and (
                    (x > 0 and tokens[x - 1].low == "til") or (_infinitive(follower) and not fronted)
                ):
                    break
                return nxt
            if not parenthetical and doc.inside[x] < 0 and strong_finite(token) and indicative_only(token):
                break
            if (
                doc.inside[x] < 0
                and any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings)
                and not any(m.cat == "ao" for m in token.meanings)
            ):
                break  # an infinitive of the reported clause itself: an infinitive report, not an að-clause
            if token.kind == "punct" and token.text in (":",):
                return None
        # an infinitive report: "segir hana hafa", "sagði hafa náðst", "telur ólíklegt"
        if site.cue.lemma not in ("segja", "telja", "álíta", "fullyrða", "viðurkenna"):
            return None
        first = tokens[k]
        if first.kind == "punct" or first.low in _ACI_STOP or doc.inside[k] >= 0:
            return None
        if b - k < 2:
            return None
        has_infinitive = any(
            any(m.cat == "so" and m.tags.endswith("NH") for m in tokens[x].meanings)
            for x in range(k, min(b, k + 12))
        )
        if not has_infinitive and site.cue.lemma != "telja":
            return None
        return k

    def _according_to(self) -> None:
        """``Að sögn X …`` and ``… að sögn X``; also ``að mati X`` and ``að hans sögn``."""
        doc = self.doc
        tokens = doc.tokens
        for a, b in doc.units:
            for x in range(a, b):
                if doc.inside[x] >= 0:
                    continue
                words = tokens[x].low.split()
                if (
                    len(words) == 3
                    and words[0] == "að"
                    and words[1] in _POSSESSIVES
                    and words[2] in _ACCORDING
                ):
                    # "Að hans sögn …" comes from reynir as one token
                    self._add_according(x, a, b, x + 1, x + 1, self._possessive(x, x + 1), words[2])
                    continue
                if x + 2 >= b or tokens[x].low != "að":
                    continue
                if tokens[x + 1].low in _POSSESSIVES and tokens[x + 2].low in _ACCORDING:
                    self._add_according(
                        x, a, b, x + 3, x + 3, self._possessive(x + 1, x + 3), tokens[x + 2].low
                    )
                elif tokens[x + 1].low in _ACCORDING:
                    mention = read_np(tokens, x + 2, b)
                    if mention is not None:
                        self._add_according(x, a, b, x + 2, mention.tok_end, mention, tokens[x + 1].low)

    def _possessive(self, k: int, end: int) -> Mention:
        """The possessive ``hans``/``hennar``/``þeirra`` at token ``k`` as a pronoun mention."""
        token = self.doc.tokens[k]
        gender, number = _POSSESSIVES[token.low.split()[-2] if " " in token.low else token.low]
        return Mention(token.start, token.end, "pronoun", token.low, gender, number, tok_end=end)

    def _add_according(
        self, x: int, a: int, b: int, cue_end: int, after: int, mention: Mention, noun: str
    ) -> None:
        """Add the report that ``að sögn``/``að mati`` at tokens [x, cue_end) gives ``mention``.

        At the start of its sentence the phrase governs what follows it (from token ``after``,
        past an apposition's commas); later in the sentence, what stands before it.
        """
        doc = self.doc
        tokens = doc.tokens
        if x == a:
            while after < b and tokens[after].text == ",":
                after += 1
            span = _content_span(doc, after, _clause_end(doc, after, b))
        else:
            span = _content_span(doc, a, x)
        if span is None:
            return
        self.drafts.append(
            Draft(
                "indirect",
                span[0],
                span[1],
                entity=_entity_for(doc, mention),
                speaker_span=(mention.start, mention.end),
                cue=f"að {noun}",
                cue_span=(tokens[x].start, tokens[cue_end - 1].end),
                confidence=rule_confidence("indirect.according_to"),
                rule="indirect.according_to",
                para=doc.para_of[x],
            )
        )

    # pass 4 ---------------------------------------------------------------------------
    def subjunctive(self) -> None:
        doc = self.doc
        tokens = doc.tokens
        reported: dict[int, Draft] = {}
        for draft in self.drafts:
            if draft.kind == "indirect":
                i, _ = _token_range(doc, draft.start, draft.end)
                if i < len(tokens):
                    reported[doc.unit_of[i]] = draft
        for u in range(1, len(doc.units)):
            previous = reported.get(u - 1)
            if previous is None or u in reported:
                continue
            a, b = doc.units[u]
            if doc.para_of[a] != doc.para_of[doc.units[u - 1][0]]:
                continue
            if doc.inside[a] >= 0 or tokens[a].low in ("ef", "þótt", "nema"):
                continue
            if any(s.consumed for s in self._sites_in(u)):
                continue
            if not self._subjunctive_unit(a, b):
                continue
            span = _content_span(doc, a, b)
            if span is None:
                continue
            draft = Draft(
                "indirect",
                span[0],
                span[1],
                entity=previous.entity,
                confidence=rule_confidence("indirect.subjunctive"),
                rule="indirect.subjunctive",
                para=doc.para_of[a],
            )
            self.drafts.append(draft)
            reported[u] = draft

    def _subjunctive_unit(self, a: int, b: int) -> bool:
        tokens = self.doc.tokens
        subordinate = False
        for x in range(a, b):
            if self.doc.inside[x] >= 0:
                return False
            token = tokens[x]
            low = token.low
            if low in _SUBORDINATORS:
                subordinate = True
                continue
            if token.text == ",":
                subordinate = False
                continue
            if not finite(token) or (x > a and tokens[x - 1].low == "að"):
                continue
            if subordinate:
                subordinate = False
                continue
            if subjunctive_only(token):
                return True
            if indicative_only(token) and strong_finite(token):
                return False
        return False

    # pass 5 ---------------------------------------------------------------------------
    def finish_direct(self, pending: list[list[int]]) -> None:
        doc = self.doc
        for chain in pending:
            first = doc.marks[chain[0]]
            text = " ".join(doc.marks[m].inner.slice(doc.text) for m in chain)
            if _words(text) <= 3 and not self._starts_unit(chain[0]):
                continue  # a title, a name or a scare quote inside a sentence: not speech
            if _words(text) <= 8 and (self._title_context(chain[-1]) or self._title_context(chain[0])):
                continue  # the title of a song, a book, a film …
            entity, para = self._latest_speaker(first.outer.start)
            if self._starts_paragraph(chain[0]) and self._after_question(chain[0]):
                # Q&A layout: an unquoted question paragraph, then the interviewee's answer
                found = self._draft(
                    chain[0], entity or self._main_person(), None, None, "direct.interview_answer"
                )
            elif entity is not None and self._para(chain[0]) - para <= 3:
                found = self._draft(chain[0], entity, None, None, "direct.continuation")
            else:
                found = self._draft(
                    chain[0], entity or self._main_person(), None, None, "direct.unattributed"
                )
            self._emit(chain, found)

    def _after_question(self, m: int) -> bool:
        """Whether the paragraph before the quote's is an unquoted question (an interview)."""
        doc = self.doc
        i, _ = self._mark_tokens(m)
        if i == 0:
            return False
        last = doc.tokens[i - 1]
        start = next((k for k in range(i - 1, -1, -1) if doc.para_of[k] != doc.para_of[i - 1]), -1) + 1
        return last.text == "?" and all(doc.inside[k] < 0 for k in range(start, i))

    def _main_person(self) -> Entity | None:
        """The person the article names most often (the interviewee of a Q&A piece)."""
        people = [e for e in self.doc.registry.entities if e.kind == "person"]
        if not people:
            return None
        return max(people, key=lambda e: len(e.mentions))

    def _starts_unit(self, m: int) -> bool:
        """Whether the quote opens its sentence (``… sagði hún. „Já.“``) rather than sits in one."""
        i, _ = self._mark_tokens(m)
        return i == 0 or self.doc.units[self.doc.unit_of[i]][0] == i or self._starts_paragraph(m)

    def _starts_paragraph(self, m: int) -> bool:
        i, _ = self._mark_tokens(m)
        return i == 0 or self.doc.para_of[i - 1] != self.doc.para_of[i]

    def _title_context(self, m: int) -> bool:
        """A title of a work: ``„…“ heitir myndin`` or ``söng lagið „…“``."""
        doc = self.doc
        i, j = self._mark_tokens(m)
        if i > 0 and doc.para_of[i - 1] == doc.para_of[i]:
            before = doc.tokens[i - 1]
            if any(mm.cat in ("kk", "kvk", "hk") and mm.lemma in _WORKS for mm in before.meanings):
                return True
        while j < len(doc.tokens) and doc.tokens[j].kind == "punct":
            j += 1
        return j < len(doc.tokens) and any(
            mm.lemma in _TITLE_VERBS for mm in doc.tokens[j].meanings if mm.cat == "so"
        )

    def _latest_speaker(self, position: int) -> tuple[Entity | None, int]:
        best = self._latest_draft(position)
        if best is None:
            return None, -1
        return best.entity, best.para


_PLATFORMS = {
    "facebook": "Facebook",
    "twitter": "Twitter",
    "x": "X",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "youtube": "YouTube",
    "samfélagsmiðl": "samfélagsmiðlar",
}
_CONVERSATIONS = frozenset({"samtal", "viðtal", "spjall", "svar"})


def _platform(token: Token) -> str | None:
    low = token.low
    for key, name in _PLATFORMS.items():
        if low == key or (len(key) > 2 and low.startswith(key)):
            return name
    return None


def _medium(doc: _Doc, cue_start: int, cue: str | None) -> str | None:
    """The medium named in a cue's sentence: ``í samtali við mbl.is``, ``á Facebook``, ``í tilkynningu``."""
    tokens = doc.tokens
    i = _first_index(tokens, cue_start, 0, len(tokens))
    if tokens[i].start != cue_start:
        return None
    a, b = doc.units[doc.unit_of[i]]
    if cue == "hafa eftir":
        outlet = np_before(tokens, i, a)
        if outlet is not None:
            capital = doc.text[outlet.start : outlet.start + 1].isupper()
            return outlet.name[:1].upper() + outlet.name[1:] if capital else outlet.name
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
        if lemmas & _CONVERSATIONS and k + 3 < b + 1 and k + 2 < b and tokens[k + 2].low == "við":
            if k + 3 < b:
                return _np_name(tokens, k + 3, b)
        elif lemmas & _DOCUMENTS and found is None:
            found = next(m.lemma for m in nxt.meanings if m.lemma in _DOCUMENTS)
    return found


def _np_name(tokens: Sequence[Token], k: int, b: int) -> str:
    token = tokens[k]
    if token.kind == "word" and token.meanings:
        mention = read_np(tokens, k, b, apposition=False)
        if mention is not None:
            return mention.name
    return token.text


def _subject_position(doc: _Doc, i: int) -> bool:
    """Whether a noun phrase at ``tokens[i]`` stands where a subject stands."""
    if i == 0 or doc.para_of[i - 1] != doc.para_of[i] or doc.units[doc.unit_of[i]][0] == i:
        return True
    before = doc.tokens[i - 1]
    if before.low in _CLAUSE_OPENERS:
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


def _register_names(doc: _Doc) -> None:
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
                # sentence-initial: "Héraðsdómur Reykjavíkur …", "Þjálfari KR, Óskar …, …"
                token.kind == "word"
                and token.sent_start
                and token.text[:1].isupper()
                and i + 1 < len(tokens)
                and (tokens[i + 1].text[:1].isupper() or tokens[i + 1].text == ",")
            )
        ):
            subject = _subject_position(doc, i)
            mention = read_np(tokens, i, apposition=True, oblique=not subject)
            if mention is not None and mention.kind in ("person", "organization"):
                entity = doc.registry.add(mention, salient=subject)
                doc.by_start[mention.start] = entity
                i = max(i + 1, mention.tok_end)
                continue
        elif doc.inside[i] < 0 and token.kind == "word" and _subject_position(doc, i):
            # plural groups in subject position ("Vísindamenn telja …") for "þeir"/"þær"
            group = read_np(tokens, i, apposition=False)
            if (
                group is not None
                and group.kind == "description"
                and group.number == "ft"
                and group.nominative
            ):
                doc.by_start[group.start] = doc.registry.add(group)
                i = max(i + 1, group.tok_end)
                continue
        i += 1
    doc.registry.finish_names()
    # finish_names may merge entities: refresh the index
    for start, entity in list(doc.by_start.items()):
        for candidate in doc.registry.entities:
            if entity is candidate:
                break
        else:
            for candidate in doc.registry.entities:
                if entity.words <= candidate.words or candidate.words <= entity.words:
                    doc.by_start[start] = candidate
                    break


def attribute(
    text: str,
    marks: Sequence[Marked],
    tokens: Sequence[list[Token]],
    parser: object | None = None,
) -> list[Draft]:
    """Find and attribute every quote of one article; return drafts sorted by start."""
    flat: list[Token] = []
    para_of: list[int] = []
    for p, para_tokens in enumerate(tokens):
        flat.extend(para_tokens)
        para_of.extend([p] * len(para_tokens))
    top = [m for m in marks if m.depth == 0]
    inside = [-1] * len(flat)
    mark_index = {id(m): n for n, m in enumerate(marks)}
    t = 0
    for mark in top:
        while t < len(flat) and flat[t].end <= mark.inner.start:
            t += 1
        k = t
        while k < len(flat) and flat[k].start < mark.inner.end:
            if flat[k].start >= mark.inner.start:
                inside[k] = mark_index[id(mark)]
            k += 1
    units = _build_units(flat, para_of, inside, list(marks))
    unit_of = [0] * len(flat)
    for u, (a, b) in enumerate(units):
        for x in range(a, b):
            unit_of[x] = u
    doc = _Doc(text, flat, para_of, inside, units, unit_of, list(marks), Registry(), {}, parser)
    _register_names(doc)
    work = _Attributor(doc)
    work.find_cues()
    pending = work.direct()
    work.indirect()
    work.subjunctive()
    work.finish_direct(pending)
    work.drafts.sort(key=lambda d: (d.start, d.kind != "indirect"))
    for draft in work.drafts:
        if draft.cue_span is not None:
            draft.medium = _medium(doc, draft.cue_span[0], draft.cue)
    return work.drafts
