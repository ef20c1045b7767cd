"""Regression tests: one per class of attribution error fixed on real articles.

The texts are made up for these tests; each mimics the construction that went wrong in a real
article of the development corpus (named in the docstring by its corpus id).
"""

from __future__ import annotations

import pytest

from frettir import Article, Quote


def _quotes(text: str, kind: str | None = None) -> list[Quote]:
    return [q for q in Article.from_text(text).quotes if kind is None or q.kind == kind]


def _who(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def test_pronoun_prefers_the_subject_over_a_genitive_mention() -> None:
    """`hann` after `X sagði … við hlið Donalds Trump` is X, not Trump (seed article)."""
    text = (
        "Pútín sagði að bandamenn ættu ekki að tefja friðinn þegar hann talaði við hlið Donalds Trump.\n"
        "Hann sagði að Moskva vildi semja sem fyrst."
    )
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["Pútín", "Pútín"]


def test_role_noun_links_to_the_person_with_that_title() -> None:
    """`sagði forsetinn` is the person introduced as `Rússlandsforseti` (visir-2016-12-putin-demokratar)."""
    text = (
        "Vladimír Pútín Rússlandsforseti segir að viðræðurnar gangi vel.\n\n"
        "„Við erum tilbúnir að semja,“ sagði forsetinn."
    )
    direct = _quotes(text, "direct")
    assert [_who(q) for q in direct] == ["Vladimír Pútín"]
    assert direct[0].speaker is not None and "Rússlandsforseti" in direct[0].speaker.titles


def test_body_by_its_short_name_is_the_body_named_in_full() -> None:
    """`spyr Veðurstofan` is `Veðurstofa Íslands` named earlier (mbl-2017-11-05-ovedrid-nalgast-odfluga)."""
    text = (
        "„Hvessir hratt í kvöld,“ segir í færslu sem Veðurstofa Íslands hefur birt.\n\n"
        "„Eru ekki örugglega allir komnir heim?“ spyr Veðurstofan."
    )
    assert [_who(q) for q in _quotes(text, "direct")] == ["Veðurstofa Íslands", "Veðurstofa Íslands"]


def test_object_of_a_preposition_is_not_the_subject() -> None:
    """`… árás á starfsfólk félagsins segist Björgólfur …`: the speaker follows the verb (frettabladid)."""
    text = (
        "Spurður út í ummæli um að þátturinn væri árás á starfsfólk félagsins "
        "segist Björgólfur ekki ætla að svara."
    )
    reports = _quotes(text, "indirect")
    assert len(reports) == 1
    assert _who(reports[0]) == "Björgólfur"
    assert reports[0].text.startswith("ekki ætla")


def test_coordinated_cue_takes_the_subject_of_its_clause() -> None:
    """`Enga skýringu gaf hann, en sagði að …` is said by `hann` (visir-2015-03-putin-krimskagi)."""
    text = "Jón Jónsson kom heim í gær. Enga skýringu gaf hann á ferðinni, en sagði að lífið væri gott."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.text) for q in reports] == [("Jón Jónsson", "lífið væri gott")]


def test_report_ends_where_a_new_clause_starts_after_comma_en() -> None:
    """`sagðist stefna að X, en ekkert slíkt virðist …`: the report stops at `, en` (seed article)."""
    text = "Trump sagðist stefna að vopnahléi, en ekkert slíkt virðist hafa fengist."
    reports = _quotes(text, "indirect")
    assert [q.text for q in reports] == ["stefna að vopnahléi"]


def test_infinitive_report_is_not_cut_at_til_ad() -> None:
    """`sagði X vera tilraun til að …` is one infinitive report (visir-2016-12-putin-demokratar)."""
    text = "Pútín sagði ásakanirnar vera tilraun til að koma sökinni á aðra."
    reports = _quotes(text, "indirect")
    assert [q.text for q in reports] == ["ásakanirnar vera tilraun til að koma sökinni á aðra"]


def test_cue_after_an_auxiliary_takes_the_auxiliarys_subject() -> None:
    """`Elín gat staðfest að …` is Elín's report (dv-2021-03-18-umferdarslys-vesturlandsvegi)."""
    text = "Elín Kristínardóttir gat staðfest að tveir hefðu slasast."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.cue, q.text) for q in reports] == [
        ("Elín Kristínardóttir", "staðfesta", "tveir hefðu slasast")
    ]


def test_impersonal_passive_report_has_no_speaker() -> None:
    """`Ekki er talið að …` reports nobody in particular (visir-2021-handtekinn-sveddja)."""
    text = "Jón Jónsson var handtekinn í gær. Ekki er talið að almenningur hafi verið í hættu."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.cue, q.rule) for q in reports] == [(None, "telja", "indirect.passive")]


def test_infinitive_after_ad_is_not_a_cue() -> None:
    """`Af leiknum er það að segja að …` is no report (karfan-hart-barist-um-alla-deild)."""
    assert _quotes("Af leiknum er það að segja að liðin skildu jöfn.", "indirect") == []


def test_noun_after_a_preposition_is_not_a_cue_verb() -> None:
    """`í svari við spurningu` holds the noun `svar`, not the verb `svara` (mbl-2011-09-15-…)."""
    text = "Ögmundur Jónasson sagði í svari við spurningu á Alþingi að það væri rétt."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.cue, q.text) for q in reports] == [("Ögmundur Jónasson", "segja", "það væri rétt")]


def test_hafa_eftir_names_the_source_and_the_medium() -> None:
    """`Vísir hefur eftir X að …`: X said it, to Vísir; `óskað eftir því að` is no cue."""
    text = "Vísir hefur eftir Önnu Jónsdóttur að hún sé hætt. Hún hafi óskað eftir því að fá frí."
    reports = _quotes(text, "indirect")
    assert (_who(reports[0]), reports[0].cue, reports[0].medium) == ("Anna Jónsdóttir", "hafa eftir", "Vísir")
    assert all(q.cue != "hafa eftir" for q in reports[1:])


def test_subjunctive_continuation_past_an_ambiguous_verb() -> None:
    """`Hann ætlaði að gera það … en fyrst væri …` continues the report (ruv-bjarni-margt-…)."""
    text = (
        "Bjarni Benediktsson sagði að margt væri ógert. "
        "Hann ætlaði að gera það síðar í dag en fyrst væri það að hitta þingflokkinn."
    )
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.rule) for q in reports] == [
        ("Bjarni Benediktsson", "indirect.that_clause"),
        ("Bjarni Benediktsson", "indirect.subjunctive"),
    ]


def test_conditional_subjunctive_is_not_a_continuation() -> None:
    """A sentence opening with `Ef` is a conditional, not a reportive subjunctive."""
    text = "Jón Jónsson sagði að veðrið yrði gott. Ef það rigndi færi hann heim."
    assert [q.rule for q in _quotes(text, "indirect")] == ["indirect.that_clause"]


def test_report_nested_in_a_report_of_the_same_speaker_is_not_repeated() -> None:
    """`bætir X við að hann álíti feril sinn góðan` is one report (eyjan-2019-11-17-forstjori-samherja)."""
    text = "Þá bætir Björgólfur Jóhannsson við að hann álíti feril sinn vera góðan."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.cue) for q in reports] == [("Björgólfur Jóhannsson", "bæta við")]


def test_report_nested_in_a_report_of_another_speaker_is_kept() -> None:
    """`segir að stjórnvöld hafi talið að …` holds a report of `stjórnvöld` (ruv-2021-04-09-…)."""
    text = "Katrín Jakobsdóttir segir að stjórnvöld höfðu talið að reglugerðin væri lögleg."
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["Katrín Jakobsdóttir", "stjórnvöld"]


def test_next_paragraph_naming_the_author_attributes_a_quote_paragraph() -> None:
    """`„…“` then `Þannig hófst pistill eftir X` is X's (hringbraut-frettir-helgarinnar)."""
    text = "„Í dag kveðjum við jökulinn sem er horfinn.“\n\nÞannig hófst pistill eftir Katrínu Jakobsdóttur."
    direct = _quotes(text, "direct")
    assert [(_who(q), q.rule) for q in direct] == [("Katrín Jakobsdóttir", "direct.this_names")]


def test_report_from_a_notice_is_by_the_body_that_issued_it() -> None:
    """`Í tilkynningu frá lögreglunni segir að …` is the police's report."""
    text = "Í tilkynningu frá lögreglunni segir að enginn hafi slasast."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.medium) for q in reports] == [("lögreglan", "tilkynning")]


def test_ambiguous_name_form_resolves_to_the_known_person() -> None:
    """`að sögn Sölva` is Sölvi, not a woman named Sölva (visir-2009-09-solvi-david-vidtal)."""
    text = "Sölvi Tryggvason stýrir þættinum. Þátturinn er ekki í beinni útsendingu að sögn Sölva."
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["Sölvi Tryggvason"]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("„Þetta gekk vel,“ segir Jón Jónsson í samtali við mbl.is.", "mbl.is"),
        ("Jón Jónsson sagði á Facebook að allt væri gott.", "Facebook"),
        ("Jón Jónsson sagði í viðtali við Vísi að hann væri hættur.", "Vísir"),
    ],
)
def test_medium_of_a_quote(text: str, medium: str) -> None:
    """The medium named in the cue's sentence is on the quote."""
    assert [q.medium for q in _quotes(text)] == [medium]


def test_journalists_question_in_running_text_is_not_a_quote() -> None:
    """`Þegar fréttamaður spurði X hvort …` is the outlet's question, not a report."""
    text = (
        "Þegar fréttamaður ríkisútvarpsins spurði Henrik Solvang hvort Norðmenn myndu gefa eftir "
        "svaraði hann: „Það er of snemmt að segja til um það.“"
    )
    quotes = Article.from_text(text).quotes
    assert [(q.kind, _who(q), q.cue) for q in quotes] == [("direct", "Henrik Solvang", "svara")]


def test_subject_first_in_a_subordinate_clause() -> None:
    """`Þegar X spurði …`: the subject after a capitalised subordinator stands first in its clause."""
    text = "Þegar Anna Jónsdóttir spurði hvort fundinum væri lokið svaraði enginn."
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["Anna Jónsdóttir"]


def test_adjective_that_is_also_a_noun_starts_a_description() -> None:
    """`Norska veðurstofan varar við … og segir að …`: the speaker keeps its adjective."""
    text = "Norska veðurstofan varar við hvassviðri og segir að flug geti raskast."
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["norska veðurstofan"]


def test_partial_quote_after_kalla_is_speech() -> None:
    """`Hún kallaði ástandið „óviðunandi“` reports her word."""
    text = "Hildur Bergþórsdóttir sveitarstjóri kallaði ástandið „óviðunandi“ á fundinum."
    direct = _quotes(text, "direct")
    assert [(q.text, _who(q), q.cue) for q in direct] == [("óviðunandi", "Hildur Bergþórsdóttir", "kalla")]


def test_sentence_initial_given_name_is_a_person() -> None:
    """`Ragnar segir …`: a first name that is also a verb form in BÍN is the speaker."""
    reports = _quotes("Ragnar segir heimahjúkrun vera hagkvæmustu lausnina.", "indirect")
    assert [(_who(q), q.text) for q in reports] == [("Ragnar", "heimahjúkrun vera hagkvæmustu lausnina")]


def test_cue_after_a_stray_closing_mark_reports_nothing() -> None:
    """`…,“ segir Guðbjörg sem …` (opening mark lost): no infinitive report is made up."""
    assert _quotes("Það ýtir manni áfram,“ segir Guðbjörg sem verður ekki 17 ára fyrr en í vetur.") == []


def test_fronted_object_is_not_the_subject() -> None:
    """`Varðandi stöðuna sagði Steingrímur …`: an accusative noun phrase is not a subject."""
    reports = _quotes("Varðandi ritstjórastöðuna sagði Steingrímur ekki við neinn að sakast.", "indirect")
    assert [_who(q) for q in reports] == ["Steingrímur"]


def test_acronym_keeps_its_letters() -> None:
    """`BBC segir …` is spoken by `BBC`, not by the expansion BÍN gives."""
    reports = _quotes("BBC segir marga nemendur hafa verið í hópnum.", "indirect")
    assert [_who(q) for q in reports] == ["BBC"]


def test_parse_does_not_borrow_the_subject_of_another_clause() -> None:
    """`X fjölgaði … en þar segir að …`: the impersonal report has no speaker from the first clause."""
    text = (
        "Félögum fjölgaði mikið samkvæmt skýrslunni en þar segir enn fremur að þetta hafi verið óheppilegt."
    )
    reports = _quotes(text, "indirect")
    assert [q.text for q in reports] == ["þetta hafi verið óheppilegt"]
    assert all(_who(q) != "Félögum" for q in reports)


def test_notice_source_wins_over_a_parsed_subject_inside_the_report() -> None:
    """`Í tilkynningu frá X segir að Y hafi …`: X reports; Y is inside the report."""
    reports = _quotes("Í tilkynningu frá Seðlabanka Íslands segir að innstreymi hafi aukist.", "indirect")
    assert [_who(q) for q in reports] == ["Seðlabanki Íslands"]


def test_subject_with_a_relative_clause_is_found_by_the_parser() -> None:
    """`X sem starfar með Y segir að …`: Greynir's parse gives a description X (rule `+parse`)."""
    text = "Sjálfboðaliðinn sem starfar með dýraverndunarsamtökum segir að hundarnir lifi stutt."
    reports = [q for q in Article.from_text(text, parse="frame").quotes if q.kind == "indirect"]
    assert [(_who(q), q.rule) for q in reports] == [("sjálfboðaliðinn", "indirect.that_clause+parse")]


@pytest.mark.parametrize("mode", ["none", "frame"])
def test_a_name_with_a_relative_clause_and_no_commas_is_the_subject_of_the_cue_after_it(mode: str) -> None:
    """`Nadiya Apolonova sem starfar með … segir að …` (GreynirCorpus, a news sentence): the
    cue is the second finite verb after *sem*, so the name opening the sentence is its subject."""
    text = "Nadiya Apolonova sem starfar með dýraverndunarsamtökum segir að hundarnir lifi stutt."
    reports = [q for q in Article.from_text(text, parse=mode).quotes if q.kind == "indirect"]  # type: ignore[arg-type]
    assert [(_who(q), q.rule) for q in reports] == [("Nadiya Apolonova", "indirect.that_clause")]


def test_infinitive_fronted_in_a_that_clause() -> None:
    """`segir að efla þurfi X`: `að` is the complementizer before a fronted infinitive."""
    reports = _quotes("Framkvæmdastjórinn segir að efla þurfi forvarnarstarf.", "indirect")
    assert [q.text for q in reports] == ["efla þurfi forvarnarstarf"]


def test_interview_answer_after_a_question_paragraph() -> None:
    """Q&A layout: a quoted answer after an unquoted question is the interviewee's."""
    text = (
        "Sigrún Pálsdóttir tók við starfi leikhússtjóra í haust.\n\n"
        "Hvernig leggst veturinn í þig?\n\n"
        "„Mjög vel. Við frumsýnum þrjú ný verk og ég hlakka til.“"
    )
    direct = _quotes(text, "direct")
    assert [(_who(q), q.rule) for q in direct] == [("Sigrún Pálsdóttir", "direct.interview_answer")]


def test_plural_pronoun_resolves_to_a_group() -> None:
    """`Vísindamenn … Þeir segja að …`: a plural pronoun takes the latest plural group, not a person."""
    text = (
        "Vísindamenn fylgjast grannt með svæðinu. Þeir segja að gos geti hafist. "
        "Jón Jónsson var á staðnum. Þeir segja líka að hættan sé lítil."
    )
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.text) for q in reports] == [
        ("vísindamenn", "gos geti hafist"),
        ("vísindamenn", "hættan sé lítil"),
    ]


def test_short_quote_opening_its_own_sentence_is_speech() -> None:
    """`„…,“ sagði hún. „Við erum tilbúin.“`: a short quote that opens a sentence continues."""
    text = "„Þetta var erfitt,“ sagði Anna Jónsdóttir. „Við erum tilbúin.“"
    assert [(q.text, _who(q)) for q in _quotes(text, "direct")] == [
        ("Þetta var erfitt,", "Anna Jónsdóttir"),
        ("Við erum tilbúin.", "Anna Jónsdóttir"),
    ]


def test_title_of_a_work_after_its_noun_is_not_speech() -> None:
    """`söng lagið „Ég er kominn heim aftur“`: a song title of five words is not a quote."""
    assert _quotes("Hún söng lagið „Ég er kominn heim aftur“ á tónleikunum.") == []


def test_fronted_particle_of_koma_fram() -> None:
    """`Fram kemur í tilkynningu frá X að …`: X's report, cue `koma fram`."""
    reports = _quotes("Fram kemur í tilkynningu frá lögreglunni að enginn hafi slasast.", "indirect")
    assert [(_who(q), q.cue) for q in reports] == [("lögreglan", "koma fram")]


def test_comparative_en_does_not_end_a_report() -> None:
    """`sé minna en óttast var`: `en` after a comparative is no new clause."""
    reports = _quotes("Jón segir að tjónið sé minna en óttast var.", "indirect")
    assert [q.text for q in reports] == ["tjónið sé minna en óttast var"]


def test_first_person_report_in_running_text_has_no_named_speaker() -> None:
    """`Jón kom. Ég tel að …`: the writer's own opinion is not given to the last person named."""
    reports = _quotes("Jón Jónsson kom í gær. Ég tel að hann hafi komið of seint.", "indirect")
    assert [_who(q) for q in reports] == [None]


def test_title_first_then_the_name_in_apposition() -> None:
    """`Forstjóri Icelandair, Bogi Nils Bogason, segir að …`: the named person, with the title."""
    article = Article.from_text("Forstjóri Icelandair, Bogi Nils Bogason, segir að farþegum hafi fjölgað.")
    [report] = article.quotes
    assert _who(report) == "Bogi Nils Bogason"
    assert report.speaker is not None and report.speaker.titles == ("forstjóri Icelandair",)


def test_samkvaemt_is_a_source_of_facts_not_a_report() -> None:
    """`samkvæmt heimildum X` is not annotated as speech (ANNOTATION.md); frettir leaves it."""
    assert _quotes("Bókin kemur út í vor samkvæmt heimildum Nútímans.") == []


def test_called_out_to_a_place_is_no_report() -> None:
    """`var kallað út að íbúðarhúsi`: a preposition `að` after a passive call-out, no quote."""
    assert _quotes("Slökkviliðið var kallað út að íbúðarhúsi í Breiðholti í gærkvöldi.") == []


def test_ad_hans_sogn_takes_the_pronouns_antecedent() -> None:
    """`Að hans sögn …` (one token in reynir) is the report of the man named before."""
    text = "„Það logaði glatt,“ segir Stefán Árnason varðstjóri. Að hans sögn gekk slökkvistarf vel."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.cue, q.text) for q in reports] == [
        ("Stefán Árnason", "að sögn", "gekk slökkvistarf vel")
    ]


def test_subject_closed_by_a_place_phrase() -> None:
    """`Lögreglan á höfuðborgarsvæðinu greindi frá því að …`: the place belongs to the speaker."""
    text = "Lögreglan á höfuðborgarsvæðinu greindi frá því í tilkynningu að rannsóknin væri á frumstigi."
    reports = _quotes(text, "indirect")
    assert [(_who(q), q.rule) for q in reports] == [
        ("Lögreglan á höfuðborgarsvæðinu", "indirect.that_clause")
    ]


def test_name_in_apposition_after_a_description_with_a_phrase() -> None:
    """`Íbúi í húsinu, Kristín Gunnarsdóttir, segist …`: Kristín, not `húsið`, is the speaker."""
    reports = _quotes(
        "Íbúi í húsinu, Kristín Gunnarsdóttir, segist hafa vaknað við reykskynjarann.", "indirect"
    )
    assert [_who(q) for q in reports] == ["Kristín Gunnarsdóttir"]
    assert reports[0].speaker is not None and "húsið" not in reports[0].speaker.titles


def test_coordinated_cue_with_its_own_subject_after_og() -> None:
    """`Unnið var að X og sagði skólastjórinn að …`: `og` is no adverb, the subject follows the verb."""
    reports = _quotes("Unnið var að lausn málsins og sagði skólastjórinn að allt væri í lagi.", "indirect")
    assert [_who(q) for q in reports] == ["skólastjórinn"]


def test_relative_pronoun_subject_names_nobody_from_its_clause() -> None:
    """`Sá sem stýrði fundinum sagði að …`: not the meeting, nor a noun inside the relative clause."""
    reports = _quotes("Sá sem stýrði fundinum sagði að niðurstaðan væri góð.", "indirect")
    assert [q.text for q in reports] == ["niðurstaðan væri góð"]
    assert all(_who(q) is None or "fund" not in (_who(q) or "") for q in reports)


def test_notice_without_a_named_source_takes_the_body_named_just_before() -> None:
    """`Héraðsdómur Reykjavíkur dæmdi … Í dómnum segir að …`: the court, not an earlier speaker."""
    text = (
        "„Ég er í besta formi lífs míns,“ segir Hólmar Örn Eyjólfsson.\n\n"
        "Héraðsdómur Reykjavíkur dæmdi í gær karlmann í fangelsi. "
        "Í dómnum segir að maðurinn hafi dregið sér fé."
    )
    reports = _quotes(text, "indirect")
    assert [_who(q) for q in reports] == ["Héraðsdómur Reykjavíkur"]


def test_apposition_that_is_a_clause_is_no_title() -> None:
    """`Þjálfari KR, Óskar Hrafn Þorvaldsson, var ekki sáttur.`: `var ekki` is no title."""
    article = Article.from_text(
        "Þjálfari KR, Óskar Hrafn Þorvaldsson, var ekki sáttur. „Þetta var slakt,“ sagði Óskar."
    )
    assert [s.name for s in article.speakers] == ["Óskar Hrafn Þorvaldsson"]
    assert all("var" not in title for s in article.speakers for title in s.titles)


def test_pronoun_takes_a_foreign_subject_of_unknown_gender() -> None:
    """`„…,“ sagði Macron. Hann sagði …`: the foreign name just before, not an older known-gender one."""
    text = (
        "Emmanuel Macron Frakklandsforseti og Olaf Scholz Þýskalandskanslari funduðu í Berlín í dag.\n\n"
        "„Evrópa verður að standa saman,“ sagði Macron á blaðamannafundi. "
        "Hann sagði jafnframt að Frakkar myndu auka framlög sín."
    )
    assert [_who(q) for q in _quotes(text)] == ["Emmanuel Macron", "Emmanuel Macron"]


def test_coordinated_cue_takes_the_clauses_first_subject() -> None:
    """`Scholz tók undir orð Macrons en lagði áherslu á að …`: Scholz, not the genitive Macron."""
    text = "Olaf Scholz tók undir orð Macrons en lagði áherslu á að Þjóðverjar vildu ekki senda hermenn."
    assert [(_who(q), q.cue) for q in _quotes(text, "indirect")] == [("Olaf Scholz", "leggja áherslu")]


def test_english_quote_with_english_attribution() -> None:
    """`“…,” said John Smith` inside an Icelandic article names John Smith, cue `segja`."""
    text = "Veðrið gengur niður í nótt.\n\n“We expect the storm to pass by morning,” said John Smith."
    assert [(_who(q), q.cue) for q in _quotes(text, "direct")] == [("John Smith", "segja")]


def test_this_came_out_in_someones_speech_after_a_quote_paragraph() -> None:
    """`„…“` then `Þetta kom fram í máli X`: X's words, cue `koma fram`."""
    text = "„Við munum ekki hækka skatta.“\n\nÞetta kom fram í máli Bjarna Benediktssonar á Alþingi í dag."
    assert [(_who(q), q.cue) for q in _quotes(text, "direct")] == [("Bjarni Benediktsson", "koma fram")]


def test_passive_question_is_not_a_quote() -> None:
    """`… þegar hann var spurður hvort …`: a journalist's question in running text."""
    text = "„Já,“ svaraði Jón Jónsson þegar hann var spurður hvort hann ætlaði að bjóða sig fram."
    assert [(q.kind, _who(q)) for q in _quotes(text)] == [("direct", "Jón Jónsson")]


# --- issue 10 §2.6: word readings ---------------------------------------------------------------


def test_a_noun_after_an_attribute_is_not_a_subjunctive_verb() -> None:
    """``ævilöngu fangelsi``: *fangelsi* is a noun here, so the sentence does not continue a report.

    BÍN also reads *fangelsi* as a subjunctive of *fangelsa*
    (visir-2026-03-11-rikissaksoknari-hrydjuverkamal).
    """
    text = (
        "Saksóknari segir að málið verði flutt í haust. Brot af þessu tagi varða allt að ævilöngu fangelsi."
    )
    assert [q.text for q in _quotes(text, "indirect")] == ["málið verði flutt í haust"]


def test_a_noun_after_a_preposition_is_not_a_subjunctive_verb() -> None:
    """``úr plasti``: *plasti* after a preposition is a noun, not *plasta* in the subjunctive."""
    text = "Forstjórinn segir að umbúðirnar verði endurunnar. Flestar flöskurnar eru úr plasti."
    assert [q.text for q in _quotes(text, "indirect")] == ["umbúðirnar verði endurunnar"]


def test_a_subjunctive_sentence_with_its_subject_left_out_still_continues() -> None:
    """``Hafi …`` first in a sentence is the verb: *hafi* has no nominative noun reading."""
    text = (
        "Jón segist hafa farið í stjórnmál vegna þess að hann hafi trú á hugsjónum. "
        "Hafi hann alltaf viljað bæta samfélagið."
    )
    continued = [q for q in _quotes(text, "indirect") if q.rule == "indirect.subjunctive"]
    assert [q.text for q in continued] == ["Hafi hann alltaf viljað bæta samfélagið"]


def test_a_plural_noun_that_is_also_a_second_person_verb_is_no_cue() -> None:
    """``bind ég vonir við að``: *vonir* is the plural of *von*; *(þú) vonir* needs its *þú*.

    vb-2013-12-sigthor-aramot gave the clause after it as a report of *vona*.
    """
    text = "Sigþór Jónsson er bjartsýnn á nýja árið. Þá bind ég vonir við að fjárfesting aukist."
    assert [q.cue for q in _quotes(text, "indirect")] == []


def test_a_cue_opening_its_sentence_continues_the_subject_before() -> None:
    """``X fullyrti að … Segir að …``: the left-out subject is X, not someone inside X's report.

    frettabladid-markadurinn-kveikur-samherji.
    """
    text = (
        "Félagið fullyrti að blaðið hefði haldið því fram að milljónir hefðu horfið. "
        "Segir að hið rétta sé að allt hafi verið greitt."
    )
    reports = _quotes(text, "indirect")
    assert [(q.text, _who(q)) for q in reports][-1] == ("hið rétta sé að allt hafi verið greitt", "félagið")


# --- issue 10 §2.5: where a reported clause starts and ends -----------------------------------


def test_according_to_after_en_governs_the_clause_after_it() -> None:
    """``… en að sögn lögreglunnar voru …``: the phrase opens its own clause.

    frettabladid-2020-12-aslaug-asmundarsalur.
    """
    text = "Samkomubann var þá í gildi en að sögn lögreglunnar voru fjörutíu manns í salnum."
    assert [q.text for q in _quotes(text, "indirect")] == ["voru fjörutíu manns í salnum"]


def test_according_to_late_in_a_sentence_scopes_its_own_clause() -> None:
    """``A en B, að sögn X``: X vouches for B, not for the clause before *en*."""
    text = "Vegurinn var lokaður í morgun en hann verður opnaður aftur síðdegis, að sögn Vegagerðarinnar."
    assert [q.text for q in _quotes(text, "indirect")] == ["hann verður opnaður aftur síðdegis"]


def test_according_to_after_a_comparison_keeps_the_whole_clause() -> None:
    """``meira en …``: a comparative *en* joins no clauses, so the report is the whole sentence."""
    text = "Tjónið var meira en búist var við, að sögn lögreglunnar."
    assert [q.text for q in _quotes(text, "indirect")] == ["Tjónið var meira en búist var við"]


# --- issue 10 §2.4: cues -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "report"),
    [
        (
            "Íbúar hafa skorað á sveitarstjórnina að hætta við framkvæmdina.",
            "skora á",
            "hætta við framkvæmdina",
        ),
        ("Félagið óskaði eftir því við bæinn að vinnu yrði hraðað.", "óska eftir", "vinnu yrði hraðað"),
        ("Stéttarfélagið krafðist þess að samningnum yrði rift.", "krefjast", "samningnum yrði rift"),
        ("Ráðherrann lagði til að lögunum yrði breytt.", "leggja til", "lögunum yrði breytt"),
        ("Þingmaðurinn sakaði ráðherrann um að hafa leynt upplýsingum.", "saka um", "hafa leynt upplýsingum"),
    ],
)
def test_requests_demands_and_proposals_are_reported_speech(text: str, cue: str, report: str) -> None:
    """Requests, demands, proposals and accusations report a clause (ANNOTATION.md, Settled cases).

    The clause after *að* may be an infinitive (*að hætta*); bb-2020-12-daniel-til-arctic-fish
    and visir-2016-04-sigmundur-bitid had *óska eftir* and *skora á* missed.
    """
    assert [(q.cue, q.text) for q in _quotes(text, "indirect")] == [(cue, report)]


@pytest.mark.parametrize(
    ("text", "cue", "report"),
    [
        ("Sveitarstjórinn hafnar því að reglur hafi verið brotnar.", "hafna", "reglur hafi verið brotnar"),
        (
            "Formaðurinn gagnrýnir að starfsfólk hafi ekki verið upplýst.",
            "gagnrýna",
            "starfsfólk hafi ekki verið upplýst",
        ),
        (
            "Söngvarinn minnist þess að hafa farið á tónleika sem barn.",
            "minnast",
            "hafa farið á tónleika sem barn",
        ),
    ],
)
def test_verbs_that_take_a_stand_on_a_claim_report_it(text: str, cue: str, report: str) -> None:
    """*hafna því að*, *gagnrýna að*, *minnast þess að* (kjarninn-sedlabankinn-esi-leynd,
    visir-2008-heidar-orn-uppsagnir-ruv, visir-2013-jokull-kaleo-harmageddon)."""
    assert [(q.cue, q.text) for q in _quotes(text, "indirect")] == [(cue, report)]


def test_a_nonfinite_middle_form_is_an_infinitive_report() -> None:
    """``hefur sagst ætla``: the supine of the middle *segjast* reports like *segist*."""
    quotes = _quotes("Jón Jónsson hefur sagst ætla að bjóða sig fram.", "indirect")
    assert [(q.cue, _who(q), q.text) for q in quotes] == [
        ("segjast", "Jón Jónsson", "ætla að bjóða sig fram")
    ]


def test_a_naming_verb_before_a_marked_term_is_no_cue() -> None:
    """``hefur verið nefnt „…“``: *nefna* names; it neither cues the marked words nor reports."""
    quotes = _quotes("Lengi hefur félagið verið nefnt „ruslakista bankans“.")
    assert [q for q in quotes if q.kind == "indirect" or q.cue is not None] == []


@pytest.mark.parametrize(
    ("text", "speaker", "report"),
    [
        (
            "Maðurinn skaut í átt að lögreglu, segir í tilkynningu frá Lögreglustjóranum.",
            "Lögreglustjórinn",
            "Maðurinn skaut í átt að lögreglu",
        ),
        (
            "Uppáhaldshljómsveitin hans er enn Bítlarnir, segir Jökull Jónsson.",
            "Jökull Jónsson",
            "Uppáhaldshljómsveitin hans er enn Bítlarnir",
        ),
        (
            "Tveir voru fluttir á sjúkrahús, að því er lögreglan sagði.",
            "lögreglan",
            "Tveir voru fluttir á sjúkrahús",
        ),
    ],
)
def test_a_report_before_its_cue(text: str, speaker: str, report: str) -> None:
    """``…, segir í tilkynningu``, ``… segir X``, ``…, að því er X sagði``: the clause before the cue.

    ruv-2021-08-27-byssumadur-egilsstodum and visir-2013-jokull-kaleo-harmageddon had these missed.
    """
    assert [(q.rule, _who(q), q.text) for q in _quotes(text, "indirect")] == [
        ("indirect.before_cue", speaker, report)
    ]


def test_a_verb_after_its_auxiliary_ends_no_report_before_it() -> None:
    """``Þetta vildi Björgvin ekki útskýra nánar.``: no clause of its own stands before the cue."""
    assert _quotes("Þetta vildi Björgvin ekki útskýra nánar.") == []


def test_a_small_clause_under_a_cue_starts_at_its_noun_phrase() -> None:
    """``segir málið óvenjulegt``: the report is the small clause, and the next subjunctive
    sentence carries it on (ruv-2011-08-manndrapsmal-flokid; ANNOTATION.md, Settled cases)."""
    text = "Björn Björnsson yfirlögregluþjónn segir málið óvenjulegt. Síðustu ár hafi slík mál verið fá."
    quotes = _quotes(text, "indirect")
    assert [(q.rule, _who(q), q.text) for q in quotes] == [
        ("indirect.small_clause", "Björn Björnsson", "málið óvenjulegt"),
        ("indirect.subjunctive", "Björn Björnsson", "Síðustu ár hafi slík mál verið fá"),
    ]


def test_an_object_without_a_predicate_is_no_small_clause() -> None:
    """``sagði söguna í gær``: an accusative object alone reports nothing."""
    assert _quotes("Hann sagði söguna í gær.") == []


def test_eins_og_is_no_coordinator_that_ends_a_report() -> None:
    """``… eins og spáð hafði verið``: *og* after *eins* compares; the report runs on (issue 10 §2.5)."""
    quotes = _quotes("Hún segir að veðrið verði gott eins og spáð hafði verið.", "indirect")
    assert [q.text for q in quotes] == ["veðrið verði gott eins og spáð hafði verið"]


def test_a_perfect_with_eftir_inside_a_report_does_not_cut_it() -> None:
    """``hafi misst vinnuna eftir fund``: the perfect of *missa*, not *hafa eftir*, so no new cue
    ends the report (issue 10 §2.5); ``hefur eftir X að`` is still a cue."""
    quotes = _quotes("Anna segir að maðurinn hafi misst vinnuna eftir fund með stjórninni.", "indirect")
    assert [q.text for q in quotes] == ["maðurinn hafi misst vinnuna eftir fund með stjórninni"]
    quoted = _quotes("Vísir hefur eftir Jóni Jónssyni að salan hafi aukist.", "indirect")
    assert [(q.cue, _who(q)) for q in quoted] == [("hafa eftir", "Jón Jónsson")]


def test_a_fronted_passive_participle_reports_with_no_speaker() -> None:
    """``…, en talið er að …``: the passive with its participle first (ruv-2011-08-manndrapsmal-flokid)."""
    quotes = _quotes("Vopnið er ekki fundið, en talið er að það sé hnífur.", "indirect")
    assert [(q.rule, q.cue, _who(q), q.text) for q in quotes] == [
        ("indirect.passive", "telja", None, "það sé hnífur")
    ]


def test_a_first_person_verb_reading_without_its_pronoun_does_not_end_a_report() -> None:
    """``… en vel geti …``: *vel* is the adverb, not *(ég) vel*, so the report runs on past *en*.

    dv-2024-09-krysuvikurvegur-rannsokn (issue 10 §2.6).
    """
    text = "Lögreglustjórinn segist ekki vilja tjá sig um málið en vel geti verið að fleiri komi við sögu."
    quotes = _quotes(text, "indirect")
    assert quotes[0].text == "ekki vilja tjá sig um málið en vel geti verið að fleiri komi við sögu"


def test_a_conditional_with_ef_does_not_continue_a_report() -> None:
    """``Það myndi … ef …``: a condition, not the report carried on.

    ANNOTATION.md; visir-2016-04-sigmundur-bitid.
    """
    text = (
        "Ráðherrann sagði samstarfið ekki hanga á bláþræði. "
        "Það myndi aðeins gerast ef menn vildu ekki vinna saman."
    )
    assert [q.text for q in _quotes(text, "indirect")] == ["samstarfið ekki hanga á bláþræði"]


def test_a_question_by_a_journalist_named_with_a_title_is_no_quote() -> None:
    """``X, þáttastjórnandi, spurði Y hvort …``: the host's question, like *fréttamaðurinn spurði*.

    visir-2022-01-em-hladvarp-slaemi-kaflinn (ANNOTATION.md: journalists' questions are not quotes).
    """
    text = "Stefán Árni Pálsson, þáttastjórnandi, spurði Ásgeir Örn hvort eitthvað hefði komið á óvart."
    assert _quotes(text, "indirect") == []
