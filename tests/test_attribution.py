"""Attribution: one example per layout the engine supports, and the seed article of the corpus.

The layouts are those listed in the docstring of ``frettir._attribution`` (cue position,
reporting clauses, indirect reports, the reportive subjunctive, continuation, non-speech
marks) and the cue layouts of Icelandic news (``spurði``, split quotes, ``bætti við``,
pronouns, quotes running over paragraphs). Texts are made up unless a test says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from frettir import Article, Quote

Read = Callable[[str], Article]

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
SEED = "seed-2025-08-alaska-leidtogafundur"


def _who(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def _summary(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker, cue) of every quote, in order."""
    return [(q.kind, q.text, _who(q), q.cue) for q in article.quotes]


def _mention(article: Article, quote: Quote) -> str | None:
    return None if quote.speaker_span is None else quote.speaker_span.slice(article.text)


# --- direct quotes: where the cue stands --------------------------------------------------


def test_cue_after_the_quote_with_inverted_subject(read: Read) -> None:
    """``„Q,“ segir X.``: the quote is X's; the span excludes the marks and keeps the comma."""
    article = read("„Við erum mjög ánægð með niðurstöðuna,“ segir Jón Jónsson.")
    [quote] = article.quotes
    assert _summary(article) == [("direct", "Við erum mjög ánægð með niðurstöðuna,", "Jón Jónsson", "segja")]
    assert (quote.span.start, quote.span.end) == (1, 38)
    assert quote.outer is not None and (quote.outer.start, quote.outer.end) == (0, 39)
    assert _mention(article, quote) == "Jón Jónsson"
    assert quote.cue_span is not None and quote.cue_span.slice(article.text) == "segir"


def test_cue_after_the_quote_in_the_past_tense(read: Read) -> None:
    """``„Q,“ sagði X.`` gives the cue lemma ``segja`` as well."""
    article = read("„Þetta var erfiður dagur,“ sagði Guðrún Helgadóttir.")
    assert _summary(article) == [("direct", "Þetta var erfiður dagur,", "Guðrún Helgadóttir", "segja")]


def test_question_with_spurdi(read: Read) -> None:
    """``„Q?“ spurði X.`` is a direct quote with the cue ``spyrja``."""
    article = read("„Hvað gerist næst?“ spurði Helga Magnúsdóttir.")
    assert _summary(article) == [("direct", "Hvað gerist næst?", "Helga Magnúsdóttir", "spyrja")]


def test_cue_before_the_quote_after_a_colon(read: Read) -> None:
    """``X segir: „Q.“``: the subject before the verb speaks the quote after the colon."""
    article = read("Sigurður Einarsson segir: „Það þarf að byggja fleiri íbúðir.“")
    assert _summary(article) == [
        ("direct", "Það þarf að byggja fleiri íbúðir.", "Sigurður Einarsson", "segja")
    ]
    assert article.quotes[0].rule == "direct.cue_before"


def test_split_quote_around_its_cue(read: Read) -> None:
    """``„Q1,“ sagði X, „q2.“``: both parts are X's; the cue and mention belong to the first."""
    article = read("„Þetta var erfiður dagur,“ sagði Ólafur Þórðarson, „en við komumst í gegnum hann.“")
    assert _summary(article) == [
        ("direct", "Þetta var erfiður dagur,", "Ólafur Þórðarson", "segja"),
        ("direct", "en við komumst í gegnum hann.", "Ólafur Þórðarson", None),
    ]


def test_quote_added_with_baetti_vid(read: Read) -> None:
    """``„Q1,“ sagði X og bætti við: „Q2.“``: Q2 is X's too, with the cue ``bæta við``."""
    article = read(
        "„Þetta var erfiður dagur,“ sagði Þórunn Björnsdóttir og bætti við: „Við erum mjög ánægð.“"
    )
    assert _summary(article) == [
        ("direct", "Þetta var erfiður dagur,", "Þórunn Björnsdóttir", "segja"),
        ("direct", "Við erum mjög ánægð.", "Þórunn Björnsdóttir", "bæta við"),
    ]
    assert _mention(article, article.quotes[1]) == "Þórunn Björnsdóttir"


def test_pronoun_cue_resolves_to_the_person_just_named(read: Read) -> None:
    """``X segir að C. „Q,“ sagði hún.``: ``hún`` is X, and ``hún`` is the quote's mention."""
    article = read("Ásdís Eiríksdóttir segir að staðan sé góð.\n„Þetta var erfiður dagur,“ sagði hún.")
    assert _summary(article) == [
        ("indirect", "staðan sé góð", "Ásdís Eiríksdóttir", "segja"),
        ("direct", "Þetta var erfiður dagur,", "Ásdís Eiríksdóttir", "segja"),
    ]
    assert _mention(article, article.quotes[1]) == "hún"


def test_quote_over_paragraphs_gives_one_quote_per_paragraph(read: Read) -> None:
    """A paragraph opened with „ and left open, continued by the next: one quote each, same speaker."""
    article = read(
        "„Þetta var erfiður dagur.\n„Við erum mjög ánægð með niðurstöðuna,“ segir Davíð Guðmundsson."
    )
    assert _summary(article) == [
        ("direct", "Þetta var erfiður dagur.", "Davíð Guðmundsson", None),
        ("direct", "Við erum mjög ánægð með niðurstöðuna,", "Davíð Guðmundsson", "segja"),
    ]
    first = article.quotes[0]
    assert first.outer is not None and first.outer.slice(article.text) == "„Þetta var erfiður dagur."


def test_quote_inside_a_reporting_clause(read: Read) -> None:
    """``X sagði stöðuna „óásættanlega“``: the marked word is a direct quote of X."""
    article = read("Kristín Ævarsdóttir sagði stöðuna „óásættanlega“ á fundinum í gær.")
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [(q.text, _who(q), q.cue) for q in direct] == [("óásættanlega", "Kristín Ævarsdóttir", "segja")]


def test_this_says_x_in_the_next_paragraph(read: Read) -> None:
    """``„Q.“`` ending a paragraph, then ``Þetta segir X …``: the quote is X's."""
    article = read("„Við erum mjög ánægð með niðurstöðuna.“\nÞetta segir Jón Jónsson, forstjóri félagsins.")
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [(q.text, _who(q), q.cue) for q in direct] == [
        ("Við erum mjög ánægð með niðurstöðuna.", "Jón Jónsson", "segja")
    ]


def test_uncued_quote_continues_the_latest_speaker(read: Read) -> None:
    """A whole-paragraph quote with no cue after X's quote is X's, with no cue or mention."""
    article = read(
        "„Þetta var erfiður dagur,“ segir Helga Magnúsdóttir.\n"
        "„Við höldum áfram á morgun og sjáum hvað setur.“"
    )
    assert _summary(article)[1] == (
        "direct",
        "Við höldum áfram á morgun og sjáum hvað setur.",
        "Helga Magnúsdóttir",
        None,
    )
    assert article.quotes[1].speaker_span is None


@pytest.mark.parametrize(
    "text",
    [
        "Myndin „Hross í oss“ var sýnd í gær.",
        "Skipið „Sæbjörg“ kom til hafnar í morgun.",
        "Þetta „átak“ skilaði litlu.",
    ],
    ids=["title", "name", "scare-quote"],
)
def test_short_marked_span_without_cue_is_not_speech(read: Read, text: str) -> None:
    """A title, a name or a scare quote in marks, with no cue, is not a quote."""
    assert read(text).quotes == ()


# --- subjects of cues -----------------------------------------------------------------------


def test_subject_of_a_coordinated_cue(read: Read) -> None:
    """``X kom á fundinn og sagði að C``: the subject of the first verb reports C."""
    article = read("Jón Jónsson kom á fundinn og sagði að staðan væri góð.")
    assert _summary(article) == [("indirect", "staðan væri góð", "Jón Jónsson", "segja")]


def test_subject_after_the_verb_when_the_clause_is_inverted(read: Read) -> None:
    """``Í gær sagði X að C``: the subject after the verb reports C."""
    article = read("Í gær sagði Guðrún Helgadóttir að fundurinn yrði haldinn á morgun.")
    assert _summary(article) == [
        ("indirect", "fundurinn yrði haldinn á morgun", "Guðrún Helgadóttir", "segja")
    ]


def test_subject_with_an_apposition_before_the_verb(read: Read) -> None:
    """``X, formaður stjórnar, segir: „Q.“``: the apposition does not hide the subject X."""
    article = read("Sigurður Einarsson, formaður stjórnar, segir: „Þetta var erfiður dagur.“")
    assert _summary(article) == [("direct", "Þetta var erfiður dagur.", "Sigurður Einarsson", "segja")]


def test_title_in_apposition_is_recorded_on_the_speaker(read: Read) -> None:
    """``„Q,“ segir X, forstjóri félagsins.``: the title is the speaker's, the name stays X."""
    article = read("„Þetta var erfiður dagur,“ segir Jón Jónsson, forstjóri félagsins.")
    [speaker] = article.speakers
    assert speaker.name == "Jón Jónsson"
    assert speaker.titles == ("forstjóri félagsins",)


# --- indirect quotes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clause", "cue"),
    [
        ("Jón Jónsson sagði að staðan væri góð.", "staðan væri góð", "segja"),
        ("Jón Jónsson telur að verðið muni hækka á næstu vikum.", "verðið muni hækka á næstu vikum", "telja"),
        (
            "Jón Jónsson spurði hvort fundurinn yrði haldinn á morgun.",
            "fundurinn yrði haldinn á morgun",
            "spyrja",
        ),
    ],
    ids=["sagdi-ad", "telur-ad", "spurdi-hvort"],
)
def test_that_clause_under_a_cue(read: Read, text: str, clause: str, cue: str) -> None:
    """``X sagði að C.``: C from after ``að``/``hvort`` to before the final stop."""
    assert _summary(read(text)) == [("indirect", clause, "Jón Jónsson", cue)]


def test_infinitive_report_with_segist(read: Read) -> None:
    """``X segist C.``: the infinitive clause is X's report, cue ``segjast``."""
    article = read("Guðrún Helgadóttir segist hafa miklar áhyggjur af stöðunni.")
    assert _summary(article) == [
        ("indirect", "hafa miklar áhyggjur af stöðunni", "Guðrún Helgadóttir", "segjast")
    ]


def test_accusative_with_infinitive_report(read: Read) -> None:
    """``X sagði hana hafa …``: the accusative-with-infinitive is X's report."""
    article = read("Jón Jónsson sagði hana hafa staðið sig vel í keppninni.")
    assert _summary(article) == [("indirect", "hana hafa staðið sig vel í keppninni", "Jón Jónsson", "segja")]


@pytest.mark.parametrize(
    ("text", "clause", "cue"),
    [
        ("Að sögn Jóns Jónssonar er staðan góð.", "er staðan góð", "að sögn"),
        ("Staðan er góð að sögn Jóns Jónssonar.", "Staðan er góð", "að sögn"),
        ("Að mati Jóns Jónssonar er staðan góð.", "er staðan góð", "að mati"),
    ],
    ids=["ad-sogn-first", "ad-sogn-last", "ad-mati"],
)
def test_according_to_x_in_the_genitive(read: Read, text: str, clause: str, cue: str) -> None:
    """``Að sögn X-gen C.`` / ``C að sögn X-gen.``: C is X's, X given in the nominative."""
    assert _summary(read(text)) == [("indirect", clause, "Jón Jónsson", cue)]


def test_hafa_eftir_reports_the_dative_source(read: Read) -> None:
    """``RÚV hefur eftir X-dat að C``: X (in the nominative) is the source of C."""
    article = read("Ríkisútvarpið hefur eftir Guðrúnu Helgadóttur að staðan sé góð.")
    assert _summary(article) == [("indirect", "staðan sé góð", "Guðrún Helgadóttir", "hafa eftir")]


def test_reportive_subjunctive_continues_the_report(read: Read) -> None:
    """A subjunctive sentence right after X's report continues it: no cue, no mention (ANNOTATION)."""
    article = read("Jón Jónsson segist ekki reikna með vandræðum. Það verði aðallega um að ræða snjómuggu.")
    assert _summary(article) == [
        ("indirect", "ekki reikna með vandræðum", "Jón Jónsson", "segjast"),
        ("indirect", "Það verði aðallega um að ræða snjómuggu", "Jón Jónsson", None),
    ]
    assert article.quotes[1].speaker_span is None


def test_indicative_sentence_after_a_report_is_not_a_continuation(read: Read) -> None:
    """An indicative sentence after a report is the journalist's, not the speaker's."""
    article = read("Jón Jónsson segist ekki reikna með vandræðum. Veðrið var gott um helgina.")
    assert _summary(article) == [("indirect", "ekki reikna með vandræðum", "Jón Jónsson", "segjast")]


def test_direct_quote_inside_a_reported_clause_comes_after_it(read: Read) -> None:
    """``X sagði að … „hindranir“ …``: an indirect entry for the clause, then the direct part."""
    article = read("Pútín sagði að Úkraína ætti ekki að skapa „hindranir“ fyrir friði.")
    assert _summary(article) == [
        ("indirect", "Úkraína ætti ekki að skapa „hindranir“ fyrir friði", "Pútín", "segja"),
        ("direct", "hindranir", "Pútín", "segja"),
    ]


# --- the seed article of the corpus -------------------------------------------------------


@pytest.mark.corpus
def test_seed_article_gives_its_gold_direct_quotes_and_speakers(read: Read) -> None:
    """The Alaska summit article (mbl.is, the project's seed) gives every gold direct quote.

    Source: the ``source`` URL of ``seed-2025-08-alaska-leidtogafundur`` in
    ``../shared/corpus/dev.jsonl``. Spans must match exactly, speakers by canonical name.
    """
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} not found (the shared corpus is not checked out next to the repo)")
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    seed = next((r for r in records if r["id"] == SEED), None)
    if seed is None:
        pytest.skip(f"{SEED} is not in {CORPUS}")
    article = read(seed["text"])
    gold = [(q["start"], q["end"], q["text"], q["speaker"]) for q in seed["quotes"] if q["kind"] == "direct"]
    found = [(q.span.start, q.span.end, q.text, _who(q)) for q in article.quotes if q.kind == "direct"]
    assert found == gold
