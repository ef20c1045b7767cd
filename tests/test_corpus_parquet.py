"""Tables out: Parquet from Dask, a corpus filled from it, and a pandas DataFrame."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from frettir import Article, Corpus

pytest.importorskip("pyarrow")
dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

import frettir.dask  # noqa: E402 -- after the skips: it needs dask

ITEMS = [
    {
        "id": "a1",
        "url": "https://www.mbl.is/a1",
        "text": "„Við opnum aftur á mánudag og bjóðum alla velkomna,“ segir Helga Björnsdóttir.",
    },
    {
        "id": "a2",
        "url": "https://www.ruv.is/a2",
        "text": "Helga Björnsdóttir segir að bakaríið opni aftur á mánudag.",
    },
    {"id": "a3", "text": "„Við opnum aftur á mánudag og bjóðum alla velkomna,“ sagði Helga."},
    {"id": "a4", "text": "Ekkert er haft eftir neinum hér."},
]


def test_parquet_has_a_row_per_quote_a_file_per_partition(
    tmp_path: Path, read: Callable[[str], Article]
) -> None:
    """to_parquet writes every quote once, a file per bag partition, with the documented columns."""
    import pyarrow.dataset

    bag = frettir.dask.extract_bag(db.from_sequence(ITEMS, npartitions=2))
    with dask.config.set(scheduler="synchronous"):
        written = frettir.dask.to_parquet(bag, str(tmp_path / "quotes"))
    assert written == 3
    assert sorted(p.name for p in (tmp_path / "quotes").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    table = pyarrow.dataset.dataset(tmp_path / "quotes", format="parquet").to_table()
    assert table.column_names == [name for name, _ in frettir.dask.PARQUET_COLUMNS]
    rows = sorted(table.to_pylist(), key=lambda row: row["article"])
    assert [(r["article"], r["outlet"], r["kind"], r["speaker"]) for r in rows] == [
        ("a1", "mbl.is", "direct", "Helga Björnsdóttir"),
        ("a2", "ruv.is", "indirect", "Helga Björnsdóttir"),
        ("a3", None, "direct", "Helga"),
    ]


def test_a_corpus_filled_from_parquet_answers_like_one_filled_from_articles(
    tmp_path: Path, read: Callable[[str], Article]
) -> None:
    """Corpus.add_parquet gives the same who answers as adding the articles themselves."""
    bag = frettir.dask.extract_bag(db.from_sequence(ITEMS, npartitions=2))
    with dask.config.set(scheduler="synchronous"):
        frettir.dask.to_parquet(bag, str(tmp_path / "quotes"))
    with Corpus(tmp_path / "parquet.db") as from_parquet, Corpus(tmp_path / "direct.db") as direct:
        assert from_parquet.add_parquet(tmp_path / "quotes") == 3
        assert from_parquet.add_parquet(tmp_path / "quotes") == 0
        for item in ITEMS:
            article = Article.from_text(item["text"], url=item.get("url"))
            outlet = {"a1": "mbl.is", "a2": "ruv.is"}.get(item["id"])
            direct.add(attrs.evolve(article, outlet=outlet), id=item["id"])

        def answer(corpus: Corpus) -> list[tuple[object, ...]]:
            return [
                (q.article, q.start, q.end, q.speaker, q.link, q.outlet, [s.article for s in q.sources])
                for q in corpus.who("Helga Björnsdóttir")
            ]

        assert answer(from_parquet) == answer(direct)
        assert answer(direct)[0][-1] == ["a1", "a3"]


def test_to_dataframe_has_a_row_per_quote(tmp_path: Path, read: Callable[[str], Article]) -> None:
    """Corpus.to_dataframe gives one row per (merged) quote with the CorpusQuote columns."""
    pytest.importorskip("pandas")
    with Corpus(tmp_path / "news.db") as corpus:
        for item in ITEMS:
            corpus.add(read(item["text"]), id=item["id"])
        frame = corpus.to_dataframe()
    assert list(frame["article"]) == ["a1", "a2"]
    assert list(frame["sources"]) == ["a1 a3", "a2"]
    assert "speaker" in frame.columns and "link" in frame.columns
