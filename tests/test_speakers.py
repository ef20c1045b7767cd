"""Speakers: the registry of people and bodies, role nouns, bodies' names, names in odd text.

Registry tests build mentions by hand (no Greynir); article tests read short passages written
for these tests in the style of Icelandic news.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frettir import Article
from frettir import _speakers as speakers
from frettir._greynir import analyse, nominative, split
from frettir._speakers import Entity, Mention, Registry, read_np

Read = Callable[[str], Article]


def _person(start: int, name: str, gender: str | None = "kk") -> Mention:
    return Mention(start, start + len(name), "person", name, gender)


def test_a_surname_joins_the_full_name_and_a_full_name_fills_a_short_one() -> None:
    """``Trump`` after ``Donald Trump`` is one entity; a later ``Kári Stefánsson`` names ``Kári`` in full."""
    registry = Registry()
    trump = registry.add(_person(0, "Donald Trump"))
    assert registry.add(_person(40, "Trump")) is trump
    kari = registry.add(_person(80, "Kári"))
    assert registry.add(_person(120, "Kári Stefánsson")) is kari
    assert kari.name == "Kári Stefánsson"
    assert [e.name for e in registry.entities] == ["Donald Trump", "Kári Stefánsson"]


def test_a_first_name_goes_to_the_latest_person_with_it() -> None:
    """Two people named Jón: a later ``Jón`` is the one named last, and the two stay apart."""
    registry = Registry()
    first = registry.add(_person(0, "Jón Jónsson"))
    second = registry.add(_person(50, "Jón Sigurðsson"))
    assert first is not second
    assert registry.add(_person(100, "Jón")) is second


def test_entity_words_follow_its_name() -> None:
    """The cached word set of an entity changes when its name does."""
    entity = Entity("Pútín", "person", "kk")
    assert entity.words == frozenset({"pútín"})
    entity.name = "Vladímír Pútín"
    assert entity.words == frozenset({"vladímír", "pútín"})


def test_foreign_genitives_are_fixed_and_merged_when_the_article_has_the_plain_name() -> None:
    """``Vladimirs Pútíns`` becomes ``Vladimir Pútín`` and merges with ``Pútín``; merged ones forward."""
    registry = Registry()
    genitive = registry.add(_person(0, "Vladimirs Pútíns", None))
    plain = registry.add(_person(60, "Pútín"))  # a known gender: not merged by its inflection at once
    assert genitive is not plain
    registry.finish_names()
    assert [e.name for e in registry.entities] == ["Vladimir Pútín"]
    assert registry.current(plain) is registry.current(genitive) is registry.entities[0]
    assert [e for _, e in registry.mentions_before(100)] == [registry.entities[0]] * 2


def _comparisons(monkeypatch: pytest.MonkeyPatch, people: int) -> int:
    """Name comparisons the registry makes for ``people`` distinct people who share a first name."""
    count = 0
    related = speakers._related

    def counting(a: frozenset[str], b: frozenset[str]) -> bool:
        nonlocal count
        count += 1
        return related(a, b)

    monkeypatch.setattr(speakers, "_related", counting)
    registry = Registry()
    position = 0
    for k in range(people):
        for name in (f"Jón Kalo{k}vin", f"Kalo{k}vin"):
            registry.add(_person(position, name))
            position += 40
    registry.finish_names()
    assert len(registry.entities) == people
    return count


def test_registry_comparisons_grow_linearly_with_the_people_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice the people, at most about twice the name comparisons (no comparing with everyone before)."""
    one = _comparisons(monkeypatch, 300)
    two = _comparisons(monkeypatch, 600)
    assert two <= 2.1 * one


@pytest.mark.slow
def test_registry_of_twenty_thousand_people_compares_each_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20,000 people with one first name: comparisons per mention stay under a constant."""
    people = 20_000
    per_mention = _comparisons(monkeypatch, people) / (2 * people)
    assert per_mention <= 2 * speakers.BUCKET_SCAN


def _speakers_of(article: Article) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.name if q.speaker else None) for q in article.quotes]


def test_a_role_noun_links_to_the_title_given_in_a_comma_apposition(read: Read) -> None:
    """``verjandinn`` is the person introduced as ``X, verjandi mannsins í málinu,`` (PP before the comma)."""
    article = read(
        "Guðrún Sigurðardóttir, verjandi mannsins í málinu, segir að dómnum verði áfrýjað. "
        "„Þetta er ekki búið,“ segir verjandinn."
    )
    assert _speakers_of(article) == [
        ("dómnum verði áfrýjað", "Guðrún Sigurðardóttir"),
        ("Þetta er ekki búið,", "Guðrún Sigurðardóttir"),
    ]
    assert article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.titles == ("verjandi mannsins",)


def test_a_role_noun_agrees_with_the_head_of_a_compound_title_and_its_adjective(read: Read) -> None:
    """``rússneski forsetinn`` is the one whose title says Russia; ``bandaríski forsetinn`` the other."""
    article = read(
        "Donald Trump Bandaríkjaforseti og Vladímír Pútín, forseti Rússlands, hittust í gær. "
        "Rússneski forsetinn sagði að fundurinn hefði verið gagnlegur. "
        "Bandaríski forsetinn sagði að fleiri fundir yrðu haldnir."
    )
    assert _speakers_of(article) == [
        ("fundurinn hefði verið gagnlegur", "Vladímír Pútín"),
        ("fleiri fundir yrðu haldnir", "Donald Trump"),
    ]


def test_a_court_is_named_by_the_head_of_its_compound_name(read: Read) -> None:
    """``Dómurinn`` after ``Héraðsdómur Norðurlands vestra`` is that court, by its full name."""
    article = read(
        "Héraðsdómur Norðurlands vestra kvað upp dóm í málinu í gær. "
        "Dómurinn segir að ákærði hafi ekki sýnt iðrun."
    )
    assert _speakers_of(article) == [("ákærði hafi ekki sýnt iðrun", "Héraðsdómur Norðurlands vestra")]


def test_a_role_before_the_name_links_to_the_person_named_later(read: Read) -> None:
    """``Ríkissaksóknari segir …`` in the lead is the prosecutor named further down; ``hann`` too."""
    article = read(
        "Ríkissaksóknari segir að málið verði skoðað vandlega. Þá segir hann að niðurstaðan komi "
        "ekki á óvart.\nAnna Jónsdóttir ríkissaksóknari ræddi við fréttastofu í gær."
    )
    assert _speakers_of(article) == [
        ("málið verði skoðað vandlega", "Anna Jónsdóttir"),
        ("niðurstaðan komi ekki á óvart", "Anna Jónsdóttir"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Svíinn Zlatan Ibrahimović var á fundinum. Svíinn sagði að liðið væri tilbúið.",
        "Zlatan Ibrahimović, landsliðsmaður Svíþjóðar, var á fundinum. Svíinn sagði að liðið væri tilbúið.",
    ],
)
def test_a_demonym_names_the_person_of_that_nationality(read: Read, text: str) -> None:
    """``Svíinn`` is the person introduced as a Swede or with a title that names Sweden."""
    assert _speakers_of(read(text)) == [("liðið væri tilbúið", "Zlatan Ibrahimović")]


def test_a_definite_noun_before_a_name_is_its_title(read: Read) -> None:
    """``framherjinn Jón Jónsson``: a later ``Framherjinn`` is Jón Jónsson."""
    article = read("Á fundinum var framherjinn Jón Jónsson. Framherjinn sagði að liðið væri tilbúið.")
    assert _speakers_of(article) == [("liðið væri tilbúið", "Jón Jónsson")]
    assert article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.titles == ("framherjinn",)


def test_a_singular_pronoun_does_not_take_a_plural_group(read: Read) -> None:
    """``Hann segir`` after ``Sjómennirnir`` and no man named: nobody, not the group."""
    article = read(
        "Sjómennirnir komu í land í gær. Þeir segja að veðrið hafi verið slæmt. "
        "Báturinn er nýr. Hann segir að allt hafi gengið vel."
    )
    assert _speakers_of(article) == [
        ("veðrið hafi verið slæmt", "sjómennirnir"),
        ("allt hafi gengið vel", None),
    ]


def test_a_body_named_with_a_region_keeps_its_full_name(read: Read) -> None:
    """``Lögreglan á Austurlandi`` (a region in BÍN) is registered whole; a later ``Lögreglan`` is it."""
    article = read(
        "Lögreglan á Austurlandi sendi frá sér tilkynningu í nótt. Lögreglan segir að málið sé í rannsókn."
    )
    assert _speakers_of(article) == [("málið sé í rannsókn", "Lögreglan á Austurlandi")]


def test_there_after_a_document_points_at_its_issuer(read: Read) -> None:
    """``X sendi frá sér tilkynningu. Þar segir að …``: the speaker is X, who issued the notice."""
    article = read(
        "Lögreglan á Austurlandi sendi frá sér tilkynningu í nótt. "
        "Þar segir að maðurinn hafi verið handtekinn."
    )
    assert _speakers_of(article) == [("maðurinn hafi verið handtekinn", "Lögreglan á Austurlandi")]


def test_the_issuer_of_a_document_is_named_in_the_nominative_with_its_place(read: Read) -> None:
    """``Í tilkynningu lögreglunnar á Suðurlandi segir að …``: ``lögreglan á Suðurlandi``, later too."""
    article = read(
        "Maður var handtekinn á Selfossi í gær. Í tilkynningu lögreglunnar á Suðurlandi segir að hann hafi "
        "verið ölvaður. Að sögn lögreglu var hann fluttur á sjúkrahús."
    )
    assert _speakers_of(article) == [
        ("hann hafi verið ölvaður", "lögreglan á Suðurlandi"),
        ("var hann fluttur á sjúkrahús", "lögreglan á Suðurlandi"),
    ]


def test_a_body_named_by_a_bare_noun_takes_the_article_the_text_gives_it(read: Read) -> None:
    """``Lögregla greindi frá …`` is ``lögreglan`` when the text says ``lögreglunni`` too, else as is."""
    with_article = read(
        "Lögregla greindi frá því í gær að tveir hefðu verið handteknir. "
        "Málið er til rannsóknar hjá lögreglunni."
    )
    assert _speakers_of(with_article) == [("tveir hefðu verið handteknir", "lögreglan")]
    bare = read("Lögregla greindi frá því í gær að tveir hefðu verið handteknir.")
    assert _speakers_of(bare) == [("tveir hefðu verið handteknir", "lögregla")]


def test_a_title_keeps_its_bare_form(read: Read) -> None:
    """``ráðherra`` is a title, not a body: it is not given the article (``ráðherrann``)."""
    article = read("Ráðherra sagði í gær að frumvarpið yrði lagt fram. Ráðherrann var á fundinum.")
    assert _speakers_of(article) == [("frumvarpið yrði lagt fram", "ráðherra")]


@pytest.mark.parametrize("mark", ["\u200d", "\u200c", "\u00ad", "\u2060"])
def test_a_name_survives_an_invisible_character_inside_it(read: Read, mark: str) -> None:
    """A zero-width joiner or non-joiner, soft hyphen or word joiner inside a name does not cut it."""
    text = f"„Við erum tilbúin,“ segir J{mark}ón Jónsson. Zla{mark}tan Ibrahimović segir að liðið sé gott."
    article = read(text)
    assert _speakers_of(article) == [
        ("Við erum tilbúin,", "Jón Jónsson"),
        ("liðið sé gott", "Zlatan Ibrahimović"),
    ]
    spans = [q.speaker_span for q in article.quotes]
    assert [text[s.start : s.end] for s in spans if s is not None] == [
        f"J{mark}ón Jónsson",
        f"Zla{mark}tan Ibrahimović",
    ]


def test_a_foreign_given_name_takes_an_icelandic_patronymic(read: Read) -> None:
    """``Shiran Þórisson, fjármálastjóri X sagði …`` (no closing comma): the person, with the title."""
    article = read("Shiran Þórisson, fjármálastjóri Norðurfisks sagði að reksturinn gengi vel.")
    assert _speakers_of(article) == [("reksturinn gengi vel", "Shiran Þórisson")]


def test_he_after_a_report_is_the_reporter_not_someone_inside_it(read: Read) -> None:
    """``X segir að Y og Z muni …. Hann segir …``: ``hann`` is X, the subject of the main clause."""
    article = read(
        "Páll Pálsson, lögmaður mannanna, segir að Jón og Gunnar muni sækja rétt sinn. "
        "Hann segir að dómurinn sé merkilegur."
    )
    assert _speakers_of(article) == [
        ("Jón og Gunnar muni sækja rétt sinn", "Páll Pálsson"),
        ("dómurinn sé merkilegur", "Páll Pálsson"),
    ]


def test_a_bare_role_refers_to_the_office_named_in_full_before(read: Read) -> None:
    """``Í svari ráðherra segir …`` after ``svari innanríkisráðherra``: the office, named in full."""
    article = read(
        "Þetta kemur fram í svari innanríkisráðherra við fyrirspurn þingmanns. "
        "Í svari ráðherra segir að málið sé í skoðun."
    )
    assert _speakers_of(article) == [("málið sé í skoðun", "innanríkisráðherra")]


def test_an_office_named_again_is_its_holder(read: Read) -> None:
    """``Katrín Jakobsdóttir forsætisráðherra …`` then ``undirstrikar forsætisráðherra að …``: Katrín."""
    article = read(
        "Katrín Jakobsdóttir forsætisráðherra var á fundinum í gær.\n\n"
        "Varðandi farþegana undirstrikar forsætisráðherra að reglurnar hafi verið lögmætar."
    )
    assert _speakers_of(article) == [("reglurnar hafi verið lögmætar", "Katrín Jakobsdóttir")]


def test_a_compound_bin_lacks_is_named_by_its_own_nominative_not_a_guessed_lemma() -> None:
    """``Eflingarfélögum`` (members, plural) is ``Eflingarfélög``: no hyphen, no invented singular.

    islenska reads the word as the split lemma ``eflingar-félag``; the name keeps the form's
    number and inflects only its head (``félögum`` -> ``félög``).
    """
    text = "Fundurinn var haldinn með Eflingarfélögum í gær."
    tokens = [t for sentence in split(text) for t in sentence.tokens]
    at = [t.text for t in tokens].index("Eflingarfélögum")
    mention = read_np(tokens, at)
    assert mention is not None
    assert mention.name == "Eflingarfélög"


def test_a_body_known_to_bin_is_still_named_by_its_lemma() -> None:
    """``Landhelgisgæslu`` is ``Landhelgisgæsla``: a singular noun BÍN knows is named by its lemma."""
    text = "Þyrla Landhelgisgæslu var kölluð út."
    tokens = [t for sentence in split(text) for t in sentence.tokens]
    mention = read_np(tokens, [t.text for t in tokens].index("Landhelgisgæslu"))
    assert mention is not None
    assert mention.name == "Landhelgisgæsla"


def test_the_nominative_of_every_noun_and_adjective_reading_is_the_form_bin_gives() -> None:
    """``nominative`` answers a lemma form (``sviðsstjóra`` -> ``sviðsstjóri``) without BÍN's
    paradigm search; for every oblique reading in a passage it agrees with that search."""
    from islenska import Bin

    text = (
        "Sviðsstjóra Vegagerðarinnar þótti aukinn kostnaður við nýsköpun í þinginu óþarfur. "
        "Gestirnir sögðu framangreindra Íslendinga hafa bent góðrar stofnunar á umbætur "
        "í garðinum, og ráðherra á Ísafirði tók undir með öðrum íbúum bæjarins."
    )
    asked = 0
    for token in (t for sentence in analyse(text, split(text)) for t in sentence.tokens):
        for meaning in token.meanings:
            if meaning.cat not in ("kk", "kvk", "hk", "lo") or "NF" in meaning.tags:
                continue
            target = next(meaning.tags.replace(c, "NF", 1) for c in ("ÞGF", "ÞF", "EF") if c in meaning.tags)
            variants = Bin().lookup_variants(token.text, meaning.cat, "NF", lemma=meaning.lemma)
            expected = next((v.bmynd for v in variants if v.mark == target), None)
            assert nominative(token.text, meaning.lemma, meaning.cat, meaning.tags) == expected, token.text
            asked += 1
    assert asked > 40


def test_a_plural_pronoun_refers_to_a_group_of_people_named_by_a_collective(read: Read) -> None:
    """``Hluti starfsmanna fyrirtækisins … hópurinn … hrópuðu þau``: the whole noun phrase speaks.

    ``þau`` (neuter plural) agrees with the people, not with the masculine singular *hluti*;
    the definite collective *hópurinn* refers back to the same group.
    """
    article = read(
        "Hluti starfsmanna fyrirtækisins mætti á fundinn. Þegar hópurinn kom í salinn "
        "hrópuðu þau: „Við viljum svör!“"
    )
    assert _speakers_of(article) == [("Við viljum svör!", "hluti starfsmanna fyrirtækisins")]


def test_a_collective_with_a_compound_head_is_a_group_too(read: Read) -> None:
    """``Minnihluti nefndarinnar … Þau telja``: *minnihluti* ends in the collective *hluti*."""
    article = read("Minnihluti nefndarinnar lagði fram tillögu í gær. Þau telja að frumvarpið sé gallað.")
    assert _speakers_of(article) == [("frumvarpið sé gallað", "minnihluti nefndarinnar")]


def test_a_singular_pronoun_never_refers_to_a_group_of_people(read: Read) -> None:
    """``Meirihluti bæjarstjórnar … Hann segir``: *hann* is a person; with none named, nobody."""
    article = read("Meirihluti bæjarstjórnar hafnaði tillögunni. Hann segir að hún sé of dýr.")
    assert _speakers_of(article) == [("hún sé of dýr", None)]


def test_registry_a_plural_pronoun_takes_a_group_of_any_gender() -> None:
    """A group entity (``hluti``, masculine singular) is found by ``þau``; a plain body is not."""
    registry = Registry()
    body = registry.add(Mention(0, 8, "organization", "Efling", "kvk", head_lemma="efling"))
    group = registry.add(Mention(20, 50, "description", "hluti samninganefndar", "kk", head_lemma="hluti"))
    assert group.group and not body.group
    assert registry.resolve_pronoun("hk", 80, number="ft") is group
    assert registry.resolve_pronoun("kvk", 80) is body  # "hún": a body of that gender, not the group
    assert registry.resolve_pronoun("kk", 80) is None  # "hann": never the masculine group


def test_the_issuer_of_a_document_is_a_body_named_as_a_subject_not_a_place(read: Read) -> None:
    """``…, segir í tilkynningunni``: the body that sent it, not the town named after it."""
    article = read(
        "Lögreglan á Austurlandi sendi frá sér tilkynningu í nótt vegna manns á Egilsstöðum. "
        "Maðurinn skaut í átt að lögreglu, segir í tilkynningunni."
    )
    assert _speakers_of(article) == [("Maðurinn skaut í átt að lögreglu", "Lögreglan á Austurlandi")]


def test_a_weak_adjective_before_a_bare_noun_is_no_speaker(read: Read) -> None:
    """``segist líklega vera hættur``: an adverb and an infinitive, not the phrase *líklega vera*.

    A weak adjective needs a definite phrase, so ``líklega vera`` is refused as a noun phrase
    while ``gamla konan`` is read; the speaker is the antecedent of ``sem`` before the cue.
    """
    tokens = [
        t
        for sentence in split("Hann segist líklega vera hættur en gamla konan ekki.")
        for t in sentence.tokens
    ]
    words = [t.text for t in tokens]
    assert read_np(tokens, words.index("líklega")) is None
    old = read_np(tokens, words.index("gamla"))
    assert old is not None
    assert old.name == "gamla konan"
    article = read(
        "Aðalfundur félagsins var haldinn í Hafnarfirði í gær. "
        "Fundinn sótti Páll Sigurðsson sem segist líklega vera hættur í stjórninni."
    )
    assert _speakers_of(article) == [("líklega vera hættur í stjórninni", "Páll Sigurðsson")]


def test_a_body_bin_names_first_in_its_sentence_is_registered_with_its_place(read: Read) -> None:
    """``Lögreglan á höfuðborgarsvæðinu er með …`` (no cue): the body, with its place up to the verb.

    *Lögreglan* is a body in BÍN (domain ``fyr``); in a main clause the finite verb comes
    second, so the place phrase before it belongs to the subject. ``lögreglu`` later is it.
    """
    article = read(
        "Lögreglan á höfuðborgarsvæðinu er með málið til rannsóknar. "
        "Í tilkynningu lögreglu segir að einn hafi verið handtekinn."
    )
    assert _speakers_of(article) == [("einn hafi verið handtekinn", "Lögreglan á höfuðborgarsvæðinu")]


def test_a_general_noun_for_a_body_refers_to_the_body_named_last(read: Read) -> None:
    """``ráðinn til Nordic Salmon. Í tilkynningu frá fyrirtækinu segir …``: the firm, not *fyrirtækið*."""
    article = read(
        "Jón Jónsson hefur verið ráðinn til Nordic Salmon. "
        "Í tilkynningu frá fyrirtækinu segir að hann hefji störf í janúar."
    )
    assert _speakers_of(article) == [("hann hefji störf í janúar", "Nordic Salmon")]


def test_a_compound_of_a_general_noun_for_a_body_refers_back_too(read: Read) -> None:
    """``ríkismiðillinn`` (head *miðill*) after ``Ríkisútvarpið`` and ``RÚV``: Ríkisútvarpið."""
    article = read(
        "Ríkisútvarpið birti frétt af málinu í morgun. Á mynd sem RÚV birti sjást lögreglumenn, "
        "sem ríkismiðillinn segir hafa verið á vettvangi."
    )
    assert _speakers_of(article) == [("hafa verið á vettvangi", "Ríkisútvarpið")]


def test_a_general_noun_for_a_body_never_takes_a_known_person(read: Read) -> None:
    """``Jón Jónsson segir … Fyrirtækið segir …`` with no body named: *fyrirtækið* stays itself."""
    article = read("Jón Jónsson var í viðtali í gær. Fyrirtækið segir að salan hafi aukist.")
    assert _speakers_of(article) == [("salan hafi aukist", "fyrirtækið")]


def test_an_opinion_is_a_document_whose_issuer_speaks(read: Read) -> None:
    """``Í áliti umboðsmanns Alþingis segir að …``: *álit* is a document, its genitive the issuer."""
    article = read("Í áliti umboðsmanns Alþingis segir að ráðherra hafi brotið lög.")
    assert _speakers_of(article) == [("ráðherra hafi brotið lög", "umboðsmaður Alþingis")]


def test_a_general_noun_for_a_body_never_takes_a_place(read: Read) -> None:
    """``á Hvolsvelli … Að sögn foreldrafélagsins``: a town is no body; the association is itself."""
    article = read(
        "Nýr leikskóli var opnaður á Hvolsvelli í gær. "
        "Að sögn foreldrafélagsins hefur biðlistinn styst verulega."
    )
    assert _speakers_of(article) == [("hefur biðlistinn styst verulega", "foreldrafélagið")]


def test_a_body_first_named_as_whose_board_speaks_is_that_board(read: Read) -> None:
    """``Ritstjórn þáttarins Kastljóss … frá Kastljósi``: the editorial board, named in full."""
    article = read(
        "Ritstjórn fréttaþáttarins Kastljóss hefur sent frá sér yfirlýsingu vegna málsins. "
        "Í yfirlýsingunni frá Kastljósi segir að fréttin standi óbreytt."
    )
    (quote,) = article.quotes
    assert quote.text == "fréttin standi óbreytt"
    assert quote.speaker is not None
    assert quote.speaker.name.casefold() == "ritstjórn fréttaþáttarins kastljóss"


def test_a_part_of_a_body_does_not_speak_for_the_body(read: Read) -> None:
    """``Hluti stjórnenda Norðuráls …`` then ``Norðurál segir``: *hluti* is no board; Norðurál is itself."""
    article = read(
        "Hluti starfsmanna Norðuráls mætti á fundinn í gær. Norðurál segir að viðræður haldi áfram."
    )
    assert _speakers_of(article) == [("viðræður haldi áfram", "Norðurál")]


def test_a_body_named_before_its_board_stays_apart(read: Read) -> None:
    """``Efling segir …`` before ``Stjórn Eflingar …``: a later ``Efling`` is the union, not the board."""
    article = read(
        "Efling hefur boðað til fundar. Stjórn Eflingar kom saman í gær. "
        "Efling segir að verkfall hefjist á mánudag."
    )
    last = article.quotes[-1]
    assert last.text == "verkfall hefjist á mánudag"
    assert last.speaker is not None
    assert last.speaker.name.casefold() == "efling"


def test_a_coordinated_subject_is_one_speaker_joined_as_in_the_text(read: Read) -> None:
    """``Jón Jónsson, Anna og Páll segja …``: one speaker, and a later ``Þau`` refers to all three."""
    article = read(
        "Jón Jónsson, Anna og Páll segja að ferðin hafi gengið vel. Þau segja að veðrið hafi verið gott."
    )
    assert _speakers_of(article) == [
        ("ferðin hafi gengið vel", "Jón Jónsson, Anna og Páll"),
        ("veðrið hafi verið gott", "Jón Jónsson, Anna og Páll"),
    ]


def test_bodies_coordinated_inside_a_report_speak_together(read: Read) -> None:
    """``… að RÚV og Stundin hafi haldið því fram að …``: the inner report is both bodies'."""
    article = read(
        "Samherji fullyrti að RÚV og Stundin hafi ranglega haldið því fram að félagið hefði brotið lög."
    )
    assert ("félagið hefði brotið lög", "RÚV og Stundin") in _speakers_of(article)


def test_an_object_is_not_coordinated_with_the_next_subject(read: Read) -> None:
    """``Hann hitti Jón og Anna segir …``: *Jón* is the object of *hitti*; Anna speaks alone."""
    article = read("Hann hitti Jón og Anna segir að fundurinn hafi verið góður.")
    assert _speakers_of(article) == [("fundurinn hafi verið góður", "Anna")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tilkynningin vakti athygli, og flestir voru sammála um að hún væri óvanaleg.", "flestir"),
        ("Margir telja að verðið sé of hátt.", "margir"),
        ("Sumir segja að veðrið hafi verið gott.", "sumir"),
    ],
)
def test_a_quantifier_alone_before_the_verb_is_a_plural_speaker(read: Read, text: str, speaker: str) -> None:
    """``flestir``/``margir``/``sumir`` right before the finite verb: people, the speaker as written."""
    speakers = [name for _, name in _speakers_of(read(text))]
    assert speakers == [speaker]


def test_no_one_is_no_speaker(read: Read) -> None:
    """``Enginn segir að …``: *enginn* points at no one, so the report has no speaker."""
    assert _speakers_of(read("Enginn segir að þetta verði auðvelt.")) == [("þetta verði auðvelt", None)]


def test_a_long_list_of_names_before_a_cue_is_read_in_bounded_steps(read: Read) -> None:
    """Forty names joined by commas before ``segja``: a speaker of at most ``COORDINATED_MAX`` names."""
    given = ["Anna", "Páll", "Jón", "Sigríður", "Gunnar", "Helga", "Einar", "Katrín"]
    names = [given[n % len(given)] for n in range(40)]
    article = read(", ".join(names[:-1]) + f" og {names[-1]} segja að fundurinn hafi gengið vel.")
    (quote,) = article.quotes
    assert quote.speaker is not None
    assert quote.speaker.name.endswith(f"og {names[-1]}")
    assert quote.speaker.name.count(",") + 2 <= speakers.COORDINATED_MAX


def test_a_name_at_the_end_of_a_list_is_not_a_subject_for_pronouns(read: Read) -> None:
    """``… plötur eins og Bítlarnir, Hendrix og Santana. … minnist hann``: *hann* is Jökull.

    The *og* of a list of names joins noun phrases, not clauses, so *Santana* is no subject.
    """
    article = read(
        "Jökull Júlíusson man eftir plötum eins og The Beatles, Hendrix og Santana. "
        "Einnig minnist hann þess að hafa farið á tónleika með Herði Torfa."
    )
    assert _speakers_of(article) == [("hafa farið á tónleika með Herði Torfa", "Jökull Júlíusson")]


def test_a_given_name_alone_goes_to_the_person_named_by_it_first() -> None:
    """``Jökull`` after ``Jökull Júlíusson`` and a later ``Átrúnaðagoð Jökull``: Jökull Júlíusson.

    reynir may read a capitalised word before a name as part of it (*Átrúnaðagoð Jökuls?*);
    a given name alone refers to a person whose name starts with it.
    """
    registry = Registry()
    jokull = registry.add(_person(0, "Jökull Júlíusson"))
    other = registry.add(_person(100, "Átrúnaðagoð Jökull"))
    assert other is not jokull
    assert registry.add(_person(200, "Jökull")) is jokull
    assert registry.add(_person(300, "Trump", None)) is not jokull  # no gender: a surname, as before


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Vextir lækka ekki í bráð,“ segir í greiningu Landsbankans.", "Landsbankinn"),
        ("Talsmaður Kremlar hvatti Bandaríkin til að draga herlið sitt til baka.", None),
        ("Bandaríkin segja að viðræðurnar hefjist í næstu viku.", "Bandaríkin"),
        ("Landsbanki Íslands segir að útlánin hafi aukist.", "Landsbanki Íslands"),
    ],
)
def test_a_body_named_with_its_article_keeps_it_in_the_nominative(
    read: Read, text: str, name: str | None
) -> None:
    """A body BÍN knows by name is named as the text names it, with or without its article.

    ``Landsbankans`` is the definite genitive: its nominative is ``Landsbankinn``, not the
    lemma ``Landsbanki``; ``Bandaríkin`` stays ``Bandaríkin``. (An object is no speaker:
    ``hvatti Bandaríkin`` gives no entity named ``Bandaríki``.)
    """
    article = read(text)
    names = [q.speaker.name for q in article.quotes if q.speaker is not None]
    assert "Landsbanki" not in names and "Bandaríki" not in names
    if name is not None:
        assert names and names[0] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kúbverjar segja að ákvörðunin sé fljótfærnisleg.", "Kúbverjar"),
        ("Vísindamenn telja að jöklarnir hopi hraðar en áður.", "vísindamenn"),
        ("Færeyingar telja að samningurinn standist ekki.", "Færeyingar"),
    ],
)
def test_a_sentence_initial_speaker_keeps_a_capital_bin_writes(read: Read, text: str, name: str) -> None:
    """At a sentence's start a common noun is written small (*vísindamenn*); a demonym keeps its capital."""
    (quote,) = read(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == name


def test_a_pronoun_does_not_refer_to_a_foreign_city(read: Read) -> None:
    """``… leikur í París … sagði hún``: *hún* agrees with *París* in gender, but a city does not speak.

    BÍN files foreign places under the domain ``erl``; like Icelandic places they are where
    something happens, never the antecedent of a speaker's pronoun.
    """
    article = read("Næsti leikur liðsins verður í París á sunnudaginn og sagði hún þau ætla að fara þangað.")
    speakers_found = [q.speaker.name for q in article.quotes if q.speaker is not None]
    assert "París" not in speakers_found


def test_a_name_after_ad_nafni_names_the_person_the_noun_describes(read: Read) -> None:
    """``Kona að nafni Sigrún Hallsdóttir sagði …``: the speaker is Sigrún, the noun her title.

    *að nafni* ('by the name') ties a name to the noun before it; the dative *nafni* is no
    speaker (*nafni Sigrún Hallsdóttir*).
    """
    (quote,) = read("Kona að nafni Sigrún Hallsdóttir sagði að hún hefði séð manninn hlaupa burt.").quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Sigrún Hallsdóttir"
    assert np_title(read, "Maður að nafni Jón Jónsson segir að brúin sé ónýt.") == "maður"


def np_title(read: Read, text: str) -> str | None:
    """The title the speaker of the one quote in ``text`` was given."""
    (quote,) = read(text).quotes
    assert quote.speaker is not None
    return quote.speaker.title


@pytest.mark.parametrize(
    "text",
    [
        "Um 80% þeirra sem hafa hæstu tekjurnar segjast vera við góða heilsu.",
        "Af þeim sem svöruðu kváðust vera sátt við þjónustuna um sjötíu prósent.",
    ],
)
def test_an_infinitive_after_a_middle_verb_of_saying_is_no_speaker(read: Read, text: str) -> None:
    """``segjast vera …``: *vera* is the infinitive *segjast* governs, not the noun *vera* ('a being')."""
    names = [q.speaker.name for q in read(text).quotes if q.speaker is not None]
    assert "vera" not in names


def test_read_np_reads_no_noun_phrase_at_a_conjunction_or_a_governed_verb_form() -> None:
    """A conjunction (*ef*) and a supine after *hafa* (*verið*) head no noun phrase."""
    text = "Hann hefur verið þar og ef svo fer segist vera tilbúinn."
    tokens = [t for s in analyse(text, split(text)) for t in s.tokens]
    words = [t.text for t in tokens]
    for word in ("verið", "ef", "vera"):
        assert read_np(tokens, words.index(word)) is None, word
    assert read_np(tokens, words.index("Hann")) is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Umboðsmaður barna segir að biðlistar hafi lengst.", "umboðsmaður barna"),
        ("Talsmenn bænda segja að áburðarverð hafi hækkað.", "talsmenn bænda"),
        ("Formaður félagsins segir að áburðarverð hafi hækkað.", "formaður félagsins"),
    ],
)
def test_a_genitive_that_is_also_a_verb_form_belongs_to_the_subject_before_the_verb(
    text: str, speaker: str
) -> None:
    """*barna* and *bænda* are also verb forms in BÍN, but right before the finite cue verb
    they can only be the genitive of the noun before them."""
    assert [q.speaker and q.speaker.name for q in Article.from_text(text).quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lögmaður hans segir í viðtali við Stöð 2 að maðurinn krefjist bóta.", "lögmaður hans"),
        ("Gagnrýnendur þeirra halda því fram að tillögurnar gangi of langt.", "gagnrýnendur þeirra"),
        ("Fréttastofa AFP greindi frá því í dag að þrír hefðu verið handteknir.", "fréttastofa AFP"),
        (
            "Guðrún Pálsdóttir, saksóknari hjá embætti héraðssaksóknara, segir að ákæra verði gefin út.",
            "Guðrún Pálsdóttir",
        ),
    ],
)
def test_a_subject_with_an_owner_an_acronym_or_a_pp_in_its_apposition_is_read_whole(
    read: Read, text: str, name: str
) -> None:
    """The subject before the cue is read whole, so the report is not taken for an impersonal one.

    A genitive pronoun owns the noun before it (*lögmaður hans*), an acronym names the owner
    (*Fréttastofa AFP*), and a PP in an apposition may hold a noun BÍN also reads as a verb
    (*embætti*, a subjunctive of *embætta*) before the comma that closes it.
    """
    (quote,) = read(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name.casefold() == name.casefold()


def test_a_middle_name_bin_reads_as_a_common_word_stays_in_the_full_name() -> None:
    """``Þórdís Kolbrún Reykfjörð Gylfadóttir``: *Reykfjörð* is no name in BÍN, but it stands
    between the given names and the patronymic, so it is a middle name; the short form
    later (*Þórdís Kolbrún*) and the role noun (*Ráðherrann*) are the same person."""
    text = (
        "Þórdís Kolbrún Reykfjörð Gylfadóttir utanríkisráðherra fundaði með Antony Blinken í gær.\n\n"
        "„Við ræddum öryggismál,“ sagði Þórdís Kolbrún í samtali við fréttastofu.\n\n"
        "Ráðherrann segir fundinn hafa verið góðan."
    )
    speakers = [q.speaker and q.speaker.name for q in Article.from_text(text).quotes]
    assert speakers == ["Þórdís Kolbrún Reykfjörð Gylfadóttir"] * 2


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Margrét Sanders formaður Samtaka verslunar og þjónustu (SVÞ) segir að salan hafi verið góð.",
            "Margrét Sanders",
            "formaður Samtaka verslunar og þjónustu",
        ),
        (
            "Jón Jónsson, ráðherra ferðamála, iðnaðar og nýsköpunar, segir að ferðamönnum fjölgi.",
            "Jón Jónsson",
            "ráðherra ferðamála, iðnaðar og nýsköpunar",
        ),
        ("Samtök atvinnulífsins (SA) segja að launahækkanir séu of miklar.", "Samtök atvinnulífsins", None),
    ],
)
def test_a_title_of_joined_genitives_and_a_bracketed_acronym_are_read(
    read: Read, text: str, name: str, title: str | None
) -> None:
    """Genitives joined by *og* or a comma are one title; an acronym in brackets repeats a name.

    ``formaður Samtaka verslunar og þjónustu (SVÞ) segir``: the subject runs to the verb, so
    the report has its speaker; the acronym is left out of the name and the title.
    """
    assert _names_and_titles(read, text) == [(name, title)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Prófessor Jón Jónsson segir að vextir lækki í haust.", "Jón Jónsson", "prófessor"),
        (
            "Forsætisráðherra Katrín Jakobsdóttir segir að vextir lækki.",
            "Katrín Jakobsdóttir",
            "forsætisráðherra",
        ),
        ("Vextir lækka í haust að sögn prófessors Jóns Jónssonar.", "Jón Jónsson", "prófessor"),
        ("Ráðgjafi Jóns Jónssonar segir að vextir lækki í haust.", "ráðgjafi Jóns Jónssonar", None),
        ("Lögmaður Trump segir að forsetinn sé saklaus.", "lögmaður Trump", None),
    ],
)
def test_a_title_right_before_a_name_in_its_case_is_the_name_s_title(
    read: Read, text: str, name: str, title: str | None
) -> None:
    """``Prófessor Jón Jónsson segir``: the speaker is Jón Jónsson, ``prófessor`` his title.

    Title and name agree in case (``prófessors Jóns``); a name that may be genitive after a
    nominative title owns it instead (``ráðgjafi Jóns``, the uninflected ``lögmaður Trump``).
    """
    assert _names_and_titles(read, text) == [(name, title)]


def _names_and_titles(read: Read, text: str) -> list[tuple[str, str | None]]:
    """(name, title) of the speaker of each quote in ``text`` that has one."""
    return [(q.speaker.name, q.speaker.title) for q in read(text).quotes if q.speaker is not None]


def test_a_body_named_in_the_plural_is_what_a_later_plural_pronoun_refers_to(read: Read) -> None:
    """``Píratar leggja því áherslu á … en á þinginu lögðu þeir til að …``: *þeir* are Píratar.

    A party named in the plural is registered as a group when it stands as a subject, even
    where its own verb is no cue, so a plural pronoun later finds it.
    """
    text = (
        "Píratar leggja því höfuðáherslu á að klára stjórnarskrárferlið en á síðasta þingi "
        "lögðu þeir til að þjóðin fengi úrskurðarvald um nýja stjórnarskrá."
    )
    assert [q.speaker.name for q in read(text).quotes if q.speaker is not None] == ["Píratar"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Þjófarnir stálu tölvum frá tveimur bókasöfnum í bænum, að því er segir í frétt "
            "breska ríkisútvarpsins BBC.",
            "breska ríkisútvarpið BBC",
        ),
        ("Ferðin frá vetrarstöðvunum tekur sex vikur, að því er fram kemur í blaðinu í dag.", None),
        ("Umferð um Ísland hefur aldrei verið meiri, segir í frétt á vefnum.", None),
    ],
)
def test_a_report_before_its_cue_does_not_name_its_own_issuer(
    read: Read, text: str, speaker: str | None
) -> None:
    """``…, að því er segir í frétt X``: the issuer is read from the cue on, never in the report.

    A body named inside the reported words (*frá tveimur bókasöfnum*, *Ísland*) is what they
    are about; with no source after the cue the speaker is unknown. *breska* agrees with
    *ríkisútvarpsins* as an adjective, so it is no noun heading it (*breska* the language).
    """
    (quote,) = read(text).quotes
    assert (quote.speaker.name if quote.speaker is not None else None) == speaker


def test_a_publication_after_the_cue_speaks_for_a_report_before_it(read: Read) -> None:
    """``…, að því er fram kemur í Morgunblaðinu í dag``: Morgunblaðið, which BÍN names (``hug``).

    A place in the same slot (*í Reykjavík*) names no source.
    """
    text = "Ferðin frá vetrarstöðvunum tekur sex vikur, að því er fram kemur í Morgunblaðinu í dag."
    (quote,) = read(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Morgunblaðið"
    (other,) = read("Ferðin tekur sex vikur, að því er fram kom á fundi í Reykjavík í dag.").quotes
    assert other.speaker is None
