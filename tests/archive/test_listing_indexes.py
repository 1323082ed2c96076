"""Migrations 0012, 0017 and 0019: the covering indexes the filtered listings' statement
reads (PostgreSQL only; other databases keep their plain indexes)."""
import importlib

import pytest
from django.db import connection

INDEXES = importlib.import_module("archive.migrations.0012_listing_covering_indexes").INDEXES


@pytest.mark.django_db
def test_the_filtered_listings_covering_indexes_exist_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
                       [list(INDEXES)])
        found = dict(cursor.fetchall())
    assert set(found) == set(INDEXES)
    # since 0017 with the reports' actor ids, which the events page's actor facet reads,
    # and since 0019 their outlets (the outlet facet and filter)
    assert ("INCLUDE (id, rejected, type, wounded_best, article_id, date, incident_id, "
            "actor_ids, outlet)") in found["archive_event_place_killed_cover"]


@pytest.mark.django_db
def test_an_actors_reports_are_read_from_the_index_alone():
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN SELECT event_id FROM archive_eventactor WHERE actor_id = 1")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using archive_eventactor_actor_event" in plan


@pytest.mark.django_db
def test_the_events_of_an_actor_are_found_through_the_gin_index_of_their_ids():
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index of the actor ids is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; "
                       "SET LOCAL enable_indexonlyscan = off")
        cursor.execute("EXPLAIN SELECT id FROM archive_event WHERE actor_ids && '{1}'::bigint[]")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on archive_event_actor_ids_gin" in plan


@pytest.mark.django_db
def test_a_places_reports_and_their_outlets_are_read_from_the_covering_index_alone():
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        # The other indexes on place_id are dropped inside the test's transaction (rolled
        # back after it): on a near-empty table the planner may prefer any of them, and
        # enable_indexscan = off would forbid index-only scans as well.
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'archive_event' "
                       "AND indexdef LIKE '%%(place_id%%' "
                       "AND indexname <> 'archive_event_place_killed_cover'")
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN SELECT outlet, type FROM archive_event "
                       "WHERE place_id = 1 AND killed_best >= 3 AND outlet = 'x'")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using archive_event_place_killed_cover" in plan
