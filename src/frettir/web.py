"""The web service of ``frettir serve``: a REST API and a page to try articles in a browser.

Needs the ``web`` extra (``pip install 'frettir[web]'``: FastAPI and uvicorn). The endpoints:

``POST /extract``
    A JSON object with ``text`` (the article's text) or ``html`` (a web page), and optionally
    ``title``, ``url`` and ``id``; answers with the record of ``frettir extract --json``
    (:func:`frettir.serialize.to_record`).
``POST /view``
    The same request; answers with the HTML page of :func:`frettir.render_html`.
``GET /health``
    ``{"status": "ok", "version": ...}`` while the service runs.
``GET /``
    A page where a person pastes an article and sees it with its quotes highlighted.
``GET /openapi.json``
    The OpenAPI schema of the service.

Errors are JSON objects with a ``detail`` message: 400 for a body that is not JSON, not an
object, has a field of the wrong type or an unknown field, or has neither or both of ``text``
and ``html``; 413 for a body over ``max_bytes`` (:data:`MAX_BYTES` by default); 503 when an
article takes longer than ``timeout`` seconds (:data:`TIMEOUT` by default), counted from
when the request arrives.

Articles are read in a pool of worker threads (Greynir's parser is thread safe), so that the
service answers other requests while one is read. A thread cannot be stopped: an article
that timed out goes on being read in its thread until it is done (its result is dropped), and
that thread serves no one else meanwhile; the engine's parse budget bounds how long that is.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any, Final

try:
    from fastapi import FastAPI, HTTPException, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse
    from pydantic import BaseModel, ConfigDict, Field
except ImportError as error:  # the optional extra is missing
    raise ImportError("frettir.web needs FastAPI and uvicorn: pip install 'frettir[web]'") from error

from frettir._service_limits import MAX_BYTES, TIMEOUT, WORKERS
from frettir.article import Article
from frettir.errors import InputError
from frettir.serialize import to_record
from frettir.views import render_html

__all__ = [
    "MAX_BYTES",
    "TIMEOUT",
    "WORKERS",
    "ArticleRequest",
    "create_app",
    "read_request",
    "serve",
]

_Scope = MutableMapping[str, Any]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGIApp = Callable[[_Scope, _Receive, _Send], Awaitable[None]]


class ArticleRequest(BaseModel):
    """The body of ``POST /extract`` and ``POST /view``: exactly one of ``text`` and ``html``.

    Attributes:
        text: The article's text, paragraphs on separate lines (read by
            :meth:`Article.from_text <frettir.Article.from_text>`).
        html: A web page holding the article, instead of ``text`` (read by
            :meth:`Article.from_html <frettir.Article.from_html>`).
        title: The headline, with ``text`` (a page gives its own).
        url: Where the article was published; it is never fetched.
        id: Given back as the record's ``id``.
    """

    model_config = ConfigDict(extra="forbid", strict=True)

    text: str | None = Field(
        default=None, description="The article's text; paragraphs separated by line breaks."
    )
    html: str | None = Field(default=None, description="A web page holding the article, instead of text.")
    title: str | None = Field(default=None, description="The headline, with text (a page gives its own).")
    url: str | None = Field(default=None, description="Where the article was published (never fetched).")
    id: str | None = Field(default=None, description="Returned as the record's id.")


class QuoteRecord(BaseModel):
    """One quote of a record (the OpenAPI schema; see *The output record* on the command-line page)."""

    kind: str = Field(description='"direct" or "indirect".')
    start: int = Field(description="Offset of the quote's first character in the text.")
    end: int = Field(description="Offset one past its last character.")
    text: str
    speaker: str | None
    cue: str | None
    speaker_title: str | None
    speaker_mention: list[int] | None = Field(description="[start, end] of the words naming the speaker.")
    cue_span: list[int] | None
    outer: list[int] | None = Field(description="[start, end] with the quotation marks, for direct quotes.")
    confidence: float
    rule: str
    medium: str | None
    group: int | None = Field(
        description="Start of the first part of a quote re-opened in each paragraph, shared by its parts."
    )


class SpeakerRecord(BaseModel):
    """One speaker of a record (the OpenAPI schema)."""

    name: str
    kind: str
    gender: str | None
    titles: list[str]
    mentions: list[list[int]]


class Record(BaseModel):
    """The answer of ``POST /extract`` (the OpenAPI schema): the record of ``frettir extract --json``."""

    id: str | None
    quotes: list[QuoteRecord]
    speakers: list[SpeakerRecord]


_Reader = Callable[[ArticleRequest], Article]


def read_request(request: ArticleRequest) -> Article:
    """Read the article of ``request`` with :meth:`frettir.Article.from_text` or ``from_html``."""
    if request.html is not None:
        return Article.from_html(request.html, url=request.url)
    assert request.text is not None
    return Article.from_text(request.text, title=request.title, url=request.url)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


class _LimitBody:
    """ASGI middleware: answer 413 to a request whose body is over ``max_bytes``.

    The body is read here (up to the limit) and handed on to the app, so that a body sent
    without ``Content-Length`` (chunked) is held to the limit too.
    """

    def __init__(self, app: _ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        too_large = _error(413, f"the request body is over the limit of {self.max_bytes} bytes")
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await too_large(scope, receive, send)
                return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await too_large(scope, receive, send)
                return
            if not message.get("more_body", False):
                break
        sent = False

        async def replay() -> _Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _validation_message(error: RequestValidationError) -> str:
    messages = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ()) if part != "body"]
        if item.get("type") == "json_invalid":
            messages.append(
                f"the body is not valid JSON ({item.get('ctx', {}).get('error', 'syntax error')})"
            )
        elif item.get("type") == "extra_forbidden":
            messages.append(f"unknown field {'.'.join(location)!r} (accepted: text, html, title, url, id)")
        elif location:
            messages.append(f"field {'.'.join(location)!r}: {item.get('msg')}")
        else:
            messages.append(f"the body must be a JSON object: {item.get('msg')}")
    return "; ".join(messages) or "bad request"


_INDEX: Final = """<!DOCTYPE html>
<html lang="is">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>frettir: who said what</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;margin:0;
  background:#f8f9fa}
header,form,#status{max-width:56rem;margin:0 auto;padding:.5rem 1rem}
h1{font-size:1.4rem;margin:.8rem 0 .2rem}
header p{margin:0;color:#495057}
textarea{width:100%;box-sizing:border-box;min-height:12rem;font:inherit;padding:.5rem;
  border:1px solid #ced4da;border-radius:6px}
button{font:inherit;padding:.4rem 1.2rem;border:0;border-radius:6px;background:#1864ab;color:#fff;
  cursor:pointer}
#status{color:#c92a2a;min-height:1.5em}
iframe{display:block;width:100%;max-width:60rem;margin:0 auto;border:0;min-height:40rem;background:#fff}
</style>
</head>
<body>
<header><h1>frettir: who said what</h1>
<p>Paste the text of an Icelandic news article and see its quotes, speakers and cues.</p></header>
<form id="form">
<textarea id="text" name="text" placeholder="„Við opnum aftur á mánudag,“ segir Helga Björnsdóttir."
  required></textarea>
<p><button id="show" type="submit">Show quotes</button></p>
</form>
<div id="status" role="status"></div>
<iframe id="view" title="The article with its quotes" sandbox="allow-same-origin"></iframe>
<script>
const form = document.getElementById("form");
const status = document.getElementById("status");
const view = document.getElementById("view");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  status.textContent = "Reading…";
  view.removeAttribute("data-ready");
  try {
    const response = await fetch("view", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({text: document.getElementById("text").value}),
    });
    if (!response.ok) {
      const error = await response.json().catch(() => ({detail: response.statusText}));
      status.textContent = `Error ${response.status}: ${error.detail}`;
      return;
    }
    const page = await response.text();
    view.onload = () => {
      view.style.height = (view.contentDocument.documentElement.scrollHeight + 20) + "px";
      view.setAttribute("data-ready", "true");
    };
    view.srcdoc = page;
    status.textContent = "";
  } catch (error) {
    status.textContent = `Error: ${error}`;
  }
});
</script>
</body>
</html>
"""


def create_app(
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    workers: int = WORKERS,
    reader: _Reader = read_request,
) -> FastAPI:
    """Build the ASGI application of the service.

    Args:
        timeout: Seconds a request may wait for its article before the answer is 503.
        max_bytes: The largest request body accepted; a larger one gets 413.
        workers: Threads that read articles at the same time; more requests wait their turn
            (within ``timeout``).
        reader: Reads the article of a request (:func:`read_request`; tests pass a stand-in).

    Returns:
        The FastAPI application (run it with uvicorn, or with :func:`serve`).

    Raises:
        InputError: If a number is not positive.
    """
    for name, value in (("timeout", timeout), ("max_bytes", max_bytes), ("workers", workers)):
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise InputError(f"{name} must be a positive number, got {value!r}")
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="frettir")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="frettir",
        summary="Who said what in Icelandic news: quotes, speakers and cues.",
        version=_version(),
        docs_url=None,  # the interactive docs pages load their scripts from the network
        redoc_url=None,
        lifespan=lifespan,
    )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_message(error))

    async def read(body: ArticleRequest) -> Article:
        if (body.text is None) == (body.html is None):
            given = "both" if body.text is not None else "neither"
            raise HTTPException(400, f"give exactly one of the fields 'text' and 'html' ({given} given)")
        future = pool.submit(reader, body)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            future.cancel()  # if it is still waiting for a thread, it never starts
            raise HTTPException(
                503, f"reading the article took longer than {timeout:g} seconds; try again or send less text"
            ) from None
        except InputError as error:
            raise HTTPException(400, str(error)) from error

    @app.post(
        "/extract",
        response_model=None,
        responses={200: {"model": Record}, 400: {}, 413: {}, 503: {}},
        summary="Find the quotes, speakers and cues of one article",
    )
    async def extract(body: ArticleRequest) -> dict[str, Any]:
        return to_record(await read(body), id=body.id)

    @app.post(
        "/view",
        response_class=HTMLResponse,
        responses={400: {}, 413: {}, 503: {}},
        summary="The article as an HTML page with its quotes highlighted",
    )
    async def view(body: ArticleRequest) -> HTMLResponse:
        return HTMLResponse(render_html(await read(body)))

    @app.get("/health", summary="Whether the service is up")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": _version()}

    @app.get("/", response_class=HTMLResponse, summary="A page to paste an article into")
    async def index() -> HTMLResponse:
        return HTMLResponse(_INDEX)

    app.add_middleware(_LimitBody, max_bytes=max_bytes)
    return app


def _version() -> str:
    from importlib.metadata import version

    return version("frettir")


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    workers: int = WORKERS,
) -> None:
    """Run the service with uvicorn until interrupted (``frettir serve``).

    The engine is built before the first request is accepted, so that no request pays for it.

    Args:
        host: The address to listen on; the default answers this machine only.
        port: The port to listen on.
        timeout: As for :func:`create_app`.
        max_bytes: As for :func:`create_app`.
        workers: As for :func:`create_app`.
    """
    import uvicorn

    from frettir.batch import warm

    app = create_app(timeout=timeout, max_bytes=max_bytes, workers=workers)
    warm()
    uvicorn.run(app, host=host, port=port, log_level="info")
