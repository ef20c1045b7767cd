"""The corpus commands of the ``frettir`` program: ``index``, ``who``, ``speakers`` and ``search``.

They read their input as ``frettir extract`` does (with the helpers of ``frettir._cli_io``)
and work on a :class:`~frettir.Corpus` file. :func:`register` adds them to the program's
parser; :mod:`frettir.cli` calls it.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs

from frettir._cli_io import (
    _STDIN,
    _STDIN_ID,
    _count_items,
    _decode,
    _describe,
    _dump,
    _error,
    _is_html,
    _json_line,
    _jsonl_fields,
    _jsonl_id,
    _optional_str,
    _positive,
    _progress,
    _read_bytes,
    _short,
    _UsageError,
)
from frettir.article import Article
from frettir.batch import ordered_map, warm
from frettir.corpus import Corpus, CorpusQuote, Person
from frettir.errors import CorpusError

__all__ = ["register"]

_JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".json")
"""Input files read as JSON Lines (one article a line); any other file is one article."""

_METADATA: Final = ("outlet", "author", "published")
"""Optional string keys of a JSON Lines article that are stored with it."""

_Item = tuple[str, int, bytes]
"""An input item: file name, line number (0 for a whole file) and its bytes."""

_Indexed = tuple[str | None, Article | None, str | None]
"""The id and article read from one input item, or the message saying why it failed."""


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(_JSONL_SUFFIXES)


def _items(paths: Sequence[str]) -> Iterator[_Item]:
    """Yield the JSON Lines lines of each input file, or the whole file if it is one article."""
    for path in paths:
        name = _STDIN_ID if path == _STDIN else path
        data = _read_bytes(path)
        if path == _STDIN or _is_jsonl(path):
            for number, line in enumerate(data.splitlines(), start=1):
                if line.strip():
                    yield name, number, line
        else:
            yield name, 0, data


def _read_line(raw: bytes) -> tuple[str, Article]:
    data = _json_line(raw)
    ident = _jsonl_id(data)
    text, title, url = _jsonl_fields(data)
    outlet, author, published = (_optional_str(data, key) for key in _METADATA)
    article = Article.from_text(text, title=title, url=url)
    return ident, attrs.evolve(article, outlet=outlet or article.outlet, author=author, published=published)


def _read_item(item: _Item) -> _Indexed:
    """Read one input item into an article (in a worker process with --processes)."""
    name, number, data = item
    ident: str | None = name if number == 0 else None
    try:
        if number:
            ident, article = _read_line(data)
        elif _is_html(name, data):
            article = Article.from_html(data)
        else:
            article = Article.from_text(_decode(data, "utf-8"))
        return ident, article, None
    except Exception as error:  # one bad article must not end the run
        return (
            ident,
            None,
            f"{name}:{number}: {_describe(error)}" if number else f"{name}: {_describe(error)}",
        )


def _lost(item: _Item, message: str) -> _Indexed:
    name, number, _ = item
    return None, None, f"{name}:{number}: {message}" if number else f"{name}: {message}"


def _open(path: str, *, create: bool = False) -> Corpus:
    try:
        return Corpus(path, create=create)
    except CorpusError as error:
        raise _UsageError(str(error)) from error


def _cmd_index(args: argparse.Namespace) -> int:
    paths: list[str] = args.files or [_STDIN]
    failed = added = read = 0
    with _open(args.db, create=True) as corpus:
        outcomes = ordered_map(
            _read_item, _items(paths), on_error=_lost, processes=args.processes, initializer=warm
        )
        try:
            total = _count_items(paths, jsonl=_is_jsonl) if sys.stderr.isatty() else None
            for ident, article, message in _progress(outcomes, total=total, desc="index"):
                if article is None or ident is None:
                    failed += 1
                    _error(message or "no article")
                    continue
                read += 1
                added += corpus.add(article, id=ident)
        except CorpusError as error:
            raise _UsageError(str(error)) from error
        stored = len(corpus)
    _error(
        f"{args.db}: {read} article{'' if read == 1 else 's'} read, {added} new or changed, "
        f"{failed} failed; {stored} in the corpus"
    )
    return 1 if failed else 0


def _print_quotes(quotes: Sequence[CorpusQuote], args: argparse.Namespace) -> None:
    out = sys.stdout
    if args.csv:
        names = [field.name for field in attrs.fields(CorpusQuote)]
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for quote in quotes:
            writer.writerow(quote.to_row())
        return
    for quote in quotes:
        if args.json:
            print(_dump(quote.to_dict()), file=out)
            continue
        when = quote.published or "undated"
        shown = f"„{quote.text}“" if quote.kind == "direct" else quote.text
        print(
            f"{when}  {quote.outlet or '-'}  {quote.article}  {quote.speaker or '(unknown speaker)'}",
            file=out,
        )
        print(f"    {_short(shown, 100)}  [{quote.cue or '-'}]", file=out)
        if len(quote.sources) > 1:
            others = ", ".join(source.article for source in quote.sources if source.article != quote.article)
            print(f"    also in: {_short(others, 96)}", file=out)


def _cmd_who(args: argparse.Namespace) -> int:
    with _open(args.db) as corpus:
        try:
            quotes = corpus.who(args.name)
        except CorpusError as error:
            raise _UsageError(str(error)) from error
    if not quotes:
        # as grep does: nothing found is said on stderr and in the exit code, never as output
        _error(f"no quotes by {args.name!r} in {args.db}")
        return 1
    _print_quotes(quotes, args)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    with _open(args.db) as corpus:
        try:
            quotes = corpus.search(" ".join(args.words), limit=args.limit)
        except CorpusError as error:
            raise _UsageError(str(error)) from error
    _print_quotes(quotes, args)
    return 0


def _person_line(person: Person) -> str:
    titles = "; ".join(
        title.title
        if title.first is None
        else f"{title.title} ({title.first[:10]}–{(title.last or '')[:10]})"
        for title in person.titles
    )
    parts = [f"{person.quotes:>5}  {person.name}", f"({person.kind}, {person.articles} articles)"]
    if titles:
        parts.append(f"titles: {titles}")
    if person.outlets:
        parts.append(f"outlets: {', '.join(person.outlets)}")
    return "  ".join(parts)


def _cmd_speakers(args: argparse.Namespace) -> int:
    with _open(args.db) as corpus:
        try:
            people = corpus.speakers(top=args.top)
        except CorpusError as error:
            raise _UsageError(str(error)) from error
    for person in people:
        data: dict[str, Any] = attrs.asdict(person)
        print(_dump(data) if args.json else _person_line(person))
    return 0


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="DB", help="the corpus file (made by frettir index)")


def _output_options(parser: argparse.ArgumentParser) -> None:
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="write one JSON object a line (JSON Lines)")
    form.add_argument("--csv", action="store_true", help="write CSV, one row a quote, with a header")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``index``, ``who``, ``speakers`` and ``search`` to the subcommands of the program."""
    index = commands.add_parser(
        "index",
        help="read articles into a corpus file",
        description="Read articles and store their quotes and speakers in DB, an SQLite file (made if "
        "missing). Files ending in .jsonl, .ndjson or .json and standard input hold one JSON object a "
        "line, with 'id' and 'text' (optional 'title', 'url'/'source', 'outlet', 'author', 'published'); "
        "any other file is one article (a web page if .html, .htm or starting with <!doctype or <html), "
        "its id the file name. An article already in DB under its id is replaced; the same article "
        "again changes nothing. Each article is written in one transaction.",
    )
    index.add_argument("db", metavar="DB", help="the corpus file")
    index.add_argument("files", nargs="*", metavar="FILE", help="articles to read ('-' or none: stdin)")
    index.add_argument(
        "--processes",
        type=_positive,
        default=1,
        metavar="N",
        help="read the articles in N worker processes (default 1)",
    )
    index.set_defaults(run=_cmd_index)

    who = commands.add_parser(
        "who",
        help="every quote of one person across the corpus",
        description="Print every quote of NAME across the corpus, oldest first; words reported in "
        "several articles are shown once, with every source. Exit code 1, and a message on "
        "standard error, when the corpus has no quote by NAME.",
    )
    who.add_argument("name", metavar="NAME", help="the person's name (case and accents normalised)")
    _db_option(who)
    _output_options(who)
    who.set_defaults(run=_cmd_who)

    speakers = commands.add_parser(
        "speakers",
        help="people by number of quotes",
        description="Print the people and bodies quoted in the corpus, most quotes first, with their "
        "titles (and the dates of the first and last article giving each) and outlets.",
    )
    _db_option(speakers)
    speakers.add_argument("--top", type=_positive, metavar="N", help="only the first N")
    speakers.add_argument("--json", action="store_true", help="write one JSON object a line (JSON Lines)")
    speakers.set_defaults(run=_cmd_speakers)

    search = commands.add_parser(
        "search",
        help="quotes that hold some words, in any inflected form",
        description="Print the quotes that hold every one of WORDS, in any inflected form (a word also "
        "matches the words with one of its BÍN lemmas), oldest first.",
    )
    search.add_argument("words", nargs="+", metavar="WORDS", help="the words to look for")
    _db_option(search)
    search.add_argument("--limit", type=_positive, metavar="N", help="at most N quotes")
    _output_options(search)
    search.set_defaults(run=_cmd_search)
