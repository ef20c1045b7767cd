"""The limits frettir keeps to: the longest text it reads, and the time it gives one article.

Reading costs time and memory roughly in proportion to the length of the text (about 30
seconds and 0.1 GB per million characters of news on one core), so a text far longer than
any article is refused at once rather than read for an hour. The limit is a keyword argument
where text comes in (:meth:`Article.from_text <frettir.Article.from_text>`,
:meth:`Article.from_html <frettir.Article.from_html>`, :func:`~frettir.extract_many`) and an
option of ``frettir extract`` (``--max-length``); ``None`` turns it off.

The time bound is not a default: :func:`~frettir.extract_many` and ``frettir extract`` take
``timeout`` / ``--timeout`` (seconds per article). See the *Limits, time bounds and errors*
page of the docs.
"""

from __future__ import annotations

from typing import Final

from frettir.errors import InputError

__all__ = ["MAX_LENGTH", "check_length", "check_timeout"]

MAX_LENGTH: Final = 1_000_000
"""The default longest text in characters (code points), about twenty times a very long article."""


def check_length(text: str, max_length: int | None) -> None:
    """Raise :class:`~frettir.InputError` if ``text`` is longer than ``max_length``.

    Args:
        text: The text about to be read.
        max_length: The longest text accepted, in characters; ``None`` accepts any length.

    Raises:
        InputError: If the text is too long (the message says how to raise the limit or
            split the text), or ``max_length`` is not a positive int or ``None``.

    >>> check_length("Já.", 10)
    >>> check_length("Já, já, já.", 10)
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: the text has 11 characters, more than max_length=10: ...
    """
    if max_length is None:
        return
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise InputError(f"max_length must be a positive int or None, got {max_length!r}")
    if len(text) > max_length:
        raise InputError(
            f"the text has {len(text)} characters, more than max_length={max_length}: split it into "
            "articles, or pass a larger max_length (None for no limit; frettir extract --max-length N)"
        )


def check_timeout(timeout: float | None) -> None:
    """Raise :class:`~frettir.InputError` unless ``timeout`` is a positive number of seconds or ``None``.

    >>> check_timeout(0)
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: timeout must be a positive number of seconds or None, got 0
    """
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise InputError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
