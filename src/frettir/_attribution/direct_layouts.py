"""Direct layouts: a marked quote with its cue beside it.

The rules of the ``direct`` stage, tried in this order for each quotation (a chain of marks);
the first that fits wins. A rule that uses a cue says so (``site`` on its claim), and the
:class:`~frettir._attribution.claims.Board` keeps that cue from reporting anything else.

>>> show("„Við opnum aftur á mánudag,“ sagði Helga Björnsdóttir, eigandi bakarísins.")
direct.cue_after | Helga Björnsdóttir | segja | Við opnum aftur á mánudag,
"""

from __future__ import annotations

from frettir._attribution.claims import Claim
from frettir._attribution.context import Chain, Context, mark_claim, mark_tokens
from frettir._attribution.cue_sites import CueSite, new_sentence_after_quote
from frettir._attribution.documents import context_source, impersonal_source
from frettir._attribution.mentions import entity_for, nominative_possible
from frettir._attribution.registry import rule
from frettir._attribution.reported_speech import governs_clause
from frettir._attribution.words import DASHES, DOCUMENTS, ENGLISH_CUES, TITLE_VERBS
from frettir._cues import Cue, finite
from frettir._greynir import Token, lookup
from frettir._naming import governed_by_preposition
from frettir._speakers import read_np

__all__ = [
    "cue_after",
    "cue_after_impersonal",
    "cue_before",
    "dash",
    "document_before",
    "in_report",
    "introduced",
    "split",
    "this_names",
    "this_says",
    "verb_after",
]

SPLIT_REACH = 400
"""How many characters after a used cue a quote without a colon may still be its second part."""


def _after_closing(ctx: Context, m: int) -> tuple[int, bool] | None:
    """The token after mark ``m``'s closing mark (past a comma or dash), in its paragraph.

    Returns the token index and whether a dash came between, or ``None``.
    """
    doc = ctx.doc
    tokens = doc.tokens
    _, j = mark_tokens(doc, m)
    n = len(tokens)
    if j == 0 or j >= n or doc.para_of[j] != doc.para_of[j - 1]:
        return None
    k = j
    dashed = False
    while k < n and tokens[k].kind == "punct" and tokens[k].text in {",", *DASHES}:
        dashed = dashed or tokens[k].text in DASHES
        k += 1
    if k >= n or doc.para_of[k] != doc.para_of[j - 1] or doc.inside[k] >= 0:
        return None
    return k, dashed


@rule("direct.cue_after", 0.95, stage="direct")
def cue_after(ctx: Context, chain: Chain) -> Claim | None:
    """A cue right after the closing mark (after a comma or a dash), with its subject.

    *„…,“ sagði Helga*, *„…,“ sagði hún*; for a quote in English also *said*, *says*,
    *told*, *added* or *wrote* and a name (*“…,” said John Smith*).

    >>> show("„Við opnum aftur á mánudag,“ sagði Helga Björnsdóttir, eigandi bakarísins.")
    direct.cue_after | Helga Björnsdóttir | segja | Við opnum aftur á mánudag,
    >>> show("“We will be back,” said John Smith.")
    direct.cue_after | John Smith | segja | We will be back,
    """
    m = chain[-1]
    after = _after_closing(ctx, m)
    if after is None:
        return None
    k, _ = after
    doc = ctx.doc
    tokens = doc.tokens
    site = ctx.cues.at(k)
    if site is not None and new_sentence_after_quote(doc, k) and governs_clause(doc, site):
        return None  # "„… leik.“ Sagði hann liðið hafa …": a sentence with a report of its own
    if site is not None:
        if site.subject is None:
            return None
        span = (site.subject.start, site.subject.end)
        return mark_claim(doc, m, site.entity, span, site.cue, "direct.cue_after", site=k)
    token = tokens[k]
    if token.low in ENGLISH_CUES and k + 1 < len(tokens) and doc.para_of[k + 1] == doc.para_of[k]:
        mention = read_np(tokens, k + 1)
        if mention is not None and mention.kind in ("person", "organization"):
            cue = Cue(ENGLISH_CUES[token.low], k, token.start, token.end, False)
            span = (mention.start, mention.end)
            return mark_claim(doc, m, entity_for(doc, mention), span, cue, "direct.cue_after")
    return None


@rule("direct.cue_after_impersonal", 0.7, stage="direct")
def cue_after_impersonal(ctx: Context, chain: Chain) -> Claim | None:
    """A cue after the closing mark with no subject: *„…,“ segir í tilkynningu frá Veðurstofunni*.

    The speaker is the body or person the document is *frá* (from); failing that, with a
    document named (*í dómnum*), the body named last in this or the previous paragraph;
    otherwise the latest speaker there; otherwise nobody.

    >>> show("„Ölduhæð verður allt að átta metrar,“ segir í tilkynningu frá Veðurstofu Íslands.")
    direct.cue_after_impersonal | Veðurstofa Íslands | segja | Ölduhæð verður allt að átta metrar,
    """
    m = chain[-1]
    after = _after_closing(ctx, m)
    site = None if after is None else ctx.cues.at(after[0])
    if site is None or site.subject is not None:
        return None
    entity = impersonal_source(ctx, site) or context_source(ctx, site)
    return mark_claim(ctx.doc, m, entity, None, site.cue, "direct.cue_after_impersonal", site=site.cue.index)


@rule("direct.dash", 0.8, stage="direct")
def dash(ctx: Context, chain: Chain) -> Claim | None:
    """No cue, but a dash and a name after the quote: *„…“ – Ólafur Jónsson*.

    >>> show("„Nú er nóg komið“ – Ólafur Ragnar Jónsson.")
    direct.dash | Ólafur Ragnar Jónsson | None | Nú er nóg komið
    """
    m = chain[-1]
    after = _after_closing(ctx, m)
    if after is None or not after[1] or ctx.cues.at(after[0]) is not None:
        return None
    k = after[0]
    doc = ctx.doc
    if doc.tokens[k].kind not in ("person", "entity"):
        return None
    mention = read_np(doc.tokens, k)
    if mention is None:
        return None
    return mark_claim(doc, m, entity_for(doc, mention), (mention.start, mention.end), None, "direct.dash")


@rule("direct.verb_after", 0.6, stage="direct")
def verb_after(ctx: Context, chain: Chain) -> Claim | None:
    """A verb outside the cue lexicon right after the quote, then a person or a pronoun.

    *„…,“ hló Ólafur*. The cue is that verb's lemma; a naming verb (*heitir*) is no cue.

    >>> show("„Þetta er frábært,“ hló Ólafur.")
    direct.verb_after | Ólafur | hlæja | Þetta er frábært,
    """
    m = chain[-1]
    after = _after_closing(ctx, m)
    if after is None or ctx.cues.at(after[0]) is not None:
        return None
    k = after[0]
    doc = ctx.doc
    tokens = doc.tokens
    token = tokens[k]
    if not finite(token) or any(mm.lemma in TITLE_VERBS for mm in token.meanings if mm.cat == "so"):
        return None
    mention = read_np(tokens, k + 1)
    if mention is None or mention.kind not in ("person", "pronoun"):
        return None
    if not nominative_possible(mention, tokens, k + 1):
        return None
    lemma = next(mm.lemma for mm in token.meanings if mm.cat == "so")
    cue = Cue(lemma, k, token.start, token.end, False)
    return mark_claim(
        doc, m, entity_for(doc, mention), (mention.start, mention.end), cue, "direct.verb_after"
    )


def _site_before(ctx: Context, m: int) -> tuple[CueSite, bool] | None:
    """The last cue before mark ``m`` in its sentence, and whether a colon opens the quote.

    A quote that opens a paragraph after one ending in a colon belongs to that sentence.
    """
    doc = ctx.doc
    tokens = doc.tokens
    i, _ = mark_tokens(doc, m)
    if i == 0:
        return None
    unit = doc.unit_of[i]
    a, _b = doc.units[unit]
    colon = i - 1 >= 0 and tokens[i - 1].text == ":" and doc.inside[i - 1] < 0
    if i == a and i > 0 and tokens[i - 1].text == ":" and doc.para_of[i - 1] != doc.para_of[i]:
        unit = doc.unit_of[i - 1]
        colon = True
    elif i == a and i > 0 and _cue_ends_sentence(ctx, i - 1):
        unit = doc.unit_of[i - 1]
        colon = True  # "…,“ sagði hún og bætti við. „…“": the cue's sentence announces the quote
    sites = [s for s in ctx.cues.in_unit(unit) if s.cue.index < i]
    if not sites:
        return None
    return sites[-1], colon


def _cue_ends_sentence(ctx: Context, k: int) -> bool:
    """Whether token ``k`` is a full stop, in the quote's paragraph, right after a cue and its particle.

    *og bætti við.*, *og hélt áfram.*: a cue with nothing after it but its own particle (or
    an inverted subject) says that a quote follows, as a colon does.
    """
    doc = ctx.doc
    tokens = doc.tokens
    if tokens[k].text != "." or doc.inside[k] >= 0 or doc.para_of[k] != doc.para_of[k + 1]:
        return False
    sites = ctx.cues.in_unit(doc.unit_of[k])
    if not sites:
        return False
    site = sites[-1]
    particles = site.cue.lemma.split()[1:]
    rest = tokens[max(site.cue.index + 1, site.after_subject) : k]
    return bool(particles) and all(t.low in particles for t in rest)


@rule("direct.split", 0.85, stage="direct")
def split(ctx: Context, chain: Chain) -> Claim | None:
    """The second part of a quote split around its cue; it gets the first part's speaker.

    *„…,“ sagði Björn, „…“*: the cue before this quote was used by the quote before it (with a
    colon, or within a few hundred characters).

    >>> show("„Þetta er ekki búið,“ sagði Björn Ingi Hrafnsson, „við höldum baráttunni áfram.“")
    direct.cue_after | Björn Ingi Hrafnsson | segja | Þetta er ekki búið,
    direct.split | Björn Ingi Hrafnsson | None | við höldum baráttunni áfram.
    """
    m = chain[0]
    found = _site_before(ctx, m)
    if found is None:
        return None
    site, colon = found
    if not ctx.board.used(site.cue.index):
        return None
    doc = ctx.doc
    i, _ = mark_tokens(doc, m)
    if governed_by_preposition(doc.tokens, i, doc.units[doc.unit_of[i]][0]):
        return None  # "sagði X um „…“": the topic of the cue's own clause, not a second part
    if not colon and doc.marks[m].outer.start - doc.tokens[site.cue.index].end >= SPLIT_REACH:
        return None
    return mark_claim(doc, m, site.entity, None, None, "direct.split")


@rule("direct.cue_before", 0.85, stage="direct")
def cue_before(ctx: Context, chain: Chain) -> Claim | None:
    """A cue before the quote in the same sentence, with a colon before the opening mark.

    *Helga sagði: „…“*, also when the quote starts the next paragraph, and a cue that ends
    the sentence before with nothing but its particle (*…,“ sagði hún og bætti við. „…“*,
    *og hélt áfram. „…“*).

    >>> show("Sigríður Pálsdóttir sagði: „Við þurfum nýjan skóla.“")
    direct.cue_before | Sigríður Pálsdóttir | segja | Við þurfum nýjan skóla.
    """
    m = chain[0]
    found = _site_before(ctx, m)
    if found is None or not found[1] or ctx.board.used(found[0].cue.index):
        return None
    site = found[0]
    span = None if site.subject is None else (site.subject.start, site.subject.end)
    return mark_claim(ctx.doc, m, site.entity, span, site.cue, "direct.cue_before", site=site.cue.index)


HEADING_TOKENS = 8
"""How long a heading before a colon may be to name a document and its issuer (*Tilkynning
lögreglunnar á Suðurlandi:*); a longer sentence is prose, whose colon a cue would govern."""


def _document_noun(token: Token) -> bool:
    """A noun for a document (``tilkynning``, ``yfirlýsing``), also in a lightly read sentence."""
    readings = token.meanings or (lookup(token.low) if token.kind == "word" else ())
    return any(m.lemma in DOCUMENTS and m.cat in ("kk", "kvk", "hk") for m in readings)


@rule("direct.document_before", 0.8, stage="direct")
def document_before(ctx: Context, chain: Chain) -> Claim | None:
    r"""A quote after a heading with a colon that names a document and its issuer.

    *Tilkynning lögreglu: „…“*, *Yfirlýsing frá Samherja: „…“*: the issuer (the genitive after
    the document noun, or the body after *frá*) speaks the document's words. The heading has
    no cue (with one, ``direct.cue_before`` fits) and is short: a document noun first, then
    its issuer and at most a place or a few words.

    >>> show("Lögreglan á Suðurlandi sendi frá sér tilkynningu í gær.\n"
    ...      "Tilkynning lögreglunnar:\n„Vegurinn um Hellisheiði er lokaður.“")
    direct.document_before | Lögreglan á Suðurlandi | None | Vegurinn um Hellisheiði er lokaður.
    """
    m = chain[0]
    doc = ctx.doc
    tokens = doc.tokens
    i, _ = mark_tokens(doc, m)
    if i == 0 or tokens[i - 1].text != ":" or doc.inside[i - 1] >= 0:
        return None
    unit = doc.unit_of[i - 1]
    a, _b = doc.units[unit]
    if i - 1 - a > HEADING_TOKENS or i - 1 - a < 2 or any(s.cue.index < i for s in ctx.cues.in_unit(unit)):
        return None
    if not _document_noun(tokens[a]):
        return None
    k = a + 2 if tokens[a + 1].low == "frá" else a + 1
    mention = read_np(tokens, k, i - 1, apposition=False)
    if mention is None or mention.kind == "pronoun" or (k == a + 1 and mention.nominative):
        return None  # the issuer is the genitive of the document, or after "frá"
    return mark_claim(
        doc, m, entity_for(doc, mention), (mention.start, mention.end), None, "direct.document_before"
    )


@rule("direct.in_report", 0.85, stage="direct")
def in_report(ctx: Context, chain: Chain) -> Claim | None:
    """A quote inside a reporting clause, without a colon.

    *sagði stöðuna „óásættanlega“*, *sagði að „…“*. The cue stays free to report the clause.

    >>> show("Bæjarstjórinn sagði stöðuna „óásættanlega“ í ræðu sinni.")
    direct.in_report | bæjarstjórinn | segja | óásættanlega
    """
    m = chain[0]
    found = _site_before(ctx, m)
    if found is None or found[1] or ctx.board.used(found[0].cue.index):
        return None
    site = found[0]
    span = None if site.subject is None else (site.subject.start, site.subject.end)
    return mark_claim(ctx.doc, m, site.entity, span, site.cue, "direct.in_report")


def _next_paragraph_opener(ctx: Context, m: int) -> int | None:
    """Token index of ``Þetta``/``Þannig``/``Svo`` opening the paragraph after mark ``m``."""
    doc = ctx.doc
    _, j = mark_tokens(doc, m)
    if j >= len(doc.tokens) or doc.para_of[j] == doc.para_of[j - 1]:
        return None
    if doc.tokens[j].text not in ("Þetta", "Þannig", "Svo") or j + 1 >= len(doc.tokens):
        return None
    return j


@rule("direct.this_says", 0.9, stage="direct")
def this_says(ctx: Context, chain: Chain) -> Claim | None:
    r"""A quote ending a paragraph, and the next opening with *Þetta segir X* (or *Þannig*, *Svo*).

    Also *Þetta kom fram í máli X*: the source of an impersonal cue.

    >>> show("„Við munum opna aftur á mánudag.“\nÞetta segir Helga Björnsdóttir, eigandi bakarísins.")
    direct.this_says | Helga Björnsdóttir | segja | Við munum opna aftur á mánudag.
    """
    m = chain[-1]
    j = _next_paragraph_opener(ctx, m)
    if j is None:
        return None
    site = ctx.cues.at(j + 1) or ctx.cues.at(j + 2)
    if site is None:
        return None
    index = site.cue.index
    if site.subject is not None:
        span = (site.subject.start, site.subject.end)
        return mark_claim(ctx.doc, m, site.entity, span, site.cue, "direct.this_says", site=index)
    source = impersonal_source(ctx, site)
    if source is None:
        return None
    return mark_claim(ctx.doc, m, source, None, site.cue, "direct.this_says", site=index)


@rule("direct.this_names", 0.6, stage="direct")
def this_names(ctx: Context, chain: Chain) -> Claim | None:
    r"""As ``direct.this_says``, but the next paragraph names a person without a cue.

    *Þannig hófst pistill eftir Katrínu Jakobsdóttur*.

    >>> show("„Við eigum ekki að bíða lengur.“\nÞannig hófst pistill eftir Katrínu Jakobsdóttur í gær.")
    direct.this_names | Katrín Jakobsdóttir | None | Við eigum ekki að bíða lengur.
    """
    m = chain[-1]
    j = _next_paragraph_opener(ctx, m)
    if j is None:
        return None
    doc = ctx.doc
    _, b = doc.units[doc.unit_of[j]]
    for k in range(j + 1, b):
        if doc.tokens[k].kind in ("person", "entity") and doc.inside[k] < 0:
            mention = read_np(doc.tokens, k, b)
            if mention is not None:
                entity = entity_for(doc, mention)
                return mark_claim(doc, m, entity, (mention.start, mention.end), None, "direct.this_names")
    return None


@rule("direct.introduced", 0.7, stage="uncued")
def introduced(ctx: Context, chain: Chain) -> Claim | None:
    r"""No cue: the person whom the sentence right before, in the same paragraph, has as subject.

    A news layout: a sentence names someone and says how they took something, and their words
    follow in marks with no verb of saying (*Ágúst Jóhannsson, þjálfari Vals, var ánægður.
    „…“*). That person is named closer to the quote than whoever spoke before. The person's
    name has two words or more (a first name alone may be another word: *Gerðar eru …*).

    >>> show(
    ...     "„Við unnum verðskuldað,“ sagði Anna Jónsdóttir.\n"
    ...     "Páll Pálsson, þjálfari gestanna, var ekki sáttur. „Dómarinn gerði mistök.“"
    ... )
    direct.cue_after | Anna Jónsdóttir | segja | Við unnum verðskuldað,
    direct.introduced | Páll Pálsson | None | Dómarinn gerði mistök.
    """
    doc = ctx.doc
    m = chain[0]
    i, _ = mark_tokens(doc, m)
    k = i - 1
    if k < 0 or doc.para_of[k] != doc.para_of[i] or doc.tokens[k].text != ".":
        return None
    a, _ = doc.units[doc.unit_of[k]]
    if doc.para_of[a] != doc.para_of[i] or any(doc.inside[x] >= 0 for x in range(a, k)):
        return None
    start = doc.tokens[a].start
    entity = doc.by_start.get(start)
    if entity is None or entity.kind != "person" or not doc.registry.is_subject(start):
        return None
    if len(entity.name.split()) < 2:
        return None  # a name of one word first in a sentence may be another word ("Gerðar eru …")
    return mark_claim(doc, m, entity, None, None, "direct.introduced")
