"""The children of ``throughput.py``: one engine over the input, in a fresh process.

A separate file so that a child imports only what its engine needs: the tokenizer's run is
the floor that frettir is compared with, and the parent's own imports (``importlib.metadata``,
``statistics``, ``subprocess``, ``dataclasses``…) would add a tenth to it. Run by the parent
as ``python benchmarks/_bench_child.py --shared DIR --child ENGINE [options]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

# --- the children: one engine over the input, in a fresh process --------------------------------


def _articles(corpus: Path, every: int = 1) -> list[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    return articles[::every]


def _emit(**data: Any) -> None:
    print(json.dumps(data), flush=True)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _frettir(articles: list[dict[str, Any]], parse: str | None = None) -> None:
    from frettir import Article

    for article in articles:
        if parse is None:  # the default mode
            Article.from_text(article["text"])
        else:
            Article.from_text(article["text"], parse=parse)  # type: ignore[arg-type]


def _tokenizer(articles: list[dict[str, Any]]) -> None:
    from tokenizer import tokenize

    for article in articles:
        for _ in tokenize(article["text"]):
            pass


def _parse_all(articles: list[dict[str, Any]]) -> None:
    from reynir import Greynir

    greynir = Greynir()
    for article in articles:
        for sentence in greynir.submit(article["text"], parse=True):
            _ = sentence.tree


def _pool(articles: list[dict[str, Any]], workers: int) -> None:
    from frettir import extract_many

    records = [result.to_record() for result in extract_many(articles, processes=workers)]
    assert len(records) == len(articles)


def _dask(articles: list[dict[str, Any]], workers: int, partition: int, setup: str) -> None:
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    import frettir.dask

    begun = time.perf_counter()
    if setup == "advised":
        # As docs/howto/dask.rst advises: no statistical profiler sampling the task thread,
        # and workers forked from this process after it built the engine (as extract_many's).
        from frettir.batch import warm

        dask.config.set(
            {"distributed.worker.profile.enabled": False, "distributed.worker.multiprocessing-method": "fork"}
        )
        warm()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        started = time.perf_counter()
        # partition 0: Dask's own choice (for under 100 items, one item a partition)
        bag = db.from_sequence(articles, partition_size=partition or None)
        records = client.compute(frettir.dask.extract_records(bag)).result()
        computed = time.perf_counter()
        assert len(records) == len(articles)
    _emit(
        event="dask",
        start_s=started - begun,
        compute_s=computed - started,
        stop_s=time.perf_counter() - computed,
    )


def _census(articles: list[dict[str, Any]]) -> None:
    """Read every article with ``parse="frame"`` and count Greynir's parses (``parse_single`` calls).

    The default mode (``parse="none"``) never parses: the census names the articles that make
    frettir parse when a parse is asked for (the articles of the cold start, and the strata
    of the parse-all sample, as before the default changed).
    """
    from reynir import Greynir

    from frettir import Article

    calls = 0
    parse_single = Greynir.parse_single

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return parse_single(self, *args, **kwargs)

    Greynir.parse_single = counted  # type: ignore[method-assign]
    parsed: list[str] = []
    for article in articles:
        before = calls
        Article.from_text(article["text"], parse="frame")
        if calls > before:
            parsed.append(article["id"])
    _emit(event="census", parses=calls, parsed=parsed)


def child(args: argparse.Namespace) -> None:
    """Run one engine in this fresh process; report what the parent cannot see from outside."""
    corpus = Path(args.shared) / "corpus" / "dev.jsonl"
    articles = _articles(corpus, args.step)
    if args.only is not None:
        articles = [article for article in articles if article["id"] == args.only]
    if args.ids is not None:
        chosen = set(Path(args.ids).read_text(encoding="utf-8").split())
        articles = [article for article in articles if article["id"] in chosen]
    if args.repeat > 1:
        articles = [dict(a, id=f"{a['id']}#{n}") for n in range(args.repeat) for a in articles]
    engine = args.child
    if engine == "frettir":
        _frettir(articles, args.parse)
    elif engine == "tokenizer":
        _tokenizer(articles)
    elif engine == "parse-all":
        _parse_all(articles)
    elif engine == "pool":
        _pool(articles, args.workers)
    elif engine == "dask":
        _dask(articles, args.workers, args.partition, args.setup)
    elif engine == "census":
        _census(articles)
    else:
        raise SystemExit(f"unknown engine {engine!r}")
    _emit(event="done", articles=len(articles), rss_mb=_peak_rss_mb())


def main() -> None:
    """Parse a child's arguments (given by the parent) and run its engine."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", required=True)
    parser.add_argument("--child", required=True)
    parser.add_argument("--step", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition", type=int, default=25)
    parser.add_argument("--setup", default="advised")
    parser.add_argument("--only")
    parser.add_argument("--parse")
    parser.add_argument("--ids")
    child(parser.parse_args())


if __name__ == "__main__":
    main()
