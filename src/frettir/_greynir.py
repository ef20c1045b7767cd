"""The adapter to Miðeind's ``reynir`` (Greynir) and ``tokenizer``: the one module that imports them.

Everything else in frettir sees only the plain :class:`Token` records made here: exact
character spans into the caller's text, the BÍN readings of each word and the person-name
readings that reynir's name recogniser gives. Nothing of reynir's is stored on a public class.

Offsets: reynir's token layer keeps each token's source text in ``Tok.original`` but merges
spelled-out numbers (``tíu þúsund``) and keeps only part of their original. :func:`tokenize`
therefore re-synchronises with the raw text after every token (see ``_align``).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, cast

import attrs

__all__ = ["Meaning", "PersonReading", "Token", "lemmas", "lookup", "nominative", "tokenize", "word_forms"]


@attrs.frozen(slots=True)
class Meaning:
    """One BÍN reading of a word form.

    Lemma, word class (``so``, ``kk``, ``pfn``...), domain (``alm``, ``ism``, ``titl``...) and
    inflection tags (``GM-FH-ÞT-3P-ET``).
    """

    lemma: str
    cat: str
    domain: str
    tags: str
    core: bool = True  # BÍN's core vocabulary (birting K), not a rare word or name (V)


@attrs.frozen(slots=True)
class PersonReading:
    """A reading of a person-name token: the name in the nominative, gender and case."""

    name: str
    gender: str | None
    case: str | None


@attrs.frozen(slots=True)
class Token:
    """A token with its exact span in the raw text.

    ``kind`` is one of ``word``, ``person``, ``entity``, ``punct``, ``number``, ``other``.
    ``sent_start`` marks the first token of a sentence as the tokenizer splits them.
    """

    kind: str
    text: str
    norm: str
    start: int
    end: int
    meanings: tuple[Meaning, ...] = ()
    persons: tuple[PersonReading, ...] = ()
    sent_start: bool = False

    @property
    def low(self) -> str:
        """The normalised text in lower case (``hu\u0301n`` reads ``hún``), for word checks."""
        return (self.norm or self.text).lower()


@functools.cache
def _kinds() -> dict[int, str]:
    from tokenizer import TOK

    return {
        int(TOK.WORD): "word",
        int(TOK.PERSON): "person",
        int(TOK.ENTITY): "entity",
        int(TOK.PUNCTUATION): "punct",
        int(TOK.NUMBER): "number",
        int(TOK.PERCENT): "number",
        int(TOK.ORDINAL): "number",
        int(TOK.YEAR): "number",
        int(TOK.COMPANY): "entity",
    }


@functools.cache
def _sentence_markers() -> tuple[int, int]:
    from tokenizer import TOK

    return int(TOK.S_BEGIN), int(TOK.S_END)


def _align(raw: str, pos: int, limit: int, original: str, txt: str) -> tuple[int, int]:
    """Return the span of the next token in ``raw[pos:limit]``, given its original and txt."""
    while pos < limit and raw[pos].isspace():
        pos += 1
    core = original.strip()
    if core and raw.startswith(core, pos):
        return pos, pos + len(core)
    if txt and raw.startswith(txt, pos):
        return pos, pos + len(txt)
    if core:
        found = raw.find(core, pos, min(limit, pos + 400))
        if found >= 0:
            return pos, found + len(core)
    return pos, pos


def _meanings(value: Any) -> tuple[Meaning, ...]:
    if not isinstance(value, list):
        return ()
    out: list[Meaning] = []
    for m in value:
        try:
            out.append(Meaning(str(m[0]), str(m[2]), str(m[3]), str(m[5])))
        except (IndexError, TypeError):
            continue
    return tuple(out)


def _persons(value: Any) -> tuple[PersonReading, ...]:
    if not isinstance(value, list):
        return ()
    out: list[PersonReading] = []
    for p in value:
        name = getattr(p, "name", None)
        if isinstance(name, str) and name:
            out.append(PersonReading(name, getattr(p, "gender", None), getattr(p, "case", None)))
    return tuple(out)


_LONG_DIGITS = re.compile(r"[0-9]{1000,}")
"""Digit runs the tokenizer would hand to ``int()`` beyond Python's 4,300-digit limit."""


RUN_LIMIT = 64
"""The longest run of non-space characters handed to the tokenizer in one piece.

Miðeind's ``tokenizer`` (3.7.0) copies the rest of a raw token each time it takes a
punctuation mark off its front, so a run of *n* marks with no space (``((((…``) costs
*n* squared. :func:`_cut` hands a longer run over in pieces, cut before a punctuation
mark or symbol, so no piece is longer than this; a word is never cut.
"""

_LONG_RUN = re.compile(rf"\S{{{RUN_LIMIT + 1},}}")


def _cut(piece: str) -> list[str]:
    """Split ``piece`` into consecutive parts that join to it, cutting long runs of marks.

    Inside a run of more than :data:`RUN_LIMIT` non-space characters, a cut goes before a
    punctuation mark or symbol (Unicode category ``P*`` or ``S*``) once the part since the
    last cut has :data:`RUN_LIMIT` characters; the tokenizer treats the boundary between two
    parts like white space. Runs of letters or digits are left whole (they cost the
    tokenizer linear time). The parts join to ``piece`` exactly, so offsets do not move.
    """
    cuts: list[int] = []
    for run in _LONG_RUN.finditer(piece):
        last = run.start()
        for at in range(run.start() + RUN_LIMIT, run.end()):
            if at - last >= RUN_LIMIT and unicodedata.category(piece[at])[0] in "PS":
                cuts.append(at)
                last = at
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in itertools.pairwise(bounds)]


def tokenize(raw: str, start: int = 0, end: int | None = None, *, light: bool = False) -> list[Token]:
    """Tokenize ``raw[start:end]`` (one paragraph, or part of one).

    By default with reynir's BÍN-aware tokenizer (person names merged and in the
    nominative, every word with its BÍN readings). With ``light``, with Miðeind's plain
    tokenizer, about seven times faster: only capitalised words get BÍN readings (enough
    to find the names a sentence mentions), and there are no person tokens.

    Spans are exact indices into ``raw``; the text is never rewritten. A run of 1,000 or
    more digits is hidden from the tokenizer (which would fail on it) and gives no token; a
    long run of punctuation is handed over in pieces (see :func:`_cut`).
    """
    stop = len(raw) if end is None else end
    piece = _LONG_DIGITS.sub(lambda m: "x" * len(m.group()), raw[start:stop])
    parts = _cut(piece)
    if light:
        from tokenizer import tokenize as plain_tokenize

        stream = cast(Iterator[Any], plain_tokenize(parts))
    else:
        from reynir.bintokenizer import tokenize as bin_tokenize

        stream = cast(Iterator[Any], bin_tokenize(parts))
    kinds = _kinds()
    s_begin, s_end = _sentence_markers()
    tokens: list[Token] = []
    pos = start
    new_sentence = True
    for tok in stream:
        kind_id = int(tok.kind)
        if kind_id == s_begin:
            new_sentence = True
            continue
        if kind_id == s_end or tok.original is None:
            continue
        original = str(tok.original)
        txt = str(tok.txt or "")
        # align on the text the tokenizer saw (same length and offsets as raw[start:stop])
        pstart, pend = _align(piece, pos - start, len(piece), original, txt)
        tstart, tend = pstart + start, pend + start
        if tend <= tstart:
            continue
        pos = tend
        kind = kinds.get(kind_id, "other")
        if light:
            meanings = lookup(txt) if kind == "word" and txt[:1].isupper() else ()
            persons: tuple[PersonReading, ...] = ()
        else:
            meanings = _meanings(tok.val) if kind == "word" else ()
            persons = _persons(tok.val) if kind == "person" else ()
        tokens.append(
            Token(
                kind=kind,
                text=raw[tstart:tend],
                norm=txt,
                start=tstart,
                end=tend,
                meanings=meanings,
                persons=persons,
                sent_start=new_sentence,
            )
        )
        new_sentence = False
    return tokens


@functools.cache
def word_forms(lemma: str, cat: str = "so") -> frozenset[str]:
    """Every inflected form (lower case) of a lemma of one word class, from BÍN."""
    forms: set[str] = set()
    try:
        _, entries = _bin().lookup_lemmas(lemma)
    except Exception:  # islenska raises bare exceptions on odd input
        return frozenset()
    for entry in entries:
        if entry.ofl == cat:
            forms.update(str(f.bmynd).lower() for f in _bin().lookup_id(entry.bin_id))
    return frozenset(forms)


_CASES = ("NF", "ÞF", "ÞGF", "EF")


@functools.cache
def _bin() -> Any:
    from islenska import Bin

    return Bin()


@functools.lru_cache(maxsize=65536)
def lookup(word: str) -> tuple[Meaning, ...]:
    """BÍN readings of a word form (through ``islenska``); empty when BÍN does not know it."""
    try:
        _, found = _bin().lookup_ksnid(word)
    except Exception:  # islenska raises bare exceptions on odd input
        return ()
    return tuple(Meaning(str(m.ord), str(m.ofl), str(m.hluti), str(m.mark), m.birting != "V") for m in found)


def lemmas(word: str) -> frozenset[str]:
    """The BÍN lemmas of a word form, in lower case (``ríkisstjórnarinnar``: ``ríkisstjórn``).

    Empty when BÍN does not know the word. Used to index quotes for searching by lemma.
    """
    return frozenset(meaning.lemma.lower() for meaning in lookup(word))


@functools.lru_cache(maxsize=65536)
def nominative(form: str, lemma: str, cat: str, tags: str) -> str | None:
    """Return the nominative of one inflected word form, or ``None`` if BÍN has none.

    The nominative keeps the number, gender, definiteness and degree of ``form``.
    """
    target = tags
    for case in ("ÞGF", "ÞF", "EF", "NF"):
        if case in target:
            target = target.replace(case, "NF", 1)
            break
    else:
        return None
    if target == tags:
        return form
    try:
        variants = _bin().lookup_variants(form, cat, "NF", lemma=lemma)
    except Exception:
        return None
    for variant in variants:
        if variant.mark == target:
            return str(variant.bmynd)
    return None


MAX_PARSE_TOKENS = 30
"""Sentences longer than this are not parsed (Greynir's time grows fast with length)."""


@functools.cache
def default_parser() -> Any:
    """The process-wide Greynir parser, built on first use."""
    from reynir import Greynir

    return Greynir()


def parse_subject(sentence: str, verb_at: int, parser: Any = None) -> tuple[int, int] | None:
    """Parse one sentence with Greynir and return the span of the subject of a verb (cached)."""
    if parser is not None:
        return _parse_subject(sentence, verb_at, parser)
    return _cached_parse_subject(sentence, verb_at)


@functools.lru_cache(maxsize=4096)
def _cached_parse_subject(sentence: str, verb_at: int) -> tuple[int, int] | None:
    return _parse_subject(sentence, verb_at, None)


def _parse_subject(sentence: str, verb_at: int, parser: Any) -> tuple[int, int] | None:
    """Parse one sentence with Greynir and return the span of the subject of a verb.

    ``verb_at`` is a character offset inside the verb; the result is the character span
    (relative to ``sentence``) of the subject's head word: a person name, an entity, a noun
    or a pronoun. ``None`` when the sentence is too long, does not parse, or the verb's
    clause has no subject. A failed parse is data here, never an exception.
    """
    greynir = parser if parser is not None else default_parser()
    try:
        sent = greynir.parse_single(sentence, max_sent_tokens=MAX_PARSE_TOKENS)
    except Exception:  # any parser failure falls back to "no subject"
        return None
    tree = getattr(sent, "tree", None)
    if tree is None:
        return None
    spans: list[tuple[int, int]] = []
    pos = 0
    for tok in sent.tokens:
        start, end = _align(sentence, pos, len(sentence), str(tok.original or ""), str(tok.txt or ""))
        spans.append((start, end))
        pos = max(pos, end)
    verb = None
    for leaf in tree.leaves:
        index = int(leaf.index)
        if leaf.tcat == "so" and index < len(spans) and spans[index][0] <= verb_at < spans[index][1]:
            verb = leaf
            break
    if verb is None:
        return None
    node = verb.parent
    while node is not None:
        for child in node.children:
            if str(child.tag).startswith("NP-SUBJ"):
                leaves = list(child.leaves)
                for n, head in enumerate(leaves):
                    if head.tcat == "fn" and n + 1 < len(leaves) and str(leaves[n + 1].text).lower() == "sem":
                        break  # "Sá sem stýrði fundinum": a pronoun heads it, no noun to name
                    if head.tcat in ("person", "entity", "no", "pfn", "sérnafn", "fyrirtæki"):
                        index = int(head.index)
                        return spans[index] if index < len(spans) else None
                return None
        if str(node.tag).startswith(("S-MAIN", "CP", "S0")):
            return None
        node = node.parent
    return None
