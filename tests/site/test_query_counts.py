"""No N+1: every listing runs a bounded number of queries however many rows it shows."""
import datetime

import pytest

from archive.models import Article, Event, EventActor
from archive.search import search_document
from archive.search_newest import rum_index_ready
from archive.services.actor_cells import refresh_actor_cells

N_ARTICLES = 70


@pytest.fixture
def many(archive):
    articles = Article.objects.bulk_create([
        Article(title=f"هجوم رقم {i} في كركوك", text=f"هجوم رقم {i} بكركوك أوقع قتلى " * 3,
                outlet=f"مصدر {i % 5}", content_hash=f"{i:064d}",
                published=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                search_text=search_document(f"هجوم رقم {i} في كركوك", f"هجوم رقم {i} بكركوك"))
        for i in range(N_ARTICLES)
    ])
    events = Event.objects.bulk_create([
        Event(article=article, outlet=article.outlet, type=Event.Type.ATTACK,
              place=[archive.kirkuk, archive.hawija, archive.village][n % 3],
              killed_best=n, date=article.published,
              evidence_start=0, evidence_end=8, extractor_version="t")
        for article in articles for n in range(2)
    ])
    EventActor.objects.bulk_create([
        EventActor(event=event, actor=actor, role=role)
        for event in events
        for actor, role in ((archive.isis, "initiator"), (archive.army, "target"))
    ])
    refresh_actor_cells(event_ids=[event.pk for event in events])  # as bulk writers do
    return archive


@pytest.mark.parametrize(("url", "limit"), [
    ("/", 10),
    ("/events/", 12),
    ("/events/?actor={isis}&killed_min=1&place={kirkuk}&q=كركوك&sort=-killed", 16),
    # + the actors and places the query names: two table-state aggregates, one chain
    # read; PostgreSQL reads the capped matches in a savepoint without parallel workers
    # (three statements that read nothing); with the RUM index, the planner's estimate of
    # the matches (an EXPLAIN) and the probe for any match in a savepoint without plain
    # index scans (three more statements)
    ("/search/?q=كركوك", 21),
    ("/search/", 6),
    ("/articles/{article}/", 6),
    ("/actors/{isis}/", 10),
    ("/places/{kirkuk}/", 10),
    ("/api/events/?page_size=200", 5),
    # + the vocabulary's forms of the word; with the RUM index, the probe's savepoint (three)
    ("/api/articles/?q=كركوك&page_size=200", 10),
])
def test_listings_run_a_bounded_number_of_queries(
    many, client, django_assert_max_num_queries, url, limit
):
    url = url.format(isis=many.isis.pk, kirkuk=many.kirkuk.pk, article=many.kirkuk_article.pk)
    # What a process does once, or once a minute, is not per row: done before counting
    # (the actor and place tables read into memory; the RUM index's check), so the count
    # is the same whichever test ran before and however long ago
    client.get(url)
    rum_index_ready(refresh=True)
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200


def test_the_export_reads_in_chunks_not_per_row(many, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/events/export.csv")
        lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 4 + 2 * N_ARTICLES
