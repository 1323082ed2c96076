"""Home, search results, article, actor and place pages."""
import pytest

from archive.models import Article, Event
from archive.services.linking import relink


def test_home_shows_counts_latest_events_and_busiest_actors_and_places(archive, client):
    html = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "4 مقالة" not in html and "3 مقالة" in html
    assert ">17<" in html  # killed recorded: 5 + 3 + 7 + 2
    assert ">12<" in html  # wounded recorded: 10 + 2
    assert "تنظيم داعش" in html and f"/places/{archive.kirkuk.pk}/" in html
    incident_id = Event.objects.get(pk=archive.hostile.pk).incident_id
    assert f'id="incident-{incident_id}"' in html and f'href="/incidents/{incident_id}/"' in html


def test_no_asset_comes_from_outside_static(archive, client):
    for url in ["/", "/events/", "/search/?q=كركوك", f"/articles/{archive.kirkuk_article.pk}/"]:
        html = client.get(url).content.decode()
        for attr in ('src="http', "src='http", 'href="//', "@import", "fonts.googleapis"):
            assert attr not in html
        assert 'href="/static/css/marsad.css"' in html


def test_search_results_are_ranked_highlighted_and_list_their_events(archive, client):
    response = client.get("/search/", {"q": "كركوك"})
    html = response.content.decode()
    assert [a.pk for a in response.context["page"].object_list] == [archive.kirkuk_article.pk]
    assert "<mark>بكركوك</mark>" in html
    assert "انفجار" not in html or "تفجير" in html
    assert f"/articles/{archive.kirkuk_article.pk}/#evidence-{archive.bomb.pk}" in html
    assert f"/articles/{archive.kirkuk_article.pk}/#evidence-{archive.clash.pk}" in html
    assert 'href="/search/export.csv?q=' in html


def test_search_says_so_when_nothing_matches(archive, client):
    html = client.get("/search/", {"q": "طرابلس"}).content.decode()
    assert "لا نتائج" in html


def test_search_filters_by_outlet_and_sorts_by_date(archive, client):
    response = client.get("/search/", {"outlet": "الوكالة الوطنية"})
    assert [a.pk for a in response.context["page"].object_list] == [archive.mosul_article.pk]
    response = client.get("/search/", {"sort": "published"})
    pks = [a.pk for a in response.context["page"].object_list]
    assert pks[0] == archive.kirkuk_article.pk


def test_search_rejects_a_bad_date_with_a_message(archive, client):
    response = client.get("/search/", {"q": "كركوك", "date_from": "2020-13-45"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_article_page_highlights_each_events_evidence_and_links_it_to_its_row(
    archive, client
):
    html = client.get(f"/articles/{archive.kirkuk_article.pk}/").content.decode()
    for event in (archive.bomb, archive.clash):
        assert f'id="evidence-{event.pk}"' in html
        assert f'href="#event-{event.pk}"' in html
        assert f'<tr id="event-{event.pk}"' in html
    assert '<span class="ent ent-actor" title="الجيش العراقي">الجيش العراقي</span>' in html
    assert '<span class="ent ent-place" title="قرية الزاب">قرية الزاب</span>' in html


def test_an_unknown_article_is_a_404(db, client):
    assert client.get("/articles/999/").status_code == 404


def test_the_actor_page_has_a_timeline_places_and_partners(archive, client):
    response = client.get(f"/actors/{archive.isis.pk}/")
    html = response.content.decode()
    bars = response.context["bars"]
    assert bars[0].label == "2016-03" and bars[0].n == 2 and bars[-1].label == "2017-01"
    assert len(bars) == 11  # empty months are drawn too
    assert 'class="timeline"' in html
    assert "الجيش العراقي" in html and "الحشد الشعبي" in html
    assert "قرية الزاب" in html and "الموصل" in html


def test_the_place_page_counts_events_inside_it(archive, client):
    response = client.get(f"/places/{archive.kirkuk.pk}/")
    assert response.context["totals"]["n"] == 3
    html = response.content.decode()
    assert "الحويجة" in html and "العراق" in html
    assert f'href="/incidents/?place={archive.kirkuk.pk}"' in html
    children = {c.name_ar: c.n for c in response.context["children"]}
    assert children == {"الحويجة": 2}  # its own event and its village's


def test_a_long_span_is_drawn_by_year(archive, client):
    Article.objects.all()  # the hostile event is in 2018: 27 months; add one in 2021
    archive.airstrike.date = archive.airstrike.date.replace(year=2021)
    archive.airstrike.save()
    relink(event_ids=[archive.airstrike.pk])  # as the admin does after an edit
    bars = client.get(f"/actors/{archive.isis.pk}/").context["bars"]
    assert [b.label for b in bars] == ["2016", "2017", "2018", "2019", "2020", "2021"]


@pytest.mark.parametrize("url", ["/", "/events/", "/search/"])
def test_pages_work_on_an_empty_archive(db, client, url):
    assert client.get(url).status_code == 200
