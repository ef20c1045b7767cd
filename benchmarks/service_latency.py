"""Latency of the web service for one article: the median of 20 warm requests.

Run with ``make bench-service`` or ``python benchmarks/service_latency.py --shared ../shared``.
It starts ``frettir serve`` in a child process on a free port of 127.0.0.1, waits for
``GET /health``, sends the article twice to warm up, then sends ``POST /extract`` 20 times,
one after the other, and prints the median, the fastest and the slowest round trip next to
the time of ``Article.from_text`` on the same text in this process (the engine alone). The
article is the seed article of the shared corpus when it is there, else the example article
``src/frettir/examples/skridufoll.txt``.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from frettir import Article
from frettir.batch import warm

SEED = "seed-2025-08-alaska-leidtogafundur"
EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "frettir" / "examples" / "skridufoll.txt"


def _article(shared: Path) -> tuple[str, str]:
    corpus = shared / "corpus" / "dev.jsonl"
    if corpus.exists():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            if data["id"] == SEED:
                return SEED, str(data["text"])
    return EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def main() -> None:
    """Measure and print the latency."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    name, text = _article(args.shared)
    port = _free_port()
    frettir = Path(sys.executable).with_name("frettir")
    server = subprocess.Popen(
        [str(frettir), "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=120) as client:
            for _ in range(600):
                try:
                    if client.get(f"{base}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            body = {"text": text, "id": name}
            for _ in range(2):
                client.post(f"{base}/extract", json=body).raise_for_status()
            seconds = []
            for _ in range(args.requests):
                started = time.perf_counter()
                response = client.post(f"{base}/extract", json=body)
                seconds.append(time.perf_counter() - started)
                response.raise_for_status()
            quotes = len(response.json()["quotes"])
    finally:
        server.terminate()
        server.wait(30)
    warm()
    engine = []
    for _ in range(5):
        started = time.perf_counter()
        Article.from_text(text)
        engine.append(time.perf_counter() - started)
    print(f"article: {name} ({len(text)} characters, {quotes} quotes)")
    print(
        f"POST /extract, {len(seconds)} warm requests one after another: median "
        f"{statistics.median(seconds) * 1000:.0f} ms, min {min(seconds) * 1000:.0f} ms, "
        f"max {max(seconds) * 1000:.0f} ms"
    )
    print(f"Article.from_text alone, in this process: median {statistics.median(engine) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
