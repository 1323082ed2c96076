"""manage.py bench_linking --events 100000 — fill the configured database with N linked
reports (about 100 a day, incidents of one to four reports, over 210 districts), then
link --measure new reports one by one through the real linking service and print the
rate (reports/s) and the per-report time. Run it at 100,000 and at 1,000,000: the
per-report time should stay flat, because linking reads only the candidates of one place
and week. Rows carry the external_id prefix `benchlink-` and are removed at the end
unless --keep (a later run reuses them).

    DATABASE_URL=sqlite:////tmp/benchlink.sqlite3 manage.py migrate
    DATABASE_URL=sqlite:////tmp/benchlink.sqlite3 manage.py bench_linking --events 1000000
"""
import datetime as dt
import hashlib
import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from archive.models import Actor, Article, Event, EventActor, Incident, Place
from archive.services.linking import relink
from archive.services.reports import FAMILIES

PREFIX = "benchlink-"
CHUNK = 5000
PER_DAY = 100
START = dt.date(2000, 1, 1)
TYPES = ["airstrike", "shelling", "explosion", "attack", "armed_clash", "arrest", "protest"]


def _places() -> list[Place]:
    country, _ = Place.objects.get_or_create(key="benchlink", defaults={
        "name_ar": "بلد الاختبار", "kind": Place.Kind.COUNTRY})
    places = []
    for g in range(10):
        gov, _ = Place.objects.get_or_create(key=f"benchlink.g{g}", defaults={
            "name_ar": f"محافظة {g}", "kind": Place.Kind.GOVERNORATE, "parent": country})
        places.append(gov)
        for d in range(20):
            places.append(Place.objects.get_or_create(key=f"benchlink.g{g}.d{d}", defaults={
                "name_ar": f"قضاء {g}-{d}", "kind": Place.Kind.DISTRICT, "parent": gov})[0])
    return places


def _article(index: int, published: dt.date) -> Article:
    text = f"تقرير تجريبي رقم {index}"
    return Article(text=text, title=text, outlet=f"مصدر {index % 7}", published=published,
                   external_id=f"{PREFIX}{index}", search_text=text,
                   content_hash=hashlib.sha256(f"{PREFIX}{index}".encode()).hexdigest())


def _event(article: Article, *, type_: str, place: Place, day: dt.date, killed: int,
           anchored: bool) -> Event:
    return Event(article=article, outlet=article.outlet, type=type_, place=place,
                 killed_best=killed,
                 date=None if anchored else day,
                 date_precision="publication" if anchored else "day",
                 link_date=article.published if anchored else day,
                 evidence_start=0, evidence_end=len(article.text), evidence=article.text,
                 extractor_version="bench")


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=100_000, help="reports to hold")
        parser.add_argument("--measure", type=int, default=500, help="reports to link")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--keep", action="store_true", help="leave the rows in place")

    def handle(self, *args, events, measure, seed, keep, **options):
        rng = random.Random(seed)
        places = _places()
        actor, _ = Actor.objects.get_or_create(key="benchlink.actor",
                                               defaults={"name_ar": "جهة تجريبية"})
        have = Article.objects.filter(external_id__startswith=PREFIX).count()
        if have < events:
            started = time.perf_counter()
            self._fill(have, events, rng=rng, places=places, actor=actor)
            self.stdout.write(f"filled {events - have:,} reports in "
                              f"{time.perf_counter() - started:.0f}s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"database: {connection.vendor}, {Event.objects.count():,} reports, "
                          f"{Incident.objects.count():,} incidents")
        self._measure(events, measure, rng=rng, places=places, actor=actor)
        if not keep:
            self._cleanup()

    def _fill(self, have: int, total: int, *, rng, places, actor) -> None:
        index = have
        while index < total:
            with transaction.atomic():
                articles, specs = [], []
                while len(articles) < CHUNK and index < total:
                    day = START + dt.timedelta(days=index // PER_DAY)
                    type_, place = rng.choice(TYPES), rng.choice(places)
                    for n in range(min(rng.randint(1, 4), total - index)):
                        published = day + dt.timedelta(days=rng.randint(0, 1) if n else 0)
                        articles.append(_article(index, published))
                        specs.append((type_, place, day, rng.randint(0, 30), n > 0 and
                                      published != day, len(specs) - n))
                        index += 1
                Article.objects.bulk_create(articles)
                heads = {first: Incident(family=FAMILIES[t], type=t, date=d, place=p,
                                         n_reports=1, n_outlets=1, date_low=d, date_high=d)
                         for t, p, d, _, _, first in specs}
                Incident.objects.bulk_create(list(heads.values()))
                rows = []
                for article, (t, p, d, killed, anchored, first) in zip(articles, specs,
                                                                         strict=True):
                    row = _event(article, type_=t, place=p, day=d, killed=killed,
                                 anchored=anchored)
                    row.incident, row.csv_initiators = heads[first], actor.name_ar
                    row.actor_ids = [actor.pk]
                    rows.append(row)
                Event.objects.bulk_create(rows)
                EventActor.objects.bulk_create(
                    [EventActor(event=row, actor=actor, role="initiator") for row in rows])

    @transaction.atomic
    def _measure(self, total: int, n: int, *, rng, places, actor) -> None:
        """Store n new reports (some of them updates of incidents already held) and link
        each through `relink`, timing the linking only; then roll it all back, so the
        filled rows stay as they were for the next run."""
        last_day = START + dt.timedelta(days=max(total - 1, 0) // PER_DAY)
        pending = []
        for i in range(n):
            day = last_day - dt.timedelta(days=rng.randint(0, 30))
            article = _article(10**9 + i, day + dt.timedelta(days=1))
            article.save()
            row = _event(article, type_=rng.choice(TYPES), place=rng.choice(places),
                         day=day, killed=rng.randint(0, 30), anchored=i % 2 == 1)
            row.save()
            EventActor.objects.create(event=row, actor=actor, role="initiator")
            pending.append(row.pk)
        timings = []
        for pk in pending:
            started = time.perf_counter()
            relink(event_ids=[pk])
            timings.append(time.perf_counter() - started)
        joined = Event.objects.filter(id__in=pending, incident__n_reports__gt=1).count()
        rate = len(timings) / sum(timings)
        self.stdout.write(
            f"linked {len(timings)} reports ({joined} joined an existing incident): "
            f"{rate:,.0f} reports/s, median {statistics.median(timings) * 1000:.2f} ms, "
            f"p95 {sorted(timings)[int(0.95 * (len(timings) - 1))] * 1000:.2f} ms per report")
        transaction.set_rollback(True)

    def _cleanup(self) -> None:
        """Remove the bench rows with plain DELETEs (no tombstones, no signals: these
        rows were never anyone's data)."""
        alias = connection.alias
        with transaction.atomic():
            events = Event.objects.filter(article__external_id__startswith=PREFIX)
            EventActor.objects.filter(event__in=events.values("id"))._raw_delete(alias)
            events._raw_delete(alias)
            Incident.objects.filter(place__key__startswith="benchlink")._raw_delete(alias)
            Article.objects.filter(external_id__startswith=PREFIX)._raw_delete(alias)
