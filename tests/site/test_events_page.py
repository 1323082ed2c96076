"""The events page: every filter, facets, sorting, pagination, and bad input."""
import pytest

from archive.models import Event
from archive.views import small_sets


@pytest.fixture(autouse=True, params=["in Python", "in the database"])
def summary_path(request, monkeypatch):
    """Narrow filters are summarised in Python, wide ones by the database: test both."""
    if request.param == "in the database":
        monkeypatch.setattr(small_sets, "SMALL", -1)
    return request.param


def ids(response):
    return [e.pk for e in response.context["page"].object_list]


@pytest.fixture
def get(client):
    def fetch(**params):
        return client.get("/events/", params)
    return fetch


def test_it_lists_every_event_newest_first(archive, get):
    response = get()
    assert response.status_code == 200
    assert ids(response) == [archive.hostile.pk, archive.airstrike.pk, archive.clash.pk,
                             archive.bomb.pk]


def test_an_actor_filter_keeps_events_with_that_actor_in_any_role(archive, get):
    assert set(ids(get(actor=archive.isis.pk))) == {archive.bomb.pk, archive.clash.pk,
                                                   archive.airstrike.pk}


def test_a_governorate_includes_its_districts_and_villages(archive, get):
    assert set(ids(get(place=archive.kirkuk.pk))) == {archive.bomb.pk, archive.clash.pk,
                                                     archive.hostile.pk}
    assert set(ids(get(place=archive.hawija.pk))) == {archive.clash.pk, archive.hostile.pk}


def test_killed_and_wounded_ranges_are_inclusive(archive, get):
    assert set(ids(get(killed_min=3, killed_max=5))) == {archive.bomb.pk, archive.clash.pk}
    assert set(ids(get(wounded_min=10))) == {archive.bomb.pk}


def test_type_date_and_outlet_filters(archive, get):
    assert ids(get(type="airstrike")) == [archive.airstrike.pk]
    assert set(ids(get(type=["airstrike", "explosion"]))) == {archive.airstrike.pk,
                                                             archive.bomb.pk}
    assert set(ids(get(date_from="2016-01-01", date_to="2016-12-31"))) == {archive.bomb.pk,
                                                                          archive.clash.pk}
    assert ids(get(outlet="الوكالة الوطنية")) == [archive.airstrike.pk]


def test_the_text_query_keeps_events_of_matching_articles(archive, get):
    assert set(ids(get(q="كركوك"))) == {archive.bomb.pk, archive.clash.pk}
    assert ids(get(q="الموصل")) == [archive.airstrike.pk]


def test_filters_combine(archive, get):
    assert ids(get(actor=archive.isis.pk, killed_min=4, place=archive.kirkuk.pk)) == [
        archive.bomb.pk]


def test_it_sorts_by_casualties_with_unknown_counts_last(archive, get):
    Event.objects.filter(pk=archive.hostile.pk).update(killed_best=None)
    assert ids(get(sort="-killed")) == [archive.airstrike.pk, archive.bomb.pk, archive.clash.pk,
                                        archive.hostile.pk]
    assert ids(get(sort="killed"))[:3] == [archive.clash.pk, archive.bomb.pk, archive.airstrike.pk]
    assert ids(get(sort="date")) == [archive.bomb.pk, archive.clash.pk, archive.airstrike.pk,
                                     archive.hostile.pk]


def test_facets_count_the_filtered_events(archive, get):
    facets = get(place=archive.kirkuk.pk).context["facets"]
    actors = {row["actor__name_ar"]: row["n"] for row in facets["actors"]}
    assert actors == {"تنظيم داعش": 2, "الجيش العراقي": 1, "الحشد الشعبي": 1}
    types = {row["type"]: row["n"] for row in facets["types"]}
    assert types == {"explosion": 1, "armed_clash": 1, "attack": 1}
    places = {row["place__name_ar"]: row["n"] for row in facets["places"]}
    assert places == {"كركوك": 1, "الحويجة": 1, "قرية الزاب": 1}
    outlets = {row["article__outlet"]: row["n"] for row in facets["outlets"]}
    assert outlets == {"وكالة الأنباء": 2, "@evil": 1}


def test_a_query_that_can_match_nothing_shows_an_empty_table(archive, get):
    response = get(q="!!!")
    assert response.status_code == 200
    assert ids(response) == []
    assert "لا توجد أحداث" in response.content.decode()


def test_the_page_shows_the_filters_and_links_facets_into_the_url(archive, get):
    html = get(actor=archive.isis.pk).content.decode()
    assert "الجهة: تنظيم داعش" in html
    assert f"place={archive.kirkuk.pk}" in html
    assert f'href="/events/export.csv?actor={archive.isis.pk}"' in html


@pytest.mark.parametrize(("params", "field"), [
    ({"killed_min": "abc"}, "killed_min"),
    ({"wounded_max": "-3"}, "wounded_max"),
    ({"date_from": "2020-13-45"}, "date_from"),
    ({"actor": "999999"}, "actor"),
    ({"place": "x"}, "place"),
    ({"type": "picnic"}, "type"),
    ({"sort": "bogus"}, "sort"),
])
def test_invalid_filters_give_a_form_error_never_a_500(archive, get, params, field):
    response = get(**params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert field in response.context["filterset"].errors
    assert str(response.context["filterset"].form[field].label) in html


def test_invalid_filters_on_the_export_give_the_same_error(archive, client):
    response = client.get("/events/export.csv", {"killed_min": "abc"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_it_paginates(archive, client):
    article = archive.kirkuk_article
    Event.objects.bulk_create([
        Event(article=article, outlet=article.outlet, type="attack", evidence_start=0,
              evidence_end=4, extractor_version="t") for _ in range(60)
    ])
    first = client.get("/events/")
    assert len(first.context["page"].object_list) == 50
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get("/events/", {"page": 2})
    assert len(second.context["page"].object_list) == 14
    assert client.get("/events/", {"page": "zz"}).status_code == 200


def test_casualty_ranges_are_counted_and_linked(archive, get):
    response = get(place=archive.kirkuk.pk)
    ranges = {(r["lo"], r["hi"]): r["n"] for r in response.context["totals"]["ranges"]["killed"]}
    assert ranges == {(0, 0): 0, (1, 4): 2, (5, 9): 1, (10, 49): 0, (50, None): 0}
    html = response.content.decode()
    assert f'href="?place={archive.kirkuk.pk}&amp;killed_min=1&amp;killed_max=4"' in html


@pytest.mark.parametrize("language", ["ar", "en"])
def test_remembered_filter_widgets_render_as_a_fresh_form_renders_them(db, language):
    from django.forms.renderers import DjangoTemplates
    from django.utils import translation

    from archive.filters import EventFilter

    def widgets(form) -> str:
        return "".join(str(form[name]) for name in ("type", "killed_min", "outlet", "sort"))

    asked = [{"type": ["airstrike"], "killed_min": "3"}, {"type": ["protest"], "sort": "date"},
             {"killed_min": "-1"}, {}]
    with translation.override(language):
        for data in asked * 2:  # the second time from memory
            form = EventFilter(data).form
            form.is_valid()
            remembered = widgets(form)
            form.renderer = DjangoTemplates()
            assert remembered == widgets(form)
        checked = widgets(EventFilter({"type": ["airstrike"]}).form)
    airstrike = next(tag for tag in checked.split("<input") if 'value="airstrike"' in tag)
    assert "checked" in airstrike.split(">")[0] and checked.count("checked") == 1
