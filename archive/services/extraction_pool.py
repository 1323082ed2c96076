"""Extraction in worker processes: the extractor is pure Python and CPU-bound, so the
one way to use every core is one process per core. The pool forks after the extractor's
lexicons are loaded (the workers share those pages), ignores Ctrl-C in the workers (the
parent decides what an interrupt means) and never touches the database: the workers get
texts and return what the extractor found, the parent stores it.

    with ExtractionPool(workers=4, extractor=extract) as pool:
        future = pool.submit([(text, published), ...])
        future.result()  # [(events, error), ...] in the same order
"""
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

Outcome = tuple[list, str]  # (events, "" or the extractor's error)
WARM_UP = "تمهيد: جملة قصيرة تحمّل المعجم قبل توزيع العمل."
_extractor: Callable | None = None  # set in each worker by _start (inherited by fork)


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


def _start(extractor: Callable) -> None:
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _extractor = extractor


def _extract_many(jobs: list[tuple[str, object]]) -> list[Outcome]:
    return [extract_one(_extractor, text, published) for text, published in jobs]


class ExtractionPool:
    """`submit` a list of (text, published) and get a Future of their outcomes. With one
    worker the extraction runs in this process (no fork, nothing to pickle)."""

    def __init__(self, *, workers: int, extractor: Callable):
        self.workers, self.extractor = max(1, workers), extractor
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ExtractionPool":
        if self.workers > 1:
            # load the lexicons once, before the fork, so the workers share them
            extract_one(self.extractor, WARM_UP, None)
            context = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context,
                initializer=_start, initargs=(self.extractor,))
        return self

    def submit(self, jobs: list[tuple[str, object]]) -> Future:
        if self.executor is not None:
            return self.executor.submit(_extract_many, jobs)
        future: Future = Future()
        future.set_result([extract_one(self.extractor, text, day) for text, day in jobs])
        return future

    def __exit__(self, kind, error, traceback) -> None:
        if self.executor is not None:
            # on an error (Ctrl-C among them) queued work is dropped, not waited for
            self.executor.shutdown(wait=error is None, cancel_futures=error is not None)
