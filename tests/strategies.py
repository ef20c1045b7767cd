"""Hypothesis strategies that BUILD Icelandic news articles whose quotes are known.

An article is planned as a cast of made-up speakers (a small declension table, all four
cases) and a list of segments, one reporting layout each (``„Q,“ segir X.``, ``X segir:
„Q.“``, ``X sagði að …``, ``Að sögn X-gen …`` and so on), joined by sentence or paragraph
breaks. :func:`render` writes the plan out and records, while it writes, every quote the
article holds: its kind, exact offsets, text, canonical speaker (nominative, fullest name),
cue lemma, the mention that attributes it and the mark-inclusive ``outer`` span. Nothing is
found by reading the text back; the answers are known because the text was built from them.

Conventions where ANNOTATION.md leaves the choice open (the engine follows the same ones):

* a quote's cue and attributing mention belong to the paragraph or clause that holds the cue:
  in ``„Q1,“ sagði X, „Q2.“`` only Q1 has them; every part of a quote re-opened in each
  paragraph has them (and the start of the first part as ``group``); ``og bætti við: „Q2“``
  gives Q2 the cue ``bæta við`` and the subject of the coordinated clause (X) as its mention;
* ``Að sögn X-gen CLAUSE.`` reports CLAUSE without ``Að sögn X``; ``CLAUSE að sögn X-gen.``
  reports CLAUSE; the cue is ``að sögn``.

White space is varied only where it cannot change the answer: paragraph breaks (``\\n``,
``\\n\\n``, ``\\r\\n``, U+2029, white-space-only lines and a line holding only U+200B
between segments), NBSP instead of a space, combining acute accents (U+0301) instead of
precomposed letters. Expected speaker names are always precomposed (NFC), as in the corpus.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

import attrs
from hypothesis import strategies as st

from frettir import Article, Quote, Span, Speaker

Gender = Literal["masculine", "feminine"]
Tense = Literal["present", "past"]
Accents = Literal["precomposed", "decomposed", "mixed"]


# --- the cast ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Name:
    """A made-up Icelandic person's name in the four cases (nominative is canonical)."""

    nf: str
    af: str
    thgf: str
    ef: str
    gender: Gender

    @property
    def first(self) -> str:
        """The given name alone, nominative (how a second mention often names someone)."""
        return self.nf.split()[0]

    @property
    def first_ef(self) -> str:
        """The given name alone, genitive."""
        return self.ef.split()[0]

    @property
    def pronoun(self) -> str:
        """The nominative personal pronoun that agrees with the name."""
        return "hann" if self.gender == "masculine" else "hún"


NAMES: tuple[Name, ...] = (
    Name(nf="Jón Jónsson", af="Jón Jónsson", thgf="Jóni Jónssyni", ef="Jóns Jónssonar", gender="masculine"),
    Name(
        nf="Guðrún Helgadóttir",
        af="Guðrúnu Helgadóttur",
        thgf="Guðrúnu Helgadóttur",
        ef="Guðrúnar Helgadóttur",
        gender="feminine",
    ),
    Name(
        nf="Sigurður Einarsson",
        af="Sigurð Einarsson",
        thgf="Sigurði Einarssyni",
        ef="Sigurðar Einarssonar",
        gender="masculine",
    ),
    Name(
        nf="Helga Magnúsdóttir",
        af="Helgu Magnúsdóttur",
        thgf="Helgu Magnúsdóttur",
        ef="Helgu Magnúsdóttur",
        gender="feminine",
    ),
    Name(
        nf="Ólafur Þórðarson",
        af="Ólaf Þórðarson",
        thgf="Ólafi Þórðarsyni",
        ef="Ólafs Þórðarsonar",
        gender="masculine",
    ),
    Name(
        nf="Þórunn Björnsdóttir",
        af="Þórunni Björnsdóttur",
        thgf="Þórunni Björnsdóttur",
        ef="Þórunnar Björnsdóttur",
        gender="feminine",
    ),
    Name(
        nf="Ásgeir Ögmundsson",
        af="Ásgeir Ögmundsson",
        thgf="Ásgeiri Ögmundssyni",
        ef="Ásgeirs Ögmundssonar",
        gender="masculine",
    ),
    Name(
        nf="Ásdís Eiríksdóttir",
        af="Ásdísi Eiríksdóttur",
        thgf="Ásdísi Eiríksdóttur",
        ef="Ásdísar Eiríksdóttur",
        gender="feminine",
    ),
    Name(
        nf="Davíð Guðmundsson",
        af="Davíð Guðmundsson",
        thgf="Davíð Guðmundssyni",
        ef="Davíðs Guðmundssonar",
        gender="masculine",
    ),
    Name(
        nf="Kristín Ævarsdóttir",
        af="Kristínu Ævarsdóttur",
        thgf="Kristínu Ævarsdóttur",
        ef="Kristínar Ævarsdóttur",
        gender="feminine",
    ),
)
"""Given names and patronymics are all distinct, so no two speakers share a word."""

# --- words -------------------------------------------------------------------------------

STATEMENTS: tuple[str, ...] = (
    "Við erum mjög ánægð með niðurstöðuna",
    "Þetta var erfiður dagur",
    "Það er mikilvægt að halda áfram",
    "Ég hef aldrei séð annað eins",
    "Staðan er betri en í fyrra",
    "Öryggi fólksins skiptir öllu máli",
    "Þetta kom okkur öllum á óvart",
    "Það þarf að byggja fleiri íbúðir",
    "Veðrið gerði okkur erfitt fyrir",
    "Æfingin skapar meistarann",
)
"""Plain declarative sentences for direct quotes (no final punctuation)."""

NESTED_STATEMENTS: tuple[str, ...] = (
    "Svarið var einfaldlega ‚nei‘ í gær",
    "Hann kallaði þetta ‚mikinn sigur‘ á fundinum",
    "Við fengum bara ‚kannski‘ sem svar",
)
"""Sentences holding a single-quoted ‚…‘ part; only used inside „…“ (nested, not a quote)."""

QUESTIONS: tuple[str, ...] = (
    "Hvað gerist næst",
    "Hvers vegna var þetta ekki gert fyrr",
    "Eigum við að bíða lengur",
    "Hver á að borga fyrir þetta",
)

THAT_CLAUSES: tuple[tuple[str, str], ...] = (
    ("staðan sé góð", "staðan væri góð"),
    ("framkvæmdum ljúki í vor", "framkvæmdum lyki í vor"),
    ("félagið hafi staðið sig vel", "félagið hefði staðið sig vel"),
    ("fundurinn verði haldinn á morgun", "fundurinn yrði haldinn á morgun"),
    ("verðið muni hækka á næstu vikum", "verðið myndi hækka á næstu vikum"),
    ("íbúarnir þurfi að sýna þolinmæði", "íbúarnir þyrftu að sýna þolinmæði"),
    ("skólinn verði opnaður og kennsla hefjist í haust", "skólinn yrði opnaður og kennsla hæfist í haust"),
)
"""Reported ``að`` clauses in the subjunctive: (after a present cue, after a past cue)."""

INFINITIVE_CLAUSES: tuple[str, ...] = (
    "hafa miklar áhyggjur af stöðunni",
    "vilja fá svör sem fyrst",
    "ætla að halda áfram í starfi",
    "hafa rætt við ráðherrann í gær",
    "ekki vita hvað gerist næst",
)
"""Infinitive reports after ``segist``/``sagðist`` (no gender agreement with the speaker)."""

ACCORDING_CLAUSES: tuple[tuple[str, str], ...] = (
    ("er staðan góð", "Staðan er góð"),
    ("hefur ástandið batnað mikið", "Ástandið hefur batnað mikið"),
    ("verður fundurinn haldinn á morgun", "Fundurinn verður haldinn á morgun"),
    ("eru allir íbúarnir heilir á húfi", "Allir íbúarnir eru heilir á húfi"),
)
"""(after a fronted ``Að sögn X``: verb first, as a plain sentence before ``að sögn X``)."""

FILLERS: tuple[str, ...] = (
    "Fundurinn fór fram í Reykjavík í gær.",
    "Mikið hefur verið fjallað um málið undanfarið.",
    "Veðrið var gott um helgina.",
    "Um þrjú hundruð manns sóttu fundinn.",
    "Málið verður tekið fyrir í næstu viku.",
)
"""Sentences with no quote, no cue, no person and no subjunctive."""

VERDICTS: tuple[str, ...] = ("mjög gott", "betra en ég hélt", "ekki nógu gott", "frábært á tónleikum")
"""Predicates of ``„Lagið „T“ er …,“`` (the ``nested`` layout)."""

SONG_TITLES: tuple[str, ...] = ("Vor í borg", "Sumarið er tíminn", "Heim", "Ég veit það")
"""Titles of songs, quoted in the same marks inside a quote (the ``nested`` layout)."""

TITLES: tuple[str, ...] = ("forstjóri félagsins", "formaður stjórnarinnar", "talsmaður samtakanna")

QUOTE_STYLES: tuple[tuple[str, str], ...] = (
    ("„", "“"),
    ("“", "”"),
    ('"', '"'),
    ("»", "«"),
    (",,", "“"),
)
"""(opening mark, closing mark): Icelandic, English, straight, guillemets, two commas."""

PARAGRAPH_BREAKS: tuple[str, ...] = ("\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\u00a0\t\n", "\u2029")
SEGMENT_BREAKS: tuple[str, ...] = (*PARAGRAPH_BREAKS, "\n\u200b\n")
"""Between segments a line holding only a zero-width space is also allowed (an empty paragraph)."""
SENTENCE_BREAKS: tuple[str, ...] = (" ", "  ", "\u00a0")
WHITESPACE: tuple[str, ...] = (" ", "\t", "\n", "\r\n", "\u00a0", "\u2029", "\n\n", "\u3000")
"""White space that may surround an article without changing anything but offsets."""

CUE_VERBS: dict[str, tuple[str, str]] = {
    "segja": ("segir", "sagði"),
    "telja": ("telur", "taldi"),
    "fullyrða": ("fullyrðir", "fullyrti"),
}
"""Cue lemma -> (present, past) 3rd person singular, for ``X sagði að …``."""

_ACUTE = str.maketrans({c: unicodedata.normalize("NFD", c) for c in "áéíóúýÁÉÍÓÚÝ"})


def decompose_acute(text: str) -> str:
    """Write every acute-accented vowel as the vowel plus U+0301 (``á`` -> ``a\\u0301``)."""
    return text.translate(_ACUTE)


# --- plans ---------------------------------------------------------------------------------

DIRECT_LAYOUTS: tuple[str, ...] = (
    "cue_after",
    "cue_before",
    "question",
    "split",
    "add",
    "pronoun",
    "paragraphs",
)
INDIRECT_LAYOUTS: tuple[str, ...] = ("that", "segist", "according_to", "hafa_eftir")
SUPPORTED_LAYOUTS: tuple[str, ...] = (*DIRECT_LAYOUTS, *INDIRECT_LAYOUTS, "filler")
MARK_POLICY_LAYOUTS: tuple[str, ...] = ("across", "unclosed", "nested", "inner_speech")
"""Layouts of the mark policy (the annotation guide's Settled cases): a quote whose closing
mark is in a later paragraph, a quote never closed before its ``, segir X``, and a quote
holding a quote of the same style around a title."""
OBLIQUE_LAYOUTS: tuple[str, ...] = ("intro_af", "intro_thgf")
"""The speaker is introduced in the accusative/dative (``Blaðamaður hitti X-acc``) and quoted
with a pronoun: the canonical name must come out in the nominative."""


@attrs.frozen(kw_only=True)
class SegmentPlan:
    """One stretch of an article in one layout; ``speaker`` indexes the article's cast.

    Layouts (X is the speaker, Q a sentence, C a reported clause):

    * ``cue_after``: ``„Q,“ segir X.`` (``sagði`` in the past), optionally ``X, TITLE.``
    * ``cue_before``: ``X segir: „Q.“``
    * ``question``: ``„Q?“ spurði X.`` (``spyr``)
    * ``split``: ``„Q1,“ sagði X, „q2.“``
    * ``add``: ``„Q1,“ sagði X og bætti við: „Q2.“``
    * ``pronoun``: ``X segir að C.`` (or ``X segist C.``) then ``„Q,“ sagði hann.`` in the same
      or the next paragraph
    * ``paragraphs``: ``„Q1.`` / ``„Q2,“ segir X.`` over 2-3 paragraphs (or ``X segir: „Q1.``
      / ``„Q2.“`` with the cue first)
    * ``that``: ``X segir að C.`` (``telur``, ``fullyrðir``, ``spurði hvort``)
    * ``segist``: ``X segist C.`` (``sagðist``)
    * ``according_to``: ``Að sögn X-gen C.`` or ``C að sögn X-gen.``
    * ``hafa_eftir``: ``Ríkisútvarpið hefur eftir X-dat að C.``
    * ``intro_af`` / ``intro_thgf``: ``Blaðamaður hitti X-acc í gær.`` / ``Blaðamaður náði
      tali af X-dat í gær.`` then ``„Q,“ segir hann.``
    * ``filler``: a sentence with no quote.
    * ``across``: ``„Q1.`` / ``Q2,“ segir X.`` — one quote over 2-3 paragraphs that do not
      re-open it, its text holding the breaks (or ``X segir: „Q1.`` / ``Q2.“``)
    * ``unclosed``: ``„Q, segir X.`` with no closing mark: the quote ends with its comma
    * ``nested``: ``„Lagið „T“ er gott,“ segir X.`` — a title in the same marks inside a
      quote: one quote, the inner marks in its text and not a quote of their own
    * ``inner_speech``: ``„Við biðum og loks sagði Y: „Q.“ Svo fórum við,“ segir X.`` — an
      inner quote with its own cue: a quote of Y's inside X's (Y is the next cast member)
    """

    layout: str
    speaker: int = 0
    tense: Tense = "present"
    style: int = 0
    sentences: tuple[str, ...] = ()
    cue: str = "segja"
    short: bool = False
    title: str | None = None
    cue_first: bool = False
    new_paragraph: bool = False
    para_break: str = "\n"
    nbsp: bool = False
    decompose: bool = False

    @property
    def needs_own_paragraphs(self) -> bool:
        """Whether the segment must start and end a paragraph (a quote over paragraphs)."""
        return self.layout in ("paragraphs", "across", "unclosed")


@attrs.frozen(kw_only=True)
class ArticlePlan:
    """A cast of speakers and the segments that quote them, with the breaks between segments."""

    cast: tuple[Name, ...]
    segments: tuple[SegmentPlan, ...]
    breaks: tuple[str, ...] = ()  # breaks[i] stands before segments[i + 1]

    def renamed(self, index: int, name: Name) -> ArticlePlan:
        """The same article with cast member ``index`` replaced by ``name`` throughout."""
        cast = list(self.cast)
        cast[index] = name
        return attrs.evolve(self, cast=tuple(cast))

    def cues_swapped(self) -> ArticlePlan:
        """The same article with every ``„Q,“ segir X.`` written ``X segir: „Q.“`` and back."""
        swap = {"cue_after": "cue_before", "cue_before": "cue_after"}
        segments = tuple(
            attrs.evolve(s, layout=swap[s.layout], title=None) if s.layout in swap else s
            for s in self.segments
        )
        return attrs.evolve(self, segments=segments)


# --- known answers ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class KnownQuote:
    """A quote the article was built with, offsets into the article's text."""

    kind: Literal["direct", "indirect"]
    start: int
    end: int
    text: str
    speaker: str
    cue: str | None
    speaker_span: tuple[int, int] | None
    outer: tuple[int, int] | None = None
    group: int | None = None
    """The start of the first part, for each part of a quote re-opened in each paragraph."""


@attrs.frozen(kw_only=True)
class KnownArticle:
    """A generated article and everything it is known to contain."""

    text: str
    quotes: tuple[KnownQuote, ...]
    speakers: tuple[str, ...]
    """Canonical names in order of first mention."""
    mentions: dict[str, tuple[tuple[int, int], ...]]
    """Canonical name -> the spans that name the speaker or attribute a quote to them."""
    titles: dict[str, tuple[str, ...]]
    """Canonical name -> titles given in apposition."""
    plan: ArticlePlan

    @property
    def direct(self) -> tuple[KnownQuote, ...]:
        """The known direct quotes, in order."""
        return tuple(q for q in self.quotes if q.kind == "direct")

    @property
    def indirect(self) -> tuple[KnownQuote, ...]:
        """The known indirect quotes, in order."""
        return tuple(q for q in self.quotes if q.kind == "indirect")


class _Writer:
    """Appends pieces of text and records what each piece is, with offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.transform: Callable[[str], str] = str
        self.quotes: list[KnownQuote] = []
        self.mentions: dict[str, list[tuple[int, int]]] = {}
        self.titles: dict[str, list[str]] = {}
        self.introduced: set[str] = set()
        self.cast: tuple[Name, ...] = ()

    def add(self, piece: str) -> tuple[int, int]:
        piece = self.transform(piece)
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return start, self.size

    def mention(self, words: str, name: Name) -> tuple[int, int]:
        span = self.add(words)
        self.mentions.setdefault(name.nf, []).append(span)
        self.introduced.add(name.nf)
        return span

    def direct(
        self,
        opener: str,
        content: str,
        closer: str | None,
        name: Name,
        cue: str | None,
        *,
        mention: Callable[[], tuple[int, int]] | None = None,
    ) -> KnownQuote:
        """Write ``opener content closer``; the mention, if any, is filled in by :meth:`attach`."""
        outer_start = self.size
        self.add(opener)
        start, end = self.add(content)
        if closer is not None:
            self.add(closer)
        quote = KnownQuote(
            kind="direct",
            start=start,
            end=end,
            text=self.text[start:end],
            speaker=name.nf,
            cue=cue,
            speaker_span=None,
            outer=(outer_start, self.size),
        )
        self.quotes.append(quote)
        return quote

    def indirect(self, content: str, name: Name, cue: str, speaker_span: tuple[int, int]) -> None:
        start, end = self.add(content)
        self.quotes.append(
            KnownQuote(
                kind="indirect",
                start=start,
                end=end,
                text=self.text[start:end],
                speaker=name.nf,
                cue=cue,
                speaker_span=speaker_span,
            )
        )

    def attach(self, quote: KnownQuote, span: tuple[int, int]) -> None:
        """Give a quote written before its cue the mention that attributes it."""
        index = self.quotes.index(quote)
        self.quotes[index] = attrs.evolve(quote, speaker_span=span)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _render_segment(w: _Writer, seg: SegmentPlan, name: Name) -> None:
    opener, closer = QUOTE_STYLES[seg.style]
    sp = "\u00a0" if seg.nbsp else " "
    full = name.nf.replace(" ", sp)
    said = {"present": "segir", "past": "sagði"}[seg.tense]
    nominative = name.first if seg.short and name.nf in w.introduced else full
    genitive = name.first_ef if seg.short and name.nf in w.introduced else name.ef.replace(" ", sp)
    s = seg.sentences
    layout = seg.layout
    para_break = seg.para_break

    def after_cue(verb: str) -> tuple[int, int]:
        w.add(f" {verb}{sp}")
        span = w.mention(nominative, name)
        if seg.title is not None:
            w.add(f", {seg.title}")
            w.titles.setdefault(name.nf, []).append(seg.title)
        w.add(".")
        return span

    if layout == "filler":
        w.add(s[0])
    elif layout in ("cue_after", "question"):
        punct, lemma, verb = (
            (",", "segja", said)
            if layout == "cue_after"
            else ("?", "spyrja", {"present": "spyr", "past": "spurði"}[seg.tense])
        )
        q = w.direct(opener, s[0] + punct, closer, name, lemma)
        w.attach(q, after_cue(verb))
    elif layout == "cue_before":
        span = w.mention(nominative, name)
        w.add(f" {said}: ")
        q = w.direct(opener, s[0] + ".", closer, name, "segja")
        w.attach(q, span)
    elif layout == "split":
        q1 = w.direct(opener, s[0] + ",", closer, name, "segja")
        w.add(f" {said}{sp}")
        span = w.mention(nominative, name)
        w.add(", ")
        w.direct(opener, _lower_first(s[1]) + ".", closer, name, None)
        w.attach(q1, span)
    elif layout == "add":
        added = {"present": "bætir", "past": "bætti"}[seg.tense]
        q1 = w.direct(opener, s[0] + ",", closer, name, "segja")
        w.add(f" {said}{sp}")
        span = w.mention(nominative, name)
        w.add(f" og {added} við: ")
        q2 = w.direct(opener, s[1] + ".", closer, name, "bæta við")
        w.attach(q1, span)
        w.attach(q2, span)
    elif layout == "pronoun":
        span = w.mention(nominative, name)
        if seg.cue == "segjast":
            w.add(" segist ")
            w.indirect(s[0], name, "segjast", span)
        else:
            w.add(f" {said} að ")
            w.indirect(s[0], name, "segja", span)
        w.add(".")
        w.add(para_break if seg.new_paragraph else " ")
        q = w.direct(opener, s[1] + ",", closer, name, "segja")
        w.add(f" {said} ")
        pronoun = w.mention(name.pronoun, name)
        w.add(".")
        w.attach(q, pronoun)
    elif layout == "paragraphs":
        if seg.cue_first:
            span = w.mention(nominative, name)
            w.add(f" {said}: ")
        quotes = []
        for n, sentence in enumerate(s):
            last = n + 1 == len(s)
            if n:
                w.add(para_break)
            content = sentence + ("," if last and not seg.cue_first else ".")
            quotes.append(w.direct(opener, content, closer if last else None, name, None))
        if not seg.cue_first:
            span = after_cue(said)
        # every part has the cue and the mention, and the start of the first part as its group
        group = quotes[0].start if len(quotes) > 1 else None
        for part in quotes:
            w.quotes[w.quotes.index(part)] = attrs.evolve(part, cue="segja", speaker_span=span, group=group)
    elif layout == "that":
        if seg.cue == "spyrja":
            verb, word = {"present": "spyr", "past": "spurði"}[seg.tense], "hvort"
        else:
            verb, word = CUE_VERBS[seg.cue][seg.tense == "past"], "að"
        span = w.mention(nominative, name)
        w.add(f" {verb} {word} ")
        w.indirect(s[0], name, seg.cue, span)
        w.add(".")
    elif layout == "segist":
        span = w.mention(nominative, name)
        w.add(" segist " if seg.tense == "present" else " sagðist ")
        w.indirect(s[0], name, "segjast", span)
        w.add(".")
    elif layout == "according_to":
        if seg.cue_first:
            w.add(f"Að sögn{sp}")
            span = w.mention(genitive, name)
            w.add(" ")
            w.indirect(s[0], name, "að sögn", span)
            w.add(".")
        else:
            start = w.size
            w.add(s[0])
            end = w.size
            w.add(f" að sögn{sp}")
            span = w.mention(genitive, name)
            w.add(".")
            text = w.text
            w.quotes.append(
                KnownQuote(
                    kind="indirect",
                    start=start,
                    end=end,
                    text=text[start:end],
                    speaker=name.nf,
                    cue="að sögn",
                    speaker_span=span,
                )
            )
    elif layout == "hafa_eftir":
        w.add("Ríkisútvarpið hefur eftir ")
        span = w.mention(name.thgf.replace(" ", sp), name)
        w.add(" að ")
        w.indirect(s[0], name, "hafa eftir", span)
        w.add(".")
    elif layout in ("intro_af", "intro_thgf"):
        w.add("Blaðamaður hitti " if layout == "intro_af" else "Blaðamaður náði tali af ")
        w.mention((name.af if layout == "intro_af" else name.thgf).replace(" ", sp), name)
        w.add(" í gær. ")
        q = w.direct(opener, s[0] + ",", closer, name, "segja")
        w.add(f" {said} ")
        w.attach(q, w.mention(name.pronoun, name))
        w.add(".")
    elif layout == "across":
        if seg.cue_first:
            span = w.mention(nominative, name)
            w.add(f" {said}: ")
        w.add(opener)
        start = w.size
        for n, sentence in enumerate(s):
            if n:
                w.add(para_break)
            w.add(sentence + ("," if n + 1 == len(s) and not seg.cue_first else "."))
        end = w.size
        w.add(closer)
        if not seg.cue_first:
            span = after_cue(said)
        w.quotes.append(
            KnownQuote(
                kind="direct",
                start=start,
                end=end,
                text=w.text[start:end],
                speaker=name.nf,
                cue="segja",
                speaker_span=span,
                outer=(start - len(opener), end + len(closer)),
            )
        )
    elif layout == "unclosed":
        q = w.direct(opener, s[0] + ",", None, name, "segja")
        w.attach(q, after_cue(said))
    elif layout == "inner_speech":
        other = w.cast[(w.cast.index(name) + 1) % len(w.cast)] if name in w.cast else name
        outer_start = w.size
        w.add(opener)
        start = w.size
        w.add("Við biðum lengi og loks sagði ")
        mention = w.mention(other.nf, other)
        w.add(": ")
        inner = w.direct(opener, s[0] + ".", closer, other, "segja")
        w.attach(inner, mention)
        w.add(" Svo fórum við heim,")
        end = w.size
        w.add(closer)
        outer = KnownQuote(
            kind="direct",
            start=start,
            end=end,
            text=w.text[start:end],
            speaker=name.nf,
            cue="segja",
            speaker_span=None,
            outer=(outer_start, w.size),
        )
        w.quotes.append(outer)
        w.attach(outer, after_cue(said))
    elif layout == "nested":
        q = w.direct(opener, f"Lagið {opener}{s[1]}{closer} er {s[0]},", closer, name, "segja")
        w.attach(q, after_cue(said))
    else:  # pragma: no cover - a plan is built by the strategies below
        raise ValueError(f"unknown layout {layout!r}")


def render(plan: ArticlePlan) -> KnownArticle:
    """Write an article out and return it with its known quotes, speakers and mentions."""
    w = _Writer()
    w.cast = plan.cast
    for n, seg in enumerate(plan.segments):
        if n:
            w.transform = str
            w.add(plan.breaks[n - 1])
        w.transform = decompose_acute if seg.decompose else str
        _render_segment(w, seg, plan.cast[seg.speaker])
    text = w.text
    quotes = sorted(w.quotes, key=lambda q: (q.start, q.kind != "indirect", q.end))
    spoken = {q.speaker for q in quotes}
    first = {name: min(spans) for name, spans in w.mentions.items() if name in spoken}
    for q in quotes:
        assert text[q.start : q.end] == q.text, (q, text)
    return KnownArticle(
        text=text,
        quotes=tuple(quotes),
        speakers=tuple(sorted(first, key=first.__getitem__)),
        mentions={k: tuple(v) for k, v in w.mentions.items() if k in spoken},
        titles={k: tuple(v) for k, v in w.titles.items()},
        plan=plan,
    )


# --- strategies ------------------------------------------------------------------------


@st.composite
def segment_plans(
    draw: st.DrawFn,
    layouts: Sequence[str] = SUPPORTED_LAYOUTS,
    cast_size: int = 1,
    accents: Accents = "precomposed",
    given_names: bool = True,
) -> SegmentPlan:
    """One segment in one of ``layouts``, quoting a member of a cast of ``cast_size``."""
    layout = draw(st.sampled_from(tuple(layouts)))
    style = draw(st.integers(0, len(QUOTE_STYLES) - 1))
    nestable = QUOTE_STYLES[style][0] in ("„", ",,")
    statement = st.sampled_from(STATEMENTS + (NESTED_STATEMENTS if nestable else ()))
    tense: Tense = draw(st.sampled_from(("present", "past")))
    common = {
        "layout": layout,
        "speaker": draw(st.integers(0, cast_size - 1)),
        "tense": tense,
        "style": style,
        "short": draw(st.booleans()) if given_names else False,
        "nbsp": draw(st.booleans()),
        "decompose": draw(st.booleans()) if accents == "mixed" else accents == "decomposed",
        "para_break": draw(st.sampled_from(PARAGRAPH_BREAKS)),
    }
    past = tense == "past"
    if layout == "filler":
        return SegmentPlan(**common, sentences=(draw(st.sampled_from(FILLERS)),))
    if layout in ("cue_after", "cue_before"):
        title = draw(st.none() | st.sampled_from(TITLES)) if layout == "cue_after" else None
        return SegmentPlan(**common, sentences=(draw(statement),), title=title)
    if layout == "question":
        return SegmentPlan(**common, sentences=(draw(st.sampled_from(QUESTIONS)),))
    if layout in ("split", "add"):
        return SegmentPlan(**common, sentences=(draw(statement), draw(st.sampled_from(STATEMENTS))))
    if layout == "pronoun":
        cue = draw(st.sampled_from(("segja", "segjast")))
        clause = (
            draw(st.sampled_from(INFINITIVE_CLAUSES))
            if cue == "segjast"
            else draw(st.sampled_from(THAT_CLAUSES))[past]
        )
        return SegmentPlan(
            **common, cue=cue, sentences=(clause, draw(statement)), new_paragraph=draw(st.booleans())
        )
    if layout == "paragraphs":
        sentences = tuple(draw(st.lists(statement, min_size=2, max_size=3)))
        return SegmentPlan(**common, sentences=sentences, cue_first=draw(st.booleans()))
    if layout == "that":
        cue = draw(st.sampled_from((*CUE_VERBS, "spyrja")))
        return SegmentPlan(**common, cue=cue, sentences=(draw(st.sampled_from(THAT_CLAUSES))[past],))
    if layout == "segist":
        return SegmentPlan(**common, cue="segjast", sentences=(draw(st.sampled_from(INFINITIVE_CLAUSES)),))
    if layout == "according_to":
        cue_first = draw(st.booleans())
        clause = draw(st.sampled_from(ACCORDING_CLAUSES))[0 if cue_first else 1]
        return SegmentPlan(**common, cue="að sögn", cue_first=cue_first, sentences=(clause,))
    if layout == "hafa_eftir":
        return SegmentPlan(**common, cue="hafa eftir", sentences=(draw(st.sampled_from(THAT_CLAUSES))[0],))
    if layout in OBLIQUE_LAYOUTS:
        return SegmentPlan(**common, sentences=(draw(statement),))
    if layout == "across":
        sentences = tuple(draw(st.lists(st.sampled_from(STATEMENTS), min_size=2, max_size=3)))
        return SegmentPlan(**common, sentences=sentences, cue_first=draw(st.booleans()))
    if layout == "unclosed":
        return SegmentPlan(**common, sentences=(draw(st.sampled_from(STATEMENTS)),))
    if layout == "inner_speech":
        common["style"] = 0  # the Icelandic marks, nested in themselves
        return SegmentPlan(**common, sentences=(draw(st.sampled_from(STATEMENTS)),))
    if layout == "nested":
        if QUOTE_STYLES[style][0] == "»":
            common["style"] = 0  # a guillemet closes any open guillemet: they do not nest in themselves
        return SegmentPlan(
            **common, sentences=(draw(st.sampled_from(VERDICTS)), draw(st.sampled_from(SONG_TITLES)))
        )
    raise ValueError(f"unknown layout {layout!r}")  # pragma: no cover


@st.composite
def article_plans(
    draw: st.DrawFn,
    layouts: Sequence[str] = SUPPORTED_LAYOUTS,
    *,
    min_segments: int = 1,
    max_segments: int = 5,
    max_cast: int = 3,
    accents: Accents = "precomposed",
    given_names: bool = True,
) -> ArticlePlan:
    """An article of ``min_segments`` to ``max_segments`` segments by up to ``max_cast`` speakers."""
    cast = tuple(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=max_cast, unique=True)))
    segments = tuple(
        draw(
            st.lists(
                segment_plans(layouts, cast_size=len(cast), accents=accents, given_names=given_names),
                min_size=min_segments,
                max_size=max_segments,
            )
        )
    )
    breaks: list[str] = []
    for before, after in itertools.pairwise(segments):
        own = before.needs_own_paragraphs or after.needs_own_paragraphs
        choices = SEGMENT_BREAKS if own else SEGMENT_BREAKS + SENTENCE_BREAKS
        breaks.append(draw(st.sampled_from(choices)))
    return ArticlePlan(cast=cast, segments=segments, breaks=tuple(breaks))


def articles(
    layouts: Sequence[str] = SUPPORTED_LAYOUTS,
    *,
    min_segments: int = 1,
    max_segments: int = 5,
    max_cast: int = 3,
    accents: Accents = "precomposed",
    given_names: bool = True,
) -> st.SearchStrategy[KnownArticle]:
    """Generated articles with known quotes (see :func:`article_plans` for the options)."""
    plans = article_plans(
        layouts,
        min_segments=min_segments,
        max_segments=max_segments,
        max_cast=max_cast,
        accents=accents,
        given_names=given_names,
    )
    return plans.map(render)


def unused_names(cast: Sequence[Name]) -> st.SearchStrategy[Name]:
    """A name from the table that is not in ``cast``."""
    return st.sampled_from([n for n in NAMES if n not in cast])


whitespace = st.lists(st.sampled_from(WHITESPACE), min_size=1, max_size=4).map("".join)
"""A non-empty run of white space (NBSP, CRLF, U+2029 and U+3000 included)."""

_MESSY_ALPHABET = (
    "abðeéfghiíjklmnoóprstuúvxyýþæöÁÐÉÍÓÚÝÞÆÖ"
    "„“”\"»«‚‘’',.:;?!-–—()[]…"
    " \n\r\t\u00a0\u200b\u2028\u2029\u0301\u00ad"
)
messy_text = st.one_of(
    st.text(),
    st.text(alphabet=_MESSY_ALPHABET, max_size=200),
    st.lists(
        st.sampled_from(
            [*STATEMENTS, *FILLERS, "„", "“", '"', "»", "«", "‚", "‘", ",", ".", ":", " segir ", " sagði "]
            + [n.nf for n in NAMES[:3]]
            + ["\n", " ", "\u00a0", "að ", "Að sögn "]
        ),
        max_size=30,
    ).map("".join),
)
"""Text that need not be an article: anything, Icelandic letters and marks, shuffled pieces."""


# --- model objects built by hand (no engine) -------------------------------------------


@st.composite
def spans(draw: st.DrawFn, size: int = 100) -> Span:
    """A valid span of a text of ``size`` characters."""
    start = draw(st.integers(0, size))
    return Span(start=start, end=draw(st.integers(start, size)))


@st.composite
def model_articles(draw: st.DrawFn) -> Article:
    """A valid Article assembled directly from its parts: every invariant holds by construction."""
    text = draw(st.text(alphabet=_MESSY_ALPHABET, min_size=0, max_size=120))
    size = len(text)
    cut = sorted(draw(st.lists(st.integers(0, size), max_size=8)))
    paragraphs = tuple(Span(start=a, end=b) for a, b in itertools.pairwise(cut))
    people = draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))
    speakers = tuple(
        Speaker(
            name=name.nf,
            kind=draw(st.sampled_from(("person", "organization", "description"))),
            gender=draw(st.sampled_from((None, "masculine", "feminine", "neuter"))),
            titles=tuple(draw(st.lists(st.sampled_from(TITLES), max_size=2))),
            mentions=tuple(sorted(draw(st.lists(spans(size), max_size=3)))),
        )
        for name in people
    )
    quotes: list[Quote] = []
    for span in sorted(draw(st.lists(spans(size), max_size=5))):
        kind = draw(st.sampled_from(("direct", "indirect")))
        outer = None
        if kind == "direct":
            outer = Span(start=draw(st.integers(0, span.start)), end=draw(st.integers(span.end, size)))
        quotes.append(
            Quote(
                kind=kind,
                span=span,
                text=span.slice(text),
                outer=outer,
                speaker=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
                speaker_span=draw(st.none() | spans(size)),
                cue=draw(st.none() | st.sampled_from(("segja", "bæta við", "að sögn"))),
                cue_span=draw(st.none() | spans(size)),
                confidence=draw(st.floats(0.0, 1.0)),
                rule=draw(st.sampled_from(("", "direct.cue_after", "indirect.that_clause"))),
            )
        )
    optional = st.none() | st.text(max_size=20)
    return Article(
        text=text,
        title=draw(optional),
        url=draw(optional),
        author=draw(optional),
        published=draw(optional),
        outlet=draw(optional),
        paragraphs=paragraphs,
        sentences=paragraphs,
        quotes=tuple(quotes),
        speakers=speakers,
    )
