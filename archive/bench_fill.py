"""The bulk fill behind `manage.py bench_site`: generated articles, their events, actors
and incidents written without the extractor, by COPY on PostgreSQL (bulk inserts
elsewhere), about a hundred times faster than storing them one chunk of ORM objects at a
time.

What makes it fast without cheating on what the pages read:

- **Texts.** A pool of POOL articles (the synthetic generator's, or a corpus file's) is
  folded once by `search_document`; each stored article is one pool text plus a line of
  its own: RARE_PER_ARTICLE words drawn from a Zipf-distributed vocabulary of
  pseudo-words (a few very common, most rare: `rare_vocabulary`) and a tracking number,
  so every text is unique. Its `search_text` is the pool text's folding plus the line's
  (`search_document` of each part: the words, forms and variants `search_document` gives
  for the whole, since it folds word by word; only their order differs), and its content
  hash continues the pool text's SHA-256 (`content_hash` of the whole text; a test
  compares them).
- **search_vector** is the pool text's vector (computed once per fill by
  `to_tsvector`) joined with the line's; the search triggers are off for the chunk
  (the replication role when the user may, else `DISABLE TRIGGER USER` inside the
  chunk's transaction), and the chunk's new words go into the vocabulary in one
  statement, so it ends up as the trigger would leave it (a test checks both).
- **Indexes.** On PostgreSQL, when more than REBUILD_OVER articles are added, the GIN
  indexes of archive_article (the full-text one) and its RUM index (migration 0018,
  when present) are dropped and built once at the end (an index built in one pass is
  far faster than a million updates).
"""
import datetime as dt
import functools
import hashlib
import json
import multiprocessing
import random
import signal
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, islice

from django.db import connection, connections, transaction
from django.utils import timezone

from archive import search_indexes
from archive.content_key import key_text
from archive.models import Actor, Article, Event, EventActor, Incident, Place
from archive.search import search_document
from archive.services.incident_figures import csv_cells, facet_lists
from archive.services.reports import FAMILIES

PREFIX = "bench-"
CHUNK = 5000
POOL = 3000
RARE_VOCABULARY = 100_000
RARE_PER_ARTICLE = 8
RETELL = 0.4  # share of events that tell again the previous article's incident
REBUILD_OVER = 50_000
FIRST_DAY = dt.date(2014, 1, 1)
DAYS = 3650
# Pseudo-words never start with a letter the folding may read as a particle (و ف ب ك ل).
FIRST_LETTERS = "تثجحخدذرزسشصضطظعغقمنهي"
LETTERS = FIRST_LETTERS + "ابكلفو"


def rare_vocabulary(seed: int) -> list[str]:
    """RARE_VOCABULARY distinct pseudo-words of 4 to 7 letters, the same for a seed; the
    fill draws word i with a weight 1/(i+1) (Zipf): the first few are in most articles,
    those past a few thousand in a handful (what `bench_site` searches as rare words)."""
    rng = random.Random(f"vocabulary-{seed}")
    words: dict[str, None] = {}
    while len(words) < RARE_VOCABULARY:
        n = rng.randint(4, 7)
        words["".join([rng.choice(FIRST_LETTERS), *rng.choices(LETTERS, k=n - 1)])] = None
    return list(words)


@dataclass
class PoolText:
    title: str
    text: str
    outlet: str
    search_text: str
    key: "hashlib._Hash"  # SHA-256 fed with the text's key (`content_key.key_text`)


@dataclass
class Reference:
    places: list[int]
    actors: list[tuple[int, str, str]]  # id, key, name
    types: list[str] = field(default_factory=lambda: [t for t, _ in Event.Type.choices])


def pool(source: Iterable[dict]) -> list[PoolText]:
    texts = []
    for record in islice(source, POOL):
        texts.append(PoolText(
            title=record["title"][:1000], text=record["text"], outlet=record["outlet"][:200],
            search_text=search_document(record["title"], record["text"]),
            key=hashlib.sha256(key_text(record["text"]).encode("utf-8")),
        ))
    return texts


def reference() -> Reference:
    """Places and actors to attach events to: the gazetteer's when loaded, else a small
    generated one (keys `bench.`)."""
    places = list(Place.objects.exclude(kind=Place.Kind.COUNTRY).values_list("id", flat=True)[:400])
    if len(places) < 20:
        country, _ = Place.objects.get_or_create(key="bench", defaults={
            "name_ar": "بلد تجريبي", "kind": Place.Kind.COUNTRY})
        for g in range(10):
            gov, _ = Place.objects.get_or_create(key=f"bench.g{g}", defaults={
                "name_ar": f"محافظة {g}", "kind": Place.Kind.GOVERNORATE, "parent": country})
            for d in range(5):
                Place.objects.get_or_create(key=f"bench.g{g}.d{d}", defaults={
                    "name_ar": f"قضاء {g}-{d}", "kind": Place.Kind.DISTRICT, "parent": gov})
        places = list(Place.objects.filter(key__startswith="bench.").values_list("id", flat=True))
    actors = list(Actor.objects.values_list("id", "key", "name_ar")[:200])
    if len(actors) < 10:
        for a in range(20):
            Actor.objects.get_or_create(key=f"bench.a{a}", defaults={"name_ar": f"جهة {a}"})
        actors = list(Actor.objects.filter(key__startswith="bench.")
                      .values_list("id", "key", "name_ar"))
    return Reference(places=places, actors=actors)


@dataclass
class Rows:
    """One chunk's rows, as tuples in the column order of COLUMNS."""
    articles: list = field(default_factory=list)
    events: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    incidents: list = field(default_factory=list)
    lines: list = field(default_factory=list)  # the articles' own lines (new words)
    stage: list = field(default_factory=list)  # (pool text number, folded line) per article


CSV_CELLS = ("csv_initiators", "csv_targets", "csv_outlets", "csv_disputes", "csv_report_ids")
DERIVED = (*CSV_CELLS, "actor_ids", "outlet_names")  # from the incident's lists and reports
COLUMNS = {
    Article: ("id", "external_id", "title", "text", "outlet", "url", "published", "language",
              "content_hash", "ingested_at", "search_text", "extraction_error",
              "extractor_version"),
    Incident: ("id", "family", "type", "date", "date_precision", "place_id", "killed_low",
               "killed_best", "killed_high", "wounded_low", "wounded_best", "wounded_high",
               "actors", "outlets", "n_reports", "n_outlets", "first_reported",
               "last_reported", "grade", "disputes", "reviewed", "created_at", "updated_at",
               *DERIVED),
    Event: ("id", "article_id", "type", "date", "date_precision", "date_text", "place_text",
            "place_id", "killed_best", "wounded_best", "evidence_start", "evidence_end",
            "evidence", "confidence", "extractor_version", "reviewed", "rejected", "created_at",
            "updated_at", "incident_id", "link_date", "link_pinned", "csv_initiators",
            "csv_targets", "actor_ids", "outlet"),
    EventActor: ("id", "event_id", "actor_id", "role", "surface"),
}


class Generator:
    """Rows for articles number `start` onwards (deterministic for a seed and number)."""

    def __init__(self, texts: list[PoolText], ref: Reference, *, seed: int):
        self.texts, self.ref, self.seed = texts, ref, seed
        self.vocabulary = rare_vocabulary(seed)
        self.weights = list(accumulate(1 / (i + 1) for i in range(len(self.vocabulary))))
        self.now = timezone.now()

    def chunk(self, numbers: range, ids: dict[type, int]) -> Rows:
        rows = Rows()
        previous: list[tuple] = []
        for number in numbers:
            rng = random.Random(f"{self.seed}-{number}")
            article_id = ids[Article] + len(rows.articles)
            base = self.texts[number % len(self.texts)]
            line = " ".join(rng.choices(self.vocabulary, cum_weights=self.weights,
                                        k=RARE_PER_ARTICLE))
            line += f" (رقم المتابعة {self.seed}-{number})"
            key = base.key.copy()
            key.update((" " + key_text(line)).encode("utf-8"))
            published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
            text = f"{base.text}\n{line}"
            folded = search_document(line)
            rows.articles.append((
                article_id, f"{PREFIX}{self.seed}-{number}", base.title, text, base.outlet, "",
                published, "ar", key.hexdigest(), self.now,
                f"{base.search_text}\n{folded}", "", "bench"))
            rows.lines.append(line)
            rows.stage.append((number % len(self.texts), folded))
            previous = [self._event(rows, rng, ids, article_id, published, base.outlet,
                                    text, n, previous[n] if previous else None)
                        for n in range(2)]
        return rows

    def _event(self, rows: Rows, rng, ids, article_id, published, outlet, text, n, retold):
        event_id = ids[Event] + len(rows.events)
        if retold and rng.random() < RETELL:
            incident_id, type_, date, place_id, killed, wounded, first = retold
            index = incident_id - ids[Incident]
            old = list(rows.incidents[index])
            outlets = sorted({*old[13], outlet})
            old[13], old[14], old[15] = outlets, old[14] + 1, len(outlets)
            old[17] = max(old[17], published)
            old[18] = "corroborated" if len(outlets) > 1 else "single_source"
            reports = [*map(int, old[-len(DERIVED) + 4].split()), event_id]  # csv_report_ids
            rows.incidents[index] = _with_cells(old[:-len(DERIVED)], reports)
            actors = first
        else:
            type_ = rng.choice(self.ref.types)
            date, place_id = published, rng.choice(self.ref.places)
            killed, wounded = rng.choice([None, *range(0, 40)]), rng.choice([None, *range(0, 60)])
            incident_id = ids[Incident] + len(rows.incidents)
            actors = rng.sample(self.ref.actors, 2)
            names = [{"id": a, "key": k, "name": name, "role": role, "reports": 1}
                     for (a, k, name), role in zip(actors, ("initiator", "target"), strict=True)]
            rows.incidents.append(_with_cells([
                incident_id, FAMILIES[type_], type_, date, "day", place_id, killed, killed,
                killed, wounded, wounded, wounded, names, [outlet], 1, 1, published, published,
                "single_source", [], False, self.now, self.now], [event_id]))
        end = min(len(text), 120 * (n + 1))
        rows.events.append((
            event_id, article_id, type_, date, "day", "", "", place_id, killed, wounded, 0, end,
            text[:end], round(rng.uniform(0.3, 1.0), 2), "bench", False, False,
            self.now, self.now, incident_id, date, False, actors[0][2], actors[1][2],
            sorted({actors[0][0], actors[1][0]}), outlet))
        for (actor_id, _, _), role in zip(actors, ("initiator", "target"), strict=True):
            rows.participants.append((ids[EventActor] + len(rows.participants), event_id,
                                      actor_id, role, ""))
        return (incident_id, type_, date, place_id, killed, wounded, actors)


def _with_cells(incident: list, report_ids: list[int]) -> tuple:
    """An incident's row ending in its CSV cells and facet lists (as `incident_figures`
    writes them) for its actors, outlets, disputes and these reports."""
    cells = {**csv_cells(actors=incident[12], outlets=incident[13], disputes=incident[19],
                         report_ids=report_ids),
             **facet_lists(actors=incident[12], outlets=incident[13])}
    return (*incident, *(cells[name] for name in DERIVED))


def reserve(model, n: int) -> int:
    """The first of n consecutive new ids of `model`'s table (one writer at a time)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with transaction.atomic():  # fill processes reserve one after the other
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [table])
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
                first = cursor.fetchone()[0]
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)",
                               [table, first + n])
            return first
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


VOCABULARY_INSERT = (
    "INSERT INTO archive_search_word (word) SELECT DISTINCT w FROM unnest(tsvector_to_array("
    "to_tsvector('simple', %s))) AS w WHERE length(w) BETWEEN 2 AND 64 ORDER BY w "
    "ON CONFLICT DO NOTHING")


STAGE = "bench_fill_stage"  # temporary tables of the session
POOL_VECTORS = "bench_fill_pool"


def prepare(texts: list[PoolText]) -> None:
    """PostgreSQL: the pool texts' vectors, computed once (to_tsvector of a 3 kB folded
    text costs ~2 ms: most of a stored article's cost), and the staging table."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {POOL_VECTORS} "
                       "(n integer PRIMARY KEY, vector tsvector)")
        cursor.execute(f"TRUNCATE {POOL_VECTORS}")
        for start in range(0, len(texts), 500):
            part = texts[start:start + 500]
            cursor.execute(
                f"INSERT INTO {POOL_VECTORS} (n, vector) "  # noqa: S608
                "SELECT n, to_tsvector('simple', t) FROM unnest(%s::int[], %s::text[]) "
                "AS u(n, t)",
                [list(range(start, start + len(part))), [t.search_text for t in part]])
        columns = ", ".join(f"{c} {t}" for c, t in STAGE_COLUMNS)
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} ({columns})")


# The article columns, then the pool text's number and the folded line of the article's own.
STAGE_COLUMNS = [(c, "text") for c in COLUMNS[Article]] + [("pool", "integer"),
                                                          ("line", "text")]
@transaction.atomic
def write(rows: Rows) -> None:
    """One chunk, all or nothing."""
    order = ((Article, rows.articles), (Incident, rows.incidents), (Event, rows.events),
             (EventActor, rows.participants))
    if connection.vendor != "postgresql":
        for model, tuples in order:
            model.objects.bulk_create([model(**{
                ("pk" if c == "id" else c): v for c, v in zip(COLUMNS[model], row, strict=True)
            }) for row in tuples])
        return
    with connection.cursor() as cursor:
        quiet = _superuser()
        if quiet:  # no trigger at all (the rows are consistent by construction), no lock
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:  # foreign keys checked per statement: no trigger event pending at ENABLE
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {STAGE}")
        with cursor.copy(f"COPY {STAGE} FROM STDIN") as copy:
            for row, extra in zip(rows.articles, rows.stage, strict=True):
                copy.write_row((*row, *extra))
        # The search triggers' work done here: the vector from the pool's and the line's,
        # the vocabulary from the chunk's new words (the pool's were added once).
        if not quiet:
            cursor.execute("ALTER TABLE archive_article DISABLE TRIGGER USER")
        cursor.execute(article_insert())
        if not quiet:
            cursor.execute("ALTER TABLE archive_article ENABLE TRIGGER USER")
        for model, tuples in order[1:]:
            columns = ", ".join(COLUMNS[model])
            with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
                for row in tuples:
                    copy.write_row(row if model is not Incident else _json(row))
        cursor.execute(VOCABULARY_INSERT, [search_document("\n".join(rows.lines))])


@functools.cache
def _superuser() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        return cursor.fetchone()[0]


def article_insert() -> str:
    types = {f.column: f.db_type(connection) for f in Article._meta.concrete_fields}
    values = ", ".join(f"s.{c}::{types[c]}" for c in COLUMNS[Article])
    return (f"INSERT INTO archive_article ({', '.join(COLUMNS[Article])}, search_vector) "  # noqa: S608
            f"SELECT {values}, p.vector || to_tsvector('simple', s.line) "
            f"FROM {STAGE} s JOIN {POOL_VECTORS} p ON p.n = s.pool")


def _json(row: tuple) -> list:
    """An incident's row for COPY: its JSON lists (actors, outlets, disputes) as text,
    its arrays (the DERIVED lists at the end) as lists."""
    return [json.dumps(v, ensure_ascii=False) if i in (12, 13, 19) else v
            for i, v in enumerate(row)]


_worker: dict = {}


def ends_plainly_on_sigterm() -> None:
    """In a fill process: the pool stops its processes with SIGTERM once the fill is done;
    the handler inherited from `stop_on_sigterm` would print a KeyboardInterrupt for each."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start_worker(texts: list[PoolText], ref: Reference, seed: int) -> None:
    """A fill process: its own connection (opened on first use) and pool vectors."""
    ends_plainly_on_sigterm()
    _worker["generator"] = Generator(texts, ref, seed=seed)
    if connection.vendor == "postgresql":
        prepare(texts)


def _fill_chunk(numbers: range) -> int:
    n = len(numbers)
    ids = {Article: reserve(Article, n), Event: reserve(Event, 2 * n),
           Incident: reserve(Incident, 2 * n), EventActor: reserve(EventActor, 4 * n)}
    write(_worker["generator"].chunk(numbers, ids))
    return n


def fill(have: int, total: int, *, source: Iterable[dict], seed: int, workers: int = 1,
         progress=lambda n: None) -> None:
    """Add articles number `have` to `total` (each with two events, their actors and
    incidents), CHUNK at a time, each chunk in one transaction; on PostgreSQL in
    `workers` processes (an interrupted parallel fill may leave gaps: start again)."""
    texts = pool(source)
    if not texts:
        return
    ref = reference()
    postgres = connection.vendor == "postgresql"
    dropped = search_indexes.present() if postgres and total - have > REBUILD_OVER else []
    with connection.cursor() as cursor:
        if postgres and have == 0:  # the pool's words, once
            cursor.execute(VOCABULARY_INSERT, ["\n".join(t.search_text for t in texts)])
        for name, _ in dropped:
            cursor.execute(f"DROP INDEX {name}")
    chunks = [range(start, min(total, start + CHUNK)) for start in range(have, total, CHUNK)]
    try:
        if postgres and workers > 1:
            connections.close_all()  # every process opens its own
            context = multiprocessing.get_context("fork")
            with context.Pool(workers, _start_worker, (texts, ref, seed)) as processes:
                done = have
                for n in processes.imap_unordered(_fill_chunk, chunks):
                    done += n
                    progress(done)
        else:
            _start_worker(texts, ref, seed)
            for numbers in chunks:
                _fill_chunk(numbers)
                progress(numbers.stop)
    finally:
        with connection.cursor() as cursor:
            if dropped:
                cursor.execute("SET maintenance_work_mem = '1GB'")
            for _, definition in dropped:
                cursor.execute(definition)
