"""What held under test, kept so: two ingestions of one file at once store each article
once (PostgreSQL: the unique content key and the per-article transaction decide)."""
import threading

import pytest
from django.db import connection, connections

from archive.models import Article, IngestionBatch
from archive.services.ingestion import ingest_paths

from .conftest import fake_extract
from .sentences import ALL, jsonl


@pytest.mark.django_db(transaction=True)
def test_two_ingestions_of_one_file_at_once_store_each_article_once(write):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time: there is no race to lose")
    path = write("a.jsonl", jsonl(*({"text": f"{t} ({n})"} for n in range(30) for t in ALL)))
    start = threading.Barrier(2)
    failures = []

    def run():
        try:
            start.wait()
            ingest_paths(paths=[path], extractor=fake_extract, save_every=1)
        except Exception as error:  # reported below: a thread's exception is otherwise lost
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert Article.objects.count() == 120
    batches = list(IngestionBatch.objects.all())
    assert [b.status for b in batches] == ["done", "done"]
    assert sum(b.n_new for b in batches) == 120 and sum(b.n_duplicate for b in batches) == 120
