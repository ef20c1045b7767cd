"""Where a cue's clause is, found on sentences unlike the tuned articles.

Each class here was counted on GreynirCorpus news sentences outside the dev corpus (issue
10): a that-clause needs a finite verb of its own, a relative clause or a coordinated verb
after the speaker is not the report. Texts are made up, in the style of news.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article

Read = Callable[[str], Article]


def _summary(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker, cue) of every quote, in order."""
    return [(q.kind, q.text, q.speaker.name if q.speaker else None, q.cue) for q in article.quotes]


# --- a that-clause has a finite verb of its own ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Þetta segir kona sem á að eiga barn á morgun.",  # "eiga", also a plural present
        "Stuðningsmenn spá liðinu sigri þó enginn þori að spenna bogann of hátt.",  # "spenna", also a noun
        "Markvörðurinn hefur nú tekið skóna fram að nýju.",  # "að nýju": a preposition
        "Hún öskraði að honum og gekk burt.",  # "að honum": a preposition
        "Ráðherra vísaði til aðgerða sem unnið hefði verið að á grundvelli stefnunnar.",
    ],
)
def test_at_with_no_finite_verb_after_it_opens_no_report(read: Read, text: str) -> None:
    """*að* before an infinitive or a noun phrase only, with no finite verb: no that-clause."""
    assert read(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Félagið fagnar þeirri tillögu að stjórnvöld móti nýja stefnu.", "stjórnvöld móti nýja stefnu"),
        ("Jóna segir að fjárhagurinn sé traustur.", "fjárhagurinn sé traustur"),
        ("Páll telur að hafi verið rétt staðið að málinu.", "hafi verið rétt staðið að málinu"),
    ],
)
def test_that_clause_with_its_finite_verb_is_reported(read: Read, text: str, clause: str) -> None:
    """A subjunctive that is also a preposition (*móti*) or the clause's first word still counts."""
    [quote] = read(text).quotes
    assert (quote.kind, quote.text) == ("indirect", clause)


def test_finite_verb_inside_quotation_marks_counts(read: Read) -> None:
    """``bætir því við að það „eigi …“``: the clause's verb inside marks is still its verb."""
    article = read("Ragnar bætir því við að það „eigi ekki að koma neinum á óvart“ að fundurinn dragist.")
    assert article.quotes[0].kind == "indirect"
    assert article.quotes[0].text.startswith("það „eigi ekki")


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Stjórnandinn viðurkenndi að vera orðinn nokkuð þreyttur.", "vera orðinn nokkuð þreyttur"),
        ("Nefndin hafnar því að vera dragbítur á framkvæmdirnar.", "vera dragbítur á framkvæmdirnar"),
    ],
)
def test_stance_verb_with_vera_and_a_predicate_reports_a_claim(read: Read, text: str, clause: str) -> None:
    """*vera* with a nominative predicate after a stance verb is a claim, like *að hafa verið*."""
    [quote] = read(text).quotes
    assert (quote.kind, quote.text, quote.cue) == ("indirect", clause, quote.cue)


def test_refusal_to_take_part_is_no_claim(read: Read) -> None:
    """``neitaði að vera með``: a refusal, no predicate after *vera*."""
    assert read("Hann neitaði að vera með í leiknum.").quotes == ()


# --- an infinitive report does not start at a clause opener --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Þetta segir Jóhanna sem hefur ekkert á móti því að eiga fleiri hesta.",
        "Þetta er gott, segir Marta eins og sjá má á myndinni.",
    ],
)
def test_relative_clause_or_comparison_after_the_speaker_is_no_report(read: Read, text: str) -> None:
    """*sem …* describes the speaker and *eins og …* compares: neither is what was said."""
    assert all(not q.text.startswith(("sem ", "eins og", "eiga", "sjá")) for q in read(text).quotes)


def test_coordinated_cue_after_the_speaker_reports_its_own_clause(read: Read) -> None:
    """``segir Níels og kveðst viss um að …``: the second verb's report, not the first's."""
    article = read("Verkið tók tvö ár, segir Níels Árnason og kveðst sannfærður um að bókin seljist vel.")
    assert ("indirect", "sannfærður um að bókin seljist vel", "Níels Árnason", "kveðast") in _summary(article)
    assert all(not q.text.startswith("og ") for q in article.quotes)


def test_passive_raised_subject_before_nema_is_reported(read: Read) -> None:
    """*nema* (to amount to) is a verb here, not *unless*: the raised passive is read."""
    [quote] = read("Tjónið er talið nema um tíu milljónum króna.").quotes
    assert (quote.text, quote.cue) == ("Tjónið er talið nema um tíu milljónum króna", "telja")


def test_new_clause_after_a_comma_ends_an_infinitive_report_search(read: Read) -> None:
    """``segir í tilkynningunni, og þau hvött til …``: the report is before the cue."""
    article = read(
        "Skilaboðin hafa borist yfirvöldum, segir í tilkynningunni, og þau hvött til þess að bregðast við."
    )
    assert all("hvött" not in q.text for q in article.quotes)


# --- a report before its cue, with more about the speaker after it -------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Liðið spilaði vel í kvöld, sagði Tryggvi Hrafnsson sem skoraði tvö mörk.", "Tryggvi Hrafnsson"),
        ("Við förum aftur á næsta ári, segir Egill Ragnarsson og hlær.", "Egill Ragnarsson"),
        ("Salan gekk vel í sumar, segir Ólöf Jónsdóttir en hún rekur verslunina ein.", "Ólöf Jónsdóttir"),
        (
            "Landið er fullt af tækifærum, segir Guðni Einarsson, forstjóri Klofnings, sem hefur átt "
            "viðskipti þar í áratug.",
            "Guðni Einarsson",
        ),
    ],
)
def test_report_before_its_cue_with_a_relative_or_coordinated_clause_after(
    read: Read, text: str, speaker: str
) -> None:
    """A relative clause on the speaker or a second verb of theirs is not governed by the cue."""
    quote = read(text).quotes[0]
    assert (quote.kind, quote.speaker.name if quote.speaker else None, quote.cue) == (
        "indirect",
        speaker,
        "segja",
    )
    assert text.startswith(quote.text)


def test_report_before_its_cue_and_the_second_cue_after_it(read: Read) -> None:
    """``…, segir Ólafur og bendir á að …``: two reports, each with its own cue."""
    article = read("Úrvalið er mikið, segir Ólafur Sturluson og bendir á að garðurinn sé norðarlega.")
    assert [(q.cue, q.text) for q in article.quotes] == [
        ("segja", "Úrvalið er mikið"),
        ("benda á", "garðurinn sé norðarlega"),
    ]


def test_cue_after_a_report_in_the_first_person_is_none(read: Read) -> None:
    """News puts a cue after its report in the third person; *viðurkennum* (we) is no such cue."""
    text = "Börnin fá ekkert, fyrr en við sem samfélag, viðurkennum mikilvægi starfsins og lögum villuna."
    assert all(q.cue != "viðurkenna" for q in read(text).quotes)


# --- impersonal modals and questions with no complementizer --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Telja má líklegt að formaðurinn óski eftir umboðinu á fundinum.",
        "Segja má að veturinn hafi verið óvenju harður.",
        "Það skipulag má segja að hafi staðið óbreytt í áratug.",
    ],
)
def test_cue_under_an_impersonal_modal_is_no_report(read: Read, text: str) -> None:
    """*má segja*, *Telja má*: one may say or think it; nobody is reported to."""
    assert read(text).quotes == ()


def test_cue_under_a_modal_with_a_subject_still_reports(read: Read) -> None:
    """With a subject of its own the modal's infinitive is a cue like any (*X mátti segja að*)."""
    [quote] = read("Ráðherrann mátti segja að samningurinn væri í höfn.").quotes
    assert (quote.text, quote.speaker.name if quote.speaker else None) == (
        "samningurinn væri í höfn",
        "ráðherrann",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Talsmaður dómstólsins vildi ekki upplýsa hvar fanginn væri vistaður.",
        "Stofnunin hefur enn ekki svarað hvernig taka eigi á brotinu.",
    ],
)
def test_question_word_opens_no_clause_with_a_dropped_complementizer(read: Read, text: str) -> None:
    """*hvar*, *hvernig* open a question, not a clause whose *að* was dropped."""
    assert read(text).quotes == ()


# --- a passive inside a relative clause; a new main clause after "og er" ---------------------


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Liðið vann í leik sem fyrirfram hefði verið talinn auðveld bráð fyrir gestina.",
            "fyrirfram hefði verið talinn auðveld bráð fyrir gestina",
        ),
        ("Styrkjunum er beint þangað sem þörfin er talin mest.", "þörfin er talin mest"),
        (
            "Hreindýrin sem lifa á heiðinni eru talin vera afkomendur dýra frá Vopnafirði.",
            "Hreindýrin sem lifa á heiðinni eru talin vera afkomendur dýra frá Vopnafirði",
        ),
        (
            "Verkfræðingurinn sem starfar hjá félaginu er talinn sá færasti á landinu.",
            "Verkfræðingurinn sem starfar hjá félaginu er talinn sá færasti á landinu",
        ),
    ],
)
def test_passive_in_a_relative_clause_starts_after_sem(read: Read, text: str, clause: str) -> None:
    """A passive that is the relative clause's own starts after *sem*; one in the subject's
    relative clause (with a verb of its own) leaves the subject whole."""
    [quote] = read(text).quotes
    assert (quote.kind, quote.text) == ("indirect", clause)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Meirihlutinn taldi málið gegn honum réttmætt og er andsnúið því að hann verði náðaður.",
            "málið gegn honum réttmætt",
        ),
        (
            "Magnús segir hægt að bæta kerfið og það er komið til skoðunar hjá landlækni.",
            "hægt að bæta kerfið",
        ),
    ],
)
def test_report_ends_before_og_and_the_verb_er(read: Read, text: str, clause: str) -> None:
    """*og er …*, *og það er …*: *er* is the verb of a new main clause, not a relative."""
    assert read(text).quotes[0].text == clause


# --- who issued a document the report names ---------------------------------------------------


def test_definite_document_noun_points_back_to_its_issuer(read: Read) -> None:
    """*í tilkynningunni* (with the article) is the notice already named: its issuer speaks."""
    article = read(
        "Lögreglan á Suðurlandi sendi frá sér tilkynningu í morgun. Hún segir að vegurinn sé lokaður.\n\n"
        "Björgunarsveitir voru kallaðar út.\n\n"
        "Þá segir jafnframt í tilkynningunni að ökumenn eigi að bíða."
    )
    [quote] = [q for q in article.quotes if q.text.startswith("ökumenn")]
    assert quote.speaker is not None
    assert quote.speaker.name == "Lögreglan á Suðurlandi"


def test_document_noun_inside_the_report_names_no_issuer(read: Read) -> None:
    """``Að lokum segir að málið sé …``: *mál* is what the report is about, no document."""
    article = read(
        "Ráðherra svaraði fyrirspurninni skriflega. „Engin gögn voru send úr ráðuneytinu.“ "
        "Rekstrarfélag Stjórnarráðsins hefur staðfest það.\n\n"
        "Að lokum segir að málið sé til rannsóknar hjá lögreglunni."
    )
    [quote] = [q for q in article.quotes if q.text.startswith("málið")]
    assert quote.speaker is None or quote.speaker.name != "Stjórnarráðið"


@pytest.mark.parametrize("verb", ["byrjaði", "fór"])
def test_verb_of_saying_after_an_aspect_verb_is_the_cue(read: Read, verb: str) -> None:
    """*byrjaði að öskra „…“*: the infinitive is the cue, the aspect verb's subject the speaker."""
    [quote] = read(f"Mannfjöldinn á torginu {verb} að öskra „Áfram Ísland!“ þegar markið kom.").quotes
    assert (quote.kind, quote.text, quote.cue) == ("direct", "Áfram Ísland!", "öskra")
    assert quote.speaker is not None
    assert quote.speaker.name.lower() == "mannfjöldinn á torginu"
