"""The search page's newest matches through the optional RUM index (migration 0018,
archive/search_newest.py): where PostgreSQL has it, the index's date order gives the
same capped set, ranked the same, as the backwards read along `published`; without it
(SQLite, or PostgreSQL without rum) the backwards read runs and the page works."""
import datetime
import os

import pytest
from django.db import connection

from archive import search_newest
from archive.models import Article
from tests.site.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def rum():
    if not search_newest.rum_index_ready(refresh=True):
        if connection.vendor == "postgresql" and os.environ.get("MARSAD_REQUIRE_RUM") == "1":
            pytest.fail("no RUM index: install postgresql-15-rum (.ci/run does)")
        pytest.skip("the RUM index needs PostgreSQL with the rum extension "
                    "(MARSAD_REQUIRE_RUM=1 makes this a failure there)")


@pytest.fixture
def dated(db):
    """Fourteen dated articles naming one town, some of them twice or thrice (their rank
    is higher), from two outlets; a few name a second word as well."""
    for n in range(14):
        text = "سقطت قذيفة قرب " + "بعقوبة " * (1 + n % 3) + ("وأصيب مزارع" if n % 4 else "")
        article = make_article(title=f"t{n}", text=text, outlet="أ" if n % 2 else "ب")
        Article.objects.filter(pk=article.pk).update(
            published=datetime.date(2019, 1, 1) + datetime.timedelta(days=37 * n))


@pytest.mark.parametrize("query", ["بعقوبة", "بعقوبة مزارع", "بعقوبه", "بعقوبةة"])
@pytest.mark.parametrize("cap", [1, 4, 9, 40])
def test_the_index_and_the_backwards_read_give_the_same_ranked_newest_matches(
        dated, rum, query, cap):
    found = Article.objects.search(query, window=False)
    by_index = search_newest.newest_ranked_ids(found, cap, use_index=True)
    assert by_index == search_newest.newest_ranked_ids(found, cap, use_index=False)
    assert by_index and len(by_index) <= cap + 1
    narrowed = found.filter(outlet="أ", published__gte=datetime.date(2019, 6, 1))
    assert (search_newest.newest_ranked_ids(narrowed, cap, use_index=True)
            == search_newest.newest_ranked_ids(narrowed, cap, use_index=False))


def test_the_newest_matches_come_from_the_rum_index_in_date_order(dated, rum):
    newest = search_newest.newest(Article.objects.search("بعقوبة", ranked=False), 5,
                                  use_index=True)
    sql, params = newest.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Index Scan using {search_newest.RUM_INDEX}" in plan and "Order By" in plan
    dates = list(Article.objects.filter(id__in=newest).order_by("-published")
                 .values_list("published", flat=True))
    assert dates == sorted(Article.objects.values_list("published", flat=True),
                           reverse=True)[:5]


def test_without_the_index_the_newest_matches_are_read_along_the_publication_date(dated):
    found = Article.objects.search("بعقوبة", window=False)
    ids = search_newest.newest_ranked_ids(found, 4, use_index=False)
    newest_five = set(Article.objects.order_by("-published").values_list("id", flat=True)[:5])
    assert set(ids) == newest_five


def test_a_word_in_most_articles_is_read_backwards_and_a_rarer_one_through_the_index(rum):
    for n in range(60):
        text = "سقطت قذيفة قرب بعقوبة" + (" وأصيب مزارع" if n % 20 == 0 else "")
        article = make_article(title=f"t{n}", text=text)
        Article.objects.filter(pk=article.pk).update(
            published=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_article")
    search_newest.rum_index_ready(refresh=True)  # and the articles' count
    # one newest match wanted: RUM below sqrt(40 x 1 x 60) = 49 expected matches
    everywhere = Article.objects.search("بعقوبة", window=False)
    rare = Article.objects.search("مزارع", window=False)
    assert not search_newest._rum_pays(everywhere, 1)
    assert search_newest._rum_pays(rare, 1)
    for found in (everywhere, rare):
        assert (search_newest.newest_ranked_ids(found, 0)
                == search_newest.newest_ranked_ids(found, 0, use_index=False))
