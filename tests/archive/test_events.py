"""Storing the extractor's events, and re-extraction that never touches reviewed ones."""
import pytest

from archive.models import Actor, Article, Event, Place
from archive.services.events import reextract_articles, store_events
from extraction import types

from .conftest import fake_extract
from .sentences import BOMB, CLASH

pytestmark = pytest.mark.django_db

TEXT = BOMB + " " + CLASH


@pytest.fixture
def article():
    return Article.objects.create(text=TEXT, content_hash="b" * 64)


def test_gazetteer_keys_map_to_existing_rows_and_unseen_names_to_new_ones(article, kirkuk):
    isis = Actor.objects.create(key="isis", name_ar="داعش", kind="armed_group")
    events = [
        types.Event(type="explosion", evidence=types.Span(0, 20),
                    place=types.PlaceRef(name="كركوك", key="iq.kirkuk", kind="governorate"),
                    actors=(types.ActorRef(name="داعش", role="initiator", key="isis"),)),
        types.Event(type="armed_clash", evidence=types.Span(30, 50),
                    place=types.PlaceRef(name="قرية البشير", aliases=("البشير",),
                                         parent_key="iq.kirkuk", kind="village"),
                    actors=(types.ActorRef(name="مسلحون", role="target", kind="armed_group"),)),
    ]
    rows = store_events(article=article, events=events, version="v1")
    assert rows[0].place == kirkuk and rows[0].participants.get().actor == isis
    village = rows[1].place
    assert (village.key, village.kind, village.parent, village.from_gazetteer) == (
        "x.iq.kirkuk.قريه-البشير", "village", kirkuk, False)
    assert rows[1].place_text == "البشير"
    newcomer = rows[1].participants.get().actor
    assert (newcomer.key, newcomer.kind, newcomer.from_lexicon) == (
        "x.مسلحون", "armed_group", False)
    store_events(article=article, events=events, version="v1")  # the same names again
    assert Place.objects.count() == 3 and Actor.objects.count() == 2


def test_odd_extractor_values_are_made_sane_not_crashed_on(article):
    event = types.Event(type="attack", evidence=types.Span(-5, 10_000),
                        killed=types.Count(best=5, low=7, high=3), confidence=1.7,
                        wounded=types.Count(best=-2, low=None, high=None))
    [row] = store_events(article=article, events=[event], version="v1")
    assert (row.evidence_start, row.evidence_end) == (0, len(TEXT))
    assert (row.killed_low, row.killed_best, row.killed_high) == (3, 5, 7)
    assert row.wounded_best is None and row.confidence == 1


def test_reextraction_keeps_reviewed_events_and_refreshes_the_rest_in_place(article):
    first, second = store_events(article=article, events=fake_extract(TEXT), version="old")
    first.reviewed, first.killed_best, first.killed_low, first.killed_high = True, 4, 4, 4
    first.save()

    summary = reextract_articles(articles=[article], extractor=fake_extract, version="new")

    assert (summary.articles, summary.removed, summary.added, summary.kept_reviewed,
            summary.kept_ids) == (1, 0, 0, 1, 1)
    kept = Event.objects.get(pk=first.pk)
    assert (kept.killed_best, kept.extractor_version, kept.reviewed) == (4, "old", True)
    again = Event.objects.get(pk=second.pk)  # same type and evidence span: same id
    assert (again.extractor_version, again.killed_best, again.reviewed) == ("new", 5, False)
    assert article.events.count() == 2  # the reviewed event was not duplicated


def test_reextraction_replaces_an_event_whose_evidence_moved(article):
    [old] = store_events(article=article, events=fake_extract(BOMB), version="old")

    summary = reextract_articles(articles=[article], extractor=fake_extract, version="new")

    assert (summary.removed, summary.added, summary.kept_ids) == (0, 1, 1)
    assert Event.objects.filter(pk=old.pk).exists()
    moved = types.Event(type="attack", evidence=types.Span(1, 9))
    summary = reextract_articles(articles=[article], extractor=lambda text, published: [moved],
                                 version="newer")
    assert (summary.removed, summary.added, summary.kept_ids) == (2, 1, 0)
    assert not Event.objects.filter(pk=old.pk).exists()


def test_reextraction_reports_an_article_the_extractor_fails_on(article):
    def broken(text, published=None):
        raise ValueError("bad")

    summary = reextract_articles(articles=[article], extractor=broken, version="new")
    assert summary.failed == (f"article #{article.pk}: ValueError: bad",)
