"""The package's layering: every import, lazy ones included, points down (STYLE.md).

``frettir.model`` imports nothing that reads text; the pipeline does not know the
:class:`~frettir.Article`; only the article and what is above it see everything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "frettir"

LAYERS = {
    "frettir.errors": 0,
    "frettir._service_limits": 0,
    "frettir.model": 1,
    "frettir.limits": 1,
    "frettir._greynir": 2,
    "frettir._marks": 2,
    "frettir._cues": 3,
    "frettir._speakers": 3,
    "frettir._attribution": 4,
    "frettir._unclosed": 4,
    "frettir._naming": 3,
    "frettir._interview": 2,
    "frettir._pipeline": 5,
    "frettir.html": 6,
    "frettir._render": 6,
    "frettir.article": 7,
    "frettir.serialize": 8,
    "frettir.evaluate": 8,
    "frettir.corpus": 8,
    "frettir.batch": 9,
    "frettir._cli_io": 9,
    "frettir.dask": 10,
    "frettir.views": 10,
    "frettir._cli_corpus": 10,
    "frettir.web": 11,
    "frettir._cli_views": 12,
    "frettir.cli": 13,
    "frettir": 14,
    "frettir.__main__": 14,
}
"""Layer of each module (a package counts as one): a module imports only lower layers, or
its own package."""


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> tuple[str, int]:
    """The listed module or package that ``module`` belongs to, and its layer."""
    name = module
    while name not in LAYERS:
        if "." not in name:
            raise KeyError(module)
        name = name.rsplit(".", 1)[0]
    return name, LAYERS[name]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "frettir" and node.level == 0:
            # "from frettir import evaluate" imports a module; "__version__" is metadata only
            found.update(f"frettir.{a.name}" for a in node.names if (SRC / f"{a.name}.py").is_file())
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "frettir" or name.startswith("frettir.")}


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down(path: Path) -> None:
    """A module imports only from lower layers or from its own package, even inside a function."""
    here, layer = _layer(_module(path))
    for imported in _imports(path):
        there, other = _layer(imported)
        assert there == here or other < layer, (
            f"{_module(path)} (layer {layer}) imports {imported} (layer {other})"
        )
