"""The search page's capped set: the ids of the newest matches of a full-text query, ranked.

PostgreSQL without the RUM index reads the matches backwards along the `published` index
and checks each article's vector until it has enough: for a common word, a few thousand
vectors detoasted per search. With the optional RUM index (migration 0018, when the
`rum` extension is installed: Debian `postgresql-15-rum`) the index holds each
article's publication date beside its words, and `ORDER BY published <=> far LIMIT k`
returns the newest matches from the index in date order. The index is looked for once
a minute per process; without it (SQLite, or PostgreSQL without rum) the old read runs.

RUM sorts every match by date before returning the first (0.4–0.7 µs a match at
300,000 articles), while the backwards read checks ~k × articles / matches vectors
(~20–26 µs each): for a word in most articles (a stop word, "قوات") the backwards read
is the cheaper one (20 ms against 190 ms for a word in all 300,000), for a word in one
article of six RUM is (17 ms against 169). So the planner's estimate of the matches
picks the read: RUM below sqrt(BACKWARDS_PER_MATCH × k × articles) matches (113,000 of
300,000 articles; 200,000 of 1 M), the backwards read above.

One difference: PostgreSQL's `published DESC` puts undated articles first, so the
backwards read counts undated matches among the newest; the RUM read puts them last
(a match with no date is in the capped set only when fewer dated matches are). Both
then sort the set the same way (rank, then newest, undated last, then id).
"""
import contextlib
import math
import time

from django.core.exceptions import EmptyResultSet
from django.db import connection, models, transaction

RUM_INDEX = "archive_article_search_rum"
CHECK_SECONDS = 60.0
RUM_WORK_MEM = "64MB"
# How many times a RUM match's cost one article checked by the backwards read costs
# (measured: 26 µs against 0.6 µs at 300,000 articles, rounded down).
BACKWARDS_PER_MATCH = 40
_checked: dict[str, tuple[float, bool, float]] = {}


class NewestByIndex(models.Func):
    """`published::timestamp <=> '9999-12-31'`: the distance the RUM index orders by
    (the index's expression; RUM has no distance for `date`), smallest = newest."""

    template = "(%(expressions)s)::timestamp <=> '9999-12-31'::timestamp"
    output_field = models.FloatField()


def _index_and_size(*, refresh: bool = False) -> tuple[bool, float]:
    """(whether this database has the RUM index, the planner's count of articles),
    looked up at most once a minute per process (one query)."""
    name = connection.settings_dict["NAME"]
    checked_at, ready, articles = _checked.get(name, (float("-inf"), False, 0.0))
    if refresh or time.monotonic() - checked_at >= CHECK_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c "
                           "ON c.oid = i.indexrelid WHERE c.relname = %s AND i.indisvalid), "
                           "(SELECT reltuples FROM pg_class WHERE oid = %s::regclass)",
                           [RUM_INDEX, "archive_article"])
            ready, articles = cursor.fetchone()
        _checked[name] = (time.monotonic(), ready, max(articles, 0.0))
    return _checked[name][1:]


def rum_index_ready(*, refresh: bool = False) -> bool:
    """Whether this database has the RUM index (looked up at most once a minute)."""
    return connection.vendor == "postgresql" and _index_and_size(refresh=refresh)[0]


@contextlib.contextmanager
def planner_settings(**settings: str):
    """PostgreSQL settings for the statements inside (in a savepoint rolled back after
    them: they only read); nothing elsewhere."""
    if connection.vendor != "postgresql":
        yield
        return
    names = list(settings)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names)),
                       [v for name in names for v in (name, settings[name])])
        yield
        transaction.set_rollback(True)


def _rum_pays(queryset, k: int) -> bool:
    """Whether the planner expects few enough matches for the RUM read to be the cheaper
    (an EXPLAIN, no execution: about a millisecond)."""
    try:
        inner, params = queryset.order_by().values("id").query.sql_with_params()
    except EmptyResultSet:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {inner}", params)
        matches = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
    return matches < math.sqrt(BACKWARDS_PER_MATCH * k * _index_and_size()[1])


def newest(queryset, k: int, *, use_index: bool):
    """The ids of at most k of the queryset's matches, the newest published (a subquery):
    from the RUM index's date order, or backwards along `published`."""
    if use_index:
        return queryset.order_by(NewestByIndex("published")).values("id")[:k]
    # Plain "-published" so that the published index is read backwards.
    return queryset.order_by("-published").values("id")[:k]


def newest_ranked_ids(queryset, n: int, *, use_index: bool | None = None) -> list[int]:
    """The ids of at most n + 1 of these matches (the newest published), best ranked
    first, then newest, then highest id (n + 1 say that more than n match): one query
    reads and ranks them once. For a queryset of `ArticleQuerySet.search` (`window=False`
    on PostgreSQL; no `rank`: all rank 0)."""
    if use_index is None:  # the RUM index's presence and the expected matches choose
        use_index = rum_index_ready() and _rum_pays(queryset, n + 1)
    rank = queryset.query.annotations.get("rank", models.Value(0.0))
    ranked = (queryset.model.objects.filter(id__in=newest(queryset, n + 1, use_index=use_index))
              .annotate(rank=rank).order_by().values_list("id", "published", "rank"))
    # No parallel workers: reading backwards along the published index, each worker read
    # rows past the LIMIT (twice the vectors). The RUM read sorts its matches by date in
    # memory: past the default 4 MB (~100,000 matches) it spilled to disk (104 -> 49 ms
    # for 145,000 matches with 64 MB).
    settings = {"max_parallel_workers_per_gather": "0"}
    if use_index:
        settings["work_mem"] = RUM_WORK_MEM
    with planner_settings(**settings):
        rows = list(ranked)
    # rank, then published (undated last), then id: all descending, as `search` orders
    rows.sort(key=lambda r: (r[2], r[1] is not None, r[1], r[0]), reverse=True)
    return [pk for pk, _, _ in rows]
