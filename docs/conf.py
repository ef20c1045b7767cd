"""Sphinx configuration for the frettir documentation.

Build with ``make docs`` (html and doctest builders, ``-n -W``). Without network access set
``FRETTIR_DOCS_OFFLINE=1``: the intersphinx inventories of Python and attrs cannot be fetched
then, so links to them are skipped instead of failing the build.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

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
    "sphinx_copybutton",  # a copy button on code blocks; prompts and output are not copied
    "frettir_docs",  # docs/_ext: CLI help pages and the check that every public name is documented
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_ext"]
nitpicky = True


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


# Modules being written: their API pages (docs/api/<name>.rst) and links appear once they
# can be imported.
OPTIONAL_MODULES = {
    name: _importable(name) for name in ("frettir.batch", "frettir.html", "frettir.dask", "frettir.web")
}
missing = [name for name, present in OPTIONAL_MODULES.items() if not present]
nitpick_ignore_regex = [(r"py:.*", re.escape(name) + r"(\..*)?") for name in missing]
nitpick_ignore_regex += [
    (r"py:class", r"frettir\..*\._[A-Z]\w*"),  # private type variables in signatures
    (r"py:class", r"dask\..*"),  # Dask's inventory is not fetched
    # Nor are those of the optional extras' libraries (frettir.views, frettir.web).
    (r"py:.*", r"(pandas|rich|fastapi|starlette|pydantic|uvicorn)(\..*)?"),
]
exclude_patterns += [f"api/{name.removeprefix('frettir.')}.rst" for name in missing]

# Google-style docstrings only.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

autodoc_member_order = "bysource"
autodoc_typehints = "description"
# attrs classes document their fields once, under "Attributes" in the class docstring; the
# generated __init__'s parameters are not listed again (functions keep their "Args").
autodoc_typehints_description_target = "documented"
# Bases are shown where they say something (the exceptions: :show-inheritance:), never
# "Bases: object".
autodoc_default_options = {"members": True}
# Types read ``Span``, linking to frettir.Span, not ``frettir.model.Span`` (users import the
# classes from frettir).
python_use_unqualified_type_names = True

# Copy only what is typed: the commands after ``$ `` and the code after ``>>> ``/``... ``.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

myst_heading_anchors = 3

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "attrs": ("https://www.attrs.org/en/stable/", None),
}
# Without network access (FRETTIR_DOCS_OFFLINE=1) links to other projects' docs cannot be
# fetched; skip them instead of failing the -n -W build on the fetch. References into the
# standard library, attrs and cattrs then cannot be resolved and are not checked either.
if os.environ.get("FRETTIR_DOCS_OFFLINE", "0") not in ("", "0"):
    intersphinx_mapping = {}
    nitpick_ignore_regex += [
        (r"py:.*", r"(collections|typing|argparse|json|io|os|pathlib|datetime|difflib)\..*"),
        (r"py:mod", r"sqlite3"),
        (r"py:.*", r"(attrs|attr|cattrs)(\..*)?"),
        (r"py:.*", r"(TextIO|Iterable|Iterator|Mapping|Sequence|Any|Literal|Final)"),
    ]

# Every document's examples run under ``make docs`` (sphinx-build -b doctest). Each page
# starts from these names; ``HAVE_HTML`` lets the HTML how-to skip its examples until
# ``frettir.html`` exists.
doctest_global_setup = f"""
import frettir
from frettir import *
HAVE_HTML = {OPTIONAL_MODULES["frettir.html"]!r}
"""

html_theme = "furo"
# Example lines are written short enough for a 1280 px window, not wrapped by CSS: make
# test-browser checks that no code block on any page scrolls sideways at that width.
html_static_path = ["_static"]
html_title = f"frettir {release}"
