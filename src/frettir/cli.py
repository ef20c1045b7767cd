"""The ``frettir`` command: ``frettir extract`` (who said what) and ``frettir evaluate``.

Exit codes: 0 when all went well; 1 when some article could not be read or extracted (the
run goes on and reports it) or, for ``evaluate --floor``, a metric fell below its floor;
2 for bad usage or an input file that cannot be read.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, TextIO, TypeVar

from frettir import __version__, evaluate
from frettir.article import Article
from frettir.batch import ordered_map, warm
from frettir.errors import InputError
from frettir.serialize import to_record

__all__ = ["main", "run"]

_T = TypeVar("_T")

_PROG: Final = "frettir"
_STDIN: Final = "-"
_STDIN_ID: Final = "<stdin>"
_PROGRESS_MIN: Final = 10
"""Show a progress bar over at least this many articles (when the length is known)."""


class _UsageError(Exception):
    """Input the command cannot work with at all: exit code 2 and a message."""


def _extract_record(text: str, *, ident: str | None, title: str | None, url: str | None) -> dict[str, Any]:
    """Run the extraction on one article and return its :func:`~frettir.serialize.to_record`.

    The one place the command line calls the engine (tests replace it).
    """
    return to_record(Article.from_text(text, title=title, url=url), id=ident)


def _extract_html_record(page: bytes, *, ident: str | None, url: str | None = None) -> dict[str, Any]:
    """Like :func:`_extract_record`, for a web page (:meth:`~frettir.Article.from_html`).

    The record also carries the extracted ``text`` (the quotes' offsets point into it) and
    the page's ``title``, ``author``, ``published``, ``url`` and ``outlet``.
    """
    article = Article.from_html(page, url=url)
    record = to_record(article, id=ident)
    record["text"] = article.text
    for key in _METADATA:
        record[key] = getattr(article, key)
    return record


_METADATA: Final = ("title", "author", "published", "url", "outlet")
"""Keys an HTML input's record carries besides ``text``: :class:`~frettir.Article`'s metadata."""


def _is_html(name: str, data: bytes) -> bool:
    """Whether an input file is a web page: by its extension, else by how its content starts."""
    if name.lower().endswith((".html", ".htm")):
        return True
    start = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype", b"<html"))


def _error(message: str) -> None:
    print(f"{_PROG}: {message}", file=sys.stderr)


def _describe(error: BaseException) -> str:
    if isinstance(error, InputError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _progress(items: Iterable[_T], *, total: int | None, desc: str, enabled: bool = True) -> Iterable[_T]:
    """Wrap ``items`` in a tqdm progress bar on stderr if stderr is a TTY.

    Not for a few articles (``total`` below :data:`_PROGRESS_MIN`), nor when ``enabled`` is
    false (``extract`` writing to the same terminal).
    """
    if not enabled or not sys.stderr.isatty() or (total is not None and total < _PROGRESS_MIN):
        return items
    from tqdm import tqdm

    bar: Iterable[_T] = tqdm(items, total=total, desc=desc, unit=" articles", file=sys.stderr, leave=False)
    return bar


def _read_bytes(path: str) -> bytes:
    if path == _STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read()
            return data
        return sys.stdin.read().encode("utf-8")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise _UsageError(f"cannot read {path}: {error.strerror or error}") from error


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


def _decode(data: bytes, encoding: str) -> str:
    """Decode input text: a leading byte-order mark is dropped, undecodable bytes are an error.

    Raises:
        InputError: The bytes are not in ``encoding``; the message says where and how to
            give the right one.
    """
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        byte = error.object[error.start : error.start + 1].hex()
        raise InputError(
            f"not {encoding}: byte 0x{byte} at offset {error.start}; "
            "give the input's encoding with --encoding (e.g. --encoding cp1252)"
        ) from error
    return text.removeprefix("\ufeff")


def _check_readable(paths: Sequence[str]) -> None:
    """Fail before any output if a named input file cannot be opened."""
    for path in paths:
        if path != _STDIN:
            try:
                with open(path, "rb"):
                    pass
            except OSError as error:
                raise _UsageError(f"cannot read {path}: {error.strerror or error}") from error


def _count_lines(paths: Sequence[str]) -> int | None:
    """The number of non-blank lines in regular files (for a progress bar); ``None`` for stdin."""
    if any(path == _STDIN or not os.path.isfile(path) for path in paths):
        return None
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            total += sum(1 for line in handle.read().splitlines() if line.strip())
    return total


def _lines(paths: Sequence[str]) -> Iterator[tuple[str, int, bytes]]:
    """Yield ``(file name, line number, line)`` of each non-blank line of JSON Lines input.

    Lines are split as bytes, at line feeds and carriage returns only: a JSON string may hold
    U+2028 and other characters that :meth:`str.splitlines` would split on.
    """
    for path in paths:
        name = _STDIN_ID if path == _STDIN else path
        data = _read_bytes(path)
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield name, number, line


def _optional_str(data: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = data.get(key)
        if value is not None:
            if not isinstance(value, str):
                raise InputError(f"{key!r} must be a string or null, not {type(value).__name__}")
            return value
    return None


def _json_line(line: bytes, encoding: str = "utf-8") -> Any:
    text = _decode(line, encoding)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error}") from error


def _jsonl_id(data: object) -> str:
    """Return the ``id`` of one JSON Lines input object, or raise InputError."""
    if not isinstance(data, dict):
        raise InputError(f"a line must be a JSON object, not {type(data).__name__}")
    ident = data.get("id")
    if isinstance(ident, int | float) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str):
        raise InputError(f"the object needs a string 'id', got {ident!r}")
    return ident


def _jsonl_fields(data: Mapping[str, Any]) -> tuple[str, str | None, str | None]:
    """Return ``(text, title, url)`` of one JSON Lines input object, or raise InputError."""
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {type(text).__name__}")
    return text, _optional_str(data, "title"), _optional_str(data, "url", "source")


def _dump(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _short(text: object, width: int = 70) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


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


_Line = tuple[str, int, bytes, str]
"""One JSON Lines input line: file name, line number, the line, the input encoding."""


def _jsonl_outcome(line: _Line) -> _Outcome:
    """Read and extract one JSON Lines input line (in a worker process with --processes)."""
    _, _, raw, encoding = line
    ident: str | None = None
    try:
        data = _json_line(raw, encoding)
        ident = _jsonl_id(data)
        text, title, url = _jsonl_fields(data)
        return _extract_record(text, ident=ident, title=title, url=url), None
    except Exception as error:  # one bad article must not end the run
        return _jsonl_lost(line, _describe(error), ident)


def _jsonl_lost(line: _Line, message: str, ident: str | None = None) -> _Outcome:
    """The error record of a JSON Lines input line: its id if known, its file and line number."""
    name, number, _, _ = line
    return {"id": ident, "error": message, "file": name, "line": number}, f"{name}:{number}: {message}"


_Text = tuple[str, bytes, str, str | None, str | None]
"""One input file: name, content, encoding, and the --title and --url given for it."""


def _text_outcome(item: _Text) -> _Outcome:
    """Extract one plain-text or HTML input file (in a worker process with --processes)."""
    name, data, encoding, title, url = item
    try:
        if _is_html(name, data):
            record = _extract_html_record(data, ident=name, url=url)
            if title is not None:
                record["title"] = title
            return record, None
        return _extract_record(_decode(data, encoding), ident=name, title=title, url=url), None
    except Exception as error:  # one bad article must not end the run
        return _text_lost(item, _describe(error))


def _text_lost(item: _Text, message: str) -> _Outcome:
    return {"id": item[0], "error": message}, f"{item[0]}: {message}"


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
    failed = 0

    def record_of(outcome: _Outcome) -> dict[str, Any]:
        nonlocal failed
        record, message = outcome
        if message is not None:
            failed += 1
            _error(message)
        return record

    if args.jsonl:
        pretty = args.pretty
        lines = ((*line, args.encoding) for line in _lines(paths))
        outcomes = ordered_map(
            _jsonl_outcome, lines, on_error=_jsonl_lost, processes=args.processes, initializer=warm
        )
        show = not out.isatty() and sys.stderr.isatty()
        total = _count_lines(paths) if show else None
        for outcome in _progress(outcomes, total=total, desc="extract", enabled=show):
            record = record_of(outcome)
            if pretty:
                _listing(record, out)
            else:
                print(_dump(record), file=out)
        return 1 if failed else 0

    # Plain-text files are how a person tries frettir out (``make demo``), terminal or not:
    # they get the listing unless --json (or --indent) asks for records.
    pretty = not (args.json or args.indent is not None)
    texts = [
        (_STDIN_ID if path == _STDIN else path, _read_bytes(path), args.encoding, args.title, args.url)
        for path in paths
    ]
    records = []
    outcomes = ordered_map(
        _text_outcome, texts, on_error=_text_lost, processes=args.processes, initializer=warm
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


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number


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
    evaluate_.set_defaults(run=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``frettir`` command line.

    Args:
        argv: The arguments after the program name; ``None`` reads ``sys.argv``.

    Returns:
        The exit code: 0 on success, 1 if some article failed or a floor was not met,
        2 for bad usage or an unreadable input file.
    """
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

    Before exiting, :func:`gc.freeze` spares the interpreter taking the engine's objects apart
    one by one, which costs 1-2 s at the end of every run.
    """
    status = main()
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
