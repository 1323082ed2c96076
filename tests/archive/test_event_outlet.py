"""Each report keeps its article's outlet (`Event.outlet`, migration 0019), which the events
page's statement, outlet facet and outlet filter read instead of joining the article:
stored one article or a chunk at a time, by two worker processes, re-extracted, saved one
at a time or moved to another article, its article's outlet edited (by a save or in the
admin), filled in bulk by the benchmark; the migration fills it for reports stored before
it. (tests/conftest.py also checks every report of every database test.)"""
import importlib
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

from archive import event_listing
from archive.filters import EventFilter
from archive.models import Article, Event, Incident
from archive.services import parallel_ingestion
from archive.services.events import reextract_articles
from archive.services.ingestion import ingest_paths

from .conftest import fake_extract
from .incident_reports import Spec, gazetteer, tell
from .sentences import jsonl

pytestmark = pytest.mark.django_db
migration = importlib.import_module("archive.migrations.0019_event_outlet")


def outlets() -> dict[int, tuple[str, str]]:
    """{report id: (its outlet, its article's)}."""
    return {pk: (own, article) for pk, own, article in Event.objects.values_list(
        "id", "outlet", "article__outlet")}


def agree() -> bool:
    found = outlets()
    return bool(found) and all(own == article for own, article in found.values())


@pytest.mark.parametrize("workers", [1, 2])
def test_ingested_reports_keep_their_articles_outlet(write, kirkuk, monkeypatch, workers):
    monkeypatch.setattr(parallel_ingestion, "CHUNK", 3)  # several chunks: workers run
    path = write("a.jsonl", jsonl(*[{"id": f"r{n}", "outlet": f"وكالة {n % 3}",
                                      "text": f"أفادت مصادر بمقتل {n + 2} أشخاص، الرواية {n}."}
                                     for n in range(12)]))
    ingest_paths(paths=[path], extractor=fake_extract, workers=workers)
    assert agree() and {own for own, _ in outlets().values()} == {
        "وكالة 0", "وكالة 1", "وكالة 2"}


def test_reextraction_gives_new_and_found_again_reports_their_articles_outlet():
    gazetteer()
    event = tell(Spec("first", outlet="وكالة أ"))
    Event.objects.filter(pk=event.pk).update(outlet="قديم")  # a copy gone stale
    reextract_articles(articles=Article.objects.all(), version="v2",
                       extractor=lambda text, published=None: [
                           Spec("first").event(), Spec("first", type="shelling").event()])
    assert Event.objects.get(pk=event.pk).outlet == "وكالة أ"  # found again
    assert agree() and Event.objects.count() == 2


def test_a_report_saved_one_at_a_time_takes_its_articles_outlet_from_the_database():
    gazetteer()
    event = tell(Spec("first", outlet="وكالة أ"))
    other = tell(Spec("second", outlet="وكالة ب")).article
    created = Event.objects.create(article=event.article, type="attack", evidence_start=0,
                                   evidence_end=4, extractor_version="t")
    assert Event.objects.get(pk=created.pk).outlet == "وكالة أ"
    event.article = other
    event.save(update_fields=["article"])
    assert Event.objects.get(pk=event.pk).outlet == "وكالة ب"
    stale = Event.objects.select_related("article").get(pk=event.pk)  # article read now
    edited = Article.objects.get(pk=other.pk)
    edited.outlet = "وكالة ج"
    edited.save()
    stale.killed_best = 3
    stale.save()  # its cached article still says وكالة ب
    assert Event.objects.get(pk=event.pk).outlet == "وكالة ج"
    assert agree()


def test_an_articles_edited_outlet_reaches_its_reports_and_their_incident():
    gazetteer()
    first = tell(Spec("first", outlet="وكالة أ"))
    second = tell(Spec("second", outlet="وكالة ب"))
    assert first.incident_id == second.incident_id and second.incident.n_outlets == 2
    article = Article.objects.get(pk=second.article_id)
    article.outlet = "وكالة أ"
    article.save(update_fields=["outlet"])
    report = Event.objects.get(pk=second.pk)
    assert report.outlet == "وكالة أ" and report.updated_at > second.updated_at
    incident = Incident.objects.get(pk=first.incident_id)
    assert (incident.n_outlets, incident.grade, incident.csv_outlets) == (
        1, "single_source", "وكالة أ")
    assert agree()


def _change_form(page) -> dict:
    """The admin change page's form and inline forms as they stand, ready to post."""
    data = {}
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{k}": v
                     for k, v in formset.management_form.initial.items()})
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False):
                data[form.add_prefix(name)] = "on" if value is True else value
    return data


def test_an_outlet_edited_in_the_admin_reaches_the_articles_reports(client):
    gazetteer()
    event = tell(Spec("first", outlet="وكالة أ"))
    client.force_login(User.objects.create_superuser("coder", "c@example.org", "pw"))
    url = f"/admin/archive/article/{event.article_id}/change/"
    data = _change_form(client.get(url))
    assert data["events-0-id"] == event.pk  # the report is on the page, as an inline
    data["outlet"] = "وكالة مصححة"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Event.objects.get(pk=event.pk).outlet == "وكالة مصححة" and agree()


def test_the_benchmark_fill_writes_each_reports_outlet():
    call_command("bench_site", articles=12, runs=0, keep=True, stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert agree() and all(own for own, _ in outlets().values())


def test_the_migration_fills_the_outlet_of_reports_stored_before_it():
    gazetteer()
    tell(Spec("first", outlet="وكالة أ"))
    tell(Spec("second", outlet="وكالة ب"))
    tell(Spec("third", outlet=""))
    Event.objects.update(outlet="")
    migration.fill(connection)
    assert agree() and sorted(own for own, _ in outlets().values()) == [
        "", "وكالة أ", "وكالة ب"]


def test_the_outlet_filter_and_the_events_statement_read_no_article():
    gazetteer()
    tell(Spec("first", outlet="وكالة أ"))
    tell(Spec("second", outlet="وكالة ب", type="shelling"))
    filterset = EventFilter(QueryDict("outlet=وكالة ب"), queryset=Event.objects.all())
    assert filterset.is_valid()
    assert [e.article.outlet for e in filterset.qs] == ["وكالة ب"]
    assert Article._meta.db_table not in str(filterset.qs.query)
    sql, _ = event_listing._statement(filterset.qs, "-date", 50, 0)
    assert Article._meta.db_table not in sql
