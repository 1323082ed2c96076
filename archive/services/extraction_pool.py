"""Extraction in worker processes: the extractor is pure Python and CPU-bound, so the
one way to use every core is one process per core. The workers are started fresh
("spawn": a fork of a process that runs threads — a web server, a test's live server —
can inherit a held lock and hang), load the extractor once each, ignore Ctrl-C (the
parent decides what an interrupt means) and never touch the database: they get texts and
return what the extractor found, the parent stores it. The extractor must be importable
by name (a module-level function), as `extraction.extract` is.

    with ExtractionPool(workers=4, extractor=extract) as pool:
        future = pool.submit([(title, text, published), ...])
        future.result()  # [(events, error, search text), ...] in the same order

The workers also fold each article's search text (archive.search.search_document): it is
the other CPU-bound step of storing an article.
"""
import importlib
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured

Outcome = tuple[list, str]  # (events, "" or the extractor's error)
Prepared = tuple[list, str, str]  # (events, error, search text)
WARM_UP = "تمهيد: جملة قصيرة تحمّل المعجم قبل توزيع العمل."
_extractor: Callable | None = None  # set in each worker by _start


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract_one(extractor: Callable, text: str, published) -> Outcome:
    """What the extractor found in one text; an extractor bug is the article's error, not
    the batch's."""
    try:
        return list(extractor(text, published=published)), ""
    except Exception as failure:  # one odd article must not stop the batch, nor be lost
        return [], f"{type(failure).__name__}: {failure}"


def _name(function: Callable) -> str:
    return f"{function.__module__}:{function.__qualname__}"


def _start(extractor_name: str) -> None:
    """In each worker: the extractor found by name and its lexicons loaded."""
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    module, _, qualname = extractor_name.partition(":")
    found = _import(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    _extractor = found
    extract_one(found, WARM_UP, None)  # load the lexicons before the first chunk


def _import(module: str):
    """The extractor's module; Django is set up first only when that module needs it (it
    imports models): setting Django up costs each worker more than half a second, and
    `extraction` is plain Python."""
    try:
        return importlib.import_module(module)
    except (AppRegistryNotReady, ImproperlyConfigured):
        if not os.environ.get("DJANGO_SETTINGS_MODULE"):
            raise
    import django

    django.setup()
    return importlib.import_module(module)


def prepare(extractor: Callable, title: str, text: str, published) -> Prepared:
    """An article's events (or the extractor's error) and its search text."""
    from archive.search import search_document

    return (*extract_one(extractor, text, published), search_document(title, text))


def _prepare_many(jobs: list[tuple[str, str, object]]) -> list[Prepared]:
    return [prepare(_extractor, *job) for job in jobs]


class ExtractionPool:
    """`submit` a list of (title, text, published) and get a Future of what `prepare`
    makes of each. With one
    worker the extraction runs in this process (no fork, nothing to pickle)."""

    def __init__(self, *, workers: int, extractor: Callable):
        self.workers, self.extractor = max(1, workers), extractor
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ExtractionPool":
        if self.workers > 1:
            context = multiprocessing.get_context("spawn")
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context,
                initializer=_start, initargs=(_name(self.extractor),))
        return self

    def submit(self, jobs: list[tuple[str, str, object]]) -> Future:
        if self.executor is not None:
            return self.executor.submit(_prepare_many, jobs)
        future: Future = Future()
        future.set_result([prepare(self.extractor, *job) for job in jobs])
        return future

    def __exit__(self, kind, error, traceback) -> None:
        if self.executor is not None:
            # on an error (Ctrl-C among them) queued work is dropped, not waited for
            self.executor.shutdown(wait=error is None, cancel_futures=error is not None)
