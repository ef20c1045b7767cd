"""How the speaker registry's cost grows with the number of names in one article.

Run with ``python benchmarks/registry_scaling.py`` (``--shared ../shared`` adds a case built
from GreynirCorpus sentences). Each case is measured at ``n`` and ``2n`` in a fresh child
process (no warm caches carried over), with a cap in seconds per run; the ratio of the two
times, scaled to an exact doubling of the input's size, should be about 2 (linear), and the
script exits with status 1 when a ratio is above ``--max-ratio`` (default 2.3) or a run hits
its cap.

Cases:

``registry``
    :class:`frettir._speakers.Registry` alone: ``n`` distinct people, each named in full and
    then by the last name, every one with the same first name (the worst case for an index
    by words), and a pronoun resolved after each.
``reports``
    ``Article.from_text`` on ``n`` sentences ``X Y sagði að …``, each with a new foreign name.
``corpus``
    ``Article.from_text`` on the first ``n`` sentences of ``corpus/greynircorpus-sentences.txt``
    (GreynirCorpus 1.1, Miðeind ehf., CC BY 4.0), five to a paragraph.

Timings depend on the machine and its load; compare the ratios of one run, not absolute times.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

SYLLABLES = ("ka", "lo", "vin", "tar", "me", "ris", "du", "fen", "go", "sal", "pi", "run")


def foreign_name(n: int, parts: int = 3) -> str:
    """A made-up name unknown to BÍN, different for every ``n`` (``Kalovin``)."""
    out = []
    for _ in range(parts):
        n, r = divmod(n, len(SYLLABLES))
        out.append(SYLLABLES[r])
    word = "".join(out)
    return word[:1].upper() + word[1:]


def run_registry(n: int) -> tuple[float, int]:
    """Seconds for the ``registry`` case, and its size (``n``)."""
    from frettir._speakers import Mention, Registry

    registry = Registry()
    started = time.perf_counter()
    position = 0
    for k in range(n):
        last = foreign_name(k, 4)
        for name in (f"Kalo {last}", last):
            registry.add(Mention(position, position + len(name), "person", name, "kk"))
            position += len(name) + 20
        registry.resolve_pronoun("kk", position)
    registry.finish_names()
    return time.perf_counter() - started, n


def run_reports(n: int) -> tuple[float, int]:
    """Seconds for the ``reports`` case, and its size in characters."""
    from frettir import Article

    text = "\n\n".join(
        f"{foreign_name(k, 3)} {foreign_name(k + 7, 4)} sagði að verkið gengi vel." for k in range(n)
    )
    started = time.perf_counter()
    Article.from_text(text)
    return time.perf_counter() - started, len(text)


def run_corpus(n: int, shared: str) -> tuple[float, int]:
    """Seconds for the ``corpus`` case, and its size in characters."""
    from frettir import Article

    lines = Path(shared, "corpus", "greynircorpus-sentences.txt").read_text(encoding="utf-8").splitlines()
    lines = lines[:n]
    text = "\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5))
    started = time.perf_counter()
    Article.from_text(text)
    return time.perf_counter() - started, len(text)


def _child(case: str, n: int, shared: str) -> None:
    if case == "registry":
        seconds, size = run_registry(n)
    elif case == "reports":
        seconds, size = run_reports(n)
    else:
        seconds, size = run_corpus(n, shared)
    print(json.dumps({"seconds": seconds, "size": size}))


def measure(case: str, n: int, shared: str, cap: float) -> tuple[float, int] | None:
    """Seconds and input size of one run in a fresh process, or ``None`` past ``cap`` seconds."""
    command = [sys.executable, __file__, "--child", case, str(n), "--shared", shared]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return None
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return float(result["seconds"]), int(result["size"])


def main() -> int:
    """Measure every case at ``n`` and ``2n``; 1 if a ratio is too high or a run hits its cap."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared", help="the shared folder with corpus/")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds allowed for one run")
    parser.add_argument("--max-ratio", type=float, default=2.3, help="time(2n)/time(n) allowed")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]), args.shared)
        return 0
    cases = [("registry", 20_000), ("reports", 1_000)]
    if Path(args.shared, "corpus", "greynircorpus-sentences.txt").exists():
        cases.append(("corpus", 2_500))
    failed = False
    print(f"{'case':10} {'n':>7} {'time(n)':>9} {'time(2n)':>9} {'size x':>7} {'ratio':>6}")
    for case, n in cases:
        one = measure(case, n, args.shared, args.cap)
        two = measure(case, 2 * n, args.shared, args.cap) if one is not None else None
        if one is None or two is None:
            print(f"{case:10} {n:7d} {'cap' if one is None else f'{one[0]:9.2f}':>9} {'cap':>9}")
            failed = True
            continue
        # corpus lines differ in length: the ratio is scaled to a doubling of the input size
        grown = two[1] / one[1]
        ratio = two[0] / one[0] * 2 / grown
        failed |= ratio > args.max_ratio
        print(f"{case:10} {n:7d} {one[0]:9.2f} {two[0]:9.2f} {grown:7.2f} {ratio:6.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
