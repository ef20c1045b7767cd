"""Many articles at once: :func:`extract_many` over a pool of processes, in input order.

Reading an article keeps one core busy, so a large corpus is split over worker processes.
Each worker builds the engine once (the pool's initializer runs a short article through it;
with the ``fork`` start method the workers inherit the parent's warm engine) and then reads
articles sent to it in chunks. The design holds for any number of cores:

* **Ordered and lazy.** Results come back in input order, as they are ready; the input is
  read only a little ahead (at most ``2 * processes`` chunks are in flight), so memory stays
  bounded however long the run.
* **No dead batch.** An article that raises gives a :class:`BatchResult` with ``error`` set;
  a worker process that dies (killed, out of memory, a crash in native code) is replaced,
  and only the article it was reading is recorded as failed.
* **No stuck batch.** With a ``timeout``, an article that takes longer gets an error result
  and the batch goes on. The worker interrupts the article itself (a timer signal); if it
  does not answer (stuck in native code), the parent kills the workers after a grace period,
  replaces them and reads the other articles of the chunk again, one at a time.

:func:`ordered_map` is the same machinery for any per-item function (the command line uses
it to parse and extract each JSON line in the workers).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from frettir.article import Article
from frettir.errors import FrettirError, InputError
from frettir.limits import MAX_LENGTH, check_length, check_timeout

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["GRACE", "BatchResult", "extract_many", "ordered_map", "warm"]

_T = TypeVar("_T")
_R = TypeVar("_R")

_WARM_TEXT: Final = "„Já, við komum,“ sagði Jón Jónsson. Hann sagði að veðrið væri gott."
"""A short article with a direct and an indirect quote: reading it loads every lazy part."""

_WARM_CLAUSE: Final = "Hún sagði það í gær."
"""A clause for Greynir to parse, with its verb at offset 4."""

_IN_FLIGHT_PER_PROCESS: Final = 2
"""Chunks submitted ahead per worker: one being read, one waiting in the queue."""

GRACE: Final = 10.0
"""Seconds the parent waits past an item's ``timeout`` before it kills an unanswering worker."""


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one item of :func:`extract_many`: an article or an error, never both.

    Attributes:
        index: The item's position in the input, from 0.
        id: The item's ``id`` (``None`` for a plain string or a mapping without one).
        article: The article read, or ``None`` if it failed.
        error: What went wrong (``"TypeError: ..."``), or ``None`` if it worked.
        seconds: Time spent reading the article, in its worker (not compared by ``==``).
    """

    index: int
    id: str | None
    article: Article | None
    error: str | None
    seconds: float = attrs.field(default=0.0, eq=False)

    def __attrs_post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise InputError("a BatchResult has exactly one of article and error")

    @property
    def ok(self) -> bool:
        """Whether the article was read (``error`` is ``None``)."""
        return self.error is None

    def to_record(self) -> dict[str, Any]:
        """Return the JSON Lines record ``frettir extract --jsonl`` writes for this item.

        The record of :func:`frettir.serialize.to_record`, or ``{"id": ..., "error": ...}``
        for a failed item.
        """
        from frettir.serialize import to_record

        if self.article is None:
            return {"id": self.id, "error": self.error}
        return to_record(self.article, id=self.id)


@attrs.frozen
class _Job:
    """One input item, checked in the parent and sent to a worker (small and picklable)."""

    index: int
    id: str | None
    text: str | None
    title: str | None = None
    url: str | None = None
    error: str | None = None
    max_length: int | None = MAX_LENGTH


@attrs.frozen
class _Failed:
    """What a worker sends back for an item whose function raised."""

    message: str


def _describe(error: BaseException) -> str:
    """Return a one-line description of ``error`` for an error record.

    Errors frettir raises on purpose (:class:`~frettir.FrettirError`) are described by their
    message; others also name their type (``"TypeError: text must be str, not int"``).
    """
    message = str(error)
    if isinstance(error, FrettirError):
        return message or type(error).__name__
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _optional(item: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = item.get(key)
        if value is not None:
            if not isinstance(value, str):
                raise InputError(f"{key!r} must be a string or None, not {type(value).__name__}")
            return value
    return None


def _job(index: int, item: object, max_length: int | None = MAX_LENGTH) -> _Job:
    """Check one input item; a bad one becomes a job that carries its error."""
    if isinstance(item, str):
        return _Job(index, None, item, max_length=max_length)
    if not isinstance(item, Mapping):
        return _Job(index, None, None, error=f"an item must be a str or a mapping, not {type(item).__name__}")
    raw_id = item.get("id")
    ident = str(raw_id) if isinstance(raw_id, int) and not isinstance(raw_id, bool) else raw_id
    if ident is not None and not isinstance(ident, str):
        return _Job(index, None, None, error=f"'id' must be a string or None, not {type(raw_id).__name__}")
    text = item.get("text")
    if not isinstance(text, str):
        return _Job(index, ident, None, error=f"'text' must be a string, not {type(text).__name__}")
    try:
        title = _optional(item, "title")
        url = _optional(item, "url", "source")
    except InputError as error:
        return _Job(index, ident, None, error=str(error))
    return _Job(index, ident, text, title, url, max_length=max_length)


def _read(text: str, *, title: str | None, url: str | None) -> Article:
    """Read one article: the one place the batch calls the engine (tests replace it).

    Its length was checked against the job's ``max_length`` already.
    """
    return Article.from_text(text, title=title, url=url, max_length=None)


def _run_job(job: _Job) -> BatchResult:
    """Read the article of one job, turning an exception into an error record."""
    if job.text is None:
        return BatchResult(index=job.index, id=job.id, article=None, error=job.error or "no text")
    started = time.perf_counter()
    try:
        check_length(job.text, job.max_length)
        article = _read(job.text, title=job.title, url=job.url)
    except Exception as error:  # one bad article must not end the batch
        return BatchResult(
            index=job.index,
            id=job.id,
            article=None,
            error=_describe(error),
            seconds=time.perf_counter() - started,
        )
    return BatchResult(
        index=job.index, id=job.id, article=article, error=None, seconds=time.perf_counter() - started
    )


def _lost_job(job: _Job, message: str) -> BatchResult:
    return BatchResult(index=job.index, id=job.id, article=None, error=message)


def warm() -> None:
    """Build the engine in this process now (it is otherwise built by the first article).

    Called once per worker by the pools of :func:`extract_many` and :mod:`frettir.dask`;
    calling it again costs one short article. In a worker process (one with a parent
    process) it ends with ``gc.freeze()``: the objects alive then are left alone by the
    garbage collector for the rest of the process.
    """
    from frettir._greynir import DEFAULT_PARSE, parse_subject

    Article.from_text(_WARM_TEXT)
    if DEFAULT_PARSE != "none":
        # The engine parses only some cue clauses, so a short article may not load Greynir's
        # grammar (about 0.5 s); parse one clause so that forked workers share it. With no
        # parsing by default the grammar is loaded only by a caller who asks for a parse.
        parse_subject(_WARM_CLAUSE, 4)
    # In a worker process the engine's many long-lived objects are moved out of the garbage
    # collector's sight: the worker then exits at once instead of spending 1-2 s taking them
    # apart (a Dask worker slower than its nanny's 4 s is killed, with connection errors).
    # Never in the caller's own process, whose objects are none of frettir's business.
    if multiprocessing.parent_process() is not None:
        gc.freeze()


def _check_count(name: str, value: object, *, none_ok: bool = False) -> None:
    if value is None and none_ok:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        accepted = "a positive int or None" if none_ok else "a positive int"
        raise InputError(f"{name} must be {accepted}, got {value!r}")


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform (macOS, Windows)
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    """The ``fork`` context where there is one (workers inherit the warm engine), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _Expired(BaseException):
    """Raised in a worker by the timer when an item runs past its ``timeout``.

    A :class:`BaseException`, so that no ``except Exception`` on the way (in frettir or in a
    library) swallows it.
    """


def _timed_out(timeout: float) -> str:
    return (
        f"timed out: reading took longer than {timeout:g} s (the timeout; raise it with "
        "timeout= or --timeout, or split the article)"
    )


def _can_alarm() -> bool:
    """Whether a timer signal can interrupt work here (Unix, and the main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _bounded(fn: Callable[[_T], _R], item: _T, timeout: float | None) -> _R:
    """Return ``fn(item)``; raise :class:`_Expired` if it runs longer than ``timeout`` seconds.

    Without a timer signal (not Unix, or not the main thread) the item runs unbounded here;
    the parent's watchdog (:data:`GRACE`) still stops it.
    """
    if timeout is None or not _can_alarm():
        return fn(item)
    armed = [True]

    def expire(signum: int, frame: object) -> None:
        if armed[0]:
            armed[0] = False
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return fn(item)
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_chunk(fn: Callable[[_T], _R], chunk: list[_T], timeout: float | None = None) -> list[_R | _Failed]:
    """Apply ``fn`` to each item of a chunk, in a worker; an exception becomes :class:`_Failed`."""
    out: list[_R | _Failed] = []
    for item in chunk:
        try:
            out.append(_bounded(fn, item, timeout))
        except _Expired:
            out.append(_Failed(_timed_out(timeout or 0.0)))
        except Exception as error:  # reported per item by the parent
            out.append(_Failed(_describe(error)))
    return out


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _serial(fn: Callable[[_T], _R], items: Iterable[_T], on_error: Callable[[_T, str], _R]) -> Iterator[_R]:
    for item in items:
        try:
            result = fn(item)
        except Exception as error:  # the contract: one result per item
            result = on_error(item, _describe(error))
        yield result


class _Pool:
    """A process pool that is replaced when a worker dies, with a window of chunks in flight."""

    def __init__(
        self, processes: int, initializer: Callable[[], object] | None, timeout: float | None = None
    ) -> None:
        self._processes = processes
        self._initializer = initializer
        self.timeout = timeout
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=self._processes, mp_context=_context(), initializer=self._initializer
        )

    def submit(self, fn: Callable[[_T], _R], chunk: list[_T]) -> Future[list[_R | _Failed]]:
        return self._executor.submit(_run_chunk, fn, chunk, self.timeout)

    def wait(self, future: Future[_R], items: int) -> _R:
        """The result of ``future``; :class:`TimeoutError` if a worker is stuck past its grace."""
        if self.timeout is None:
            return future.result()
        return future.result(timeout=items * self.timeout + GRACE)

    def replace(self) -> None:
        """Stop the (broken or stuck) workers and start fresh ones."""
        self._kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._new()

    def _kill(self) -> None:
        # concurrent.futures has no public way to stop a running worker before Python 3.14
        # (ProcessPoolExecutor.terminate_workers); a stuck one would make shutdown wait forever.
        processes = getattr(self._executor, "_processes", None) or {}
        for process in list(processes.values()):
            if process.is_alive():
                process.kill()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _one_by_one(pool: _Pool, fn: Callable[[_T], _R], chunk: list[_T]) -> list[_R | _Failed]:
    """Retry a chunk whose worker failed, one item at a time, so only the culprit is lost."""
    pool.replace()
    out: list[_R | _Failed] = []
    for item in chunk:
        try:
            done: list[_R | _Failed] = pool.wait(pool.submit(fn, [item]), 1)
            out.extend(done)
        except TimeoutError:  # the worker did not answer its own timer: stuck in native code
            out.append(_Failed(_timed_out(pool.timeout or 0.0)))
            pool.replace()
        except Exception as error:  # the worker died again (or the item cannot be pickled)
            out.append(_Failed(f"the worker failed: {_describe(error)}"))
            pool.replace()
    return out


def _finished(future: Future[Any]) -> bool:
    """Whether ``future`` holds a result (rather than the error of a broken pool, or nothing yet)."""
    return future.done() and not future.cancelled() and future.exception() is None


def _parallel(
    fn: Callable[[_T], _R],
    items: Iterable[_T],
    on_error: Callable[[_T, str], _R],
    *,
    processes: int,
    chunksize: int,
    initializer: Callable[[], object] | None,
    timeout: float | None = None,
) -> Iterator[_R]:
    chunks = _chunks(items, chunksize)
    pool = _Pool(processes, initializer, timeout)
    pending: deque[tuple[list[_T], Future[list[_R | _Failed]]]] = deque()

    def fill() -> None:
        while len(pending) < processes * _IN_FLIGHT_PER_PROCESS:
            chunk = next(chunks, None)
            if chunk is None:
                return
            pending.append((chunk, pool.submit(fn, chunk)))

    try:
        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = pool.wait(future, len(chunk))
            except Exception:  # a worker died or is stuck, or a result could not be sent back
                outcomes = _one_by_one(pool, fn, chunk)
                waiting = list(pending)
                pending.clear()
                pending.extend((c, f if _finished(f) else pool.submit(fn, c)) for c, f in waiting)
            fill()  # keep the workers busy while the caller handles these results
            for item, outcome in zip(chunk, outcomes, strict=True):
                yield on_error(item, outcome.message) if isinstance(outcome, _Failed) else outcome
    finally:
        pool.close()


def ordered_map(
    fn: Callable[[_T], _R],
    items: Iterable[_T],
    *,
    on_error: Callable[[_T, str], _R],
    processes: int = 1,
    chunksize: int = 4,
    initializer: Callable[[], object] | None = None,
    timeout: float | None = None,
) -> Iterator[_R]:
    """Apply ``fn`` to each item, over ``processes`` worker processes; yield results in order.

    Exactly one result per item: ``fn(item)``, or ``on_error(item, message)`` when ``fn``
    raised, ran past ``timeout`` or its worker died. The input is read lazily, a few chunks
    ahead of the results. With ``processes > 1`` or a ``timeout``, ``fn``, the items and the
    results must pickle (``fn`` a module-level function).

    Args:
        fn: The function to apply.
        items: The items, read lazily.
        on_error: Builds the result of an item that failed, from the item and a message.
        processes: Worker processes; 1 works in this process, without a pool.
        chunksize: Items sent to a worker at a time.
        initializer: Run once in each worker process when it starts. With the ``fork`` start
            method it also runs once in this process first, so that the workers inherit what
            it built (such as the warm engine) and share its memory pages.
        timeout: Seconds one item may take; ``None`` (the default) for no bound. With a
            timeout the items always go to worker processes (one if ``processes`` is 1), so
            that an item stuck where a signal cannot reach it can still be stopped.

    Returns:
        An iterator over the results, in the order of ``items``.

    Raises:
        InputError: At once, if ``processes`` or ``chunksize`` is not a positive int, or
            ``timeout`` is not a positive number or ``None``.
    """
    _check_count("processes", processes)
    _check_count("chunksize", chunksize)
    check_timeout(timeout)
    if processes == 1 and timeout is None:
        return _serial(fn, items, on_error)
    if initializer is not None and _context().get_start_method() == "fork":
        initializer()  # once here, before the workers fork: they inherit what it built
    return _parallel(
        fn,
        items,
        on_error,
        processes=processes,
        chunksize=chunksize,
        initializer=initializer,
        timeout=timeout,
    )


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    *,
    processes: int | None = 1,
    chunksize: int = 4,
    progress: bool = False,
    timeout: float | None = None,
    max_length: int | None = MAX_LENGTH,
) -> Iterator[BatchResult]:
    """Read many articles, over several processes if asked; yield a result per item, in order.

    An item is the article's text, or a mapping with ``text`` and optionally ``id``,
    ``title`` and ``url`` (or ``source``), such as a line of the corpus JSON Lines. A bad
    item, an article that raises, is longer than ``max_length`` or takes longer than
    ``timeout``, or a worker that dies gives a :class:`BatchResult` with ``error`` set; the
    rest of the batch goes on. Results come as they are ready, the input
    is read only a few chunks ahead, and the engine is built once per process.

    >>> results = list(extract_many(["„Já,“ sagði Jón.", {"id": "b", "text": 3}]))
    >>> [(r.index, r.ok, r.error) for r in results]
    [(0, True, None), (1, False, "'text' must be a string, not int")]
    >>> results[0].article.quotes[0].speaker.name
    'Jón'

    Args:
        items: The articles, read lazily (a generator over a large file is fine).
        processes: Worker processes; 1 (the default) reads in this process, ``None`` uses
            one per available CPU.
        chunksize: Articles sent to a worker at a time.
        progress: Show a tqdm progress bar on standard error.
        timeout: Seconds one article may take (``None``, the default: no bound). An
            article past it gets the error ``timed out: ...``. With a timeout, articles are
            always read in worker processes (see :func:`~frettir.batch.ordered_map`).
        max_length: The longest article read, in characters (default
            :data:`~frettir.limits.MAX_LENGTH`); a longer one gets an error result.

    Returns:
        An iterator of :class:`BatchResult`, one per item, in input order.

    Raises:
        InputError: At once, if ``processes`` or ``chunksize`` is not a positive int,
            ``timeout`` not a positive number or ``None``, or ``max_length`` not a positive
            int or ``None``.
    """
    _check_count("processes", processes, none_ok=True)
    _check_count("chunksize", chunksize)
    check_timeout(timeout)
    check_length("", max_length)
    count = _cpu_count() if processes is None else processes
    total = len(items) if isinstance(items, Sized) else None
    jobs = (_job(index, item, max_length) for index, item in enumerate(items))
    results = ordered_map(
        _run_job,
        jobs,
        on_error=_lost_job,
        processes=count,
        chunksize=chunksize,
        initializer=warm,
        timeout=timeout,
    )
    if not progress:
        return results
    from tqdm import tqdm

    bar: Iterator[BatchResult] = iter(tqdm(results, total=total, unit="article", file=sys.stderr))
    return bar
