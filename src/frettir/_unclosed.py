"""Where a quote whose closing mark is missing ends: before a trailing ``, segir X`` cue.

The scan of quotation marks (:mod:`frettir._marks`) ends a quote that is never closed at the
end of its paragraph. Writers who forget the closing mark still write the attribution after the
quote, so the paragraph often ends ``…, segir Jón í samtali við blaðið.``: the quote ends with
that comma, as a closed ``„…,“ segir Jón`` does (the annotation guide's Settled cases). The
cue is recognised on BÍN readings: a finite, third-person form of a verb of saying
(:data:`frettir._cues.SAYING`, not a particle verb, whose particle would have to follow) right
after the comma, with a name or a personal pronoun after it (the speaker of an inverted
``segir hann``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from frettir._cues import PARTICLES, SAYING
from frettir._greynir import lookup
from frettir._marks import Marked
from frettir.model import Span

__all__ = ["end_at_trailing_cue"]

_TRAILING_CUE: Final = re.compile(r",\s+(\w+)\s+(\w+)")
"""A comma, then two words: the cue verb and the first word of its subject."""

_PRONOUNS: Final = frozenset({"hann", "hún", "það", "þeir", "þær", "þau"})
"""Subjects of an inverted cue that are not capitalised names (``sagði hann``)."""


def _is_cue(word: str) -> bool:
    """Whether ``word`` is a finite third-person form of a verb of saying (``segir``, ``sagði``)."""
    return any(
        meaning.cat == "so"
        and meaning.lemma in SAYING
        and meaning.lemma not in PARTICLES
        and ("-FH-" in meaning.tags or "-VH-" in meaning.tags)
        and "-3P-" in meaning.tags
        for meaning in lookup(word)
    )


def _cue_cut(text: str, inner: Span) -> int | None:
    """Where the quote ends before the last ``, <cue> <speaker>`` in ``text[inner]`` (after the comma)."""
    cut = None
    for match in _TRAILING_CUE.finditer(text, inner.start, inner.end):
        verb, subject = match.group(1), match.group(2)
        if (subject[:1].isupper() or subject in _PRONOUNS) and _is_cue(verb.lower()):
            cut = match.start() + 1  # the comma belongs to the quote, as in „…,“ segir X
    return cut


def end_at_trailing_cue(text: str, marks: Sequence[Marked]) -> tuple[Marked, ...]:
    """End each unclosed top-level quote at the comma of the last ``, <cue> <speaker>`` inside it.

    The attribution ends the quote, so a cut quote no longer ``continues`` into a next
    paragraph that opens with a mark (that paragraph starts a quote of its own). Marks nested in
    a cut quote that start after the cut are dropped; those that cross it end there too.

    Args:
        text: The article's text.
        marks: Its marked spans, as :func:`frettir._marks.scan_marks` gives them.

    Returns:
        The marked spans, sorted as given, with unclosed quotes ended at their trailing cue.

    >>> from frettir._marks import scan_marks
    >>> text = "„Við gerum okkar besta, segir Jón í samtali við blaðið."
    >>> [m.inner.slice(text) for m in end_at_trailing_cue(text, scan_marks(text))]
    ['Við gerum okkar besta,']
    """
    out: list[Marked] = []
    cut_at: int | None = None  # the end of the latest cut top-level quote
    limit = -1  # where that quote's original span ended
    ended = False  # the latest cut quote was continued by the next paragraph's: it no longer is
    for mark in marks:
        if mark.depth == 0:
            cut_at, limit = None, -1
            if ended and mark.continued:
                mark = attrs.evolve(mark, continued=False)
            ended = False
            if mark.closer is None:
                cut = _cue_cut(text, mark.inner)
                if cut is not None and cut > mark.inner.start:
                    cut_at, limit, ended = cut, mark.outer.end, mark.continues
                    mark = attrs.evolve(
                        mark,
                        outer=Span(start=mark.outer.start, end=cut),
                        inner=Span(start=mark.inner.start, end=cut),
                        continues=False,
                    )
        elif cut_at is not None and mark.outer.start < limit:
            if mark.outer.start >= cut_at:
                continue
            if mark.outer.end > cut_at:
                end = max(mark.inner.start, cut_at)
                mark = attrs.evolve(
                    mark,
                    outer=Span(start=mark.outer.start, end=end),
                    inner=Span(start=mark.inner.start, end=end),
                    closer=None,
                )
        out.append(mark)
    return tuple(out)
