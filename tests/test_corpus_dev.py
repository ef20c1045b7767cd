"""The corpus on the development corpus: ``frettir index`` then ``frettir who``.

Slow (it reads all 99 dev articles): ``make test-deep`` runs it. It asks only for one person
and compares article ids and the speaker of overlapping gold quotes, so it reads no error of
the check part in detail; a failure names the articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frettir import Corpus
from frettir.cli import main

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
PERSON = "Bjarni Benediktsson"


@pytest.mark.slow
@pytest.mark.corpus
def test_who_finds_a_person_in_every_dev_article_that_quotes_him_and_nobody_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every dev article with a gold quote by Bjarni Benediktsson, and only his quotes."""
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} not found (the shared corpus is not checked out next to the repo)")
    gold = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            gold[article["id"]] = article["quotes"]
    db = str(tmp_path / "dev.db")
    assert main(["index", db, str(CORPUS)]) == 0
    capsys.readouterr()
    found = Corpus(db).who(PERSON)
    expected = {ident for ident, quotes in gold.items() if any(q.get("speaker") == PERSON for q in quotes)}
    assert expected
    assert {quote.article for quote in found} == expected
    for quote in found:
        overlapping = [q for q in gold[quote.article] if q["start"] < quote.end and quote.start < q["end"]]
        assert [q.get("speaker") for q in overlapping] and all(
            q.get("speaker") == PERSON for q in overlapping
        ), (
            quote.article,
            quote.start,
        )
