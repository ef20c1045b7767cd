"""The ``frettir`` command line: ``extract`` and ``evaluate``, driven through ``main``.

Most tests replace the engine with a stand-in (``fake_engine``) so that they check the command
line alone; the tests marked by the ``engine`` fixture run the real extraction and are skipped
while it is not there yet.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import frettir
import frettir.cli
from frettir.cli import main
from frettir.errors import InputError

GOLD: list[dict[str, Any]] = [
    {
        "id": "a1",
        "source": "https://example.is/a1",
        "title": "Jón kemur",
        "text": "„Já, ég kem,“ sagði Jón Jónsson. Hann sagði að veðrið væri gott.",
        "quotes": [
            {"kind": "direct", "start": 1, "end": 12, "speaker": "Jón Jónsson", "cue": "segja"},
            {"kind": "indirect", "start": 47, "end": 63, "speaker": "Jón Jónsson", "cue": "segja"},
        ],
        "non_quotes": [],
    },
    {
        "id": "a2",
        "source": "https://example.is/a2",
        "title": None,
        "text": "„Nei,“ sagði Anna.",
        "quotes": [{"kind": "direct", "start": 1, "end": 5, "speaker": "Anna", "cue": "segja"}],
        "non_quotes": [],
    },
]


def fake_record(
    text: str, *, ident: str | None, title: str | None, url: str | None, parse: str = "none"
) -> dict[str, Any]:
    """A stand-in engine: every „…“ span is a direct quote by Jón; the text ``BOOM`` fails."""
    if "BOOM" in text:
        raise InputError("the engine choked")
    quotes = [
        {
            "kind": "direct",
            "start": m.start(1),
            "end": m.end(1),
            "text": m[1],
            "speaker": "Jón",
            "cue": "segja",
        }
        for m in re.finditer("„([^“]*)“", text)
    ]
    return {"id": ident, "quotes": quotes, "speakers": []}


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the command line's call of the engine by :func:`fake_record`."""
    monkeypatch.setattr(frettir.cli, "_extract_record", fake_record)


@pytest.fixture
def gold_equal_engine(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the engine by one that returns the gold quotes; return the calls it got."""
    by_text = {article["text"]: article for article in GOLD}
    calls: list[dict[str, Any]] = []

    def extract(
        text: str, *, ident: str | None, title: str | None, url: str | None, parse: str = "none"
    ) -> dict[str, Any]:
        calls.append({"text": text, "ident": ident, "title": title, "url": url, "parse": parse})
        return {"id": ident, "quotes": by_text[text]["quotes"], "speakers": []}

    monkeypatch.setattr(frettir.cli, "_extract_record", extract)
    return calls


@pytest.fixture(scope="module")
def engine() -> None:
    """Skip the test while the attribution engine is not written yet."""
    from frettir.article import Article

    try:
        Article.from_text("„Já,“ sagði Jón.")
    except (NotImplementedError, ImportError) as error:  # ModuleNotFoundError is an ImportError
        pytest.skip(f"the engine does not work yet: {error!r}")


def write_jsonl(path: Path, items: list[Any]) -> Path:
    """Write ``items`` as JSON Lines to ``path``."""
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def stdin_of(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Make ``text`` the process's standard input (with a byte buffer, as a real one has)."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


# --- evaluate ------------------------------------------------------------------------------


def test_evaluate_scores_gold_equal_predictions_as_perfect(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Predictions equal to gold give F1 1.0 everywhere and exit code 0."""
    path = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    assert main(["evaluate", str(path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["direct"]["strict"]["f1"] == 1.0
    assert scores["direct"]["lenient"]["f1"] == 1.0
    assert scores["indirect"]["lenient"]["f1"] == 1.0
    assert scores["all_three"]["all"]["rate"] == 1.0
    assert scores["articles"] == 2


def test_evaluate_gives_the_engine_text_title_and_source_only(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]]
) -> None:
    """The engine sees each article's text, title, source URL and parse mode, never the gold quotes."""
    main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD))])
    assert gold_equal_engine[0] == {
        "text": GOLD[0]["text"],
        "ident": "a1",
        "title": "Jón kemur",
        "url": "https://example.is/a1",
        "parse": "none",
    }


def test_evaluate_passes_the_parse_mode_on(tmp_path: Path, gold_equal_engine: list[dict[str, Any]]) -> None:
    main(["evaluate", "--parse", "frame", str(write_jsonl(tmp_path / "gold.jsonl", GOLD))])
    assert {call["parse"] for call in gold_equal_engine} == {"frame"}


def test_evaluate_prints_the_table_and_timing(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json the table goes to stdout and the time per article to stderr."""
    main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD))])
    out, err = capsys.readouterr()
    assert "direct (strict)" in out
    assert "speaker accuracy all" in out
    assert re.search(r"time per article: mean \d+\.\d+ s, max \d+\.\d+ s \(2 articles\)", err)


def test_evaluate_split_scores_the_tune_and_check_parts_apart(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """--split adds the scores of each part, chosen by the hash of the id, to the whole's."""
    from frettir.evaluate import part_of

    articles = [dict(GOLD[1], id=f"n{n}") for n in range(12)]
    path = write_jsonl(tmp_path / "gold.jsonl", articles)
    assert main(["evaluate", str(path), "--json", "--split"]) == 0
    scores = json.loads(capsys.readouterr().out)
    expected = {part: sum(part_of(a["id"]) == part for a in articles) for part in ("tune", "check")}
    assert scores["articles"] == 12
    assert {part: scores["parts"][part]["articles"] for part in scores["parts"]} == expected
    assert main(["evaluate", str(path), "--split"]) == 0
    out = capsys.readouterr().out
    assert "-- tune part --" in out
    assert "-- check part --" in out


def test_evaluate_part_scores_only_that_part(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """--part check extracts and scores only the check part's articles; an empty part is an error."""
    from frettir.evaluate import part_of

    articles = [dict(GOLD[1], id=f"n{n}") for n in range(12)]
    path = write_jsonl(tmp_path / "gold.jsonl", articles)
    assert main(["evaluate", str(path), "--json", "--part", "check"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == sum(
        part_of(a["id"]) == "check" for a in articles
    )
    assert {call["ident"] for call in gold_equal_engine} == {
        a["id"] for a in articles if part_of(a["id"]) == "check"
    }
    only_tune = write_jsonl(tmp_path / "tune.jsonl", [a for a in articles if part_of(a["id"]) == "tune"])
    assert main(["evaluate", str(only_tune), "--part", "check"]) == 2
    assert "no gold article in part 'check'" in capsys.readouterr().err


def test_evaluate_floor_met_exits_zero(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A floor that every metric meets leaves the exit code at 0."""
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"direct.strict.f1": 1.0, "indirect": {"lenient": {"recall": 0.9}}}))
    assert main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD)), "--floor", str(floor)]) == 0


def test_evaluate_below_floor_exits_one_and_names_the_metric(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --floor, a metric below its minimum gives exit code 1 and a message naming it."""
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"indirect.lenient.recall": 0.5, "direct.strict.f1": 0.5}))
    status = main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD)), "--floor", str(floor)])
    err = capsys.readouterr().err
    assert status == 1
    assert "indirect.lenient.recall = 0.000 is below its floor 0.500" in err
    assert "direct.strict.f1" not in err


def test_evaluate_errors_lists_what_went_wrong(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--errors prints each article's missed quotes and wrong speakers after the table."""
    main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD)), "--errors"])
    out = capsys.readouterr().out
    assert "== a1" in out
    assert "missed    indirect" in out
    assert "gold 'Anna', predicted 'Jón'" in out


def test_evaluate_extraction_failure_is_reported_and_scored_as_empty(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article the engine fails on is named on stderr, counts as no quotes, and gives exit 1."""
    gold = [*GOLD, {"id": "bad", "text": "BOOM „x“", "quotes": [], "non_quotes": []}]
    status = main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", gold)), "--json"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "bad: extraction failed: the engine choked" in err
    assert json.loads(out)["articles"] == 3


def test_evaluate_missing_gold_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gold file that does not exist gives a message and exit code 2, no traceback."""
    assert main(["evaluate", str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err
    assert "Traceback" not in err


def test_evaluate_bad_gold_line_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A gold line that is not JSON names the file and line and gives exit code 2."""
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{oops\n", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    assert f"{path}:2: not JSON" in capsys.readouterr().err


def test_evaluate_bad_floor_file_exits_two(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A floor whose value is not a number gives a message and exit code 2."""
    floor = tmp_path / "floor.json"
    floor.write_text(json.dumps({"direct.strict.f1": "high"}))
    assert main(["evaluate", str(write_jsonl(tmp_path / "gold.jsonl", GOLD)), "--floor", str(floor)]) == 2
    assert "must be a number" in capsys.readouterr().err


# --- extract (stand-in engine) ---------------------------------------------------------------


def test_extract_jsonl_writes_one_record_per_line(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jsonl reads JSON objects and writes one record a line, non-ASCII kept as is."""
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "x", "text": "„Þú!“ sagði hún."}, {"id": "y", "text": ""}]
    )
    assert main(["extract", "--jsonl", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["x", "y"]
    assert json.loads(lines[0])["quotes"][0]["text"] == "Þú!"
    assert "Þú!" in out


def test_extract_jsonl_bad_lines_give_error_records_and_the_run_goes_on(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad lines give ``{"id", "error"}`` records and stderr messages; later lines still run; exit 1."""
    path = tmp_path / "in.jsonl"
    lines = [
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "boom", "text": "BOOM"}),
        json.dumps({"id": "ok", "text": "„Já“"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [None, "no-text", "boom", "ok"]
    assert [("error" in r) for r in records] == [True, True, True, False]
    assert f"{path}:1: not JSON" in err
    assert f"{path}:3: the engine choked" in err


def test_extract_jsonl_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no FILE (or ``-``) the input is read from stdin."""
    stdin_of(monkeypatch, json.dumps({"id": "s", "text": "„Hæ“"}) + "\n\n")
    assert main(["extract", "--jsonl", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "s"


def test_extract_jsonl_keeps_line_separators_inside_strings(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON string holding U+2028 is not split into two lines."""
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "x", "text": "a\u2028„b“"}])
    path.write_text(path.read_text(encoding="utf-8").replace("\\u2028", "\u2028"), encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["text"] == "b"


def test_extract_text_file_prints_a_listing_by_default(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plain-text file gives a readable who-said-what listing (what ``make demo`` shows)."""
    path = tmp_path / "frett.txt"
    path.write_text("„Við komum,“ sagði Jón.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"== {path} (1 quote)" in out
    assert "direct    Jón  [segja]" in out
    assert "„Við komum,“" in out


def test_extract_text_files_as_json_array(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json writes a JSON array of records with each file's name as id; --indent indents it."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("„A“", encoding="utf-8")
    second.write_text("Ekkert.", encoding="utf-8")
    assert main(["extract", "--json", "--indent", "2", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[\n  {")
    assert [r["id"] for r in json.loads(out)] == [str(first), str(second)]


def test_extract_text_file_not_utf8_gives_an_error_record(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is not UTF-8 gives an error record, and the other files are still read; exit 1."""
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_bytes("„Já“".encode("cp1252", errors="replace") + b"\xff")
    good.write_text("„Já“", encoding="utf-8")
    assert main(["extract", "--json", str(bad), str(good)]) == 1
    records = json.loads(capsys.readouterr().out)
    assert "error" in records[0]
    assert records[1]["quotes"][0]["text"] == "Já"


def test_extract_missing_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist gives a message and exit code 2, no traceback and no output."""
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "cannot read" in err
    assert "Traceback" not in err


def test_extract_indent_with_jsonl_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--indent with --jsonl would break the one-record-a-line format: exit code 2."""
    assert main(["extract", "--jsonl", "--indent", "2"]) == 2
    assert "--indent" in capsys.readouterr().err


def test_usage_errors_return_two_and_help_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """No command is a usage error (2); --help exits 0; neither raises SystemExit."""
    assert main([]) == 2
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out


# --- extract (real engine) -----------------------------------------------------------------


def test_extract_real_engine_text_file(
    engine: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real engine finds the direct quote and its speaker in a one-line article."""
    path = tmp_path / "frett.txt"
    path.write_text("„Við erum tilbúin,“ segir Jón Jónsson.", encoding="utf-8")
    assert main(["extract", "--json", str(path)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert [(q["kind"], q["text"], q["speaker"]) for q in record["quotes"]] == [
        ("direct", "Við erum tilbúin,", "Jón Jónsson")
    ]


def test_extract_real_engine_jsonl(engine: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the real engine --jsonl gives a record whose quote offsets point into the input text."""
    text = "„Já,“ sagði Anna Jónsdóttir."
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": text, "title": None, "url": "https://x.is"}]
    )
    assert main(["extract", "--jsonl", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "a"
    assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])


def test_extract_into_a_closed_pipe_ends_without_a_traceback(tmp_path: Path) -> None:
    """`frettir extract … | head -1` stops quietly when the reader goes away."""
    import subprocess

    source = tmp_path / "many.jsonl"
    line = json.dumps({"id": "a", "text": "„Já,“ sagði Jón Jónsson. " * 50}, ensure_ascii=False)
    source.write_text("\n".join(line.replace('"a"', f'"a{n}"') for n in range(200)), encoding="utf-8")
    command = f"{sys.executable} -m frettir.cli extract --jsonl {source} | head -c 100 > /dev/null"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr


# --- the program, input decoding, usage ------------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``frettir --version`` prints the installed version and exits 0."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"frettir {frettir.__version__}"


def test_python_m_frettir_runs_the_command_line(tmp_path: Path) -> None:
    """``python -m frettir`` is the ``frettir`` program."""
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "frettir", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"frettir {frettir.__version__}")
    missing = str(tmp_path / "missing.txt")
    result = subprocess.run(
        [sys.executable, "-m", "frettir", "extract", missing],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert f"cannot read {missing}" in result.stderr


def test_extract_text_file_drops_a_utf8_byte_order_mark(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]]
) -> None:
    """A UTF-8 BOM is not part of the text: the engine gets the text after it, in both modes."""
    text = GOLD[1]["text"]
    plain = tmp_path / "bom.txt"
    plain.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    lines = tmp_path / "bom.jsonl"
    lines.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": text}).encode("utf-8") + b"\n")
    assert main(["extract", "--json", str(plain)]) == 0
    assert main(["extract", "--jsonl", str(lines)]) == 0
    assert [call["text"] for call in gold_equal_engine] == [text, text]


def test_extract_not_utf8_says_so_and_names_encoding_in_both_modes(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A windows-1252 file fails the same way as text and as JSON Lines: not utf-8, --encoding."""
    text = "„Þú!“ sagði hún."
    plain = tmp_path / "cp.txt"
    plain.write_bytes(text.encode("cp1252"))
    lines = tmp_path / "cp.jsonl"
    lines.write_bytes(json.dumps({"id": "a", "text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
    assert main(["extract", "--json", str(plain)]) == 1
    (record,) = json.loads(capsys.readouterr().out)
    assert record["error"].startswith(
        "not utf-8: byte 0x84 at offset 0; give the input's encoding with --encoding"
    )
    assert main(["extract", "--jsonl", str(lines)]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["error"].startswith("not utf-8: byte 0x84 at offset ")
    assert "--encoding" in record["error"]


def test_extract_encoding_option_reads_windows_1252(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--encoding cp1252`` decodes text files and JSON Lines alike."""
    text = "„Þú!“ sagði hún."
    plain = tmp_path / "cp.txt"
    plain.write_bytes(text.encode("cp1252"))
    lines = tmp_path / "cp.jsonl"
    lines.write_bytes(json.dumps({"id": "a", "text": text}, ensure_ascii=False).encode("cp1252") + b"\n")
    assert main(["extract", "--json", "--encoding", "cp1252", str(plain)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["quotes"][0]["text"] == "Þú!"
    assert main(["extract", "--jsonl", "--encoding", "windows-1252", str(lines)]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["text"] == "Þú!"


@pytest.mark.parametrize("name", ["utf-16", "no-such-encoding"])
def test_extract_encoding_must_be_known_and_ascii_compatible(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown encoding, or one whose line feed is not the byte 0x0a, is a usage error."""
    assert main(["extract", "--encoding", name, "x.txt"]) == 2
    assert "--encoding" in capsys.readouterr().err


@pytest.mark.parametrize("mode", [[], ["--json"], ["--jsonl"], ["--jsonl", "--pretty"]])
def test_extract_a_missing_file_among_good_ones_fails_before_any_output(
    mode: list[str], tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``extract a missing`` prints nothing and exits 2 in every mode: all files are checked first."""
    good = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": "„Já“"}])
    assert main(["extract", *mode, str(good), str(tmp_path / "missing.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"cannot read {tmp_path / 'missing.txt'}" in err


def test_extract_jsonl_error_records_carry_file_and_line(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreadable line's record has its file and line number; the listing names it by them."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "„Já“"}) + "\n\n{broken\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 1
    bad = json.loads(capsys.readouterr().out.splitlines()[1])
    assert (bad["id"], bad["file"], bad["line"]) == (None, str(path), 3)
    assert main(["extract", "--jsonl", "--pretty", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"== {path}:3 (0 quotes)" in out
    assert "== None" not in out


def test_extract_title_and_url_reach_the_engine(
    tmp_path: Path, gold_equal_engine: list[dict[str, Any]]
) -> None:
    """``--title`` and ``--url`` are given to the engine with the one file's text."""
    path = tmp_path / "a.txt"
    path.write_text(GOLD[1]["text"], encoding="utf-8")
    assert main(["extract", "--title", "Fyrirsögn", "--url", "https://www.mbl.is/a", str(path)]) == 0
    assert (gold_equal_engine[0]["title"], gold_equal_engine[0]["url"]) == (
        "Fyrirsögn",
        "https://www.mbl.is/a",
    )


@pytest.mark.parametrize("args", [["--jsonl", "--url", "https://x.is", "a"], ["--title", "T", "a", "b"]])
def test_extract_title_and_url_need_one_file(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """``--title``/``--url`` with JSON Lines or with several files is a usage error."""
    assert main(["extract", *args]) == 2
    assert "--title and --url apply to one" in capsys.readouterr().err


def test_extract_on_a_terminal_without_files_prints_usage(
    monkeypatch: pytest.MonkeyPatch, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no FILE and a terminal as stdin, extract says how to use it instead of waiting."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

        def read(self, size: int | None = -1) -> str:
            raise AssertionError("extract must not wait for a terminal")

    monkeypatch.setattr("sys.stdin", Terminal())
    assert main(["extract"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: frettir extract")
    assert "give FILE (or '-'" in err


def test_progress_bar_has_a_total_and_a_readable_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_engine: None
) -> None:
    """JSON Lines files of known size give the bar its total; the unit reads ``articles``."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    bars: list[dict[str, Any]] = []
    import tqdm

    real = tqdm.tqdm

    def spy(*args: Any, **kwargs: Any) -> Any:
        bars.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", spy)
    monkeypatch.setattr("sys.stderr", Terminal())
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": str(n), "text": "„Já“"} for n in range(12)])
    assert main(["extract", "--jsonl", str(path)]) == 0
    assert [(bar["total"], bar["unit"]) for bar in bars] == [(12, " articles")]


def test_evaluate_a_file_without_gold_quotes_is_refused(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Articles with no ``quotes`` list are not gold: a message naming the line and exit 2."""
    path = write_jsonl(tmp_path / "plain.jsonl", [{"id": "a", "text": "„Já“ sagði Jón."}])
    assert main(["evaluate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}:1: not a gold file" in err


def test_extract_html_record_carries_the_text_and_metadata(
    engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A web page's record has the extracted text the offsets point into, and its metadata."""
    from frettir import Article

    page = Path(__file__).parent / "fixtures" / "html" / "ruv.html"
    url = "https://www.ruv.is/frettir/innlent/prufa"
    assert main(["extract", "--json", "--url", url, str(page)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    article = Article.from_html(page.read_bytes(), url=url)
    assert record["text"] == article.text
    assert (record["title"], record["author"], record["published"], record["url"], record["outlet"]) == (
        article.title,
        article.author,
        article.published,
        url,
        "ruv.is",
    )
    assert record["quotes"]
    assert all(record["text"][q["start"] : q["end"]] == q["text"] for q in record["quotes"])


# --- extract --jsonl never loses a record (issue 14) ---------------------------------------


class _Stdout(io.TextIOWrapper):
    """Standard output as under a C.UTF-8 locale: lone surrogates would go out as raw bytes."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="surrogateescape")

    def data(self) -> bytes:
        self.flush()
        raw = self.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue()


def test_extract_jsonl_escaped_lone_surrogates_give_valid_utf8_and_every_record(
    tmp_path: Path, fake_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    r"""An id or text with ``\ud800`` or ``\udc80`` is written back as that JSON escape, as UTF-8."""
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "\\ud800", "text": "„Já“"}\n{"id": "b\\udc80", "text": "x"}\n{"id": "c", "text": "y"}\n',
        encoding="utf-8",
    )
    out = _Stdout()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["extract", "--jsonl", str(path)]) == 0
    data = out.data()
    lines = data.decode("utf-8").splitlines()  # strict: the output is valid UTF-8
    assert [json.loads(line)["id"] for line in lines] == ["\ud800", "b\udc80", "c"]


def test_extract_jsonl_blank_lines_give_no_record_and_line_numbers_stay_the_files(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """A white-space line is not an article; a later error record still names its own line."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n\n   \n{"id": "b"}\n', encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[1]["line"] == 4


def test_extract_jsonl_warns_about_a_duplicate_id_and_keeps_both_records(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second ``id`` seen twice gets a warning naming both lines; both records are written."""
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}] * 2)
    assert main(["extract", "--jsonl", str(path)]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b", "a", "b"]
    assert f"{path}:3: warning: duplicate id 'a' (first at {path}:1)" in err
    assert f"{path}:4: warning: duplicate id 'b' (first at {path}:2)" in err


def test_extract_jsonl_streams_standard_input(fake_engine: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each record is written before the next line of standard input is read."""
    out = _Stdout()
    written: list[int] = []

    class Lines:
        def __iter__(self) -> Any:
            for n in range(3):
                written.append(out.data().count(b"\n"))
                yield json.dumps({"id": str(n), "text": "„Já“"}).encode() + b"\n"

    class Stdin:
        buffer = Lines()

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", Stdin())
    monkeypatch.setattr("sys.stdout", out)
    assert main(["extract", "--jsonl"]) == 0
    assert written == [0, 1, 2]
    assert out.data().count(b"\n") == 3


def test_extract_max_length_gives_an_error_record_and_the_run_goes_on(
    tmp_path: Path, fake_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--max-length N`` refuses a longer article with an error record saying how to raise it."""
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "x" * 20}, {"id": "b", "text": "y"}])
    assert main(["extract", "--jsonl", "--max-length", "10", str(path)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert "more than max_length=10" in records[0]["error"] and "quotes" in records[1]


@pytest.mark.parametrize("option", [["--timeout", "0"], ["--timeout", "x"], ["--max-length", "-1"]])
def test_extract_refuses_a_bad_timeout_or_max_length(option: list[str], tmp_path: Path) -> None:
    """``--timeout`` is a positive number of seconds and ``--max-length`` a whole number: else usage."""
    assert main(["extract", *option, str(tmp_path / "none.txt")]) == 2
