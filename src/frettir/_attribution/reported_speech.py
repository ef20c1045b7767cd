"""Reported speech: a clause under a cue, ``Helga segir að …``, ``segist ætla …``.

The ``reported`` stage: every cue that no direct quote used, in text order, is read for the
clause it governs (:func:`find_report`: an ``að``/``hvort`` clause or an infinitive report);
the rules below then say whose report it is. A cue the report uses is used up.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from frettir._attribution.claims import Claim
from frettir._attribution.context import Context
from frettir._attribution.cue_sites import (
    EXPERIENCER_CUES,
    CueSite,
    journalist_question,
    new_sentence_after_quote,
    parsed_subject,
)
from frettir._attribution.document import Doc, clause_end, clause_start, content_span
from frettir._attribution.documents import context_source, impersonal_source
from frettir._attribution.mentions import entity_for
from frettir._attribution.registry import rule, rule_confidence
from frettir._attribution.words import ACI_STOP, CLOSERS, NOT_COMPLEMENT
from frettir._cues import (
    AUXILIARIES,
    CONNECTIVES,
    INFINITIVE_CLAUSE,
    QUOTE_ONLY,
    REQUEST_CUES,
    finite,
    indicative_only,
    interrogative,
    nominal_here,
    nominative_adjective,
    noun_after_determiner,
    strong_finite,
    subjunctive_only,
    third_person_possible,
)
from frettir._greynir import Token
from frettir._speakers import Entity, read_np

__all__ = [
    "Report",
    "bare_clause",
    "experiencer",
    "find_report",
    "governs_clause",
    "infinitive",
    "infinitive_impersonal",
    "passive",
    "question",
    "request",
    "that_clause",
    "that_clause_impersonal",
]


@attrs.frozen
class Report:
    """The clause a cue governs: tokens ``[start, end)``, their character ``span``.

    ``site`` is the cue site, with the subject Greynir's parse found if the token rules
    found none (then ``site.parsed``); ``that`` says whether ``að``/``hvort`` opened it;
    ``before`` that it stands before its cue (``…, segir í tilkynningu``); ``small`` that it
    is a small clause with no verb (``segir málið óvenjulegt``); ``bare`` that it is a
    clause in the subjunctive with no *að* (``fullyrti RÚV hafi …``).
    """

    site: CueSite
    start: int
    end: int
    span: tuple[int, int]
    that: bool
    before: bool = False
    small: bool = False
    bare: bool = False


def find_report(ctx: Context, site: CueSite) -> Report | None:
    """The reported clause under ``site``, or ``None`` when it reports nothing."""
    doc = ctx.doc
    if journalist_question(site, doc) or _after_closing_mark(doc, site):
        return None
    if site.cue.lemma in QUOTE_ONLY:
        return None  # "heldur áfram að vinna": a cue of direct quotes only
    if site.passive and site.cue.lemma == "spyrja":
        return None  # "þegar hann var spurður hvort …": a journalist's question, not a quote
    _, b = doc.units[site.unit]
    start = _complement(doc, site, b)
    if start is None:
        return _report_before(ctx, site)
    if site.subject is None and not site.passive:
        # only now, with a report to attribute, is the parser worth its time
        subject = parsed_subject(doc, site.cue, doc.units[site.unit])
        if subject is not None:
            site = attrs.evolve(site, subject=subject, entity=entity_for(doc, subject), parsed=True)
    if site.subject is None and site.cue.lemma in INFINITIVE_CLAUSE:
        return None  # a request with no one making it: the context cannot tell who asked
    end = clause_end(doc, start, b)
    later = [
        t.cue.index
        for t in ctx.cues.in_unit(site.unit)
        if start < t.cue.index < end
        and t.subject is not None
        and t.subject.start > t.cue.start  # "… svaraði hann": an inverted new main clause
    ]
    if later:
        end = min(later)  # "… hvort X myndi gefa eftir svaraði hann": the next cue ends it
    span = content_span(doc, start, end)
    if span is None:
        return None
    that = doc.tokens[start - 1].low in ("að", "hvort")
    if doc.tokens[start - 1].low == "hvort" and _negated(doc, site, start - 1):
        return None  # "gat ekki svarað til um hvort …": no answer, nothing reported
    bare = not that and _bare_clause(doc, start, b) == start
    small = (
        not that
        and not bare
        and not site.cue.middle
        and (
            (_small_clause(doc, start, b, _theme_case(site)) and not _has_infinitive(doc, start, b))
            or _extraposed(doc, start, b)
        )
    )
    return Report(site, start, end, span, that, small=small, bare=bare)


_AS_PHRASE = ("að", "því", "er")
"""``…, að því er X sagði``: the phrase that puts a cue after its report."""


def _report_before(ctx: Context, site: CueSite) -> Report | None:
    """A clause before its cue: ``…, segir í tilkynningu``, ``…, segir Jón``, ``…, að því er X sagði``.

    The cue ends its sentence (nothing after it but its subject or the document it names), it
    is inverted or has no subject (so it is no new main clause of its own), and before it
    stands a clause of its own — a finite verb, no quotation marks (those are direct quotes)
    and no other cue.
    """
    doc = ctx.doc
    tokens = doc.tokens
    a, b = doc.units[site.unit]
    i = site.cue.index
    if site.passive or site.cue.middle or i == a or not strong_finite(tokens[i]):
        return None  # "Þetta vildi hann ekki útskýra": a verb after its auxiliary ends nothing
    if not any("-3P-" in m.tags for m in tokens[i].meanings if m.cat == "so"):
        return None  # "…, fyrr en við viðurkennum mikilvægi …": a cue after its report is in the third person
    if site.cue.lemma in REQUEST_CUES:
        return None  # a request names whom it asks and what: "skoraði á X að …", never "…, skoraði X"
    end = i
    phrase = len(_AS_PHRASE)
    at = next(
        (
            j
            for j in range(i - 1, max(a, i - 6) - 1, -1)
            if tuple(t.low for t in tokens[j : j + phrase]) == _AS_PHRASE
        ),
        None,
    )
    if at is not None:
        end = at  # "…, að því er lögreglan sagði"
        if site.subject is None:
            subject = read_np(tokens, at + phrase, i)
            if subject is not None:
                site = attrs.evolve(site, subject=subject, entity=entity_for(doc, subject))
    elif site.subject is not None and site.subject.start < tokens[i].start:
        return None  # "Jón segir.": a subject before the verb makes its own clause
    elif site.cue.lemma != "segja" and tokens[i - 1].text not in (",", "–", "—", "-"):
        return None  # a parenthetical cue stands after a comma; only "segir" also goes without
    rest = max(i + 1, site.after_subject)
    stop = b if site.subject is None else _speaker_clause_end(tokens, rest, b)
    if any(_goes_on(tokens, x, rest, b) for x in range(rest, stop)):
        return None  # the cue goes on: it governs something after it
    if any(doc.inside[x] >= 0 for x in range(a, end)) or any(
        s.cue.index < i for s in ctx.cues.in_unit(site.unit)
    ):
        return None
    if not any(
        strong_finite(t) or _plural_verb_after_subject(tokens, x, a) for x, t in enumerate(tokens[a:end], a)
    ):
        return None
    span = content_span(doc, a, end)
    if span is None:
        return None
    return Report(site, a, end, span, that=False, before=True)


def _plural_verb_after_subject(tokens: Sequence[Token], x: int, a: int) -> bool:
    """A present plural verb right after a nominative plural: *Vextir lækka*, *Vextir munu lækka*.

    A present plural looks like an infinitive (so :func:`strong_finite` leaves it out); after
    a noun or pronoun that can be a nominative plural it is the finite verb agreeing with it.
    """
    if x <= a or not any(
        m.cat == "so" and "-FH-" in m.tags and "3P-FT" in m.tags for m in tokens[x].meanings
    ):
        return False
    return any(
        m.cat in ("kk", "kvk", "hk", "pfn") and m.tags.startswith("NF") and "FT" in m.tags
        for m in tokens[x - 1].meanings
    )


_AFTER_SPEAKER = frozenset({"sem", "og", "en", "enda", "eða"})
"""Words after a final cue and its speaker that start a clause of the speaker's own: a
relative clause on the speaker (*segir Tryggvi sem skoraði tvö mörk*), a second verb of the
same subject (*segir hún og hlær*, *segir Jón og bendir á að …*) or a new clause (*segir
Ólöf en hún kemur sjálf úr …*). What follows them is not governed by the cue."""


def _speaker_clause_end(tokens: Sequence[Token], start: int, b: int) -> int:
    """Where the words the final cue may govern end: at the first of :data:`_AFTER_SPEAKER`.

    Only after a speaker the rules read: with none, *og líkir …* may have the subject.
    """
    return next((x for x in range(start, b) if tokens[x].low in _AFTER_SPEAKER), b)


def _goes_on(tokens: Sequence[Token], x: int, start: int, b: int) -> bool:
    """Whether token ``x`` after a cue and its subject starts a clause the cue governs.

    *að* or *hvort*, or a finite verb, do, but not *að* as a preposition before a noun that
    can only be oblique (*segir Guðmundur að lokum*), nor a preposition (*á*, also "owns"),
    nor a word that is nominal where it stands (*sagði hann á fundi í gær*).
    """
    token = tokens[x]
    if token.low == "hvort":
        return True
    if token.low == "að":
        return not (x + 1 < b and _prepositional_object(tokens, x + 1, b))
    return _clause_verb(tokens, x, start)


def _clause_verb(tokens: Sequence[Token], x: int, start: int) -> bool:
    """A finite verb of news prose where it stands: third person, no preposition, not nominal there."""
    return (
        third_person_possible(tokens, x)
        and not any(m.cat == "fs" for m in tokens[x].meanings)  # "á", "við": prepositions first
        and not (x > start and nominal_here(tokens, x, start))
    )


def _prepositional_object(tokens: Sequence[Token], x: int, b: int) -> bool:
    """Whether the word after *að* is the object of the preposition *að* (*að lokum*).

    A noun with oblique readings only, no infinitive and no finite verb of news prose
    (*lokum* is also "we close"), with no clause verb after it.
    """
    token = tokens[x]
    nominal = [m for m in token.meanings if m.cat in ("kk", "kvk", "hk")]
    return (
        bool(nominal)
        and not any(m.tags.startswith("NF") for m in nominal)
        and not any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings)
        and not third_person_possible(tokens, x)
        and not any(_clause_verb(tokens, y, x + 1) for y in range(x + 1, b))
    )


def _claim(ctx: Context, report: Report, rule_name: str, entity: Entity | None) -> Claim:
    site = report.site
    name = rule_name + "+parse" if site.parsed else rule_name
    return Claim(
        "indirect",
        report.span[0],
        report.span[1],
        entity=entity,
        speaker_span=None if site.subject is None else (site.subject.start, site.subject.end),
        cue=site.cue.lemma,
        cue_span=(site.cue.start, site.cue.end),
        confidence=rule_confidence(name),
        rule=name,
        para=ctx.doc.para_of[site.cue.index],
        site=site.cue.index,
    )


@rule("indirect.before_cue", 0.6, stage="reported")
def before_cue(ctx: Context, report: Report) -> Claim | None:
    """A report before its cue, which ends the sentence.

    *…, segir í tilkynningu lögreglu*, *… segir Jón*, *…, að því er X sagði*. With no subject,
    the speaker is found as for ``direct.cue_after_impersonal``.

    >>> show("Maðurinn skaut í átt að lögreglu, segir í tilkynningu frá Lögreglustjóranum.")
    indirect.before_cue | Lögreglustjórinn | segja | Maðurinn skaut í átt að lögreglu
    """
    if not report.before:
        return None
    site = report.site
    entity = (
        site.entity
        if site.subject is not None
        else impersonal_source(ctx, site, floor=site.cue.index)
        or context_source(ctx, site, after_report=True)
    )
    return _claim(ctx, report, "indirect.before_cue", entity)


@rule("indirect.passive", 0.6, stage="reported")
def passive(ctx: Context, report: Report) -> Claim | None:
    """A passive report, *Það er talið að …*: no speaker, unless a source is named.

    *Í tilkynningu frá lögreglunni var sagt að …* names the body the document is from. A
    subject raised out of its infinitive (*Hann var sagður hafa …*) is part of the report:
    the text is the clause from its subject.

    >>> show("Það er talið að tjónið nemi milljónum króna.")
    indirect.passive | None | telja | tjónið nemi milljónum króna
    >>> show("Í tilkynningu frá Veðurstofu Íslands var sagt að ölduhæð yrði mikil.")
    indirect.passive | Veðurstofa Íslands | segja | ölduhæð yrði mikil
    >>> show("Maðurinn var sagður hafa ekið of hratt.")
    indirect.passive | None | segja | Maðurinn var sagður hafa ekið of hratt
    """
    if not report.site.passive:
        return None
    entity = report.site.entity or impersonal_source(ctx, report.site, report.start)
    if not report.that and not report.site.cue.middle:
        report = _with_raised_subject(ctx, report)
    return _claim(ctx, report, "indirect.passive", entity)


def _with_raised_subject(ctx: Context, report: Report) -> Report:
    """The report of *X var sagður hafa …* from its clause's start (ANNOTATION.md's gold)."""
    doc = ctx.doc
    a, _ = doc.units[report.site.unit]
    start = _relative_start(doc, clause_start(doc, a, report.site.cue.index), report.site.cue.index)
    span = content_span(doc, start, report.end)
    if span is None or start >= report.site.cue.index:
        return report
    return attrs.evolve(report, start=start, span=span)


def _relative_start(doc: Doc, start: int, i: int) -> int:
    """Where a passive's clause starts when it is a relative clause (*í leik sem var talinn …*).

    After the last *sem* before the participle at ``i``, when no finite verb but an
    auxiliary stands between them: the passive is the relative clause's own, and its subject
    the relative pronoun. A relative clause inside the subject has its own verb (*Hreindýrin
    sem lifa hér eru talin …*): then the clause starts at ``start``.
    """
    tokens = doc.tokens
    rel = next((j for j in range(i - 1, start - 1, -1) if tokens[j].low == "sem" and doc.inside[j] < 0), None)
    if rel is None:
        return start
    for y in range(rel + 1, i):
        token = tokens[y]
        if any(m.cat == "so" and m.lemma in AUXILIARIES for m in token.meanings):
            continue
        if (
            finite(token)
            and third_person_possible(tokens, y)
            and (y == rel + 1 or not nominal_here(tokens, y, rel + 1))  # "sem starfar": a verb after "sem"
        ):
            return start
    return rel + 1


@rule("indirect.request", 0.7, stage="reported")
def request(ctx: Context, report: Report) -> Claim | None:
    """A request, demand, proposal, threat or protest: the clause after *að*, often an infinitive.

    The one asked may stand between the verb and *að* (*hvatti ökumenn til að …*, *bað hana
    um að …*, *skoraði á ráðherra að …*, *hótaði því að …*); the annotation guide counts these
    as reported speech (Settled cases), with the verb's lemma as the cue.

    >>> show("Lögreglan á Suðurlandi hvatti ökumenn til að fara varlega í hálkunni.")
    indirect.request | Lögreglan á Suðurlandi | hvetja | fara varlega í hálkunni
    """
    site = report.site
    if site.passive or site.subject is None or not report.that or site.cue.lemma not in REQUEST_CUES:
        return None
    return _claim(ctx, report, "indirect.request", site.entity)


@rule("indirect.question", 0.75, stage="reported")
def question(ctx: Context, report: Report) -> Claim | None:
    """A reported question under *spyrja*: after *hvort*, or from its interrogative phrase.

    *spurði hvort …*, *spurði hvers vegna …*, *spurði ráðherrann á hvaða grundvelli …*: the
    question someone asked (a journalist's question in running text is none, ANNOTATION.md).

    >>> show("Anna Sigurðardóttir spurði ráðherrann hvers vegna ekkert hefði verið gert.")
    indirect.question | Anna Sigurðardóttir | spyrja | hvers vegna ekkert hefði verið gert
    """
    site = report.site
    if site.passive or site.subject is None or site.cue.lemma != "spyrja" or report.before:
        return None
    return _claim(ctx, report, "indirect.question", site.entity)


@rule("indirect.experiencer", 0.4, stage="reported")
def experiencer(ctx: Context, report: Report) -> Claim | None:
    """A thought whose thinker is a dative experiencer: *Jóni finnst að …*, *fannst henni liðið …*.

    The verbs BÍN gives an impersonal reading with a dative subject (*finnast*, *þykja*,
    *sýnast*), with that dative beside the verb; the clause after *að*, an infinitive
    report or a small clause whose noun phrase is nominative (*þótti honum leikurinn góður*).

    >>> show("Guðrún Jónsdóttir var ósátt. Henni fannst dómarinn hafa dæmt leikinn illa.")
    indirect.experiencer | Guðrún Jónsdóttir | finnast | dómarinn hafa dæmt leikinn illa
    """
    site = report.site
    if site.passive or site.subject is None or site.cue.lemma not in EXPERIENCER_CUES:
        return None
    return _claim(ctx, report, "indirect.experiencer", site.entity)


@rule("indirect.that_clause", 0.85, stage="reported")
def that_clause(ctx: Context, report: Report) -> Claim | None:
    """A clause after *að* or *hvort* under a cue with a subject.

    The quote is the clause, from the word after *að* to before the sentence's end, or to
    where *og*/*en* start a new main clause.

    >>> show("Helga Björnsdóttir segir að bakaríið opni aftur á mánudag.")
    indirect.that_clause | Helga Björnsdóttir | segja | bakaríið opni aftur á mánudag
    """
    if report.site.passive or report.site.subject is None or not report.that:
        return None
    return _claim(ctx, report, "indirect.that_clause", report.site.entity)


@rule("indirect.bare_clause", 0.7, stage="reported")
def bare_clause(ctx: Context, report: Report) -> Claim | None:
    """A reported clause with no *að*: its subject, then a verb in the subjunctive.

    *Samherji fullyrti meðal annars RÚV hafi ranglega haldið því fram …*: the complementizer
    dropped, the reportive subjunctive says the clause is reported.

    >>> show("Björn Björnsson fullyrti meðal annars bærinn hefði aldrei greitt reikninginn.")
    indirect.bare_clause | Björn Björnsson | fullyrða | bærinn hefði aldrei greitt reikninginn
    """
    if report.site.passive or report.site.subject is None or not report.bare:
        return None
    return _claim(ctx, report, "indirect.bare_clause", report.site.entity)


@rule("indirect.small_clause", 0.7, stage="reported")
def small_clause(ctx: Context, report: Report) -> Claim | None:
    """A small clause under a cue with a subject: the report starts at its noun phrase.

    *Yfirlögregluþjónninn segir málið óvenjulegt* (ANNOTATION.md, Settled cases).

    >>> show("Björn Björnsson yfirlögregluþjónn segir málið óvenjulegt.")
    indirect.small_clause | Björn Björnsson | segja | málið óvenjulegt
    >>> show("Jón Jónsson telur það líklegt að vegurinn opni í vikunni.")
    indirect.small_clause | Jón Jónsson | telja | það líklegt að vegurinn opni í vikunni
    """
    if report.site.passive or report.site.subject is None or not report.small:
        return None
    return _claim(ctx, report, "indirect.small_clause", report.site.entity)


@rule("indirect.infinitive", 0.8, stage="reported")
def infinitive(ctx: Context, report: Report) -> Claim | None:
    """An infinitive report: *Helga segist ætla að opna*, *Lögreglan telur manninn hafa ekið*.

    >>> show("Helga Björnsdóttir segist ætla að opna aftur á mánudag.")
    indirect.infinitive | Helga Björnsdóttir | segjast | ætla að opna aftur á mánudag
    """
    if report.site.passive or report.site.subject is None or report.that:
        return None
    return _claim(ctx, report, "indirect.infinitive", report.site.entity)


@rule("indirect.that_clause_impersonal", 0.7, stage="reported")
def that_clause_impersonal(ctx: Context, report: Report) -> Claim | None:
    """A that-clause under a cue with no subject: *Segir í tilkynningu frá Veðurstofunni að …*.

    The speaker is found as for ``direct.cue_after_impersonal``.

    >>> show("Segir í tilkynningu frá Veðurstofu Íslands að ölduhæð verði allt að átta metrar.")
    indirect.that_clause_impersonal | Veðurstofa Íslands | segja | ölduhæð verði allt að átta metrar
    """
    site = report.site
    if site.passive or site.subject is not None or not report.that:
        return None
    entity = impersonal_source(ctx, site, report.start) or context_source(ctx, site)
    return _claim(ctx, report, "indirect.that_clause_impersonal", entity)


@rule("indirect.infinitive_impersonal", 0.65, stage="reported")
def infinitive_impersonal(ctx: Context, report: Report) -> Claim | None:
    """An infinitive report with no subject found.

    >>> show("Á fundinum var rætt um nýjan skóla. Segist ætla að opna aftur á mánudag.")
    indirect.infinitive_impersonal | None | segjast | ætla að opna aftur á mánudag
    """
    site = report.site
    if site.passive or site.subject is not None or report.that:
        return None
    entity = impersonal_source(ctx, site, report.start) or context_source(ctx, site)
    return _claim(ctx, report, "indirect.infinitive_impersonal", entity)


def _after_closing_mark(doc: Doc, site: CueSite) -> bool:
    """``…,“ segir hún``: a cue right after a closing mark attributes a quote, reports nothing."""
    k = site.cue.index - 1
    tokens = doc.tokens
    if new_sentence_after_quote(doc, site.cue.index):
        return False
    while k >= 0 and tokens[k].text in (",", "–", "-"):
        k -= 1
    return k >= 0 and tokens[k].kind == "punct" and tokens[k].text in CLOSERS


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


_NEGATION = frozenset({"ekki", "aldrei", "enn", "ekkert", "hvorki"})
"""Negation and polarity adverbs: they scope over the infinitive after them, so a report
that starts at the infinitive starts with them (*sagðist … ekki ætla*)."""


def _middle_report_start(doc: Doc, k: int, b: int) -> int:
    """Where the infinitive report of a middle cue starts (*segist ætla*, *sagðist ekki vita*).

    A connective adverb and a prepositional phrase between the cue and the infinitive are
    the cue's (*sagðist jafnframt vera*, *sagðist í samtali við RÚV vera sátt*), as the gold
    annotation has them; a negation before the infinitive stays with the report (:data:`_NEGATION`).
    """
    tokens = doc.tokens
    x = k
    while x + 1 < b and tokens[x].low in CONNECTIVES:
        x += 1
    if tokens[x].low == "að" or not any(m.cat == "fs" for m in tokens[x].meanings):
        return x
    for y in range(x + 1, min(b, x + 8)):
        token = tokens[y]
        if token.kind == "punct" or doc.inside[y] >= 0:
            break
        if y > x + 1 and _infinitive_reading(token):
            z = y
            while z - 1 > x and tokens[z - 1].low in _NEGATION:
                z -= 1  # "í samtali við Vísi í gær ekki ætla": the negation is the report's
            return z
    return x


def _complement(doc: Doc, site: CueSite, b: int) -> int | None:
    """Token index where the reported clause starts, or ``None``."""
    tokens = doc.tokens
    i = site.cue.index
    k = max(i + 1, site.after_subject)
    if k >= b:
        return None
    if tokens[k].text == ":" or (doc.inside[k] >= 0 and k == i + 1):
        return None
    if site.cue.middle:
        return _middle_report_start(doc, k, b)
    bare = None if site.cue.lemma in REQUEST_CUES else _bare_clause(doc, k, b)
    if bare is not None:
        return bare  # "fullyrti meðal annars RÚV hafi …": a clause with no "að"
    if site.cue.lemma in ACI_CUES and _extraposed(doc, k, b):
        return k  # "sagði það algerlega rangt að …": the small clause with its "að" clause (Settled cases)
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
        if site.cue.lemma == "spyrja" and doc.inside[x] < 0 and interrogative(token):
            # "spurði hvers vegna …", "spurði hann á hvaða grundvelli …": the question, from its wh-phrase
            start = x - 1 if x > k and any(m.cat == "fs" for m in tokens[x - 1].meanings) else x
            if not parenthetical or tokens[start - 1].low == "og":
                return start  # "spurði út í matið, sem …, og á hvaða grundvelli …": a second object
            continue
        if (
            low == "að"
            and x > k
            and tokens[x - 1].low in _TEMPORAL_BEFORE_AÐ
            and tokens[x - 1].low not in site.cue.lemma.split()  # "óskaði eftir að": the particle
        ):
            parenthetical = True  # "eftir að liðið vann": a clause of time, not what was said
            continue
        if low in ("að", "hvort") and doc.inside[x] < 0:
            nxt = x + 1
            while nxt < b and tokens[nxt].low == "að":
                nxt += 1
            if nxt >= b:
                return None
            follower = tokens[nxt]
            if follower.low in NOT_COMPLEMENT or (
                low == "að" and _oblique_noun(follower) and not any(finite(t) for t in tokens[nxt + 1 : b])
            ):
                continue  # "að loknum fundi", "kallað út að íbúðarhúsi": a preposition, no clause
            fronted = any(subjunctive_only(t) for t in tokens[nxt + 1 : min(b, nxt + 3)])
            verbless = low == "að" and not _has_clause_verb(doc, nxt, b)
            if verbless and not _infinitive_reading(follower):
                continue  # "tekið skóna fram að nýju", "öskraði að honum": a preposition, no clause
            if low == "að" and (
                (x > 0 and tokens[x - 1].low == "til")
                or (_infinitive(follower) and not fronted)
                or verbless  # "segir kona sem á að eiga barn": an infinitive, no finite verb of a clause
            ):
                if site.cue.lemma in INFINITIVE_CLAUSE:
                    return nxt  # "skoraði á hann að hætta": a request's clause may be an infinitive
                if _perfect_infinitive(doc, nxt, b):
                    return nxt  # "neitaði að hafa verið þar": a claim about the past, not a refusal
                break
            return nxt
        if (
            not parenthetical
            and doc.inside[x] < 0
            and strong_finite(token)
            and indicative_only(token)
            and not noun_after_determiner(tokens, x)  # "spurði út í það mat sem …": a noun, not "mat" (meta)
            and not (x > k and nominal_here(tokens, x, k))  # "sagði fyrir rúmri viku að": "viku" (vika)
        ):
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
    if site.cue.lemma not in ACI_CUES:
        return None
    first = tokens[k]
    if first.kind == "punct" or first.low in ACI_STOP or doc.inside[k] >= 0:
        return None
    if (first.low in _ACI_BOUNDS and first.low != "nema") or first.low in _NOT_ACI_START:
        return None  # "segir Patty sem hefur …", "segir hann og bætir við": another clause, not the report
    if b - k < 2:
        return None
    if nominative_adjective(first):
        return None  # "segir Ragnar aðspurður um …": it describes the speaker
    if site.cue.lemma in EXPERIENCER_CUES and not _nominative_start(first):
        return None  # "þykir honum gott að koma heim": a liking, no clause with a subject of its own
    has_infinitive = _has_infinitive(doc, k, b)
    if not has_infinitive and site.cue.lemma != "telja" and not _small_clause(doc, k, b, _theme_case(site)):
        return None
    return k


ACI_CUES = frozenset({"segja", "telja", "álíta", "fullyrða", "viðurkenna", *EXPERIENCER_CUES})
"""Cues whose report may be a clause with no *að*: an accusative with an infinitive (*segir
hana hafa*), a small clause (*segir málið óvenjulegt*); the experiencers' with a nominative
(*Jóni fannst liðið byrja vel*, *þótti henni leikurinn góður*)."""


_NEGATIONS = frozenset({"ekki", "aldrei", "hvorki"})


def _negated(doc: Doc, site: CueSite, x: int) -> bool:
    """Whether a negation stands in the cue's clause before token ``x`` (its *hvort*).

    From a few words before the cue (an auxiliary's *gat ekki svarað*) to the clause: a
    question someone would not or could not answer reports nothing (*vildi ekki segja hvort*).
    """
    a, _ = doc.units[site.unit]
    i = site.cue.index
    return any(doc.tokens[k].low in _NEGATIONS and doc.inside[k] < 0 for k in range(max(a, i - 3), x))


_TEMPORAL_BEFORE_AÐ = frozenset({"eftir", "áður", "þangað", "uns"})
"""Words that make *að* a conjunction of time (*eftir að*, *áður að*, *þangað að*)."""


def governs_clause(doc: Doc, site: CueSite) -> bool:
    """Whether the cue at ``site`` has a reported clause of its own after it."""
    return _complement(doc, site, doc.units[site.unit][1]) is not None


_LEADING_ADVERBS = frozenset({"meðal", "annars", "þó", "einnig", "jafnframt", "enn", "fremur", "þá"})
"""Adverbs between a cue and its clause (*fullyrti meðal annars …*, *segir einnig …*)."""


def _bare_clause(doc: Doc, k: int, b: int) -> int | None:
    """Where a reported clause with no *að* starts: a nominative subject, then a subjunctive verb.

    Icelandic may drop the complementizer after a verb of saying (*Samherji fullyrti meðal
    annars RÚV og Stundin hafi ranglega haldið því fram …*, *segir ekkert hafa* is an
    infinitive report instead). The subject opens within a few adverbs of the cue, and the
    first finite verb after it, within six words and before any comma or mark, is
    subjunctive only.
    """
    tokens = doc.tokens
    s = k
    while s < b and (tokens[s].low in _LEADING_ADVERBS or _adverb_only(tokens[s])):
        if interrogative(tokens[s]):
            return None  # "vildi ekki upplýsa hvar Sindri væri": a question, not a dropped "að"
        s += 1
    if s >= b or doc.inside[s] >= 0 or not _nominative_start(tokens[s]) or _opens_clause(tokens[s]):
        return None
    for y in range(s + 1, min(b, s + 7)):
        token = tokens[y]
        if token.kind == "punct" or doc.inside[y] >= 0 or _opens_clause(token):
            return None
        if finite(token) and third_person_possible(tokens, y) and not nominal_here(tokens, y, s):
            return s if subjunctive_only(token) else None
    return None


def _opens_clause(token: Token) -> bool:
    """A complementizer, relative, conditional or interrogative: a clause of its own starts there."""
    return token.low in ("að", "sem", "hvort", "ef") or interrogative(token)


def _adverb_only(token: Token) -> bool:
    return bool(token.meanings) and all(m.cat == "ao" for m in token.meanings)


_ACI_BOUNDS = frozenset({"sem", "þegar", "ef", "hvort", "meðan", "þótt", "nema", "en"})
"""Words that open another clause: an infinitive after them is not the report's own."""
_NOT_ACI_START = frozenset({"og", "eða", "eins"})
"""Coordinators and *eins (og)*: after a cue and its subject they join another verb phrase
(*segir Níels og kveðst …*) or a comparison (*eins og sjá má*), never open its report.
Nor do the clause openers of :data:`_ACI_BOUNDS` but *nema*, also a verb (*talið nema*)."""


def _has_infinitive(doc: Doc, k: int, b: int) -> bool:
    """Whether an infinitive of the report's own clause stands within a dozen words from ``k``.

    The infinitive of *segir hana hafa …* is in the cue's clause: none is looked for past a
    word that opens another clause (*sem*, *en*, a question word: *segir Ragnar aðspurður
    um hvað muni gerast*), and a word right after a preposition is its object, not an
    infinitive (*sagði Hleb um tíma sinn*: *tíma* is a noun there).
    """
    tokens = doc.tokens
    for x in range(k, min(b, k + 12)):
        token = tokens[x]
        if x > k and (token.low in _ACI_BOUNDS or interrogative(token)):
            return False
        if x > k and token.text == "," and x + 1 < b and tokens[x + 1].low in ("og", "en"):
            return False  # "segir í yfirlýsingunni, og þau hvött til …": a new clause
        if x > k and _preposition_only(tokens[x - 1]):
            continue
        if any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings):
            return True
    return False


def _preposition_only(token: Token) -> bool:
    """A preposition (or its adverb use) and nothing else: ``um``, ``í``, ``með``."""
    cats = {m.cat for m in token.meanings}
    return "fs" in cats and cats <= {"fs", "ao", "st", "uh"}


def _nominative_start(token: Token) -> bool:
    """Whether a token can open a nominative noun phrase (a name, noun, pronoun, adjective), no adverb."""
    if token.kind == "person":
        return any(p.case in (None, "nf") for p in token.persons)
    if token.text.isupper() and len(token.text) > 1 and all(m.tags == "-" for m in token.meanings):
        return True  # "RÚV", "DV": an abbreviated name, no case to read
    return not any(m.cat == "ao" for m in token.meanings) and any(
        m.cat in ("kk", "kvk", "hk", "pfn", "fn", "lo", "gr", "to") and ("NF" in m.tags)
        for m in token.meanings
    )


def _infinitive_reading(token: Token) -> bool:
    """Whether a word has an infinitive reading at all (*spenna*: a noun too, and *to tighten*)."""
    return any(m.cat == "so" and m.tags.endswith("NH") for m in token.meanings)


def _has_clause_verb(doc: Doc, k: int, b: int) -> bool:
    """Whether the clause opened after *að* at token ``k`` has a finite verb of its own.

    A that-clause is a clause: its finite verb stands before the clause ends (*að bakaríið
    opni*, *að hafi staðið*). Without one, *að* is the infinitive marker (*á að eiga barn*,
    *þori að spenna bogann*: *spenna* and *eiga* are also nouns) or a preposition (*að nýju*,
    *að honum*). A finite reading counts when news prose can have it (third person) and the
    word is not a preposition first (*á*, *við*) unless it can only be a subjunctive
    (*móti*, of *móta*); right after *að*, only a form no infinitive shares (*hafi*, not
    *eiga*, which is also the present plural), and later no word that is nominal where it
    stands (*fleiri hesta*). Verbs inside quotation marks count.
    """
    tokens = doc.tokens
    end = clause_end(doc, k, b)
    return any(
        (strong_finite(tokens[y]) if y == k else finite(tokens[y]) and not nominal_here(tokens, y, k))
        and third_person_possible(tokens, y)
        and (subjunctive_only(tokens[y]) or not any(m.cat == "fs" for m in tokens[y].meanings))
        for y in range(k, end)
    )


def _perfect_infinitive(doc: Doc, k: int, b: int) -> bool:
    """``hafa`` and a supine at token ``k`` (*að hafa ekið*): a proposition, not an intention.

    *neitaði að hafa verið á staðnum* denies a claim (a report); *neitaði að koma* refuses.
    So does *vera* with a nominative predicate (*viðurkenndi að vera orðinn lúinn*, *hafnar
    því að vera ásteytingarsteinn*), not *vera með* (to take part).
    """
    tokens = doc.tokens
    if tokens[k].low == "vera":
        return any(_nominative_predicate(tokens[y]) for y in range(k + 1, min(b, k + 3)))
    if tokens[k].low != "hafa":
        return False
    return any(
        any(m.cat == "so" and "SAGNB" in m.tags for m in tokens[y].meanings)
        for y in range(k + 1, min(b, k + 3))
    )


def _nominative_predicate(token: Token) -> bool:
    """A noun, adjective or past participle and nothing else, nominative in one reading (*lúinn*)."""
    nominal = [m for m in token.meanings if m.cat in ("kk", "kvk", "hk", "lo") or m.tags.startswith("LHÞT")]
    return (
        bool(nominal)
        and len(nominal) == len(token.meanings)
        and any(m.tags.startswith("NF") or "-NF" in m.tags for m in nominal)
    )


def _extraposed(doc: Doc, k: int, b: int) -> bool:
    """``það (ADV) ADJ að …``: *það* then a neuter adjective, its *að* clause right after.

    The small clause of the annotation guide's Settled cases (*segir það algerlega rangt að
    hann hafi blekkt manninn*): the report starts at *það*.
    """
    tokens = doc.tokens
    if tokens[k].low not in ("það", "þetta"):
        return False
    for y in range(k + 1, min(b - 1, k + 4)):
        if doc.inside[y] >= 0:
            return False
        neuter = any(m.cat == "lo" and "HK-" in m.tags and "ET" in m.tags for m in tokens[y].meanings)
        if neuter and tokens[y + 1].low == "að":
            return True
        if not (_adverb_only(tokens[y]) or neuter or any(m.cat == "ao" for m in tokens[y].meanings)):
            return False
    return False


def _theme_case(site: CueSite) -> str:
    """The case of a small clause's noun phrase.

    Nominative under an experiencer (*þótti henni leikurinn góður*), else accusative (*segir
    málið óvenjulegt*).
    """
    return "NF" if site.cue.lemma in EXPERIENCER_CUES else "ÞF"


def _small_clause(doc: Doc, k: int, b: int, case: str = "ÞF") -> bool:
    """``segir málið óvenjulegt``: a noun phrase in the accusative, then its predicate adjective.

    A small clause (ANNOTATION.md, Settled cases): the report starts at the noun phrase. The
    predicate is a word that can only be an adjective or a past participle, within a few
    words, before any comma.
    """
    tokens = doc.tokens
    if not any(m.cat in ("kk", "kvk", "hk", "fn", "pfn") and case in m.tags for m in tokens[k].meanings):
        return False
    for x in range(k + 1, min(b, k + 5)):
        token = tokens[x]
        if token.text == "," or doc.inside[x] >= 0:
            return False
        if token.meanings and all(m.cat == "lo" or m.tags.startswith("LHÞT") for m in token.meanings):
            return True
    return False
