"""Speed of ``frettir index`` against ``frettir extract --jsonl``, and of ``who`` on the result.

Run with ``python benchmarks/corpus_index.py --shared ../shared`` (not part of ``make test``).
The input is the development corpus repeated with new ids (``ID~2``, ``ID~3``, ...) up to
``--articles`` articles (10,000 by default), its gold keys dropped. On the same input file it
times, each in a fresh process and one after the other:

(a) ``frettir extract --jsonl INPUT > /dev/null``;
(b) ``frettir index DB INPUT`` into a new file;

and reports the speed of (b) as a share of (a) (the goal: at least 80%). Then it opens the
corpus and times ``Corpus.who("Bjarni Benediktsson")`` (the goal: under 100 ms; the first call
and the median of ``--repeat`` calls), ``Corpus.speakers(top=20)`` and
``Corpus.search("ríkisstjórn")``, and the wall time of ``frettir who`` from the shell (which
includes starting Python). Both commands get the same ``--processes``.

On a shared machine the numbers move with the load: compare the ratio, measured in one run.

Measured 2026-12-04, 10,000 articles, one process, 2 shared CPUs at a load average of ~10:
extract 344 s (29.0 articles/s), index 366 s (27.3 articles/s): 94% of the extract speed;
a 71 MB file; ``who("Bjarni Benediktsson")`` 608 quotes with 808 sources in 25 ms (first
call) and 20 ms (median); ``speakers(top=20)`` 250 ms; ``search("ríkisstjórn")`` 56 ms;
``frettir who`` from the shell 1.1 s, nearly all of it starting Python and importing frettir.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frettir import Corpus

_KEEP = ("id", "text", "title", "url", "source", "outlet", "author", "published")


def _input(dev: Path, count: int, out: Path) -> int:
    articles = []
    with dev.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                data = json.loads(line)
                articles.append({key: data[key] for key in _KEEP if key in data})
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        while written < count:
            for article in articles:
                if written == count:
                    break
                copy = dict(article)
                round_ = written // len(articles)
                if round_:
                    copy["id"] = f"{article['id']}~{round_ + 1}"
                handle.write(json.dumps(copy, ensure_ascii=False) + "\n")
                written += 1
    return written


def _run(command: list[str], *, stdout: Any = subprocess.DEVNULL) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The first call's time and the median of ``repeat`` more, in milliseconds."""
    started = time.perf_counter()
    call()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times)


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder with corpus/dev.jsonl")
    parser.add_argument("--articles", type=int, default=10_000, help="articles to index (default 10000)")
    parser.add_argument("--processes", type=int, default=1, help="worker processes for both commands")
    parser.add_argument("--repeat", type=int, default=20, help="timed calls of each query")
    parser.add_argument("--name", default="Bjarni Benediktsson", help="the person to ask who about")
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    frettir = str(bin_dir / "frettir")
    processes = ["--processes", str(args.processes)]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "input.jsonl"
        count = _input(Path(args.shared) / "corpus" / "dev.jsonl", args.articles, source)
        print(f"input: {count} articles ({source.stat().st_size / 1e6:.1f} MB), processes {args.processes}")
        extract = _run([frettir, "extract", "--jsonl", *processes, str(source)])
        print(f"extract --jsonl: {extract:8.1f} s  {count / extract:7.1f} articles/s")
        database = work / "corpus.db"
        index = _run([frettir, "index", *processes, str(database), str(source)])
        print(f"index:           {index:8.1f} s  {count / index:7.1f} articles/s")
        print(f"index speed / extract speed: {extract / index:.1%} (goal: at least 80%)")
        print(f"corpus file: {database.stat().st_size / 1e6:.1f} MB")
        with Corpus(database, create=False) as corpus:
            print(f"articles in the corpus: {len(corpus)}")
            found = corpus.who(args.name)
            sources = sum(len(q.sources) for q in found)
            print(f"who({args.name!r}): {len(found)} quotes, {sources} sources")
            for label, call in (
                (f"who({args.name!r})", lambda: corpus.who(args.name)),
                ("speakers(top=20)", lambda: corpus.speakers(top=20)),
                ("search('ríkisstjórn')", lambda: corpus.search("ríkisstjórn")),
            ):
                first, median = _timed(call, args.repeat)
                print(f"{label:<32} first {first:8.1f} ms, median {median:8.1f} ms")
        shell = _run([frettir, "who", args.name, "--db", str(database)])
        print(f"frettir who from the shell (with Python start-up): {shell * 1000:.0f} ms")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
