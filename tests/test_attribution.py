"""Attribution: one example per layout the engine supports, and the seed article of the corpus.

The layouts are those of the rules in the ``frettir._attribution`` package (cue position,
reporting clauses, indirect reports, the reportive subjunctive, continuation, non-speech
marks) and the cue layouts of Icelandic news (``spurði``, split quotes, ``bætti við``,
pronouns, quotes running over paragraphs). Texts are made up unless a test says otherwise.
"""

from __future__ import annotations

import doctest
import importlib
import json
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest

import frettir._attribution
from frettir import Article, Quote
from frettir._attribution import CONFIDENCE, RULES, STAGE_RULES, rule_confidence
from frettir._attribution.documents import Media

Read = Callable[[str], Article]

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
SEED = "seed-2025-08-alaska-leidtogafundur"
_MODULES = [
    f"frettir._attribution.{info.name}" for info in pkgutil.iter_modules(frettir._attribution.__path__)
]


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
    """A paragraph opened with „ and left open, continued by the next: one quote each, same speaker
    and cue."""
    article = read(
        "„Þetta var erfiður dagur.\n„Við erum mjög ánægð með niðurstöðuna,“ segir Davíð Guðmundsson."
    )
    assert _summary(article) == [
        ("direct", "Þetta var erfiður dagur.", "Davíð Guðmundsson", "segja"),
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


# --- the rule registry ----------------------------------------------------------------------


def _show(text: str) -> None:
    """The ``show`` helper the rules' docstring examples use (as in the docs)."""
    for quote in Article.from_text(text).quotes:
        speaker = quote.speaker.name if quote.speaker else None
        print(quote.rule, "|", speaker, "|", quote.cue, "|", quote.text)


def test_every_registered_rule_is_tried_in_exactly_one_stage() -> None:
    """The stages' rule lists are the registry: each rule once, none left out, none unknown."""
    listed = [rule.name for rules in STAGE_RULES.values() for rule in rules]
    assert sorted(listed) == sorted(RULES)
    assert len(listed) == len(set(listed))
    assert all(
        RULES[name].stage == stage for stage, rules in STAGE_RULES.items() for name in [r.name for r in rules]
    )


def test_confidence_table_is_the_registry() -> None:
    """``CONFIDENCE`` gives each registered rule's own confidence, and a ``+parse`` costs a tenth."""
    assert {name: rule.confidence for name, rule in RULES.items()} == CONFIDENCE
    assert rule_confidence("indirect.that_clause+parse") == round(CONFIDENCE["indirect.that_clause"] * 0.9, 3)


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_docstring_example_runs(name: str, read: Read) -> None:
    """Every rule's docstring has an Icelandic example, and the example gives what it says."""
    function = RULES[name].function
    tests = doctest.DocTestFinder().find(function, name, globs={"show": _show})
    assert tests and tests[0].examples, f"{name} has no example in its docstring"
    assert any(name in example.want for example in tests[0].examples), f"{name}'s example does not show it"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test)
    assert runner.failures == 0


@pytest.mark.parametrize("module", sorted(_MODULES))
def test_attribution_module_docstring_examples_run(module: str, read: Read) -> None:
    """The examples in the attribution modules' own docstrings hold too."""
    tests = doctest.DocTestFinder(recurse=False).find(importlib.import_module(module), globs={"show": _show})
    runner = doctest.DocTestRunner()
    for test in tests:
        runner.run(test)
    assert runner.failures == 0


def test_a_cue_used_by_a_direct_quote_reports_nothing(read: Read) -> None:
    """``„Q,“ segir X að …``: the cue used by the quote does not also open an indirect report."""
    article = read("„Við byrjum í vor,“ segir Anna Sigríður Jónsdóttir að lokum.")
    assert [(q.kind, q.rule) for q in article.quotes] == [("direct", "direct.cue_after")]


def test_the_medium_is_read_once_per_sentence(read: Read, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence with many cues is scanned once for its medium, not once per cue (issue 14)."""
    calls: list[int] = []
    original = Media._unit_medium

    def counting(self: Media, u: int) -> str | None:
        calls.append(u)
        return original(self, u)

    monkeypatch.setattr(Media, "_unit_medium", counting)
    clauses = ", ".join(f"„Já {n},“ sagði Jón og „nei {n},“ sagði Anna" for n in range(30))
    article = read(f"Í samtali við RÚV: {clauses}.")
    assert sum(q.cue is not None for q in article.quotes) >= 30
    assert len(calls) == len(set(calls))


@pytest.mark.slow
def test_a_long_article_with_many_quotes_and_cues(read: Read) -> None:
    """Thousands of quotes and reports, and a sentence with hundreds of cues, all come out.

    Before issue 14 the latest-speaker look-up re-sorted every claim and the medium rescanned
    the sentence per cue: quadratic, minutes on this input.
    """
    paragraphs = [
        f"„Við opnum aftur í maí {n},“ sagði Helga Björnsdóttir. Hún segir að salan hafi gengið vel {n}."
        for n in range(1500)
    ]
    long_sentence = ", ".join(f"Jón segir að {n} sé gott" for n in range(300))
    article = read("\n".join([*paragraphs, long_sentence + "."]))
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 1500
    assert all(q.speaker is not None and q.speaker.name == "Helga Björnsdóttir" for q in direct)
    assert sum(q.kind == "indirect" for q in article.quotes) >= 1500


def test_quote_reopened_in_each_paragraph_is_one_group_with_the_cue_on_every_part() -> None:
    """Paragraphs of one quote, each re-opened with „ and only the last closed, share a group
    (the start of the first part); every part has the speaker, cue and mention of the cue."""
    text = (
        "„Við höfum unnið að þessu í marga mánuði og nú sér loks fyrir endann á því.\n\n"
        "„Starfsfólkið á mikið hrós skilið fyrir þolinmæðina.\n\n"
        "„Við opnum aftur á mánudag,“ segir Helga Björnsdóttir, eigandi bakarísins.\n\n"
        "„Þetta er stór dagur,“ sagði Jón Jónsson."
    )
    article = Article.from_text(text)
    parts = [q for q in article.quotes if q.group is not None]
    assert [q.text for q in parts] == [
        "Við höfum unnið að þessu í marga mánuði og nú sér loks fyrir endann á því.",
        "Starfsfólkið á mikið hrós skilið fyrir þolinmæðina.",
        "Við opnum aftur á mánudag,",
    ]
    assert {q.group for q in parts} == {parts[0].span.start}
    assert {(q.speaker.name if q.speaker else None, q.cue, q.speaker_span, q.cue_span) for q in parts} == {
        ("Helga Björnsdóttir", "segja", parts[-1].speaker_span, parts[-1].cue_span)
    }
    assert parts[-1].speaker_span is not None
    (alone,) = [q for q in article.quotes if q.group is None]
    assert alone.text == "Þetta er stór dagur,"


def test_a_heading_naming_a_document_and_its_issuer_attributes_the_quote_after_it() -> None:
    """``Tilkynning frá Landsbankanum:`` then a quote: the issuer speaks, rule ``direct.document_before``.

    The bank is named as the text names it, with its article: ``Landsbankinn``.
    """
    article = Article.from_text("Tilkynning frá Landsbankanum:\n„Netbankinn liggur niðri vegna bilunar.“")
    (quote,) = article.quotes
    assert quote.rule == "direct.document_before"
    assert quote.speaker is not None
    assert quote.speaker.name == "Landsbankinn"


def test_a_long_sentence_with_a_colon_is_no_document_heading() -> None:
    """A sentence that names no document before its colon gives the quote no issuer."""
    article = Article.from_text(
        "Þá var haldinn fundur um málið með íbúum í gær og niðurstaðan var skýr:\n„Við viljum nýjan veg.“"
    )
    assert all(q.rule != "direct.document_before" for q in article.quotes)
    assert all(q.speaker is None for q in article.quotes)


@pytest.mark.parametrize(
    ("between", "speaker", "rule"),
    [
        ("Páll Pálsson, þjálfari gestanna, var ekki sáttur.", "Páll Pálsson", "direct.introduced"),
        ("Páll Pálsson þjálfari var ekki sáttur við dómgæsluna.", "Páll Pálsson", "direct.introduced"),
        # not a person, or a one-word name that may be another word: the speaker before goes on
        ("Liðið hefur nú tapað þremur leikjum í röð.", "Anna Jónsdóttir", "direct.continuation"),
        ("Gerðar verða breytingar á liðinu.", "Anna Jónsdóttir", "direct.continuation"),
        # the person is no subject of the sentence
        ("Dómarinn rak Pál Pálsson af velli.", "Anna Jónsdóttir", "direct.continuation"),
    ],
)
def test_a_quote_with_no_cue_goes_to_the_person_the_sentence_before_has_as_subject(
    between: str, speaker: str, rule: str
) -> None:
    text = f"„Við unnum verðskuldað,“ sagði Anna Jónsdóttir.\n{between} „Dómarinn gerði mistök.“"
    last = Article.from_text(text).quotes[-1]
    assert last.text == "Dómarinn gerði mistök."
    assert (last.speaker and last.speaker.name, last.rule) == (speaker, rule)
