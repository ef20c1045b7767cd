"""Shared fixtures and the Hypothesis profiles.

``quick`` (the default, ``make test``) keeps the property tests to a few dozen examples each;
``thorough`` (``HYPOTHESIS_PROFILE=thorough``, ``make test-deep``) runs many more. Neither has
a deadline: the first example of a run may pay for building Greynir's tables.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

from frettir import Article

settings.register_profile(
    "quick",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(scope="session")
def read() -> Callable[[str], Article]:
    """``Article.from_text``, with the lazily built parser made once for the whole session."""
    Article.from_text("„Já,“ segir Jón Jónsson.")
    return Article.from_text
