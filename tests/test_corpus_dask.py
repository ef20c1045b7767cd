"""The Dask how-to's script: worker processes start under the ``__main__`` guard and exit cleanly.

Slow (it starts a local cluster of two worker processes): ``make test-deep`` runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("distributed")

SCRIPT = textwrap.dedent(
    """
    import json

    import dask.bag as db
    from distributed import Client, LocalCluster

    import frettir.dask


    def main() -> None:
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster),
        ):
            articles = db.read_text("news-*.jsonl").map(json.loads)
            records = frettir.dask.extract_records(articles)
            records.map(json.dumps, ensure_ascii=False).to_textfiles("quotes-*.jsonl")


    if __name__ == "__main__":
        main()
    """
)


@pytest.mark.slow
def test_the_how_to_script_runs_and_shuts_its_cluster_down_quietly(tmp_path: Path) -> None:
    """Two worker processes read the articles; nothing is printed and no process is left."""
    for number, name in ((1, "Helga Björnsdóttir"), (2, "Jón Jónsson")):
        article = {"id": f"a{number}", "text": f"„Við opnum aftur á mánudag,“ segir {name}."}
        (tmp_path / f"news-{number}.jsonl").write_text(
            json.dumps(article, ensure_ascii=False) + "\n", "utf-8"
        )
    (tmp_path / "extract_news.py").write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "extract_news.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "killing" not in done.stderr and "Error" not in done.stderr, done.stderr
    records = [json.loads((tmp_path / f"quotes-{n}.jsonl").read_text("utf-8")) for n in (0, 1)]
    assert [r["quotes"][0]["speaker"] for r in records] == ["Helga Björnsdóttir", "Jón Jónsson"]
