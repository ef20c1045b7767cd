"""The default limits of the web service (:mod:`frettir.web`).

They live apart from it so that the command line can show them without FastAPI installed.
"""

from __future__ import annotations

from typing import Final

MAX_BYTES: Final = 2_000_000
"""The largest request body accepted by default, in bytes: 2 MB, room for a heavy news page."""

TIMEOUT: Final = 30.0
"""Seconds a request may take by default before the service answers 503."""

WORKERS: Final = 4
"""Worker threads that read articles, by default."""
