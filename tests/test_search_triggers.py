import pytest
from django.db import connection

from archive.apps import SQLITE_TRIGGERS, restore_sqlite_search_triggers
from archive.models import Article
from archive.search import search_document


def triggers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_a_migration_that_drops_the_sqlite_search_triggers_gets_them_back():
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite rebuilds tables (and loses triggers) to alter them")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER archive_article_fts_insert")
    assert "archive_article_fts_insert" not in triggers()

    restore_sqlite_search_triggers(using="default")

    assert triggers() >= set(SQLITE_TRIGGERS)
    Article.objects.create(text="قصف في كركوك", content_hash="h" * 64,
                           search_text=search_document("قصف في كركوك"))
    assert Article.objects.search("كركوك").count() == 1
