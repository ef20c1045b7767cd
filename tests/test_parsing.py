"""The ``parse=`` modes: what Greynir parses, what its parse decides, and bad arguments.

The passages are written for these tests in the style of news.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from frettir import Article, InputError
from frettir._greynir import Parsing, analyse, parse, split
from frettir.cli import main

_RELATIVE = "Sjálfboðaliðinn sem starfar með dýraverndunarsamtökum segir að hundarnir lifi stutt."
"""A subject the token rules miss (a description, a relative clause between it and the verb):
a frame parse finds it. (A name there the rules read: *Nadiya Apolonova sem starfar …*.)"""


@pytest.mark.parametrize("mode", ["all", "", "None", "FRAME", None, 1, True])
def test_an_unknown_parse_mode_is_an_input_error_naming_the_modes(mode: object) -> None:
    with pytest.raises(InputError, match=r"'none', 'frame', 'cues'"):
        Article.from_text("Jón sagði að það rigndi.", parse=mode)  # type: ignore[arg-type]


def test_an_unknown_parse_mode_fails_for_an_empty_text_too() -> None:
    with pytest.raises(InputError):
        Article.from_text("", parse="every")


def test_frame_mode_finds_the_subject_the_rules_miss_and_none_does_not_parse() -> None:
    framed = [
        (q.speaker and q.speaker.name, q.rule) for q in Article.from_text(_RELATIVE, parse="frame").quotes
    ]
    plain = [q.rule for q in Article.from_text(_RELATIVE, parse="none").quotes]
    assert framed == [("sjálfboðaliðinn", "indirect.that_clause+parse")]
    assert all("+parse" not in rule for rule in plain)


def test_none_mode_never_loads_the_grammar() -> None:
    """``parse="none"`` builds no Greynir parser, even for a report the rules leave without speaker."""
    code = (
        "import frettir._greynir as g\n"
        "from frettir import Article\n"
        f"Article.from_text({_RELATIVE!r}, parse='none')\n"
        "print(g.default_parser.cache_info().currsize, g._cached_parse_subject.cache_info().misses)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "0"]


_VERB_FRAMES_STATE = (
    "import hashlib\n"
    "from reynir.verbframe import PrepositionFrame, VerbFrame\n"
    "frames = sorted((key, len(found)) for key, found in VerbFrame.ALL_FRAMES.items())\n"
    "cases = sorted((key, len(found)) for key, found in VerbFrame.CASE_FRAMES.items())\n"
    "digest = hashlib.sha1(str([frames, cases]).encode()).hexdigest()\n"
    "state = [len(frames), digest, len(VerbFrame.VERBS), len(PrepositionFrame.FRAMES)]\n"
)
"""Prints reynir's verb frames as the parser sees them: counts and a digest of every key."""

_PARSED = "Ráðherrann sagði blaðamönnum á fundinum að hún hefði hafnað tilboðinu."


def _in_a_fresh_process(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_reading_without_a_parse_leaves_the_verb_frames_unread_and_the_first_parser_reads_them() -> None:
    """reynir's verb frames (only the parser reads them) wait for the first parser built.

    A parser the caller builds after frettir has imported reynir (here reynir's own
    ``Greynir``) sees the same frames, and gives the same parse, as with reynir imported
    plainly before frettir.
    """
    tail = (
        _VERB_FRAMES_STATE
        + "print(state)\n"
        + "from reynir import Greynir\n"
        + f"print(Greynir().parse_single({_PARSED!r}).tree.flat)\n"
        + _VERB_FRAMES_STATE
        + "print(state)\n"
    )
    read = "from frettir import Article\nArticle.from_text('Jón segir að það rigni.')\n"
    deferred = _in_a_fresh_process(read + tail)
    plain = _in_a_fresh_process("import reynir\n" + read + tail)
    assert deferred[0].startswith("[0, ")  # nothing read before a parser was built
    assert plain[0] == plain[2] != deferred[0]
    assert deferred[1:] == plain[1:]
    assert "S-MAIN" in deferred[1]


def _analysed(text: str) -> Parsing:
    parsing = Parsing("cues")
    for sentence in analyse(text, split(text)):
        parse(sentence, parsing)
    return parsing


def test_the_parse_gives_the_subject_its_case_and_the_reported_clause_with_exact_offsets() -> None:
    """Offsets stay exact through a spelled-out number, which reynir merges into one token."""
    text = "Jón Jónsson, forstjóri félagsins, sagði að tíu þúsund manns hefðu mætt á fundinn."
    parsing = _analysed(text)
    verb = text.index("sagði")
    clause = parsing.clauses[verb]
    assert clause.subject is not None and text[slice(*clause.subject)] == "Jón Jónsson"
    assert clause.case == "nf"
    assert clause.complement is not None
    assert text[slice(*clause.complement)] == "að tíu þúsund manns hefðu mætt á fundinn"


def test_the_parse_chooses_the_noun_reading_of_a_word_that_is_also_a_verb() -> None:
    """``plasti`` has a verb reading in BÍN (``plasta``); the sentence makes it a noun."""
    text = "Hann sagði að plasti væri hent í sjóinn."
    (sentence,) = analyse(text, split(text))
    before = next(t for t in sentence.tokens if t.text == "plasti")
    after = next(t for t in parse(sentence, Parsing("cues")) if t.text == "plasti")
    assert any(m.cat == "so" for m in before.meanings)
    assert after.meanings and not any(m.cat == "so" for m in after.meanings)


def test_a_sentence_too_long_to_parse_keeps_its_tokens() -> None:
    text = "Hann sagði að " + ", ".join(["hestar"] * 30) + " væru á túninu."
    (sentence,) = analyse(text, split(text))
    parsing = Parsing("cues")
    assert parse(sentence, parsing) == sentence.tokens
    assert parsing.clauses == {}


def test_every_mode_reads_a_report_with_exact_spans() -> None:
    text = "Ráðherrann sagði í gær að tíu þúsund manns hefðu skrifað undir.\n\n„Þetta er mikið,“ sagði hún."
    for mode in ("none", "frame", "cues"):
        article = Article.from_text(text, parse=mode)
        assert [q.kind for q in article.quotes] == ["indirect", "direct"]
        assert all(text[q.span.start : q.span.end] == q.text for q in article.quotes)


def test_cli_parse_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text(_RELATIVE, encoding="utf-8")
    assert main(["extract", "--json", "--parse", "none", str(source)]) == 0
    assert "+parse" not in capsys.readouterr().out
    assert main(["extract", "--json", "--parse", "frame", str(source)]) == 0
    assert "+parse" in capsys.readouterr().out
    assert main(["extract", "--parse", "every", str(source)]) == 2
    assert "--parse" in capsys.readouterr().err


def test_cues_mode_takes_the_subject_from_the_sentence_parse_without_a_frame() -> None:
    """In ``"cues"``, the parse of the whole sentence names the speaker; no frame is parsed."""
    code = (
        "import frettir._greynir as g\n"
        "from frettir import Article\n"
        f"quotes = Article.from_text({_RELATIVE!r}, parse='cues').quotes\n"
        "print([(q.speaker.name, q.rule) for q in quotes], g._cached_parse_subject.cache_info().misses)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[('sjálfboðaliðinn', 'indirect.that_clause+parse')] 0"
