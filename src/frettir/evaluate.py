"""Scoring predicted quotes against gold annotation, as the corpus' ``ANNOTATION.md`` says.

This module works on plain data: gold articles are dicts in the corpus format (``id``,
``text``, ``quotes``, ``non_quotes``) and predictions are the records of
:func:`frettir.serialize.to_record` (``id`` and ``quotes``, each with ``kind``, ``start``,
``end``, ``speaker``, ``cue``). It reads no files and never runs the extraction itself.

Matching:

* A predicted **direct** quote matches a gold one **strictly** when both spans are equal
  after trimming white space and ``,.;:!?`` from both ends of each (see :func:`trim_span`),
  and **leniently** when it matches strictly or when the two character ranges overlap by at
  least half of their union (see :func:`overlap_ratio`). **Indirect** quotes are matched
  leniently only. Quotes are matched within their kind only.
* The matching is one-to-one and greedy: candidate pairs are taken best first (strict
  matches before other lenient ones, then by overlap ratio, then by position) and a pair is
  kept when neither side is taken yet. With a threshold of half the union a gold quote
  can meet two disjoint predictions only at exactly 0.5 each, so greedy matching is
  practically the maximum matching here.
* Speaker accuracy is computed over the leniently matched pairs of each kind (and over all
  of them); *all three right* is over every gold quote: matched (direct: strictly,
  indirect: leniently), speaker right (:func:`same_speaker`) and cue equal (:func:`same_cue`).
* *Non-quotes as direct* is the share of gold ``non_quotes`` that some predicted direct
  quote matches leniently (a title or a scare-quoted word reported as a quote).

When a precision or recall has a zero denominator it is 1.0 if the other count is zero too
(nothing to find and nothing found) and 0.0 otherwise; a rate over zero items is ``None``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from frettir.errors import InputError

__all__ = [
    "CEILING_KEYS",
    "CONFIDENT",
    "PARTS",
    "TRIM_CHARS",
    "Rate",
    "Scores",
    "SpanScores",
    "check_floor",
    "errors",
    "overlap_ratio",
    "part_of",
    "same_cue",
    "same_speaker",
    "score",
    "trim_span",
]

TRIM_CHARS: Final = frozenset(",.;:!?")
"""Punctuation trimmed from both ends of a direct quote before strict comparison (with white space)."""

PARTS: Final = ("tune", "check")
"""The parts of a gold corpus. Rules are tuned on ``tune``; ``check`` is read only at the end."""


def part_of(article_id: str) -> str:
    """Say which part of a gold corpus an article belongs to, by a fixed hash of its id.

    An article is in the **check** part when the SHA-1 of its id (UTF-8), read as a number,
    is divisible by 3, else in the **tune** part: about a third of any corpus is set aside,
    always the same articles, whatever the corpus' order or size. Rules are tuned on the
    errors of the tune part; the check part is scored but its errors are not read, so the gap
    between the two parts shows whether a rule generalizes (``frettir evaluate --split``).

    >>> part_of("seed-2025-08-alaska-leidtogafundur")
    'tune'
    >>> sorted({part_of(f"article-{n}") for n in range(10)})
    ['check', 'tune']
    """
    digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()
    return "check" if int(digest, 16) % 3 == 0 else "tune"


CEILING_KEYS: Final = frozenset({"non_quotes_as_direct.rate", "non_quotes_as_direct.count"})
"""Metric keys where lower is better; :func:`check_floor` reads their bound as a ceiling."""

_KINDS: Final = ("direct", "indirect")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and the punctuation ``,.;:!?`` from both ends of ``text[start:end]``.

    Args:
        text: The article text the offsets point into.
        start: Start of the span (inclusive).
        end: End of the span (exclusive).

    Returns:
        The trimmed ``(start, end)``; ``start == end`` when nothing is left.

    >>> text = "„Já, ég kem.“ sagði hún."
    >>> trim_span(text, 1, 12)
    (1, 11)
    >>> text[1:11]
    'Já, ég kem'
    """
    while start < end and (text[start].isspace() or text[start] in TRIM_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_CHARS):
        end -= 1
    return start, end


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Return how many characters two half-open ranges share, over the size of their union.

    Empty ranges share nothing, so the ratio is 0.0 when either range is empty.

    >>> overlap_ratio((0, 10), (5, 10))
    0.5
    >>> overlap_ratio((0, 4), (4, 8))
    0.0
    """
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return shared / union


def _normal(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """Return whether a predicted canonical speaker counts as right against the gold one.

    Right when both are equal case-insensitively, or when the words (split on white space,
    casefolded) of one are a subset of the other's: ``Trump`` ~ ``Donald Trump``. Both
    ``None`` is right; one ``None`` (or blank) and the other not is wrong.

    >>> same_speaker("Kári Stefánsson", "kári")
    True
    >>> same_speaker("Kári Stefánsson", "Kári Jónsson")
    False
    """
    gold, predicted = _normal(gold), _normal(predicted)
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if gold.casefold() == predicted.casefold():
        return True
    gold_words = set(gold.casefold().split())
    predicted_words = set(predicted.casefold().split())
    return gold_words <= predicted_words or predicted_words <= gold_words


def same_cue(gold: str | None, predicted: str | None) -> bool:
    """Return whether two cue lemmas are equal: both ``None``, or equal after casefolding.

    >>> same_cue("segja", "Segja"), same_cue(None, None), same_cue("segja", None)
    (True, True, False)
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return gold.casefold() == predicted.casefold()


def _ratio(numerator: int, denominator: int, other: int) -> float:
    if denominator:
        return numerator / denominator
    return 1.0 if other == 0 else 0.0


@attrs.frozen(kw_only=True)
class SpanScores:
    """Counts of one kind of quote under one matching, with precision, recall and F1.

    Attributes:
        n_gold: Gold quotes of the kind.
        n_pred: Predicted quotes of the kind.
        tp: Matched pairs (one-to-one).
    """

    n_gold: int
    n_pred: int
    tp: int

    @property
    def precision(self) -> float:
        """``tp / n_pred``; with nothing predicted, 1.0 if there was nothing to find, else 0.0."""
        return _ratio(self.tp, self.n_pred, self.n_gold)

    @property
    def recall(self) -> float:
        """``tp / n_gold``; with no gold quotes, 1.0 if nothing was predicted, else 0.0."""
        return _ratio(self.tp, self.n_gold, self.n_pred)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int]:
        """Return the counts and the three measures as JSON-ready data."""
        return {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "tp": self.tp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@attrs.frozen(kw_only=True)
class Rate:
    """A share: ``count`` items of ``total`` (right speakers, all-three-right quotes, ...).

    Attributes:
        count: Items that meet the condition.
        total: Items considered.
    """

    count: int
    total: int

    @property
    def rate(self) -> float | None:
        """``count / total``, or ``None`` when there was nothing to count."""
        return self.count / self.total if self.total else None

    def to_dict(self) -> dict[str, float | int | None]:
        """Return ``count``, ``total`` and ``rate`` as JSON-ready data."""
        return {"count": self.count, "total": self.total, "rate": self.rate}


@attrs.frozen(kw_only=True)
class Scores:
    """Everything :func:`score` measures over a corpus.

    Attributes:
        articles: Gold articles scored.
        direct_strict: Direct quotes, strict matching.
        direct_lenient: Direct quotes, lenient matching.
        indirect_lenient: Indirect quotes, lenient matching.
        speaker_direct: Right speakers among leniently matched direct quotes.
        speaker_indirect: Right speakers among matched indirect quotes.
        speaker_all: Right speakers among all matched quotes.
        all_three_direct: Gold direct quotes matched strictly with the right speaker and cue.
        all_three_indirect: Gold indirect quotes matched with the right speaker and cue.
        all_three_all: Both of the above, over all gold quotes.
        non_quotes_as_direct: Gold non-quotes that a predicted direct quote matches
            (lower is better).
        confident: Predicted quotes with a ``confidence`` of at least 0.9 that are right
            (matched, with the right speaker): how well confidence is calibrated.
    """

    articles: int
    direct_strict: SpanScores
    direct_lenient: SpanScores
    indirect_lenient: SpanScores
    speaker_direct: Rate
    speaker_indirect: Rate
    speaker_all: Rate
    all_three_direct: Rate
    all_three_indirect: Rate
    all_three_all: Rate
    non_quotes_as_direct: Rate
    confident: Rate = attrs.field(factory=lambda: Rate(count=0, total=0))

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as nested JSON-ready data.

        Its dotted keys (see :meth:`flat`) are what a floor file names, e.g.
        ``direct.strict.f1``, ``speaker_accuracy.all.rate``, ``all_three.all.rate``.
        """
        return {
            "articles": self.articles,
            "direct": {"strict": self.direct_strict.to_dict(), "lenient": self.direct_lenient.to_dict()},
            "indirect": {"lenient": self.indirect_lenient.to_dict()},
            "speaker_accuracy": {
                "direct": self.speaker_direct.to_dict(),
                "indirect": self.speaker_indirect.to_dict(),
                "all": self.speaker_all.to_dict(),
            },
            "all_three": {
                "direct": self.all_three_direct.to_dict(),
                "indirect": self.all_three_indirect.to_dict(),
                "all": self.all_three_all.to_dict(),
            },
            "non_quotes_as_direct": self.non_quotes_as_direct.to_dict(),
            "confident_right": self.confident.to_dict(),
        }

    def flat(self) -> dict[str, float | int | None]:
        """Return :meth:`to_dict` flattened, its keys joined with dots (``direct.strict.f1``)."""
        flat: dict[str, float | int | None] = {}

        def walk(prefix: str, value: Mapping[str, Any]) -> None:
            for key, item in value.items():
                name = f"{prefix}{key}"
                if isinstance(item, Mapping):
                    walk(f"{name}.", item)
                else:
                    flat[name] = item

        walk("", self.to_dict())
        return flat

    def table(self) -> str:
        """Return the scores as a plain-text table, one metric per row."""

        def number(value: float | None) -> str:
            return "    -" if value is None else f"{value:5.3f}"

        lines = [f"{'':<28}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'tp':>7}"]
        for label, spans in (
            ("direct (strict)", self.direct_strict),
            ("direct (lenient)", self.direct_lenient),
            ("indirect (lenient)", self.indirect_lenient),
        ):
            lines.append(
                f"{label:<28}{number(spans.precision):>7}{number(spans.recall):>7}{number(spans.f1):>7}"
                f"{spans.n_gold:>7}{spans.n_pred:>7}{spans.tp:>7}"
            )
        lines.append("")
        lines.append(f"{'':<28}{'rate':>7}{'count':>7}{'of':>7}")
        for label, rate in (
            ("speaker accuracy direct", self.speaker_direct),
            ("speaker accuracy indirect", self.speaker_indirect),
            ("speaker accuracy all", self.speaker_all),
            ("all three right direct", self.all_three_direct),
            ("all three right indirect", self.all_three_indirect),
            ("all three right all", self.all_three_all),
            ("non-quotes as direct", self.non_quotes_as_direct),
            ("confidence >= 0.9 right", self.confident),
        ):
            lines.append(f"{label:<28}{number(rate.rate):>7}{rate.count:>7}{rate.total:>7}")
        lines.append(f"({self.articles} articles)")
        return "\n".join(lines)


# --- reading the dicts ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Q:
    """One quote of one article, gold or predicted, as the scorer sees it."""

    index: int
    kind: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    data: Mapping[str, Any]


def _article_id(item: Mapping[str, Any], what: str, position: int) -> str:
    if not isinstance(item, Mapping):
        raise InputError(f"{what} #{position} is a {type(item).__name__}, not a JSON object")
    ident = item.get("id")
    if not isinstance(ident, str):
        raise InputError(f"{what} #{position} has no string 'id' (got {ident!r})")
    return ident


def _span(data: Any, size: int, where: str) -> tuple[int, int]:
    if not isinstance(data, Mapping):
        raise InputError(f"{where} is a {type(data).__name__}, not a JSON object")
    start, end = data.get("start"), data.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= size:
        raise InputError(f"{where} has start={start!r}, end={end!r}; needs 0 <= start <= end <= {size}")
    return start, end


def _quotes(items: Any, size: int, where: str) -> list[_Q]:
    if items is None:
        return []
    if not isinstance(items, Sequence) or isinstance(items, str):
        raise InputError(f"{where}: 'quotes' must be a list, got {type(items).__name__}")
    quotes = []
    for index, data in enumerate(items):
        here = f"{where}, quote #{index}"
        start, end = _span(data, size, here)
        kind = data.get("kind")
        if kind not in _KINDS:
            raise InputError(f"{here} has kind {kind!r}; accepted: 'direct', 'indirect'")
        speaker, cue = data.get("speaker"), data.get("cue")
        quotes.append(
            _Q(
                index=index,
                kind=kind,
                start=start,
                end=end,
                speaker=speaker if isinstance(speaker, str) else None,
                cue=cue if isinstance(cue, str) else None,
                data=data,
            )
        )
    return quotes


@attrs.frozen(kw_only=True)
class _Pair:
    gold: _Q
    pred: _Q
    strict: bool


@attrs.frozen(kw_only=True)
class _Matched:
    """The matchings of one article."""

    gold: list[_Q]
    pred: list[_Q]
    strict: list[_Pair]
    lenient: list[_Pair]
    non_quotes: int
    non_quotes_as_direct: int


def _match(text: str, gold: list[_Q], pred: list[_Q], *, strict_only: bool) -> list[_Pair]:
    """Match quotes of one kind one-to-one, greedily, best candidate pair first."""
    candidates: list[tuple[tuple[int, float, int, int], _Pair]] = []
    for g in gold:
        g_trim = trim_span(text, g.start, g.end)
        for p in pred:
            strict = g.kind == "direct" and trim_span(text, p.start, p.end) == g_trim
            if strict_only:
                if strict:
                    candidates.append(((0, 0.0, g.start, p.start), _Pair(gold=g, pred=p, strict=True)))
                continue
            ratio = overlap_ratio((g.start, g.end), (p.start, p.end))
            if strict or ratio >= 0.5:
                key = (0 if strict else 1, -ratio, g.start, p.start)
                candidates.append((key, _Pair(gold=g, pred=p, strict=strict)))
    candidates.sort(key=lambda candidate: candidate[0])
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = []
    for _, pair in candidates:
        if pair.gold.index in taken_gold or pair.pred.index in taken_pred:
            continue
        taken_gold.add(pair.gold.index)
        taken_pred.add(pair.pred.index)
        pairs.append(pair)
    pairs.sort(key=lambda pair: pair.gold.index)
    return pairs


def _match_corpus(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> list[tuple[str, _Matched]]:
    by_id: dict[str, Mapping[str, Any]] = {}
    for position, record in enumerate(predicted):
        ident = _article_id(record, "prediction", position)
        if ident in by_id:
            raise InputError(f"two predictions have the id {ident!r}")
        by_id[ident] = record
    seen: set[str] = set()
    result = []
    for position, article in enumerate(gold):
        ident = _article_id(article, "gold article", position)
        if ident in seen:
            raise InputError(f"two gold articles have the id {ident!r}")
        seen.add(ident)
        text = article.get("text")
        if not isinstance(text, str):
            raise InputError(f"gold article {ident!r} has no string 'text'")
        gold_quotes = _quotes(article.get("quotes"), len(text), f"gold article {ident!r}")
        record = by_id.get(ident, {})
        pred_quotes = _quotes(record.get("quotes"), len(text), f"prediction {ident!r}")
        strict: list[_Pair] = []
        lenient: list[_Pair] = []
        for kind in _KINDS:
            g = [q for q in gold_quotes if q.kind == kind]
            p = [q for q in pred_quotes if q.kind == kind]
            if kind == "direct":
                strict += _match(text, g, p, strict_only=True)
            lenient += _match(text, g, p, strict_only=False)
        non_quotes = article.get("non_quotes") or []
        if not isinstance(non_quotes, Sequence) or isinstance(non_quotes, str):
            raise InputError(f"gold article {ident!r}: 'non_quotes' must be a list")
        direct = [(q.start, q.end) for q in pred_quotes if q.kind == "direct"]
        hit = 0
        for index, data in enumerate(non_quotes):
            span = _span(data, len(text), f"gold article {ident!r}, non-quote #{index}")
            if any(overlap_ratio(span, d) >= 0.5 for d in direct):
                hit += 1
        result.append(
            (
                ident,
                _Matched(
                    gold=gold_quotes,
                    pred=pred_quotes,
                    strict=strict,
                    lenient=lenient,
                    non_quotes=len(non_quotes),
                    non_quotes_as_direct=hit,
                ),
            )
        )
    unknown = sorted(set(by_id) - seen)
    if unknown:
        shown = ", ".join(repr(u) for u in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise InputError(f"predictions for articles that are not in the gold data: {shown}{more}")
    return result


def _right_speaker(pair: _Pair) -> bool:
    return same_speaker(pair.gold.speaker, pair.pred.speaker)


def _all_three(pair: _Pair) -> bool:
    return _right_speaker(pair) and same_cue(pair.gold.cue, pair.pred.cue)


CONFIDENT = 0.9
"""The confidence from which a quote counts as confident in :attr:`Scores.confident`."""


def score(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]) -> Scores:
    """Score predicted quotes against gold articles (see the module docs for the rules).

    Args:
        gold: Articles in the corpus format: ``id``, ``text``, ``quotes`` and optionally
            ``non_quotes``.
        predicted: Records as :func:`frettir.serialize.to_record` gives them, matched to
            the gold articles by ``id``. An article with no record (or a record without
            ``quotes``, such as an error record) counts as one with no quotes.

    Returns:
        The scores over all articles.

    Raises:
        InputError: If an id is missing or repeated, a prediction names an article that
            is not in ``gold``, or a quote has a bad kind or span.

    >>> quote = {"kind": "direct", "start": 1, "end": 4, "cue": "segja"}
    >>> gold = [{"id": "a", "text": "„Já,“ sagði Jón Jónsson.",
    ...          "quotes": [dict(quote, speaker="Jón Jónsson")]}]
    >>> predicted = [{"id": "a", "quotes": [dict(quote, end=3, speaker="Jón")]}]
    >>> scores = score(gold, predicted)
    >>> scores.direct_strict.f1, scores.speaker_all.rate, scores.all_three_all.rate
    (1.0, 1.0, 1.0)
    """
    matched = [m for _, m in _match_corpus(gold, predicted)]

    def spans(kind: str, strict: bool) -> SpanScores:
        pairs = [p for m in matched for p in (m.strict if strict else m.lenient) if p.gold.kind == kind]
        return SpanScores(
            n_gold=sum(1 for m in matched for q in m.gold if q.kind == kind),
            n_pred=sum(1 for m in matched for q in m.pred if q.kind == kind),
            tp=len(pairs),
        )

    def speakers(kinds: tuple[str, ...]) -> Rate:
        pairs = [p for m in matched for p in m.lenient if p.gold.kind in kinds]
        return Rate(count=sum(1 for p in pairs if _right_speaker(p)), total=len(pairs))

    def all_three(kinds: tuple[str, ...]) -> Rate:
        count = 0
        for m in matched:
            span_matched = [*m.strict, *(p for p in m.lenient if p.gold.kind != "direct")]
            count += sum(1 for p in span_matched if p.gold.kind in kinds and _all_three(p))
        return Rate(count=count, total=sum(1 for m in matched for q in m.gold if q.kind in kinds))

    def confident() -> Rate:
        count = total = 0
        for m in matched:
            pairs = [*m.strict, *(p for p in m.lenient if p.gold.kind != "direct")]
            good = {id(p.pred) for p in pairs if _right_speaker(p)}
            for q in m.pred:
                value = q.data.get("confidence")
                if isinstance(value, int | float) and value >= CONFIDENT:
                    total += 1
                    count += id(q) in good
        return Rate(count=count, total=total)

    return Scores(
        confident=confident(),
        articles=len(matched),
        direct_strict=spans("direct", True),
        direct_lenient=spans("direct", False),
        indirect_lenient=spans("indirect", False),
        speaker_direct=speakers(("direct",)),
        speaker_indirect=speakers(("indirect",)),
        speaker_all=speakers(_KINDS),
        all_three_direct=all_three(("direct",)),
        all_three_indirect=all_three(("indirect",)),
        all_three_all=all_three(_KINDS),
        non_quotes_as_direct=Rate(
            count=sum(m.non_quotes_as_direct for m in matched), total=sum(m.non_quotes for m in matched)
        ),
    )


def _show(quote: _Q) -> dict[str, Any]:
    return {
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "text": quote.data.get("text"),
        "speaker": quote.speaker,
        "cue": quote.cue,
    }


def errors(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """List what went wrong in each article, for debugging; the articles without errors are left out.

    Quotes are paired by lenient matching, as for speaker accuracy.

    Args:
        gold: Articles in the corpus format, as for :func:`score`.
        predicted: Prediction records, as for :func:`score`.

    Returns:
        One dict per article with an error, in the order of ``gold``: ``id``; ``missed``
        (gold quotes no prediction matches); ``spurious`` (predictions that match no gold
        quote); ``wrong_speaker`` and ``wrong_cue`` (``{"gold": ..., "predicted": ...}``
        for matched pairs that disagree); ``inexact`` (direct pairs that match leniently
        but not strictly). Each quote is shown with ``kind``, ``start``, ``end``, ``text``,
        ``speaker`` and ``cue``.

    Raises:
        InputError: As :func:`score` does.
    """
    listing = []
    for ident, m in _match_corpus(gold, predicted):
        gold_hit = {p.gold.index for p in m.lenient}
        pred_hit = {p.pred.index for p in m.lenient}
        entry: dict[str, Any] = {
            "id": ident,
            "missed": [_show(q) for q in m.gold if q.index not in gold_hit],
            "spurious": [_show(q) for q in m.pred if q.index not in pred_hit],
            "wrong_speaker": [
                {"gold": _show(p.gold), "predicted": _show(p.pred)}
                for p in m.lenient
                if not _right_speaker(p)
            ],
            "wrong_cue": [
                {"gold": _show(p.gold), "predicted": _show(p.pred)}
                for p in m.lenient
                if not same_cue(p.gold.cue, p.pred.cue)
            ],
            "inexact": [
                {"gold": _show(p.gold), "predicted": _show(p.pred)}
                for p in m.lenient
                if p.gold.kind == "direct" and not p.strict
            ],
        }
        if any(entry[key] for key in entry if key != "id"):
            listing.append(entry)
    return listing


def check_floor(scores: Scores, floor: Mapping[str, float]) -> list[str]:
    """Return a message for every metric that falls below its floor (empty: all is well).

    Args:
        scores: What :func:`score` gave.
        floor: Minimum values by dotted key of :meth:`Scores.flat`, e.g.
            ``{"direct.strict.f1": 0.9, "speaker_accuracy.all.rate": 0.85}``. For the keys
            in :data:`CEILING_KEYS` (lower is better) the value is a maximum instead.

    Returns:
        One message per failing metric, in the order of ``floor``. An unknown key, or a
        rate that is undefined because there was nothing to count, is reported too.

    >>> scores = score([{"id": "a", "text": "Já.", "quotes": []}], [])
    >>> check_floor(scores, {"direct.strict.f1": 0.5, "speaker_accuracy.all.rate": 0.5})
    ['speaker_accuracy.all.rate is undefined (nothing to count); floor 0.500']
    """
    values = scores.flat()
    messages = []
    for key, bound in floor.items():
        if key not in values:
            messages.append(f"{key} is not a metric (known: {', '.join(sorted(values))})")
            continue
        value = values[key]
        if value is None:
            messages.append(f"{key} is undefined (nothing to count); floor {bound:.3f}")
        elif key in CEILING_KEYS:
            if value > bound:
                messages.append(f"{key} = {value:.3f} is above its ceiling {bound:.3f}")
        elif value < bound:
            messages.append(f"{key} = {value:.3f} is below its floor {bound:.3f}")
    return messages
