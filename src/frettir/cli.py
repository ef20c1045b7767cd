"""The ``frettir`` command: ``extract`` (who said what), ``evaluate``, ``show`` and ``serve``.

``show``, ``serve`` and ``extract --format`` are in ``frettir._cli_views``; this module
reads their input.

Exit codes: 0 when all went well; 1 when some article could not be read or extracted (the
run goes on and reports it) or, for ``evaluate --floor``, a metric fell below its floor;
2 for bad usage or an input file that cannot be read.
"""

from __future__ import annotations

import argparse
import codecs
import functools
import gc
import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, TextIO

import attrs

from frettir import __version__, _cli_corpus, _cli_views, evaluate
from frettir._cli_io import (
    _PROG,
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
from frettir._greynir import DEFAULT_PARSE, PARSE_MODES
from frettir.article import Article
from frettir.batch import ordered_map, warm
from frettir.errors import InputError
from frettir.limits import MAX_LENGTH, check_length
from frettir.serialize import to_record

__all__ = ["main", "run"]


def _extract_record(
    text: str, *, ident: str | None, title: str | None, url: str | None, parse: str = DEFAULT_PARSE
) -> dict[str, Any]:
    """Run the extraction on one article and return its :func:`~frettir.serialize.to_record`.

    The one place the command line calls the engine (tests replace it). The caller has
    checked the text's length against ``--max-length``.
    """
    return to_record(Article.from_text(text, title=title, url=url, parse=parse, max_length=None), id=ident)


def _extract_html_record(
    page: bytes,
    *,
    ident: str | None,
    url: str | None = None,
    parse: str = DEFAULT_PARSE,
    max_length: int | None = MAX_LENGTH,
) -> dict[str, Any]:
    """Like :func:`_extract_record`, for a web page (:meth:`~frettir.Article.from_html`).

    The record also carries the extracted ``text`` (the quotes' offsets point into it) and
    the page's ``title``, ``author``, ``published``, ``url`` and ``outlet``.
    """
    article = Article.from_html(page, url=url, parse=parse, max_length=max_length)
    record = to_record(article, id=ident)
    record["text"] = article.text
    for key in _METADATA:
        record[key] = getattr(article, key)
    return record


_METADATA: Final = ("title", "author", "published", "url", "outlet")
"""Keys an HTML input's record carries besides ``text``: :class:`~frettir.Article`'s metadata."""


def _encoding(value: str) -> str:
    """The ``--encoding`` argument: a known encoding in which ASCII bytes mean ASCII."""
    try:
        name = codecs.lookup(value).name
        ascii_compatible = "{}\n".encode(name) == b"{}\n"
    except (LookupError, UnicodeError):
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    if not ascii_compatible:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not ASCII-compatible; convert the file to UTF-8 first (e.g. with iconv)"
        )
    return name


def _check_readable(paths: Sequence[str]) -> None:
    """Fail before any output if a named input file cannot be opened."""
    for path in paths:
        if path != _STDIN:
            try:
                with open(path, "rb"):
                    pass
            except OSError as error:
                raise _UsageError(f"cannot read {path}: {error.strerror or error}") from error


def _binary_lines(path: str) -> Iterator[bytes]:
    """The lines of a file or of standard input as bytes, read as they come (not all at once)."""
    if path == _STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream stands in for stdin (tests)
            for text in sys.stdin:
                yield text.encode("utf-8", "surrogateescape")
            return
        yield from buffer
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115  # closed below, after the last line
    except OSError as error:
        raise _UsageError(f"cannot read {path}: {error.strerror or error}") from error
    with handle:
        yield from handle


def _lines(paths: Sequence[str]) -> Iterator[tuple[str, int, bytes]]:
    """Yield ``(file name, line number, line)`` of each non-blank line of JSON Lines input.

    Lines are split as bytes, at line feeds and carriage returns only: a JSON string may hold
    U+2028 and other characters that :meth:`str.splitlines` would split on. Input is read a
    line at a time, so that ``extract --jsonl`` in a pipeline writes each record as soon as
    its line is read. A line of white space only is not an article and gives no record.
    """
    for path in paths:
        name = _STDIN_ID if path == _STDIN else path
        number = 0
        for chunk in _binary_lines(path):
            for line in chunk.splitlines():  # a lone carriage return also ends a line
                number += 1
                if line.strip():
                    yield name, number, line


def _listing(record: Mapping[str, Any], out: TextIO) -> None:
    """Print a record as a readable who-said-what listing."""
    quotes = record.get("quotes") or []
    ident = record.get("id")
    if ident is None and "line" in record:
        ident = f"{record.get('file')}:{record['line']}"
    print(f"== {ident} ({len(quotes)} quote{'' if len(quotes) == 1 else 's'})", file=out)
    if record.get("title"):
        print(f"   title: {record['title']}", file=out)
    if "error" in record:
        print(f"   error: {record['error']}", file=out)
    for quote in quotes:
        speaker = quote.get("speaker") or "(unknown speaker)"
        cue = quote.get("cue") or "-"
        text = quote.get("text", "")
        shown = f"„{text}“" if quote.get("kind") == "direct" else text
        print(f"{quote.get('kind', '?'):<9} {speaker}  [{cue}]", file=out)
        print(f"    {shown}", file=out)
    print(file=out)


_Outcome = tuple[dict[str, Any], str | None]
"""An extracted record, and the message for stderr if the article failed."""


_Line = tuple[str, int, bytes, str, int | None]
"""One JSON Lines input line: file name, line number, the line, the input encoding, --max-length."""


def _jsonl_outcome(line: _Line, parse: str = DEFAULT_PARSE) -> _Outcome:
    """Read and extract one JSON Lines input line (in a worker process with --processes)."""
    _, _, raw, encoding, max_length = line
    ident: str | None = None
    try:
        data = _json_line(raw, encoding)
        ident = _jsonl_id(data)
        text, title, url = _jsonl_fields(data)
        check_length(text, max_length)
        return _extract_record(text, ident=ident, title=title, url=url, parse=parse), None
    except Exception as error:  # one bad article must not end the run
        return _jsonl_lost(line, _describe(error), ident)


def _jsonl_lost(line: _Line, message: str, ident: str | None = None) -> _Outcome:
    """The error record of a JSON Lines input line: its id if known, its file and line number."""
    name, number = line[0], line[1]
    return {"id": ident, "error": message, "file": name, "line": number}, f"{name}:{number}: {message}"


_Text = tuple[str, bytes, str, str | None, str | None, int | None]
"""One input file: name, content, encoding, the --title and --url given for it, --max-length."""


def _text_outcome(item: _Text, parse: str = DEFAULT_PARSE) -> _Outcome:
    """Extract one plain-text or HTML input file (in a worker process with --processes)."""
    name, data, encoding, title, url, max_length = item
    try:
        if _is_html(name, data):
            record = _extract_html_record(data, ident=name, url=url, parse=parse, max_length=max_length)
            if title is not None:
                record["title"] = title
            return record, None
        text = _decode(data, encoding)
        check_length(text, max_length)
        return _extract_record(text, ident=name, title=title, url=url, parse=parse), None
    except Exception as error:  # one bad article must not end the run
        return _text_lost(item, _describe(error))


def _text_lost(item: _Text, message: str) -> _Outcome:
    return {"id": item[0], "error": message}, f"{item[0]}: {message}"


_Read = tuple[str | None, Article | None, str | None]
"""An input's id, and its article or the message for stderr (for ``--format`` and ``show``)."""


def _jsonl_article(line: _Line, parse: str = DEFAULT_PARSE) -> _Read:
    """Read one JSON Lines input line into an article (in a worker process with --processes)."""
    name, number, raw, encoding, max_length = line
    ident: str | None = None
    try:
        data = _json_line(raw, encoding)
        ident = _jsonl_id(data)
        text, title, url = _jsonl_fields(data)
        return ident, Article.from_text(text, title=title, url=url, parse=parse, max_length=max_length), None
    except Exception as error:  # one bad article must not end the run
        return ident, None, f"{name}:{number}: {_describe(error)}"


def _text_article(item: _Text, parse: str = DEFAULT_PARSE) -> _Read:
    """Read one plain-text or HTML input file into an article (in a worker process)."""
    name, data, encoding, title, url, max_length = item
    try:
        if _is_html(name, data):
            article = Article.from_html(data, url=url, parse=parse, max_length=max_length)
            return name, article if title is None else attrs.evolve(article, title=title), None
        text = _decode(data, encoding)
        return name, Article.from_text(text, title=title, url=url, parse=parse, max_length=max_length), None
    except Exception as error:  # one bad article must not end the run
        return name, None, f"{name}: {_describe(error)}"


def _read_lost(item: _Line | _Text, message: str) -> _Read:
    where = f"{item[0]}:{item[1]}" if isinstance(item[1], int) else item[0]
    return None, None, f"{where}: {message}"


def _articles(args: argparse.Namespace) -> Iterable[_Read]:
    """Read the inputs of ``extract --format`` or ``show`` into articles, in order.

    ``show`` has none of ``extract``'s input options; it reads with their defaults.
    """
    paths: list[str] = args.files or [_STDIN]
    _check_readable(paths)
    encoding = getattr(args, "encoding", "utf-8")
    max_length = getattr(args, "max_length", MAX_LENGTH) or None  # 0: no limit
    options: dict[str, Any] = {
        "processes": getattr(args, "processes", 1),
        "timeout": getattr(args, "timeout", None),
        "initializer": warm,
        "on_error": _read_lost,
    }
    parse = getattr(args, "parse", DEFAULT_PARSE)
    if getattr(args, "jsonl", False):
        lines = _jsonl_items(_lines(paths), deque(maxlen=0), encoding, max_length)
        return ordered_map(functools.partial(_jsonl_article, parse=parse), lines, **options)
    title, url = getattr(args, "title", None), getattr(args, "url", None)
    texts = [
        (_STDIN_ID if path == _STDIN else path, _read_bytes(path), encoding, title, url, max_length)
        for path in paths
    ]
    return ordered_map(functools.partial(_text_article, parse=parse), texts, **options)


def _jsonl_items(
    lines: Iterable[tuple[str, int, bytes]],
    where: deque[tuple[str, int]],
    encoding: str,
    max_length: int | None,
) -> Iterator[_Line]:
    """The JSON Lines items for the workers; each line's file and number also go to ``where``."""
    for name, number, raw in lines:
        where.append((name, number))
        yield name, number, raw, encoding, max_length


def _cmd_extract(args: argparse.Namespace) -> int:
    out = sys.stdout
    if not args.files and sys.stdin.isatty():
        _extract_usage(args)
        return 2
    paths: list[str] = args.files or [_STDIN]
    if (args.title is not None or args.url is not None) and (args.jsonl or len(paths) != 1):
        raise _UsageError(
            "--title and --url apply to one plain-text or HTML file (JSONL lines carry their own)"
        )
    _check_readable(paths)
    if args.format is not None:
        return _cli_views.extract_formatted(args, _articles(args))
    failed = 0

    def record_of(outcome: _Outcome) -> dict[str, Any]:
        nonlocal failed
        record, message = outcome
        if message is not None:
            failed += 1
            _error(message)
        return record

    max_length = args.max_length or None  # 0: no limit
    if args.jsonl:
        pretty = args.pretty
        where: deque[tuple[str, int]] = deque()  # file and line of each line sent, in order
        lines = _jsonl_items(_lines(paths), where, args.encoding, max_length)
        outcomes = ordered_map(
            functools.partial(_jsonl_outcome, parse=args.parse),
            lines,
            on_error=_jsonl_lost,
            processes=args.processes,
            initializer=warm,
            timeout=args.timeout,
        )
        show = not out.isatty() and sys.stderr.isatty()
        total = _count_items(paths) if show else None
        first_line: dict[str, str] = {}
        for outcome in _progress(outcomes, total=total, desc="extract", enabled=show):
            record = record_of(outcome)
            name, number = where.popleft()
            ident = record.get("id")
            if isinstance(ident, str):
                if ident in first_line:
                    _error(f"{name}:{number}: warning: duplicate id {ident!r} (first at {first_line[ident]})")
                else:
                    first_line[ident] = f"{name}:{number}"
            if pretty:
                _listing(record, out)
            else:
                print(_dump(record), file=out)
            out.flush()  # a pipeline sees each record as soon as it is ready
        return 1 if failed else 0

    # Plain-text files are how a person tries frettir out (``make demo``), terminal or not:
    # they get the listing unless --json (or --indent) asks for records.
    pretty = not (args.json or args.indent is not None)
    texts = [
        (
            _STDIN_ID if path == _STDIN else path,
            _read_bytes(path),
            args.encoding,
            args.title,
            args.url,
            max_length,
        )
        for path in paths
    ]
    records = []
    outcomes = ordered_map(
        functools.partial(_text_outcome, parse=args.parse),
        texts,
        on_error=_text_lost,
        processes=args.processes,
        initializer=warm,
        timeout=args.timeout,
    )
    for outcome in _progress(outcomes, total=len(texts), desc="extract", enabled=not out.isatty()):
        record = record_of(outcome)
        if pretty:
            _listing(record, out)
        records.append(record)
    if not pretty:
        print(_dump(records, args.indent), file=out)
    return 1 if failed else 0


def _read_gold(path: str) -> list[dict[str, Any]]:
    gold = []
    for name, number, line in _lines([path]):
        try:
            data = _json_line(line)
        except InputError as error:
            raise _UsageError(f"{name}:{number}: {error}") from error
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise _UsageError(f"{name}:{number}: a gold article is a JSON object with a string 'text'")
        if not isinstance(data.get("quotes"), list):
            raise _UsageError(
                f"{name}:{number}: not a gold file: an article has no 'quotes' list to score against "
                "(use frettir extract --jsonl to read articles without gold quotes)"
            )
        gold.append(data)
    return gold


def _read_floor(path: str) -> dict[str, float]:
    try:
        data = json.loads(_read_bytes(path))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _UsageError(f"{path}: not JSON: {error}") from error
    if not isinstance(data, dict):
        raise _UsageError(f"{path}: a floor file is a JSON object of metric: minimum")
    floor: dict[str, float] = {}

    def walk(prefix: str, value: Mapping[str, Any]) -> None:
        for key, item in value.items():
            name = f"{prefix}{key}"
            if isinstance(item, Mapping):
                walk(f"{name}.", item)
            elif isinstance(item, int | float) and not isinstance(item, bool):
                floor[name] = float(item)
            else:
                raise _UsageError(f"{path}: the floor of {name} must be a number, not {item!r}")

    walk("", data)
    return floor


def _print_errors(listing: Sequence[Mapping[str, Any]], out: TextIO) -> None:
    def quote(q: Mapping[str, Any]) -> str:
        return f"{q['kind']:<8} [{q['start']}:{q['end']}] {_short(q.get('text'), 60)!r} ({q.get('speaker')})"

    for entry in listing:
        print(f"\n== {entry['id']}", file=out)
        for q in entry["missed"]:
            print(f"  missed    {quote(q)}", file=out)
        for q in entry["spurious"]:
            print(f"  spurious  {quote(q)}", file=out)
        for label, key in (("speaker", "wrong_speaker"), ("cue", "wrong_cue"), ("inexact", "inexact")):
            for pair in entry[key]:
                gold, predicted = pair["gold"], pair["predicted"]
                if key == "wrong_cue":
                    detail = f"gold cue {gold['cue']!r}, predicted {predicted['cue']!r}"
                elif key == "wrong_speaker":
                    detail = f"gold {gold['speaker']!r}, predicted {predicted['speaker']!r}"
                else:
                    detail = f"predicted [{predicted['start']}:{predicted['end']}]"
                print(f"  {label:<9} {quote(gold)}: {detail}", file=out)


def _in_part(article: Mapping[str, Any], part: str) -> bool:
    ident = article.get("id")
    return part == "all" or (isinstance(ident, str) and evaluate.part_of(ident) == part)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    gold = [article for article in _read_gold(args.gold) if _in_part(article, args.part)]
    if not gold:
        raise _UsageError(f"{args.gold}: no gold article in part {args.part!r}")
    floor = _read_floor(args.floor) if args.floor is not None else None
    predicted = []
    seconds = []
    failed = 0
    for article in _progress(gold, total=len(gold), desc="evaluate"):
        ident = article.get("id")
        started = time.perf_counter()
        try:
            record = _extract_record(
                article["text"],
                ident=ident if isinstance(ident, str) else None,
                title=_optional_str(article, "title"),
                url=_optional_str(article, "url", "source"),
                parse=args.parse,
            )
        except Exception as error:  # score the rest; this one counts as empty
            failed += 1
            _error(f"{ident}: extraction failed: {_describe(error)}")
            record = {"id": ident, "quotes": []}
        seconds.append(time.perf_counter() - started)
        predicted.append(record)
    parts: dict[str, evaluate.Scores] = {}
    try:
        scores = evaluate.score(gold, predicted)
        listing = evaluate.errors(gold, predicted) if args.errors else None
        if args.split:
            for part in evaluate.PARTS:
                chosen = [n for n, article in enumerate(gold) if _in_part(article, part)]
                if chosen:
                    parts[part] = evaluate.score([gold[n] for n in chosen], [predicted[n] for n in chosen])
    except InputError as error:
        raise _UsageError(f"{args.gold}: {error}") from error
    if seconds:
        _error(
            f"time per article: mean {sum(seconds) / len(seconds):.3f} s, max {max(seconds):.3f} s "
            f"({len(seconds)} articles)"
        )
    if args.json:
        result = scores.to_dict()
        if parts:
            result["parts"] = {part: part_scores.to_dict() for part, part_scores in parts.items()}
        if listing is not None:
            result["errors"] = listing
        print(_dump(result, 2))
    else:
        print(scores.table())
        for name, part_scores in parts.items():
            print(f"\n-- {name} part --")
            print(part_scores.table())
        if listing is not None:
            _print_errors(listing, sys.stdout)
    status = 1 if failed else 0
    if floor is not None:
        messages = evaluate.check_floor(scores, floor)
        for message in messages:
            _error(f"below floor: {message}")
        if messages:
            status = 1
    return status


def _extract_usage(args: argparse.Namespace) -> None:
    """No input file and standard input is a terminal: say how to give input instead of waiting."""
    print(args.usage, file=sys.stderr, end="")
    _error("extract: give FILE (or '-' to read standard input, e.g. from a pipe)")


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value!r}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, not {value!r}")
    return number


def _parse_option(command: argparse.ArgumentParser) -> None:
    """The ``--parse`` option: how much Greynir parses (``parse=`` of ``Article.from_text``)."""
    command.add_argument(
        "--parse",
        choices=PARSE_MODES,
        default=DEFAULT_PARSE,
        help=f"how much Greynir parses: none, the frames of reports the rules leave without a "
        f"speaker, or every sentence with a cue verb (default {DEFAULT_PARSE})",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_PROG, description="Who said what in Icelandic news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="find the quotes, speakers and cues in articles",
        description="Find the quotes, speakers and cues in articles. Plain-text files give a readable "
        "listing (--json: a JSON array of records, with the file name as id); --jsonl gives one JSON "
        "record per input line (--pretty: the listing). A web page (.html, .htm, or a file starting "
        "with <!doctype or <html) is read for its article text and metadata first; its record also "
        "carries that text and metadata. Text is read as UTF-8 unless --encoding says otherwise; a "
        "byte-order mark at the start is dropped, and offsets count from after it.",
    )
    extract.add_argument("files", nargs="*", metavar="FILE", help="articles to read ('-' or none: stdin)")
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help="input lines are JSON objects with 'id' and 'text' (optional 'title', 'url'/'source'); "
        "output one JSON record per line",
    )
    form = extract.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="plain-text input: write a JSON array of records")
    form.add_argument("--pretty", action="store_true", help="--jsonl input: write the readable listing")
    _cli_views.add_format(form)
    extract.add_argument("--indent", type=int, metavar="N", help="indent the JSON array by N spaces")
    extract.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help="the encoding of text and JSON Lines input (default utf-8; e.g. cp1252, latin-1); "
        "web pages use their own declaration",
    )
    extract.add_argument("--title", help="the headline of the one FILE given")
    extract.add_argument("--url", help="the address of the one FILE given (gives the outlet)")
    extract.add_argument(
        "--processes",
        type=_positive,
        default=1,
        metavar="N",
        help="read the articles in N worker processes (default 1; output order is kept)",
    )
    extract.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="give each article at most this long; one that takes longer gets an error record and "
        "the run goes on (default: no bound)",
    )
    extract.add_argument(
        "--max-length",
        type=_count,
        default=MAX_LENGTH,
        metavar="N",
        help=f"refuse an article longer than N characters with an error record (default {MAX_LENGTH:,}; "
        "0: no limit)",
    )
    _parse_option(extract)
    extract.set_defaults(run=_cmd_extract, usage=extract.format_usage())

    evaluate_ = commands.add_parser(
        "evaluate",
        help="score the extraction against a gold corpus",
        description="Extract quotes from each gold article (ignoring its gold quotes) and score them.",
    )
    evaluate_.add_argument("gold", metavar="GOLD.jsonl", help="gold articles, one JSON object a line")
    evaluate_.add_argument("--json", action="store_true", help="write the scores as JSON")
    evaluate_.add_argument("--errors", action="store_true", help="also list each article's errors")
    evaluate_.add_argument(
        "--floor", metavar="FLOOR.json", help="exit 1 if a metric falls below its minimum in this JSON file"
    )
    evaluate_.add_argument(
        "--part",
        choices=("all", "tune", "check"),
        default="all",
        help="score only the tune or the check part of the corpus (by a hash of each id; default all)",
    )
    evaluate_.add_argument(
        "--split", action="store_true", help="also print the scores of the tune and the check part apart"
    )
    _parse_option(evaluate_)
    evaluate_.set_defaults(run=_cmd_evaluate)
    _cli_views.register(commands, read=_articles)
    _cli_corpus.register(commands)  # index, who, speakers, search
    return parser


def _utf8_output() -> None:
    r"""Write UTF-8 to standard output and error whatever the locale, lone surrogates escaped.

    A lone surrogate (from an escaped ``\ud800`` in a JSON line, or bytes that were not
    UTF-8) is written as the JSON escape ``\ud800``, which reads back as the same string; the
    output is valid UTF-8 either way.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``frettir`` command line.

    Args:
        argv: The arguments after the program name; ``None`` reads ``sys.argv``.

    Returns:
        The exit code: 0 on success, 1 if some article failed or a floor was not met,
        2 for bad usage or an unreadable input file.
    """
    _utf8_output()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on bad usage
        return exit_.code if isinstance(exit_.code, int) else 2
    if getattr(args, "jsonl", False) and args.indent is not None:
        _error("--indent applies to the JSON array; --jsonl writes one record per line")
        return 2
    try:
        status: int = args.run(args)
    except _UsageError as error:
        _error(str(error))
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (``frettir extract … | head``): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return status


def run() -> None:
    """The ``frettir`` program (and ``python -m frettir``): :func:`main`, then exit with its code.

    Before exiting, ``gc.freeze()`` spares the interpreter taking the engine's objects apart
    one by one, which costs 1-2 s at the end of every run.
    """
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
