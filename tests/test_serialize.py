"""JSON in and out: the lossless round trip and the flat ``to_record`` contract."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given

from frettir import Article, InputError, Quote, Span, Speaker, serialize
from strategies import model_articles

Read = Callable[[str], Article]

TEXT = "„Já,“ sagði Anna Jónsdóttir."
ANNA = Speaker(name="Anna Jónsdóttir", gender="feminine", mentions=(Span(start=12, end=27),))
ARTICLE = Article(
    text=TEXT,
    title="Já",
    paragraphs=(Span(start=0, end=len(TEXT)),),
    sentences=(Span(start=0, end=len(TEXT)),),
    quotes=(
        Quote(
            kind="direct",
            span=Span(start=1, end=4),
            text="Já,",
            outer=Span(start=0, end=5),
            speaker=ANNA,
            speaker_span=Span(start=12, end=27),
            cue="segja",
            cue_span=Span(start=6, end=11),
            confidence=0.95,
            rule="direct.cue_after",
        ),
    ),
    speakers=(ANNA,),
)


@given(model_articles())
def test_round_trip_of_hand_built_articles(article: Article) -> None:
    """``loads(dumps(a)) == a`` for any valid article, whatever its text and metadata."""
    assert serialize.loads(serialize.dumps(article)) == article


def test_round_trip_of_a_read_article(read: Read) -> None:
    """An article read by the engine survives dumps/loads and to_dict/from_dict unchanged."""
    article = read("„Við erum tilbúin,“ segir Jón Jónsson. Hann sagði að staðan væri góð.")
    assert serialize.loads(serialize.dumps(article)) == article
    assert serialize.from_dict(serialize.to_dict(article)) == article


def test_dumps_writes_icelandic_letters_unescaped() -> None:
    """The JSON is UTF-8 text: „, þ, ð and á are written as they are."""
    assert "„Já,“ sagði Anna Jónsdóttir." in serialize.dumps(ARTICLE)


def test_loads_accepts_bytes() -> None:
    """UTF-8 bytes load like the string they encode."""
    assert serialize.loads(serialize.dumps(ARTICLE).encode("utf-8")) == ARTICLE


def test_to_record_keeps_the_contract_keys() -> None:
    """``id``, ``quotes`` (kind, start, end, text, speaker, cue) and ``speakers`` are always there."""
    record = serialize.to_record(ARTICLE, id="a1")
    assert {"id", "quotes", "speakers"} <= record.keys()
    assert record["id"] == "a1"
    [quote] = record["quotes"]
    assert {"kind", "start", "end", "text", "speaker", "cue"} <= quote.keys()
    assert (quote["kind"], quote["start"], quote["end"], quote["text"]) == ("direct", 1, 4, "Já,")
    assert (quote["speaker"], quote["cue"]) == ("Anna Jónsdóttir", "segja")
    assert TEXT[quote["start"] : quote["end"]] == quote["text"]
    assert [s["name"] for s in record["speakers"]] == ["Anna Jónsdóttir"]


def test_to_record_is_plain_json() -> None:
    """The record is made of JSON types only: it survives json.dumps/loads unchanged."""
    record = serialize.to_record(ARTICLE)
    assert record["id"] is None
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record


def test_to_record_gives_null_speaker_and_cue_when_unknown() -> None:
    """A quote with no speaker or cue has ``speaker`` and ``cue`` null, not missing."""
    bare = Article(text="„Já“", quotes=(Quote(kind="direct", span=Span(start=1, end=3), text="Já"),))
    [quote] = serialize.to_record(bare)["quotes"]
    assert quote["speaker"] is None and quote["cue"] is None


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("", id="empty"),
        pytest.param("{", id="truncated"),
        pytest.param("nei", id="not-json"),
        pytest.param(b"\xff\xfe", id="not-utf8"),
        pytest.param("[]", id="list"),
        pytest.param('"text"', id="string"),
        pytest.param("null", id="null"),
        pytest.param("{}", id="no-text"),
        pytest.param('{"text": "Já", "unknown": 1}', id="extra-key"),
        pytest.param(
            '{"text": "Já", "quotes": [{"kind": "direct", "span": {"start": 0, "end": 2}, "text": "Nei"}]}',
            id="quote-text-mismatch",
        ),
        pytest.param('{"text": "Já", "paragraphs": [{"start": 2, "end": 1}]}', id="reversed-span"),
        pytest.param(
            '{"text": "Já", "quotes": [{"kind": "said", "span": {"start": 0, "end": 2}, "text": "Já"}]}',
            id="unknown-kind",
        ),
        pytest.param('{"text": 3}', id="text-not-str"),
        pytest.param('{"text": "Já", "title": 5}', id="title-not-str"),
        pytest.param('{"text": "Já", "paragraphs": [{"start": "1", "end": 2}]}', id="offset-str"),
    ],
)
def test_loads_raises_input_error_for_anything_but_an_article(data: str | bytes) -> None:
    """Malformed JSON, non-objects and invalid articles all raise InputError (a ValueError)."""
    with pytest.raises(InputError):
        serialize.loads(data)


def test_from_dict_raises_input_error_for_an_invalid_article() -> None:
    """from_dict reports a contradicting quote as InputError, chaining the model's error."""
    data = serialize.to_dict(ARTICLE)
    data["quotes"][0]["text"] = "Nei"
    with pytest.raises(InputError) as caught:
        serialize.from_dict(data)
    assert caught.value.__cause__ is not None


def _many_quotes(count: int) -> Article:
    """An article of ``count`` short quotes, all by one speaker with ``count`` mentions."""
    texts = ["„Já,“ sagði Anna."] * count
    text = " ".join(texts)
    mentions = tuple(Span(start=18 * n + 12, end=18 * n + 16) for n in range(count))
    anna = Speaker(name="Anna", gender="feminine", mentions=mentions)
    quotes = tuple(
        Quote(kind="direct", span=Span(start=18 * n + 1, end=18 * n + 4), text="Já,", speaker=anna)
        for n in range(count)
    )
    return Article(text=text, quotes=quotes, speakers=(anna,))


def test_dumps_writes_each_speaker_once_and_quotes_refer_to_it() -> None:
    """A quote's ``speaker`` is an index into ``speakers``: the mentions are written once."""
    article = _many_quotes(50)
    data = json.loads(serialize.dumps(article))
    assert [q["speaker"] for q in data["quotes"]] == [0] * 50
    assert len(data["speakers"][0]["mentions"]) == 50
    assert serialize.loads(serialize.dumps(article)) == article


def test_json_size_grows_linearly_with_the_quotes() -> None:
    """Twice the quotes (and mentions) give at most a little over twice the JSON."""
    small, large = (len(serialize.dumps(_many_quotes(n))) for n in (200, 400))
    assert large <= 2.1 * small


def test_loads_reads_the_0_1_format_with_whole_speakers_in_quotes() -> None:
    """JSON written by frettir 0.1 (each quote with its whole speaker) still loads, equal."""
    data = serialize.to_dict(ARTICLE)
    data["quotes"][0]["speaker"] = data["speakers"][0]
    assert serialize.from_dict(data) == ARTICLE
    loaded = serialize.loads(json.dumps(data))
    assert loaded.quotes[0].speaker is loaded.speakers[0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(text=3), "$.text: expected a string, got int"),
        (lambda d: d["paragraphs"][0].update(end="x"), "$.paragraphs[0].end: expected an integer, got str"),
        (
            lambda d: d["quotes"][0].update(kind="both"),
            "$.quotes[0].kind: expected one of 'direct', 'indirect'",
        ),
        (
            lambda d: d["quotes"][0].update(confidence=2),
            "$.quotes[0]: confidence must be within [0, 1], got 2.0",
        ),
        (
            lambda d: d["quotes"][0].update(speaker=4),
            "$.quotes[0].speaker: 4 is not the index of one of the 1",
        ),
        (lambda d: d["quotes"][0].pop("span"), "$.quotes[0].span: required field missing"),
        (lambda d: d.update(extra=1), "$: extra fields found (extra)"),
        # found by the fuzz target: a name where the index belongs raised AttributeError
        (
            lambda d: d["quotes"][0].update(speaker="Anna"),
            "$.quotes[0].speaker: expected the index of a speaker",
        ),
        (
            lambda d: d["quotes"][0].update(text="Nei"),
            "$: quote text 'Nei' is not the text at Span(start=1, end=4)",
        ),
    ],
)
def test_loads_error_names_the_field_and_what_was_wrong(change: Any, message: str) -> None:
    """The message of an invalid article says where (a JSON path) and why, not only in __cause__."""
    data = serialize.to_dict(ARTICLE)
    change(data)
    with pytest.raises(InputError) as caught:
        serialize.loads(json.dumps(data))
    assert message in str(caught.value)
    assert "sub-exception" not in str(caught.value)
