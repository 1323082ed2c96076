"""The events page's figures and page (archive/event_listing.py): on PostgreSQL one
statement gives what the Python summary of a narrow filter gave, the page's rows are read
as plain values, and paging the same filter reads only the page."""
import datetime

import pytest
from django.db import connection

from archive import event_listing
from archive.filters import EventFilter
from archive.models import Article, Event, EventActor
from archive.views.small_sets import small_summary

from .test_query_counts import many  # noqa: F401 (a fixture)

FILTERS = [
    {}, {"place": "kirkuk"}, {"actor": "isis", "killed_min": 1}, {"killed_min": 60},
    {"type": "attack", "place": "hawija"}, {"outlet": "مصدر 3"}, {"killed_min": 10 ** 6},
]


def _params(archive, criteria: dict) -> dict:
    named = {"kirkuk": archive.kirkuk.pk, "hawija": archive.hawija.pk, "isis": archive.isis.pk}
    params = {k: named.get(v, v) if isinstance(v, str) else v for k, v in criteria.items()}
    return {k: [v] if k in ("actor", "type") else v for k, v in params.items()}


@pytest.fixture
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("the one statement is PostgreSQL's; SQLite keeps the Python summary")


@pytest.mark.parametrize("criteria", FILTERS)
@pytest.mark.parametrize("sort", sorted(event_listing.ORDER))
def test_one_statement_gives_the_figures_and_order_the_python_summary_gave(
        many, postgresql, criteria, sort):  # noqa: F811
    Event.objects.filter(pk__in=Event.objects.order_by("id")[:9].values("id")).update(
        killed_best=None, date=None)  # unknown values sort last either way
    filterset = EventFilter({**_params(many, criteria), "sort": sort},
                            queryset=Event.objects.all())
    assert filterset.is_valid()
    expected = small_summary(filterset.qs, sort)
    for offset in (0, 50, 100):
        totals, facets, ids = event_listing._read_once(filterset.qs, sort, 50, offset)
        assert ids == expected.ordered_ids[offset:offset + 50]
    assert totals == expected.totals
    assert facets == expected.facets


def test_a_filtered_page_runs_at_most_six_queries(many, client, postgresql,  # noqa: F811
                                                  django_assert_max_num_queries):
    url = f"/events/?actor={many.isis.pk}&killed_min=1&place={many.kirkuk.pk}&sort=-killed"
    # the actor and the place of the form, the data's version (read at most once a second
    # outside tests), the statement, the rows and their actors
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200 and len(response.context["page"].object_list) == 50


def test_another_page_of_the_same_filter_reads_only_that_page(many, client, postgresql,  # noqa: F811
                                                             django_assert_num_queries):
    url = f"/events/?place={many.kirkuk.pk}"
    first = client.get(url).context
    with django_assert_num_queries(5) as queries:  # the page's ids instead of the figures
        second = client.get(url + "&page=2&sort=killed").context
    assert not [q for q in queries.captured_queries if "GROUPING SETS" in q["sql"]]
    assert second["totals"] == first["totals"] and second["facets"] == first["facets"]
    expected = list(Event.objects.within(many.kirkuk).order_by("killed_best", "id")
                    .values_list("id", flat=True)[50:100])
    assert [row.pk for row in second["page"].object_list] == expected


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 3), ("-2", 3), ("99", 3),
                                              ("2", 2), ("3", 3)])
def test_a_page_number_out_of_range_shows_what_the_paginator_shows(many, client, asked,  # noqa: F811
                                                                   shown):
    response = client.get("/events/", {"page": asked})  # 140 reports: three pages of 50
    page = response.context["page"]
    assert page.number == shown
    newest = list(Event.objects.newest_first().values_list("id", flat=True))
    assert [row.pk for row in page.object_list] == newest[(shown - 1) * 50:shown * 50]


def test_a_row_read_as_values_shows_what_the_report_holds(archive):
    event = Event.objects.get(pk=archive.clash.pk)
    (row,) = event_listing.event_rows([event.pk])
    assert (row.pk, row.date, row.killed_best, row.place_text) == (
        event.pk, datetime.date(2016, 3, 6), 3, "قرية الزاب")
    assert row.article.title == Article.objects.get(pk=event.article_id).title
    assert (row.place.name_ar, row.place.parent.name_ar) == ("قرية الزاب", "الحويجة")
    assert [(p.role, p.actor.pk) for p in row.participants.all()] == list(
        EventActor.objects.filter(event=event).order_by("id").values_list("role", "actor_id"))


def test_every_filter_form_is_of_one_class_built_once_with_fields_of_its_own():
    first = EventFilter({"killed_min": "2"}, queryset=Event.objects.none())
    second = EventFilter({"killed_min": "3"}, queryset=Event.objects.none())
    assert type(first.form) is type(second.form)
    assert first.form.fields["killed_min"] is not second.form.fields["killed_min"]
    assert first.form["killed_min"].value() == "2" and second.form["killed_min"].value() == "3"
