"""PostgreSQL's COPY export of incidents writes the very bytes of the Python path
(archive/incident_export.py)."""
import datetime

import pytest
from django.utils import timezone, translation

from archive.incident_export import copy_csv, python_csv
from archive.models import Incident, Place
from tests.archive.incident_reports import csv_cells_of

pytestmark = pytest.mark.usefixtures("postgresql_only")


def both_paths(incidents):
    python = "".join(python_csv(incidents)).encode()
    copy = b"".join(copy_csv(incidents))
    return python, copy


@pytest.fixture
def awkward(archive):
    """Incidents whose cells trip CSV writers: quotes, commas and line breaks in names and
    outlets, formula-looking texts, empty lists, no place, no date, whole and tiny
    coordinates, times with and without microseconds."""
    square = Place.objects.create(key="t.square", name_ar='ساحة "التحرير", المدينة',
                                  kind=Place.Kind.AREA, parent=archive.kirkuk,
                                  latitude=35.0, longitude=-0.00001)
    first, second, third, fourth = Incident.objects.order_by("id")[:4]
    Incident.objects.filter(pk=first.pk).update(
        outlets=["=cmd", 'صحيفة "أ"', "سطر\r\nثان", ""], disputes=["killed", "initiators"],
        actors=[{"id": archive.isis.pk, "key": "isis", "name": "-داعش", "role": "initiator"},
                {"id": archive.army.pk, "key": "army", "name": 'جيش, "س"', "role": "initiator"},
                {"id": archive.pmf.pk, "key": "pmf", "name": "حشد\nشعبي", "role": "target"}],
        place=square, reviewed=True,
        updated_at=datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
    Incident.objects.filter(pk=second.pk).update(
        outlets=[], actors=[], disputes=[], place=None, date=None, date_low=None,
        date_high=None, first_reported=None, last_reported=None, killed_low=None,
        killed_best=None, killed_high=None,
        updated_at=datetime.datetime(2021, 5, 6, 7, 8, 9, 120, tzinfo=datetime.UTC))
    Incident.objects.filter(pk=third.pk).update(grade=Incident.Grade.DISPUTED, type="custom",
                                                date_precision="", updated_at=timezone.now())
    Incident.objects.filter(pk=fourth.pk).update(outlets=["@evil"], grade="unknown")
    for incident in Incident.objects.all():  # the lists were written by hand: their cells too
        Incident.objects.filter(pk=incident.pk).update(**csv_cells_of(incident))
    return archive


def test_copy_writes_the_bytes_of_the_python_path_for_awkward_incidents(awkward):
    python, copy = both_paths(Incident.objects.order_by("id"))
    assert python.count(b"\r\n") >= 5 and b"'=cmd" in python and b"'-" in python
    assert copy == python


def test_copy_writes_english_labels_like_the_python_path(awkward):
    with translation.override("en"):
        python, copy = both_paths(Incident.objects.order_by("-date", "-id"))
    assert copy == python


def test_copy_follows_the_filter_and_its_order(awkward, client):
    from archive.incident_listing import filter_incidents

    params = {"killed_min": 2, "sort": "-killed"}
    served = b"".join(client.get("/incidents/export.csv", params).streaming_content)
    _, found = filter_incidents(client.get("/incidents/", params).wsgi_request.GET)
    python, _ = both_paths(found)
    assert served == python and served.count(b"\r\n") > 2


def test_copy_of_a_filter_that_matches_nothing_is_the_header_alone(awkward):
    python, copy = both_paths(Incident.objects.none())
    assert copy == python and copy.count(b"\r\n") == 1
