"""The corpus commands: ``frettir index``, ``who``, ``speakers`` and ``search``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from frettir import Article, Corpus
from frettir.cli import main

ARTICLES = [
    {
        "id": "n1",
        "url": "https://www.mbl.is/frettir/innlent/2024/03/01/skattar/",
        "published": "2024-03-01",
        "title": "Skattar lækka",
        "text": "„Við ætlum að lækka skatta á fólk með lágar tekjur strax á næsta ári,“ segir "
        "Bjarni Benediktsson fjármálaráðherra. Hann segir að ríkisstjórnin standi saman.",
    },
    {
        "id": "n2",
        "outlet": "ruv.is",
        "published": "2024-03-02",
        "text": "Bjarni Benediktsson sagði á fundi í gær: „Við ætlum að lækka skatta á fólk með lágar "
        "tekjur strax á næsta ári.“\nGuðrún Hafsteinsdóttir segir að stefna ríkisstjórnarinnar sé skýr.",
    },
]


@pytest.fixture
def jsonl(tmp_path: Path, read: Callable[[str], Article]) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_index_then_who_prints_json_lines_with_sources(
    jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``who --json`` gives one line a quote, the same words in two articles once with both sources."""
    db = str(tmp_path / "news.db")
    assert main(["index", db, str(jsonl)]) == 0
    assert "2 articles read, 2 new or changed, 0 failed" in capsys.readouterr().err
    assert main(["who", "bjarni benediktsson", "--db", db, "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(
        {"article", "kind", "start", "end", "text", "speaker", "cue", "sources"} <= set(x) for x in lines
    )
    assert {line["speaker"] for line in lines} == {"Bjarni Benediktsson"}
    merged = [line for line in lines if len(line["sources"]) == 2]
    assert len(merged) == 1
    assert [(s["article"], s["outlet"]) for s in merged[0]["sources"]] == [("n1", "mbl.is"), ("n2", "ruv.is")]
    assert lines[0]["published"] == "2024-03-01"


def test_indexing_twice_changes_nothing(
    jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second ``index`` of the same input reports no change and leaves the answers as they were."""
    db = str(tmp_path / "news.db")
    main(["index", db, str(jsonl)])
    main(["who", "Bjarni Benediktsson", "--db", db, "--json"])
    before = capsys.readouterr().out
    assert main(["index", db, str(jsonl)]) == 0
    assert "2 articles read, 0 new or changed" in capsys.readouterr().err
    main(["who", "Bjarni Benediktsson", "--db", db, "--json"])
    assert capsys.readouterr().out == before


def test_who_csv_has_a_row_per_quote(jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``who --csv`` writes a header and one row a quote, sources as article ids."""
    db = str(tmp_path / "news.db")
    main(["index", db, str(jsonl)])
    capsys.readouterr()
    assert main(["who", "Bjarni Benediktsson", "--db", db, "--csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(table) == len(Corpus(db).who("Bjarni Benediktsson"))
    assert "n1 n2" in {row["sources"] for row in table}


def test_speakers_and_search(jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``speakers`` ranks people with titles; ``search`` finds an inflected form."""
    db = str(tmp_path / "news.db")
    main(["index", db, str(jsonl)])
    capsys.readouterr()
    assert main(["speakers", "--db", db, "--top", "1", "--json"]) == 0
    (top,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert top["name"] == "Bjarni Benediktsson"
    assert top["titles"][0]["title"] == "fjármálaráðherra"
    assert top["titles"][0]["first"] == "2024-03-01"
    assert main(["search", "ríkisstjórn", "--db", db, "--json"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(line["article"] for line in found) == ["n1", "n2"]
    assert main(["speakers", "--db", db]) == 0
    assert "Bjarni Benediktsson" in capsys.readouterr().out


def test_text_files_and_bad_lines(
    tmp_path: Path, read: Callable[[str], Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """A .txt file is one article named by its file; a bad JSON line is reported and the rest indexed."""
    text = tmp_path / "grein.txt"
    text.write_text("„Vegurinn opnar í kvöld,“ segir Helga Björnsdóttir.", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert main(["index", db, str(text), str(lines)]) == 1
    err = capsys.readouterr().err
    assert "more.jsonl:1:" in err and "more.jsonl:2: not JSON" in err
    assert [q.article for q in Corpus(db).who("Helga Björnsdóttir")] == [str(text)]


def test_a_bad_corpus_file_is_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``who`` on a missing or non-SQLite file exits 2 with a one-line message, no traceback."""
    assert main(["who", "Jón", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no such corpus file" in capsys.readouterr().err
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 1000)
    assert main(["speakers", "--db", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.db: the file is damaged or not a frettir corpus" in err
    assert "Traceback" not in err


def test_who_with_no_quotes_says_so_on_stderr_and_exits_one(
    jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name nobody in the corpus has gives no output, a message on stderr and exit code 1."""
    db = str(tmp_path / "c.db")
    assert main(["index", db, str(jsonl)]) == 0
    capsys.readouterr()
    assert main(["who", "Enginn Ekkisson", "--db", db, "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "no quotes by 'Enginn Ekkisson'" in err


def test_index_progress_bar_counts_lines_and_files(
    tmp_path: Path, read: Callable[[str], Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, ``index`` gives its bar a total: a JSON Lines file's lines, one per other file."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    import tqdm

    bars: list[int | None] = []
    real = tqdm.tqdm

    def spy(*args: object, **kwargs: object) -> object:
        total = kwargs.get("total")
        bars.append(total if isinstance(total, int) else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(tqdm, "tqdm", spy)
    monkeypatch.setattr("sys.stderr", Terminal())
    lines = tmp_path / "many.jsonl"
    rows = [{"id": f"a{n}", "text": f"„Þetta er {n}. frétt,“ segir Jón."} for n in range(11)]
    lines.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n\n" for row in rows), encoding="utf-8")
    text = tmp_path / "one.txt"
    text.write_text("„Já,“ segir Anna.", encoding="utf-8")
    assert main(["index", str(tmp_path / "c.db"), str(lines), str(text)]) == 0
    assert bars == [12]
