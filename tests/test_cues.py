"""Cues: verb frames of saying and thinking beyond ``X segir að …``.

Requests with the one asked between the verb and *að*, thinkers in the dative
(*finnast*, *þykja*), reported questions, and the forms that only look like a cue verb.
Texts are made up, in the style of news.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article

Read = Callable[[str], Article]


def _summary(article: Article) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, text, speaker, cue, rule) of every quote, in order."""
    return [(q.kind, q.text, q.speaker.name if q.speaker else None, q.cue, q.rule) for q in article.quotes]


# --- requests, demands, proposals, threats, protests ---------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "clause"),
    [
        ("Ráðherrann hvatti landsmenn til að fara varlega um helgina.", "hvetja", "fara varlega um helgina"),
        ("Jón Jónsson hvetur fólk til þess að kjósa snemma.", "hvetja", "kjósa snemma"),
        ("Lögreglan bað ökumenn um að sýna aðgát.", "biðja", "sýna aðgát"),
        ("Lögreglan biður fólk að halda sig heima.", "biðja", "halda sig heima"),
        ("Sveitarstjórinn biðlaði til íbúa að spara vatn.", "biðla", "spara vatn"),
        ("Samtökin skoruðu á ríkisstjórnina að hætta við frumvarpið.", "skora á", "hætta við frumvarpið"),
        ("Maðurinn hótaði því að kveikja í húsinu.", "hóta", "kveikja í húsinu"),
        ("Íbúarnir mótmæltu því að skólanum yrði lokað.", "mótmæla", "skólanum yrði lokað"),
        ("Félagið krafðist þess að samningurinn yrði ógiltur.", "krefjast", "samningurinn yrði ógiltur"),
    ],
)
def test_request_with_the_one_asked_before_its_clause(read: Read, text: str, cue: str, clause: str) -> None:
    """A request is reported speech, its cue the verb's lemma; an object may stand before *að*."""
    [quote] = read(text).quotes
    assert (quote.kind, quote.text, quote.cue, quote.rule) == ("indirect", clause, cue, "indirect.request")
    assert quote.speaker is not None


def test_request_without_anyone_asking_is_no_quote(read: Read) -> None:
    """A passive request names nobody who asked (``Fólk er hvatt til að …``): no quote."""
    assert read("Fólk er hvatt til að fara varlega í umferðinni.").quotes == ()


def test_request_without_a_clause_is_no_quote(read: Read) -> None:
    """``hvetja til`` with a noun (a call for something) reports no clause."""
    assert read("Lögreglan hvetur til varkárni í umferðinni.").quotes == ()


def test_apology_is_no_request(read: Read) -> None:
    """``baðst afsökunar``: the middle voice of *biðja* is an apology, not a request."""
    assert read("Hann baðst afsökunar á því að hafa gleymt fundinum.").quotes == ()


def test_both_and_is_no_request(read: Read) -> None:
    """``bæði … og``: the conjunction is not the subjunctive of *biðja* (*bæði* = would ask)."""
    article = read("Þá kom fram að bæði kennarar og foreldrar væru ósáttir við að skólanum yrði lokað.")
    assert [q.cue for q in article.quotes] == ["koma fram"]


# --- thinkers in the dative ------------------------------------------------------------------


def test_dative_thinker_with_a_that_clause(read: Read) -> None:
    """``Jóni finnst að …``: the dative is the speaker, ``finnast`` the cue."""
    article = read("Jóni Sigurðssyni finnst að bærinn eigi að gera betur í snjómokstri.")
    assert _summary(article) == [
        (
            "indirect",
            "bærinn eigi að gera betur í snjómokstri",
            "Jón Sigurðsson",
            "finnast",
            "indirect.experiencer",
        )
    ]


def test_dative_pronoun_thinker_with_an_infinitive_report(read: Read) -> None:
    """``Henni fannst dómarinn hafa dæmt illa``: the pronoun resolves; the report starts at its subject."""
    article = read("Guðrún Jónsdóttir þjálfari var ósátt. Henni fannst dómarinn hafa dæmt leikinn illa.")
    assert _summary(article) == [
        (
            "indirect",
            "dómarinn hafa dæmt leikinn illa",
            "Guðrún Jónsdóttir",
            "finnast",
            "indirect.experiencer",
        )
    ]


def test_inverted_dative_thinker(read: Read) -> None:
    """``Þá fannst honum að …``: the dative after the verb."""
    article = read("Páll Ólafsson ræddi leikinn. Þá fannst honum að liðið hefði átt skilið að vinna.")
    [quote] = article.quotes
    assert (quote.text, quote.cue) == ("liðið hefði átt skilið að vinna", "finnast")
    assert quote.speaker is not None and quote.speaker.name == "Páll Ólafsson"


def test_thinker_with_a_nominative_small_clause(read: Read) -> None:
    """``þótti henni leikurinn góður``: under *þykja* the small clause's noun is nominative."""
    article = read("Sigríður Pálsdóttir horfði á leikinn. Henni þótti leikurinn ekki góður.")
    [quote] = article.quotes
    assert (quote.text, quote.cue, quote.rule) == ("leikurinn ekki góður", "þykja", "indirect.experiencer")


@pytest.mark.parametrize(
    "text",
    [
        "Líkið fannst í fjörunni í gær.",
        "Það þykir ljóst að framkvæmdir tefjast.",
        "Hann þótti líklegur til að vinna kosningarnar.",
        "Jökull kom heim í vor og þykir honum virkilega gott að koma heim.",
    ],
)
def test_find_and_seem_without_a_thinker_report_nothing(read: Read, text: str) -> None:
    """No dative beside the verb, or a liking with no clause of its own: no quote."""
    assert [q for q in read(text).quotes if q.cue in ("finnast", "þykja")] == []


# --- reported questions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Anna Sigurðardóttir spurði ráðherrann hvers vegna ekkert hefði verið gert.",
            "hvers vegna ekkert hefði verið gert",
        ),
        (
            "Björn Bjarnason spurði ráðherrann á hvaða grundvelli ákvörðunin hefði verið tekin.",
            "á hvaða grundvelli ákvörðunin hefði verið tekin",
        ),
        ("Anna Sigurðardóttir spurði hvort málið yrði rætt á fundinum.", "málið yrði rætt á fundinum"),
        (
            "Anna Sigurðardóttir spurði hvernig bærinn ætlaði að bregðast við.",
            "hvernig bærinn ætlaði að bregðast við",
        ),
    ],
)
def test_reported_question(read: Read, text: str, clause: str) -> None:
    """``spurði hvers vegna/hvernig/á hvaða …``: the question from its wh-phrase (or after *hvort*)."""
    [quote] = read(text).quotes
    assert (quote.kind, quote.text, quote.cue, quote.rule) == (
        "indirect",
        clause,
        "spyrja",
        "indirect.question",
    )


def test_question_framing_an_answer_is_no_quote(read: Read) -> None:
    """``…,“ sagði hún þegar X spurði hana hvað …``: the interviewer's question, not a report."""
    article = read(
        "„Ég er nýkomin heim frá Spáni,“ sagði Greta Jónsdóttir þegar Siggi Gunnars spurði hana "
        "hvað væri að frétta af henni."
    )
    assert [q.cue for q in article.quotes] == ["segja"]


# --- cues of direct quotes ---------------------------------------------------------------------


def test_going_on_introduces_a_quote(read: Read) -> None:
    """``og heldur áfram: „…“``: *halda áfram* is the cue of the quote it announces."""
    article = read(
        "„Þetta er merkilegur dómur,“ segir verjandinn Páll Ólafsson og heldur áfram:\n"
        "„Hann mun skipta máli.“"
    )
    assert [(q.text, q.cue) for q in article.quotes] == [
        ("Þetta er merkilegur dómur,", "segja"),
        ("Hann mun skipta máli.", "halda áfram"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Jónsdóttir heldur áfram að vinna að málinu.",
        "Björn Jónsson sagði að fjölskyldan myndi halda áfram að leita að drengnum.",
    ],
)
def test_going_on_reports_nothing(read: Read, text: str) -> None:
    """``heldur áfram að vinna``: going on with something is no report, and no cue of one."""
    assert all(q.cue != "halda áfram" for q in read(text).quotes)


@pytest.mark.parametrize(("verb", "cue"), [("bætti við", "bæta við"), ("hélt áfram", "halda áfram")])
def test_cue_ending_its_sentence_announces_the_next_quote(read: Read, verb: str, cue: str) -> None:
    """``…,“ sagði X og bætti við. „…“``: a cue with only its particle before the full stop."""
    article = read(f"„Við spiluðum vel,“ sagði Auðun Helgason og {verb}. „En við fengum á okkur þrjú mörk.“")
    assert [(q.text, q.cue, q.speaker.name if q.speaker else None) for q in article.quotes] == [
        ("Við spiluðum vel,", "segja", "Auðun Helgason"),
        ("En við fengum á okkur þrjú mörk.", cue, "Auðun Helgason"),
    ]


# --- false cues and continued reports ---------------------------------------------------------


def test_adverb_before_a_participle_is_no_cue(read: Read) -> None:
    """``hafi ítrekað haft samband``: *ítrekað* is an adverb here, and the report goes on."""
    article = read(
        "Reynir Jónsson segir að símtalið hafi ekki verið það fyrsta. "
        "Þær hafi ítrekað haft samband og viljað að blaðið hætti umfjöllun um málið."
    )
    assert [(q.text, q.cue) for q in article.quotes] == [
        ("símtalið hafi ekki verið það fyrsta", "segja"),
        ("Þær hafi ítrekað haft samband og viljað að blaðið hætti umfjöllun um málið", None),
    ]


def test_report_continues_in_the_next_paragraph(read: Read) -> None:
    """A paragraph whose first sentence's main verb is subjunctive carries the report on."""
    article = read(
        "Í dómnum taldi Hæstiréttur Íslands að ágallar hefðu verið á meðferð málsins.\n"
        "Það hafi verið óhjákvæmilegt að vísa málinu aftur til Landsréttar."
    )
    assert [(q.text, q.rule) for q in article.quotes] == [
        ("ágallar hefðu verið á meðferð málsins", "indirect.that_clause"),
        ("Það hafi verið óhjákvæmilegt að vísa málinu aftur til Landsréttar", "indirect.subjunctive"),
    ]
    assert article.quotes[0].speaker == article.quotes[1].speaker


def test_next_paragraph_with_an_indicative_first_verb_is_no_continuation(read: Read) -> None:
    """``ræddi`` may be indicative: across a paragraph break the first verb must be subjunctive."""
    article = read(
        "Í dómnum taldi Hæstiréttur Íslands að ágallar hefðu verið á meðferð málsins.\n"
        "Sigríður Jónsdóttir ríkissaksóknari ræddi málið við fréttastofu í dag."
    )
    assert [q.rule for q in article.quotes if q.rule == "indirect.subjunctive"] == []


# --- clauses without "að", and cues that start a sentence of their own ---------------------


def test_clause_with_its_complementizer_dropped(read: Read) -> None:
    """``fullyrti meðal annars X hafi …``: a nominative subject and a subjunctive verb, no *að*."""
    article = read("Samtökin fullyrtu meðal annars RÚV og Stundin hefðu farið með rangt mál.")
    [quote] = article.quotes
    assert (quote.text, quote.cue, quote.rule) == (
        "RÚV og Stundin hefðu farið með rangt mál",
        "fullyrða",
        "indirect.bare_clause",
    )


def test_indicative_object_is_no_dropped_complementizer(read: Read) -> None:
    """``sagði sögu af ferðinni``: an object and an indicative verb later is no reported clause."""
    assert read("Jón Jónsson sagði sögu af ferðinni og fór svo heim.").quotes == ()


def test_capitalised_cue_after_a_closed_quote_reports_its_own_clause(read: Read) -> None:
    """``„….“ Sagði hann liðið hafa …``: a new sentence with a report; the quote has no cue."""
    article = read(
        "Guðmundur Guðmundsson var ósáttur. „Við nýttum ekki færin.“ "
        "Sagði hann liðið hafa saknað Arons í leiknum."
    )
    assert [(q.kind, q.text, q.cue) for q in article.quotes] == [
        ("direct", "Við nýttum ekki færin.", None),
        ("indirect", "liðið hafa saknað Arons í leiknum", "segja"),
    ]


def test_capitalised_cue_with_no_clause_still_attributes_the_quote(read: Read) -> None:
    """``„….“ Sagði X eftir að liðið vann …``: *eftir að* opens a clause of time, no report."""
    article = read(
        "„Við spiluðum ekki vel.“ Sagði Steinþór Auðunsson leikmaður KA eftir að liðið vann Fylki."
    )
    assert [(q.kind, q.text, q.cue) for q in article.quotes] == [
        ("direct", "Við spiluðum ekki vel.", "segja")
    ]


# --- where a report ends ---------------------------------------------------------------------


def test_report_ends_before_en_and_a_long_subject(read: Read) -> None:
    """``… en formlegur kærufrestur til Landsréttar rennur út``: a new main clause after *en*."""
    article = read(
        "Snorri Sturluson verjandi segir föðurinn ekki mótmæla kröfunni en formlegur kærufrestur "
        "til Landsréttar rennur út á fimmtudag."
    )
    assert [q.text for q in article.quotes] == ["föðurinn ekki mótmæla kröfunni"]


def test_subjunctive_cue_form_does_not_end_a_report(read: Read) -> None:
    """``… og kalli ekki á leiðréttingu``: *kalli* is the report's own subjunctive verb."""
    article = read(
        "Ritstjórnin segir að fullyrðingarnar eigi ekki við rök að styðjast og kalli ekki á leiðréttingu."
    )
    assert [q.text for q in article.quotes] == [
        "fullyrðingarnar eigi ekki við rök að styðjast og kalli ekki á leiðréttingu"
    ]


def test_subordinate_clause_after_en_does_not_end_a_report(read: Read) -> None:
    """``… en eftir að þær fengu á sig mark hafi …``: the indicative is in the *eftir að* clause.

    *en* looks further for its verb than *og* does; a clause opened by *að* on the way is
    subordinate, so its indicative verb does not start a new main clause.
    """
    article = read(
        "Jóhannesi Karli fannst liðið byrja vel en eftir að þær fengu á sig markið hafi leikmennirnir hikað."
    )
    assert [q.text for q in article.quotes] == [
        "liðið byrja vel en eftir að þær fengu á sig markið hafi leikmennirnir hikað"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Elín Jónsdóttir gat ekki svarað til um hvort búið væri að opna veginn.",
        "Lögreglan vildi ekki segja hvort maðurinn hefði verið handtekinn.",
    ],
)
def test_negated_answer_to_a_question_reports_nothing(read: Read, text: str) -> None:
    """``vildi ekki segja hvort …``: a question left unanswered is no report."""
    assert read(text).quotes == ()


def test_negation_inside_the_question_still_reports_it(read: Read) -> None:
    """``spurði hvort málið yrði ekki rætt``: the negation is the question's own."""
    [quote] = read("Anna Jónsdóttir spurði hvort málið yrði ekki rætt.").quotes
    assert (quote.text, quote.cue) == ("málið yrði ekki rætt", "spyrja")


# --- passives and small clauses -----------------------------------------------------------------


def test_small_clause_with_its_that_clause_starts_at_it(read: Read) -> None:
    """``sagði það algerlega rangt að …`` gives ``það algerlega rangt að …`` (Settled cases)."""
    article = read("Anna Jónsdóttir sagði það algerlega rangt að hún hefði blekkt manninn.")
    [quote] = article.quotes
    assert (quote.text, quote.rule) == (
        "það algerlega rangt að hún hefði blekkt manninn",
        "indirect.small_clause",
    )


def test_passive_report_from_a_named_source(read: Read) -> None:
    """``Í tilkynningu frá X var sagt að …``: the body the notice is from speaks."""
    [quote] = read("Í tilkynningu frá lögreglunni á Suðurlandi var sagt að vegurinn væri lokaður.").quotes
    assert quote.text == "vegurinn væri lokaður"
    assert quote.speaker is not None and quote.speaker.name == "lögreglan á Suðurlandi"


def test_passive_report_with_a_raised_subject(read: Read) -> None:
    """``Hann var sagður hóta því að …``: the report is the clause from its subject."""
    article = read("Lögreglan sendi frá sér tilkynningu. Maðurinn var sagður hóta því að beita vopninu.")
    assert [(q.text, q.cue) for q in article.quotes] == [
        ("Maðurinn var sagður hóta því að beita vopninu", "segja")
    ]


def test_noun_after_its_determiner_does_not_end_the_search_for_a_question(read: Read) -> None:
    """``spurði út í það mat sem …, og á hvaða grundvelli …``: *mat* is a noun, not *meta*."""
    article = read(
        "Björn Leví spurði ráðherrann út í það mat sem fór fram á tilboðum og á hvaða grundvelli "
        "hafi verið ákveðið að skerða úthlutun."
    )
    assert [(q.text, q.cue) for q in article.quotes] == [
        ("á hvaða grundvelli hafi verið ákveðið að skerða úthlutun", "spyrja")
    ]


def test_subjunctive_after_its_pronoun_still_continues_a_report(read: Read) -> None:
    """``Það væri …``: *væri* agrees with *það* as a noun too, yet it is the subjunctive verb."""
    article = read(
        "Sigríður Jónsdóttir segir að verkefnið hafi gengið vel. Það væri þó dýrara en áætlað var."
    )
    assert [q.rule for q in article.quotes] == ["indirect.that_clause", "indirect.subjunctive"]


def test_passive_report_with_its_source_after_eftir(read: Read) -> None:
    """``Haft er eftir X að …``: the source is X."""
    [quote] = read("Haft er eftir forstjóranum í Morgunblaðinu að fyrirtækið standi vel.").quotes
    assert (quote.text, quote.cue) == ("fyrirtækið standi vel", "hafa eftir")
    assert quote.speaker is not None and quote.speaker.name == "forstjórinn"


def test_infinitive_after_a_middle_cue_is_no_cue_of_its_own(read: Read) -> None:
    """``sagðist telja að …``: one report, *segjast*'s, not a second with no speaker."""
    article = read("Páll Jónsson sagðist telja að málið leystist fljótlega.")
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in article.quotes] == [
        ("segjast", "Páll Jónsson")
    ]


@pytest.mark.parametrize("verb", ["neitaði", "viðurkenndi"])
def test_perfect_infinitive_after_a_stance_verb_is_reported(read: Read, verb: str) -> None:
    """``neitaði að hafa verið þar``: a claim about the past is reported, from after *að*."""
    [quote] = read(f"Páll Jónsson {verb} að hafa verið á staðnum um nóttina.").quotes
    assert quote.text == "hafa verið á staðnum um nóttina"


# --- cues with a particle: a middle verb, a noun in the particle ----------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "clause"),
    [
        (
            "Bankaráðið féllst á að vextir yrðu lækkaðir.",
            "bankaráðið",
            "fallast á",
            "vextir yrðu lækkaðir",
        ),
        (
            "Dómurinn féllst ekki á að ákærði hefði verið í neyðarvörn.",
            "dómurinn",
            "fallast á",
            "ákærði hefði verið í neyðarvörn",
        ),
        (
            "Sóley Halldórsdóttir vekur athygli á því að biðlistar hafi lengst.",
            "Sóley Halldórsdóttir",
            "vekja athygli á",
            "biðlistar hafi lengst",
        ),
        (
            "Á fundinum vakti bæjarstjórinn athygli á því að tjónið væri mikið.",
            "bæjarstjórinn",
            "vekja athygli á",
            "tjónið væri mikið",
        ),
    ],
)
def test_a_cue_whose_particle_is_a_word_of_its_own(
    read: Read, text: str, speaker: str, cue: str, clause: str
) -> None:
    """*féllst á að* is the middle *fallast* (BÍN's lemma is *falla*) with its particle;
    *vekja athygli á* has a noun in its particle, which is never read into the subject."""
    found = [(q.text, q.speaker and q.speaker.name, q.cue) for q in read(text).quotes]
    assert found == [(clause, speaker, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "Það vakti athygli að ráðherrann mætti ekki á fundinn.",
        "Skriðan féll á veginn í nótt og er hann lokaður.",
        "Liðið féll á því að nýta ekki færin.",
    ],
)
def test_the_same_verbs_without_their_particle_report_nothing(read: Read, text: str) -> None:
    assert read(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Sólveig Anna sagðist í samtali við RÚV vera sátt við niðurstöðuna.", "vera sátt við niðurstöðuna"),
        ("Hún sagðist jafnframt vera bjartsýn á framhaldið.", "vera bjartsýn á framhaldið"),
        ("Hann sagðist við komuna til landsins í gær ekki vilja tjá sig.", "ekki vilja tjá sig"),
        ("Sagðist hún ekki hafa frekari upplýsingar.", "ekki hafa frekari upplýsingar"),
        ("Hún segist í góðu formi fyrir leikinn.", "í góðu formi fyrir leikinn"),
    ],
)
def test_the_infinitive_report_of_a_middle_cue_starts_after_a_pp_or_connective_before_it(
    read: Read, text: str, clause: str
) -> None:
    """``sagðist í samtali við RÚV vera sátt``: the PP and *jafnframt* are the saying's; a
    negation is the report's; with no infinitive the PP is what was said."""
    assert [q.text for q in read(text).quotes] == [clause]


def test_an_infinitive_after_a_middle_cue_and_a_connective_is_no_cue_of_its_own(read: Read) -> None:
    found = _summary(read("Umboðsmaðurinn sagðist jafnframt telja eðlilegast að málið yrði skoðað."))
    assert [(kind, cue) for kind, _, _, cue, _ in found] == [("indirect", "segjast")]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Vextir lækka á næsta ári, segir Jón Jónsson.", "Vextir lækka á næsta ári", "Jón Jónsson"),
        ("Vextir munu lækka, sagði ráðherrann.", "Vextir munu lækka", "ráðherrann"),
    ],
)
def test_a_report_before_its_cue_may_have_a_plural_present_verb(
    read: Read, text: str, clause: str, speaker: str
) -> None:
    """*lækka* and *munu* look like infinitives; after a nominative plural they are finite."""
    assert [(q.text, q.speaker and q.speaker.name) for q in read(text).quotes] == [(clause, speaker)]


def test_an_infinitive_after_an_oblique_plural_is_no_clause_before_a_cue(read: Read) -> None:
    assert read("Að hækka vexti, segir Jón.").quotes == ()
