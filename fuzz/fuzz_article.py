"""Atheris fuzz target over :meth:`frettir.Article.from_text` and :func:`frettir.serialize.loads`.

Run it with ``make fuzz`` (``FUZZ_SECONDS=600`` by default), or by hand::

    python fuzz/fuzz_article.py --seeds build/fuzz/corpus   # write seed inputs and a dictionary
    python fuzz/fuzz_article.py build/fuzz/corpus -dict=build/fuzz/icelandic.dict \
        -max_total_time=600 -timeout=20 -max_len=4096 -artifact_prefix=build/fuzz/artifacts/ \
        --keep-going=build/fuzz/artifacts

libFuzzer stops at the first crash, and its ``-fork`` mode does not work under atheris. With
``--keep-going=DIR`` the target catches each exception instead, saves the first input of every
distinct failure (exception type, mode and the line that raised) as ``DIR/crash-<hash>`` with
its traceback in ``crash-<hash>.txt``, and fuzzing goes on. Hangs still stop the run
(``-timeout``). Replay a saved input with ``python fuzz/fuzz_article.py DIR/crash-<hash>``.

The first byte of an input picks what the rest means (``byte % 6``) and, for text, whether the
real Greynir parser is used (``byte // 6 % 4 == 0``) or one that fails on every sentence:

0. UTF-8 text, invalid bytes kept as lone surrogates (``surrogateescape``) -> ``from_text``;
1. a sequence of Icelandic fragments (names, verbs of saying, every quotation mark, odd
   white space and numbers), one per byte -> ``from_text``;
2. arbitrary code points (:meth:`atheris.FuzzedDataProvider.ConsumeUnicode`) -> ``from_text``;
3. raw bytes -> ``loads``;
4. a valid article's JSON with one value replaced by a fuzzed one -> ``loads``;
5. a large input of one of the families of ``benchmarks/scaling.py`` (a punctuation run, many
   quotes, many reports, many cues in a sentence, many speakers), up to a million characters
   (the next byte picks the family, the one after the size: 2 to the power 0-16, or a million
   characters when it is 255), with fragments as in mode 1 spliced in -> ``from_text``.
   Instrumented, a million characters takes 2-8 minutes, hence ``-timeout=600``; the seeds stay
   at 64K characters so that the first pass over them stays short.

``from_text`` must return an :class:`~frettir.Article` for any ``str`` (it documents no
``FrettirError``), that article must pass :func:`corpus_check.violations` and survive a JSON
round trip. ``loads`` must return an article that keeps the model's invariants (the same
checks with ``read=False``) or raise :class:`~frettir.InputError`. Anything else raises, and
libFuzzer keeps the input as a crash.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import random
import re
import sys
import traceback
import types
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped]  # ships no type information

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

# frettir imports its pipeline and tokenizer lazily: import them here so they are instrumented.
# reynir (the parser's Python half) is left out: its coverage would steer the fuzzer into Greynir.
with atheris.instrument_imports(include=["frettir", "tokenizer"]):
    for _module in ("tokenizer", "frettir._pipeline"):
        importlib.import_module(_module)
    from frettir import Article, InputError
    from frettir.serialize import dumps, loads, to_dict

from corpus_check import violations
from scaling import FAMILIES, build

_MODES = 6
"""Modes of an input (its first byte modulo this); see the module docstring."""

_FAMILY_MAX = 1_000_000
"""The longest family input, in characters (frettir's default maximum length)."""

# One fragment per byte in mode 1; a space goes between two fragments that would otherwise glue words.
FRAGMENTS: tuple[str, ...] = (
    *("„", "“", "”", '"', "»", "«", "‚", "‘", "’", "'", "\u2039", "\u203a", "「", "」"),
    *(".", ",", ":", ";", "?", "!", "-", "–", "—", "(", ")", "…", "...", "/"),
    *(" ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\u00ad", "\u200b", "\ufeff"),
    *("\u0301", "\u0308", "\x00", "\x0c", "\u202e"),
    *("sagði", "segir", "sagðist", "segja", "bætti", "við", "að sögn", "samkvæmt", "skrifaði"),
    *("spurði", "svaraði", "fullyrti", "tilkynnti", "hafði eftir", "kom fram", "og hló", "telur"),
    *("hann", "hún", "það", "þau", "þeir", "við", "ég", "hans", "hennar", "sig", "sér"),
    *("Jón", "Jónsson", "Anna", "Jónsdóttir", "Guðni Th. Jóhannesson", "Kári Stefánsson"),
    *("Donald Trump", "Donalds Trump", "Vladimirs Pútíns", "Ursula von der Leyen", "Zelensky"),
    *("Katrín Jakobsdóttir", "Ha\u0301kon", "Þórður", "Ævar", "Ölöf"),
    *("forsætisráðherra", "Bandaríkjaforseti", "forstjóri Icelandair", "talsmaður félagsins"),
    *("lögreglan á höfuðborgarsvæðinu", "Landspítalinn", "ráðherra", "forsetinn"),
    *("að", "hvort", "og", "en", "ekki", "er", "var", "verður", "sé", "væri", "hefur", "mun"),
    *("Við", "Það", "Þetta", "Já", "Nei", "Halló", "í", "á", "um", "frá", "með", "til"),
    *("tíu þúsund", "sextíu prósent", "kl. 14:30", "1.000", "50%", "3", "2025", "1.", "12. ágúst"),
    *("hello", "said", "he", "你好", "مرحبا", "😀", "Привет", "sagði:", "svar-\naði"),
    *("náðum", "mark", "fundinum", "blaðamannafundi", "í gær", "Alaska", "Reykjavík"),
)
assert len(FRAGMENTS) <= 256, len(FRAGMENTS)


def _compose(data: bytes) -> str:
    parts: list[str] = []
    for byte in data:
        fragment = FRAGMENTS[byte % len(FRAGMENTS)]
        if parts and parts[-1][-1:].isalnum() and fragment[:1].isalnum():
            parts.append(" ")
        parts.append(fragment)
    return "".join(parts)


def _family(body: bytes) -> str:
    """A family input of about 2**k characters (at most a million), fragments spliced in."""
    if len(body) < 3:
        return ""
    names = sorted(FAMILIES)
    family = names[body[0] % len(names)]
    target = _FAMILY_MAX if body[1] == 255 else 2 ** (body[1] % 17)
    per_unit = max(1, len(build(family, 100)) // 100)
    text = build(family, max(1, target // per_unit))[:_FAMILY_MAX]
    extra = _compose(body[3:])
    at = len(text) * body[2] // 256
    return (text[:at] + extra + text[at:])[:_FAMILY_MAX]


def _check_article(article: Article, text: str | None, *, read: bool = True) -> None:
    found = violations(article, text, read=read)
    if found:
        raise AssertionError(f"{found[0]} | all {len(found)}: {found} | text {article.text[:300]!r}")
    again = loads(dumps(article))
    if again != article:
        raise AssertionError(f"JSON round trip changed the article | text {article.text[:300]!r}")


class _Unparsable:
    """A stand-in for ``reynir.Greynir`` that fails to parse every sentence, as Greynir may.

    Parsing is most of the cost of an input (about 6 times the rest), so three inputs in four
    use this and run the rest of the engine that much more often; a failed parse is data.
    """

    def parse_single(self, sentence: str, **options: object) -> object:
        return types.SimpleNamespace(tree=None, tokens=[], terminals=None, error="not parsed")


def _read(text: str, parser: object | None) -> None:
    article = Article.from_text(text, parser=parser)
    _check_article(article, text)


def _load(data: str | bytes) -> None:
    try:
        article = loads(data)
    except InputError:
        return
    if not isinstance(article, Article):
        raise AssertionError(f"loads returned {type(article).__name__} | {data[:300]!r}")
    _check_article(article, None, read=False)


_TEMPLATE: dict[str, Any] | None = None


def _template() -> dict[str, Any]:
    global _TEMPLATE
    if _TEMPLATE is None:
        text = "Hún kom í gær.\n\n„Við náðum ekki í mark,“ sagði Anna Jónsdóttir. Hún sagði að það væri gott."
        _TEMPLATE = to_dict(Article.from_text(text))
    return _TEMPLATE


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every value inside ``value`` (containers included)."""
    out: list[tuple[Any, ...]] = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_leaves(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out.extend(_leaves(item, (*path, index)))
    return out


def _mutate(fdp: atheris.FuzzedDataProvider) -> str:
    doc = json.loads(json.dumps(_template()))
    for _ in range(fdp.ConsumeIntInRange(1, 3)):
        paths = [p for p in _leaves(doc) if p]
        path = paths[fdp.ConsumeIntInRange(0, len(paths) - 1)]
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        choice = fdp.ConsumeIntInRange(0, 7)
        new: Any
        if choice == 0:
            new = fdp.ConsumeIntInRange(-3, 200)
        elif choice == 1:
            new = fdp.ConsumeInt(8)
        elif choice == 2:
            new = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 20))
        elif choice == 3:
            new = None
        elif choice == 4:
            new = fdp.ConsumeRegularFloat()
        elif choice == 5:
            new = [] if fdp.ConsumeBool() else {}
        elif choice == 6:
            new = fdp.ConsumeBool()
        else:
            if isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent.pop(path[-1])
            continue
        parent[path[-1]] = new
    return json.dumps(doc, ensure_ascii=fdp.ConsumeBool(), allow_nan=True)


def test_one_input(data: bytes) -> None:
    """Run one fuzz input (see the module docstring for what its bytes mean)."""
    if _KEEP_GOING is None:
        _run(data)
        return
    try:
        _run(data)
    except Exception as error:
        _record(data, error, _KEEP_GOING)


_UNPARSABLE = _Unparsable()
_KEEP_GOING: Path | None = None
_SEEN: set[str] = set()


def _record(data: bytes, error: Exception, directory: Path) -> None:
    """Save the first input of each distinct failure (type, mode and the frame that raised) and go on."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    signature = f"{type(error).__name__} mode {data[0] % _MODES} at {where}"
    if isinstance(error, AssertionError):  # one of ours: tell the broken invariants apart
        signature += ": " + re.sub(r"\d+", "N", str(error).split(" | ")[0])[:100]
    if signature in _SEEN:
        return
    _SEEN.add(signature)
    name = hashlib.sha1(signature.encode()).hexdigest()[:12]
    (directory / f"crash-{name}").write_bytes(data)
    report = "".join(traceback.format_exception(error, limit=-6))
    (directory / f"crash-{name}.txt").write_text(f"{signature}\n\n{report}", "utf-8")
    print(f"\n==== new failure #{len(_SEEN)}: {signature} -> crash-{name}", file=sys.stderr, flush=True)


def _run(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % _MODES, data[1:]
    parser = None if data[0] // _MODES % 4 == 0 else _UNPARSABLE
    if mode == 0:
        _read(body.decode("utf-8", "surrogateescape"), parser)
    elif mode == 1:
        _read(_compose(body), parser)
    elif mode == 2:
        fdp = atheris.FuzzedDataProvider(body)
        _read(fdp.ConsumeUnicode(len(body)), parser)
    elif mode == 3:
        _load(body)
    elif mode == 4:
        _load(_mutate(atheris.FuzzedDataProvider(body)))
    else:
        _read(_family(body), parser)


def _dict_byte(byte: int) -> str:
    """One byte of a libFuzzer dictionary entry: printable ASCII as is, the rest hex-escaped."""
    return chr(byte) if 0x20 <= byte < 0x7F and chr(byte) not in '"\\' else f"\\x{byte:02x}"


def _write_seeds(directory: Path) -> None:
    """Write seed inputs for every mode and a libFuzzer dictionary next to ``directory``.

    Each mode gets seeds of its own (libFuzzer seldom changes the first byte of an input), and
    one text seed in four uses the real parser.
    """
    directory.mkdir(parents=True, exist_ok=True)
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    texts = [
        "„Já,“ sagði Anna Jónsdóttir.",
        "„Við náðum ekki í mark,“ sagði Trump.\n\nHann sagði að það væri gott.",
        "Jón sagði: „Þetta er allt saman upp á við.“",
        "„Fyrst,“ sagði hún, „og svo.“",
        '"Já," sagði hann. »Nei,« sagði hún. ‚Kannski,‘ sagði það.',
    ]
    dev = shared / "dev.jsonl"
    if dev.is_file():
        texts += [json.loads(line)["text"][:4000] for line in dev.read_text("utf-8").splitlines() if line]
    sentences = shared / "greynircorpus-sentences.txt"
    if sentences.is_file():
        lines = sentences.read_text("utf-8").splitlines()[:180]
        texts += [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    rng = random.Random(0)
    seeds: dict[str, bytes] = {}
    for n, text in enumerate(texts):
        seeds[f"text-{n:03}"] = bytes([_MODES * (n % 4)]) + text.encode("utf-8")
    for n in range(60):
        seeds[f"fragments-{n:03}"] = bytes([1 + _MODES * (n % 4)]) + rng.randbytes(rng.randrange(5, 200))
    for n in range(20):
        seeds[f"unicode-{n:03}"] = bytes([2 + _MODES * (n % 4)]) + rng.randbytes(rng.randrange(5, 400))
    for n, text in enumerate(texts[:40]):
        seeds[f"json-{n:03}"] = b"\x03" + dumps(Article.from_text(text)).encode("utf-8")
    for n in range(60):
        seeds[f"mutate-{n:03}"] = b"\x04" + rng.randbytes(rng.randrange(8, 64))
    for n in range(24):  # every family, small to a million characters, the unparsable parser mostly
        size = (4, 10, 14, 16)[n // len(FAMILIES) % 4]
        first = 5 + _MODES * (0 if n % 4 == 0 else 1)
        seeds[f"family-{n:03}"] = bytes([first, n % len(FAMILIES), size, rng.randrange(256)]) + rng.randbytes(
            8
        )
    for name, data in seeds.items():
        (directory / name).write_bytes(data)
    entries = sorted({f for f in FRAGMENTS if f.strip()} | {'"start":', '"end":', '"quotes":', "null"})
    lines = ['"' + "".join(_dict_byte(b) for b in entry.encode("utf-8")) + '"' for entry in entries]
    (directory.parent / "icelandic.dict").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {len(seeds)} seeds to {directory}")


def main() -> None:
    """Write seeds (``--seeds DIR``) or run libFuzzer with the remaining arguments."""
    global _KEEP_GOING
    if len(sys.argv) == 3 and sys.argv[1] == "--seeds":
        _write_seeds(Path(sys.argv[2]))
        return
    for arg in sys.argv[1:]:
        if arg.startswith("--keep-going="):
            _KEEP_GOING = Path(arg.partition("=")[2])
            _KEEP_GOING.mkdir(parents=True, exist_ok=True)
            sys.argv.remove(arg)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
