"""Sphinx configuration for the frettir documentation."""

from __future__ import annotations

import os
from importlib.metadata import version as _version

project = "frettir"
author = "The frettir developers"
copyright = "2026, The frettir developers"
release = _version("frettir")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "myst_parser",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

# Google-style docstrings only.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
}
# Without network access (FRETTIR_DOCS_OFFLINE=1) links to other projects' docs cannot be
# fetched; skip them instead of failing the -n -W build on the fetch.
if os.environ.get("FRETTIR_DOCS_OFFLINE"):
    intersphinx_mapping = {}

doctest_global_setup = "import frettir\nfrom frettir import *"

html_theme = "furo"
html_title = f"frettir {release}"
