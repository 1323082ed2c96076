"""The incidents page on PostgreSQL: one statement gives the figures and the page's ids
(archive/incident_listing.figures_and_page), what the ids read once and the summary
gave before, for every sort and page."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict

from archive.event_listing import ORDER
from archive.incident_listing import _elsewhere, figures_and_page, filter_incidents
from archive.models import Event, Incident
from archive.services.linking import relink

from .test_query_counts import many  # noqa: F401 (a fixture)


@pytest.fixture
def linked(many, db):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("the one statement is PostgreSQL's")
    relink(event_ids=list(Event.objects.values_list("id", flat=True)))
    Incident.objects.filter(pk__in=Incident.objects.order_by("id")[:7].values("id")).update(
        killed_best=None, date=None)  # unknown values sort last either way
    return many


@pytest.mark.parametrize("query", ["", "killed_min=1&place={kirkuk}", "actor={isis}",
                                   "place={hawija}&type=attack", "killed_min=1000000"])
def test_one_statement_gives_the_figures_and_pages_the_two_reads_gave(linked, query):
    named = {"kirkuk": linked.kirkuk.pk, "hawija": linked.hawija.pk, "isis": linked.isis.pk}
    for sort in sorted(ORDER):
        _compare(QueryDict(f"{query.format(**named)}&sort={sort}"))
    if not query:
        assert Incident.objects.count() > 30  # four pages of 10


def _compare(params):
    filterset, found = filter_incidents(params)
    for raw_page in ("1", "2", "abc", "99"):
        cache.clear()
        totals, facets, page = figures_and_page(filterset, found, raw_page, 10)
        cache.clear()
        before = _elsewhere(found, raw_page, 10, "before")
        assert (totals, facets) == before[:2]
        assert page.number == before[2].number
        assert [i.pk for i in page.object_list] == [i.pk for i in before[2].object_list]


def test_an_incident_row_read_as_values_shows_what_the_incident_holds(archive):
    from archive.incident_listing import incident_rows

    incident = Incident.objects.get(pk=Event.objects.get(pk=archive.clash.pk).incident_id)
    (row,) = incident_rows([incident.pk])
    assert (row.pk, row.date, row.killed_best, row.n_reports, row.grade, row.actors) == (
        incident.pk, incident.date, incident.killed_best, incident.n_reports, incident.grade,
        incident.actors)
    assert (row.place.name_ar, row.place.parent.name_ar) == ("قرية الزاب", "الحويجة")
    assert incident_rows([]) == []
