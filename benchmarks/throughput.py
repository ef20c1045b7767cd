"""How fast frettir reads the development corpus, measured as whole processes.

Run with ``make bench`` or ``python benchmarks/throughput.py --shared ../shared`` (ten to
fifteen minutes on two cores; ``--runs``, ``--sections`` and ``--workers`` change that). Every figure
is a fresh Python process started ``--runs`` times (default 3) over the same input, timed from
outside as a whole: interpreter start, imports, reading the input, building the engine and
the work. Each is printed as the median with the minimum and maximum of the runs, as wall
seconds and as CPU seconds (user + system of the process and every process it waited for,
from the operating system's accounting): on a shared machine the wall clock also counts
other people's work, the CPU time does not. Ratios are taken run by run (the engines run in
turn, A B A B ...) and summarised the same way.

The input is ``corpus/dev.jsonl`` as it is: real news, in which some sentences make frettir
ask Greynir for a parse (a census pass counts them and names the articles). The sections:

``engines``
    frettir (``Article.from_text``) against the tokenizer alone (``tokenizer.tokenize``, the
    floor) on every dev article, and against Greynir parsing every sentence (the baseline)
    on a stratified sample (parsing all 99 articles takes minutes a run): every
    ``--every``-th of the articles that make frettir parse and every ``--every``-th of the
    rest, on which frettir and the tokenizer are run again for fair ratios.
``cold``
    A fresh process reading one article that needs a parse: the time to the first result,
    imports and the grammar included.
``pool``
    ``extract_many`` with ``processes=1`` against ``processes=--workers``, both whole
    processes over every dev article (the pool's start-up counted in both).
``dask``
    ``frettir.dask.extract_records`` on a ``distributed.LocalCluster`` of ``--workers``
    worker processes with one thread each, against ``extract_many(processes=--workers)``
    with the records made the same way; both whole processes, the cluster's start and
    shutdown included, the dev corpus read ``--repeat`` times over in partitions of
    ``--partition`` articles. Dask runs twice: with Dask's defaults, and as the Dask how-to
    advises (the workers' profiler off, workers forked from a process that built the
    engine). The Dask child also reports, from inside, how long the cluster took to start
    and the computation alone.

Rates are for this machine and its load; compare the ratios measured in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

SECTIONS = ("engines", "cold", "pool", "dask")
CHILD = Path(__file__).with_name("_bench_child.py")
"""The children's script: each engine runs there, in a fresh process with its own imports."""


# --- the parent: runs, medians, ratios ------------------------------------------------------------


@dataclass
class Runs:
    """The runs of one command: wall and CPU seconds, and what the child reported."""

    label: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    events: list[dict[str, dict[str, Any]]] = field(default_factory=list)


def run_once(command: list[str], runs: Runs) -> None:
    """Start ``command``, wait for it, and add its wall and CPU seconds to ``runs``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begun = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - begun
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    runs.wall.append(wall)
    runs.cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    events = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            event = json.loads(line)
            events[event["event"]] = event
    events["stderr"] = {"lines": [line for line in result.stderr.splitlines() if line.strip()]}
    runs.events.append(events)


def command(args: argparse.Namespace, engine: str, **options: object) -> list[str]:
    """The command line of a child running ``engine``."""
    options.setdefault("repeat", 1)
    line = [sys.executable, str(CHILD), "--shared", args.shared, "--child", engine]
    for name, value in options.items():
        line += [f"--{name}", str(value)]
    return line


def measure(args: argparse.Namespace, commands: dict[str, list[str]]) -> dict[str, Runs]:
    """Run each command ``args.runs`` times, in turn (A B A B ...), after one untimed warm-up each."""
    for line in commands.values():
        subprocess.run(line, capture_output=True, check=False)
    results = {label: Runs(label) for label in commands}
    for _ in range(args.runs):
        for label, line in commands.items():
            run_once(line, results[label])
    return results


def spread(values: Sequence[float], digits: int = 2) -> str:
    """``median [min–max]``."""
    return f"{statistics.median(values):.{digits}f} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def table(rows: dict[str, Runs], articles: dict[str, int]) -> None:
    """Print wall and CPU seconds and articles per CPU second of each command."""
    print(f"  {'':<26}{'wall s':>20}{'CPU s':>20}{'art./CPU s':>12}")
    for label, runs in rows.items():
        rate = articles[label] / statistics.median(runs.cpu)
        print(f"  {label:<26}{spread(runs.wall):>20}{spread(runs.cpu):>20}{rate:>12.1f}")


def ratio(label: str, a: Runs, b: Runs, *, of: str = "cpu") -> None:
    """Print a/b run by run (median [min–max]) for CPU and wall seconds."""
    cpu = [x / y for x, y in zip(a.cpu, b.cpu, strict=True)]
    wall = [x / y for x, y in zip(a.wall, b.wall, strict=True)]
    print(f"  {label}: CPU {spread(cpu, 2)}x, wall {spread(wall, 2)}x")


def stratified(census: dict[str, Any], every: int) -> list[str]:
    """Every ``every``-th article of those that need a parse, and every ``every``-th of the rest.

    The sample then has the corpus's share of articles that make frettir parse (a plain
    every-tenth sample of the dev corpus happened to have none).
    """
    parsed = set(census["parsed"])
    needing = [ident for ident in census["ids"] if ident in parsed]
    others = [ident for ident in census["ids"] if ident not in parsed]
    return needing[::every] + others[::every]


def engines(args: argparse.Namespace, total: int, census: dict[str, Any]) -> None:
    """frettir, the tokenizer and parse-all; the ratios between them."""
    chosen = stratified(census, args.every)
    sample, sample_parsed = len(chosen), len(set(chosen) & set(census["parsed"]))
    ids = Path(tempfile.mkstemp(prefix="frettir-bench-", suffix=".txt")[1])
    ids.write_text("\n".join(chosen), encoding="utf-8")
    print(
        f"\n== engines: whole process, {args.runs} runs (dev: {total} articles; sample: {sample} articles, "
        f"every {args.every}th of those that need a parse and of the rest)"
    )
    commands = {
        "frettir, dev": command(args, "frettir"),
        "frettir frame, dev": command(args, "frettir", parse="frame"),
        "tokenizer, dev": command(args, "tokenizer"),
        "frettir, sample": command(args, "frettir", ids=ids),
        "tokenizer, sample": command(args, "tokenizer", ids=ids),
        "parse all, sample": command(args, "parse-all", ids=ids),
    }
    counts = {label: sample if "sample" in label else total for label in commands}
    runs = measure(args, commands)
    table(runs, counts)
    print(
        f"  with parse='frame' frettir asks Greynir for {census['parses']} parses in "
        f"{len(census['parsed'])} of {total} dev articles ({sample_parsed} of the {sample} sample "
        "articles); the default parse='none' asks for none"
    )
    ratio("frettir / tokenizer, dev (the floor; times slower)", runs["frettir, dev"], runs["tokenizer, dev"])
    ratio("frettir frame / tokenizer, dev", runs["frettir frame, dev"], runs["tokenizer, dev"])
    ratio("frettir / tokenizer, sample", runs["frettir, sample"], runs["tokenizer, sample"])
    ratio("parse all / frettir, sample (times faster)", runs["parse all, sample"], runs["frettir, sample"])
    rss = statistics.median(r["done"]["rss_mb"] for r in runs["frettir, dev"].events)
    print(f"  peak RSS of a frettir process over the dev corpus: {rss:.0f} MB")
    ids.unlink()


def cold(args: argparse.Namespace, census: dict[str, Any]) -> None:
    """A fresh process that reads one article needing a parse (with ``parse="frame"``)."""
    ident = census["parsed"][0]
    print(
        f"\n== cold start: a fresh process reading {ident} (it needs a parse with parse='frame'), "
        f"{args.runs} runs"
    )
    default, framed = "frettir, default", "frettir, parse='frame'"
    runs = measure(
        args,
        {
            default: command(args, "frettir", only=ident),
            framed: command(args, "frettir", only=ident, parse="frame"),
        },
    )
    table(runs, {default: 1, framed: 1})
    label = "python -c 'import frettir'"
    empty = measure(args, {label: [sys.executable, "-c", "import frettir"]})
    print(f"  of which interpreter start and import frettir: wall {spread(empty[label].wall)} s")


def pool(args: argparse.Namespace, total: int) -> None:
    """extract_many in one process against a pool, like for like."""
    print(
        f"\n== extract_many: processes=1 against processes={args.workers}, whole process, "
        f"{total} dev articles"
    )
    one, many = "extract_many, processes=1", f"extract_many, processes={args.workers}"
    runs = measure(
        args, {one: command(args, "pool", workers=1), many: command(args, "pool", workers=args.workers)}
    )
    table(runs, {one: total, many: total})
    ratio(f"processes=1 / processes={args.workers} (speed-up, wall)", runs[one], runs[many])


def dask(args: argparse.Namespace, total: int) -> None:
    """The Dask path against extract_many at the same number of worker processes."""
    print(
        f"\n== Dask: LocalCluster({args.workers} workers x 1 thread, partitions of {args.partition}) "
        f"against extract_many(processes={args.workers}), whole process, the {total} dev articles "
        f"{args.repeat} times over"
    )
    ours = f"extract_many, processes={args.workers}"
    plain, theirs = f"Dask, {args.workers} workers, defaults", f"Dask, {args.workers} workers, advised"
    options = {"workers": args.workers, "partition": args.partition, "repeat": args.repeat}
    runs = measure(
        args,
        {
            ours: command(args, "pool", workers=args.workers, repeat=args.repeat),
            plain: command(args, "dask", setup="defaults", **options),
            theirs: command(args, "dask", setup="advised", **options),
        },
    )
    table(runs, {label: total * args.repeat for label in runs})
    ratio("Dask with Dask's defaults / extract_many (times slower)", runs[plain], runs[ours])
    ratio("Dask as advised / extract_many (times slower)", runs[theirs], runs[ours])
    inside = [events["dask"] for events in runs[theirs].events]
    print(
        "  inside the Dask process: cluster start "
        f"{spread([e['start_s'] for e in inside])} s, compute {spread([e['compute_s'] for e in inside])} s, "
        f"shutdown {spread([e['stop_s'] for e in inside])} s"
    )
    noise = [
        line
        for label in (plain, theirs)
        for events in runs[label].events
        for line in events["stderr"]["lines"]
    ]
    errors = [line for line in noise if "Error" in line or "WARNING" in line]
    print(f"  the Dask runs wrote {len(noise)} lines to stderr, {len(errors)} of them errors or warnings")
    for line in sorted(set(errors))[:5]:
        print(f"    {line[:150]}")


def parent(args: argparse.Namespace) -> None:
    """Run the sections and print their tables."""
    versions = ", ".join(f"{name} {version(name)}" for name in ("frettir", "reynir", "tokenizer"))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{versions}; Python {platform.python_version()}; {os.cpu_count()} CPUs; load average {load}")
    with (Path(args.shared) / "corpus" / "dev.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    total = len(articles)
    census: dict[str, Any] = {"ids": [a["id"] for a in articles]}
    if {"engines", "cold"} & set(args.sections):
        found = Runs("census")
        run_once(command(args, "census"), found)
        census.update(found.events[0]["census"])
    steps: dict[str, Callable[[], None]] = {
        "engines": lambda: engines(args, total, census),
        "cold": lambda: cold(args, census),
        "pool": lambda: pool(args, total),
        "dask": lambda: dask(args, total),
    }
    for name in args.sections:
        steps[name]()


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and run the benchmark (or one of its children)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--shared", default="../shared", help="the shared folder with corpus/ (default ../shared)"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command (default 3)")
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="what to measure (default all)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes for pool and Dask (default 2)"
    )
    parser.add_argument(
        "--every", type=int, default=10, help="the parse-all sample: every Nth article (default 10)"
    )
    parser.add_argument(
        "--partition", type=int, default=25, help="articles per Dask partition (default 25; 0: Dask's choice)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=20,
        help="Dask: read the dev corpus N times over (default 20)",
    )
    args = parser.parse_args(argv)
    if not (Path(args.shared) / "corpus" / "dev.jsonl").is_file():
        raise SystemExit(f"no corpus in {args.shared}/corpus: pass --shared")
    if args.runs < 1:
        raise SystemExit("--runs must be at least 1")
    parent(args)


if __name__ == "__main__":
    main()
