"""Tests of quotes inside quotes (:mod:`frettir._attribution.inner_quotes`).

The annotation guide's Settled cases: the outer quote is one entry with the inner marks in its
text; an inner quote that reproduces someone's words is an entry of its own, with the speaker
a cue inside the outer quote gives it; inner marks around a title, a name or a term are not.
"""

from __future__ import annotations

from frettir import Article


def quotes(text: str) -> list[tuple[str, str | None, str | None, str]]:
    """Rule, speaker, cue and text of every direct quote of ``text``."""
    return [
        (q.rule or "", q.speaker.name if q.speaker else None, q.cue, q.text)
        for q in Article.from_text(text).quotes
        if q.kind == "direct"
    ]


def test_inner_quote_after_a_cue_and_colon_is_its_own_quote() -> None:
    """``hann svaraði: „…“`` inside a quote: the inner words are Páll's, the outer Illugi's."""
    text = (
        "Páll Ólafsson var kallaður á fund. „Ég hringdi í hann og hann svaraði: „Ég kem ekki.“ "
        "Þá vissi ég að þetta væri búið,“ segir Illugi Jökulsson."
    )
    assert quotes(text) == [
        (
            "direct.cue_after",
            "Illugi Jökulsson",
            "segja",
            "Ég hringdi í hann og hann svaraði: „Ég kem ekki.“ Þá vissi ég að þetta væri búið,",
        ),
        ("direct.inner_quote", "Páll Ólafsson", "svara", "Ég kem ekki."),
    ]


def test_inner_quote_with_an_inverted_name_subject() -> None:
    """``sagði Anna: „…“`` inside a quote names the inner speaker after the verb."""
    text = (
        "„Við biðum lengi og loks sagði Anna Jónsdóttir: „Nú förum við heim.“ Og það gerðum við,“ segir Jón."
    )
    assert ("direct.inner_quote", "Anna Jónsdóttir", "segja", "Nú förum við heim.") in quotes(text)


def test_inner_title_in_the_same_marks_is_no_quote() -> None:
    """``„Ég las „Sjálfstætt fólk“ …“``: one quote; the title inside it is none."""
    assert quotes("„Ég las „Sjálfstætt fólk“ í sumar,“ sagði Jóna Kristín.") == [
        ("direct.cue_after", "Jóna Kristín", "segja", "Ég las „Sjálfstætt fólk“ í sumar,")
    ]


def test_inner_scare_quote_without_a_cue_is_no_quote() -> None:
    """Inner marks with no cue beside them (a scare quote) give no quote of their own."""
    assert [q[3] for q in quotes("„Þetta var „algjör snilld“ hjá þeim,“ sagði Jóna Kristín.")] == [
        "Þetta var „algjör snilld“ hjá þeim,"
    ]


def test_inner_quote_in_low_single_marks() -> None:
    """‚…‘ inside „…“ with a cue and colon before it is a quote too."""
    text = "„Hún leit á mig og sagði: ‚Þetta gengur ekki.‘ Svo fór hún,“ segir Jón Jónsson."
    assert ("direct.inner_quote", None, "segja", "Þetta gengur ekki.") in quotes(text)
