r"""The raw-text scan for quotation marks: one pass that pairs the marks of every paragraph.

:func:`paragraphs` gives the non-empty lines of a text; :func:`scan_marks` gives every span
between an opening quotation mark and its closing mark as a :class:`Marked`, with exact
offsets into the caller's text. Whether a marked span is a quote (or a title, a name, a term
or irony) is decided later; this module only pairs marks, and it never raises for a ``str``.

Offsets are half-open ``[start, end)`` indices into the text as given. ``outer`` runs from the
opening mark through the closing mark; ``inner`` is the content between them, marks excluded.

Policy:

* **Paragraphs.** A paragraph is a line (lines end at ``\n``, ``\r\n``, ``\r``, vertical
  tab, form feed, NEL, U+2028 and U+2029: Unicode's mandatory breaks) with its white space
  trimmed; white-space-only lines are not paragraphs. Double
  quotes still open at a paragraph's end run on over the break when the marks ahead can close
  them before a paragraph that starts by opening a quote (*reach*, below): the quote runs from
  its opener to its closer, line breaks included. Every other mark still open at a
  paragraph's end is closed there.
* **Pairs.** Icelandic ``„…“`` (``,,`` counts as ``„``, and ``”`` or a straight ``"`` also
  close it), English ``“…”``, straight ``"…"``, guillemets ``»…«``, ``«…»`` (either mirror
  or the same glyph closes), and single ``‚…‘``, ``‘…’``, ``'…'``. ``“`` is both the Icelandic
  closer and the English opener: inside an open ``„`` it closes (unless it stands where an
  opener stands and a ``”`` follows in the paragraph: then it opens a nested English quote);
  with nothing open it opens a quote that ``”`` closes, or ``“`` when no ``”`` follows.
* **Context.** A mark stands *where an opener stands* when it is at the paragraph's start or
  after white space, an opening bracket, a dash or another opening mark, and a non-space
  follows it. A straight ``"`` opens there, or when nothing it could close is open; otherwise it
  closes. A ``“`` or ``"`` with nothing open that can only be a closer (a non-space before it,
  white space, punctuation or the paragraph's end after it) is a stray closer. A stray closer
  (also a ``”``, ``‘`` or ``’`` with nothing open that it closes) is ignored: it makes no span.
* **Single quotes.** ``‚`` opens where an opener stands. ``‘`` opens only inside a double quote,
  where an opener stands, with a closing ``’`` later in the paragraph; straight ``'`` opens where
  an opener stands when a closing ``'`` follows in the paragraph (at any depth). ``’`` never
  opens. ``'`` and ``’`` between two letters (``O'Brien``, ``don’t``) are apostrophes, not marks.
* **Nesting.** A quote inside an open quote is nested (``depth`` counts the enclosing marked
  spans) and is reported too. A closer closes the innermost open quote it can close; spans
  opened inside that one and still open end where its content ends. A quote of a style that
  is already open nests too (``„a „b“ c“``, ``„a ,,b” c“``) when the marks ahead reach 2
  (they can close both); otherwise (``„a „b“``) it ends the open one there, unclosed, and the
  new one takes its depth. Guillemets never nest in themselves (either glyph closes).
* **Reach.** Every double mark counts as an opener (``„``, ``,,``, any double glyph where an
  opener stands, below) or a closer (``”`` and any other double glyph). The reach after a point
  is the most that closers minus openers gets, counting on over the paragraph and the
  paragraphs after it up to one that starts by opening a double quote.
* **Content.** ``inner`` leaves out the white space next to the marks (``„ Já “`` gives ``Já``).
* **Unclosed.** A span that does not run on and is still open at its paragraph's end gets
  ``closer=None`` and ends at the paragraph's end (trailing white space excluded). If the next
  paragraph starts with an opening double mark, the top-level unclosed double quote
  ``continues`` and the next paragraph's first span is ``continued`` (the open-without-close
  convention of multi-paragraph quotes). Where an unclosed quote ends before a trailing
  ``, segir X`` is decided with the cue lexicon, above this module (:mod:`frettir._unclosed`).

The scan is linear in the length of the text: each mark is looked at once, look-ahead ("does a
``”`` follow in this paragraph?") is computed at most once per paragraph and glyph, the reach
of every mark in one backward pass before the scan, and each :class:`Marked` is built once
(each span is pushed on and popped off the stack of open spans once). Building the result
objects is most of the cost.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Final

import attrs

from frettir.errors import InvariantError
from frettir.model import Span

__all__ = ["Marked", "paragraphs", "scan_marks"]


@attrs.frozen(kw_only=True)
class Marked:
    """One span between an opening quotation mark and its closing mark (or its paragraph's end).

    Attributes:
        outer: From the opening mark through the closing mark (in a later paragraph, for a
            quote that runs over paragraph breaks); for an unclosed span, to the end of its
            paragraph's text (trailing white space excluded), or to where the content of the
            enclosing span ends.
        inner: The content between the marks, marks and the white space next to them
            excluded; for an unclosed span it ends where ``outer`` ends.
        opener: The opening glyph (``„``, ``“``, ``"``, ``»``, ``«``, ``‚``, ``‘``, ``'``, or
            the two commas ``,,``).
        closer: The closing glyph, or ``None`` when the span is unclosed.
        depth: 0 at the top level, 1 inside another marked span, and so on.
        continues: The span is left open at its paragraph's end and the next paragraph
            reopens it (the quote runs on over the paragraph break).
        continued: The span reopens a quote left open at the end of the previous paragraph.
    """

    outer: Span
    inner: Span
    opener: str
    closer: str | None
    depth: int = 0
    continues: bool = False
    continued: bool = False

    def __attrs_post_init__(self) -> None:
        if not self.outer.contains(self.inner):
            raise InvariantError(f"outer span {self.outer} does not contain inner span {self.inner}")
        if self.depth < 0:
            raise InvariantError(f"depth must be >= 0, got {self.depth}")
        if self.continues and self.closer is not None:
            raise InvariantError("a span that continues in the next paragraph has no closer")


_LINE: Final = re.compile(r"\S(?:[^\n\v\f\r\x85\u2028\u2029]*\S)?")
"""A line's text from its first to its last non-space character (``\\S`` is ``str.isspace``).

Lines end at Unicode's mandatory breaks (UAX #14: BK, CR, LF, NL): line feed, vertical tab,
form feed, carriage return, NEL (U+0085), U+2028 and U+2029."""


def paragraphs(text: str) -> tuple[Span, ...]:
    r"""Return the spans of the non-empty lines of ``text``, white space trimmed, in order.

    Lines end where Unicode's line breaking makes a break mandatory: ``\n``, ``\r\n``,
    ``\r``, vertical tab, form feed, NEL (U+0085), U+2028 and U+2029; lines of white space
    only are not paragraphs.

    Args:
        text: Any string.

    Returns:
        One span per paragraph, sorted.

    Raises:
        TypeError: If ``text`` is not a ``str``.

    >>> paragraphs("  Fyrsta lína. \r\n\n\u00a0\nÖnnur.")
    (Span(start=2, end=14), Span(start=20, end=26))
    """
    _check_text(text)
    return tuple(Span(start=m.start(), end=m.end()) for m in _LINE.finditer(text))


def scan_marks(text: str) -> tuple[Marked, ...]:
    """Pair the quotation marks of ``text``, one paragraph at a time (see the module's policy).

    Args:
        text: Any string; it is never changed and never makes this raise.

    Returns:
        Every marked span, nested ones included, sorted by ``outer.start``.

    Raises:
        TypeError: If ``text`` is not a ``str``.

    >>> [m.inner.slice(t) for t in ["„Næst í Moskvu“, sagði hann."] for m in scan_marks(t)]
    ['Næst í Moskvu']
    """
    _check_text(text)
    bounds = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    opens = [_reopens(text, start, end) for start, end in bounds]
    scanner = _Scanner(text, _Reach(text, bounds, opens), bounds)
    for number, (start, end) in enumerate(bounds):
        reopened = number + 1 < len(bounds) and opens[number + 1]
        scanner.scan(start, end, number, reopened=reopened)
    return tuple(marked for marked in scanner.found if marked is not None)


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (decode bytes first), got {type(text).__name__}")


# Kinds of open span; a closing glyph closes the innermost open span of the kinds it accepts.
_ICE: Final = 0  # „…“ and ,,…“
_ENG: Final = 1  # “…”
_STRAIGHT: Final = 2  # "…"
_GUIL: Final = 3  # »…« and «…»
_LOW: Final = 4  # ‚…‘
_SINGLE: Final = 5  # ‘…’
_SQUOTE: Final = 6  # '…'
_DOUBLE: Final = (_ICE, _ENG, _STRAIGHT, _GUIL)
_CLOSED_BY_DOUBLE_HIGH: Final = (_ICE, _ENG)  # “ and ”
_CLOSED_BY_STRAIGHT: Final = (_STRAIGHT, _ICE, _ENG)  # "
_CLOSED_BY_SINGLE: Final = (_SINGLE, _LOW, _SQUOTE)  # ’ and '
_DOUBLE_OPENERS: Final = frozenset('„“"»«')
"""The glyphs that open a double quote at a paragraph's start (and ``,,``)."""
_DOUBLE_GLYPHS: Final = frozenset('„“”"»«,')
"""The glyphs of double quotes (``,`` for ``,,``)."""

_MARK: Final = re.compile("[„“”\"»«‚‘’']|,,")
_OPEN_CONTEXT: Final = frozenset("([{<–—-/„“\"»«‚‘'\u200b\u200c\u200d\u2060\ufeff")
"""Characters after which a mark stands where an opener stands (white space aside)."""
_CLOSE_CONTEXT: Final = frozenset(".,;:!?)]}>…–—-")
"""Characters after which a mark stands where only a closer stands (white space aside)."""


def _reopens(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``text[start:end]`` starts by opening a double quote."""
    if text[start] == ",":
        return text.startswith(",,", start) and _opener_stands(text, start, start + 2, start, end)
    return text[start] in _DOUBLE_OPENERS


class _Reach:
    """How many quotes the double marks after a point can still close (the look-ahead of nesting).

    Each double mark counts as an opener (``„``, ``,,`` and any double glyph where an opener
    stands) or as a closer (``”``, and any other double glyph). ``reach`` of a mark is the most
    that ``closers - openers`` gets, counting from that mark on, over its paragraph and the
    paragraphs after it up to one that starts by opening a quote (a new quote begins there).
    One backward pass computes it for every mark, so the scan stays linear.
    """

    def __init__(self, text: str, bounds: list[tuple[int, int]], opens: list[bool]) -> None:
        where: list[int] = []
        value: list[int] = []
        paragraph: list[int] = []
        first: list[int] = []  # per paragraph: the index of its first double mark, or of the next one
        for number, (start, end) in enumerate(bounds):
            first.append(len(where))
            for match in _MARK.finditer(text, start, end):
                i = match.start()
                glyph = text[i]
                if glyph not in _DOUBLE_GLYPHS:
                    continue
                stands = _opener_stands(text, i, match.end(), start, end)
                if glyph == "," and not stands:
                    continue
                where.append(i)
                value.append(-1 if glyph == "„" or (glyph != "”" and stands) else 1)
                paragraph.append(number)
        reach = [0] * len(where)
        for k in range(len(where) - 1, -1, -1):
            reach[k] = value[k] + max(0, self._chained(k + 1, paragraph, opens, reach, paragraph[k]))
        self.index = {i: k for k, i in enumerate(where)}
        self.paragraph = paragraph
        self.first = first
        self.opens = opens
        self.reach = reach

    @staticmethod
    def _chained(k: int, paragraph: list[int], opens: list[bool], reach: list[int], number: int) -> int:
        """The reach of mark ``k`` as seen from paragraph ``number`` (0 when none or blocked)."""
        if k >= len(reach) or (paragraph[k] != number and opens[paragraph[k]]):
            return 0
        return reach[k]

    def after_mark(self, i: int) -> int:
        """How many open quotes the marks after the mark at ``i`` can close (0 if ``i`` is none)."""
        k = self.index.get(i)
        if k is None:
            return 0
        return self._chained(k + 1, self.paragraph, self.opens, self.reach, self.paragraph[k])

    def after_paragraph(self, number: int) -> int:
        """How many open quotes the marks after paragraph ``number`` can close."""
        if number + 1 >= len(self.first):
            return 0
        return self._chained(self.first[number + 1], self.paragraph, self.opens, self.reach, number)


_Entry = tuple[int, int, str, int, int, bool]
"""An open span: kind, start of the opener, opener, depth, index in the results, continued."""


class _Scanner:
    """The state of one scan: spans found so far, and those open in the current paragraph.

    Each span gets its place in :attr:`found` when it opens and its :class:`Marked` when it
    closes or its paragraph ends, so every result object is built once.
    """

    def __init__(self, text: str, reach: _Reach, bounds: list[tuple[int, int]]) -> None:
        self.text = text
        self.reach = reach
        self.ends = [end for _, end in bounds]  # where each paragraph ends, in text order
        self.found: list[Marked | None] = []
        self.stack: list[_Entry] = []
        self.by_kind: list[list[int]] = [[] for _ in range(7)]  # stack positions of each kind
        self.start = 0
        self.end = 0
        self.carried = False  # the previous paragraph's top-level double quote runs on into this one
        self.last: dict[str, int] = {}  # per paragraph: where the last closer of a kind stands

    def scan(self, start: int, end: int, number: int, *, reopened: bool) -> None:
        """Pair the marks of the paragraph ``text[start:end]`` (trimmed, non-empty).

        Args:
            start: Where the paragraph starts.
            end: Where it ends.
            number: Which paragraph it is (0 for the first).
            reopened: The next paragraph starts by opening a double quote.
        """
        text = self.text
        self.start, self.end = start, end
        self.last.clear()
        for match in _MARK.finditer(text, start, end):
            i = match.start()
            glyph = text[i]
            if glyph == "„":
                self._open(_ICE, i, glyph)
            elif glyph == ",":
                if _opener_stands(text, i, i + 2, start, end):
                    self._open(_ICE, i, ",,")
            elif glyph == "“":
                self._left_double_high(i)
            elif glyph == "”":
                self._close(self._innermost(_CLOSED_BY_DOUBLE_HIGH), i)
            elif glyph == '"':
                self._straight(i)
            elif glyph in "»«":
                if self.by_kind[_GUIL]:
                    self._close(self.by_kind[_GUIL][-1], i)
                else:
                    self._open(_GUIL, i, glyph)
            elif glyph == "‚":
                if _opener_stands(text, i, i + 1, start, end):
                    self._open(_LOW, i, glyph)
            elif glyph == "‘":
                self._left_single_high(i)
            else:  # ’ or '
                self._single_closer(i, glyph)
        carry = 0 if reopened else self._carried_over(number)
        runs_on = len(self.stack) > carry and reopened and self.stack[0][0] in _DOUBLE
        self._pop_above(carry, end, continues=runs_on)
        self.carried = runs_on

    def _carried_over(self, number: int) -> int:
        """How many open double quotes run on into the next paragraph (their closers lie ahead).

        The open double quotes from the bottom of the stack, as many as the marks ahead can
        close before a paragraph that starts by opening a quote.
        """
        if not self.stack:
            return 0
        doubles = 0
        while doubles < len(self.stack) and self.stack[doubles][0] in _DOUBLE:
            doubles += 1
        return max(0, min(doubles, self.reach.after_paragraph(number)))

    # --- the glyphs ---------------------------------------------------------------------------

    def _left_double_high(self, i: int) -> None:
        """“ closes an Icelandic quote, opens or closes an English one."""
        position = self._innermost(_CLOSED_BY_DOUBLE_HIGH)
        if position < 0:
            if not self._only_closer_stands(i):
                self._open(_ENG, i, "“")
        elif _opener_stands(self.text, i, i + 1, self.start, self.end) and self._follows("”", i):
            self._open(_ENG, i, "“")  # nested in „…“, or a new “ after an unclosed one
        else:
            self._close(position, i)

    def _straight(self, i: int) -> None:
        """A straight " opens where an opener stands or when nothing it closes is open."""
        position = self._innermost(_CLOSED_BY_STRAIGHT)
        if position < 0:
            if not self._only_closer_stands(i):
                self._open(_STRAIGHT, i, '"')
        elif _opener_stands(self.text, i, i + 1, self.start, self.end):
            self._open(_STRAIGHT, i, '"')
        else:
            self._close(position, i)

    def _left_single_high(self, i: int) -> None:
        """‘ closes ‚…‘, or opens ‘…’ inside a double quote."""
        low = self.by_kind[_LOW][-1] if self.by_kind[_LOW] else -1
        opens_here = _opener_stands(self.text, i, i + 1, self.start, self.end)
        if low >= 0 and not opens_here:
            self._close(low, i)
        elif opens_here and self._inside_double() and self._follows("’", i):
            self._open(_SINGLE, i, "‘")
        elif low >= 0:
            self._close(low, i)

    def _single_closer(self, i: int, glyph: str) -> None:
        """’ only closes; ' closes, or opens when a closing ' follows in the paragraph."""
        if self._between_letters(i):
            return
        opens_here = _opener_stands(self.text, i, i + 1, self.start, self.end)
        position = self._innermost(_CLOSED_BY_SINGLE)
        if position >= 0 and not opens_here:
            self._close(position, i)
        elif glyph == "'" and opens_here and self._follows("'", i):
            self._open(_SQUOTE, i, glyph)

    # --- the stack ----------------------------------------------------------------------------

    def _open(self, kind: int, i: int, opener: str) -> None:
        same = self.by_kind[kind]
        if same and self.reach.after_mark(i) < 2:
            # a quote of this style is open and the marks ahead cannot close both: it ends here
            self._pop_above(same[-1], self._trimmed_before(i))
        continued = self.carried and i == self.start and kind in _DOUBLE
        self.carried = False
        stack = self.stack
        same.append(len(stack))
        stack.append((kind, i, opener, len(stack), len(self.found), continued))
        self.found.append(None)

    def _close(self, position: int, i: int) -> None:
        """Close the open span at stack ``position`` with the glyph at ``i`` (if any is open)."""
        if position < 0:
            return  # a stray closer
        if position + 1 < len(self.stack):
            self._pop_above(position + 1, self._trimmed_before(i))
        kind, start, opener, depth, index, continued = self.stack.pop()
        self.by_kind[kind].pop()
        self.found[index] = Marked(
            outer=Span(start=start, end=i + 1),
            inner=self._inner(start + len(opener), i),
            opener=opener,
            closer=self.text[i],
            depth=depth,
            continued=continued,
        )

    def _pop_above(self, position: int, end: int, *, continues: bool = False) -> None:
        """End the open spans from stack ``position`` up, unclosed, at ``end``.

        ``continues`` is given to the span at ``position`` (the paragraph's top-level one).
        """
        stack, by_kind, found = self.stack, self.by_kind, self.found
        while len(stack) > position:
            kind, start, opener, depth, index, continued = stack.pop()
            by_kind[kind].pop()
            inner_start = start + len(opener)
            # A span that ran on over a break for a closer that never came (the marks ahead
            # counted as closers but pair with another style) is unclosed: it ends with its own
            # paragraph (paragraph bounds are trimmed), as every unclosed span does.
            own_end = end if start >= self.start else self.ends[bisect.bisect_right(self.ends, start)]
            span_end = max(inner_start, own_end)
            found[index] = Marked(
                outer=Span(start=start, end=span_end),
                inner=self._inner(inner_start, span_end),
                opener=opener,
                closer=None,
                depth=depth,
                continues=continues and len(stack) == position,
                continued=continued,
            )

    def _inner(self, start: int, end: int) -> Span:
        """The content ``text[start:end]`` without the white space at its ends."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start=start, end=end)

    def _innermost(self, kinds: tuple[int, ...]) -> int:
        """The stack position of the innermost open span of one of ``kinds``, or -1."""
        best = -1
        for kind in kinds:
            positions = self.by_kind[kind]
            if positions and positions[-1] > best:
                best = positions[-1]
        return best

    def _inside_double(self) -> bool:
        return any(self.by_kind[kind] for kind in _DOUBLE)

    # --- context ------------------------------------------------------------------------------

    def _only_closer_stands(self, i: int) -> bool:
        """Whether the mark at ``i`` has a word or punctuation before it and a gap after it."""
        text = self.text
        if i == self.start:
            return False
        before = text[i - 1]
        if before.isspace() or before in _OPEN_CONTEXT:
            return False
        after = i + 1
        return after >= self.end or text[after].isspace() or text[after] in _CLOSE_CONTEXT

    def _between_letters(self, i: int) -> bool:
        """Whether the mark at ``i`` is inside a word (an apostrophe: ``O'Brien``, ``don’t``)."""
        if i == self.start or i + 1 >= self.end:
            return False
        return _is_word(self.text[i - 1]) and _is_word(self.text[i + 1])

    def _trimmed_before(self, i: int) -> int:
        """``i`` moved back over the white space before it (not past the paragraph's start)."""
        text, start = self.text, self.start
        while i > start and text[i - 1].isspace():
            i -= 1
        return i

    def _follows(self, glyph: str, i: int) -> bool:
        """Whether a closing ``glyph`` (”, ’ or ') stands after ``i`` in this paragraph."""
        last = self.last.get(glyph)
        if last is None:
            last = self._find_last_closer(glyph)
            self.last[glyph] = last
        return last > i

    def _find_last_closer(self, glyph: str) -> int:
        text, start, end = self.text, self.start, self.end
        at = text.rfind(glyph, start, end)
        if glyph == "”":
            return at
        while at >= 0 and (self._between_letters(at) or _opener_stands(text, at, at + 1, start, end)):
            at = text.rfind(glyph, start, at)
        return at


def _opener_stands(text: str, i: int, after: int, start: int, end: int) -> bool:
    """Whether the mark ``text[i:after]`` stands where an opener stands in ``text[start:end]``."""
    if after >= end or text[after].isspace():
        return False
    if i == start:
        return True
    before = text[i - 1]
    return before.isspace() or before in _OPEN_CONTEXT


def _is_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"
