"""A corpus on Dask: read a bag of articles on many cores or machines (extra ``frettir[dask]``).

Install with ``pip install 'frettir[dask]'``. Each item of the bag is what
:func:`frettir.extract_many` takes: the article's text, or a mapping with ``text`` and
optionally ``id``, ``title`` and ``url`` (or ``source``), such as a line of JSON Lines::

    import json

    import dask.bag as db
    from distributed import Client, LocalCluster

    import frettir.dask

    with LocalCluster(n_workers=8, threads_per_worker=1) as cluster, Client(cluster):
        articles = db.read_text("news-*.jsonl").map(json.loads)
        records = frettir.dask.extract_records(articles)
        records.map(json.dumps, ensure_ascii=False).to_textfiles("quotes-*.jsonl")

The engine is built once per worker process, on the first partition it reads, never per
task: nothing heavy is captured in the task graph, only the names of this module's functions.
Reading is CPU-bound Python, so give workers one thread each and scale by processes
(``threads_per_worker=1``), as the example does, and give partitions some tens of articles
each (``db.from_sequence(items, partition_size=25)``): with one article a task, the
scheduler's work per task costs more than the reading. The Dask how-to has more advice
(the workers' profiler off, workers forked from a warm process) and
:doc:`/explanation/speed` the figures.

A Dask DataFrame with ``id`` and ``text`` columns goes through a bag:
``extract_records(df.to_bag(format="dict"))``; and back with ``.to_dataframe()`` after
keeping the flat fields you want.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from typing import Any, Final

try:
    import dask.bag
except ImportError as error:  # the optional extra is missing
    raise ImportError("frettir.dask needs Dask: pip install 'frettir[dask]'") from error

from frettir.article import Article
from frettir.batch import BatchResult, _job, _run_job, warm

__all__ = ["PARQUET_COLUMNS", "extract_bag", "extract_records", "quote_rows", "to_parquet", "to_records"]

_lock = threading.Lock()
_builds = 0
"""How often this process built the engine (once, unless something is wrong)."""


def _ready() -> None:
    """Build the engine in this worker process the first time a partition needs it.

    In a worker process of its own, :func:`~frettir.batch.warm` then moves the engine's objects
    out of the garbage collector's reach (``gc.freeze()``): they live as long as the process,
    and the full collection Python runs at exit would otherwise take seconds over them, long
    enough for Dask's nanny to give up waiting and kill the worker with a warning when the
    cluster closes.
    """
    global _builds
    with _lock:
        if _builds == 0:
            warm()
            _builds += 1


def _extract_partition(items: Iterable[str | Mapping[str, Any]]) -> list[BatchResult]:
    """Read one partition's articles; ``index`` counts from 0 within the partition."""
    _ready()
    return [_run_job(_job(index, item)) for index, item in enumerate(items)]


def _record(result: BatchResult) -> dict[str, Any]:
    return result.to_record()


def extract_bag(bag: dask.bag.Bag) -> dask.bag.Bag:
    """Return a bag of :class:`~frettir.BatchResult`, one for each article of ``bag``.

    Lazy, like every Dask operation: nothing is read until the result is computed. A bad
    item or an article that raises gives a result with ``error`` set, as in
    :func:`frettir.extract_many`; a result's ``index`` is its position within its partition
    (use the items' ``id`` to tell them apart). Partitions keep their order.

    Args:
        bag: The articles: strings, or mappings with ``text`` and optional ``id``, ``title``,
            ``url``.

    Returns:
        A bag with the same partitions, of :class:`~frettir.BatchResult`.
    """
    # Dask's Bag methods have no annotations: mypy --strict needs the ignore.
    results: dask.bag.Bag = bag.map_partitions(_extract_partition)  # type: ignore[no-untyped-call]
    return results


def to_records(results: dask.bag.Bag) -> dask.bag.Bag:
    """Turn a bag of :class:`~frettir.BatchResult` into the records of ``frettir extract --jsonl``.

    Each is :meth:`BatchResult.to_record <frettir.BatchResult.to_record>`: the flat record of
    :func:`frettir.serialize.to_record`, or ``{"id": ..., "error": ...}``.
    """
    # Dask's Bag methods have no annotations: mypy --strict needs the ignore.
    records: dask.bag.Bag = results.map(_record)  # type: ignore[no-untyped-call]
    return records


def extract_records(bag: dask.bag.Bag) -> dask.bag.Bag:
    """Return a bag of JSON-ready records, one for each article of ``bag`` (see :func:`to_records`)."""
    return to_records(extract_bag(bag))


PARQUET_COLUMNS: Final = (
    ("article", "string"),
    ("title", "string"),
    ("url", "string"),
    ("author", "string"),
    ("published", "string"),
    ("kind", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("speaker", "string"),
    ("speaker_kind", "string"),
    ("speaker_gender", "string"),
    ("speaker_titles", "list<string>"),
    ("cue", "string"),
    ("confidence", "double"),
    ("rule", "string"),
    ("medium", "string"),
    ("outlet", "string"),
)
"""The columns of the Parquet dataset of :func:`to_parquet`, with their Arrow types.

One row per quote: the article's id and metadata, the quote (as in :class:`frettir.Quote`,
``start`` and ``end`` the offsets of its ``span``) and its speaker (``None`` throughout when
the article does not say).
"""


def quote_rows(article: Article, *, id: str | None) -> list[dict[str, Any]]:
    """Return the rows of :data:`PARQUET_COLUMNS` for the quotes of one article.

    >>> from frettir import Article
    >>> (row,) = quote_rows(Article.from_text("„Já,“ sagði Anna Jónsdóttir."), id="a1")
    >>> row["article"], row["text"], row["speaker"], row["start"], row["end"]
    ('a1', 'Já,', 'Anna Jónsdóttir', 1, 4)
    """
    rows = []
    for quote in article.quotes:
        speaker = quote.speaker
        rows.append(
            {
                "article": id,
                "title": article.title,
                "url": article.url,
                "author": article.author,
                "published": article.published,
                "kind": quote.kind,
                "start": quote.span.start,
                "end": quote.span.end,
                "text": quote.text,
                "speaker": None if speaker is None else speaker.name,
                "speaker_kind": None if speaker is None else speaker.kind,
                "speaker_gender": None if speaker is None else speaker.gender,
                "speaker_titles": None if speaker is None else list(speaker.titles),
                "cue": quote.cue,
                "confidence": quote.confidence,
                "rule": quote.rule,
                "medium": quote.medium,
                "outlet": article.outlet,
            }
        )
    return rows


def _arrow_schema() -> Any:
    import pyarrow

    types = {
        "string": pyarrow.string(),
        "int64": pyarrow.int64(),
        "double": pyarrow.float64(),
        "list<string>": pyarrow.list_(pyarrow.string()),
    }
    return pyarrow.schema([pyarrow.field(name, types[kind]) for name, kind in PARQUET_COLUMNS])


def _write_partition(results: Iterable[BatchResult], path: str, number: int) -> int:
    """Write the quotes of one partition's articles to one file; return how many rows it has."""
    import pyarrow
    import pyarrow.parquet

    rows = [
        row
        for result in results
        if result.article is not None
        for row in quote_rows(result.article, id=result.id)
    ]
    os.makedirs(path, exist_ok=True)
    table = pyarrow.Table.from_pylist(rows, schema=_arrow_schema())
    pyarrow.parquet.write_table(table, os.path.join(path, f"part-{number:05d}.parquet"))
    return len(rows)


def to_parquet(results: dask.bag.Bag, path: str) -> int:
    """Write one row per quote of a bag of :class:`~frettir.BatchResult` to a Parquet dataset.

    Needs pyarrow (``pip install 'frettir[dask,parquet]'``). The dataset is a directory
    with one Parquet file per bag partition (``part-00000.parquet``, ...), each with the
    columns of :data:`PARQUET_COLUMNS`, written by the workers in parallel. DuckDB
    (``read_parquet('quotes/*.parquet')``), pandas (``pandas.read_parquet("quotes")``), Dask
    (``dask.dataframe.read_parquet``) and :meth:`frettir.Corpus.add_parquet` read it.
    Articles that failed, or have no quotes, give no rows. Write into a new or empty
    directory: files of an earlier run with the same names are replaced, others are kept.

    Args:
        results: What :func:`extract_bag` gives.
        path: The dataset's directory, made if missing.

    Returns:
        The number of rows (quotes) written. Unlike the rest of this module this computes
        the bag, on the current scheduler.
    """
    from dask.base import compute
    from dask.delayed import delayed

    try:
        import pyarrow  # noqa: F401 -- fail here, before the workers start, if it is missing
    except ImportError as error:
        raise ImportError("writing Parquet needs pyarrow: pip install 'frettir[parquet]'") from error
    parts = results.to_delayed()  # type: ignore[no-untyped-call]
    writes = [delayed(_write_partition)(part, path, number) for number, part in enumerate(parts)]
    counts = compute(*writes)  # type: ignore[no-untyped-call]
    return sum(counts)
