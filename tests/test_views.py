"""The views of :mod:`frettir.views`: the HTML page, the terminal view and the quote rows.

Most tests build articles by hand (no Greynir) so that every quote, mention and cue is known;
the seed-article tests read it from the shared corpus and are skipped when it is absent.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from frettir import Article, BatchResult, Quote, Span, Speaker
from frettir.views import COLUMNS, PALETTE, render_html, render_text, to_dataframe, to_rows

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
SEED = "seed-2025-08-alaska-leidtogafundur"

_VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Page(HTMLParser):
    """Parse a page back: check that tags nest, collect the text of the article and its marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.open_marks: list[dict[str, Any]] = []
        self.scripts = 0
        self.in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        attributes = dict(attrs)
        if tag == "script":
            self.scripts += 1
        classes = (attributes.get("class") or "").split()
        if tag == "div" and "text" in classes:
            self.in_text += 1
        elif self.in_text:
            self.in_text += 1
            if tag == "mark" or "mention" in classes or "cue" in classes:
                entry = {"tag": tag, "classes": classes, "attrs": attributes, "text": []}
                self.marks.append(entry)
                self.open_marks.append(entry)
        self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened, attributes = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if self.in_text:
            self.in_text -= 1
            classes = (attributes.get("class") or "").split()
            if self.in_text and (tag == "mark" or "mention" in classes or "cue" in classes):
                self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text_parts.append(data)
            for entry in self.open_marks:
                entry["text"].append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert not parser.stack, f"unclosed tags: {[tag for tag, _ in parser.stack]}"
    return parser


def quotes_of(parsed: _Page) -> list[dict[str, Any]]:
    return [m for m in parsed.marks if m["tag"] == "mark"]


ANNA = "Anna Jónsdóttir"


def nested_article() -> Article:
    """An indirect quote holding a partial direct one, a mention, a cue, and a quote by nobody."""
    text = "Anna Jónsdóttir sagði að þau hefðu „náð saman“ í gær.\n„Já,“ var sagt."
    anna = Speaker(name=ANNA, titles=("formaður",), mentions=(Span(start=0, end=15),))
    indirect = Quote(
        kind="indirect",
        span=Span(start=25, end=52),
        text=text[25:52],
        speaker=anna,
        speaker_span=Span(start=0, end=15),
        cue="segja",
        cue_span=Span(start=16, end=21),
    )
    partial = Quote(
        kind="direct",
        span=Span(start=36, end=45),
        text=text[36:45],
        outer=Span(start=35, end=46),
        speaker=anna,
        cue="segja",
        cue_span=Span(start=16, end=21),
    )
    nobody = Quote(kind="direct", span=Span(start=55, end=58), text=text[55:58], outer=Span(start=54, end=59))
    return Article(text=text, title="Fundur <í gær>", quotes=(indirect, partial, nobody), speakers=(anna,))


def test_html_text_content_is_the_article_text() -> None:
    """The page parses back with its tags nested, and the article's text content is the text unchanged."""
    article = nested_article()
    parsed = parse(render_html(article))
    assert parsed.text == article.text


def test_html_marks_every_quote_with_speaker_cue_and_offsets() -> None:
    """Each quote is one <mark> with kind, speaker, cue and span offsets; nested quotes nest."""
    article = nested_article()
    marks = quotes_of(parse(render_html(article)))
    found = [
        (
            m["attrs"]["data-kind"],
            m["attrs"]["data-speaker"],
            m["attrs"]["data-cue"],
            m["attrs"]["data-start"],
        )
        for m in marks
    ]
    assert found == [
        ("indirect", ANNA, "segja", "25"),
        ("direct", ANNA, "segja", "36"),
        ("direct", "", "", "55"),
    ]
    indirect, partial, nobody = marks
    assert "".join(indirect["text"]) == "þau hefðu „náð saman“ í gær"
    assert "".join(partial["text"]) == "„náð saman“"
    assert "s-none" in nobody["classes"]
    assert "indirect" in indirect["classes"] and "direct" in partial["classes"]


def test_html_marks_mentions_and_cues() -> None:
    """Speaker mentions and cue words are marked, in the speaker's colour class."""
    marks = parse(render_html(nested_article())).marks
    mentions = [("".join(m["text"]), m["classes"]) for m in marks if "mention" in m["classes"]]
    cues = ["".join(m["text"]) for m in marks if "cue" in m["classes"]]
    assert mentions == [(ANNA, ["mention", "s0"])]
    assert cues == ["sagði"]


def test_html_legend_lists_speakers_with_titles_and_counts() -> None:
    """The legend names each speaker with their titles and quote counts, and the unknown speaker."""
    page = render_html(nested_article())
    assert '<b class="name">Anna Jónsdóttir</b> <span class="titles">(formaður)</span>' in page
    assert "1 direct, 1 indirect" in page
    assert "unknown speaker" in page


def test_html_escapes_text_and_attributes() -> None:
    """An article holding <script> and quotes in a speaker's name shows them as text, no script runs."""
    text = '„<script>alert("x")</script>,“ sagði <b>Jón</b> "stóri".'
    jon = Speaker(name='Jón "stóri" <b>', mentions=(Span(start=38, end=50),))
    quote = Quote(
        kind="direct",
        span=Span(start=1, end=29),
        text=text[1:29],
        outer=Span(start=0, end=31),
        speaker=jon,
        cue="segja",
    )
    article = Article(text=text, title="<script>x</script>", quotes=(quote,), speakers=(jon,))
    page = render_html(article)
    parsed = parse(page)
    assert parsed.scripts == 0
    assert parsed.text == text
    assert quotes_of(parsed)[0]["attrs"]["data-speaker"] == 'Jón "stóri" <b>'
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page or "&lt;script&gt;alert(" in page


def test_crossing_marks_are_split_into_parts() -> None:
    """A mention that crosses a quote's end is cut in two parts, so the tags still nest."""
    text = "„Já sæll,“ sagði Jón."
    jon = Speaker(name="Jón", mentions=(Span(start=4, end=17),))  # crosses the quote's outer end (10)
    quote = Quote(
        kind="direct", span=Span(start=1, end=9), text=text[1:9], outer=Span(start=0, end=10), speaker=jon
    )
    article = Article(text=text, quotes=(quote,), speakers=(jon,))
    parsed = parse(render_html(article))
    parts = [
        ("".join(m["text"]), m["attrs"].get("data-part")) for m in parsed.marks if "mention" in m["classes"]
    ]
    assert parts == [("sæll,“", "1"), (" sagði ", "2")]
    assert parsed.text == text


def test_fragment_for_jupyter() -> None:
    """``Article._repr_html_`` is the view as a fragment: a <style> and a div, no document."""
    article = nested_article()
    fragment = article._repr_html_()
    assert fragment == render_html(article, standalone=False)
    assert fragment.startswith("<style>") and "<html" not in fragment
    assert parse(fragment).text == article.text


def test_speaker_colours_cycle_through_the_palette() -> None:
    """Speakers take the palette's colours in order of first mention, then again from the start."""
    count = len(PALETTE) + 1
    names = [f"Maður{n}" for n in range(count)]
    text = " ".join(f"„Já,“ sagði {name}." for name in names)
    speakers, quotes = [], []
    at = 0
    for name in names:
        mention = Span(start=at + 12, end=at + 12 + len(name))
        speaker = Speaker(name=name, mentions=(mention,))
        speakers.append(speaker)
        quotes.append(Quote(kind="direct", span=Span(start=at + 1, end=at + 4), text="Já,", speaker=speaker))
        at = mention.end + 2
    article = Article(text=text, quotes=tuple(quotes), speakers=tuple(speakers))
    marks = quotes_of(parse(render_html(article)))
    classes = [next(c for c in m["classes"] if c.startswith("s")) for m in marks]
    assert classes == [f"s{n % len(PALETTE)}" for n in range(count)]


def test_plain_text_view_brackets_quotes() -> None:
    """Without colour, each quote is in brackets followed by its kind, speaker and cue."""
    shown = render_text(nested_article(), color=False)
    assert isinstance(shown, str)
    assert shown.splitlines()[:2] == [
        "Anna Jónsdóttir (formaður): 1 direct, 1 indirect",
        "unknown speaker: 1 quote(s)",
    ]
    partial = "[„náð saman“](direct: Anna Jónsdóttir · segja)"
    assert f"að [þau hefðu {partial} í gær](indirect: Anna Jónsdóttir · segja)." in shown
    assert "[„Já,“](direct: ?) var sagt." in shown


def test_rich_view_colours_quotes_by_speaker() -> None:
    """With colour, the text keeps every character and each quote gets its speaker's colour."""
    from rich.console import Console

    article = nested_article()
    shown = render_text(article, color=True)
    assert not isinstance(shown, str)
    label = " Anna Jónsdóttir · segja  "
    assert shown.plain.endswith(
        f"Anna Jónsdóttir sagði að {label}þau hefðu {label}„náð saman“ í gær.\n ?  „Já,“ var sagt."
    )
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=200).print(shown)
    light = PALETTE[0][0].lstrip("#")
    rgb = ";".join(str(int(light[n : n + 2], 16)) for n in (0, 2, 4))
    assert f"48;2;{rgb}" in out.getvalue()  # the direct quote's background


def test_rows_have_the_columns_and_values() -> None:
    """``to_rows`` gives one row per quote, keyed by COLUMNS, with speaker kind and title."""
    article = nested_article()
    rows = to_rows(article, id="a1")
    assert [list(row) for row in rows] == [list(COLUMNS)] * 3
    assert [
        (r["kind"], r["start"], r["end"], r["speaker"], r["speaker_kind"], r["speaker_title"]) for r in rows
    ] == [
        ("indirect", 25, 52, ANNA, "person", "formaður"),
        ("direct", 36, 45, ANNA, "person", "formaður"),
        ("direct", 55, 58, None, None, None),
    ]
    assert {r["article_id"] for r in rows} == {"a1"}
    assert article.to_rows(id="a1") == rows


def test_dataframe_of_articles_and_batch_results() -> None:
    """``to_dataframe`` stacks the rows; ids come from results, else from positions; failures give none."""
    article = nested_article()
    frame = to_dataframe(
        [
            article,
            BatchResult(index=1, id="b", article=article, error=None),
            BatchResult(index=2, id="c", article=None, error="bad"),
        ]
    )
    assert list(frame.columns) == list(COLUMNS)
    assert frame["article_id"].tolist() == ["0"] * 3 + ["b"] * 3
    assert frame["start"].tolist() == [25, 36, 55] * 2
    assert list(to_dataframe([]).columns) == list(COLUMNS)
    with pytest.raises(TypeError, match="an Article or a BatchResult"):
        to_dataframe(["text"])  # type: ignore[list-item]


@pytest.fixture(scope="module")
def seed(read: Callable[[str], Article]) -> Article:
    if not CORPUS.exists():
        pytest.skip("the shared corpus is not beside this clone")
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if data["id"] == SEED:
            return read(data["text"])
    pytest.skip(f"{SEED} is not in the corpus")


@pytest.mark.corpus
def test_seed_article_page_shows_every_quote(seed: Article) -> None:
    """The page of the seed article parses back and marks every one of its quotes with its speaker."""
    parsed = parse(render_html(seed))
    assert parsed.text == seed.text
    marks = {
        (int(m["attrs"]["data-start"]), int(m["attrs"]["data-end"])): m
        for m in quotes_of(parsed)
        if m["attrs"].get("data-part") in (None, "1")
    }
    assert len(seed.quotes) > 10
    for quote in seed.quotes:
        mark = marks[(quote.span.start, quote.span.end)]
        assert mark["attrs"]["data-speaker"] == (quote.speaker.name if quote.speaker else "")
        assert quote.text in "".join(mark["text"])


@pytest.mark.corpus
def test_seed_article_csv_round_trip(seed: Article) -> None:
    """The rows of the seed article written as CSV read back equal (numbers as text)."""
    from frettir._render import write_table

    out = io.StringIO(newline="")
    write_table(to_rows(seed, id=SEED), out)
    back = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    expected = [{k: "" if v is None else str(v) for k, v in row.items()} for row in to_rows(seed, id=SEED)]
    assert back == expected


# -- the command line ----------------------------------------------------------------------

ARTICLE = "„Við förum í dag,“ segir Ása Guðmundsdóttir. Hún sagði að ferjan væri tilbúin."


@pytest.fixture
def article_file(tmp_path: Path, read: Callable[[str], Article]) -> Path:
    path = tmp_path / "ferja.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_format_csv_is_a_spreadsheet_table(
    article_file: Path, read: Callable[[str], Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--format csv``: a byte-order mark, CR LF, a header and the rows of Article.to_rows."""
    from frettir.cli import main

    assert main(["extract", "--format", "csv", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffarticle_id,kind,start,end,")
    assert out.count("\r\n") == 1 + len(read(ARTICLE).quotes)
    back = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    expected = read(ARTICLE).to_rows(id=str(article_file))
    assert back == [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]


def test_extract_format_tsv_from_jsonl_and_a_failed_line(
    tmp_path: Path, read: Callable[[str], Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--jsonl --format tsv``: rows named by each line's id; a bad line gives no row and exit 1."""
    from frettir.cli import main

    corpus = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "a", "text": ARTICLE}), json.dumps({"id": "b", "text": 7})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", "--format", "tsv", str(corpus)]) == 1
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out.removeprefix("\ufeff"), newline=""), delimiter="\t"))
    assert {row["article_id"] for row in rows} == {"a"}
    assert len(rows) == len(read(ARTICLE).quotes)
    assert "a.jsonl:2: 'text' must be a string" in captured.err


def test_extract_format_html_has_a_section_per_file(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--format html`` with two files writes one valid page with a section for each."""
    from frettir.cli import main

    other = tmp_path / "annad.txt"
    other.write_text("Ekkert var sagt <hér>.", encoding="utf-8")
    assert main(["extract", "--format", "html", str(article_file), str(other)]) == 0
    page = capsys.readouterr().out
    parsed = parse(page)
    assert parsed.text == ARTICLE + "Ekkert var sagt <hér>."
    assert page.count('<div class="frettir" data-id=') == 2
    assert {m["attrs"]["data-speaker"] for m in quotes_of(parsed)} == {"Ása Guðmundsdóttir"}


def test_extract_format_refuses_json_options(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format`` with ``--json`` or ``--indent`` is a usage error (exit 2)."""
    from frettir.cli import main

    assert main(["extract", "--format", "csv", "--json", str(article_file)]) == 2
    assert main(["extract", "--format", "csv", "--indent", "2", str(article_file)]) == 2
    assert "--indent applies to JSON output" in capsys.readouterr().err


def test_show_is_plain_when_not_a_terminal(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``frettir show`` into a pipe writes plain text: no escape codes, quotes in brackets."""
    from frettir.cli import main

    assert main(["show", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "[„Við förum í dag,“](direct: Ása Guðmundsdóttir · segja)" in out


def test_show_color_always_colours(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``frettir show --color always`` writes escape codes even into a pipe."""
    from frettir.cli import main

    assert main(["show", "--color", "always", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out and "Ása Guðmundsdóttir · segja" in out


def test_serve_checks_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    """``frettir serve`` refuses a port over 65535 and a timeout that is not positive."""
    from frettir.cli import main

    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--timeout", "0"]) == 2
    assert "positive number of seconds" in capsys.readouterr().err


def test_page_fetches_nothing() -> None:
    """The HTML view is standalone: no script, no external style, image or font, no link to follow."""
    article = attrs.evolve(nested_article(), url="https://example.is/frett")
    page = render_html(article)
    assert "<script" not in page and "src=" not in page and "<link" not in page and "url(" not in page
    assert "href=" not in page  # the article's address is shown as text
    assert "https://example.is/frett" in page
