"""Tests of where an unclosed quote ends (:mod:`frettir._unclosed`)."""

from __future__ import annotations

from frettir._marks import scan_marks
from frettir._unclosed import end_at_trailing_cue


def spans(text: str) -> list[tuple[str, str | None, bool, bool]]:
    """Content, closer and the continues/continued flags of each mark after the cut."""
    return [
        (m.inner.slice(text), m.closer, m.continues, m.continued)
        for m in end_at_trailing_cue(text, scan_marks(text))
    ]


def test_unclosed_quote_ends_with_the_comma_before_a_trailing_cue() -> None:
    """``„…, segir X í samtali við …`` with no closing mark: the quote ends with its comma.

    The layout of vb.is 2013 (https://www.vb.is/frettir/bjorgolfur-hefur-ekki-ahyggjur-af-samkeppninni/97835/).
    """
    text = (
        "„Það verður alltaf samkeppni. Spurningin er hvaðan hún kemur, segir Björgólfur í samtali við blaðið."
    )
    assert spans(text) == [
        ("Það verður alltaf samkeppni. Spurningin er hvaðan hún kemur,", None, False, False)
    ]


def test_inverted_pronoun_subject_and_past_tense() -> None:
    """``, sagði hún`` is a trailing cue too; the last one counts."""
    text = "„Ég veit, sagði mamma mín, að þetta fer vel, sagði hún og brosti."
    assert spans(text)[0][0] == "Ég veit, sagði mamma mín, að þetta fer vel,"


def test_no_cue_no_cut() -> None:
    """A comma before a word that is no verb of saying, or before a lower-case noun, cuts nothing."""
    for text in ("„Við sjáum til, segir í tilkynningunni.", "„Við förum heim, borðum og sofum vel."):
        assert spans(text) == [(text[1:], None, False, False)]


def test_a_particle_verb_needs_its_particle() -> None:
    """``, bætti Jón …`` is no cue without ``við``: the quote runs to its paragraph's end."""
    text = "„Þetta er gott, bætti Jón ráðið."
    assert spans(text) == [(text[1:], None, False, False)]


def test_closed_quotes_are_left_alone() -> None:
    """A quote with its closing mark keeps its span even with a cue inside."""
    text = "„Nei, segir hann, þetta gengur ekki,“ sagði Jón."
    assert spans(text) == [("Nei, segir hann, þetta gengur ekki,", "“", False, False)]


def test_a_cut_quote_does_not_continue_into_the_next_paragraph() -> None:
    """``„Q1, segir X.`` then a paragraph ``„Q2,“ segir Y.``: two quotes, no chain."""
    text = "„Þetta gekk vel, segir Jón.\n„Við sjáum til,“ segir Guðrún."
    assert spans(text) == [("Þetta gekk vel,", None, False, False), ("Við sjáum til,", "“", False, False)]


def test_nested_marks_after_the_cut_are_dropped() -> None:
    """A nested mark after the cut is outside the quote now and is no longer reported."""
    text = "„Þetta gekk vel, segir Jón um ‚sigurinn‘ í gær."
    assert spans(text) == [("Þetta gekk vel,", None, False, False)]
