"""`bulk_rows.insert` stores what `bulk_create` stores (dates, JSON, lists, defaults,
`auto_now`, related ids), sets each pk, and lets the database's refusals through."""
import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict

from archive.bulk_rows import insert, update
from archive.models import Article, Event, Incident, Place

pytestmark = pytest.mark.django_db


def _incident(n: int, place: Place) -> Incident:
    return Incident(family="violence", type="attack", date=dt.date(2019, 5, n), place=place,
                    killed_best=n, actors=[{"name": "تنظيم", "role": "initiator"}],
                    outlets=["وكالة"], actor_ids=[n, n + 1], n_reports=2)


def _stored(rows) -> list[dict]:
    fields = [f.name for f in Incident._meta.concrete_fields
              if f.name not in ("id", "created_at", "updated_at")]
    return [model_to_dict(row, fields=fields) for row in
            Incident.objects.filter(pk__in=[r.pk for r in rows]).order_by("killed_best")]


def test_it_stores_the_rows_bulk_create_stores(kirkuk):
    ours = insert([_incident(n, kirkuk) for n in (1, 2, 3)])
    django_s = Incident.objects.bulk_create([_incident(n, kirkuk) for n in (1, 2, 3)])
    assert [r.pk for r in ours] == sorted(r.pk for r in ours)
    assert all(not r._state.adding for r in ours)
    assert _stored(ours) == _stored(django_s)
    stamps = Incident.objects.filter(pk__in=[r.pk for r in ours]).values_list(
        "created_at", "updated_at")
    assert all(created and updated for created, updated in stamps)


def test_it_sets_the_id_of_a_related_row_saved_after_it_was_given(kirkuk):
    article = Article(text="نص", content_hash="h1")
    event = Event(article=article, type="attack", evidence_start=0, evidence_end=2,
                  extractor_version="t")
    article.save()
    insert([event])
    assert Event.objects.get(pk=event.pk).article_id == article.pk


def test_it_inserts_more_rows_than_one_statement_may_hold(kirkuk):
    rows = insert([_incident(1 + n % 28, kirkuk) for n in range(450)])
    assert len({r.pk for r in rows}) == 450 == Incident.objects.count()


def test_it_lets_the_database_refuse_a_row():
    Article.objects.create(text="نص", content_hash="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        insert([Article(text="آخر", content_hash="other"),
                Article(text="نص", content_hash="same")])
    assert Article.objects.count() == 1


def test_it_refuses_a_row_already_stored():
    article = Article.objects.create(text="نص", content_hash="h2")
    with pytest.raises(ValueError, match="already stored"):
        insert([article])


def _changed(rows: list[Incident], place: Place) -> list[Incident]:
    return [Incident(id=r.pk, family="violence", type="armed_clash", date=None, place=place,
                     killed_best=None if n == 0 else 40 + n, actors=[{"name": f"جهة {n}"}],
                     actor_ids=[] if n == 0 else [7, n], outlets=[], n_reports=5 + n)
            for n, r in enumerate(rows)]


def test_it_updates_the_fields_bulk_update_updates(kirkuk):
    ours = insert([_incident(n, kirkuk) for n in (1, 2, 3)])
    django_s = Incident.objects.bulk_create([_incident(n, kirkuk) for n in (1, 2, 3)])
    fields = ["type", "date", "place", "killed_best", "actors", "actor_ids", "outlets",
              "n_reports"]
    update(_changed(ours, kirkuk), fields)
    Incident.objects.bulk_update(_changed(django_s, kirkuk), fields)
    key = lambda row: row["n_reports"]  # noqa: E731
    assert sorted(_stored(ours), key=key) == sorted(_stored(django_s), key=key)
    assert {r["killed_best"] for r in _stored(ours)} == {None, 41, 42}  # a first NULL too


def test_it_updates_more_rows_than_one_statement_may_hold(kirkuk):
    rows = insert([_incident(1 + n % 28, kirkuk) for n in range(450)])
    for row in rows:
        row.n_reports = row.pk
    update(rows, ["n_reports"])
    assert all(pk == n for pk, n in Incident.objects.values_list("pk", "n_reports"))
