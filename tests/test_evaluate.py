"""Scoring against gold annotation: span matching, speakers, cues, non-quotes and floors.

Every case is built by hand as plain dicts (gold in the corpus format, predictions as
``to_record`` gives them); nothing here runs the extraction.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from frettir.errors import InputError
from frettir.evaluate import (
    CEILING_KEYS,
    check_floor,
    errors,
    overlap_ratio,
    same_cue,
    same_speaker,
    score,
    trim_span,
)

TEXT = "„Já, ég kem.“ sagði Jón Jónsson. Hann sagði að veðrið væri gott í dag."
#       0123456789012345678901234567890123456789012345678901234567890123456789
DIRECT = (1, 12)  # 'Já, ég kem.'
INDIRECT = (TEXT.index("veðrið"), TEXT.index(" í dag."))  # 'veðrið væri gott'


def quote(
    kind: str, span: tuple[int, int], speaker: str | None = "Jón Jónsson", cue: str | None = "segja"
) -> dict[str, Any]:
    """A quote dict (gold or predicted) over ``TEXT``."""
    start, end = span
    return {"kind": kind, "start": start, "end": end, "text": TEXT[start:end], "speaker": speaker, "cue": cue}


def gold(
    *quotes: dict[str, Any], non_quotes: tuple[dict[str, Any], ...] = (), ident: str = "a"
) -> dict[str, Any]:
    """A gold article over ``TEXT``."""
    return {"id": ident, "text": TEXT, "quotes": list(quotes), "non_quotes": list(non_quotes)}


def pred(*quotes: dict[str, Any], ident: str = "a") -> dict[str, Any]:
    """A prediction record."""
    return {"id": ident, "quotes": list(quotes)}


def test_trim_span_strips_white_space_and_punctuation_from_both_ends() -> None:
    """Trimming removes white space and ``,.;:!?`` at both ends, nothing inside and no quote marks."""
    text = " ,Já, já!? “"
    assert trim_span(text, 0, len(text) - 1) == (2, 8)
    assert text[2:8] == "Já, já"
    assert trim_span(text, 0, len(text)) == (2, len(text))  # the closing mark is not trimmed


def test_trim_span_of_only_punctuation_is_empty() -> None:
    """A span of nothing but punctuation trims to an empty span."""
    start, end = trim_span("...", 0, 3)
    assert start == end


def test_overlap_ratio_is_shared_over_union() -> None:
    """The ratio is the shared characters over the union; touching or empty ranges share nothing."""
    assert overlap_ratio((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert overlap_ratio((0, 10), (0, 10)) == 1.0
    assert overlap_ratio((0, 5), (5, 10)) == 0.0
    assert overlap_ratio((3, 3), (3, 3)) == 0.0


def test_direct_quote_matches_strictly_after_trimming() -> None:
    """A direct prediction without the final full stop is a strict match of the gold span with it."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", (1, 11)))])
    assert scores.direct_strict.tp == 1
    assert scores.direct_lenient.tp == 1
    assert scores.direct_strict.f1 == 1.0


def test_direct_quote_overlapping_by_half_is_lenient_not_strict() -> None:
    """A direct span sharing at least half its union with gold matches leniently, not strictly."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", (1, 7)))])  # 'Já, ég' 6/11
    assert scores.direct_strict.tp == 0
    assert scores.direct_lenient.tp == 1


def test_overlap_of_exactly_half_the_union_matches() -> None:
    """The lenient threshold is inclusive: an overlap of exactly half the union is a match."""
    text = "x" * 20
    article = {"id": "a", "text": text, "quotes": [{"kind": "indirect", "start": 0, "end": 10}]}
    scores = score([article], [{"id": "a", "quotes": [{"kind": "indirect", "start": 5, "end": 10}]}])
    assert scores.indirect_lenient.tp == 1


def test_overlap_below_half_the_union_is_no_match() -> None:
    """A direct span sharing less than half its union with gold counts as missed and spurious."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", (1, 4)))])  # 'Já,' 3/11
    assert (scores.direct_lenient.tp, scores.direct_lenient.n_gold, scores.direct_lenient.n_pred) == (0, 1, 1)
    assert scores.direct_lenient.precision == 0.0
    assert scores.direct_lenient.recall == 0.0


def test_indirect_quotes_are_not_matched_by_trimming() -> None:
    """Indirect quotes match by overlap only: a trimmed-equal but wider span below half is no match."""
    text = "Hún sagði að já ,,, ...   . Jón."
    start = text.index("já")
    article = {"id": "a", "text": text, "quotes": [{"kind": "indirect", "start": start, "end": start + 2}]}
    end = text.index(" Jón")
    assert trim_span(text, start, end) == (start, start + 2)
    wide = {"kind": "indirect", "start": start, "end": end}
    scores = score([article], [{"id": "a", "quotes": [wide]}])
    assert scores.indirect_lenient.tp == 0


def test_quotes_match_only_within_their_kind() -> None:
    """A prediction of the wrong kind at the gold span matches nothing."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("indirect", DIRECT))])
    assert scores.direct_lenient.tp == 0
    assert scores.indirect_lenient.n_pred == 1
    assert scores.indirect_lenient.tp == 0


def test_matching_is_one_to_one() -> None:
    """Two predictions of one gold quote give one true positive; the other is spurious."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", DIRECT), quote("direct", DIRECT))])
    assert (scores.direct_strict.tp, scores.direct_lenient.tp) == (1, 1)
    assert scores.direct_strict.precision == 0.5
    assert scores.direct_strict.recall == 1.0


def test_matching_prefers_the_strict_candidate() -> None:
    """Of two lenient candidates the strict match is paired even if the other overlaps more."""
    text = "abcdefghi.x"
    strict = {"kind": "direct", "start": 0, "end": 9, "speaker": "A"}  # 9/10 of the gold span
    wider = {"kind": "direct", "start": 0, "end": 11, "speaker": "B"}  # 10/11, not trimmed-equal
    article = {"id": "a", "text": text, "quotes": [{"kind": "direct", "start": 0, "end": 10, "speaker": "A"}]}
    predicted = [{"id": "a", "quotes": [wider, strict]}]
    assert score([article], predicted).speaker_direct.count == 1
    (entry,) = errors([article], predicted)
    assert [(q["start"], q["end"]) for q in entry["spurious"]] == [(0, 11)]


def test_matching_pairs_the_best_overlap_first() -> None:
    """Of two non-strict candidates the one with the larger overlap ratio is paired."""
    text = "x" * 30
    article = {"id": "a", "text": text, "quotes": [{"kind": "indirect", "start": 0, "end": 20}]}
    worse = {"kind": "indirect", "start": 0, "end": 12}
    better = {"kind": "indirect", "start": 0, "end": 19}
    (entry,) = errors([article], [{"id": "a", "quotes": [worse, better]}])
    assert [(q["start"], q["end"]) for q in entry["spurious"]] == [(0, 12)]


def test_missing_prediction_counts_as_no_quotes() -> None:
    """A gold article with no prediction record counts as one where nothing was found."""
    scores = score([gold(quote("direct", DIRECT)), gold(ident="b")], [pred(ident="b")])
    assert (scores.direct_strict.n_gold, scores.direct_strict.n_pred, scores.direct_strict.tp) == (1, 0, 0)
    assert scores.articles == 2


def test_error_record_counts_as_no_quotes() -> None:
    """A prediction record without ``quotes`` (an extraction error) counts as no quotes."""
    scores = score([gold(quote("direct", DIRECT))], [{"id": "a", "error": "boom"}])
    assert scores.direct_strict.n_pred == 0


def test_prediction_for_an_unknown_article_is_an_error() -> None:
    """A prediction whose id is not in the gold data raises InputError (ids do not line up)."""
    with pytest.raises(InputError, match="'zzz'"):
        score([gold()], [pred(ident="zzz")])


def test_repeated_gold_id_is_an_error() -> None:
    """Two gold articles with one id raise InputError."""
    with pytest.raises(InputError, match="two gold articles"):
        score([gold(), gold()], [])


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "quote", "start": 1, "end": 2},
        {"kind": "direct", "start": 5, "end": 2},
        {"kind": "direct", "start": 0, "end": 10_000},
        {"kind": "direct", "start": "1", "end": 2},
    ],
)
def test_bad_quote_is_an_input_error(bad: dict[str, Any]) -> None:
    """A quote with an unknown kind or a span outside the text raises InputError."""
    with pytest.raises(InputError):
        score([gold()], [pred(bad)])


@pytest.mark.parametrize(
    ("gold_speaker", "predicted", "right"),
    [
        ("Donald Trump", "donald trump", True),
        ("Donald Trump", "Trump", True),
        ("Kári", "Kári Stefánsson", True),
        ("Kári Stefánsson", "Kári Jónsson", False),
        ("lögreglan á höfuðborgarsvæðinu", "Lögreglan", True),
        ("Jón", "Anna", False),
        (None, None, True),
        (None, "Jón", False),
        ("Jón", None, False),
        ("Jón", "  ", False),
    ],
)
def test_same_speaker(gold_speaker: str | None, predicted: str | None, right: bool) -> None:
    """Speakers agree when equal case-insensitively or one's words are a subset of the other's."""
    assert same_speaker(gold_speaker, predicted) is right


def test_same_cue() -> None:
    """Cues agree when both are None or equal after casefolding."""
    assert same_cue("bæta við", "Bæta við")
    assert same_cue(None, None)
    assert not same_cue("segja", None)
    assert not same_cue("segja", "svara")


def test_speaker_accuracy_is_over_matched_quotes_per_kind() -> None:
    """Speaker accuracy counts only matched pairs, per kind and overall; unmatched quotes do not count."""
    article = gold(quote("direct", DIRECT), quote("indirect", INDIRECT, speaker="Jón"))
    predicted = pred(
        quote("direct", (1, 8), speaker="Jón"),  # lenient match, right speaker (subset)
        quote("indirect", INDIRECT, speaker="Anna"),  # matched, wrong speaker
        quote("indirect", (0, 1), speaker="Jón"),  # spurious: not counted
    )
    scores = score([article], [predicted])
    assert (scores.speaker_direct.count, scores.speaker_direct.total) == (1, 1)
    assert (scores.speaker_indirect.count, scores.speaker_indirect.total) == (0, 1)
    assert scores.speaker_all.rate == 0.5


def test_all_three_needs_a_strict_direct_match() -> None:
    """A direct quote matched only leniently is not all-three-right even with speaker and cue right."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", (1, 8)))])
    assert scores.speaker_direct.rate == 1.0
    assert scores.all_three_direct.count == 0


def test_all_three_counts_gold_quotes_with_span_speaker_and_cue_right() -> None:
    """All-three-right is over gold quotes: span matched, speaker right and cue equal."""
    article = gold(
        quote("direct", DIRECT),
        quote("indirect", INDIRECT, cue="segja"),
        quote("indirect", (TEXT.index("Hann"), TEXT.index(" sagði að")), cue=None),  # missed
    )
    predicted = pred(
        quote("direct", (1, 11), speaker="Jón", cue="Segja"),  # strict, subset speaker, cue casefolded
        quote("indirect", (INDIRECT[0], INDIRECT[1] + 3), cue="telja"),  # lenient, wrong cue
    )
    scores = score([article], [predicted])
    assert (scores.all_three_direct.count, scores.all_three_direct.total) == (1, 1)
    assert (scores.all_three_indirect.count, scores.all_three_indirect.total) == (0, 2)
    assert (scores.all_three_all.count, scores.all_three_all.total) == (1, 3)


def test_non_quote_reported_as_direct_is_counted() -> None:
    """A gold non-quote overlapped by a predicted direct quote counts; one by an indirect quote does not."""
    text = "Hún las „Skál fyrir þér“ og „Heima“ í gær."
    title = {"start": text.index("Skál"), "end": text.index("“ og"), "why": "title"}
    name = {"start": text.index("Heima"), "end": text.index("“ í"), "why": "name"}
    article = {"id": "a", "text": text, "quotes": [], "non_quotes": [title, name]}
    predicted = {
        "id": "a",
        "quotes": [
            {"kind": "direct", "start": title["start"], "end": title["end"]},
            {"kind": "indirect", "start": name["start"], "end": name["end"]},
        ],
    }
    scores = score([article], [predicted])
    assert (scores.non_quotes_as_direct.count, scores.non_quotes_as_direct.total) == (1, 2)


def test_precision_and_recall_with_nothing_to_find_and_nothing_found() -> None:
    """With no gold and no predicted quotes P, R and F1 are 1.0; a rate over nothing is None."""
    scores = score([gold()], [pred()])
    assert (
        scores.indirect_lenient.precision,
        scores.indirect_lenient.recall,
        scores.indirect_lenient.f1,
    ) == (
        1.0,
        1.0,
        1.0,
    )
    assert scores.speaker_all.rate is None


def test_spurious_quotes_with_nothing_to_find_give_zero() -> None:
    """With no gold quotes but some predictions, precision, recall and F1 are 0.0."""
    scores = score([gold()], [pred(quote("direct", DIRECT))])
    assert (scores.direct_strict.precision, scores.direct_strict.recall, scores.direct_strict.f1) == (0, 0, 0)


def test_to_dict_is_json_ready_and_flat_keys_are_dotted() -> None:
    """``to_dict`` survives a JSON round trip and ``flat`` names metrics like ``direct.strict.f1``."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", DIRECT))])
    data = scores.to_dict()
    assert json.loads(json.dumps(data)) == data
    flat = scores.flat()
    assert flat["direct.strict.f1"] == 1.0
    assert flat["indirect.lenient.n_gold"] == 0
    assert flat["speaker_accuracy.all.rate"] == 1.0
    assert flat["all_three.all.rate"] == 1.0
    assert flat["non_quotes_as_direct.rate"] is None
    assert set(flat) >= CEILING_KEYS


def test_table_has_a_row_per_metric() -> None:
    """The plain-text table has the span rows with P/R/F1 and the rate rows."""
    table = score([gold(quote("direct", DIRECT))], [pred(quote("direct", DIRECT))]).table()
    for label in (
        "direct (strict)",
        "direct (lenient)",
        "indirect (lenient)",
        "speaker accuracy direct",
        "speaker accuracy indirect",
        "all three right direct",
        "all three right indirect",
        "all three right all",
        "non-quotes as direct",
    ):
        assert label in table
    assert "1.000" in table.splitlines()[1]


def test_errors_lists_missed_spurious_and_wrong_speaker() -> None:
    """``errors`` gives each article's missed gold quotes, spurious predictions and wrong speakers."""
    articles = [gold(quote("direct", DIRECT), quote("indirect", INDIRECT)), gold(ident="b")]
    predicted = [pred(quote("direct", DIRECT, speaker="Anna"), quote("indirect", (0, 1))), pred(ident="b")]
    (entry,) = errors(articles, predicted)  # article b has no errors and is left out
    assert entry["id"] == "a"
    assert [q["kind"] for q in entry["missed"]] == ["indirect"]
    assert [(q["start"], q["end"]) for q in entry["spurious"]] == [(0, 1)]
    assert [(p["gold"]["speaker"], p["predicted"]["speaker"]) for p in entry["wrong_speaker"]] == [
        ("Jón Jónsson", "Anna")
    ]


def test_check_floor_reports_metrics_below_their_floor() -> None:
    """A metric below its floor gives a message naming it; one at its floor passes."""
    scores = score([gold(quote("direct", DIRECT))], [pred(quote("direct", (1, 7)))])
    messages = check_floor(scores, {"direct.strict.f1": 0.5, "direct.lenient.f1": 1.0})
    assert len(messages) == 1
    assert messages[0].startswith("direct.strict.f1 = 0.000 is below its floor 0.500")


def test_check_floor_reads_a_ceiling_for_lower_is_better_metrics() -> None:
    """For the non-quote rate (lower is better) the bound is a maximum."""
    text = "Hún las „Skál“."
    span = {"start": text.index("Skál"), "end": text.index("“")}
    article = {"id": "a", "text": text, "quotes": [], "non_quotes": [span]}
    scores = score([article], [{"id": "a", "quotes": [{"kind": "direct", **span}]}])
    assert check_floor(scores, {"non_quotes_as_direct.rate": 1.0}) == []
    (message,) = check_floor(scores, {"non_quotes_as_direct.rate": 0.1})
    assert "above its ceiling" in message


def test_check_floor_reports_unknown_keys_and_undefined_rates() -> None:
    """A misspelt metric key and a rate over nothing are reported rather than passed."""
    scores = score([gold()], [pred()])
    unknown, undefined = check_floor(scores, {"direct.strict.F1": 0.1, "speaker_accuracy.all.rate": 0.1})
    assert unknown.startswith("direct.strict.F1 is not a metric")
    assert "undefined" in undefined


def test_part_of_sets_a_third_aside_by_the_hash_of_the_id() -> None:
    """About a third of ids fall in the check part, always the same ones, whatever the order."""
    import hashlib

    from frettir.evaluate import part_of

    ids = [f"outlet-{n}" for n in range(3000)]
    parts = [part_of(i) for i in ids]
    assert 900 < parts.count("check") < 1100
    assert parts == [part_of(i) for i in ids]
    assert all(
        (int(hashlib.sha1(i.encode()).hexdigest(), 16) % 3 == 0) == (p == "check")
        for i, p in zip(ids, parts, strict=True)
    )
