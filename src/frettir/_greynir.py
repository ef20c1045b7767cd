"""The adapter to Miðeind's ``reynir`` (Greynir) and ``tokenizer``: the one module that imports them.

Everything else in frettir sees only the plain :class:`Token` records made here: exact
character spans into the caller's text, the BÍN readings of each word and the person-name
readings that reynir's name recogniser gives. Nothing of reynir's is stored on a public class.

Offsets: reynir's token layer keeps each token's source text in ``Tok.original`` but merges
spelled-out numbers (``tíu þúsund``) and keeps only part of their original. :func:`analyse`
therefore re-synchronises with the raw text after every token (see ``_align``).
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import itertools
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import Any, cast

import attrs

__all__ = [
    "Analysed",
    "Meaning",
    "PersonReading",
    "Sentence",
    "Token",
    "analyse",
    "compound_heads",
    "definite_forms",
    "lemmas",
    "lookup",
    "nominative",
    "split",
    "word_forms",
]


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


@functools.cache
def _inside_word_format() -> re.Pattern[str]:
    """Invisible format characters (Unicode category Cf) between two word characters.

    A zero-width joiner or non-joiner, a soft hyphen or a word joiner inside a name
    (``J\u200dón``) makes the tokenizer cut the word in two; :func:`split` hides them from it
    (the text it is given is shorter), and :func:`_align` skips them, so spans still cover
    them and stay exact.
    """
    planes = itertools.chain(range(0x10000), range(0xE0000, 0xE0080))
    chars = "".join(chr(c) for c in planes if unicodedata.category(chr(c)) == "Cf")
    return re.compile(f"(?<=\\w)[{re.escape(chars)}]+(?=\\w)")


def _visible(text: str) -> str:
    """``text`` without the format characters inside its words (see :func:`_inside_word_format`)."""
    if text.isascii():
        return text
    return _inside_word_format().sub("", text)


def _match_visible(raw: str, pos: int, limit: int, core: str) -> int | None:
    """Where ``core`` ends when it matches ``raw`` from ``pos`` on with format characters skipped."""
    if not core:
        return None
    k = pos
    for ch in core:
        while k < limit and raw[k] != ch and unicodedata.category(raw[k]) == "Cf":
            k += 1
        if k >= limit or raw[k] != ch:
            return None
        k += 1
    return k


def _align(raw: str, pos: int, limit: int, original: str, txt: str) -> tuple[int, int]:
    """Return the span of the next token in ``raw[pos:limit]``, given its original and txt."""
    while pos < limit and raw[pos].isspace():
        pos += 1
    core = original.strip()
    if core and raw.startswith(core, pos):
        return pos, pos + len(core)
    if txt and raw.startswith(txt, pos):
        return pos, pos + len(txt)
    end = _match_visible(raw, pos, limit, core)
    if end is not None:
        return pos, end
    if core:
        found = raw.find(core, pos, min(limit, pos + 400))
        if found >= 0:
            return pos, found + len(core)
    return pos, pos


def _meanings(value: Any) -> tuple[Meaning, ...]:
    if not isinstance(value, list):
        return ()
    try:
        return _converted(tuple(value))
    except TypeError:  # an unhashable reading
        return _convert(value)


@functools.lru_cache(maxsize=65536)
def _converted(value: tuple[Any, ...]) -> tuple[Meaning, ...]:
    """The readings reynir gives a word, as :class:`Meaning` records (kept across articles)."""
    return _convert(value)


def _convert(value: Sequence[Any]) -> tuple[Meaning, ...]:
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


@attrs.frozen(slots=True)
class Sentence:
    """One sentence as the plain tokenizer splits it, read once.

    ``tokens`` are light tokens (BÍN readings only for capitalised words, no person tokens);
    :func:`analyse` gives the full BÍN reading of a run of sentences from the same raw tokens,
    without tokenizing the text again.
    """

    tokens: tuple[Token, ...]
    raw: tuple[Any, ...] = attrs.field(repr=False)  # the tokenizer's tokens, with sentence markers
    base: int = 0  # offset of the tokenized piece in the caller's text

    @property
    def start(self) -> int:
        """Where the sentence's first token starts."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Where the sentence's last token ends."""
        return self.tokens[-1].end


@attrs.frozen(slots=True)
class Analysed:
    """A sentence with full BÍN readings, and what :func:`parse` needs to parse it."""

    tokens: tuple[Token, ...]
    stream: tuple[Any, ...] = attrs.field(repr=False)  # reynir's tokens, with sentence markers
    index: tuple[int, ...] = attrs.field(repr=False)  # per word of the parser: its token, or -1


_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
"""Control characters that are not white space (NUL...) and lone surrogates.

The tokenizer makes each of them a token of its own, glued to its neighbours, which splits a
name (``Jón\\x00Jónsson``) and stands between a quote and its cue. They separate words like a
space, so the tokenizer sees a space in their place (the offsets do not move).
"""


def _piece(raw: str, start: int, end: int | None) -> str:
    stop = len(raw) if end is None else end
    piece = _INVISIBLE.sub(" ", raw[start:stop])
    return _LONG_DIGITS.sub(lambda m: "x" * len(m.group()), piece)


def split(raw: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Tokenize ``raw[start:end]`` (one paragraph, or part of one) once, into sentences.

    With Miðeind's plain tokenizer, without its last pass, which reynir's BÍN pipeline does
    itself (:func:`analyse`). Spans are exact indices into ``raw``; the text is never
    rewritten. A run of 1,000 or more digits is hidden from the tokenizer (which would fail
    on it) and gives no token; a long run of punctuation is handed over in pieces (see
    :func:`_cut`).
    """
    from tokenizer import tokenize_without_annotation

    piece = _piece(raw, start, end)
    kinds = _kinds()
    s_begin, s_end = _sentence_markers()
    out: list[Sentence] = []
    raw_toks: list[Any] = []
    tokens: list[Token] = []
    pos = start

    def close() -> None:
        if tokens:
            out.append(Sentence(tuple(tokens), tuple(raw_toks), start))
        elif out and raw_toks:
            # markers or tokens with no text: keep them with the sentence before
            out[-1] = attrs.evolve(out[-1], raw=out[-1].raw + tuple(raw_toks))
        raw_toks.clear()
        tokens.clear()

    for tok in cast(Iterator[Any], tokenize_without_annotation(_cut(_visible(piece)))):
        kind_id = int(tok.kind)
        if kind_id == s_begin:
            close()
        raw_toks.append(tok)
        if kind_id in (s_begin, s_end) or tok.original is None:
            continue
        txt = str(tok.txt or "")
        pstart, pend = _align(piece, pos - start, len(piece), str(tok.original), txt)
        if pend <= pstart:
            continue
        tstart, tend = pstart + start, pend + start
        pos = tend
        kind = kinds.get(kind_id, "other")
        meanings = lookup(txt) if kind == "word" and txt[:1].isupper() else ()
        tokens.append(Token(kind, raw[tstart:tend], txt, tstart, tend, meanings, (), sent_start=not tokens))
    close()
    return out


class _Lookups:
    """reynir's BÍN database with its word lookups kept across articles (bounded)."""

    def __init__(self, db: Any) -> None:
        self._db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def lookup_g(self, w: str, at_sentence_start: bool = False, auto_uppercase: bool = False) -> Any:
        found, meanings = _lookup_g(w, at_sentence_start, auto_uppercase)
        return found, list(meanings)


class _VerbFramesLater(importlib.abc.MetaPathFinder):
    """Present only while frettir imports reynir: reynir's settings keep its verb frames for later.

    ``import reynir`` reads the engine's whole configuration, and three quarters of the
    import's time (about 0.2 of 0.27 CPU s) went to one section of it: the verb frames
    (``Verbs.conf``, some 15,000 lines), which only the parser reads. While this finder is on
    ``sys.meta_path``, the module ``reynir.settings`` is loaded with that section's handler
    keeping the lines instead; :func:`_import_reynir` puts the handler back and makes the
    first parser built read them (:func:`_read_verb_frames`). With a reynir whose settings
    are not as expected, nothing is deferred.
    """

    def __init__(self) -> None:
        self.handler: Callable[[str], None] | None = None

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "reynir.settings":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        loader = getattr(spec, "loader", None)
        if not isinstance(loader, importlib.abc.Loader) or not hasattr(loader, "exec_module"):
            return spec
        exec_module = loader.exec_module

        def exec_keeping_verb_frames(module: ModuleType) -> None:
            exec_module(module)
            settings = getattr(module, "Settings", None)
            handler = getattr(settings, "_handle_verb_objects", None)
            if handler is not None:
                self.handler = handler
                settings._handle_verb_objects = staticmethod(_VERB_FRAMES.append)  # type: ignore[union-attr]

        loader.exec_module = exec_keeping_verb_frames  # type: ignore[method-assign]
        return spec


_VERB_FRAMES: list[str] = []
"""reynir's verb-frame lines not read yet (see :class:`_VerbFramesLater`)."""
_VERB_FRAMES_LOCK = threading.Lock()


@functools.cache
def _import_reynir() -> None:
    """Import reynir once, its verb frames left to the first parser built.

    When the caller imported reynir before frettir, it is used as it is (nothing deferred).
    Every ``Fast_Parser`` reynir builds afterwards, frettir's or the caller's own, reads the
    kept verb frames first, so parses are the same as with reynir imported plainly.
    """
    if "reynir" in sys.modules:
        return
    finder = _VerbFramesLater()
    sys.meta_path.insert(0, finder)
    try:
        import reynir  # noqa: F401
    finally:
        sys.meta_path.remove(finder)
    if finder.handler is None:
        return
    from reynir.fastparser import Fast_Parser
    from reynir.settings import Settings

    Settings._handle_verb_objects = staticmethod(finder.handler)  # type: ignore[method-assign,assignment]
    build = Fast_Parser.__init__

    def build_with_verb_frames(parser: Any, *args: Any, **kwargs: Any) -> None:
        _read_verb_frames(finder.handler)
        build(parser, *args, **kwargs)

    Fast_Parser.__init__ = build_with_verb_frames  # type: ignore[method-assign,assignment]


def _read_verb_frames(handler: Callable[[str], None] | None) -> None:
    """Read the verb frames reynir's import kept (once, under a lock)."""
    with _VERB_FRAMES_LOCK:
        if handler is not None:
            for line in _VERB_FRAMES:
                handler(line)
        _VERB_FRAMES.clear()


@functools.lru_cache(maxsize=65536)
def _lookup_g(w: str, at_sentence_start: bool, auto_uppercase: bool) -> tuple[str, tuple[Any, ...]]:
    """The lookup of one word form by reynir (simple or compound), kept for the next article."""
    _import_reynir()
    from reynir.bindb import GreynirBin

    found, meanings = GreynirBin.get_db().lookup_g(w, at_sentence_start, auto_uppercase)
    return found, tuple(meanings)


@functools.cache
def _pipeline_class() -> Any:
    _import_reynir()
    from reynir.bintokenizer import DefaultPipeline

    class Pipeline(DefaultPipeline):
        """reynir's BÍN pipeline on tokens the plain tokenizer already made."""

        def __init__(self, raw_tokens: Sequence[Any]) -> None:
            super().__init__("")
            self._raw_tokens = raw_tokens

        def tokenize_without_annotation(self) -> Iterator[Any]:
            return iter(self._raw_tokens)

        def annotate(self, stream: Iterator[Any]) -> Iterator[Any]:
            from reynir.bintokenizer import annotate

            return cast(
                Iterator[Any],
                annotate(
                    cast(Any, _Lookups(self._db)),
                    self._token_ctor,
                    stream,
                    auto_uppercase=self._auto_uppercase,
                    no_sentence_start=self._no_sentence_start,
                ),
            )

    return Pipeline


def analyse(raw: str, sentences: Sequence[Sentence]) -> list[Analysed]:
    """Full BÍN readings of a run of consecutive sentences from :func:`split`.

    reynir's pipeline (person names merged and in the nominative, every word with its BÍN
    readings, number phrases and abbreviations) runs on the raw tokens ``split`` kept; the
    text is not tokenized again. Spans are re-synchronised with ``raw`` after every token:
    reynir merges spelled-out numbers (``tíu þúsund``) and keeps only part of their original.
    """
    if not sentences:
        return []
    stream: list[Any] = [tok for sentence in sentences for tok in sentence.raw]
    kinds = _kinds()
    s_begin, s_end = _sentence_markers()
    base = sentences[0].base
    piece = _piece(raw, base, max(s.end for s in sentences))
    pos = sentences[0].start
    out: list[Analysed] = []
    tokens: list[Token] = []
    toks: list[Any] = []
    index: list[int] = []
    for tok in cast(Iterator[Any], _pipeline_class()(stream).tokenize()):
        kind_id = int(tok.kind)
        if kind_id == s_begin:
            if tokens:
                out.append(Analysed(tuple(tokens), tuple(toks), tuple(index)))
            tokens, toks, index = [], [], []
        toks.append(tok)
        if kind_id in (s_begin, s_end):
            continue
        if tok.original is None:
            index.append(-1)
            continue
        txt = str(tok.txt or "")
        pstart, pend = _align(piece, pos - base, len(piece), str(tok.original), txt)
        if pend <= pstart:
            index.append(-1)
            continue
        tstart, tend = pstart + base, pend + base
        pos = tend
        kind = kinds.get(kind_id, "other")
        index.append(len(tokens))
        tokens.append(
            Token(
                kind=kind,
                text=raw[tstart:tend],
                norm=txt,
                start=tstart,
                end=tend,
                meanings=_meanings(tok.val) if kind == "word" else (),
                persons=_persons(tok.val) if kind == "person" else (),
                sent_start=not tokens,
            )
        )
    if tokens:
        out.append(Analysed(tuple(tokens), tuple(toks), tuple(index)))
    return out


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
def compound_heads(lemma: str) -> tuple[str, ...]:
    """The lemma and the last part of each way islenska's compound splitter cuts it.

    ``útvarpsþáttur`` gives ``('útvarpsþáttur', 'þáttur')``; the longest head comes first.
    BÍN lists many compounds whole, so the splitter is asked even for a known lemma.

    >>> compound_heads("heimildamynd")[:2]
    ('heimildamynd', 'mynd')
    """
    heads = [lemma]
    if "-" in lemma.strip("-"):  # Facebook-hópur: the part after the last hyphen is the head
        heads.append(lemma.rstrip("-").rsplit("-", 1)[-1])
        lemma = heads[-1]
    try:
        from islenska.dawgdictionary import Wordbase

        candidates = Wordbase.slice_compound_word_candidates(lemma.lower())
    except Exception:  # islenska raises bare exceptions on odd input
        return tuple(heads)
    for parts in candidates:
        if len(parts) > 1 and parts[-1] not in heads:
            heads.append(str(parts[-1]))
    return tuple(heads)


_LEMMA_TAGS = {"kk": "NFET", "kvk": "NFET", "hk": "NFET", "lo": "FSB-KK-NFET"}
"""The tags of the form BÍN gives as the lemma: a noun's nominative singular without the
article, an adjective's strong positive masculine nominative singular. (A lemma with
hyphens, ``reyk-fjörður``, is islenska's cut of a compound, and one with a space comes from
a token reynir joined: neither is a form, and BÍN is asked.)"""


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
    if target == _LEMMA_TAGS.get(cat) and lemma.isalpha():
        return lemma  # BÍN's lemma is this very form: no paradigm to search
    try:
        variants = _bin().lookup_variants(form, cat, "NF", lemma=lemma)
    except Exception:
        return None
    for variant in variants:
        if variant.mark == target:
            return str(variant.bmynd)
    return None


@functools.lru_cache(maxsize=4096)
def definite_forms(lemma: str, cat: str) -> tuple[str, ...]:
    """The singular forms of a noun with its article, nominative first (``lögreglan``, ``lögregluna``…).

    Empty when BÍN has no such noun.
    """
    forms: list[str] = []
    for case in _CASES:
        try:
            variants = _bin().lookup_variants(lemma, cat, (case, "gr"), lemma=lemma)
        except Exception:  # islenska raises bare exceptions on odd input
            return ()
        found = [str(v.bmynd) for v in variants if v.mark == f"{case}ETgr"]
        if case == "NF" and not found:
            return ()
        forms.extend(f for f in found if f not in forms)
    return tuple(forms)


MAX_PARSE_TOKENS = 30
"""Sentences longer than this are not parsed (Greynir's time grows fast with length)."""


@functools.cache
def default_parser() -> Any:
    """The process-wide Greynir parser, built on first use."""
    _import_reynir()
    from reynir import Greynir

    return Greynir()


def parse_subject(sentence: str, verb_at: int, parser: Any = None) -> tuple[int, int] | None:
    """Parse one sentence with Greynir and return the span of the subject of a verb (cached).

    ``parser`` is a ``reynir.Greynir``, ``None`` (the process-wide one) or a :class:`Parsing`
    (its mode ``"none"`` parses nothing and returns ``None``).
    """
    if isinstance(parser, Parsing):
        if parser.mode == "none":
            return None
        parser = parser.parser
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


PARSE_MODES = ("none", "frame", "cues")
"""The accepted values of ``parse=`` (see the docs' explanation page on parsing)."""

DEFAULT_PARSE = "none"
"""The mode of ``parse=`` when none is given: chosen by the trade-off measured in the docs."""

MAX_SENTENCE_TOKENS = 40
"""Sentences longer than this are not parsed in the ``"cues"`` mode (Greynir's ``max_sent_tokens``)."""

SENTENCE_BUDGET = 40
"""Sentences the ``"cues"`` mode parses in one article at most; later ones keep the token rules.

A count, not seconds, so that the same text always gives the same article."""


@attrs.frozen(slots=True)
class Clause:
    """What Greynir's parse says about one finite verb: its subject and its object clause.

    Character spans into the article's text: the verb; the head word of its subject (a
    person, entity, noun or pronoun) and that head's case (``nf``, ``þf``, ``þgf``, ``ef``);
    the clause the verb governs (``CP-THT-OBJ``, ``CP-QUE-OBJ``...), from its first word to
    its last.
    """

    verb: tuple[int, int]
    subject: tuple[int, int] | None
    case: str | None
    complement: tuple[int, int] | None


@attrs.define
class Parsing:
    """How one article is parsed: the mode, the parser to use and what the parses found.

    Handed to attribution (in place of a bare parser); ``clauses`` maps the start of a
    verb to what the parse of its sentence says.
    """

    mode: str = "frame"
    parser: object | None = None
    clauses: dict[int, Clause] = attrs.field(factory=dict)
    parsed: int = 0  # sentences parsed in the "cues" mode


_CASES_LOW = ("nf", "þf", "þgf", "ef")
_READING_CATS: dict[str, frozenset[str]] = {
    "no": frozenset({"kk", "kvk", "hk"}),
    "so": frozenset({"so"}),
    "lo": frozenset({"lo"}),
    "fs": frozenset({"fs"}),
    "ao": frozenset({"ao"}),
    "eo": frozenset({"ao"}),
    "st": frozenset({"st"}),
    "stt": frozenset({"st"}),
    "nhm": frozenset({"nhm"}),
    "fn": frozenset({"fn"}),
    "pfn": frozenset({"pfn"}),
    "abfn": frozenset({"abfn"}),
    "gr": frozenset({"gr"}),
    "to": frozenset({"to"}),
    "töl": frozenset({"to", "töl"}),
    "uh": frozenset({"uh"}),
}
"""BÍN word classes that fit each category of Greynir's terminals."""
_MOODS = {"fh": "FH", "vh": "VH", "nh": "NH", "bh": "BH", "sagnb": "SAGNB", "lhþt": "LHÞT"}
_HEADS = frozenset({"person", "entity", "no", "pfn", "sérnafn", "fyrirtæki"})


def _fits(meaning: Meaning, cat: str, variants: frozenset[str]) -> bool:
    """Whether a BÍN reading fits the terminal the parse gave the word."""
    if meaning.cat not in _READING_CATS.get(cat, frozenset()):
        return False
    tags = meaning.tags
    if cat == "so":
        for variant, tag in _MOODS.items():
            if variant in variants and tag not in tags:
                return False
        return not ("lh" in variants and "nt" in variants and "LHNT" not in tags)
    if cat in ("fs", "ao", "eo", "st", "stt", "nhm", "uh"):
        return True
    return all(case.upper() in tags for case in _CASES_LOW if case in variants)


def _reading(token: Token, cat: str, variants: frozenset[str]) -> Token:
    """The token with only the BÍN readings its terminal allows (all when none fits)."""
    if not token.meanings or cat not in _READING_CATS:
        return token
    kept = tuple(m for m in token.meanings if _fits(m, cat, variants))
    if not kept or len(kept) == len(token.meanings):
        return token
    return attrs.evolve(token, meanings=kept)


def parse(sentence: Analysed, parsing: Parsing) -> tuple[Token, ...]:
    """Parse one sentence with Greynir; return its tokens with the readings the parse chose.

    Each word keeps only the BÍN readings that fit its terminal (``plasti`` as a noun keeps
    no verb reading), and every finite verb's subject and object clause go to
    ``parsing.clauses``. A sentence longer than :data:`MAX_SENTENCE_TOKENS` or that does
    not parse is data, not an error: its tokens come back unchanged.
    """
    tokens = sentence.tokens
    if len(tokens) > MAX_SENTENCE_TOKENS:
        return tokens
    greynir = parsing.parser if parsing.parser is not None else default_parser()
    parsing.parsed += 1
    try:
        sent = cast(Any, greynir).parse_tokens(list(sentence.stream), max_sent_tokens=MAX_SENTENCE_TOKENS)
    except Exception:  # any parser failure falls back to the token rules
        return tokens
    tree = getattr(sent, "tree", None)
    if tree is None:
        return tokens
    index = sentence.index
    out = list(tokens)

    def span(leaves: Sequence[Any]) -> tuple[int, int] | None:
        found = [index[int(leaf.index)] for leaf in leaves if int(leaf.index) < len(index)]
        found = [k for k in found if k >= 0]
        return (tokens[min(found)].start, tokens[max(found)].end) if found else None

    for leaf in tree.leaves:
        at = int(leaf.index)
        if at >= len(index) or index[at] < 0:
            continue
        cat = str(leaf.tcat)
        variants = frozenset(str(v) for v in leaf.all_variants)
        out[index[at]] = _reading(out[index[at]], cat, variants)
        if cat != "so" or not variants & {"fh", "vh"}:
            continue
        verb = span([leaf])
        if verb is None:
            continue
        subject, case = _subject(leaf, span)
        parsing.clauses[verb[0]] = Clause(verb, subject, case, _complement(leaf, span))
    return tuple(out)


def _subject(verb: Any, span: Any) -> tuple[tuple[int, int] | None, str | None]:
    """The head of the subject of a verb's clause and its case, from the simplified tree."""
    node = verb.parent
    while node is not None:
        for child in node.children:
            if str(child.tag).startswith("NP-SUBJ"):
                leaves = list(child.leaves)
                for n, head in enumerate(leaves):
                    if head.tcat == "fn" and n + 1 < len(leaves) and str(leaves[n + 1].text).lower() == "sem":
                        return None, None  # "Sá sem stýrði fundinum": a pronoun heads it
                    if head.tcat in _HEADS:
                        case = next((c for c in _CASES_LOW if c in head.all_variants), None)
                        return span([head]), case
                return None, None
        if str(node.tag).startswith(("S-MAIN", "CP", "S0", "S-QUOTE")):
            return None, None
        node = node.parent
    return None, None


def _complement(verb: Any, span: Any) -> tuple[int, int] | None:
    """The clause a verb governs (``CP-THT-OBJ``, ``CP-QUE-OBJ``...) in its verb phrase."""
    node = verb.parent
    for _ in range(3):
        if node is None or not str(node.tag).startswith("VP"):
            return None
        for child in node.children:
            if str(child.tag).startswith(("CP-THT", "CP-QUE")):
                found: tuple[int, int] | None = span(list(child.leaves))
                return found
        node = node.parent
    return None
