"""manage.py search_rum builds and drops the search page's RUM index."""
import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def _has_index() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_indexes "
                       "WHERE indexname = 'archive_article_search_rum')")
        return cursor.fetchone()[0]


def test_it_says_sqlite_searches_without_the_index():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite's answer")
    with pytest.raises(CommandError, match="PostgreSQL's"):
        call_command("search_rum", stdout=io.StringIO())


def test_it_drops_the_index_and_builds_it_again():
    if connection.vendor != "postgresql":
        pytest.skip("the RUM index is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_available_extensions "
                       "WHERE name = 'rum')")
        if not cursor.fetchone()[0]:
            if os.environ.get("MARSAD_REQUIRE_RUM") == "1":
                pytest.fail("rum is not installed: install postgresql-15-rum (.ci/run does)")
            pytest.skip("rum is not installed on this server")
    out = io.StringIO()
    try:
        call_command("search_rum", drop=True, stdout=out)
        assert not _has_index() and "dropped" in out.getvalue()
    finally:
        call_command("search_rum", stdout=out)
    assert _has_index() and "built" in out.getvalue()
