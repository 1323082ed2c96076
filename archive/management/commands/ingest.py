"""manage.py ingest PATH... — store articles from JSONL, CSV, .txt, folders and .zip
files, with the events the extractor finds in them.

    manage.py ingest sample_data/ news.jsonl
    manage.py ingest --workers 4 news.jsonl # extract in 4 processes (default: every core)
    manage.py ingest --queue --parts 8 big.jsonl  # 8 jobs for the Celery workers
    manage.py ingest --reextract            # re-run the extractor over every article
    manage.py ingest --reextract --failed   # only over the articles it failed on
    manage.py ingest --once sample_data/    # no batch at all when every article is stored

Bad records are reported (file, line, message) and stored on the batch; only a
missing path or a crash is fatal. Ctrl-C leaves the batch marked interrupted and
never half an article: run the same command again to finish.
"""
import contextlib
import itertools
import signal
import sys
import time
from dataclasses import astuple
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.content_key import content_hash
from archive.models import Article
from archive.services.batches import mark_stale_batches
from archive.services.events import ReextractSummary, reextract_articles
from archive.services.extraction_pool import default_workers
from archive.services.ingestion import ingest_paths
from archive.services.jobs import queue_ingestion
from archive.services.readers import Record, read_paths


def all_stored(paths) -> bool:
    """Whether every article the paths hold is stored already (and they hold one)."""
    hashes = sorted({content_hash(r.text) for r in read_paths(paths) if isinstance(r, Record)})
    stored = 0
    for start in range(0, len(hashes), 500):
        stored += Article.objects.filter(content_hash__in=hashes[start:start + 500]).count()
    return bool(hashes) and stored == len(hashes)


class ProgressLine:
    """A one-line progress report on stderr: records, rate, new/duplicate/failed."""

    @classmethod
    def for_command(cls, command) -> "ProgressLine":
        """Writing to a management command's stderr, without its newline."""
        return cls(lambda text: command.stderr.write(text, lambda s: s, ending=""))

    def __init__(self, write=sys.stderr.write, every: float = 0.2):
        self.write, self.every = write, every
        self.started = self.shown = time.monotonic()
        self.count = 0

    def __call__(self, batch) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.shown >= self.every:
            self.shown = now
            self.show(batch, now)

    def show(self, batch, now: float | None = None) -> None:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        self.write(
            f"\r{self.count:>8} records  {self.count / elapsed:7.1f}/s  "
            f"new {batch.n_new}  duplicate {batch.n_duplicate}  failed {batch.n_failed}  "
        )

    def close(self, batch) -> None:
        if self.count:
            self.show(batch)
            self.write("\n")


@contextlib.contextmanager
def stop_on_sigterm():
    """Treat SIGTERM (kill, a container stopping) like Ctrl-C: the batch is marked
    interrupted instead of being left "running"."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (a test runner's worker): leave it
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Command(BaseCommand):
    help = "Ingest article files (JSONL, CSV, .txt, folders, .zip) and extract their events."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders")
        parser.add_argument("--reextract", action="store_true",
                            help="re-run the extractor (over all articles when no path is given)")
        parser.add_argument("--failed", action="store_true",
                            help="with --reextract: only the articles the extractor failed on")
        parser.add_argument("--once", action="store_true",
                            help="do nothing (record no batch) when every article of the "
                                 "paths is already stored (for seeding)")
        parser.add_argument("--batch-size", type=int, default=50,
                            help="save the batch's counts every N records (default 50)")
        parser.add_argument("--quiet-errors", action="store_true",
                            help="do not list the rejected records")
        parser.add_argument("--queue", action="store_true",
                            help="submit to the Celery workers instead (archive/celery.py) "
                                 "and return at once")
        parser.add_argument("--parts", type=int, default=4,
                            help="with --queue: jobs the files are cut into (default 4)")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help="extraction processes (default: every core, here "
                                 f"{default_workers()}); 1 extracts and stores one "
                                 "article at a time in this process")

    def handle(self, *args, paths, reextract, failed, once, batch_size, quiet_errors,
               workers, queue, parts, **options):
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        if not paths and not reextract:
            raise CommandError("give one or more paths to ingest, or --reextract")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        if workers < 1 or parts < 1:
            raise CommandError("--workers and --parts must be at least 1")
        if queue:
            if not paths or reextract or once:
                raise CommandError("--queue takes paths, without --reextract or --once")
            jobs = queue_ingestion(paths=paths, parts=parts)
            self.stdout.write(f"Queued {len(jobs)} jobs ({', '.join(jobs)}): each part is a "
                              "batch of its own; follow them on the admin's batch list.")
            return
        if failed and not reextract:
            raise CommandError("--failed goes with --reextract")
        for stale in mark_stale_batches():
            self.stderr.write(f"Batch #{stale.pk} was left running by a process that is gone: "
                              "marked interrupted.")
        if once and paths and all_stored(paths):
            self.stdout.write("Every article of these paths is already stored: nothing to do.")
        elif paths:
            self.ingest(paths, batch_size=batch_size, quiet_errors=quiet_errors,
                        workers=workers)
        if reextract:
            summary = self.reextract(paths, only_failed=failed)
            for failure in summary.failed:
                self.stderr.write(f"  {failure}")
            self.stdout.write(
                f"Re-extracted {summary.articles} articles: {summary.added} events added, "
                f"{summary.removed} replaced, {summary.kept_reviewed} reviewed kept, "
                f"{len(summary.failed)} failed."
            )

    def reextract(self, paths, *, only_failed: bool) -> ReextractSummary:
        """Over every article, or over the articles these files hold (with `only_failed`,
        only those the extractor failed on)."""
        stored = Article.objects.extraction_failed() if only_failed else Article.objects.all()
        if not paths:
            return reextract_articles(articles=stored.order_by("pk").iterator(chunk_size=500))
        totals = ReextractSummary(0, 0, 0, 0)
        records = (r for r in read_paths(paths) if isinstance(r, Record))
        while chunk := list(itertools.islice(records, 500)):
            hashes = [content_hash(r.text) for r in chunk]
            done = reextract_articles(articles=stored.filter(content_hash__in=hashes))
            totals = ReextractSummary(*(a + b for a, b in zip(
                astuple(totals), astuple(done), strict=True)))
        return totals

    def ingest(self, paths, *, batch_size: int, quiet_errors: bool, workers: int) -> None:
        progress = ProgressLine.for_command(self)
        batch = None

        def track(current):
            nonlocal batch
            batch = current
            progress(current)

        try:
            with stop_on_sigterm():
                batch = ingest_paths(paths=paths, progress=track, save_every=batch_size,
                                     workers=workers)
        except KeyboardInterrupt:
            number = f" #{batch.pk}" if batch else ""
            raise CommandError(
                f"interrupted: batch{number} is marked interrupted and no article is half "
                "stored; run the same command again to finish"
            ) from None
        finally:
            if batch is not None:
                progress.close(batch)
        if not quiet_errors:
            for error in batch.errors:
                where = f"{error['file']}:{error['line']}" if error.get("line") else error["file"]
                self.stderr.write(f"  {where}: {error['message']}")
        unextracted = (f" ({batch.n_unextracted} stored without events: extraction failed; "
                       "retry with --reextract --failed)" if batch.n_unextracted else "")
        self.stdout.write(
            f"Batch #{batch.pk}: {batch.n_new} new{unextracted}, {batch.n_duplicate} duplicate, "
            f"{batch.n_failed} failed ({batch.get_status_display()})."
        )
