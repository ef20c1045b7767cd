"""Articles from web pages: ``frettir.html.extract_page`` and ``Article.from_html``.

The fixtures in ``tests/fixtures/html`` are invented articles written in the markup of five
Icelandic outlets (mbl.is, visir.is, ruv.is, dv.is, heimildin.is). Each ``NAME.html`` has a
sibling ``NAME.txt``: the article's clean text, which is what the extraction must give.
"""

from __future__ import annotations

import functools
import json
import socket
from pathlib import Path

import pytest

import frettir.html
from frettir import Article, InputError
from frettir.cli import main
from frettir.html import BOILERPLATE, BOX_MARKERS, END_MARKERS, Page, extract_page

FIXTURES = Path(__file__).parent / "fixtures" / "html"
OUTLETS = ["mbl", "visir", "ruv", "dv", "heimildin"]

METADATA = {
    "mbl": (
        "Fiskvinnslu Straumfisks lokað í haust",
        "Urður Helga Jónsdóttir",
        "2024-03-14T13:47:00+00:00",
        "mbl.is",
    ),
    "visir": (
        "Vagnstjórar leggja niður störf á föstudag",
        "Hrafnhildur Ósk Pálsdóttir",
        "2024-05-22T08:05:31+00:00",
        "visir.is",
    ),
    "ruv": (
        "Lundum fækkar enn í Svartey",
        "Ragnheiður Lilja Stefánsdóttir",
        "2024-06-03T10:15:00+00:00",
        "ruv.is",
    ),
    "dv": (
        "Ferðamaður rukkaður um 4.000 krónur fyrir kranavatn – „Aldrei lent í öðru eins“",
        "Kolbeinn Máni Arnarson",
        "2024-07-20T14:30:00+00:00",
        "dv.is",
    ),
    "heimildin": (
        "Bærinn greiddi ráðgjafa 90 milljónir án útboðs",
        "Snædís Björt Kristjánsdóttir",
        "2024-09-12T06:00:00+00:00",
        "heimildin.is",
    ),
}

# (kind, start of the quote's text, speaker, cue): quotes the engine gets right from both versions.
EXPECTED_QUOTES = {
    "mbl": [
        ("direct", "Þetta er þungbær ákvörðun", "Sigríður Halldórsdóttir", "segja"),
        ("direct", "Við viljum halda í okkar fólk", "Sigríður Halldórsdóttir", "segja"),
        ("direct", "Fiskvinnslan hefur verið hjartað", "Guðmundur Ari Snorrason", "segja"),
    ],
    "visir": [
        ("direct", "Við höfum beðið í átta mánuði", "Elín Rós Baldursdóttir", "segja"),
        ("indirect", "fyrirtækið hafi lagt fram", "Halldór Ingi Reynisson", "segja"),
        ("direct", "Við skiljum gremju vagnstjóra", "Halldór Ingi Reynisson", "segja"),
    ],
    "ruv": [
        ("direct", "Við sjáum of margar holur", "Ásgeir Þórólfsson", "segja"),
        ("direct", "Það er ekki svipur hjá sjón", "Bryndís Ögmundsdóttir", "segja"),
    ],
    "dv": [
        ("direct", "Ég hef ferðast um allan heim", "Mark Delaney", "segja"),
        ("direct", "Við rukkum aldrei fyrir kranavatn", "Rúnar Þór Gíslason", "segja"),
        ("indirect", "veitingastöðum sé skylt", "Þórdís Anna Kjartansdóttir", "segja"),
    ],
    "heimildin": [
        ("direct", "Það er alveg skýrt", "Katrín Eir Valsdóttir", "segja"),
        ("direct", "Ég hef ekkert að fela", "Pétur Már Hlöðversson", "segja"),
    ],
}


@functools.cache
def html_of(name: str) -> bytes:
    return (FIXTURES / f"{name}.html").read_bytes()


@functools.cache
def clean_text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


@functools.cache
def page_of(name: str) -> Page:
    return extract_page(html_of(name))


@functools.cache
def article_of(name: str) -> Article:
    return Article.from_html(html_of(name))


def quote_summary(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.kind, q.text, q.speaker.name if q.speaker else None, q.cue) for q in article.quotes]


def wrap(body: str, head: str = "<title>Prufa</title>") -> str:
    """A minimal page around an article body."""
    return f"<!DOCTYPE html><html lang='is'><head>{head}</head><body><article>{body}</article></body></html>"


FILLER = "<p>Fyrsta málsgrein fréttarinnar er nokkuð löng svo að hún teljist vera meginmál síðunnar.</p>"


# --- the outlets' pages ---------------------------------------------------------------------


@pytest.mark.parametrize("name", OUTLETS)
def test_body_is_the_articles_clean_text(name: str) -> None:
    """Each outlet's page gives exactly the article's paragraphs, without the page's boilerplate."""
    assert page_of(name).text == clean_text(name)


@pytest.mark.parametrize("name", OUTLETS)
def test_metadata_title_author_date_and_outlet(name: str) -> None:
    """Title, byline, publication time (with its offset) and outlet come from the page."""
    article = article_of(name)
    assert (article.title, article.author, article.published, article.outlet) == METADATA[name]


@pytest.mark.parametrize("name", OUTLETS)
def test_quotes_from_html_equal_quotes_from_clean_text(name: str) -> None:
    """The quotes found in the page are those found in the same article's clean text."""
    assert quote_summary(article_of(name)) == quote_summary(Article.from_text(clean_text(name)))


@pytest.mark.parametrize("name", OUTLETS)
def test_paragraphs_and_offsets_are_those_of_the_clean_text(name: str) -> None:
    """Paragraphs and quote offsets refer to ``Article.text``, which is the clean text."""
    from_html, from_text = article_of(name), Article.from_text(clean_text(name))
    assert from_html.text == from_text.text
    assert from_html.paragraphs == from_text.paragraphs
    assert [(q.span, q.outer) for q in from_html.quotes] == [(q.span, q.outer) for q in from_text.quotes]


@pytest.mark.parametrize("name", OUTLETS)
def test_expected_quotes_and_speakers(name: str) -> None:
    """Some quotes of each page are found with the right speaker and cue."""
    found = quote_summary(article_of(name))
    for kind, start, speaker, cue in EXPECTED_QUOTES[name]:
        assert any((k, s, c) == (kind, speaker, cue) and t.startswith(start) for k, t, s, c in found), (
            f"no {kind} quote {start!r}… by {speaker} ({cue}) in {found}"
        )


def test_headings_stay_paragraphs_of_their_own() -> None:
    """A heading in the body is its own paragraph, recorded in ``Page.headings``."""
    page = page_of("heimildin")
    headings = [page.text[h.start : h.end] for h in page.headings]
    assert headings == ["Samningurinn aldrei lagður fyrir bæjarráð", "Bæjarstjóri vísar gagnrýninni á bug"]
    paragraphs = [p.slice(page.text) for p in article_of("heimildin").paragraphs]
    assert all(h in paragraphs for h in headings)


def test_heading_is_not_merged_into_the_next_quote() -> None:
    """No quote of a page with headings contains a heading's words."""
    for name in ("mbl", "visir", "heimildin"):
        page, article = page_of(name), article_of(name)
        for heading in page.headings:
            assert not any(q.span.overlaps(heading) for q in article.quotes)


def test_quote_continued_over_paragraphs_survives_extraction() -> None:
    """The two-paragraph quote of the heimildin page is still continued into its second paragraph."""
    article = article_of("heimildin")
    first = next(q for q in article.quotes if q.text.startswith("Við fórum í einu"))
    assert first.outer is not None
    assert article.text[first.outer.end - 1] == "."  # runs to its paragraph's end, unclosed
    assert first.speaker is not None and first.speaker.name == "Pétur Már Hlöðversson"


def test_headline_repeated_in_the_body_is_dropped() -> None:
    """The ruv page's ``<h1>`` headline, which trafilatura keeps, is not part of the text."""
    assert not page_of("ruv").text.startswith("Lundum fækkar enn í Svartey")
    assert page_of("ruv").headings == ()


def test_rich_page_leaves_out_captions_tweets_boxes_and_comments() -> None:
    """The dv page's figure captions, embedded tweet, related boxes and comments are not in the text."""
    text = page_of("dv").text
    for left_out in (
        "Kanna af kranavatni",  # figure caption
        "Reikningurinn sem Delaney birti",  # caption with a quote in it
        "Just paid",  # embedded tweet
        "@markdtravels",
        "Sjá einnig",  # related article inside the body
        "Verðlag á Íslandi",
        "Tengdar fréttir",  # related-articles box
        "Þetta er bara Ísland í dag",  # a comment with a quote in it
        "Athugasemdir",
        "Mynd",  # photo credits
        "Deila",
    ):
        assert left_out not in text, left_out
    assert all("Ísland í dag" not in q.text for q in article_of("dv").quotes)


@pytest.mark.parametrize(
    ("name", "credit"),
    [("mbl", "Ljósmynd/Aðsend"), ("visir", "Vísir/Arnar"), ("dv", "Mynd: Skjáskot")],
)
def test_photo_credit_standing_alone_is_dropped(name: str, credit: str) -> None:
    """A photo credit that trafilatura keeps as a paragraph of its own is left out."""
    assert credit.encode() in html_of(name)
    assert credit not in page_of(name).text


def test_trailing_sections_are_dropped() -> None:
    """mbl's ``Bloggað um fréttina`` and ``Athugasemdir`` sections, kept by trafilatura, are cut."""
    text = page_of("mbl").text
    assert "Bloggað um fréttina" not in text
    assert "Athugasemdir" not in text
    assert "Fólk á ábyrgð" not in text
    assert text.endswith("segir Guðmundur Ari.")


# --- input, metadata and clean-up rules ------------------------------------------------------


def test_str_and_bytes_give_the_same_page() -> None:
    """A page given as text or as UTF-8 bytes gives the same result."""
    assert extract_page(html_of("visir").decode("utf-8")) == page_of("visir")


def test_bytes_are_decoded_by_the_declared_charset() -> None:
    """Bytes in the charset the page declares (Windows-1252 here) are decoded with it."""
    source = wrap(
        FILLER + "<p>„Þetta gekk vel,“ sagði Þórður Ævarsson.</p>", head='<meta charset="windows-1252">'
    )
    page = extract_page(source.encode("windows-1252"))
    assert page.text.endswith("„Þetta gekk vel,“ sagði Þórður Ævarsson.")


def test_url_gives_the_outlet_without_www() -> None:
    """The caller's URL overrides the page's canonical one; ``www.`` is dropped from the outlet."""
    article = Article.from_html(html_of("mbl"), url="https://www.example.is/frett/1")
    assert (article.url, article.outlet) == ("https://www.example.is/frett/1", "example.is")


def test_url_defaults_to_the_pages_canonical_address() -> None:
    """Without a URL, the page's own address gives ``Article.url`` and the outlet."""
    page = page_of("heimildin")
    assert page.url == "https://heimildin.is/grein/21543/baerinn-greiddi-radgjafa-90-milljonir-an-utbods/"
    assert page.outlet == "heimildin.is"


def test_published_is_the_date_when_the_page_gives_no_time() -> None:
    """Without a machine-readable time, ``published`` is trafilatura's date alone."""
    page = extract_page(wrap(FILLER, head='<title>Prufa</title><meta name="date" content="2024-01-05">'))
    assert page.published == "2024-01-05"


def test_page_without_metadata_gives_none() -> None:
    """A page without a byline, date or address has ``None`` for them."""
    page = extract_page(wrap(FILLER))
    assert (page.author, page.published, page.url, page.outlet) == (None, None, None, None)


def test_page_without_an_article_gives_empty_text() -> None:
    """A page with no text at all gives an article with empty text and no quotes."""
    article = Article.from_html("<html><body></body></html>", url="https://www.ruv.is/")
    assert (article.text, article.quotes, article.outlet) == ("", (), "ruv.is")


@pytest.mark.parametrize("html", [None, 12, ["<p>x</p>"], bytearray(b"<html></html>")])
def test_html_of_another_type_is_a_type_error(html: object) -> None:
    """``html`` must be ``str`` or ``bytes``."""
    with pytest.raises(TypeError, match="html must be str or bytes"):
        Article.from_html(html)  # type: ignore[arg-type]


def test_url_of_another_type_is_a_type_error() -> None:
    """``url`` must be ``str`` or ``None``."""
    with pytest.raises(TypeError, match="url must be str or None"):
        extract_page(wrap(FILLER), url=b"https://mbl.is")  # type: ignore[arg-type]


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction never opens a connection, even when given a URL."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("frettir.html tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = extract_page(html_of("ruv"), url="https://www.ruv.is/frettir/innlent/1")
    assert page.text == clean_text("ruv")


def test_line_break_starts_a_new_paragraph() -> None:
    """A ``<br>`` inside a paragraph splits it into two paragraphs of the text."""
    page = extract_page(wrap(FILLER + "<p>Fyrri lína.<br>Seinni lína.</p>"))
    assert page.text.endswith("Fyrri lína.\n\nSeinni lína.")


def test_embedded_post_is_left_out() -> None:
    """An embedded tweet kept as a block quote (text and ``— Name (@handle) date``) is left out."""
    tweet = (
        "<blockquote><p>Ég er búin að fá nóg af þessu.</p>&mdash; Anna Jónsdóttir (@annaj) "
        "<a href='https://twitter.com/annaj/status/1'>19. júlí 2024</a></blockquote>"
    )
    page = extract_page(wrap(FILLER + tweet + "<p>Fréttin heldur svo áfram hér.</p>"))
    assert "fá nóg" not in page.text
    assert "@annaj" not in page.text
    assert page.text.endswith("Fréttin heldur svo áfram hér.")


def test_box_of_links_goes_and_the_article_goes_on() -> None:
    """A related-articles title and the headlines after it go; the running text after them stays."""
    box = "<h3>Tengdar fréttir</h3><p>Vegagerðin varar við hálku</p><p>„Við erum reið“</p>"
    page = extract_page(wrap(FILLER + box + "<p>„Já,“ sagði Jón Jónsson að lokum.</p>"))
    assert page.text.split("\n\n")[1:] == ["„Já,“ sagði Jón Jónsson að lokum."]


def test_comments_end_the_article() -> None:
    """Everything from an ``Athugasemdir`` line on is left out."""
    comments = "<h3>Athugasemdir (2)</h3><p>„Frábært,“ segir lesandi.</p><p>Hér er meira spjall.</p>"
    page = extract_page(wrap(FILLER + comments))
    assert page.text == FILLER.removeprefix("<p>").removesuffix("</p>")


@pytest.mark.parametrize(
    "line",
    [
        "Ljósmynd/Aðsend",
        "Mynd: Skjáskot",
        "Myndir: Anton Brink",
        "mbl.is/Árni Sæberg",
        "Vísir/Vilhelm",
        "RÚV – Jóhann Gunnar Hermannsson",
        "AFP",
        "Deila",
        "Deila á Facebook | Tísti",
        "Skráðu þig á póstlistann",
        "Gerast áskrifandi Heimildin er fjármögnuð af lesendum.",
        "Sjá einnig: Verðlag á Íslandi hvergi hærra í Evrópu",
        "Lesa meira Útboðum sveitarfélaga fækkar",
        "Auglýsing",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    """These lines are boilerplate wherever they stand."""
    assert BOILERPLATE.fullmatch(line)


@pytest.mark.parametrize(
    "line",
    [
        "Mynd af ráðherranum birtist í gær.",
        "Deila um kvóta harðnar enn.",
        "AFP greinir frá því að tveir hafi látist.",
        "„Þetta er mynd af ástandinu,“ segir Jón.",
        "Vísir greindi fyrst frá málinu.",
        "Athugasemdir bárust frá fjórum stofnunum.",
    ],
)
def test_running_text_is_not_boilerplate(line: str) -> None:
    """Sentences that merely start like boilerplate are kept."""
    assert not BOILERPLATE.fullmatch(line)
    assert not END_MARKERS.fullmatch(line)
    assert not BOX_MARKERS.fullmatch(line)


# --- command line ----------------------------------------------------------------------------


def test_cli_reads_an_html_file_as_a_web_page(capsys: pytest.CaptureFixture[str]) -> None:
    """``frettir extract page.html`` extracts the article before looking for quotes."""
    assert main(["extract", "--json", str(FIXTURES / "ruv.html")]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    expected = article_of("ruv")
    assert [(q["kind"], q["start"], q["end"], q["speaker"]) for q in record["quotes"]] == [
        (q.kind, q.span.start, q.span.end, q.speaker.name if q.speaker else None) for q in expected.quotes
    ]


def test_cli_detects_html_by_its_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that starts with ``<!DOCTYPE`` is read as a web page whatever its name."""
    path = tmp_path / "frett.txt"
    path.write_bytes(html_of("visir"))
    assert main(["extract", "--json", str(path)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert [q["text"] for q in record["quotes"]] == [q.text for q in article_of("visir").quotes]


# --- pages that used to lose text silently (issue 14) ---------------------------------------

_PARAGRAPHS = "".join(
    f"<p>„Við komum aftur á mánudag {n},“ sagði Þórður Ævarsson á fundinum í gær. "
    f"Hann sagði að veðrið hefði verið gott og að fólkið færi heim {n}.</p>"
    for n in range(3)
)


def _page(body: str, head: str = "<title>Frétt</title>") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize("depth", [10, 300, 1500])
def test_a_deeply_nested_article_is_read_whole(depth: int) -> None:
    """More than 255 nested elements (trafilatura's parser stopped there) still give all the text."""
    page = _page("<div>" * depth + _PARAGRAPHS + "</div>" * depth)
    text = extract_page(page).text
    assert text.count("sagði Þórður Ævarsson") == 3


def test_a_page_nested_past_libxml2s_limit_is_a_clear_error() -> None:
    """Beyond 2,048 levels the text cannot be read whole: an InputError says so."""
    page = _page("<div>" * 2100 + _PARAGRAPHS + "</div>" * 2100)
    with pytest.raises(InputError, match="nests its elements more than 2048 deep"):
        extract_page(page)


def test_a_lone_surrogate_in_a_str_page_does_not_cut_the_text() -> None:
    """A lone surrogate becomes U+FFFD; the text after it is kept."""
    page = _page(_PARAGRAPHS.replace("sagði Þórður", "sagði \udc80Þórður", 1))
    text = extract_page(page).text
    assert "\ufffdÞórður" in text
    assert text.count("fólkið færi heim") == 3


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_bytes_declared_utf8_read_right(encoding: str) -> None:
    """A page saved in a one-byte charset but declared UTF-8 reads as Icelandic, not mojibake."""
    page = _page(
        _PARAGRAPHS.replace("„", '"').replace("“", '"'), head='<meta charset="utf-8"><title>F</title>'
    )
    text = extract_page(page.encode(encoding)).text
    assert "sagði Þórður Ævarsson" in text and "veðrið" in text


def test_utf8_with_one_bad_byte_keeps_every_other_letter() -> None:
    """Declared UTF-8 with one stray byte: that byte is U+FFFD, the rest is UTF-8."""
    data = _page(_PARAGRAPHS, head='<meta charset="utf-8"><title>F</title>').encode("utf-8")
    data = data.replace("mánudag 1".encode(), b"m\xe1nudag 1")
    text = extract_page(data).text
    assert "m\ufffdnudag 1" in text and text.count("sagði Þórður Ævarsson") == 3


def test_a_page_larger_than_trafilaturas_limit_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_PAGE_SIZE (20 MB, trafilatura's own limit) the page is refused with an InputError."""
    monkeypatch.setattr(frettir.html, "MAX_PAGE_SIZE", 1000)
    page = _page(_PARAGRAPHS * 5)
    with pytest.raises(InputError, match="more than 1000"):
        extract_page(page)
    with pytest.raises(InputError, match="bytes, more than 1000"):
        extract_page(page.encode("utf-8"))
