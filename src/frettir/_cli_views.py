"""The views on the command line: ``frettir show``, ``frettir serve`` and ``extract --format``.

:mod:`frettir.cli` registers these with :func:`register` and :func:`add_format`; they reuse
its input readers, so that every command reads files, standard input, web pages and JSON
Lines the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
from collections.abc import Iterable
from typing import Any, Final

from frettir._limits import MAX_BYTES, TIMEOUT, WORKERS
from frettir.batch import ordered_map, warm
from frettir.cli import (
    _STDIN,
    _STDIN_ID,
    _describe,
    _error,
    _is_html,
    _json_line,
    _jsonl_fields,
    _jsonl_id,
    _jsonl_outcome,
    _lines,
    _positive,
    _read_bytes,
    _text_outcome,
    _UsageError,
)
from frettir.cli import _jsonl_lost as _jsonl_lost_record
from frettir.cli import _text_lost as _text_lost_record
from frettir.model import Article
from frettir.views import _render_pages, _write_table, render_text, rows_of_record

FORMATS: Final = ("html", "csv", "tsv")
_BOM: Final = "\ufeff"
"""Written before a table so that spreadsheet programs read it as UTF-8."""

_Outcome = tuple[str | None, Article | None, str | None]
"""An input's id, and its article or the message saying why it could not be read."""


def add_format(group: argparse._MutuallyExclusiveGroup) -> None:
    """Add ``--format`` to the group of ``extract``'s output options."""
    group.add_argument(
        "--format",
        choices=FORMATS,
        help="write one HTML page with the quotes highlighted (html), or one row per quote "
        "(csv, tsv: UTF-8 with a byte-order mark, for spreadsheets)",
    )


def _text_article(item: tuple[str, bytes]) -> _Outcome:
    name, data = item
    try:
        if _is_html(name, data):
            return name, Article.from_html(data), None
        return name, Article.from_text(data.decode("utf-8")), None
    except Exception as error:  # one bad article must not end the run
        return name, None, f"{name}: {_describe(error)}"


def _text_lost(item: tuple[str, bytes], message: str) -> _Outcome:
    return item[0], None, f"{item[0]}: {message}"


def _jsonl_article(line: tuple[str, int, bytes]) -> _Outcome:
    name, number, raw = line
    ident: str | None = None
    try:
        data = _json_line(raw)
        ident = _jsonl_id(data)
        text, title, url = _jsonl_fields(data)
        return ident, Article.from_text(text, title=title, url=url), None
    except Exception as error:  # one bad article must not end the run
        return ident, None, f"{name}:{number}: {_describe(error)}"


def _jsonl_lost(line: tuple[str, int, bytes], message: str) -> _Outcome:
    return None, None, f"{line[0]}:{line[1]}: {message}"


def _articles(args: argparse.Namespace) -> Iterable[_Outcome]:
    paths: list[str] = args.files or [_STDIN]
    processes = getattr(args, "processes", 1)
    if getattr(args, "jsonl", False):
        return ordered_map(
            _jsonl_article, _lines(paths), on_error=_jsonl_lost, processes=processes, initializer=warm
        )
    texts = [(_STDIN_ID if path == _STDIN else path, _read_bytes(path)) for path in paths]
    return ordered_map(_text_article, texts, on_error=_text_lost, processes=processes, initializer=warm)


def _records(args: argparse.Namespace) -> Iterable[tuple[dict[str, Any], str | None]]:
    """The records of ``frettir extract --json``/``--jsonl``, each with its error message, if any."""
    paths: list[str] = args.files or [_STDIN]
    if args.jsonl:
        return ordered_map(
            _jsonl_outcome,
            _lines(paths),
            on_error=_jsonl_lost_record,
            processes=args.processes,
            initializer=warm,
        )
    texts = [(_STDIN_ID if path == _STDIN else path, _read_bytes(path)) for path in paths]
    return ordered_map(
        _text_outcome, texts, on_error=_text_lost_record, processes=args.processes, initializer=warm
    )


def extract_formatted(args: argparse.Namespace) -> int:
    """``frettir extract --format html|csv|tsv``: write the page or the table to stdout.

    The table is made from the records of ``--json``, read like them; the page needs whole
    articles.
    """
    if args.indent is not None:
        raise _UsageError("--indent applies to JSON output, not to --format")
    out = sys.stdout
    failed = 0
    if args.format == "html":
        read: list[tuple[str | None, Article]] = []
        for ident, article, message in _articles(args):
            if article is None:
                failed += 1
                _error(message or f"{ident}: no article")
            else:
                read.append((ident, article))
        out.write(_render_pages(read))
    else:
        rows = []
        for record, message in _records(args):
            if message is not None:
                failed += 1
                _error(message)
            rows.extend(rows_of_record(record))
        out.write(_BOM)
        _write_table(rows, out, delimiter="\t" if args.format == "tsv" else ",")
    out.flush()
    return 1 if failed else 0


def _cmd_show(args: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    color = {"always": True, "never": False}.get(args.color, console.is_terminal)
    if color and not console.is_terminal:
        console = Console(highlight=False, force_terminal=True)
    failed = 0
    outcomes = list(_articles(args))
    for ident, article, message in outcomes:
        if message is not None or article is None:
            failed += 1
            _error(message or f"{ident}: no article")
            continue
        heading = f"== {ident} ({len(article.quotes)} quote{'' if len(article.quotes) == 1 else 's'})"
        shown = render_text(article, color=color)
        if color:
            console.print(heading, style="bold")
            console.print(shown)
            console.print()
        else:
            print(heading)
            print(shown)
            print()
    return 1 if failed else 0


def _port(value: str) -> int:
    number = _positive(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"a port is at most 65535, not {value!r}")
    return number


def _seconds(value: str) -> float:
    with contextlib.suppress(ValueError):
        if 0 < (number := float(value)) < math.inf:
            return number
    raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        from frettir import web
    except ImportError as error:
        raise _UsageError(str(error)) from error
    web.serve(
        host=args.host, port=args.port, timeout=args.timeout, max_bytes=args.max_bytes, workers=args.workers
    )
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` and ``serve`` commands."""
    show = commands.add_parser(
        "show",
        help="show articles in the terminal with their quotes coloured by speaker",
        description="Show each article with its quotes coloured by speaker, each after a label with its "
        "speaker and cue, under a legend of the speakers. When the output is not a terminal (or with "
        "--color never) the text is plain, each quote in brackets followed by its kind, speaker and cue.",
    )
    show.add_argument("files", nargs="*", metavar="FILE", help="articles to read ('-' or none: stdin)")
    show.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (the default) when it is a terminal",
    )
    show.set_defaults(run=_cmd_show)

    serve = commands.add_parser(
        "serve",
        help="run the REST service and its web page (needs frettir[web])",
        description="Serve POST /extract (the record of 'extract --json'), POST /view (the HTML page), "
        "GET /health, GET / (a page to paste an article into) and GET /openapi.json until interrupted.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    serve.add_argument(
        "--timeout",
        type=_seconds,
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"answer 503 when an article takes longer (default {TIMEOUT:g})",
    )
    serve.add_argument(
        "--max-bytes",
        type=_positive,
        default=MAX_BYTES,
        metavar="N",
        help=f"answer 413 to a larger request body (default {MAX_BYTES})",
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=WORKERS,
        metavar="N",
        help=f"threads reading articles at once (default {WORKERS})",
    )
    serve.set_defaults(run=_cmd_serve)
