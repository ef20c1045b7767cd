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
(``threads_per_worker=1``), as the example does.

A Dask DataFrame with ``id`` and ``text`` columns goes through a bag:
``extract_records(df.to_bag(format="dict"))``; and back with ``.to_dataframe()`` after
keeping the flat fields you want.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

try:
    import dask.bag
except ImportError as error:  # the optional extra is missing
    raise ImportError("frettir.dask needs Dask: pip install 'frettir[dask]'") from error

from frettir.batch import BatchResult, _job, _run_job, warm

__all__ = ["extract_bag", "extract_records", "to_records"]

_lock = threading.Lock()
_builds = 0
"""How often this process built the engine (once, unless something is wrong)."""


def _ready() -> None:
    """Build the engine in this worker process the first time a partition needs it."""
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
