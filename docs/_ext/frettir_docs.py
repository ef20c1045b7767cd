"""Sphinx helpers for the frettir docs.

* ``.. frettir-help:: [COMMAND]`` shows the ``--help`` text of ``frettir`` (or of one of its
  commands), generated at build time so that it cannot drift from :mod:`frettir.cli`.
* ``.. frettir-rules:: STAGE`` renders the table of one stage's attribution rules from the
  rule registry: name, confidence, and the rule's docstring with its (doctested) example.
* A consistency check warns (and so fails the ``-W`` build) when a public name of frettir, a
  public member of a public class, a command of the ``frettir`` program or an attribution
  rule is not documented.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import os
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

PUBLIC_MODULES = (
    "frettir",
    "frettir.article",
    "frettir.model",
    "frettir.errors",
    "frettir.serialize",
    "frettir.evaluate",
    "frettir.corpus",
    "frettir.views",
)
"""Modules whose ``__all__`` is public API."""
OPTIONAL_MODULES = ("frettir.batch", "frettir.html", "frettir.dask", "frettir.web")
"""Public modules that are checked once they can be imported."""
HELP_WIDTH = "88"


def _help(command: str | None) -> str:
    from frettir.cli import main

    argv = [command, "--help"] if command else ["--help"]
    out = io.StringIO()
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_WIDTH  # argparse wraps to the terminal; make it fixed
    try:
        with contextlib.redirect_stdout(out):
            main(argv)
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return out.getvalue().rstrip()


def _note(env: BuildEnvironment, key: str, value: str) -> None:
    """Record that the current document documents ``value`` (a command, a rule)."""
    by_doc: dict[str, set[str]] = getattr(env, key, {})
    by_doc.setdefault(env.docname, set()).add(value)
    setattr(env, key, by_doc)


def _noted(env: BuildEnvironment, key: str) -> set[str]:
    return set().union(*getattr(env, key, {}).values())


class FrettirHelp(SphinxDirective):
    """``.. frettir-help:: extract``: the help text of ``frettir extract`` as a literal block."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the help text as a literal block."""
        import frettir.cli

        command = self.arguments[0] if self.arguments else None
        self.env.note_dependency(frettir.cli.__file__)  # read this page again when the CLI changes
        _note(self.env, "frettir_cli_documented", command or "")
        text = _help(command)
        return [nodes.literal_block(text, text, language="text")]


def _confidence() -> dict[str, float]:
    from frettir._attribution import CONFIDENCE

    return dict(CONFIDENCE)


class FrettirRules(SphinxDirective):
    """``.. frettir-rules:: direct``: the table of one stage's attribution rules.

    Rendered from the registry (:data:`frettir._attribution.STAGE_RULES`), in the order the
    stage tries them: each rule's name, its confidence, and its docstring (when it fires, and
    its example, which the doctest builder runs like any other on the page).
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Return the table."""
        import frettir._attribution

        stage = self.arguments[0]
        by_stage = frettir._attribution.STAGE_RULES
        if stage not in by_stage:
            logger.warning("unknown attribution stage %r", stage, location=self.get_location())
            return []
        for path in sorted({inspect.getfile(r.function) for r in by_stage[stage]}):
            self.env.note_dependency(path)
        rows = [".. list-table::", "   :header-rows: 1", "   :widths: 24 10 66", ""]
        rows += ["   * - Rule", "     - Confidence", "     - When it fires"]
        for rule in by_stage[stage]:
            _note(self.env, "frettir_rules_documented", rule.name)
            lines = rule.doc.splitlines() or ["\\ "]
            rows += [f"   * - ``{rule.name}``", f"     - {rule.confidence}", f"     - {lines[0]}"]
            rows += [f"       {line}" if line else "" for line in lines[1:]]
        container = nodes.container()
        source = self.get_source_info()[0]
        self.state.nested_parse(StringList(rows, source=source), self.content_offset, container)
        return list(container.children)


def _commands() -> set[str]:
    from frettir.cli import _parser

    for action in _parser()._actions:  # argparse has no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _public_names() -> list[tuple[str, str, Any]]:
    """``(module, name, object)`` for every name in the ``__all__`` of the public modules."""
    found = []
    for module_name in (*PUBLIC_MODULES, *OPTIONAL_MODULES):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in getattr(module, "__all__", ()):
            found.append((module_name, name, getattr(module, name)))
    return found


def check_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about every public name, class member, command and rule left undocumented."""
    objects = set(env.get_domain("py").objects)  # type: ignore[attr-defined]

    def documented(module: str, qualname: str, value: Any) -> bool:
        candidates = {f"{module}.{qualname}", f"frettir.{qualname}"}
        owner = getattr(value, "__module__", None)
        if isinstance(owner, str) and owner.startswith("frettir"):
            candidates.add(f"{owner}.{qualname}")
        return bool(candidates & objects)

    for module, name, value in _public_names():
        if not documented(module, name, value):
            logger.warning("public name %s.%s is not in the API reference", module, name)
            continue
        if inspect.isclass(value) and not issubclass(value, BaseException):
            for member in vars(value):
                if not member.startswith("_") and not documented(module, f"{name}.{member}", value):
                    logger.warning("public member %s.%s.%s is not in the API reference", module, name, member)
    for rule in sorted(set(_confidence()) - _noted(env, "frettir_rules_documented")):
        logger.warning("the attribution rule %r is in no frettir-rules table", rule)
    for command in sorted(_commands() - _noted(env, "frettir_cli_documented")):
        logger.warning("the command 'frettir %s' has no frettir-help block", command)


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Forget what a document that is read again documented."""
    for key in ("frettir_cli_documented", "frettir_rules_documented"):
        getattr(env, key, {}).pop(docname, None)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the consistency check."""
    app.add_directive("frettir-help", FrettirHelp)
    app.add_directive("frettir-rules", FrettirRules)
    app.connect("env-purge-doc", purge)
    app.connect("env-check-consistency", check_documented)
    return {"version": "1", "parallel_read_safe": False, "parallel_write_safe": True}
