"""What each ``parse=`` mode costs and buys, on the dev corpus: scores and articles per second.

Run with ``python benchmarks/parse_tradeoff.py --shared ../shared`` (about 15 minutes on two
cores with the defaults; ``--engines`` picks fewer). For every engine it starts a fresh Python
process ``--runs`` times (default 3) over the same texts, the articles of
``corpus/dev.jsonl``, and times each process as a whole, start-up and imports included, from
the operating system's accounting of the finished child (CPU seconds, user + system) and the
wall clock around it. It prints the median with the minimum and maximum of each, and for the
frettir modes the scores (from one more run, not timed) on the whole corpus and on its tune
and check parts (:func:`frettir.evaluate.part_of`). The engines:

- ``tokenizer``: Miðeind's plain ``tokenizer.tokenize`` over each text (the floor);
- ``none``, ``frame``, ``cues``: ``Article.from_text(text, parse=mode)``;
- ``parse-all``: ``Greynir().parse(text)``, every sentence parsed (the baseline).

Rates are per process on this machine; compare the ratios measured in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ENGINES = ("tokenizer", "none", "frame", "cues", "parse-all")
MODES = ("none", "frame", "cues")
METRICS = (
    ("direct.strict.f1", "direct F1"),
    ("indirect.lenient.f1", "indirect F1"),
    ("speaker_accuracy.all.rate", "speaker"),
    ("all_three.all.rate", "all three"),
)


def _texts(corpus: Path) -> list[dict[str, Any]]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def child(engine: str, corpus: Path, *, scored: bool) -> None:
    """Run one engine over every article (in the child process); with ``scored``, print the scores."""
    articles = _texts(corpus)
    if engine == "tokenizer":
        from tokenizer import tokenize

        for article in articles:
            for _ in tokenize(article["text"]):
                pass
        return
    if engine == "parse-all":
        from reynir import Greynir

        greynir = Greynir()
        for article in articles:
            greynir.parse(article["text"])
        return
    from frettir import Article

    if not scored:
        for article in articles:
            Article.from_text(article["text"], title=article.get("title"), parse=engine)
        return
    from frettir import evaluate
    from frettir.serialize import to_record

    predicted = [
        to_record(Article.from_text(a["text"], title=a.get("title"), parse=engine), id=a["id"])
        for a in articles
    ]
    scores = {"all": evaluate.score(articles, predicted).flat()}
    for part in evaluate.PARTS:
        chosen = [n for n, a in enumerate(articles) if evaluate.part_of(a["id"]) == part]
        scores[part] = evaluate.score([articles[n] for n in chosen], [predicted[n] for n in chosen]).flat()
    print(json.dumps(scores))


def _run(engine: str, corpus: Path, *, scored: bool = False) -> tuple[float, float, str]:
    """CPU and wall seconds of one whole child process, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            engine,
            "--corpus",
            str(corpus),
            *(["--score"] if scored else []),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    """Measure every engine and print the trade-off table."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--shared", type=Path, default=Path("../shared"))
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--engines", default=",".join(ENGINES), help=", ".join(ENGINES))
    options.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    options.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    options.add_argument("--score", action="store_true", help=argparse.SUPPRESS)
    args = options.parse_args()
    corpus = args.corpus or args.shared / "corpus" / "dev.jsonl"
    if args.child:
        child(args.child, corpus, scored=args.score)
        return
    count = len(_texts(corpus))
    results: dict[str, dict[str, Any]] = {}
    for engine in args.engines.split(","):
        cpu: list[float] = []
        wall: list[float] = []
        for _ in range(args.runs):
            seconds, elapsed, _ = _run(engine, corpus)
            cpu.append(seconds)
            wall.append(elapsed)
        scores = json.loads(_run(engine, corpus, scored=True)[2]) if engine in MODES else None
        results[engine] = {"cpu": cpu, "wall": wall, "scores": scores}
        print(f"{engine}: cpu {_spread(cpu)} s, wall {_spread(wall)} s", file=sys.stderr, flush=True)
    print(f"{count} articles, {args.runs} runs each, whole process; median (min–max)\n")
    header = ["engine", "articles/s (CPU)", "s/article", "vs tokenizer", "vs parse-all"]
    header += [f"{label} {part}" for _, label in METRICS for part in ("all", "tune", "check")]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    floor = statistics.median(results["tokenizer"]["cpu"]) if "tokenizer" in results else None
    ceiling = statistics.median(results["parse-all"]["cpu"]) if "parse-all" in results else None
    for engine, result in results.items():
        cpu = result["cpu"]
        rates = [count / seconds for seconds in cpu]
        median = statistics.median(cpu)
        row = [
            engine,
            f"{statistics.median(rates):.1f} ({min(rates):.1f}–{max(rates):.1f})",
            f"{median / count:.3f}",
            f"{median / floor:.1f}x slower" if floor else "",
            f"{ceiling / median:.1f}x faster" if ceiling else "",
        ]
        scores = result["scores"]
        for key, _ in METRICS:
            for part in ("all", "tune", "check"):
                row.append(f"{scores[part][key]:.3f}" if scores else "")
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
