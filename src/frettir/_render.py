"""Rendering an article's quotes: the tree of marks, the HTML page, the terminal text, the rows.

This is the machinery behind :mod:`frettir.views` (whose docs describe what each view shows)
and behind :meth:`Article.to_rows <frettir.Article.to_rows>` and ``Article._repr_html_``. It
sits below :mod:`frettir.article` and knows only the model: an article is anything with the
attributes of :class:`Document`.

Every view is built from one tree of nested marks over the article text (quotes, mentions,
cues), so that they all agree on what is marked where. The text itself is never changed: the
labels of the HTML page are drawn by CSS, so the page's text content of the article is
``article.text`` exactly.
"""

from __future__ import annotations

import csv
import heapq
import html as html_
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final, Literal, Protocol, TextIO

import attrs

from frettir.model import Quote, Speaker

if TYPE_CHECKING:
    from rich.text import Text


class Document(Protocol):
    """What rendering reads of an article (:class:`frettir.Article` has it all)."""

    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...
    @property
    def speakers(self) -> tuple[Speaker, ...]: ...


COLUMNS: Final = (
    "article_id",
    "kind",
    "start",
    "end",
    "speaker",
    "speaker_kind",
    "speaker_title",
    "cue",
    "confidence",
    "rule",
    "medium",
    "text",
)
"""The columns of a quote row, in order (see :func:`frettir.views.to_rows`)."""

Row = dict[str, str | int | float | None]
# One quote as a flat row: the keys are COLUMNS (documented in docs/api/views.rst).

PALETTE: Final = (
    ("#ffd8a8", "#d9480f"),
    ("#a5d8ff", "#1864ab"),
    ("#b2f2bb", "#2b8a3e"),
    ("#eebefa", "#862e9c"),
    ("#ffec99", "#e67700"),
    ("#ffc9c9", "#c92a2a"),
    ("#99e9f2", "#0b7285"),
    ("#d0bfff", "#5f3dc4"),
    ("#c0eb75", "#5c940d"),
    ("#fcc2d7", "#a61e4d"),
)
"""``(light, dark)`` colour pairs, one per speaker in order of first mention, then again.

The light colour fills a direct quote; the dark one underlines it and labels it. A quote
whose speaker is unknown is grey.
"""

_UNKNOWN: Final = ("#e9ecef", "#495057")
_NO_SPEAKER: Final = "?"

_Role = Literal["quote", "mention", "cue"]
_RANK: Final[dict[_Role, int]] = {"quote": 0, "mention": 1, "cue": 2}
"""At the same span, a quote holds a mention, which holds a cue."""


@attrs.frozen(kw_only=True)
class _Mark:
    """One marked range of the text: a quote, a speaker's mention or a cue word."""

    start: int
    end: int
    role: _Role
    quote: Quote | None = None
    speaker: Speaker | None = None
    part: int = 0
    """0 for a whole mark; 1, 2, … for the pieces of one that crossed another mark."""


@attrs.define
class _Node:
    start: int
    end: int
    mark: _Mark | None
    children: list[_Node] = attrs.Factory(list)


def _marks(article: Document) -> Iterator[_Mark]:
    for quote in article.quotes:
        span = quote.outer if quote.outer is not None else quote.span
        yield _Mark(start=span.start, end=span.end, role="quote", quote=quote, speaker=quote.speaker)
    for speaker in article.speakers:
        for mention in speaker.mentions:
            yield _Mark(start=mention.start, end=mention.end, role="mention", speaker=speaker)
    cues = {(q.cue_span.start, q.cue_span.end): q for q in article.quotes if q.cue_span is not None}
    for (start, end), quote in sorted(cues.items()):
        yield _Mark(start=start, end=end, role="cue", quote=quote, speaker=quote.speaker)


def _tree(article: Document) -> _Node:
    """Nest the marks of ``article`` into a tree; a mark that crosses an open one is split.

    Marks are taken by start, the longer first; a mark that ends past the mark holding it
    ends there, and its rest is taken again later as a further part.
    """
    root = _Node(0, len(article.text), None)
    queue = [(m.start, -m.end, _RANK[m.role], n, m) for n, m in enumerate(_marks(article))]
    heapq.heapify(queue)
    counter = len(queue)
    stack = [root]
    while queue:
        _, _, rank, _, mark = heapq.heappop(queue)
        if mark.start >= mark.end:
            continue
        while len(stack) > 1 and stack[-1].end <= mark.start:
            stack.pop()
        top = stack[-1]
        if mark.end > top.end:
            rest = attrs.evolve(mark, start=top.end, part=mark.part + 1 if mark.part else 2)
            heapq.heappush(queue, (rest.start, -rest.end, rank, counter, rest))
            counter += 1
            mark = attrs.evolve(mark, end=top.end, part=mark.part or 1)
        node = _Node(mark.start, mark.end, mark)
        top.children.append(node)
        stack.append(node)
    return root


def _pieces(node: _Node, text: str) -> Iterator[str | _Node]:
    """The text and the child nodes of ``node``, in order."""
    at = node.start
    for child in node.children:
        if child.start > at:
            yield text[at : child.start]
        yield child
        at = child.end
    if node.end > at:
        yield text[at : node.end]


def _colours(article: Document) -> dict[str, int]:
    """Each speaker's index into :data:`PALETTE`, by name, in order of first mention."""
    return {speaker.name: n % len(PALETTE) for n, speaker in enumerate(article.speakers)}


def _label(quote: Quote) -> str:
    name = quote.speaker.name if quote.speaker is not None else _NO_SPEAKER
    return f"{name} · {quote.cue}" if quote.cue else name


def _counts(article: Document, speaker: Speaker) -> str:
    quotes = [q for q in article.quotes if q.speaker is not None and q.speaker.name == speaker.name]
    direct = sum(q.kind == "direct" for q in quotes)
    indirect = len(quotes) - direct
    return f"{direct} direct, {indirect} indirect"


# -- HTML ---------------------------------------------------------------------------------

_CSS: Final = """
.frettir{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;
  max-width:52rem;margin:0 auto;padding:1rem}
.frettir h1{font-size:1.5rem;margin:.2rem 0}
.frettir .meta{color:#6c757d;font-size:.85rem;margin:0 0 1rem}
.frettir .legend{border:1px solid #dee2e6;border-radius:6px;padding:.5rem .8rem;margin:0 0 1rem;
  font-size:.9rem}
.frettir .legend ul{list-style:none;margin:.3rem 0;padding:0}
.frettir .legend li{margin:.15rem 0}
.frettir .swatch{display:inline-block;width:.9em;height:.9em;border-radius:3px;vertical-align:-.1em;
  margin-right:.4em;background:var(--light);border:2px solid var(--dark)}
.frettir .legend .titles,.frettir .legend .count{color:#495057}
.frettir .key{color:#495057;font-size:.8rem}
.frettir .key span{margin-right:.8rem}
.frettir .text{white-space:pre-wrap;line-height:2.3}
.frettir mark.quote{color:inherit;padding:.1em 0;border-radius:2px}
.frettir mark.quote::before{content:attr(data-label);font-size:.65rem;font-weight:600;
  color:#fff;background:var(--dark);border-radius:3px;padding:0 .3em;margin-right:.25em;
  vertical-align:.35em;white-space:nowrap;line-height:1}
.frettir mark.quote[data-part]:not([data-part="1"])::before{content:none}
.frettir mark.direct{background:var(--light);box-shadow:inset 0 -2px 0 var(--dark)}
.frettir mark.indirect{background:transparent;border-bottom:2px dashed var(--dark)}
.frettir mark.indirect::before{background:transparent;color:var(--dark);border:1px dashed var(--dark)}
.frettir .mention{font-weight:700;color:var(--dark);border-bottom:2px solid var(--dark)}
.frettir .cue{font-style:italic;text-decoration:underline dotted #495057}
.frettir .s-none{--light:#e9ecef;--dark:#495057}
"""


def _speaker_css() -> str:
    return "".join(
        f".frettir .s{n}{{--light:{light};--dark:{dark}}}\n" for n, (light, dark) in enumerate(PALETTE)
    )


def _css() -> str:
    return _CSS.lstrip() + _speaker_css()


def _esc(value: object) -> str:
    return html_.escape(str(value), quote=True)


def _speaker_class(speaker: Speaker | None, colours: Mapping[str, int]) -> str:
    if speaker is None or speaker.name not in colours:
        return "s-none"
    return f"s{colours[speaker.name]}"


def _open_tag(mark: _Mark, colours: Mapping[str, int]) -> tuple[str, str]:
    speaker_class = _speaker_class(mark.speaker, colours)
    part = f' data-part="{mark.part}"' if mark.part else ""
    if mark.role == "quote":
        quote = mark.quote
        assert quote is not None
        speaker = quote.speaker.name if quote.speaker is not None else ""
        title = f"{quote.kind} quote by {speaker or 'an unknown speaker'}"
        if quote.cue:
            title += f", cue {quote.cue}"
        title += f" (rule {quote.rule or '-'}, confidence {quote.confidence:.2f})"
        attributes = (
            f'class="quote {quote.kind} {speaker_class}" data-kind="{quote.kind}" '
            f'data-speaker="{_esc(speaker)}" data-cue="{_esc(quote.cue or "")}" '
            f'data-start="{quote.span.start}" data-end="{quote.span.end}" '
            f'data-label="{_esc(_label(quote))}" title="{_esc(title)}"{part}'
        )
        return f"<mark {attributes}>", "</mark>"
    name = mark.speaker.name if mark.speaker is not None else ""
    if mark.role == "mention":
        return f'<span class="mention {speaker_class}" data-speaker="{_esc(name)}"{part}>', "</span>"
    return f'<span class="cue" data-speaker="{_esc(name)}"{part}>', "</span>"


def _html_text(node: _Node, text: str, colours: Mapping[str, int], out: list[str]) -> None:
    for piece in _pieces(node, text):
        if isinstance(piece, str):
            out.append(html_.escape(piece, quote=False))
            continue
        assert piece.mark is not None
        opening, closing = _open_tag(piece.mark, colours)
        out.append(opening)
        _html_text(piece, text, colours, out)
        out.append(closing)


def _legend(article: Document, colours: Mapping[str, int]) -> str:
    items = []
    for speaker in article.speakers:
        titles = f' <span class="titles">({_esc(", ".join(speaker.titles))})</span>' if speaker.titles else ""
        items.append(
            f'<li class="speaker {_speaker_class(speaker, colours)}" data-speaker="{_esc(speaker.name)}">'
            f'<span class="swatch"></span><b class="name">{_esc(speaker.name)}</b>{titles}'
            f' <span class="kind">{_esc(speaker.kind)}</span>;'
            f' <span class="count">{_counts(article, speaker)}</span></li>'
        )
    unknown = sum(q.speaker is None for q in article.quotes)
    if unknown:
        items.append(
            f'<li class="speaker s-none" data-speaker=""><span class="swatch"></span>'
            f'<b class="name">unknown speaker</b>; <span class="count">{unknown} quote(s)</span></li>'
        )
    listing = "\n".join(items) if items else "<li>No quotes found.</li>"
    total = len(article.quotes)
    return (
        f'<section class="legend"><b>{total} quote{"" if total == 1 else "s"},'
        f" {len(article.speakers)} speaker{'' if len(article.speakers) == 1 else 's'}</b>\n"
        f"<ul>\n{listing}\n</ul>\n"
        '<div class="key"><span><mark class="quote direct s-none" data-label="speaker · cue">'
        "„direct“</mark></span>"
        '<span><mark class="quote indirect s-none" data-label="speaker · cue">indirect</mark></span>'
        '<span class="mention s-none">speaker</span><span class="cue">cue</span></div></section>'
    )


def _section(article: Document, *, id: str | None = None) -> str:
    colours = _colours(article)
    body: list[str] = []
    _html_text(_tree(article), article.text, colours, body)
    heading = f"<h1>{_esc(article.title)}</h1>\n" if article.title else ""
    meta = [value for value in (id, article.outlet, article.author, article.published) if value]
    if article.url:
        meta.append(article.url)
    meta_line = f'<p class="meta">{" · ".join(_esc(value) for value in meta)}</p>\n' if meta else ""
    ident = f' data-id="{_esc(id)}"' if id is not None else ""
    return (
        f'<div class="frettir"{ident}>\n{heading}{meta_line}{_legend(article, colours)}\n'
        f'<div class="text" lang="is">{"".join(body)}</div>\n</div>'
    )


def html(article: Document, *, standalone: bool) -> str:
    """The HTML view (:func:`frettir.render_html`): a whole page, or a fragment for Jupyter."""
    return _page([_section(article)], title=article.title) if standalone else _fragment([_section(article)])


def _fragment(sections: Iterable[str]) -> str:
    return f"<style>\n{_css()}</style>\n" + "\n".join(sections)


def _page(sections: Iterable[str], *, title: str | None) -> str:
    """A whole HTML page holding the rendered ``sections``."""
    heading = _esc(title) if title else "frettir: who said what"
    return (
        '<!DOCTYPE html>\n<html lang="is">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>\nbody{{margin:0;background:#fff}}\n{_css()}</style>\n"
        "</head>\n<body>\n" + "\n".join(sections) + "\n</body>\n</html>\n"
    )


def pages(articles: Iterable[tuple[str | None, Document]]) -> str:
    """Return one HTML page with a section for each ``(id, article)`` (``extract --format html``)."""
    chosen = list(articles)
    title = chosen[0][1].title if len(chosen) == 1 else None
    return _page([_section(article, id=ident) for ident, article in chosen], title=title)


# -- terminal ---------------------------------------------------------------------------


def _plain_text(node: _Node, text: str, out: list[str]) -> None:
    for piece in _pieces(node, text):
        if isinstance(piece, str):
            out.append(piece)
        elif piece.mark is not None and piece.mark.role == "quote" and piece.mark.quote is not None:
            quote = piece.mark.quote
            out.append("[")
            _plain_text(piece, text, out)
            out.append(f"]({quote.kind}: {_label(quote)})")
        else:
            _plain_text(piece, text, out)


def _rich_text(node: _Node, text: str, colours: Mapping[str, int], out: Text) -> None:
    for piece in _pieces(node, text):
        if isinstance(piece, str):
            out.append(piece)
            continue
        mark = piece.mark
        assert mark is not None
        light, dark = PALETTE[colours[mark.speaker.name]] if mark.speaker is not None else _UNKNOWN
        if mark.role == "quote":
            quote = mark.quote
            assert quote is not None
            if mark.part <= 1:
                out.append(f" {_label(quote)} ", style=f"bold white on {dark}")
                out.append(" ")
            style = f"black on {light}" if quote.kind == "direct" else f"underline {dark}"
        elif mark.role == "mention":
            style = f"bold {dark}"
        else:
            style = "italic underline"
        start = len(out)
        _rich_text(piece, text, colours, out)
        out.stylize(style, start, len(out))


def text(article: Document, *, color: bool) -> Text | str:
    """The terminal view (:func:`frettir.views.render_text`)."""
    legend = []
    for speaker in article.speakers:
        titles = f" ({', '.join(speaker.titles)})" if speaker.titles else ""
        legend.append((speaker, f"{speaker.name}{titles}: {_counts(article, speaker)}"))
    unknown = sum(q.speaker is None for q in article.quotes)
    tree = _tree(article)
    if not color:
        lines = [line for _, line in legend]
        if unknown:
            lines.append(f"unknown speaker: {unknown} quote(s)")
        body: list[str] = []
        _plain_text(tree, article.text, body)
        head = "\n".join(lines) if lines else "No quotes found."
        return f"{head}\n\n{''.join(body)}"
    from rich.text import Text

    colours = _colours(article)
    out = Text()
    for speaker, line in legend:
        dark = PALETTE[colours[speaker.name]][1]
        out.append("  ", style=f"on {dark}")
        out.append(f" {line}\n", style=f"bold {dark}")
    if unknown:
        out.append(f"   unknown speaker: {unknown} quote(s)\n", style=f"bold {_UNKNOWN[1]}")
    if not legend and not unknown:
        out.append("No quotes found.\n")
    out.append("\n")
    _rich_text(tree, article.text, colours, out)
    return out


# -- tables -----------------------------------------------------------------------------


def rows(article: Document, *, id: str | None) -> list[Row]:
    """One row per quote of ``article`` (:func:`frettir.views.to_rows`)."""
    found: list[Row] = []
    for quote in article.quotes:
        speaker = quote.speaker
        found.append(
            {
                "article_id": id,
                "kind": quote.kind,
                "start": quote.span.start,
                "end": quote.span.end,
                "speaker": speaker.name if speaker is not None else None,
                "speaker_kind": speaker.kind if speaker is not None else None,
                "speaker_title": speaker.title if speaker is not None else None,
                "cue": quote.cue,
                "confidence": quote.confidence,
                "rule": quote.rule,
                "medium": quote.medium,
                "text": quote.text,
            }
        )
    return found


def write_table(rows: Iterable[Row], out: TextIO, *, delimiter: str = ",") -> None:
    """Write ``rows`` under a header of :data:`COLUMNS`, quoted as spreadsheets read them.

    A field holding the delimiter, a quotation mark or a line break is put in double
    quotes; lines end with CR LF (RFC 4180); ``None`` is an empty field. The caller writes
    the UTF-8 byte-order mark, if wanted.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
