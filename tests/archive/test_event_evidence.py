"""Each event keeps the text of its evidence span (`Event.evidence`, what the CSV export
reads on PostgreSQL) however it is written: stored from the extractor one article or a
chunk at a time, re-extracted, edited one at a time, its article's text edited; the
migration fills it for events stored before it."""
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from archive.models import Article, Event
from archive.services.events import reextract_articles, store_many_events

from .incident_reports import Spec, extract, tell

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0014_event_evidence")


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def spans() -> dict[int, str]:
    return {e.pk: e.evidence for e in Event.objects.select_related("article")}


def cut() -> dict[int, str]:
    return {e.pk: e.evidence_text for e in Event.objects.select_related("article")}


def test_stored_events_keep_their_evidence_text():
    tell(Spec("first"))
    article = Article.objects.create(text="نص آخر عن هجوم", title="ب", outlet="ب",
                                     external_id="second", content_hash="b" * 64)
    store_many_events(found=[(article, [Spec("second").event()])], version="spec-1",
                      places={}, actors={})
    assert len(spans()) == 2 and spans() == cut() and all(spans().values())


def test_a_saved_event_and_an_edited_article_keep_it_current():
    event = tell(Spec("first"))
    event.evidence_start, event.evidence_end = 6, 12
    event.save()
    assert Event.objects.get(pk=event.pk).evidence == event.article.text[6:12]
    article = Article.objects.get(pk=event.article_id)
    article.text = "نص جديد كله " + article.text
    article.save()
    assert Event.objects.get(pk=event.pk).evidence == article.text[6:12]
    assert spans() == cut()


def test_reextraction_refreshes_the_evidence_of_the_events_it_finds_again():
    event = tell(Spec("first", killed=5))
    Article.objects.filter(pk=event.article_id).update(text="تغير النص " + event.article.text)
    reextract_articles(articles=Article.objects.all(), extractor=extract(Spec("first")),
                       version="v2")
    assert Event.objects.get(pk=event.pk).evidence == \
        Article.objects.get(pk=event.article_id).text[:event.evidence_end]
    assert spans() == cut()


def test_the_migration_fills_the_evidence_of_events_stored_before_it():
    tell(Spec("first"))
    tell(Spec("second", outlet="ب"))
    Event.objects.update(evidence="")
    migration.forwards(apps, SimpleNamespace(connection=connection))
    assert spans() == cut() and all(spans().values())
