"""manage.py bench_site --articles 100000 — fill the configured database with N generated
articles (two events each), then print median and p95 latency of the main pages (a
misspelt search among them: the fallback that must not grow with the archive) and the
CSV export rate. Rows it adds carry the external_id prefix `bench-`; they are removed at
the end unless --keep (a later run with --keep reuses them). The fill
(`archive/bench_fill.py`) writes rows in bulk without the extractor: each article is one
of 3,000 pool texts plus a line of Zipf-distributed rare words, so a few words are in
most articles and most words in a handful. `--corpus FILE.jsonl[.gz]` takes the pool
from real articles instead (read at run time, never stored elsewhere).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/marsad_bench \\
        manage.py migrate && manage.py bench_site --articles 100000 --keep
"""
import gzip
import json
import random
import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve

from archive import bench_fill, search_indexes
from archive.content_key import content_hash
from archive.management.commands.ingest import stop_on_sigterm
from archive.models import Article, Event, EventActor, Incident
from archive.services.synthetic import generate_articles

PREFIX = bench_fill.PREFIX
# p95 milliseconds of the pages, and rows per second of the export, at 1,000,000 articles.
TARGETS = {"search": 300, "search (rare word)": 300, "events (filtered)": 150,
           "incidents (filtered)": 150, "export": 50_000}


def _corpus(path: Path):
    """Articles of a JSONL file in the generator's shape (texts unique by content key)."""
    opener = gzip.open if path.suffix == ".gz" else open
    seen = set()
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            row = json.loads(line)
            key = content_hash(row.get("text") or "")
            if not row.get("text") or key in seen:
                continue
            seen.add(key)
            yield {"id": f"corpus-{number}", "title": (row.get("title") or "")[:1000],
                   "text": row["text"], "outlet": (row.get("outlet") or "")[:200],
                   "date": (row.get("date") or "")[:10] or None}


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--runs", type=int, default=30,
                            help="requests per page (0: fill only)")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--workers", type=int, default=1,
                            help="fill processes (PostgreSQL)")
        parser.add_argument("--keep", action="store_true", help="leave the rows in place")
        parser.add_argument("--corpus", type=Path,
                            help="JSONL (or .jsonl.gz) of real articles to fill with")

    def handle(self, *args, articles, runs, seed, keep, corpus, workers, **options):
        rng = random.Random(seed)
        have = Article.objects.filter(external_id__startswith=PREFIX).count()
        if have < articles:
            started = time.perf_counter()
            source = (_corpus(corpus) if corpus
                      else generate_articles(bench_fill.POOL, seed=seed))
            self._fill(have, articles, source=source, seed=seed, workers=workers)
            self.stdout.write(f"filled {articles - have:,} articles in "
                              f"{time.perf_counter() - started:.0f}s")
        if connection.vendor == "postgresql":
            self._build_missing_indexes()
        self._analyze()
        if not runs:
            return
        n_events = Event.objects.count()
        self.stdout.write(f"database: {connection.vendor}, {Article.objects.count():,} articles, "
                          f"{n_events:,} events")
        self._measure(runs, rng, seed)
        if not keep:
            self._cleanup()

    # -- filling ---------------------------------------------------------------------
    def _fill(self, have, total, *, source, seed, workers):
        def progress(n):
            self.stderr.write(f"\r{n:,} articles", ending="")

        with stop_on_sigterm():  # a kill still builds the dropped indexes again
            bench_fill.fill(have, total, source=source, seed=seed, workers=workers,
                            progress=progress)
        self.stderr.write("")

    def _build_missing_indexes(self):
        """The full-text indexes an interrupted fill dropped and never built again."""
        started = time.perf_counter()
        for statement in search_indexes.build_missing():
            self.stdout.write(f"built the missing index {search_indexes.index_name(statement)}")
        if time.perf_counter() - started > 1:
            self.stdout.write(f"  in {time.perf_counter() - started:.0f}s")

    def _analyze(self):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    # -- measuring -------------------------------------------------------------------
    def _time(self, path: str) -> tuple[float, float]:
        """Wall and CPU (this process) milliseconds of one request."""
        request = RequestFactory().get(path)
        match = resolve(request.path_info)
        started, cpu = time.perf_counter(), time.process_time()
        response = match.func(request, *match.args, **match.kwargs)
        if response.streaming:
            for _ in response.streaming_content:
                pass
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise CommandError(f"{path} answered {response.status_code}")
        return elapsed, (time.process_time() - cpu) * 1000

    def _pages(self, rng, seed):
        place_ids = list(Event.objects.exclude(place=None).values_list("place_id", flat=True)
                         .distinct()[:50])
        actor_ids = list(EventActor.objects.values_list("actor_id", flat=True).distinct()[:50])
        article_ids = list(Article.objects.values_list("id", flat=True)[:500])
        words = ["كركوك", "الموصل", "تفجير", "الحويجة", "داعش", "اشتباكات عنيفة", "الفلوجة"]
        misspelt = ["كركوكك", "الموصلل", "تفجيرر", "الحويجةة", "اشتباكاتت عنيفةة"]
        # Words of the fill's Zipf line found in a few dozen articles per million.
        rare = bench_fill.rare_vocabulary(seed)[2000:20000]
        return {
            "home": lambda: "/",
            "search": lambda: f"/search/?q={rng.choice(words)}",
            "search (rare word)": lambda: f"/search/?q={rng.choice(rare)}",
            "search (misspelt)": lambda: f"/search/?q={rng.choice(misspelt)}",
            "events (no filter)": lambda: "/events/",
            "events (filtered)": lambda: (
                f"/events/?actor={rng.choice(actor_ids)}&killed_min={rng.randint(1, 20)}"
                f"&place={rng.choice(place_ids)}&sort=-killed"
            ),
            "events (text query)": lambda: f"/events/?q={rng.choice(words)}&killed_min=5",
            "incidents (filtered)": lambda: (
                f"/incidents/?killed_min={rng.randint(1, 20)}&place={rng.choice(place_ids)}"),
            "article": lambda: f"/articles/{rng.choice(article_ids)}/",
            "api events (filtered)": lambda: f"/api/events/?killed_min={rng.randint(1, 30)}",
        }

    def _measure(self, runs, rng, seed):
        self.stdout.write(f"{'page':<24}{'median ms':>10}{'p95 ms':>10}{'CPU ms':>8}")
        figures = {}
        for name, make in self._pages(rng, seed).items():
            self._time(make())  # warm-up
            times = [self._time(make()) for _ in range(runs)]
            walls = [wall for wall, _ in times]
            figures[name] = _percentile(walls, 0.95)
            self.stdout.write(f"{name:<24}{statistics.median(walls):>10.1f}"
                              f"{figures[name]:>10.1f}"
                              f"{statistics.median(cpu for _, cpu in times):>8.1f}")
        started, cpu = time.perf_counter(), time.process_time()
        request = RequestFactory().get("/events/export.csv")
        response = resolve(request.path_info).func(request)
        size = sum(len(part) for part in response.streaming_content)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows = Event.objects.count()
        rate = rows / elapsed
        self.stdout.write(f"export: {rows:,} rows, {size / 1e6:.1f} MB in {elapsed:.1f}s = "
                          f"{rate:,.0f} rows/s ({cpu:.1f} s of this process's CPU)")
        missed = [name for name, target in TARGETS.items()
                  if (rate < target if name == "export" else figures[name] > target)]
        self.stdout.write("targets: " + ("all met" if not missed else
                                         "MISSED " + ", ".join(missed)))

    def _cleanup(self):
        bench = Article.objects.filter(external_id__startswith=PREFIX)
        Incident.objects.filter(events__article__in=bench).delete()
        EventActor.objects.filter(event__article__in=bench).delete()
        Event.objects.filter(article__in=bench).delete()
        n, _ = bench.delete()
        self.stdout.write(f"removed {n:,} rows (use --keep to leave them)")
