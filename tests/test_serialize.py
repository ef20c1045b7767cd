"""JSON in and out: the lossless round trip and the flat ``to_record`` contract."""

from __future__ import annotations

import json
from collections.abc import Callable

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
