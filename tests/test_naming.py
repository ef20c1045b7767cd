"""Tests of telling a speaker's words from titles, names, terms and scare quotes.

The grammar (:mod:`frettir._naming`) on tokens, then whole articles: the sentence around the
marks decides, not how many words they hold.
"""

from __future__ import annotations

import pytest

from frettir import Article
from frettir._greynir import Token, analyse, compound_heads, split
from frettir._marks import scan_marks
from frettir._naming import governed_by_preposition, listed, naming_after, naming_before, naming_noun


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` with their full BÍN readings."""
    return [t for sentence in analyse(text, split(text)) for t in sentence.tokens]


def opener_at(text: str) -> tuple[list[Token], int, int]:
    """Tokens of ``text``, the index of its first opening mark and of the token after its closer."""
    tokens = tokenize(text)
    texts = [t.text for t in tokens]
    i = next(k for k, t in enumerate(texts) if t in ("„", "“", '"', "»"))
    j = next(k for k in range(i + 1, len(texts)) if texts[k] in ("“", "”", '"', "«")) + 1
    return tokens, i, j


def direct(text: str) -> list[str]:
    """The texts of the direct quotes frettir finds in ``text``."""
    return [q.text for q in Article.from_text(text).quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    ("lemma", "head"),
    [("útvarpsþáttur", "þáttur"), ("heimildamynd", "mynd"), ("Facebook-hópur", "hópur"), ("lag", "lag")],
)
def test_compound_heads_give_the_last_part(lemma: str, head: str) -> None:
    """The head of a compound is its last part, as islenska's splitter cuts it; a hyphen cuts too."""
    assert head in compound_heads(lemma)[:2]


@pytest.mark.parametrize(
    "word", ["útvarpsþáttinn", "fyrirsögninni", "lagið", "markaðsverkefninu", "Facebook-hópnum", "slagorðið"]
)
def test_naming_nouns_by_their_head(word: str) -> None:
    """Nouns whose head names a work, a heading or a thing are naming nouns, compounds too."""
    (token,) = tokenize(word)
    assert naming_noun(token)


@pytest.mark.parametrize("word", ["forsetinn", "leikmaðurinn", "ríkisstjórnin", "sagði"])
def test_other_words_are_not_naming_nouns(word: str) -> None:
    """People, bodies and verbs are no naming nouns."""
    (token,) = tokenize(word)
    assert not naming_noun(token)


@pytest.mark.parametrize(
    "text",
    [
        "Hann stýrir útvarpsþættinum „Morgunvaktin“ á laugardögum.",
        "Greinin birtist undir fyrirsögninni „Bærinn sem gleymdist“ í gær.",
        "Hún söng lag sitt „Vor í borg“ við athöfnina.",
        "Lag Svölu Jónsdóttur, „Ég veit það“, er vinsælast.",
    ],
)
def test_naming_noun_before_the_mark(text: str) -> None:
    """A naming noun right before the mark, an owner or a comma between allowed."""
    tokens, i, _ = opener_at(text)
    assert naming_before(tokens, i)


def test_a_cue_before_the_mark_is_no_naming_noun() -> None:
    """``sagði stöðuna „…“``: the noun before the mark is no naming noun."""
    tokens, i, _ = opener_at("Hann sagði stöðuna „óásættanlega“ í gær.")
    assert not naming_before(tokens, i)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Sókn til framtíðar“ er yfirskrift þingsins í ár.", True),
        ("„Leiðin heim“ heitir nýja myndin hans.", True),
        ("„Við komum aftur,“ segir Jón.", False),
        ("„Þetta er búið“ var það eina sem hún sagði.", False),
    ],
)
def test_naming_verb_or_copula_and_naming_noun_after(text: str, expected: bool) -> None:
    """``„…“ heitir …`` and ``„…“ er yfirskrift …`` name; a cue or a copula alone do not."""
    tokens, _, j = opener_at(text)
    assert naming_after(tokens, j) is expected


def test_listed_marked_spans() -> None:
    """``„A“, „B“ og „C“`` is a list; a quote then a new sentence's quote is not."""
    text = "„Vinir fjallsins“, „Bjargvættir“ og „Grænir fingur“ eru dæmi um hópa."
    assert [listed(text, scan_marks(text), m) for m in range(3)] == [True, True, True]
    text = "„Hvað viljum við?“ „Hærri laun!“ hrópaði fólkið."
    assert [listed(text, scan_marks(text), m) for m in range(2)] == [False, False]


def test_preposition_before_the_mark_but_not_the_complementizer() -> None:
    """``með „…“`` is a preposition before the mark; ``að „…“`` is not counted."""
    tokens, i, _ = opener_at("Hún komst í efsta sætið með „Þú komst við hjartað í mér“.")
    assert governed_by_preposition(tokens, i)
    tokens, i, _ = opener_at("Hann sagði að „allt væri í lagi“.")
    assert not governed_by_preposition(tokens, i)


def test_a_preposition_that_is_also_a_verb_form() -> None:
    """``skort á „…“`` is the preposition; ``hún á „…“`` would be the verb ``eiga``."""
    tokens, i, _ = opener_at("Umræðan um skort á „góðum köflum“ hefst eftir tíu mínútur.")
    assert governed_by_preposition(tokens, i)
    tokens, i, _ = opener_at("Hún á „Gullna hliðið“ í dag.")
    assert not governed_by_preposition(tokens, i)


# --- whole articles ---------------------------------------------------------------------------


def test_titles_of_works_are_not_quotes_however_long() -> None:
    """Long titles after a naming noun or a preposition are no quotes (they were, over 3 words)."""
    text = (
        "Tónlistinn var birtur í dag. Þrjú lög sækja hart að „Gott er að vera til og njóta þess“, "
        "en hljómsveitin Skjól fór upp í fjórða sætið með „Þú komst við hjartað í mér í gær“.\n"
        "Hún kynnti útvarpsþáttinn „Morgunstund með góðum gestum á Rás eitt“ í vor."
    )
    assert direct(text) == []


def test_heading_named_after_the_marks_is_not_a_quote() -> None:
    """``„…“ er yfirskrift þingsins`` at the start of a paragraph is a heading, not speech."""
    text = (
        "Þingið hefst í Hörpu á morgun.\n„Ísland í fremstu röð – eflum samkeppnina“ er yfirskrift þingsins."
    )
    assert direct(text) == []


def test_a_list_of_marked_names_is_not_speech() -> None:
    """Names of groups listed with commas and ``og`` are no quotes, even at a sentence's start."""
    text = (
        "Hópunum fjölgar stöðugt. „Vinir fjallsins“, „Áhugafólk um betri vegi á landsbyggðinni“ "
        "og „Grænir fingur“ eru dæmi um slíka hópa."
    )
    assert direct(text) == []


def test_name_after_a_naming_noun_is_not_speech_even_after_a_cue() -> None:
    """``sagði að lagið „…“ hefði …``: the title inside a report is no direct quote."""
    text = "Jón Jónsson sagði að lagið „Sumarið er tíminn“ hefði slegið í gegn."
    assert direct(text) == []


def test_scare_quote_flagged_by_eins_og_sagt_er() -> None:
    """``„…“ eins og sagt er`` marks a saying, not a speaker's words."""
    text = "Það má segja að henni hafi tekist að „meika það“ eins og sagt er."
    assert direct(text) == []


def test_a_partial_quote_in_a_reportive_subjunctive_sentence_is_speech() -> None:
    """A mark inside a sentence in the reportive subjunctive is the reported speaker's words.

    The layout of a kjarninn.is explainer on the central bank's ESÍ (2020, in the dev corpus).
    """
    text = (
        "Guðrún Jónsdóttir hafnar því að hún hafi vitað af málinu. Þess í stað sé um að ræða "
        "„misskilning sem hafi orðið á fundi nefndarinnar í vor“."
    )
    assert direct(text) == ["misskilning sem hafi orðið á fundi nefndarinnar í vor"]


def test_short_quote_that_opens_its_sentence_is_still_speech() -> None:
    """A one-word quote opening its paragraph after a speaker's quote continues the speaker."""
    text = "„Við unnum leikinn,“ sagði Helga Björnsdóttir.\n„Loksins!“"
    quotes = [q for q in Article.from_text(text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("Við unnum leikinn,", "Helga Björnsdóttir"),
        ("Loksins!", "Helga Björnsdóttir"),
    ]


def test_partial_quote_governed_by_a_cue_stays_a_quote() -> None:
    """``sagði stöðuna „óásættanlega“``: one word, governed by a cue, is speech."""
    assert direct("Bæjarstjórinn sagði stöðuna „óásættanlega“ í ræðu sinni.") == ["óásættanlega"]


def test_a_term_after_a_preposition_in_the_cue_clause_is_no_second_part() -> None:
    """``„…,“ sagði X um „…“``: the marked words after ``um`` are the topic, not a split quote."""
    text = "„Þetta var besti leikur liðsins,“ sagði Jón Jónsson að lokum um „slæma kaflann“ sem kom aldrei."
    assert direct(text) == ["Þetta var besti leikur liðsins,"]


def test_a_split_quote_after_a_comma_is_still_a_quote() -> None:
    """``„…,“ sagði X, „…“``: the second part after the comma is the same speaker's words."""
    text = "„Þetta er ekki búið,“ sagði Björn Ingi Hrafnsson, „við höldum áfram.“"
    assert direct(text) == ["Þetta er ekki búið,", "við höldum áfram."]
