"""The database keeps the data sane on both backends."""
import pytest
from django.db import IntegrityError, transaction

from archive.models import Article, Event, Place

from .sentences import BOMB, CLASH

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return Article.objects.create(text=BOMB, content_hash="a" * 64)


def make_event(article, **fields):
    values = {"type": "attack", "evidence_start": 0, "evidence_end": 10,
              "extractor_version": "t", **fields}
    with transaction.atomic():
        return Event.objects.create(article=article, **values)


@pytest.mark.parametrize("fields", [
    {"killed_low": 6, "killed_best": 5},
    {"killed_best": 5, "killed_high": 4},
    {"wounded_low": 9, "wounded_high": 3},
    {"wounded_best": 10, "wounded_high": 2},
    {"evidence_start": 20, "evidence_end": 10},
    {"confidence": 1.5},
    {"killed_best": -1},
    {"wounded_low": -3},
])
def test_insane_events_are_refused_by_the_database(article, fields):
    with pytest.raises(IntegrityError):
        make_event(article, **fields)


def test_ranges_and_open_ended_counts_are_accepted(article):
    make_event(article, killed_low=10, killed_best=12, killed_high=15)
    make_event(article, killed_low=5, killed_best=5)  # "at least 5"
    make_event(article, wounded_best=24)  # "dozens"
    assert Event.objects.count() == 3


def test_the_same_content_hash_cannot_be_stored_twice(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(text=CLASH, content_hash=article.content_hash)


def test_a_governorate_reaches_the_events_of_its_villages(article):
    iraq = Place.objects.create(key="iq", name_ar="العراق", kind="country")
    kirkuk = Place.objects.create(key="iq.kirkuk", name_ar="كركوك", parent=iraq)
    dibis = Place.objects.create(key="iq.kirkuk.dibis", name_ar="الدبس", parent=kirkuk)
    village = Place.objects.create(key="x.village", name_ar="قرية", parent=dibis)
    anbar = Place.objects.create(key="iq.anbar", name_ar="الأنبار", parent=iraq)
    assert village.path == "/iq/iq.kirkuk/iq.kirkuk.dibis/x.village/"
    inside = make_event(article, place=village)
    make_event(article, place=anbar)
    assert list(Event.objects.within(kirkuk)) == [inside]
    assert set(Place.objects.within(kirkuk)) == {kirkuk, dibis, village}
    assert village.ancestors() == [dibis, kirkuk, iraq]
