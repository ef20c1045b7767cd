"""The service's page and the docs in a real browser: headless Chromium, driven by Playwright.

Run with ``make test-browser`` (marker ``browser``; not part of ``make test``). It needs
Debian's ``chromium`` (``/usr/bin/chromium``, or ``FRETTIR_CHROMIUM``) and the ``browser``
extra (Playwright's Python package; Playwright's own browser download is not used). Under
``make test-browser`` (``FRETTIR_BROWSER_REQUIRED=1``) a missing browser fails the test
instead of skipping it.

The test starts the service on 127.0.0.1, pastes an article into the page, presses the
button and reads the page the service returned: every quote the engine finds must be
highlighted with its speaker and a visible label. It saves a screenshot of the page in the
test's temporary folder, or, with ``FRETTIR_SCREENSHOT=path``, at that path (the picture in
the README is taken so: ``FRETTIR_SCREENSHOT=docs/_static/serve.png make test-browser``).

The docs test builds the html documentation (the ``docs`` extra) into a temporary folder and
opens every page in a window 1280 px wide: no code block may scroll sideways (an example
line too long for the page is written shorter in the source, not wrapped by CSS), and every
code block has its copy button.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from frettir import Article
from frettir.web import create_app
from servers import running

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "frettir" / "examples" / "skridufoll.txt"
CHROMIUM = os.environ.get("FRETTIR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As the machine notes advise: no sandbox (CI runs as root), no GPU, and no background
# connections (this machine has no network but loopback).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The speakers of the example article, and a few of their quotes, as a reader finds them.
EXPECTED = [
    ("Hildur Bergþórsdóttir", "direct", "Þetta var erfið nótt fyrir alla sem hér búa"),
    ("Kjartan Sævarsson", "indirect", "jarðvegurinn í hlíðinni væri gegnsósa"),
    ("Ólafur Þrastarson", "direct", "Húsið stendur enn,"),
    ("Hildur Bergþórsdóttir", "direct", "Hver á að bera kostnaðinn af þessu"),
]


def _unavailable(reason: str) -> None:
    if os.environ.get("FRETTIR_BROWSER_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install 'frettir[browser]'")
    if not Path(CHROMIUM).exists():
        _unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


_READ_MARKS = """
(root) => Array.from(root.querySelectorAll(".text mark.quote")).map((mark) => ({
  kind: mark.dataset.kind,
  speaker: mark.dataset.speaker,
  start: Number(mark.dataset.start),
  end: Number(mark.dataset.end),
  part: mark.dataset.part || null,
  text: mark.textContent,
  label: getComputedStyle(mark, "::before").content,
  background: getComputedStyle(mark).backgroundColor,
  underline: getComputedStyle(mark).borderBottomStyle,
}))
"""


def test_pasted_article_shows_every_quote_with_its_speaker(
    browser: Any, read: Callable[[str], Article], tmp_path: Path
) -> None:
    """Pasting the example article into the page shows each of its quotes highlighted with its speaker."""
    text = EXAMPLE.read_text(encoding="utf-8")
    article = read(text)
    with running(create_app()) as base:
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        try:
            page.goto(f"{base}/")
            page.fill("#text", text)
            page.click("#show")
            page.wait_for_selector("#view[data-ready=true]", timeout=60_000)
            frame = page.frame_locator("#view")
            marks = frame.locator("body").evaluate(_READ_MARKS)
            legend = frame.locator(".legend li .name").all_inner_texts()
            assert page.locator("#status").inner_text() == ""
            page.locator("#text").evaluate("(box) => { box.scrollTop = 0; }")
            shot = Path(os.environ.get("FRETTIR_SCREENSHOT") or tmp_path / "serve.png")
            page.screenshot(path=str(shot), full_page=True)
        finally:
            page.close()

    whole = {(m["start"], m["end"]): m for m in marks if m["part"] in (None, "1")}
    assert len(whole) == len(article.quotes) > 10
    for quote in article.quotes:
        mark = whole[(quote.span.start, quote.span.end)]
        speaker = quote.speaker.name if quote.speaker else ""
        assert (mark["kind"], mark["speaker"]) == (quote.kind, speaker)
        assert quote.text in mark["text"]
        assert speaker in mark["label"]  # the label drawn over the quote names the speaker
        if quote.kind == "direct":
            assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
        else:
            assert mark["underline"] == "dashed"
    for speaker, kind, start in EXPECTED:
        assert any(m["speaker"] == speaker and m["kind"] == kind and start in m["text"] for m in marks), (
            f"no {kind} quote by {speaker} starting {start!r}"
        )
    assert sorted(legend) == sorted({speaker for speaker, _, _ in EXPECTED})
    assert shot.stat().st_size > 10_000


# --- the documentation at 1280 px ---------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs"

_OVERFLOWING_CODE = """
() => Array.from(document.querySelectorAll("pre"))
  .filter((pre) => pre.scrollWidth > pre.clientWidth)
  .map((pre) => {
    const lines = pre.innerText.split("\\n");
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), "");
    return { over: pre.scrollWidth - pre.clientWidth, longest: longest };
  })
"""

_CODE_WITHOUT_COPY_BUTTON = """
() => Array.from(document.querySelectorAll("div.highlight"))
  .filter((block) => block.querySelector("pre") && !block.querySelector("button.copybtn"))
  .map((block) => block.innerText.split("\\n")[0])
"""


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The html documentation, built fresh (offline, as ``make docs`` builds it)."""
    try:
        import sphinx  # noqa: F401 -- the docs extra
    except ImportError:
        _unavailable("Sphinx is not installed: pip install 'frettir[docs]'")
    out = tmp_path_factory.mktemp("docs-html")
    environment = dict(os.environ, FRETTIR_DOCS_OFFLINE="1")
    doctrees = str(out / ".doctrees")
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", doctrees, str(DOCS), str(out)]
    subprocess.run(command, check=True, env=environment, capture_output=True)
    return out


def test_no_docs_code_block_overflows_at_1280_px_and_each_has_a_copy_button(
    browser: Any, docs_html: Path
) -> None:
    """Every page of the docs, 1280 px wide: no code block scrolls sideways, each has a copy button."""
    pages = sorted(path for path in docs_html.rglob("*.html") if not path.name.startswith("_"))
    assert len(pages) > 20
    overflowing: dict[str, list[dict[str, Any]]] = {}
    missing_buttons: dict[str, list[str]] = {}
    blocks = 0
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            blocks += page.locator("div.highlight pre").count()
            if found := page.evaluate(_OVERFLOWING_CODE):
                overflowing[str(path.relative_to(docs_html))] = found
            if bare := page.evaluate(_CODE_WITHOUT_COPY_BUTTON):
                missing_buttons[str(path.relative_to(docs_html))] = bare
    finally:
        page.close()
    assert blocks > 50  # the check looked at the examples, not at empty pages
    assert overflowing == {}, "code lines wider than the page at 1280 px (wrap them in the source)"
    assert missing_buttons == {}
