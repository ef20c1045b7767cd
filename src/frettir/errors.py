"""Exceptions raised by frettir.

Every exception frettir raises on purpose derives from :class:`FrettirError`; the
subclasses also inherit the fitting builtin so that ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = ["CorpusError", "FrettirError", "InputError", "InvariantError"]


class FrettirError(Exception):
    """Base class of every error frettir raises on purpose."""


class InputError(FrettirError, ValueError):
    """An argument has the right type but a value frettir cannot use.

    Raised at once, with a message that says what was wrong and what is accepted. It is
    also a :class:`ValueError`:

    >>> from frettir import extract_many
    >>> extract_many([], processes=0)
    Traceback (most recent call last):
        ...
    frettir.errors.InputError: processes must be a positive int or None, got 0
    >>> issubclass(InputError, ValueError)
    True
    """


class InvariantError(FrettirError, ValueError):
    """A result object was built with values that contradict each other.

    Raised by the validators of :class:`~frettir.Span`, :class:`~frettir.Quote` and
    :class:`~frettir.Article`; seeing it from :meth:`~frettir.Article.from_text` is a bug.
    """


class CorpusError(FrettirError, OSError):
    """A corpus file cannot be used: missing, not SQLite, damaged, or another program's database.

    Raised by :class:`~frettir.Corpus` with a message that names the file and what is wrong
    with it, instead of an error from deep inside :mod:`sqlite3`. It is also an
    :class:`OSError`.
    """
