"""The package's face: what ``import frettir`` gives and what it costs."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

import frettir
import frettir.article
import frettir.errors
import frettir.model


def _public_definitions(module: ModuleType) -> set[str]:
    """Public classes and functions defined in ``module`` itself (not imported into it)."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == module.__name__
    }


def test_all_is_sorted() -> None:
    """``frettir.__all__`` is in sorted order, without duplicates."""
    assert list(frettir.__all__) == sorted(set(frettir.__all__))


@pytest.mark.parametrize("module", [frettir.article, frettir.model, frettir.errors], ids=lambda m: m.__name__)
def test_all_exports_every_public_definition(module: ModuleType) -> None:
    """Every public class and function of the model and the errors is exported by frettir."""
    missing = _public_definitions(module) - set(frettir.__all__)
    assert not missing, f"not in frettir.__all__: {sorted(missing)}"


def test_all_names_exist() -> None:
    """Every name in ``frettir.__all__`` is an attribute of the package."""
    for name in frettir.__all__:
        assert hasattr(frettir, name), name


def test_version_is_a_string() -> None:
    """``frettir.__version__`` is the installed distribution's version string."""
    assert isinstance(frettir.__version__, str)
    assert frettir.__version__


def test_import_does_not_load_the_parser() -> None:
    """Importing frettir does not import reynir: the parser is built lazily, when first needed."""
    code = textwrap.dedent(
        """
        import sys
        import frettir
        print(sorted(name for name in sys.modules if name.split(".")[0] == "reynir"))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


_ROOT = Path(__file__).resolve().parent.parent


def test_project_urls_and_install_docs_agree() -> None:
    """``[project.urls]`` names docs, source and changelog; README and install page use that source."""
    project = tomllib.loads((_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    urls = project["urls"]
    assert {"Documentation", "Source", "Changelog"} <= set(urls)
    git_url = f"git+{urls['Source']}"
    for page in ("README.md", "docs/install.rst", "docs/index.rst", "docs/tutorial.rst"):
        text = (_ROOT / page).read_text(encoding="utf-8")
        assert f"frettir @ {git_url}" in text, page
        assert "pip install frettir\n" not in text, f"{page}: frettir is not on PyPI"


def test_sdist_holds_what_the_tests_load() -> None:
    """Files outside tests/ that a test loads (scripts/corpus_check.py) are in the sdist."""
    sdist = tomllib.loads((_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"][
        "targets"
    ]["sdist"]["include"]
    assert "/scripts/corpus_check.py" in sdist
    assert (_ROOT / "scripts" / "corpus_check.py").is_file()
