"""Whose words: the speaker of a cue against the subject of its report.

Found on sentences of GreynirCorpus (real news, read one by one, not part of the dev corpus):
a phrase after the cue was taken for the speaker when it was the subject of the report,
adverbs were read into names, and a sentence-initial noun with a rare verb reading was no
speaker. The passages below are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article
from frettir._greynir import split
from frettir._speakers import read_np

Read = Callable[[str], Article]


def _indirect(article: Article) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in article.quotes if q.kind == "indirect"]


def _one(read: Read, text: str) -> tuple[str, str | None]:
    """The one indirect quote of ``text`` (text, speaker)."""
    quotes = _indirect(read(text))
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb after "og" shares the subject before it; the phrase after it is the report's
        (
            "Guðrún Ólafsdóttir bæjarstjóri tók til máls á fundinum og sagði bæjaryfirvöld "
            "reiðubúin að hjálpa.",
            ("bæjaryfirvöld reiðubúin að hjálpa", "Guðrún Ólafsdóttir"),
        ),
        (
            "Páll Steinsson hélt ræðu við opnunina og sagði verkefnið einstaklega mikilvægt.",
            ("verkefnið einstaklega mikilvægt", "Páll Steinsson"),
        ),
        (
            "Sigrún Hauksdóttir tók við verðlaununum og taldi góðar líkur á að liðið kæmist áfram.",
            ("liðið kæmist áfram", "Sigrún Hauksdóttir"),
        ),
    ],
)
def test_the_phrase_after_a_coordinated_cue_is_not_its_speaker(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    """``… og sagði X reiðubúin …``: X is the subject of the report, the speaker is the first subject."""
    assert _indirect(read(text)) == [expected]


def test_an_inverted_subject_still_speaks(read: Read) -> None:
    """After a fronted phrase, a nominative-only subject, or with a nominative adjective, the
    phrase after the verb is the speaker."""
    article = read(
        "Sigrún Hauksdóttir var kjörin formaður í gær. "
        "Þessa ákvörðun segir Páll Steinsson hafa verið erfiða. "
        "Hátíðin gekk vel og sagði lögreglan að allt hefði farið friðsamlega fram."
    )
    assert _indirect(article) == [
        ("hafa verið erfiða", "Páll Steinsson"),
        ("allt hefði farið friðsamlega fram", "lögreglan"),
    ]
    direct = read("„Við erum í skýjunum,“ sagði Sigrún Hauksdóttir glöð í bragði.")
    assert [(q.text, q.speaker.name if q.speaker else None) for q in direct.quotes] == [
        ("Við erum í skýjunum,", "Sigrún Hauksdóttir")
    ]


def test_an_adverb_ends_a_noun_phrase_but_a_direction_after_a_place_does_not() -> None:
    """``verkefnið enn`` is not a name: *enn* has a genitive noun reading in BÍN, but is an
    adverb here; ``lögreglan á Norðurlandi eystra`` keeps its direction."""
    tokens = [
        t
        for s in split("Hann sagði verkefnið enn í vinnslu hjá lögreglunni á Norðurlandi eystra.")
        for t in s.tokens
    ]
    words = [t.text for t in tokens]
    project = read_np(tokens, words.index("verkefnið"))
    assert project is not None
    assert project.name == "verkefnið"
    police = read_np(tokens, words.index("lögreglunni"))
    assert police is not None
    assert police.name.endswith("á Norðurlandi eystra")


def test_a_noun_before_the_verb_is_not_read_as_a_verb(read: Read) -> None:
    """``Embætti landlæknis segir að …``: *embætti* is also a subjunctive of *embætta*, but a
    clause has one finite verb, and the cue is it."""
    assert _indirect(read("Embætti landlæknis segir að faraldurinn sé í rénun.")) == [
        ("faraldurinn sé í rénun", "embætti landlæknis")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the infinitive is in another clause: after a question word, after "en", after "sem"
        "Þetta er allt mjög óljóst, segir Ragnar Ólafsson aðspurður um hvað muni gerast á morgun.",
        "Myndirnar segja meira en hægt er að lýsa í fáum orðum.",
        # a word after a preposition is its object, not an infinitive ("tíma": also "to afford")
        "Leikmennirnir mættu seint á æfingu, sagði Pétur Jónsson um tíma sinn hjá félaginu.",
    ],
)
def test_an_infinitive_in_another_clause_makes_no_infinitive_report(read: Read, text: str) -> None:
    """No report starts after the speaker: *aðspurður um hvað …*, *meira en …*, *um tíma sinn*."""
    after = [q.text for q in read(text).quotes if q.kind == "indirect" and q.cue == "segja"]
    assert not any(t.startswith(("aðspurður", "meira", "um tíma")) for t in after)


def test_an_infinitive_report_in_the_cues_own_clause_is_still_read(read: Read) -> None:
    """``segir yfir þrjátíu pantanir hafa borist``: the infinitive after a quantity is the report's."""
    article = read("Árni Þorsteinsson segir yfir þrjátíu pantanir hafa borist fyrsta mánuðinn.")
    assert _indirect(article) == [("yfir þrjátíu pantanir hafa borist fyrsta mánuðinn", "Árni Þorsteinsson")]


def test_a_perfect_passive_has_no_speaker(read: Read) -> None:
    """``hefur ítrekað verið haldið fram að …``: *verið* makes it passive; the active keeps its subject."""
    passive = read("Því hefur ítrekað verið haldið fram að félagið hafi keypt húsið.")
    assert _indirect(passive) == [("félagið hafi keypt húsið", None)]
    active = read("Jón Pálsson hefur ítrekað haldið því fram að félagið hafi keypt húsið.")
    assert _indirect(active) == [("félagið hafi keypt húsið", "Jón Pálsson")]


def test_a_place_phrase_after_the_source_of_a_sogn_belongs_to_it(read: Read) -> None:
    """``Að sögn X hjá Y er …``: up to the verb in second place is the fronted phrase, source and all."""
    article = read("Að sögn vakthafandi veðurfræðings hjá Veðurstofunni er von á hvassviðri í kvöld.")
    assert _indirect(article) == [
        ("er von á hvassviðri í kvöld", "vakthafandi veðurfræðingur hjá Veðurstofunni")
    ]
    named = read("Að sögn Jóns Pálssonar á fundinum var enginn sáttur við niðurstöðuna.")
    assert _indirect(named) == [("var enginn sáttur við niðurstöðuna", "Jón Pálsson")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "að lokum": "að" a preposition before an oblique noun ("lokum" is also "we close")
        ("Samstarfið hefur gengið vel, segir Helga Björnsdóttir að lokum.", "Samstarfið hefur gengið vel"),
        # "á fundi": a preposition (also "owns"), then nouns: no clause after the cue
        ("Það er of snemmt að segja til um það, sagði Helga Björnsdóttir á fundi í gær.", "Það er of snemmt"),
    ],
)
def test_a_report_before_its_cue_with_a_phrase_after_the_speaker(
    read: Read, text: str, expected: str
) -> None:
    """``…, segir X að lokum``, ``…, sagði X á fundi í gær``: the clause before the cue is the report."""
    quote, speaker = _one(read, text)
    assert quote.startswith(expected)
    assert speaker == "Helga Björnsdóttir"


def test_a_noun_after_an_attribute_does_not_end_the_search_for_the_clause(read: Read) -> None:
    """``sagði fyrir rúmri viku að …``: *viku* is the noun *vika* after *rúmri*, not a verb."""
    article = read("Helga Björnsdóttir sagði fyrir rúmri viku að verkinu yrði lokið í vor.")
    assert _indirect(article) == [("verkinu yrði lokið í vor", "Helga Björnsdóttir")]


@pytest.mark.parametrize(
    "text",
    [
        "Líklega þarf stórt átak sem krefst samvinnu allra.",
        "Við erum í miklu áliti erlendis.",
        "Samkomulagið hefur sætt harðri gagnrýni.",
    ],
)
def test_a_cue_form_without_a_comma_before_it_reports_nothing_before_it(read: Read, text: str) -> None:
    """Only *segir* stands after its report without a comma; a noun or a request cue does not."""
    assert _indirect(read(text)) == []


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        (
            "Stjórnarformaður Sparisjóðsins, Tryggvi Jónsson, sagði á fundinum að staðan væri góð.",
            "Tryggvi Jónsson",
            "stjórnarformaður Sparisjóðsins",
        ),
        (
            "Guðrún Jónsdóttir, 45 ára bóndi í Dölum, segir að sumarið hafi verið gott.",
            "Guðrún Jónsdóttir",
            "bóndi í Dölum",
        ),
        ("Páll Steinsson, 39 ára, sagði að sumarið hefði verið gott.", "Páll Steinsson", None),
    ],
)
def test_an_apposition_with_a_title_first_or_an_age_names_the_speaker(
    read: Read, text: str, speaker: str, title: str | None
) -> None:
    """``Titill X, Nafn, sagði``, ``Nafn, 45 ára bóndi, segir``, ``Nafn, 39 ára, sagði``."""
    quotes = [q for q in read(text).quotes if q.kind == "indirect"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None
    assert (quotes[0].speaker.name, quotes[0].speaker.title) == (speaker, title)


def test_an_adjective_before_an_inverted_speaker_describes_the_speaker(read: Read) -> None:
    """``„…,“ sagði glaður Halldór``: *glaður* can only be a nominative adjective; Halldór speaks."""
    article = read("„Við unnum loksins,“ sagði glaður Halldór Jónsson eftir leikinn.")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in article.quotes] == [
        ("direct", "Halldór Jónsson")
    ]


def test_a_banks_analysis_is_a_document_its_owner_issued(read: Read) -> None:
    """``segir í greiningu Landsbankans``: the analysis speaks for the bank in its genitive."""
    article = read("„Verðbólgan hjaðnar hægar en spáð var,“ segir í greiningu Landsbankans.")
    assert len(article.quotes) == 1
    assert article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.name.startswith("Landsbank")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Málið segir lögreglan vera í rannsókn.", "lögreglan"),
        ("Eitt kvöldið bað yfirmaðurinn mig að sækja pakka.", "yfirmaðurinn"),
        # the phrase after the verb can be accusative: the subject stays before the verb
        ("Lögreglan segir manninn hafa verið á staðnum.", "Lögreglan"),
    ],
)
def test_a_fronted_object_leaves_the_nominative_after_the_verb_as_speaker(
    read: Read, text: str, speaker: str
) -> None:
    """Verb second: before the verb a fronted object or time phrase, after it the subject."""
    assert (_one(read, text)[1] or "").lower() == speaker.lower()
