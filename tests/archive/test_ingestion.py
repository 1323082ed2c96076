"""Ingestion mechanics: idempotent, resumable, every record accounted for. The fake
extractor stands in for the real one here: these tests are about storing, not finding."""
import io

import pytest
from django.core.management import call_command

import extraction
from archive.models import Actor, Article, Event, IngestionBatch, Place
from archive.services import ingestion
from archive.services.ingestion import ingest_paths

from .conftest import fake_extract
from .sentences import ALL, BOMB, CLASH, PROTEST, jsonl

pytestmark = pytest.mark.django_db


def ingest(path, **kwargs):
    return ingest_paths(paths=[path], extractor=kwargs.pop("extractor", fake_extract), **kwargs)


def test_it_stores_articles_with_their_events_and_search_text(write, kirkuk):
    path = write("a.jsonl", jsonl({"id": "a", "text": BOMB, "title": "تفجير في كركوك",
                                   "date": "2016-02-03", "outlet": "وكالة"}))
    batch = ingest(path)
    assert (batch.status, batch.n_new, batch.n_duplicate, batch.n_failed) == ("done", 1, 0, 0)
    article = Article.objects.get()
    assert (article.external_id, article.outlet, str(article.published)) == (
        "a", "وكالة", "2016-02-03")
    assert article.batch == batch and "تفجير في كركوك" in article.search_text
    [event] = article.events.all()
    assert (event.type, event.killed_best, event.extractor_version) == ("attack", 3, "fake-1")
    assert event.evidence_text == "مقتل 3"
    assert event.place.parent == kirkuk and event.place.path.startswith(kirkuk.path)
    assert not event.place.from_gazetteer
    assert {(p.actor.name_ar, p.role) for p in event.participants.all()} == {
        ("داعش", "initiator"), ("مسلحون مجهولون", "initiator")}


def test_re_ingesting_the_same_text_is_a_counted_no_op(write):
    path = write("a.jsonl", jsonl(*({"text": t} for t in ALL)))
    ingest(path)
    respaced = write("b.jsonl", jsonl({"text": "  " + BOMB.replace(" ", "  ") + "\n"}))
    again, spaced = ingest(path), ingest(respaced)
    assert (again.n_new, again.n_duplicate) == (0, 4)
    assert (spaced.n_new, spaced.n_duplicate) == (0, 1)
    assert Article.objects.count() == 4 and Event.objects.count() == 2
    assert Place.objects.count() == 1 and Actor.objects.count() == 2


def test_duplicates_inside_one_file_are_stored_once(write):
    batch = ingest(write("a.jsonl", jsonl({"text": BOMB}, {"text": BOMB, "id": "again"})))
    assert (batch.n_new, batch.n_duplicate) == (1, 1)


def test_bad_records_are_stored_on_the_batch_and_the_rest_ingested(write):
    path = write("a.jsonl", jsonl({"text": BOMB}) + "not json\n"
                 + jsonl({"title": "بلا نص"}, {"text": CLASH, "date": "غدا"}))
    batch = ingest(path)
    batch.refresh_from_db()
    assert (batch.status, batch.n_new, batch.n_failed) == ("done", 2, 2)
    assert [(e["line"], e["message"].split(":")[0]) for e in batch.errors] == [
        (2, "malformed JSON"), (3, "missing 'text'"),
        (4, "date 'غدا' is not YYYY-MM-DD; stored without a publication date")]
    assert all(e["file"] == str(path) for e in batch.errors)


def test_it_keeps_the_article_when_extraction_fails(write, client, admin_client):
    def picky(text, published=None):
        if "تظاهر" in text:
            raise ValueError("cannot parse this one")
        return fake_extract(text)

    picky.VERSION = "picky-1"
    batch = ingest(write("a.jsonl", jsonl(*({"text": t} for t in ALL))), extractor=picky)
    assert (batch.status, batch.n_new, batch.n_unextracted, batch.n_failed) == ("done", 4, 1, 0)
    failed = Article.objects.get(text=PROTEST)
    assert failed.extraction_error == "ValueError: cannot parse this one"
    assert not failed.events.exists() and failed.extractor_version == "picky-1"
    [note] = batch.errors
    assert note["line"] == 3 and note["message"] == (
        f"article #{failed.pk} stored without events: extraction failed: "
        "ValueError: cannot parse this one")
    assert list(Article.objects.extraction_failed()) == [failed]
    assert [a.pk for a in Article.objects.search("تظاهر")] == [failed.pk]  # searchable
    assert client.get(f"/articles/{failed.pk}/").status_code == 200  # visible
    listing = admin_client.get("/admin/archive/article/", {"extraction": "failed"})
    assert "extraction failed: ValueError: cannot parse this one" in listing.content.decode()
    assert str(failed.pk) in listing.content.decode()

    out = io.StringIO()
    call_command("ingest", "--reextract", "--failed", stdout=out, stderr=io.StringIO())
    assert "Re-extracted 1 articles" in out.getvalue() and "0 failed" in out.getvalue()
    failed.refresh_from_db()
    assert failed.extraction_error == "" and failed.extractor_version == extraction.VERSION
    assert not Article.objects.extraction_failed().exists()


def test_ctrl_c_mid_batch_leaves_earlier_articles_and_rerunning_completes(write):
    path = write("a.jsonl", jsonl(*({"text": t} for t in ALL)))

    def interrupted(text, published=None):
        if text == PROTEST:
            raise KeyboardInterrupt
        return fake_extract(text)

    with pytest.raises(KeyboardInterrupt):
        ingest(path, extractor=interrupted)
    batch = IngestionBatch.objects.get()
    assert (batch.status, batch.n_new) == ("interrupted", 2)
    assert batch.finished_at is not None and "interrupted" in batch.errors[-1]["message"]
    assert set(Article.objects.values_list("text", flat=True)) == {BOMB, CLASH}

    rerun = ingest(path)
    assert (rerun.status, rerun.n_new, rerun.n_duplicate) == ("done", 2, 2)
    assert Article.objects.count() == 4


def test_a_crash_while_storing_leaves_no_half_article(write, monkeypatch):
    real_store = ingestion.store_events

    def crash_after_the_first_event(*, article, events, version):
        real_store(article=article, events=events[:1], version=version)
        if article.text == CLASH:
            raise RuntimeError("disk full")

    monkeypatch.setattr(ingestion, "store_events", crash_after_the_first_event)
    path = write("a.jsonl", jsonl(*({"text": t} for t in ALL)))
    with pytest.raises(RuntimeError):
        ingest(path)
    batch = IngestionBatch.objects.get()
    assert (batch.status, batch.n_new) == ("failed", 1)
    assert "RuntimeError: disk full" in batch.errors[-1]["message"]
    assert list(Article.objects.values_list("text", flat=True)) == [BOMB]
    assert Event.objects.count() == 1  # the BOMB article's; none of the crashed article

    monkeypatch.setattr(ingestion, "store_events", real_store)
    rerun = ingest(path)
    assert (rerun.n_new, rerun.n_duplicate) == (3, 1)


def test_the_batch_row_exists_and_counts_while_the_batch_runs(write):
    seen = []
    path = write("a.jsonl", jsonl(*({"text": t} for t in ALL)))
    ingest(path, save_every=1,
           progress=lambda batch: seen.append(IngestionBatch.objects.get(pk=batch.pk).n_new))
    assert seen == [1, 2, 3, 4]
    assert IngestionBatch.objects.get().status == "done"


def test_the_stored_error_list_is_capped_but_the_count_is_exact(write, monkeypatch):
    monkeypatch.setattr(ingestion, "MAX_STORED_ERRORS", 3)
    batch = ingest(write("a.jsonl", "{}\n" * 6))
    assert batch.n_failed == 6
    assert len(batch.errors) == 4 and batch.errors[-1]["message"] == "further errors not stored"


def test_re_ingesting_after_a_change_to_fold_adds_nothing(write, monkeypatch):
    import sys

    from extraction import normalise

    path = write("a.jsonl", jsonl(*({"text": t} for t in ALL)))
    assert ingest(path).n_new == 4
    original = normalise.fold

    def other_fold(text):  # a new release folds one more letter
        return original(text).replace("ك", "ک")

    for module in list(sys.modules.values()):
        if getattr(module, "fold", None) is original:
            monkeypatch.setattr(module, "fold", other_fold)
    again = ingest(path)
    assert (again.n_new, again.n_duplicate) == (0, 4)
    assert Article.objects.count() == 4
