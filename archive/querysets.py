"""Reads: the QuerySet methods views, exports and commands share."""
from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connection, models, transaction
from django.db.models import Count, F, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from archive.search import GLUED_MIN, alternatives, query_terms

FTS_TABLE = "archive_article_fts"
# The casualty ranges counted beside the killed and wounded filters.
# Newest first, undated events last on every database (the order of the 0003 index).
NEWEST_FIRST = (F("date").desc(nulls_last=True), "-id")
RANGES = [(0, 0), (1, 4), (5, 9), (10, 49), (50, None)]
TRIGRAM_THRESHOLD = 0.5
RANK_WINDOW = 1000
# The search page lists at most this many matches, the newest, ranked (and says "more
# than" when there are more): ranking and counting every match of a common word grows
# with the archive. Exports, the API and the events filter keep every match.
SEARCH_CAP = 1000
# The misspelt-query fallback (PostgreSQL): per query word, at most this many similar
# words of the vocabulary, found within this many milliseconds.
SIMILAR_WORDS = 8
SIMILAR_CANDIDATES = 500
SIMILAR_TIMEOUT_MS = 500
VOCABULARY = "archive_search_word"  # one row per indexed word: migration 0004
GLUED_WORDS = 50  # per query word, the longer vocabulary words containing it (PostgreSQL)
SUBSTRING_WINDOW = 5000  # SQLite's fallback reads at most this many (newest) texts
MATERIALISE_IDS = 20_000  # under the bound-parameter limits of SQLite and PostgreSQL


def _in_range(field: str, lo: int, hi: int | None) -> models.Q:
    q = models.Q(**{f"{field}_best__gte": lo})
    return q & models.Q(**{f"{field}_best__lte": hi}) if hi is not None else q


def _range_sql(field: str, lo: int, hi: int | None) -> str:
    upper = f" AND e.{field}_best <= {int(hi)}" if hi is not None else ""
    return f"COUNT(*) FILTER (WHERE e.{field}_best >= {int(lo)}{upper})"


def _with_ranges(counts: dict) -> dict:
    """Totals with the range counts gathered under "ranges"."""
    totals = {"n": counts["n"], "killed": counts["killed"], "wounded": counts["wounded"]}
    totals["ranges"] = {
        field: [{"lo": lo, "hi": hi, "n": counts[f"{field}_{lo}"]} for lo, hi in RANGES]
        for field in ("killed", "wounded")
    }
    return totals


def _at_least(queryset, n: int) -> bool:
    """Whether `queryset` has at least n rows, read through its own best plan. (Asked with
    a LIMIT, PostgreSQL may scan every article in the hope of meeting a match early: for a
    word in no article that is a scan of the whole archive.)"""
    try:
        inner, params = queryset.order_by().values("id").query.sql_with_params()
    except EmptyResultSet:
        return False
    sql = f"SELECT count(*) FROM (SELECT 1 FROM ({inner} OFFSET 0) AS m LIMIT %s) AS n"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, n])
        return cursor.fetchone()[0] >= n


def _any_match(queryset) -> bool:
    """`_at_least(queryset, 1)`; with the RUM index (migration 0018) without plain index
    scans: the planner takes a RUM index scan for a quick first row, but it gathers every
    match first (75 ms for a word in 145,000 of 1 M articles), where a sequential scan
    meets a common word's match at once and the GIN bitmap finds a rare one."""
    from archive.search_newest import planner_settings, rum_index_ready

    if not rum_index_ready():
        return _at_least(queryset, 1)
    with planner_settings(enable_indexscan="off"):
        return _at_least(queryset, 1)


def known_words(terms: list[str]) -> bool:
    """Whether every word of the query is in the search vocabulary (primary-key lookups).
    A word that is not is in no article: the full-text query need not look (PostgreSQL
    would plan a scan of every article's vector for a word it has no statistics for)."""
    # VOCABULARY is a constant; the words travel as a parameter.
    sql = (
        "SELECT NOT EXISTS (SELECT 1 FROM unnest(tsvector_to_array("  # noqa: S608
        "to_tsvector('simple', %s))) AS w WHERE length(w) BETWEEN 2 AND 64 "
        f"AND NOT EXISTS (SELECT 1 FROM {VOCABULARY} WHERE word = w))"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [" ".join(terms)])
        return cursor.fetchone()[0]


def similar_words(term: str) -> list[str]:
    """Up to SIMILAR_WORDS words of the search vocabulary that look like `term` (pg_trgm
    word similarity at least TRIGRAM_THRESHOLD, through the vocabulary's trigram index),
    most similar first among the first SIMILAR_CANDIDATES found; none when the lookup
    outlasts SIMILAR_TIMEOUT_MS. It never reads the articles' texts, and the vocabulary
    grows far slower than the archive."""
    sql = (f"SELECT word FROM (SELECT word FROM {VOCABULARY} WHERE %s <%% word "  # noqa: S608
           "LIMIT %s) AS candidates "
           "ORDER BY word_similarity(%s, word) DESC, length(word), word LIMIT %s")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            previous = cursor.fetchone()[0]
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true), "
                "set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [f"{SIMILAR_TIMEOUT_MS}ms", str(TRIGRAM_THRESHOLD)],
            )
            cursor.execute(sql, [term, SIMILAR_CANDIDATES, term, SIMILAR_WORDS])
            words = [row[0] for row in cursor.fetchall()]
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
    except OperationalError:  # cancelled by the timeout: no suggestion rather than a stall
        return []
    return words


def similar_words_query(terms: list[str]):
    """A full-text query asking for every term or a word like it; None when a term has
    no similar word at all."""
    from django.contrib.postgres.search import SearchQuery

    query = None
    for term in terms:
        similar = None
        for word in similar_words(term):
            one = SearchQuery(word, config="simple", search_type="plain")
            similar = one if similar is None else similar | one
        if similar is None:
            return None
        query = similar if query is None else query & similar
    return query


def _fts_any(forms: list[str]) -> str:
    """An FTS5 expression matching any of these words (each quoted: never FTS syntax)."""
    return "(" + " OR ".join(f'"{form}"' for form in forms) + ")"


class PlaceQuerySet(models.QuerySet):
    def within(self, place):
        """The place and every place it encloses (its districts, cities, villages)."""
        return self.filter(path__startswith=place.path)


class ArticleQuerySet(models.QuerySet):
    def extraction_failed(self):
        """Articles stored without events because the extractor raised on them."""
        return self.exclude(extraction_error="")

    def search(self, query: str, *, ranked: bool = True, window: bool = True):
        """Articles matching every word of the query, best first, annotated with `rank`
        (higher is better). Words are folded like Article.search_text, so spelling variants
        and attached particles match. PostgreSQL: the GIN-indexed search_vector ranked by
        ts_rank, falling back to trigram word similarity when no article has every word;
        when more than RANK_WINDOW articles match, only the newest RANK_WINDOW are kept
        and ranked (ts_rank reads each match's whole vector). `ranked=False` keeps every
        match, unranked (the events filter); `window=False` ranks every match, for a caller
        that caps them (`newest_ranked_ids`). SQLite: the FTS5 table kept in sync by
        triggers, ranked by bm25, falling back to substring matches in the newest
        SUBSTRING_WINDOW articles."""
        terms = query_terms(query)
        if not terms:
            return self.none()
        if connection.vendor == "postgresql":
            return self._search_postgresql(terms, ranked=ranked, window=window)
        return self._search_sqlite(terms)

    def _search_postgresql(self, terms, *, ranked, window):
        from django.contrib.postgres.search import SearchRank

        from archive.search_forms import known_forms_query

        query, ranking = known_forms_query(terms)
        found = self.filter(search_vector=query) if query is not None else self.none()
        if query is None or not _any_match(found):
            query = ranking = similar_words_query(terms)
            if query is None:
                return self.none()
            found = self.filter(search_vector=query)
        if not ranked:
            return found
        rank = (self._rank(query, ranking or query) if window
                else SearchRank(models.F("search_vector"), ranking or query))
        return found.annotate(rank=rank).order_by(
            "-rank", models.F("published").desc(nulls_last=True), "-id"
        )

    def _rank(self, query, ranking):
        """ts_rank, which reads each match's whole vector: of every match when there are
        fewer than RANK_WINDOW, else of the newest RANK_WINDOW (the rest rank 0, after
        them, newest first). Every match stays in the result either way."""
        from django.contrib.postgres.search import SearchRank

        rank = SearchRank(models.F("search_vector"), ranking)
        # Plain "-published" so that the published index is read backwards.
        newest = self.model.objects.filter(search_vector=query).order_by("-published")
        if not _at_least(newest, RANK_WINDOW):
            return rank
        window = newest.values("id")[:RANK_WINDOW]
        return models.Case(models.When(id__in=window, then=rank), default=models.Value(0.0),
                           output_field=models.FloatField())

    def _search_sqlite(self, terms):
        """Every word (or its singular/plural form) as an indexed word, or, for words of
        GLUED_MIN letters or more, inside a longer word ("وجنوبكركوك", scraped text glues
        words) among the newest SUBSTRING_WINDOW articles: a substring is found by reading
        each text, and the window keeps that cost from growing with the archive. Exact
        matches rank first (bm25); glued-only matches follow, newest first."""
        newest = self.model.objects.order_by("-published", "-id").values("id")
        window = models.Q(id__in=newest[:SUBSTRING_WINDOW])
        found = models.Q()
        for term in terms:
            forms = alternatives(term)
            one = models.Q(id__in=self._fts_ids(_fts_any(forms)))
            long_forms = [f for f in forms if len(f) >= GLUED_MIN]
            if long_forms:
                glued = models.Q()
                for form in long_forms:
                    glued |= models.Q(search_text__contains=form)
                one |= window & glued
            found &= one
        rank = Coalesce(self._fts_rank(" AND ".join(_fts_any(alternatives(t)) for t in terms)),
                        models.Value(0.0), output_field=models.FloatField())
        return self.filter(found).annotate(rank=rank).order_by("-rank", "-published", "-id")

    def _fts_rank(self, expression: str):
        table = self.model._meta.db_table
        # bm25 is lower for better matches: negate it so `rank` sorts like PostgreSQL's.
        # Constant table names; the user's words only ever travel as the %s parameter.
        return RawSQL(  # noqa: S611
            f"SELECT -bm25({FTS_TABLE}) FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = {table}.id",
            [expression], output_field=models.FloatField(),
        )

    @staticmethod
    def _fts_ids(expression: str):
        return RawSQL(  # noqa: S611
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [expression],
        )

    def newest_ranked_ids(self, n: int) -> list[int]:
        """The ids of at most n + 1 of these matches (the newest published), best ranked
        first, then newest, then highest id: archive/search_newest.py (through the RUM
        index when PostgreSQL has it)."""
        from archive.search_newest import newest_ranked_ids

        return newest_ranked_ids(self, n)

    def matching_ids(self, query: str):
        """The ids of the articles matching `query` (for filtering events): read once into a
        list when there are at most MATERIALISE_IDS of them, so that a page's several
        queries do not each run the full-text search again; else a subquery."""
        ids = self.search(query, ranked=False).order_by().values_list("id", flat=True)
        found = list(ids[: MATERIALISE_IDS + 1])
        return ids if len(found) > MATERIALISE_IDS else found


class EventQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def involving(self, *actors):
        """Events any of these actors took part in, in any role: PostgreSQL reads the ids
        each event keeps (`Event.actor_ids`, a GIN index), other databases the actor rows
        (the same events: tests/archive/test_event_actor_ids.py)."""
        if connection.vendor == "postgresql":
            return self.involving_by_ids(*actors)
        return self.involving_by_rows(*actors)

    def involving_by_ids(self, *actors):
        return self.filter(actor_ids__overlaps=[getattr(a, "pk", a) for a in actors])

    def involving_by_rows(self, *actors):
        from archive.models import EventActor

        return self.filter(
            id__in=EventActor.objects.filter(actor__in=actors).values("event_id"))

    def kept(self):
        """Every report but the rejected ones (kept, but out of totals and incidents)."""
        return self.exclude(rejected=True)

    def review_status(self, status: str):
        """needs (unreviewed, confidence under the threshold), reviewed, unreviewed or
        rejected."""
        from archive.services.event_review import NEEDS_REVIEW_BELOW

        return {
            "needs": lambda: self.filter(reviewed=False,
                                         confidence__lt=NEEDS_REVIEW_BELOW),
            "reviewed": lambda: self.filter(reviewed=True, rejected=False),
            "unreviewed": lambda: self.filter(reviewed=False),
            "rejected": lambda: self.filter(rejected=True),
        }[status]()

    def within(self, place):
        """Events at the place or anywhere inside it."""
        return self.filter(place__path__startswith=place.path)

    def for_listing(self):
        """What an events table shows, in a fixed number of queries."""
        return self.select_related("article", "place", "place__parent").prefetch_related(
            "participants__actor"
        ).defer("article__text", "article__search_text", "article__search_vector")

    @staticmethod
    def _totals() -> dict:
        return {"n": Count("id"), "killed": Sum("killed_best"), "wounded": Sum("wounded_best")}

    def totals(self) -> dict:
        return self.aggregate(**self._totals())

    def totals_with_ranges(self) -> dict:
        """`totals()` plus how many events fall in each killed and wounded range."""
        counts = self.aggregate(
            **self._totals(),
            **{f"{field}_{lo}": Count("id", filter=_in_range(field, lo, hi))
               for field in ("killed", "wounded") for lo, hi in RANGES},
        )
        return _with_ranges(counts)

    def summary(self, *, limit: int = 12) -> tuple[dict, dict[str, list[dict]]]:
        """The filtered events' totals (n, killed, wounded) and their counts by actor, place,
        type and outlet. PostgreSQL reads the filtered set twice (GROUPING SETS for all but
        the actors); other databases run one query per facet."""
        from archive.models import EventActor, Place

        base = self.order_by()
        actors = list(
            EventActor.objects.filter(event_id__in=base.values("id"))
            .values("actor_id", "actor__name_ar")
            .annotate(n=Count("event_id", distinct=True))
            .order_by("-n", "actor__name_ar")[:limit]
        )
        if connection.vendor != "postgresql":
            return base.totals_with_ranges(), {
                "actors": actors,
                "places": list(base.exclude(place=None).values("place_id", "place__name_ar")
                               .annotate(n=Count("id")).order_by("-n", "place__name_ar")[:limit]),
                "types": list(base.values("type").annotate(n=Count("id")).order_by("-n")),
                "outlets": [{"article__outlet": outlet, "n": n} for outlet, n in
                            base.exclude(outlet="").values_list("outlet")
                            .annotate(n=Count("id")).order_by("-n", "outlet")[:limit]],
            }
        try:
            inner, params = base.values(
                "id", "type", "place_id", "killed_best", "wounded_best", "outlet"
            ).query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing, e.g. a query of punctuation
            return self.none().totals_with_ranges(), {
                "actors": [], "types": [], "places": [], "outlets": []}
        sql = (
            "SELECT GROUPING(e.type, e.place_id, e.outlet), e.type, e.place_id, e.outlet, "  # noqa: S608
            "COUNT(*), SUM(e.killed_best), SUM(e.wounded_best), "
            + ", ".join(_range_sql(f, lo, hi) for f in ("killed", "wounded") for lo, hi in RANGES)
            + f" FROM ({inner}) e GROUP BY GROUPING SETS ((e.type), (e.place_id), (e.outlet), ())"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        totals = {}
        types, places, outlets = [], [], []
        range_keys = [f"{f}_{lo}" for f in ("killed", "wounded") for lo, _ in RANGES]
        for grouping, type_, place_id, outlet, n, killed, wounded, *ranges in rows:
            if grouping == 0b111:
                totals = _with_ranges({"n": n, "killed": killed, "wounded": wounded,
                                       **dict(zip(range_keys, ranges, strict=True))})
            elif grouping == 0b011:
                types.append({"type": type_, "n": n})
            elif grouping == 0b101 and place_id is not None:
                places.append({"place_id": place_id, "n": n})
            elif grouping == 0b110 and outlet:
                outlets.append({"article__outlet": outlet, "n": n})
        names = dict(Place.objects.filter(
            id__in=[p["place_id"] for p in places]).values_list("id", "name_ar"))
        for place in places:
            place["place__name_ar"] = names.get(place["place_id"], "")
        return totals, {
            "actors": actors,
            "types": sorted(types, key=lambda r: -r["n"]),
            "places": sorted(places, key=lambda r: (-r["n"], r["place__name_ar"]))[:limit],
            "outlets": sorted(outlets, key=lambda r: (-r["n"], r["article__outlet"]))[:limit],
        }

    def timeline(self) -> list[dict]:
        """Events and killed per month, oldest first (months without events omitted)."""
        from django.db.models.functions import TruncMonth

        return list(
            self.exclude(date=None).order_by().annotate(month=TruncMonth("date"))
            .values("month").annotate(n=Count("id"), killed=Sum("killed_best"))
            .order_by("month")
        )
