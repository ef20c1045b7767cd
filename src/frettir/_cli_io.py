"""Input and output helpers shared by the commands of the ``frettir`` program.

Reading input files and JSON Lines objects, decoding text, messages on standard error, the
progress bar and the exit-code-2 usage error; :mod:`frettir.cli` and the corpus commands
(``frettir._cli_corpus``) both use them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

from frettir.errors import InputError

__all__: list[str] = []

_T = TypeVar("_T")

_PROG: Final = "frettir"
_STDIN: Final = "-"
_STDIN_ID: Final = "<stdin>"
_PROGRESS_MIN: Final = 10
"""Show a progress bar over at least this many articles (when the length is known)."""


class _UsageError(Exception):
    """Input the command cannot work with at all: exit code 2 and a message."""


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


def _count_items(paths: Sequence[str], *, jsonl: Callable[[str], bool] = lambda path: True) -> int | None:
    """How many articles the input files hold, for a progress bar's total; ``None`` for stdin.

    A file that ``jsonl`` says is JSON Lines holds one article per non-blank line; any other
    file is one article. Standard input and other non-regular files cannot be read twice, so
    their count is unknown.
    """
    if any(path == _STDIN or not os.path.isfile(path) for path in paths):
        return None
    total = 0
    for path in paths:
        if not jsonl(path):
            total += 1
            continue
        with open(path, "rb") as handle:
            total += sum(1 for line in handle.read().splitlines() if line.strip())
    return total


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


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number
