"""manage.py bench_ingest --n 10000 — how fast ingestion runs on the configured database.

Writes N generated articles (archive.services.synthetic) to a temporary JSONL file,
ingests them through the same path as `manage.py ingest`, and prints articles per
second and peak memory (the process's maximum resident set size, and its workers'
largest; with --trace-memory also tracemalloc's peak of Python allocations, which slows
Python down several times, so
the rate of such a run is not the figure to quote). Deletes the articles, events and
batch it created unless --keep is given (with the places and actors the extractor added).
"""
import contextlib
import json
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Max, ProtectedError

from archive.management.commands.bench_load import PROC
from archive.management.commands.bench_load import _cpu_seconds as _process_cpu
from archive.management.commands.ingest import ProgressLine, stop_on_sigterm
from archive.models import Actor, Article, Event, Place
from archive.services.extraction_pool import default_workers
from archive.services.ingestion import ingest_paths
from archive.services.synthetic import generate_articles


def _cpu_seconds() -> tuple[float, float]:
    """User and system CPU of this process, and of its (finished) workers."""
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                       resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def _database_cpu() -> float | None:
    """CPU seconds of the PostgreSQL server process serving this connection, when it runs
    on this machine (None otherwise): ingestion's other big cost, its indexes' upkeep."""
    if connection.vendor != "postgresql" or not PROC.is_dir():
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        local = (PROC / str(pid) / "comm").read_text().strip() == "postgres"
    except OSError:
        local = False
    return _process_cpu([pid]).get(pid) if local else None


def _database_line(before: float | None, after: float | None, n: int) -> str:
    if before is None or after is None:
        return ""
    return f", {1000 * (after - before) / n:.1f} ms in PostgreSQL's server process"


class Command(BaseCommand):
    help = "Benchmark ingestion of N generated articles: articles/second and peak memory."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, default=1000, help="articles to generate")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--keep", action="store_true", help="keep what was ingested")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help="extraction processes (default: every core)")
        parser.add_argument("--trace-memory", action="store_true",
                            help="also report tracemalloc's peak (slow)")

    def handle(self, *args, n, seed, keep, trace_memory, workers, **options):
        if n < 1:
            raise CommandError("--n must be at least 1")
        last_place = Place.objects.aggregate(last=Max("pk"))["last"] or 0
        last_actor = Actor.objects.aggregate(last=Max("pk"))["last"] or 0
        with tempfile.TemporaryDirectory(prefix="marsad-bench-") as folder:
            path = Path(folder) / "articles.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for article in generate_articles(n, seed=seed):
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
            size_mb = path.stat().st_size / 1e6
            from extraction import extract

            extract("تمهيد: تحميل المعجم قبل بدء القياس.")  # load lexicons outside the timing
            if trace_memory:
                tracemalloc.start()
            database_before = _database_cpu()
            started, cpu_before = time.perf_counter(), _cpu_seconds()
            progress = ProgressLine.for_command(self)
            with stop_on_sigterm():
                batch = ingest_paths(paths=[path], source=f"bench_ingest --n {n}",
                                     progress=progress, workers=workers)
            progress.close(batch)
            elapsed = time.perf_counter() - started
            parent, workers_cpu = (a - b for a, b in zip(_cpu_seconds(), cpu_before,
                                                          strict=True))
            cpu = parent + workers_cpu
            database_after = _database_cpu()
            traced = ""
            if trace_memory:
                traced = f"tracemalloc {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB, "
                tracemalloc.stop()
        events = Event.objects.filter(article__batch=batch).count()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self.stdout.write(
            f"{connection.vendor}, {workers} worker(s): {n} articles ({size_mb:.1f} MB) "
            f"in {elapsed:.1f} s = "
            f"{batch.n_new / elapsed:.1f} articles/s ({batch.n_new} new, "
            f"{batch.n_duplicate} duplicate, {batch.n_failed} failed, {events} events); "
            f"CPU {cpu:.1f} s in all processes ({cpu / elapsed:.2f} cores busy; per article "
            f"{1000 * parent / n:.1f} ms in this process, {1000 * workers_cpu / n:.1f} ms in "
            f"worker processes{_database_line(database_before, database_after, n)}); "
            f"peak memory: {traced}max RSS {rss_mb:.0f} MB (largest worker {worker_mb:.0f} MB)"
        )
        if settings.DEBUG:
            self.stdout.write("DEBUG is on: Django keeps every SQL statement it runs, which "
                              "costs memory and CPU a deployment does not pay; MARSAD_DEBUG=0 "
                              "(with MARSAD_SECRET_KEY) measures what production gets.")
        if not keep:
            Article.objects.filter(batch=batch).delete()
            batch.delete()
            # and the places and actors the extractor added for these articles
            with contextlib.suppress(ProtectedError):  # used by events stored meanwhile
                Place.objects.filter(pk__gt=last_place, from_gazetteer=False).delete()
                Actor.objects.filter(pk__gt=last_actor, from_lexicon=False).delete()
