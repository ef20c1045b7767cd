r"""Articles from web pages: main text and metadata via trafilatura, cleaned for Icelandic outlets.

:func:`extract_page` turns a page into a :class:`Page` (body text and metadata, no parsing);
:meth:`Article.from_html <frettir.Article.from_html>` reads that text like
:meth:`Article.from_text <frettir.Article.from_text>` and adds the metadata.

**The text.** trafilatura finds the article body; this module never extracts text itself, and
nothing here touches the network (trafilatura is only ever given the page, never a URL to
fetch). The body is rebuilt block by block so that its structure survives:

* every paragraph, list item and heading of the body is its own paragraph of
  :attr:`Page.text`, and paragraphs are separated by a blank line (``"\n\n"``), so
  :attr:`Article.paragraphs <frettir.Article.paragraphs>` are the page's paragraphs and a
  quote that runs over several paragraphs is still seen as one;
* a line break (``<br>``) inside a paragraph also starts a new paragraph;
* a heading inside the body stays a paragraph of its own (:attr:`Page.headings` says which),
  so it never runs into the quote that follows it;
* white space inside a paragraph is collapsed to single spaces (no-break spaces included);
  tables, images and figure captions are left out.

Offsets of quotes refer to :attr:`Article.text <frettir.Article.text>`, which is this
extracted text, not the HTML source.

**Clean-up.** trafilatura keeps some lines that Icelandic outlets put in or after the body.
They are recognised by their text alone (never by an outlet's class names, which change),
and only when they stand alone as a whole paragraph:

* :data:`END_MARKERS` (``Athugasemdir``, ``Bloggað um fréttina``): comments and blog
  reactions follow the article, so the text ends before such a line;
* :data:`BOX_MARKERS` (``Fleira áhugavert``, ``Fleiri fréttir``, ``Tengdar fréttir``,
  ``Lesa meira``, ...): the title of a box of links; the title goes, and so do the headlines
  after it (list items, headings, and lines that do not end a sentence), up to the next
  paragraph of running text;
* :data:`BOILERPLATE` lines go wherever they stand: photo credits (``Ljósmynd/Aðsend``,
  ``Mynd: Skjáskot``, ``mbl.is/Árni Sæberg``, ``Vísir/Vilhelm``, ``RÚV – Jóhann Gunnar``),
  share and subscription lines (``Deila``, ``Tísti``, ``Skráðu þig á póstlistann``,
  ``Gerast áskrifandi``), links to other articles (``Sjá einnig: ...``, ``Lesa meira ...``),
  and what is left of embedded posts;
* at the start of the text, a paragraph that repeats the headline or is the byline.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, Final

import attrs
import lxml.etree  # type: ignore[import-untyped]  # lxml ships no type information
import lxml.html  # type: ignore[import-untyped]  # (and lxml-stubs is not a dependency)
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import decode_file, repair_faulty_html

from frettir._pipeline import outlet_of
from frettir.errors import InputError
from frettir.model import Span

__all__ = ["BOILERPLATE", "BOX_MARKERS", "END_MARKERS", "MAX_PAGE_SIZE", "Page", "extract_page"]


def _whole(*patterns: str) -> re.Pattern[str]:
    """Compile alternatives that must match a whole paragraph, case-insensitively."""
    return re.compile(r"(?:" + "|".join(patterns) + r")\s*[:.]?", re.IGNORECASE)


END_MARKERS: Final = _whole(
    r"Athugasemdir(?:\s*\(\d+\))?",
    r"Ummæli(?:\s*\(\d+\))?",
    r"Skrifa(?:ðu)? athugasemd",
    r"Bloggað um fréttina",
)
"""A line that starts the comments or blog reactions; the article text ends before it."""

BOX_MARKERS: Final = _whole(
    r"Fleira áhugavert",
    r"Fleiri fréttir",
    r"Fleiri greinar",
    r"Tengdar fréttir",
    r"Tengdar greinar",
    r"Tengt efni",
    r"Meira um málið",
    r"Mest lesið",
    r"Nýjast",
    r"Nýjustu fréttir",
    r"Lesa meira",
    r"Lestu meira",
    r"Sjá einnig",
    r"Þér gæti einnig líkað",
)
"""The title of a box of links to other articles; it goes, and so do the headlines after it."""

_CREDIT_SOURCE: Final = (
    r"(?:mbl\.is|Morgunblaðið|Vísir|Stöð 2|RÚV|DV|Heimildin|Fréttablaðið|Kjarninn|Stundin|Viðskiptablaðið"
    r"|AFP|AP|EPA|Reuters|Getty(?: Images)?|Shutterstock|Colourbox|Unsplash|Facebook|Instagram|X)"
)
_CREDIT_TAIL: Final = r"[^.!?„“\"]{1,60}"
_EMBED_SIGNATURE: Final = r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+(?:\w+\.? \d{1,2},?|\d{1,2}\.? \w+) \d{4}"
_EMBED: Final = re.compile(_EMBED_SIGNATURE + r"\s*$")

BOILERPLATE: Final = _whole(
    # Photo credits standing alone.
    r"(?:Ljósmynd|Ljósm\.|Mynd|Myndir|Myndskeið|Skjáskot|Skjámynd)(?:\s*[:/–—-]\s*" + _CREDIT_TAIL + r")?",
    r"Aðsend(?: mynd)?|Mynd úr safni",
    _CREDIT_SOURCE + r"(?:\s*[:/–—-]\s*" + _CREDIT_TAIL + r")?",
    # Share, print and subscription lines.
    r"(?:(?:Deila|Deildu|Tísti|Tísta|Senda|Prenta|Afrita hlekk|Facebook|Twitter|X|LinkedIn|Messenger"
    r"|Netfang|á Facebook|á X|frétt(?:inni)?)[\s:,|]*)+",
    r"Skráðu þig (?:á póstlista(?:nn)?|á fréttabréf(?:ið)?|inn)\b.*",
    r"(?:Gerast|Gerstu|Gerðu) áskrif(?:andi|t)\b.*",
    r"Fáðu (?:fréttir|fréttabréf)\b.{0,80}(?:pósthólf|tölvupóst)\w*",
    r"Styrkja blaðamennsku|Skrá mig|Áskrift|Auglýsing",
    # Links to other articles inside the body.
    r"(?:Sjá einnig|Sjá líka|Lestu einnig|Lesa einnig|Lesa meira|Lestu meira|Tengd frétt|Tengt)"
    r"\s*:?\s.{0,200}",
    # What is left of an embedded post.
    r".{0,600}" + _EMBED_SIGNATURE,
    r"(?:View this post on Instagram|Skoða(?:ðu)? þessa færslu á Instagram|A post shared by .{1,80})",
)
"""A paragraph that is boilerplate wherever it stands (credits, sharing, links, embeds)."""

_BLOCK_TAGS: Final = frozenset({"p", "head", "item", "list", "quote", "code", "div", "row", "cell"})
"""trafilatura's XML elements that start a paragraph; others (``hi``, ``ref``...) are inline."""
_SKIPPED_TAGS: Final = frozenset({"table", "graphic", "figure"})
_SENTENCE_END: Final = re.compile(r"[.!?…:][\s\"'„“”‘’»«)\]]*$")
_EMAIL: Final = re.compile(r"\S+@\S+\.\w+")
_DATE_META: Final = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publish-date",
    "date",
    "dc.date.issued",
)
_DECLARED_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


@attrs.frozen(kw_only=True)
class Page:
    """The article found in a web page: its text and metadata, before any quote is looked for.

    Attributes:
        text: The body, paragraphs separated by a blank line; what
            :attr:`Article.text <frettir.Article.text>` will be.
        title: The headline, if the page gives one.
        author: The byline, if the page gives one (several names are joined by ``"; "``).
        published: The publication time as an ISO 8601 string: date and time with its UTC
            offset when the page's metadata give them, else only the date; ``None`` if unknown.
        url: The address given by the caller, else the page's own canonical address, if any.
        outlet: The host of :attr:`url` without ``www.`` (``mbl.is``), if known.
        headings: The spans of :attr:`text` that were headings in the page.
    """

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    headings: tuple[Span, ...] = ()


@attrs.frozen
class _Block:
    text: str
    tag: str


def extract_page(html: str | bytes, *, url: str | None = None) -> Page:
    r"""Find the article in a web page and clean it for quote extraction.

    Args:
        html: The page, as text or as bytes. Bytes are decoded by a byte-order mark, else
            by the charset the page declares; bytes not valid in it (or with no declaration)
            as UTF-8 if they are, as windows-1252 if they hold no UTF-8 at all (a Latin-1
            page declared UTF-8), else as UTF-8 with each bad byte replaced. A lone
            surrogate in a ``str`` becomes U+FFFD.
        url: The page's address. It is never fetched; it gives :attr:`Page.outlet` and
            helps trafilatura with the metadata.

    Returns:
        The body text and metadata. A page without an article gives a :class:`Page` whose
        text is empty.

    Raises:
        TypeError: If ``html`` is neither ``str`` nor ``bytes``, or ``url`` is neither
            ``str`` nor ``None``.
        InputError: If the page cannot be read whole: it is larger than
            :data:`MAX_PAGE_SIZE`, or nests its elements more than 2,048 deep.

    >>> page = extract_page(
    ...     "<html><body><article><h1>Jón kemur</h1>"
    ...     "<p>„Já, ég kem,“ sagði Jón Jónsson.</p>"
    ...     "<h2>Ferðin</h2><p>Hann kemur á morgun.</p><p>Deila</p>"
    ...     "</article></body></html>",
    ...     url="https://www.mbl.is/frettir/1",
    ... )
    >>> page.title, page.outlet
    ('Jón kemur', 'mbl.is')
    >>> print(page.text)
    „Já, ég kem,“ sagði Jón Jónsson.
    <BLANKLINE>
    Ferðin
    <BLANKLINE>
    Hann kemur á morgun.
    >>> [page.text[h.start : h.end] for h in page.headings]
    ['Ferðin']
    """
    source = _decode(html)
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be str or None, not {type(url).__name__}")
    tree = _parse(source)
    if tree is None:
        return Page(text="", url=url, outlet=outlet_of(url))
    document = _extract(tree, url)
    if document is None:
        return Page(text="", url=url, outlet=outlet_of(url))
    page_url = url or _str_or_none(document.url)
    title = _str_or_none(document.title)
    author = _str_or_none(document.author)
    blocks = _clean(list(_blocks(document.body)), title=title, author=author)
    text, headings = _join(blocks)
    return Page(
        text=text,
        title=title,
        author=author,
        published=_published(tree, _str_or_none(document.date)),
        url=page_url,
        outlet=outlet_of(page_url),
        headings=headings,
    )


MAX_PAGE_SIZE: Final = 20_000_000
"""The largest page read, in bytes (or characters for a ``str``): trafilatura's own limit.

trafilatura refuses a larger file when it reads one itself (its ``MAX_FILE_SIZE``); frettir
hands it a parsed page, so it checks the size here and says so rather than read for hours.
"""

_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_UTF8_NAMES: Final = frozenset({"utf-8", "utf8", "utf_8"})


def _check_size(html: str | bytes) -> None:
    if len(html) > MAX_PAGE_SIZE:
        unit = "bytes" if isinstance(html, bytes) else "characters"
        raise InputError(
            f"the page has {len(html)} {unit}, more than {MAX_PAGE_SIZE} (frettir.html.MAX_PAGE_SIZE, "
            "trafilatura's limit): find the article's text another way and read it with Article.from_text"
        )


def _decode(html: object) -> str:
    """The page as text: a ``str`` as it is (lone surrogates made U+FFFD), bytes decoded.

    Bytes are decoded by a byte-order mark, else by the declared charset. Bytes that are not
    valid in the charset they declare, or that declare none, are read as UTF-8 if they are;
    else, if they hold no UTF-8 sequence at all, as windows-1252 (which covers Latin-1 and every
    Icelandic letter: an old page saved in Latin-1 but declared UTF-8 reads right); else as
    UTF-8 with each bad byte replaced by U+FFFD; trafilatura's charset detection is the last
    resort. No text is dropped.
    """
    if isinstance(html, str):
        _check_size(html)
        # lxml cannot take a lone surrogate: it would cut the text there
        return _SURROGATE.sub("\ufffd", html)
    if not isinstance(html, bytes):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    _check_size(html)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if html.startswith(bom):
            return html.decode(encoding, errors="replace").lstrip("\ufeff")
    declared = _DECLARED_CHARSET.search(html[:4096])
    name = declared[1].decode("ascii").lower() if declared is not None else "utf-8"
    if name not in _UTF8_NAMES:
        try:
            return html.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: read it as below
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = html.decode("utf-8", errors="replace")
    if all(c.isascii() or c == "\ufffd" for c in lenient):  # not one UTF-8 sequence: a one-byte charset
        try:
            return html.decode("cp1252")
        except UnicodeDecodeError:
            return html.decode("latin-1")
    if declared is not None or lenient.count("\ufffd") * 100 < len(lenient):
        return lenient  # UTF-8 with a few bad bytes: each is U+FFFD
    return decode_file(html)


def _parse(source: str) -> Any:
    """Parse the page as trafilatura's ``load_html`` does, but as deep as libxml2 can go.

    trafilatura's parser stops at 256 nested elements and silently drops what is deeper (the
    whole article, on some pages); with libxml2's huge-tree option the limit is 2,048. A page
    nested deeper still cannot be read whole: that is an :class:`~frettir.InputError`.
    """
    options = {"collect_ids": False, "default_doctype": False, "remove_comments": True, "remove_pis": True}
    parser = lxml.html.HTMLParser(huge_tree=True, **options)
    repaired = repair_faulty_html(source, source[:50].lower())
    try:
        tree = lxml.html.fromstring(repaired, parser=parser)
    except ValueError:  # a str with an XML encoding declaration: lxml wants bytes
        parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8", **options)
        try:
            tree = lxml.html.fromstring(repaired.encode("utf-8"), parser=parser)
        except lxml.etree.LxmlError:
            return None
    except lxml.etree.LxmlError:  # an empty document
        return None
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise InputError(
            "the page nests its elements more than 2048 deep (libxml2's limit), so its text "
            "cannot be read whole; find the article's text another way and use Article.from_text"
        )
    if "html" not in source[:50].lower() and len(tree) < 2:
        return trafilatura.load_html(source)  # not quite HTML: trafilatura's own checks decide
    return tree


def _extract(tree: Any, url: str | None) -> Document | None:
    """Run trafilatura on the page: precise first, its balanced default if that finds nothing."""
    for precise in (True, False):
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=precise,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
        if isinstance(document, Document) and document.body is not None and len(document.body):
            return document
    return None


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _blocks(body: Any) -> Iterator[_Block]:
    """Yield the paragraphs of trafilatura's XML body in order, white space collapsed.

    A block element (``p``, ``head``, ``item``, ...) or a line break ends the paragraph
    before it; inline elements (``hi``, ``ref``, ...) and tails continue it. A ``quote`` that
    is an embedded post (it ends in a ``(@handle) date`` signature) is left out whole.
    """
    buffer: list[str] = []

    def flush(tag: str) -> Iterator[_Block]:
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            yield _Block(text, tag)

    def walk(element: Any, tag: str) -> Iterator[_Block]:
        if element.text:
            buffer.append(element.text)
        for child in element:
            name = child.tag if isinstance(child.tag, str) else ""
            if name in _BLOCK_TAGS or name in _SKIPPED_TAGS or name == "lb":
                yield from flush(tag)
                embedded = name == "quote" and _EMBED.search(" ".join(child.itertext())) is not None
                if name in _BLOCK_TAGS and not embedded:
                    inner = tag if name == "list" else name
                    yield from walk(child, inner)
                    yield from flush(inner)
            elif name:
                yield from walk(child, tag)  # inline: the paragraph goes on
            if child.tail:
                buffer.append(child.tail)

    yield from walk(body, "p")
    yield from flush("p")


def _same(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()).casefold().rstrip(".") == " ".join(b.split()).casefold()


def _is_byline(text: str, author: str | None) -> bool:
    if author is None:
        return False
    rest = _EMAIL.sub(" ", text)
    rest = re.sub(
        r"^\s*(?:Höfundur|Höfundar|Eftir)\s*:?\s*|\s+skrifa(?:r)?\s*$", " ", rest, flags=re.IGNORECASE
    )
    names = [n.strip() for n in re.split(r";|,| og ", author) if n.strip()]
    left = rest
    for name in names:
        left = left.replace(name, " ")
    return not left.strip(" ,;|–—-") and left != rest


def _clean(blocks: list[_Block], *, title: str | None, author: str | None) -> list[_Block]:
    """Drop the boilerplate paragraphs described in the module docstring."""
    kept: list[_Block] = []
    in_box = False
    for block in blocks:
        text = block.text
        if END_MARKERS.fullmatch(text):
            break
        if BOX_MARKERS.fullmatch(text):
            in_box = True
            continue
        if in_box:
            if block.tag in ("item", "head") or not _SENTENCE_END.search(text) or BOILERPLATE.fullmatch(text):
                continue
            in_box = False
        if BOILERPLATE.fullmatch(text):
            continue
        if not any(b.tag != "head" for b in kept) and (_same(text, title) or _is_byline(text, author)):
            continue
        kept.append(block)
    return kept


def _join(blocks: list[_Block]) -> tuple[str, tuple[Span, ...]]:
    parts: list[str] = []
    headings: list[Span] = []
    start = 0
    for block in blocks:
        if block.tag == "head":
            headings.append(Span(start=start, end=start + len(block.text)))
        parts.append(block.text)
        start += len(block.text) + 2
    return "\n\n".join(parts), tuple(headings)


def _published(tree: Any, day: str | None) -> str | None:
    """Return the publication time with its UTC offset if the page gives one for ``day``.

    trafilatura (through htmldate) finds the publication date well but keeps only the day;
    the time comes from the page's metadata (``article:published_time``, JSON-LD
    ``datePublished``, ``<time datetime>``) when one of them falls on that day.
    """
    for candidate in _date_candidates(tree):
        try:
            moment = datetime.fromisoformat(candidate.strip())
        except ValueError:
            continue
        if len(candidate.strip()) <= 10:  # a date without a time adds nothing to the day
            continue
        if day is None or moment.date().isoformat() == day:
            return moment.isoformat(timespec="seconds")
    if day is None:
        return None
    try:
        return date.fromisoformat(day).isoformat()
    except ValueError:
        return None


def _date_candidates(tree: Any) -> Iterator[str]:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META and meta.get("content"):
            yield str(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            yield from _json_dates(data)
    for element in tree.iter("time"):
        if element.get("datetime") and (
            element.get("itemprop") == "datePublished" or "published" in (element.get("class") or "")
        ):
            yield str(element.get("datetime"))


def _json_dates(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            yield value
        for item in data.values():
            if isinstance(item, dict | list):
                yield from _json_dates(item)
    elif isinstance(data, list):
        for item in data:
            yield from _json_dates(item)
