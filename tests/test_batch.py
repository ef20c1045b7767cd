"""Many articles at once: ``frettir.extract_many``, ``frettir.batch.ordered_map`` and ``extract --processes``.

Most tests replace the engine (``frettir.batch._read``) with a fast stand-in; worker processes
are forked, so they inherit the stand-in. One test reads real articles.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import frettir.batch
import frettir.cli
from frettir import Article, BatchResult, extract_many
from frettir.batch import ordered_map
from frettir.errors import InputError
from frettir.serialize import to_record

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="worker processes inherit the stand-in engine only when forked",
)


def fake_read(text: str, *, title: str | None, url: str | None) -> Article:
    """A stand-in engine: an article without quotes; ``BOOM`` raises, ``DIE`` kills its process.

    ``SLOW`` sleeps for a minute (a timer signal interrupts it); ``HANG`` sleeps with the timer
    signal blocked, as a worker stuck in native code that does not answer it.
    """
    if "BOOM" in text:
        raise RuntimeError("the engine choked")
    if "DIE" in text:
        os._exit(3)  # a worker dying without a word, as when the OOM killer strikes
    if "SLOW" in text:
        time.sleep(60)
    if "HANG" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return Article(text=text, title=title, url=url)


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the batch's call of the engine by :func:`fake_read`; skip warming the engine."""
    monkeypatch.setattr(frettir.batch, "_read", fake_read)
    monkeypatch.setattr(frettir.batch, "warm", lambda: None)


def texts(n: int) -> list[str]:
    return [f"Grein númer {i}." for i in range(n)]


def counting(items: list[Any], pulled: list[int]) -> Iterator[Any]:
    """Yield ``items``, counting in ``pulled[0]`` how many the consumer has taken."""
    for item in items:
        pulled[0] += 1
        yield item


# --- results and errors --------------------------------------------------------------------


def test_results_come_in_input_order_with_index_and_id(fake_engine: None) -> None:
    """Each item gives one result, in input order, with its position and its ``id``."""
    items: list[str | dict[str, Any]] = [
        "Fyrsta.",
        {"id": "b", "text": "Önnur."},
        {"id": 7, "text": "Þriðja."},
    ]
    results = list(extract_many(items))
    assert [(r.index, r.id, r.ok) for r in results] == [(0, None, True), (1, "b", True), (2, "7", True)]
    assert [r.article.text for r in results if r.article] == ["Fyrsta.", "Önnur.", "Þriðja."]


def test_title_and_url_or_source_reach_the_article(fake_engine: None) -> None:
    """A mapping's ``title`` and ``url`` (or ``source``, as in the corpus) are passed on."""
    items = [{"text": "A.", "title": "T", "url": "https://a.is"}, {"text": "B.", "source": "https://b.is"}]
    articles = [r.article for r in extract_many(items)]
    assert [(a.title, a.url) for a in articles if a] == [("T", "https://a.is"), (None, "https://b.is")]


@pytest.mark.parametrize(
    ("item", "error"),
    [
        (3, "an item must be a str or a mapping, not int"),
        ({"id": "x"}, "'text' must be a string, not NoneType"),
        ({"id": "x", "text": b"bytes"}, "'text' must be a string, not bytes"),
        ({"id": ["x"], "text": "A."}, "'id' must be a string or None, not list"),
        ({"text": "A.", "title": 5}, "'title' must be a string or None, not int"),
    ],
)
def test_a_bad_item_gives_an_error_record_and_the_batch_goes_on(
    fake_engine: None, item: object, error: str
) -> None:
    """An item that is not an article gives a result with ``error`` set; the next one is read."""
    first, second = extract_many([item, "Gott."])  # type: ignore[list-item]
    assert (first.index, first.article, first.error) == (0, None, error)
    assert second.ok


def test_an_article_that_raises_gives_an_error_record(fake_engine: None) -> None:
    """An exception while reading one article becomes that article's error, named by its type."""
    results = list(extract_many(["A.", {"id": "boom", "text": "BOOM"}, "C."]))
    assert [r.ok for r in results] == [True, False, True]
    assert (results[1].id, results[1].error) == ("boom", "RuntimeError: the engine choked")


def test_a_result_with_both_or_neither_article_and_error_is_refused() -> None:
    """A BatchResult holds exactly one of an article and an error."""
    with pytest.raises(InputError, match="exactly one"):
        BatchResult(index=0, id=None, article=None, error=None)
    with pytest.raises(InputError, match="exactly one"):
        BatchResult(index=0, id=None, article=Article(text="A."), error="no")


def test_to_record_gives_the_jsonl_contract(fake_engine: None) -> None:
    """``to_record`` is ``serialize.to_record`` for an article and ``{id, error}`` for a failure."""
    good, bad = extract_many([{"id": "a", "text": "A."}, {"id": "b", "text": "BOOM"}])
    assert good.article is not None
    assert good.to_record() == to_record(good.article, id="a")
    assert bad.to_record() == {"id": "b", "error": "RuntimeError: the engine choked"}


@pytest.mark.parametrize(
    "options", [{"processes": 0}, {"processes": True}, {"processes": 1.5}, {"chunksize": 0}]
)
def test_bad_options_fail_at_once(options: dict[str, Any]) -> None:
    """A process count or chunk size that is not a positive int fails at the call, not later."""
    with pytest.raises(InputError, match="must be a positive int"):
        extract_many(["A."], **options)


def test_the_input_is_read_lazily_in_one_process(fake_engine: None) -> None:
    """With one process, each result is ready after reading just its own item."""
    pulled = [0]
    results = extract_many(counting(texts(100), pulled))
    assert pulled == [0]
    next(results)
    assert pulled == [1]


def test_progress_bar_goes_to_stderr(fake_engine: None, capsys: pytest.CaptureFixture[str]) -> None:
    """``progress=True`` shows a tqdm bar on stderr counting the articles; stdout stays clean."""
    assert len(list(extract_many(texts(3), progress=True))) == 3
    captured = capsys.readouterr()
    assert "3/3" in captured.err
    assert captured.out == ""


def test_real_articles_are_read(read: Callable[[str], Article]) -> None:
    """With the real engine, each result's article is the one ``Article.from_text`` gives."""
    text = "„Við erum tilbúin,“ segir Jón Jónsson."
    (result,) = extract_many([{"id": "a", "text": text}])
    assert result.article == read(text)


# --- worker processes ----------------------------------------------------------------------


@needs_fork
def test_processes_keep_input_order_and_errors(fake_engine: None) -> None:
    """Over two processes the results are those of one process, in the same order."""
    items = [*texts(10), "BOOM", *texts(7)]
    serial = list(extract_many(items))
    parallel = list(extract_many(items, processes=2, chunksize=3))
    assert parallel == serial
    assert [r.index for r in parallel] == list(range(18))
    assert parallel[10].error == "RuntimeError: the engine choked"


@needs_fork
def test_a_dying_worker_costs_only_its_article(fake_engine: None) -> None:
    """A worker process that dies is replaced; only the article it was reading is an error."""
    items = [*texts(5), "DIE", *texts(5)]
    results = list(extract_many(items, processes=2, chunksize=4))
    assert [r.ok for r in results] == [True] * 5 + [False] + [True] * 5
    assert results[5].error is not None
    assert results[5].error.startswith("the worker failed")
    assert [r.article.text for r in results if r.article] == [*texts(5), *texts(5)]


@needs_fork
def test_the_input_is_read_a_bounded_way_ahead(fake_engine: None) -> None:
    """With workers, the input is read at most ``2 * processes`` chunks ahead of the results."""
    pulled = [0]
    results = extract_many(counting(texts(1000), pulled), processes=2, chunksize=5)
    next(results)
    assert pulled[0] <= 2 * 2 * 5 + 5
    del results  # stopping early shuts the pool down (the generator's ``finally``)


@needs_fork
def test_all_cpus_when_processes_is_none(fake_engine: None) -> None:
    """``processes=None`` uses the available CPUs and gives the same results."""
    assert [r.index for r in extract_many(texts(6), processes=None)] == list(range(6))


def square(n: int) -> int:
    """Square ``n``; refuse 13."""
    if n == 13:
        raise ValueError("unlucky")
    return n * n


@pytest.mark.parametrize("processes", [1, pytest.param(2, marks=needs_fork)])
def test_ordered_map_gives_one_result_per_item(processes: int) -> None:
    """``ordered_map`` keeps order and turns an exception into ``on_error(item, message)``."""
    results = list(ordered_map(square, range(20), on_error=lambda n, m: -n, processes=processes, chunksize=3))
    assert results == [-n if n == 13 else n * n for n in range(20)]


# --- the command line ----------------------------------------------------------------------


def fake_record(
    text: str, *, ident: str | None, title: str | None, url: str | None, parse: str = "none"
) -> dict[str, Any]:
    """A stand-in for the command line's engine: one quote-less record; ``BOOM`` fails."""
    if "BOOM" in text:
        raise RuntimeError("the engine choked")
    return {"id": ident, "quotes": [], "speakers": [], "text": text}


@needs_fork
def test_cli_processes_keeps_order_and_reports_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``extract --jsonl --processes 2`` writes one record per line, in order, errors included."""
    monkeypatch.setattr(frettir.cli, "_extract_record", fake_record)
    monkeypatch.setattr(frettir.cli, "warm", lambda: None)
    lines = [json.dumps({"id": f"a{i}", "text": "BOOM" if i == 4 else f"T{i}"}) for i in range(9)]
    lines.insert(6, "not json")
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = frettir.cli.main(["extract", "--jsonl", "--processes", "2", str(source)])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert status == 1
    assert [r["id"] for r in records] == ["a0", "a1", "a2", "a3", "a4", "a5", None, "a6", "a7", "a8"]
    assert records[4] == {
        "id": "a4",
        "error": "RuntimeError: the engine choked",
        "file": str(source),
        "line": 5,
    }
    assert "error" in records[6]
    assert f"{source}:5: RuntimeError: the engine choked" in captured.err
    assert f"{source}:7: not JSON" in captured.err


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_cli_refuses_a_bad_process_count(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--processes`` takes a positive whole number; anything else is a usage error (exit 2)."""
    assert frettir.cli.main(["extract", "--processes", value, "x.txt"]) == 2
    assert "--processes" in capsys.readouterr().err


# --- limits: the time bound and the maximum length -----------------------------------------


@needs_fork
def test_an_article_past_the_timeout_gets_an_error_and_the_batch_goes_on(fake_engine: None) -> None:
    """A slow article is interrupted by its worker's timer: an error result, the rest in order."""
    results = list(extract_many(["Fyrsta.", "SLOW", "Þriðja."], timeout=0.5))
    assert [(r.index, r.ok) for r in results] == [(0, True), (1, False), (2, True)]
    assert results[1].error is not None and results[1].error.startswith("timed out: ")
    assert "--timeout" in results[1].error


@needs_fork
def test_a_worker_that_ignores_its_timer_is_killed_and_the_ordered_batch_goes_on(
    fake_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker stuck where no signal reaches it is killed after the grace; no result is lost."""
    monkeypatch.setattr(frettir.batch, "GRACE", 0.5)
    items = [f"Grein {i}." for i in range(6)]
    items[2] = "HANG"
    results = list(extract_many(items, timeout=0.3, processes=2, chunksize=2))
    assert [r.index for r in results] == list(range(6))
    assert [r.ok for r in results] == [True, True, False, True, True, True]
    assert results[2].error is not None and results[2].error.startswith("timed out: ")


@pytest.mark.parametrize("timeout", [0, -1, "5", True])
def test_a_bad_timeout_is_refused_at_once(timeout: Any) -> None:
    """``timeout`` must be a positive number of seconds or None; the error comes before any work."""
    with pytest.raises(InputError, match="timeout must be a positive number"):
        extract_many(["Já."], timeout=timeout)


def test_an_article_longer_than_max_length_gets_an_error_naming_the_limit(fake_engine: None) -> None:
    """A text past ``max_length`` gives an error result that says how to raise the limit."""
    results = list(extract_many(["Stutt.", "Miklu lengri texti."], max_length=10))
    assert [r.ok for r in results] == [True, False]
    assert results[1].error is not None
    assert "more than max_length=10" in results[1].error and "split it" in results[1].error


def test_max_length_none_reads_any_length(fake_engine: None) -> None:
    """``max_length=None`` turns the limit off."""
    [result] = extract_many(["x" * 2_000_000], max_length=None)
    assert result.ok
