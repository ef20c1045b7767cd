# Dask and distributed have no annotations on these calls; mypy --strict would flag each.
# mypy: disable-error-code="no-untyped-call"
"""A corpus on Dask (``frettir.dask``): bags of articles in, results and records out.

Skipped when the extra ``frettir[dask]`` is not installed. The cluster tests start one
``distributed.LocalCluster`` with a single worker process for the whole module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask
import dask.bag as db
from distributed import Client, LocalCluster

import frettir.dask
from frettir import Article, BatchResult
from frettir.serialize import to_record

ITEMS: list[str | dict[str, Any]] = [
    {"id": "a", "text": "„Við erum tilbúin,“ segir Jón Jónsson.", "title": "Tilbúin"},
    {"id": "b", "text": "Anna Sigurðardóttir sagði að veðrið yrði gott á morgun."},
    "„Nei,“ sagði Guðrún.",
    {"id": "bad", "text": 5},
    {"id": "e", "text": "Ekkert var sagt."},
]


def expected_records(read: Callable[[str], Article]) -> list[dict[str, Any]]:
    """The records of :data:`ITEMS` read in this process, as the bag should give them."""
    out: list[dict[str, Any]] = []
    for item in ITEMS:
        if isinstance(item, str):
            out.append(to_record(read(item), id=None))
        elif isinstance(item["text"], str):
            out.append(to_record(read(item["text"]), id=item["id"]))
        else:
            out.append({"id": item["id"], "error": "'text' must be a string, not int"})
    return out


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A client of a one-process, one-thread local cluster (workers are separate processes)."""
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client_,
    ):
        yield client_


def test_extract_bag_gives_results_in_order(read: Callable[[str], Article]) -> None:
    """On the in-process scheduler, each item gives a BatchResult, in the bag's order."""
    bag = db.from_sequence(ITEMS, npartitions=2)
    with dask.config.set(scheduler="synchronous"):
        results: list[BatchResult] = frettir.dask.extract_bag(bag).compute()
    assert [(r.id, r.ok) for r in results] == [
        ("a", True),
        ("b", True),
        (None, True),
        ("bad", False),
        ("e", True),
    ]
    assert results[0].article == Article.from_text("„Við erum tilbúin,“ segir Jón Jónsson.", title="Tilbúin")
    assert results[1].article == read("Anna Sigurðardóttir sagði að veðrið yrði gott á morgun.")


def test_records_follow_the_jsonl_contract(read: Callable[[str], Article]) -> None:
    """``extract_records`` gives what ``frettir extract --jsonl`` would write for each item."""
    bag = db.from_sequence(ITEMS, npartitions=3)
    with dask.config.set(scheduler="synchronous"):
        records = frettir.dask.extract_records(bag).compute()
    assert records == expected_records(read)


def test_cluster_gives_the_same_records(client: Client, read: Callable[[str], Article]) -> None:
    """On a ``distributed`` LocalCluster the records equal those read in this process."""
    bag = db.from_sequence(ITEMS, npartitions=3)
    assert client.compute(frettir.dask.extract_records(bag)).result() == expected_records(read)


def builds() -> int:
    """How often this process built the engine for ``frettir.dask``."""
    return frettir.dask._builds


def test_cluster_builds_the_engine_once_per_worker(client: Client) -> None:
    """Many partitions over several computations build the engine once in the worker, not per task."""
    for _ in range(2):
        bag = db.from_sequence([f"„Já {i},“ sagði Jón." for i in range(12)], npartitions=6)
        assert len(client.compute(frettir.dask.extract_bag(bag)).result()) == 12
    assert list(client.run(builds).values()) == [1]


_SCRIPT = """
import json, sys

import dask
import dask.bag as db
from distributed import Client, LocalCluster

import frettir.dask
from frettir.batch import warm


def main(setup):
    if setup == "advised":  # as docs/howto/dask.rst advises
        dask.config.set({
            "distributed.worker.profile.enabled": False,
            "distributed.worker.multiprocessing-method": "fork",
        })
        warm()
    items = [{"id": str(n), "text": "„Já,“ sagði Jón Jónsson. Hann sagði að það væri gott."}
             for n in range(8)]
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    with cluster, Client(cluster):
        bag = db.from_sequence(items, partition_size=2)
        records = frettir.dask.extract_records(bag).compute()
    print(json.dumps([record["quotes"][0]["speaker"] for record in records]))


if __name__ == "__main__":
    main(sys.argv[1])
"""


@pytest.mark.parametrize("setup", ["defaults", "advised"])
def test_a_cluster_of_worker_processes_closes_without_errors(tmp_path: Any, setup: str) -> None:
    """Two worker processes read, then the cluster closes: nothing on stderr, no worker killed."""
    import json
    import subprocess
    import sys

    script = tmp_path / "extract.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), setup], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["Jón Jónsson"] * 8
    assert done.stderr.strip() == ""  # no CommClosedError, no "still alive ... killing"
