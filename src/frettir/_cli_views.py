"""The views on the command line: ``frettir show``, ``frettir serve`` and ``extract --format``.

:mod:`frettir.cli` registers these with :func:`register` and :func:`add_format` and reads
their input: it hands over the articles (or the messages of those that failed), so that
every command reads files, standard input, web pages, encodings and JSON Lines the same way.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
from collections.abc import Callable, Iterable
from typing import Final

from frettir import _render
from frettir._service_limits import MAX_BYTES, TIMEOUT, WORKERS
from frettir.article import Article
from frettir.views import render_text, to_rows

FORMATS: Final = ("html", "csv", "tsv")
_BOM: Final = "\ufeff"
"""Written before a table so that spreadsheet programs read it as UTF-8."""

Read = tuple[str | None, Article | None, str | None]
"""An input's id, and its article or the message saying why it could not be read."""

Reader = Callable[[argparse.Namespace], Iterable[Read]]
"""Reads the inputs a command's arguments name (:mod:`frettir.cli` supplies it)."""


def _error(message: str) -> None:
    print(f"frettir: {message}", file=sys.stderr)


def _read(outcomes: Iterable[Read]) -> tuple[list[tuple[str | None, Article]], int]:
    """The articles read, and how many inputs failed (each failure said on stderr)."""
    read: list[tuple[str | None, Article]] = []
    failed = 0
    for ident, article, message in outcomes:
        if article is None:
            failed += 1
            _error(message or f"{ident}: no article")
        else:
            read.append((ident, article))
    return read, failed


def add_format(group: argparse._MutuallyExclusiveGroup) -> None:
    """Add ``--format`` to the group of ``extract``'s output options."""
    group.add_argument(
        "--format",
        choices=FORMATS,
        help="write one HTML page with the quotes highlighted (html), or one row per quote "
        "(csv, tsv: UTF-8 with a byte-order mark, for spreadsheets)",
    )


def extract_formatted(args: argparse.Namespace, outcomes: Iterable[Read]) -> int:
    """``frettir extract --format html|csv|tsv``: write the page or the table to stdout."""
    if args.indent is not None:
        _error("--indent applies to JSON output, not to --format")
        return 2
    read, failed = _read(outcomes)
    out = sys.stdout
    if args.format == "html":
        out.write(_render.pages(read))
    else:
        out.write(_BOM)
        rows = [row for ident, article in read for row in to_rows(article, id=ident)]
        _render.write_table(rows, out, delimiter="\t" if args.format == "tsv" else ",")
    out.flush()
    return 1 if failed else 0


def _cmd_show(args: argparse.Namespace) -> int:
    from rich.console import Console

    console = Console(highlight=False)
    color = {"always": True, "never": False}.get(args.color, console.is_terminal)
    if color and not console.is_terminal:
        console = Console(highlight=False, force_terminal=True)
    read, failed = _read(args.read(args))
    for ident, article in read:
        count = len(article.quotes)
        heading = f"== {ident} ({count} quote{'' if count == 1 else 's'})"
        shown = render_text(article, color=color)
        if color:
            console.print(heading, style="bold")
            console.print(shown)
            console.print()
        else:
            print(f"{heading}\n{shown}\n")
    return 1 if failed else 0


def _number(kind: type[int] | type[float], low: float, high: float, what: str) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` with ``low < value <= high``."""

    def parse(value: str) -> float:
        with contextlib.suppress(ValueError):
            if low < (number := kind(value)) <= high:
                return number
        raise argparse.ArgumentTypeError(f"must be {what}, not {value!r}")

    return parse


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        from frettir import web
    except ImportError as error:
        _error(str(error))
        return 2
    web.serve(
        host=args.host, port=args.port, timeout=args.timeout, max_bytes=args.max_bytes, workers=args.workers
    )
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], *, read: Reader) -> None:
    """Add the ``show`` and ``serve`` commands; ``show`` reads its input with ``read``."""
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
    show.set_defaults(run=_cmd_show, read=read)

    serve = commands.add_parser(
        "serve",
        help="run the REST service and its web page (needs frettir[web])",
        description="Serve POST /extract (the record of 'extract --json'), POST /view (the HTML page), "
        "GET /health, GET / (a page to paste an article into) and GET /openapi.json until interrupted.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)"
    )
    serve.add_argument(
        "--port",
        type=_number(int, 0, 65535, "a port number from 1 to 65535"),
        default=8000,
        help="port to listen on (default 8000)",
    )
    serve.add_argument(
        "--timeout",
        type=_number(float, 0, sys.float_info.max, "a positive number of seconds"),
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"answer 503 when an article takes longer (default {TIMEOUT:g})",
    )
    serve.add_argument(
        "--max-bytes",
        type=_number(int, 0, math.inf, "a positive whole number"),
        default=MAX_BYTES,
        metavar="N",
        help=f"answer 413 to a larger request body (default {MAX_BYTES})",
    )
    serve.add_argument(
        "--workers",
        type=_number(int, 0, 256, "a whole number from 1 to 256"),
        default=WORKERS,
        metavar="N",
        help=f"threads reading articles at once (default {WORKERS})",
    )
    serve.set_defaults(run=_cmd_serve)
