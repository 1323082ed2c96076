"""Loading the gazetteer and the actor lexicon: idempotent, parents first, paths right."""
import pytest

from archive.models import Actor, Place
from archive.services.reference import load_reference
from extraction import types

pytestmark = pytest.mark.django_db

PLACES = [  # children before parents on purpose
    types.PlaceRecord(key="iq.kirkuk.dibis", name="الدبس", kind="district", parent="iq.kirkuk"),
    types.PlaceRecord(key="iq.kirkuk", name="كركوك", kind="governorate", parent="iq",
                      lat=35.47, lon=44.39, aliases=("محافظة كركوك",)),
    types.PlaceRecord(key="iq", name="العراق", kind="country", name_en="Iraq"),
]
ACTORS = [types.ActorRecord(key="isis", name="داعش", kind="armed_group",
                            aliases=("تنظيم الدولة",))]


def test_it_loads_places_under_their_parents_with_paths():
    summary = load_reference(places=PLACES, actors=ACTORS)
    assert (summary.places_created, summary.actors_created) == (3, 1)
    dibis = Place.objects.get(key="iq.kirkuk.dibis")
    assert dibis.path == "/iq/iq.kirkuk/iq.kirkuk.dibis/"
    assert dibis.parent.aliases == ["محافظة كركوك"] and dibis.parent.latitude == 35.47
    assert Actor.objects.get().aliases == ["تنظيم الدولة"]


def test_loading_twice_changes_nothing_and_overwrite_applies_a_change():
    load_reference(places=PLACES, actors=ACTORS)
    again = load_reference(places=PLACES, actors=ACTORS)
    assert again == type(again)(0, 0, 0, 0)
    moved = [*PLACES[1:], types.PlaceRecord(key="iq.kirkuk.dibis", name="الدبس",
                                           kind="district", parent="iq")]
    assert load_reference(places=moved, actors=ACTORS).places_updated == 0
    summary = load_reference(places=moved, actors=ACTORS, overwrite=True)
    assert summary.places_updated == 1
    assert Place.objects.get(key="iq.kirkuk.dibis").path == "/iq/iq.kirkuk.dibis/"


def test_places_the_extractor_created_follow_their_parent_when_it_moves():
    load_reference(places=PLACES[1:], actors=[])
    village = Place.objects.create(key="x.iq.kirkuk.village", name_ar="قرية", kind="village",
                                   parent=Place.objects.get(key="iq.kirkuk"),
                                   from_gazetteer=False)
    assert village.path == "/iq/iq.kirkuk/x.iq.kirkuk.village/"
    load_reference(places=[PLACES[2], types.PlaceRecord(key="iq.kirkuk", name="كركوك",
                                                        kind="governorate")], actors=[],
                   overwrite=True)
    village.refresh_from_db()
    assert village.path == "/iq.kirkuk/x.iq.kirkuk.village/"


def test_edits_made_in_the_admin_survive_a_reload_unless_overwritten():
    load_reference(places=PLACES, actors=ACTORS)
    Place.objects.filter(key="iq.kirkuk").update(name_en="Kirkuk (edited)", latitude=35.5)
    Actor.objects.filter(key="isis").update(aliases=["تنظيم الدولة", "داعش الإرهابي"])

    load_reference(places=PLACES, actors=ACTORS)
    kirkuk = Place.objects.get(key="iq.kirkuk")
    assert (kirkuk.name_en, kirkuk.latitude) == ("Kirkuk (edited)", 35.5)
    assert Actor.objects.get().aliases == ["تنظيم الدولة", "داعش الإرهابي"]

    load_reference(places=PLACES, actors=ACTORS, overwrite=True)
    assert Place.objects.get(key="iq.kirkuk").latitude == 35.47
    assert Actor.objects.get().aliases == ["تنظيم الدولة"]


def test_a_loop_in_the_data_is_refused_and_nothing_is_loaded():
    loop = [types.PlaceRecord(key="a", name="أ", kind="area", parent="b"),
            types.PlaceRecord(key="b", name="ب", kind="area", parent="a")]
    with pytest.raises(ValueError, match="its own ancestor"):
        load_reference(places=loop, actors=ACTORS)
    assert not Place.objects.exists() and not Actor.objects.exists()


def test_the_real_reference_data_loads():
    summary = load_reference()
    assert summary.places_created > 100 and summary.actors_created > 10
    assert Place.objects.get(key="iq.kirkuk").path == "/iq/iq.kirkuk/"
    for key, path in Place.objects.values_list("key", "path"):
        assert path.endswith(f"/{key}/")
