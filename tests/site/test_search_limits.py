"""Search under load and at its edges: a misspelt word is looked up in the vocabulary
(indexed, limited, timed out), an empty result exports a header, and exports and the
API hold every match however many articles match."""
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import querysets
from archive.export import COLUMNS
from archive.models import Article
from archive.search import search_document
from archive.views import pages
from tests.site.conftest import make_article, make_event

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the trigram vocabulary is PostgreSQL's (SQLite matches substrings)")


def test_an_export_of_nothing_is_a_header_row(archive, client):
    for url in ("/events/export.csv", "/search/export.csv"):
        response = client.get(url, {"q": "زنجبيلستان"})
        assert response.status_code == 200
        assert csv_rows(response) == [COLUMNS]


def test_search_exports_and_the_api_hold_every_match_not_just_the_ranked_window(
        db, client, monkeypatch):
    monkeypatch.setattr(querysets, "RANK_WINDOW", 2)
    for n in range(5):
        article = make_article(title=f"t{n}", text=f"قصف في الرمادي أوقع {n} جرحى")
        make_event(article, words="قصف في الرمادي")
    rows = csv_rows(client.get("/search/export.csv", {"q": "الرمادي"}))
    assert len(rows) == 1 + 5
    api = client.get("/api/articles/", {"q": "الرمادي", "page_size": 2}).json()
    assert api["count"] == 5 and api["pages"] == 3
    page = client.get("/search/", {"q": "الرمادي"})
    assert page.context["page"].paginator.count == 5


def test_a_misspelt_word_finds_the_articles_of_the_words_like_it(db, client):
    needs_postgresql()
    make_article(title="x", text="انفجار عبوة ناسفة في كركوك")
    make_article(title="y", text="أمطار غزيرة في البصرة")
    response = client.get("/search/", {"q": "كركوكك"})
    assert response.status_code == 200
    assert [a.title for a in response.context["page"].object_list] == ["x"]
    assert querysets.similar_words("كركوكك")[0] == "كركوك"


def test_articles_inserted_together_bring_every_word_to_the_vocabulary(db):
    needs_postgresql()
    Article.objects.bulk_create([
        Article(title=f"t{n}", text=text, content_hash=f"h{n}",
                search_text=search_document("", text))
        for n, text in enumerate(["انفجار في قندهار", "غارة على زنجبار", "قصف في قندهار"])])
    for typo, word in [("قندهاار", "قندهار"), ("زنجباار", "زنجبار"), ("انفجاار", "انفجار")]:
        assert querysets.similar_words(typo)[0] == word


def test_an_edited_text_brings_its_new_words_to_the_vocabulary(db):
    needs_postgresql()
    article = make_article(title="x", text="انفجار عبوة ناسفة في كركوك")
    assert querysets.similar_words("طوزخورماتوو") == []
    article.search_text = search_document("x", "انفجار عبوة ناسفة في طوزخورماتو")
    article.save(update_fields=["search_text"])
    assert querysets.similar_words("طوزخورماتوو")[0] == "طوزخورماتو"


def test_the_vocabulary_lookup_is_limited_and_gives_up_at_its_timeout(db, client, monkeypatch):
    needs_postgresql()
    make_article(title="x", text="انفجار عبوة ناسفة في كركوك")
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {querysets.VOCABULARY} (word) "  # noqa: S608
                       "SELECT 'كركوك' || g FROM generate_series(1, 200000) AS g")
    words = querysets.similar_words("كركوكك")
    assert len(words) == querysets.SIMILAR_WORDS and all("كركوك" in w for w in words)
    # a lookup that outlasts the timeout is cancelled by PostgreSQL: no words, no stall
    monkeypatch.setattr(querysets, "SIMILAR_TIMEOUT_MS", 50)
    monkeypatch.setattr(querysets, "VOCABULARY",
                        "(SELECT 'كركوك' || pg_sleep(1)::text AS word) AS slow")
    assert querysets.similar_words("كركوكك") == []
    response = client.get("/search/", {"q": "كركوكك"})
    assert response.status_code == 200 and not response.context["page"].object_list
    assert Article.objects.count() == 1  # the connection is still usable


def test_postgresql_is_told_what_matching_a_vector_costs(db):
    needs_postgresql()
    with connection.cursor() as cursor:
        cursor.execute("SELECT procost FROM pg_proc WHERE oid = "
                       "'ts_match_vq(tsvector, tsquery)'::regprocedure")
        assert cursor.fetchone()[0] == 1000  # a detoast per article, not a free operator
    assert querysets.known_words(["كركوك"]) is False
    make_article(title="x", text="انفجار في كركوك")
    assert querysets.known_words(["كركوك"]) is True
    assert querysets.known_words(["كركوك", "زنجبيلستان"]) is False


def test_sqlite_looks_for_glued_words_in_the_newest_texts_only(db, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL looks misspelt words up in its vocabulary")
    monkeypatch.setattr(querysets, "SUBSTRING_WINDOW", 2)
    for year in (2015, 2016, 2017):
        article = make_article(title=str(year), text=f"أفادت مصادر في وجنوبكركوك عام {year}")
        Article.objects.filter(pk=article.pk).update(published=f"{year}-01-01")
    assert {a.title for a in Article.objects.search("كركوك")} == {"2016", "2017"}


def test_the_search_page_ranks_the_newest_matches_of_a_common_word_and_says_there_are_more(
        db, client, monkeypatch):
    monkeypatch.setattr(querysets, "SEARCH_CAP", 3)
    for year in range(2015, 2021):
        article = make_article(title=str(year), text="قصف في " + "الرمادي " * (year - 2014))
        Article.objects.filter(pk=article.pk).update(published=f"{year}-01-01")
    page = client.get("/search/", {"q": "الرمادي"})
    listed = [a.title for a in page.context["page"].object_list]
    # the newest four (one more than the cap says that there are more), best ranked first
    assert sorted(listed) == ["2017", "2018", "2019", "2020"] and listed[0] == "2020"
    assert page.context["more_than"] == 3
    assert "أكثر من 3 مقالات" in page.text
    # sorted by date, the listing and its count hold every match; so do the exports
    by_date = client.get("/search/", {"q": "الرمادي", "sort": "published"})
    assert by_date.context["page"].paginator.count == 6
    assert by_date.context["more_than"] is None


def test_a_word_with_fewer_matches_than_the_cap_lists_them_all_with_their_count(
        db, client, monkeypatch):
    monkeypatch.setattr(querysets, "SEARCH_CAP", 3)
    for n in range(3):
        make_article(title=f"t{n}", text=f"قصف في الرمادي {n}")
    page = client.get("/search/", {"q": "الرمادي"})
    assert page.context["page"].paginator.count == 3 and page.context["more_than"] is None


def test_the_ranked_search_page_reads_its_capped_matches_once_and_never_counts_them(
        db, client, monkeypatch):
    monkeypatch.setattr(querysets, "SEARCH_CAP", 3)
    for n in range(6):
        make_event(make_article(title=f"t{n}", text=f"قصف في الرمادي {n}"),
                   words="قصف في الرمادي")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/search/", {"q": "الرمادي"})
    assert page.context["more_than"] == 3 and page.context["page"].paginator.count == 4
    capped = [q["sql"] for q in queries.captured_queries if "LIMIT 4" in q["sql"]]
    assert len(capped) == 1  # the newest cap + 1 matches, with their rank
    assert not [q["sql"] for q in queries.captured_queries if '"__count"' in q["sql"]]


def test_the_pages_of_a_ranked_search_follow_one_another_in_rank_order(
        db, client, monkeypatch):
    monkeypatch.setattr(pages, "RESULTS_PER_PAGE", 2)
    for n in range(5):
        article = make_article(title=f"t{n}", text="قصف في " + "الرمادي " * (n + 1))
        Article.objects.filter(pk=article.pk).update(published=f"{2015 + n % 2}-01-01")
    listed = []
    for number in (1, 2, 3):
        page = client.get("/search/", {"q": "الرمادي", "page": number})
        assert page.context["page"].paginator.count == 5
        listed += [a.title for a in page.context["page"].object_list]
    assert listed == [a.title for a in Article.objects.search("الرمادي")]
    assert len(set(listed)) == 5
