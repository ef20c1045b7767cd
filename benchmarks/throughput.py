"""Throughput of frettir against the parse-everything baseline and the tokenizer-only floor.

Run with ``make bench`` or ``python benchmarks/throughput.py --shared ../shared``. One run
measures, on the same texts:

(a) frettir as shipped: ``Article.from_text`` on each text;
(b) the parse-everything baseline: ``Greynir().submit(text, parse=True)``, every sentence parsed;
(c) the tokenizer-only floor: ``tokenizer.tokenize`` over the same text.

The texts are the articles of ``corpus/dev.jsonl`` and paragraphs of five sentences built from
``corpus/greynircorpus-sentences.txt`` (GreynirCorpus 1.1, Miðeind ehf., CC BY 4.0). Full
parsing is slow, so (b) runs on a SAMPLE (the first dev articles and the first corpus
sentences); (a) and (c) run on the same sample, which gives the fair ratios, and on
everything. Sentences are counted once, by the tokenizer, for every engine.

A fresh child process reads with frettir alone (no baseline parser loaded): it gives the time
from a cold start to the first result, the peak RSS of one frettir process, the slowest
single sentence of the corpus (every line read alone by ``Article.from_text``) and the rate
of ``extract_many`` over worker processes. ``--max-sentence`` runs only the slowest-sentence
check and lists the slowest five.

Rates are per process; compare ratios measured in the same run, not absolute numbers across
machines.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

PARAGRAPH_SENTENCES = 5
"""Corpus sentences joined into one paragraph (one text)."""

LIMITS = {"vs_baseline": 50.0, "vs_floor": 25.0, "rss_mb": 300.0, "first_s": 1.5, "sentence_s": 2.0}
"""The targets of the issue: (a)/(b) at least, (c)/(a) at most, and the rest at most."""


@dataclass(frozen=True)
class Texts:
    """A named set of texts with its sentence count (by the tokenizer)."""

    name: str
    texts: list[str]
    sentences: int


@dataclass(frozen=True)
class Timing:
    """One engine over one set of texts."""

    texts: Texts
    engine: str
    seconds: float

    @property
    def sentence_rate(self) -> float:
        """Sentences per second."""
        return self.texts.sentences / self.seconds

    @property
    def text_rate(self) -> float:
        """Texts (articles or paragraphs) per second."""
        return len(self.texts.texts) / self.seconds


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process (or of its finished children), in MB."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def count_sentences(text: str) -> int:
    """The number of sentences the tokenizer finds in ``text``."""
    from tokenizer import TOK, tokenize

    return sum(1 for tok in tokenize(text) if tok.kind == TOK.S_BEGIN)


def load(shared: Path, *, sample_articles: int, sample_sentences: int) -> tuple[Texts, Texts, Texts]:
    """Return the dev articles, the corpus paragraphs and the sample (a slice of each)."""
    dev = [
        json.loads(line)["text"]
        for line in (shared / "corpus" / "dev.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    lines = corpus_lines(shared)
    paragraphs = [
        " ".join(lines[i : i + PARAGRAPH_SENTENCES]) for i in range(0, len(lines), PARAGRAPH_SENTENCES)
    ]
    sample = dev[:sample_articles] + paragraphs[: sample_sentences // PARAGRAPH_SENTENCES]

    def texts(name: str, items: list[str]) -> Texts:
        return Texts(name, items, sum(count_sentences(t) for t in items))

    return texts("dev", dev), texts("corpus", paragraphs), texts("sample", sample)


def corpus_lines(shared: Path) -> list[str]:
    """The sentences of greynircorpus-sentences.txt, one per line."""
    path = shared / "corpus" / "greynircorpus-sentences.txt"
    return [line.strip() for line in path.open(encoding="utf-8") if line.strip()]


def timed(engine: str, texts: Texts, read: Callable[[str], object]) -> Timing:
    """Run ``read`` over every text of ``texts`` and time it."""
    started = time.perf_counter()
    for text in texts.texts:
        read(text)
    return Timing(texts, engine, time.perf_counter() - started)


def frettir_reader() -> Callable[[str], object]:
    """(a) ``Article.from_text``, warmed up."""
    from frettir import Article

    Article.from_text("„Já,“ sagði Jón Jónsson. Hann sagði að veðrið væri gott.")
    return Article.from_text


def floor_reader() -> Callable[[str], object]:
    """(c) ``tokenizer.tokenize``, every token consumed."""
    from tokenizer import tokenize

    def read(text: str) -> object:
        return sum(1 for _ in tokenize(text))

    read("Hún sagði það.")
    return read


@dataclass
class Baseline:
    """(b) Greynir parsing every sentence, with its counts of parsed and refused sentences."""

    parsed: int = 0
    failed: int = 0

    def reader(self) -> Callable[[str], object]:
        """Build the parser, warm it up (the grammar loads on the first parse), return the reader."""
        from reynir import Greynir

        greynir = Greynir()
        list(greynir.submit("Hún sagði það.", parse=True))

        def read(text: str) -> object:
            for sentence in greynir.submit(text, parse=True):
                if sentence.tree is None:
                    self.failed += 1
                else:
                    self.parsed += 1
            return None

        return read


# --- the child: frettir alone, from a cold start ---------------------------------------------------


def emit(**data: Any) -> None:
    """Send one JSON line to the parent."""
    print(json.dumps(data), flush=True)


def slowest_sentences(lines: Sequence[str], keep: int) -> tuple[float, list[tuple[float, str]]]:
    """Read every line alone with frettir; return the total time and the ``keep`` slowest."""
    from frettir import Article

    heap: list[tuple[float, str]] = []
    started = time.perf_counter()
    for line in lines:
        begun = time.perf_counter()
        Article.from_text(line)
        heapq.heappush(heap, (time.perf_counter() - begun, line))
        if len(heap) > keep:
            heapq.heappop(heap)
    return time.perf_counter() - started, sorted(heap, reverse=True)


def pool_rate(shared: Path, processes: int) -> None:
    """Time ``extract_many`` over the dev articles in worker processes; report it."""
    from frettir import extract_many

    articles = [json.loads(line) for line in (shared / "corpus" / "dev.jsonl").open(encoding="utf-8")]
    begun = time.perf_counter()
    results = list(extract_many(articles, processes=processes))
    seconds = time.perf_counter() - begun
    failed = sum(not r.ok for r in results)
    worker_rss = peak_rss_mb(resource.RUSAGE_CHILDREN)
    emit(
        event="pool",
        processes=processes,
        articles=len(results),
        seconds=seconds,
        failed=failed,
        worker_rss_mb=worker_rss,
    )


def child(args: argparse.Namespace) -> None:
    """Measure frettir alone in this fresh process; report JSON lines to the parent.

    The pool runs first, before this process has read the dev articles itself, so that
    neither run finds the other's words in the engine's caches.
    """
    started = time.perf_counter()
    shared = Path(args.shared)
    first = next(json.loads(line) for line in (shared / "corpus" / "dev.jsonl").open(encoding="utf-8"))
    from frettir import Article

    imported = time.perf_counter()
    Article.from_text(first["text"])
    emit(event="first", import_s=imported - started, first_s=time.perf_counter() - started)
    if not args.max_sentence:
        if args.processes > 1:
            pool_rate(shared, args.processes)
        dev, corpus, _ = load(shared, sample_articles=0, sample_sentences=0)
        read, floor = frettir_reader(), floor_reader()
        for texts in (dev, corpus):
            for timing in (timed("(a) frettir", texts, read), timed("(c) tokenizer", texts, floor)):
                sizes = {"set": texts.name, "texts": len(texts.texts), "sentences": texts.sentences}
                emit(event="timing", engine=timing.engine, seconds=timing.seconds, **sizes)
    lines = corpus_lines(shared)[: args.sentences]
    total, slowest = slowest_sentences(lines, keep=5)
    emit(event="slowest", sentences=len(lines), seconds=total, slowest=slowest)
    emit(event="rss", mb=peak_rss_mb())


# --- the parent: the sample, the child, the table -------------------------------------------------


def run_child(args: argparse.Namespace) -> Iterator[tuple[float, dict[str, Any]]]:
    """Start the child; yield ``(seconds since its start, event)`` for each line it reports."""
    command = [
        sys.executable,
        __file__,
        "--child",
        "--shared",
        args.shared,
        "--processes",
        str(args.processes),
    ]
    if args.sentences is not None:
        command += ["--sentences", str(args.sentences)]
    if args.max_sentence:
        command.append("--max-sentence")
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            yield time.perf_counter() - started, json.loads(line)
    if process.returncode:
        raise SystemExit(f"the child process failed with exit code {process.returncode}")


def row(timing: Timing) -> str:
    """One line of the table."""
    t = timing.texts
    cells = (
        len(t.texts),
        t.sentences,
        f"{timing.seconds:.2f}",
        f"{timing.sentence_rate:.1f}",
        f"{timing.text_rate:.2f}",
    )
    return f"{t.name:<7} {timing.engine:<15}" + "".join(f"{cell:>10}" for cell in cells)


def check(label: str, value: str, ok: bool, target: str) -> None:
    """Print one measured figure with its target and PASS or FAIL."""
    print(f"{label}: {value}  [target {target}: {'PASS' if ok else 'FAIL'}]")


def short(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters."""
    return text if len(text) <= width else text[: width - 1] + "…"


def parent(args: argparse.Namespace) -> None:
    """Run the child, then the sample in this process, and print the table."""
    shared = Path(args.shared)
    versions = ", ".join(f"{name} {version(name)}" for name in ("frettir", "reynir", "tokenizer"))
    print(f"{versions}; Python {platform.python_version()}; {os.cpu_count()} CPUs")
    events: dict[str, dict[str, Any]] = {}
    everything: list[Timing] = []
    cold = 0.0
    for elapsed, event in run_child(args):  # first, on a quiet machine
        if event["event"] == "first":
            cold = elapsed
        if event["event"] == "timing":
            texts = Texts(event["set"], [""] * event["texts"], event["sentences"])
            everything.append(Timing(texts, event["engine"], event["seconds"]))
        events[event["event"]] = event
    slow = events["slowest"]
    maximum, slowest_line = slow["slowest"][0]
    limit = LIMITS["sentence_s"]
    if args.max_sentence:
        label = f"slowest of {slow['sentences']} corpus sentences read alone (in {slow['seconds']:.0f} s)"
        check(label, f"{maximum:.2f} s", maximum <= limit, f"<= {limit:.0f} s")
        for seconds, line in slow["slowest"]:
            print(f"  {seconds:6.2f} s  {short(line, 90)}")
        return

    _, _, sample = load(shared, sample_articles=args.sample_articles, sample_sentences=args.sample_sentences)
    baseline = Baseline()
    a = timed("(a) frettir", sample, frettir_reader())
    c = timed("(c) tokenizer", sample, floor_reader())
    b = timed("(b) parse all", sample, baseline.reader())
    print(
        f"sample: first {args.sample_articles} dev articles, first {args.sample_sentences} corpus sentences; "
        f"the baseline parsed {baseline.parsed} sentences, refused {baseline.failed}"
    )
    header = ("texts", "sents", "seconds", "sents/s", "texts/s")
    print(f"{'set':<7} {'engine':<15}" + "".join(f"{cell:>10}" for cell in header))
    for timing in (a, b, c, *everything):
        print(row(timing))
    vs_baseline = a.sentence_rate / b.sentence_rate
    vs_floor = c.sentence_rate / a.sentence_rate
    all_a = sum(t.seconds for t in everything if t.engine.startswith("(a)"))
    all_c = sum(t.seconds for t in everything if t.engine.startswith("(c)"))
    target = LIMITS["vs_baseline"]
    check("(a)/(b) on the sample", f"{vs_baseline:.1f}x", vs_baseline >= target, f">= {target:.0f}x")
    target = LIMITS["vs_floor"]
    check("(a)/(c) on the sample", f"1/{vs_floor:.0f}", vs_floor <= target, f">= 1/{target:.0f}")
    check("(a)/(c) on everything", f"1/{all_a / all_c:.0f}", all_a / all_c <= target, f">= 1/{target:.0f}")
    rss, target = events["rss"]["mb"], LIMITS["rss_mb"]
    value = f"{rss:.0f} MB (this process, with the baseline's parser too: {peak_rss_mb():.0f} MB)"
    check("peak RSS of frettir alone", value, rss <= target, f"<= {target:.0f} MB")
    first, target = events["first"], LIMITS["first_s"]
    reading = first["first_s"] - first["import_s"]
    value = f"{cold:.2f} s (import {first['import_s']:.2f} s, first article {reading:.2f} s)"
    check("cold start to first result", value, cold <= target, f"<= {target} s")
    label = f"slowest of {slow['sentences']} corpus sentences read alone"
    check(label, f"{maximum:.2f} s: {short(slowest_line, 50)}", maximum <= limit, f"<= {limit:.0f} s")
    if "pool" in events:
        pool = events["pool"]
        one = next(t for t in everything if t.texts.name == "dev" and t.engine.startswith("(a)"))
        rate = pool["articles"] / pool["seconds"]
        print(
            f"extract_many(processes={pool['processes']}) on dev: {rate:.1f} "
            f"articles/s (one process: {one.text_rate:.1f}); {pool['failed']} failed; "
            f"worker peak RSS {pool['worker_rss_mb']:.0f} MB"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and run the benchmark (or its child)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--shared", default="../shared", help="the shared folder with corpus/ (default ../shared)"
    )
    parser.add_argument(
        "--sample-articles", type=int, default=8, help="dev articles in the sample (default 8)"
    )
    parser.add_argument(
        "--sample-sentences", type=int, default=150, help="corpus sentences in the sample (default 150)"
    )
    parser.add_argument(
        "--sentences", type=int, help="read only the first N corpus sentences alone (default all)"
    )
    parser.add_argument(
        "--processes", type=int, default=2, help="workers for the extract_many row (default 2; 1: none)"
    )
    parser.add_argument(
        "--max-sentence", action="store_true", help="only read each corpus sentence alone; list the slowest 5"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (Path(args.shared) / "corpus" / "dev.jsonl").is_file():
        raise SystemExit(f"no corpus in {args.shared}/corpus: pass --shared")
    child(args) if args.child else parent(args)


if __name__ == "__main__":
    main()
