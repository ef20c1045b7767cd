"""The web service of :mod:`frettir.web`, through an HTTP client against a real server on 127.0.0.1.

The success path and the concurrent requests run the real engine; the 503 tests give the app
a stand-in reader that blocks until the test lets it go, so that the timeout fires for certain
and the test can check that the server answers others meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from frettir import Article
from frettir.serialize import to_record
from frettir.web import ArticleRequest, Record, create_app, read_request
from servers import running

TEXT = (
    "Bæjarstjórnin samþykkti nýja áætlun í gær.\n"
    "„Við byrjum strax í vor,“ segir Sigrún Pálsdóttir, bæjarstjóri í Hólmavík. "
    "Hún sagði að verkið tæki tvö ár."
)


@pytest.fixture(scope="module")
def url(read: Callable[[str], Article]) -> Iterator[str]:
    """A real server with the real engine (warmed by the ``read`` fixture)."""
    with running(create_app(max_bytes=10_000)) as base:
        yield base


def test_extract_returns_the_record_of_extract_json(url: str, read: Callable[[str], Article]) -> None:
    """POST /extract with text answers 200 with the record ``frettir extract --json`` writes."""
    response = httpx.post(f"{url}/extract", json={"text": TEXT, "id": "holmavik"}, timeout=60)
    assert response.status_code == 200
    assert response.json() == to_record(read(TEXT), id="holmavik")
    speakers = {q["speaker"] for q in response.json()["quotes"]}
    assert speakers == {"Sigrún Pálsdóttir"}


def test_extract_reads_a_web_page(url: str) -> None:
    """POST /extract with html reads the page's article text like Article.from_html."""
    paragraphs = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    page = (
        "<!DOCTYPE html><html><head><title>Áætlun</title></head>"
        f"<body><article>{paragraphs}</article></body></html>"
    )
    response = httpx.post(f"{url}/extract", json={"html": page}, timeout=60)
    assert response.status_code == 200
    assert response.json() == to_record(Article.from_html(page), id=None)


def test_view_returns_the_html_page(url: str) -> None:
    """POST /view answers with the HTML view: each quote marked with its speaker."""
    response = httpx.post(f"{url}/view", json={"text": TEXT}, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.count('data-speaker="Sigrún Pálsdóttir"') >= 2
    assert "<mark class=" in response.text


def test_health_index_and_openapi(url: str) -> None:
    """GET /health is ok, GET / is the page with a text box, GET /openapi.json lists the endpoints."""
    assert httpx.get(f"{url}/health").json()["status"] == "ok"
    index = httpx.get(f"{url}/")
    assert index.status_code == 200 and "<textarea" in index.text
    schema = httpx.get(f"{url}/openapi.json").json()
    assert {"/extract", "/view", "/health", "/"} <= set(schema["paths"])


def test_openapi_record_has_the_keys_of_to_record(read: Callable[[str], Article]) -> None:
    """The documented response schema names exactly the keys that to_record gives."""
    record = to_record(read(TEXT), id="x")
    assert set(Record.model_fields) == set(record)
    quote_model = Record.model_fields["quotes"].annotation.__args__[0]  # type: ignore[union-attr]
    speaker_model = Record.model_fields["speakers"].annotation.__args__[0]  # type: ignore[union-attr]
    assert set(quote_model.model_fields) == set(record["quotes"][0])
    assert set(speaker_model.model_fields) == set(record["speakers"][0])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"text": "Hann sagði'.encode(), "not valid JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (b"{}", "give exactly one of the fields 'text' and 'html' (neither given)"),
        (b'{"text": "a", "html": "<p>a</p>"}', "(both given)"),
        (b'{"text": 7}', "field 'text'"),
        ('{"texti": "Hann sagði það."}'.encode(), "unknown field 'texti'"),
    ],
    ids=["bad-json", "not-object", "missing", "both", "wrong-type", "unknown-field"],
)
def test_bad_requests_get_400_with_a_message(url: str, body: bytes, message: str) -> None:
    """A body that is not JSON, not an object, or has missing, doubled or wrong fields gets 400."""
    response = httpx.post(f"{url}/extract", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_too_large_body_gets_413(url: str) -> None:
    """A body over the limit gets 413, with or without a Content-Length."""
    big = json.dumps({"text": "Hann sagði það. " * 1000}).encode()
    response = httpx.post(f"{url}/extract", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "10000 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    chunked = httpx.post(f"{url}/extract", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 413
    assert httpx.get(f"{url}/health").status_code == 200


def test_twenty_concurrent_requests_all_get_answers(url: str, read: Callable[[str], Article]) -> None:
    """Twenty clients at once, each with its own article, all get their own record."""
    texts = [f"„Við opnum í dag,“ segir Jón Jónsson.\nHann sagði að {n} gestir kæmu." for n in range(20)]

    async def ask() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=120) as client:
            return await asyncio.gather(
                *(
                    client.post(f"{url}/extract", json={"text": text, "id": str(n)})
                    for n, text in enumerate(texts)
                )
            )

    responses = asyncio.run(ask())
    assert [r.status_code for r in responses] == [200] * 20
    for n, response in enumerate(responses):
        assert response.json() == to_record(read(texts[n]), id=str(n))


def test_slow_article_gets_503_and_the_server_goes_on() -> None:
    """An article that outlasts the timeout gets 503; meanwhile others are answered, and after it too."""
    release = threading.Event()

    def reader(request: ArticleRequest) -> Article:
        if request.text == "slow":
            release.wait(30)
        return Article(text=request.text or "")

    app = create_app(timeout=0.3, workers=2, reader=reader)
    try:
        with running(app) as base:
            slow = httpx.post(f"{base}/extract", json={"text": "slow"}, timeout=30)
            assert slow.status_code == 503
            assert "longer than 0.3 seconds" in slow.json()["detail"]
            # the slow article is still being read in its thread; the server answers others
            assert httpx.get(f"{base}/health").status_code == 200
            quick = httpx.post(f"{base}/extract", json={"text": "fljótt"}, timeout=30)
            assert quick.status_code == 200
            assert quick.json() == {"id": None, "quotes": [], "speakers": []}
    finally:
        release.set()


def test_engine_input_error_is_400() -> None:
    """An InputError from the engine (a page it cannot read) is a 400 with its message."""
    from frettir.errors import InputError

    def reader(request: ArticleRequest) -> Article:
        raise InputError("no article in the page")

    transport = httpx.ASGITransport(app=create_app(reader=reader))

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/extract", json={"html": "<p>x</p>"})

    response = asyncio.run(ask())
    assert response.status_code == 400
    assert response.json() == {"detail": "no article in the page"}


def test_create_app_checks_its_numbers() -> None:
    """A limit that is not a positive number fails at once."""
    from frettir.errors import InputError

    with pytest.raises(InputError, match="timeout must be a positive number"):
        create_app(timeout=0)
    with pytest.raises(InputError, match="max_bytes"):
        create_app(max_bytes=True)


def test_read_request_uses_text_title_and_url(read: Callable[[str], Article]) -> None:
    """read_request reads text with its title and url."""
    article = read_request(ArticleRequest(text=TEXT, title="Áætlun", url="https://example.is/a"))
    assert article.title == "Áætlun" and article.url == "https://example.is/a"
    assert article.quotes == read(TEXT).quotes


def test_text_over_the_maximum_length_is_400() -> None:
    """A text longer than frettir.limits.MAX_LENGTH (but within the body limit) gets 400 saying so."""
    from frettir.limits import MAX_LENGTH

    transport = httpx.ASGITransport(app=create_app())

    async def ask() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/extract", json={"text": "a " * (MAX_LENGTH // 2 + 1)})

    response = asyncio.run(ask())
    assert response.status_code == 400
    assert "max_length" in response.json()["detail"]


def test_index_page_fetches_nothing_from_elsewhere(url: str) -> None:
    """The page loads no script, style or font from the network: it works with no connection."""
    page = httpx.get(f"{url}/").text
    assert "src=" not in page and "<link" not in page and "@import" not in page
    assert "http://" not in page and "https://" not in page
