"""Migration 0012: the covering indexes the filtered listings' statement reads
(PostgreSQL only; other databases keep their plain indexes)."""
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
    assert "INCLUDE (id, rejected, type, wounded_best, article_id, date, incident_id)" in found[
        "archive_event_place_killed_cover"]


@pytest.mark.django_db
def test_an_actors_reports_are_read_from_the_index_alone():
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN SELECT event_id FROM archive_eventactor WHERE actor_id = 1")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using archive_eventactor_actor_event" in plan
