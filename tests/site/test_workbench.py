"""The analyst's filters: type-ahead suggestions for actors and places, several actors at
once, a chip for every criterion, URLs without empty fields, links that keep filters."""
import pytest

from archive.models import Actor, Place
from archive.suggest import stems, suggest


def names(model, text):
    return [e.name for e in suggest(model, text)]


def test_a_place_is_found_by_part_of_its_name_with_its_chain(archive, client):
    rows = client.get("/api/suggest/", {"kind": "place", "q": "حوي"}).json()["results"]
    assert rows[0]["name"] == "الحويجة"
    assert rows[0]["chain"] == ["الحويجة", "كركوك", "العراق"]


def test_a_name_is_found_whatever_its_hamza_ta_marbuta_or_particles(archive):
    assert "الحويجة" in names(Place, "بالحويجه")
    assert "الموصل" in names(Place, "والموصل")
    assert "قرية الزاب" in names(Place, "قريه")


def test_an_actor_is_found_by_an_alias_or_its_english_name(archive):
    Actor.objects.filter(pk=archive.isis.pk).update(aliases=["الدولة الإسلامية"],
                                                     name_en="Islamic State")
    assert names(Actor, "الدوله الاسلاميه") == ["تنظيم داعش"]
    assert names(Actor, "islamic") == ["تنظيم داعش"]


def test_a_plural_group_name_finds_the_singular_one(db):
    Actor.objects.create(key="t.houthi", name_ar="الحوثي", kind=Actor.Kind.ARMED_GROUP)
    assert names(Actor, "الحوثيين") == ["الحوثي"]
    assert "حوثي" in stems("الحوثيون")


def test_a_new_actor_is_suggested_without_a_restart(archive):
    assert names(Actor, "البيشمركة") == []
    Actor.objects.create(key="t.peshmerga", name_ar="البيشمركة", kind=Actor.Kind.STATE_FORCE)
    assert names(Actor, "بيشمركه") == ["البيشمركة"]


def test_suggestions_refuse_an_unknown_kind_with_a_message(db, client):
    response = client.get("/api/suggest/", {"kind": "article", "q": "x"})
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    assert client.get("/api/suggest/", {"kind": "actor"}).json() == {"results": []}


@pytest.mark.parametrize("url", ["/events/", "/incidents/"])
def test_several_actors_give_the_events_of_any_of_them(archive, client, url):
    response = client.get(url, {"actor": [archive.army.pk, archive.pmf.pk]})
    chips = [c.label for c in response.context["chips"]]
    assert chips == ["الجهة: الجيش العراقي", "الجهة: الحشد الشعبي"]
    if url == "/events/":
        ids = {e.pk for e in response.context["page"].object_list}
        assert ids == {archive.clash.pk, archive.airstrike.pk, archive.hostile.pk}


def test_every_active_criterion_has_a_chip_that_removes_only_it(archive, client):
    params = {"q": "كركوك", "type": ["explosion", "armed_clash"], "killed_min": "3",
              "date_from": "2016-01-01", "outlet": "وكالة الأنباء", "review": "needs",
              "place": archive.kirkuk.pk, "sort": "-killed"}
    chips = client.get("/events/", params).context["chips"]
    assert [c.name for c in chips] == ["q", "place", "type", "type", "killed_min",
                                       "date_from", "outlet", "review"]
    assert "كركوك وما يتبعه" in chips[1].label
    removed = client.get("/events/" + chips[2].remove)
    assert removed.status_code == 200
    assert [c.value for c in removed.context["chips"] if c.name == "type"] == ["armed_clash"]
    assert "sort=-killed" in chips[2].remove and "page=" not in chips[2].remove


def test_a_url_with_empty_fields_is_redirected_to_one_without_them(archive, client):
    response = client.get("/incidents/?q=&actor=&type=attack&killed_min=&sort=-date")
    assert response.status_code == 302
    assert response["Location"] == "/incidents/?type=attack&sort=-date"


def test_table_links_to_a_place_keep_the_filters_and_its_page_links_back(archive, client):
    html = client.get("/incidents/", {"actor": archive.isis.pk}).content.decode()
    assert f'href="/places/{archive.kirkuk.pk}/?actor={archive.isis.pk}"' in html
    page = client.get(f"/places/{archive.kirkuk.pk}/", {"actor": archive.isis.pk})
    link = f'href="/incidents/?actor={archive.isis.pk}&amp;place={archive.kirkuk.pk}"'
    assert link in page.content.decode()


def test_the_pages_leave_an_include_point_for_map_and_charts(archive, client):
    for url in ["/events/", "/incidents/", f"/actors/{archive.isis.pk}/",
                f"/places/{archive.kirkuk.pk}/"]:
        templates = [t.name for t in client.get(url).templates]
        assert "archive/partials/visuals.html" in templates, url


def test_search_suggests_the_places_and_actors_a_query_names(archive, client):
    response = client.get("/search/", {"q": "انفجار في كركوك"})
    suggested = response.context["suggested"]
    assert [p.name_ar for p in suggested["places"]] == ["كركوك"]
    assert suggested["places"][0].chain == ("كركوك", "العراق")
    html = response.content.decode()
    assert f'href="/incidents/?place={archive.kirkuk.pk}"' in html
    assert [a.name_ar for a in client.get("/search/", {"q": "داعش"}).context["suggested"][
        "actors"]] == ["تنظيم داعش"]
    assert client.get("/search/", {"q": "أمطار"}).context["suggested"] == {
        "actors": [], "places": []}


def test_an_actor_or_place_page_shows_the_filters_it_carries(archive, client):
    page = client.get(f"/places/{archive.kirkuk.pk}/", {"actor": archive.isis.pk,
                                                        "killed_min": "2"})
    assert [c.name for c in page.context["chips"]] == ["actor", "killed_min"]
    assert client.get(f"/actors/{archive.isis.pk}/").context["chips"] == []
    assert client.get(f"/actors/{archive.isis.pk}/", {"killed_min": "x"}).context[
        "chips"] == []  # not a valid filter: nothing carried, no error


def test_one_letter_suggests_nothing_and_english_prefixes_come_first(archive):
    Place.objects.filter(pk=archive.mosul.pk).update(name_en="Mosul")
    Place.objects.filter(pk=archive.kirkuk.pk).update(name_en="Old Mosul Road")
    assert names(Place, "م") == []
    assert names(Place, "mos") == ["الموصل", "كركوك"]


def test_a_renamed_place_is_suggested_by_its_new_name(archive):
    assert names(Place, "الزاب") == ["قرية الزاب"]
    place = Place.objects.get(pk=archive.village.pk)
    place.name_ar = "قرية الزيب"  # same length: the save's version bump tells
    place.save()
    assert names(Place, "الزيب") == ["قرية الزيب"]
