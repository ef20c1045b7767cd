"""Does the cost of reading grow linearly? Each family of hostile input at n and 2n.

Run with ``python benchmarks/scaling.py`` (``--scale 0.5`` for a quicker look, ``--cap`` for
the limit per run, ``--only punct,json`` for some families). For each family of issue 14 the
script builds an input of size n and one of size 2n, reads each in a fresh child process
(``Article.from_text`` after a warm-up, so neither import nor Greynir's start-up is timed;
the fastest of ``--repeat`` runs, as the machine may be busy), and prints the time of each
and the ratio. Linear growth gives about 2; the target is at most
2.3 (a quadratic family gives 4). A run past ``--cap`` seconds is stopped and reported as
``>cap`` (the ratio is then at least ``cap / t(n)``). The ``json`` family measures the size of
:func:`frettir.serialize.dumps` instead of the time.

The families:

``punct``
    A run of punctuation with no space (``((((…``): quadratic inside Miðeind's tokenizer 3.7.0.
``quotes``
    Many quotes in one article: one short quoted paragraph (``„Já.“``) after another.
``reports``
    Many reports: ``Jón12son sagði að veðrið væri gott.`` with a new name in each sentence.
``cues``
    Many cues in one sentence: ``sagði hann og sagði hún og …`` with no full stop.
``registry``
    The speaker registry: quotes by many different people (``„Já,“ sagði Ari Bárðarson.``),
    every name new.
``namesakes``
    The registry's index by name words at its worst: every person has the same first name
    and is named again by the last name (``„Já,“ sagði Jón Aribárson. „Nei,“ sagði Aribárson.``).
``json``
    The JSON of an article of many short quotes by a few speakers (bytes, not seconds).

Exit status 0 when every family grew at most ``--limit`` (2.3) times, 1 otherwise. Families
whose fix belongs to other work are reported all the same.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

_CHILD = r"""
import json, sys, time
sys.path.insert(0, {bench!r})
from scaling import build
from frettir import Article
from frettir.batch import warm
from frettir.serialize import dumps
warm()
text = build({family!r}, {n!r})
seconds = float("inf")
for _ in range({repeat!r}):  # the best of a few runs: the machine may be busy
    started = time.perf_counter()
    article = Article.from_text(text, max_length=None)
    seconds = min(seconds, time.perf_counter() - started)
size = len(dumps(article).encode("utf-8")) if {family!r} == "json" else 0
print(json.dumps({{"seconds": seconds, "bytes": size, "chars": len(text), "quotes": len(article.quotes)}}))
"""

_SYLLABLES = ("Ari", "Bár", "Dag", "Ein", "Finn", "Geir", "Hall", "Ing", "Jón", "Kol", "Leif", "Mar")
_ENDINGS = ("son", "dal", "berg", "fell", "holt", "land", "stein", "vík")


def _names() -> itertools.chain[str]:
    """Distinct Icelandic-looking full names, as many as asked (``Ari Bárðarson`` style)."""
    firsts = ("Ari", "Bjarni", "Davíð", "Einar", "Finnur", "Gunnar", "Hannes", "Ingvar", "Jón", "Kári")
    return itertools.chain.from_iterable(
        (f"{first} {a}{b.lower()}{end}" for first in firsts)
        for a, b, end in itertools.product(_SYLLABLES, _SYLLABLES, _ENDINGS)
    )


def _punct(n: int) -> str:
    return "(" * n


def _quotes(n: int) -> str:
    return "„Já,“ sagði Anna.\n" + "„Já.“\n" * n


def _reports(n: int) -> str:
    return " ".join(f"Jón{i}son sagði að veðrið væri gott." for i in range(n))


def _cues(n: int) -> str:
    return "Hún sagði " + " og ".join(("sagði hann", "segir hún", "bætti hann við")[i % 3] for i in range(n))


def _registry(n: int) -> str:
    return "\n".join(f"„Já,“ sagði {name}." for name in itertools.islice(_names(), n))


def _namesakes(n: int) -> str:
    surnames = (f"{a}{b.lower()}{end}" for a, b, end in itertools.product(_SYLLABLES, _SYLLABLES, _ENDINGS))
    return "\n".join(
        f"„Já,“ sagði Jón {surname}. „Nei,“ sagði {surname}." for surname in itertools.islice(surnames, n)
    )


def _json(n: int) -> str:
    people = ("Anna Jónsdóttir", "Jón Jónsson", "Kári Stefánsson")
    return "\n".join(f"„Já {i},“ sagði {people[i % 3]}." for i in range(n))


FAMILIES: dict[str, tuple[Callable[[int], str], int]] = {
    "punct": (_punct, 40_000),
    "quotes": (_quotes, 5_000),
    "reports": (_reports, 2_000),
    "cues": (_cues, 4_000),
    "registry": (_registry, 2_000),
    "namesakes": (_namesakes, 500),
    "json": (_json, 2_000),
}
"""Each family's builder and its n at ``--scale 1`` (about 2-10 s on one core when linear)."""


def build(family: str, n: int) -> str:
    """The input of ``family`` at size ``n``."""
    return FAMILIES[family][0](n)


def _run(family: str, n: int, cap: float, repeat: int) -> dict[str, float] | None:
    """Read the input in a child process; ``None`` if it ran past ``cap`` seconds."""
    code = _CHILD.format(bench=str(Path(__file__).resolve().parent), family=family, n=n, repeat=repeat)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=repeat * cap + 30,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"{family} n={n} failed:\n{error.stderr}") from error
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return None if result["seconds"] > cap else result


def main() -> int:
    """Measure each family at n and 2n and print the table; exit 1 if one grew too fast."""
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--scale", type=float, default=1.0, help="multiply every n (default 1)")
    options.add_argument("--cap", type=float, default=120.0, help="seconds per run before it is stopped")
    options.add_argument("--limit", type=float, default=2.3, help="the largest acceptable n -> 2n ratio")
    options.add_argument("--only", help="comma-separated families (default: all)")
    options.add_argument(
        "--repeat", type=int, default=2, help="runs per size; the fastest counts (default 2)"
    )
    args = options.parse_args()
    chosen = args.only.split(",") if args.only else list(FAMILIES)
    print(f"{'family':<9} {'n':>8} {'t(n)':>9} {'t(2n)':>9} {'ratio':>6}  measured")
    worst = 0.0
    started = time.perf_counter()
    for family in chosen:
        n = max(1, int(FAMILIES[family][1] * args.scale))
        small = _run(family, n, args.cap, args.repeat)
        large = _run(family, 2 * n, args.cap, args.repeat) if small is not None else None
        key = "bytes" if family == "json" else "seconds"
        unit = "JSON bytes" if family == "json" else "seconds"
        if small is None:
            print(f"{family:<9} {n:>8} {'>cap':>9} {'-':>9} {'-':>6}  {unit}", flush=True)
            worst = float("inf")
            continue
        if large is None:
            ratio = args.cap / max(small[key], 1e-9)
            print(
                f"{family:<9} {n:>8} {small[key]:>9.2f} {'>cap':>9} {'>' + format(ratio, '.1f'):>6}  {unit}"
            )
            worst = max(worst, ratio)
            continue
        ratio = large[key] / max(small[key], 1e-9)
        worst = max(worst, ratio)
        shown = (
            (f"{small[key]:>9.0f} {large[key]:>9.0f}")
            if family == "json"
            else (f"{small[key]:>9.2f} {large[key]:>9.2f}")
        )
        flag = "" if ratio <= args.limit else "  GROWS TOO FAST"
        print(f"{family:<9} {n:>8} {shown} {ratio:>6.2f}  {unit}{flag}", flush=True)
    print(f"worst ratio {worst:.2f} (limit {args.limit}); {time.perf_counter() - started:.0f} s in all")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
