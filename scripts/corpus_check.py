"""Run real corpora through frettir: count crashes and invariant violations, list the slowest items.

Usage::

    python scripts/corpus_check.py [--sentences FILE] [--articles FILE.jsonl] [--slowest N] [--limit N]

Every line of the sentences file (default ``../shared/corpus/greynircorpus-sentences.txt``) and
the ``text`` of every article of the JSON Lines file (default ``../shared/corpus/dev.jsonl``) go
through :meth:`frettir.Article.from_text`. A crash is any exception (a :class:`frettir.FrettirError`
included: real text has no documented reason to be refused). Each result is checked with
:func:`violations`, independently of the model's own validators, and round-tripped through
:func:`frettir.serialize.dumps` / :func:`~frettir.serialize.loads`. The exit status is 1 when
there is any crash or violation, else 0.

:func:`violations` is also what the fuzz target (``fuzz/fuzz_article.py``) and the hostile-input
tests check, so the three agree on what a correct :class:`~frettir.Article` is.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
import traceback
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

from frettir import Article, Span
from frettir.serialize import dumps, loads

__all__ = ["main", "violations"]

_ROOT = Path(__file__).resolve().parent.parent
_SHARED = _ROOT.parent / "shared" / "corpus"


def _inside(span: Span, size: int) -> bool:
    return 0 <= span.start <= span.end <= size


def violations(article: Article, text: str | None = None, *, read: bool = True) -> list[str]:
    """Return every broken invariant of ``article`` as a sentence (empty when all hold).

    The model's invariants, which any :class:`~frettir.Article` keeps (one loaded from JSON
    too): ``article.text`` is ``text`` (when given) unchanged; paragraphs and sentences lie
    within the text and are sorted; every quote's ``text`` equals ``article.text[span]``, its
    ``outer`` contains its span, every span of a quote lies within the text; quotes are sorted
    by start; every quote's speaker is one of ``article.speakers``; every speaker's mentions lie
    within the text.

    With ``read=True`` (an article made by :meth:`~frettir.Article.from_text`), also what the
    reader promises: paragraphs and sentences do not overlap, each sentence lies in one
    paragraph, paragraphs are non-empty and trimmed, and white-space-only text has none.
    """
    found: list[str] = []
    if text is not None and article.text != text:
        found.append("article.text is not the input text")
    body = article.text
    size = len(body)
    for name, spans in (("paragraph", article.paragraphs), ("sentence", article.sentences)):
        for span in spans:
            if not _inside(span, size):
                found.append(f"{name} {span} outside the text of {size} characters")
        for before, after in pairwise(spans):
            if after < before or (read and after.start < before.end):
                found.append(f"{name}s not sorted or overlapping: {before} then {after}")
    if read:
        found += _reader_violations(article)
    for quote in article.quotes:
        where = f"quote {quote.span}"
        labelled: tuple[tuple[str, Span | None], ...] = (
            ("span", quote.span),
            ("outer", quote.outer),
            ("speaker_span", quote.speaker_span),
            ("cue_span", quote.cue_span),
        )
        for label, part in labelled:
            if part is not None and not _inside(part, size):
                found.append(f"{where}: {label} {part} outside the text of {size} characters")
        if quote.text != quote.span.slice(body):
            found.append(f"{where}: text {quote.text!r} is not text[span] {quote.span.slice(body)!r}")
        if quote.outer is not None and not quote.outer.contains(quote.span):
            found.append(f"{where}: outer {quote.outer} does not contain the span")
        if quote.speaker is not None and quote.speaker not in article.speakers:
            found.append(f"{where}: speaker {quote.speaker.name!r} not in article.speakers")
        if not 0.0 <= quote.confidence <= 1.0:
            found.append(f"{where}: confidence {quote.confidence} outside [0, 1]")
    for before_q, after_q in pairwise(article.quotes):
        if after_q.span.start < before_q.span.start:
            found.append(f"quotes not sorted by start: {before_q.span} then {after_q.span}")
    for speaker in article.speakers:
        if not speaker.name.strip():
            found.append("a speaker has an empty name")
        for mention in speaker.mentions:
            if not _inside(mention, size):
                found.append(f"speaker {speaker.name!r}: mention {mention} outside the text")
    return found


def _reader_violations(article: Article) -> list[str]:
    found: list[str] = []
    body = article.text
    for para in article.paragraphs:
        piece = para.slice(body)
        if not piece or piece != piece.strip():
            found.append(f"paragraph {para} is empty or not trimmed: {piece[:40]!r}")
    if not body.strip() and (article.paragraphs or article.sentences or article.quotes):
        found.append("white-space-only text has paragraphs, sentences or quotes")
    starts = [p.start for p in article.paragraphs]
    for sentence in article.sentences:
        at = bisect.bisect_right(starts, sentence.start) - 1
        if at < 0 or not article.paragraphs[at].contains(sentence):
            found.append(f"sentence {sentence} is not inside one paragraph")
    return found


def _sentences(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            yield f"{path.name}:{number}", line.rstrip("\n")


def _articles(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                record = json.loads(line)
                yield f"{path.name}:{record.get('id', number)}", str(record["text"])


def _check(ident: str, text: str) -> tuple[float, str | None, list[str]]:
    """Read one item; return its time, the crash (a traceback) if any, and its violations."""
    start = time.perf_counter()
    try:
        article = Article.from_text(text)
    except Exception:
        return time.perf_counter() - start, traceback.format_exc(limit=-4), []
    elapsed = time.perf_counter() - start
    found = violations(article, text)
    try:
        if loads(dumps(article)) != article:
            found.append("JSON round trip gives a different article")
    except Exception as error:
        found.append(f"JSON round trip failed: {type(error).__name__}: {error}")
    return elapsed, None, found


def main(argv: list[str] | None = None) -> int:
    """Run the check and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=Path, default=_SHARED / "greynircorpus-sentences.txt")
    parser.add_argument("--articles", type=Path, default=_SHARED / "dev.jsonl")
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest items to list")
    parser.add_argument("--limit", type=int, default=None, help="read at most N items of each file")
    args = parser.parse_args(argv)

    sources = [("sentences", args.sentences, _sentences), ("articles", args.articles, _articles)]
    timings: list[tuple[float, str, int]] = []
    crashes: list[tuple[str, str]] = []
    broken: list[tuple[str, list[str]]] = []
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    started = time.perf_counter()
    Article.from_text("„Já,“ sagði Jón.")  # load BÍN once so the first item is not charged for it
    for label, path, reader in sources:
        if not path.is_file():
            print(f"{label}: {path} not found, skipped", file=sys.stderr)
            continue
        counts[label] = 0
        for n, (ident, text) in enumerate(reader(path)):
            if args.limit is not None and n >= args.limit:
                break
            counts[label] += 1
            texts[ident] = text
            elapsed, crash, found = _check(ident, text)
            timings.append((elapsed, ident, len(text)))
            if crash is not None:
                crashes.append((ident, crash))
            if found:
                broken.append((ident, found))
    total = time.perf_counter() - started

    items = sum(counts.values())
    print(f"items: {items} ({', '.join(f'{k} {v}' for k, v in counts.items())}) in {total:.1f} s")
    print(f"crashes: {len(crashes)}")
    for ident, crash in crashes:
        print(f"  {ident}\n    " + crash.strip().replace("\n", "\n    "))
    print(f"invariant violations: {sum(len(f) for _, f in broken)} in {len(broken)} items")
    for ident, found in broken:
        for line in found:
            print(f"  {ident}: {line}")
    # The first item to need reynir's tokenizer or parser also pays for loading it: time the
    # slowest items again to tell that from their own cost.
    print(f"slowest {min(args.slowest, len(timings))} (first run, then again):")
    for elapsed, ident, size in sorted(timings, reverse=True)[: args.slowest]:
        again = _check(ident, texts[ident])[0]
        print(f"  {elapsed * 1000:8.1f} ms {again * 1000:8.1f} ms  {ident}  ({size} chars)")
    return 1 if crashes or broken or not items else 0


if __name__ == "__main__":
    sys.exit(main())
