"""Names as written: a place the extractor found in text is named in the article's
spelling; duplicates of one place under one parent are merged by migration 0007."""
import importlib

import pytest
from django.apps import apps

from archive.models import Event, Incident, Place
from archive.services.events import as_written, place_for
from extraction import types

migration = importlib.import_module("archive.migrations.0007_places_as_written")


def test_a_new_village_is_named_as_the_article_wrote_it(db):
    Place.objects.create(key="t.gov", name_ar="محافظة تجريبية", kind=Place.Kind.GOVERNORATE)
    ref = types.PlaceRef(name="سديره الصغري", aliases=("بسديرة الصغرى",), parent_key="t.gov",
                         kind="village")
    assert as_written(ref) == "سديرة الصغرى"
    place = place_for(ref)
    assert place.name_ar == "سديرة الصغرى" and place.parent.key == "t.gov"


def test_without_a_matching_alias_the_name_is_kept():
    assert as_written(types.PlaceRef(name="تل عاصي", aliases=("مكان آخر",))) == "تل عاصي"


@pytest.fixture
def twins(db):
    from tests.site.conftest import build_archive

    archive = build_archive()
    folded = Place.objects.create(key="t.zab2", name_ar="قريه الزاب", kind=Place.Kind.VILLAGE,
                                  parent=archive.hawija, from_gazetteer=False,
                                  aliases=["بقرية الزاب"])
    Event.objects.filter(pk=archive.hostile.pk).update(place=folded)
    Incident.objects.filter(events=archive.hostile.pk).update(place=folded)
    return archive, folded


def test_the_migration_spells_folded_names_as_written(twins):
    archive, folded = twins
    migration.names_as_written(apps, None)
    assert Place.objects.get(pk=folded.pk).name_ar == "قرية الزاب"


def test_the_migration_merges_one_village_twice_under_one_parent_and_keeps_its_events(
        twins):
    archive, folded = twins
    before = Event.objects.count()
    migration.merge_duplicates(apps, None)
    assert not Place.objects.filter(pk=folded.pk).exists()
    assert Event.objects.count() == before
    assert Event.objects.get(pk=archive.hostile.pk).place_id == archive.village.pk
    assert Incident.objects.filter(place_id=folded.pk).count() == 0
    assert "قريه الزاب" in Place.objects.get(pk=archive.village.pk).aliases
    assert Place.objects.filter(name_ar="الحويجة").count() == 1  # different parents untouched


def test_a_name_is_found_inside_the_words_the_text_used():
    ref = types.PlaceRef(name="شياله", aliases=("قرية شيّالة",))
    assert as_written(ref) == "شيّالة"
