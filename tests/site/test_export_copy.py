"""PostgreSQL's COPY export writes the very bytes of the Python path (archive/export.py)."""
import datetime

import pytest
from django.utils import translation

from archive.export import copy_csv, python_csv
from archive.models import Event, EventActor, Place
from tests.site.conftest import make_article, make_event

pytestmark = pytest.mark.usefixtures("postgresql_only")


def both_paths(events):
    python = "".join(python_csv(events)).encode()
    copy = b"".join(copy_csv(events))
    return python, copy


@pytest.fixture
def awkward(archive):
    """Rows whose cells trip CSV writers: ties in confidence, quotes, commas and line
    breaks, empty and formula-looking texts, whole-number coordinates, no place, no date."""
    square = Place.objects.create(key="t.square", name_ar="", kind=Place.Kind.AREA,
                                  parent=archive.kirkuk, latitude=35.0, longitude=-0.00001)
    article = make_article(title="نص", outlet="", url="-x",
                           text='قال "شاهد"، إن القصف, استمر\r\nحتى الفجر.\nثم توقف')
    confidences = [0.5625, 0.0625, 0.1875, 0.1235, 0.0005, 0.0015, 1.0, 0.0, 0.4, 1 / 3]
    long_words = 'قال "شاهد"، إن القصف, استمر\r\nحتى'
    for number, confidence in enumerate(confidences):
        event = make_event(article, words="القصف" if number % 2 else long_words,
                           place=square if number % 3 == 0 else None,
                           place_text=["", "=cmd", "سوق, المدينة"][number % 3],
                           date=datetime.date(2020, 1, number + 1) if number % 4 else None,
                           killed=number or None,
                           actors=[(archive.isis, EventActor.Role.INITIATOR, ""),
                                   (archive.army, EventActor.Role.INITIATOR, ""),
                                   (archive.pmf, EventActor.Role.TARGET, "")][:number % 4])
        Event.objects.filter(pk=event.pk).update(confidence=confidence,
                                                 rejected=number == 7, reviewed=number == 8)
    return archive


def test_copy_writes_the_bytes_of_the_python_path_for_awkward_rows(awkward):
    python, copy = both_paths(Event.objects.all())
    assert python.count(b"\r\n") >= 15  # a header and 14 rows, some with line breaks inside
    assert copy == python


def test_copy_rounds_confidence_ties_as_python_does(awkward):
    python, copy = both_paths(Event.objects.filter(confidence__in=[0.5625, 0.0625, 0.1875]))
    assert b",0.562," in python and b",0.062," in python and b",0.188," in python
    assert copy == python


def test_copy_follows_the_filter_and_its_order(awkward, client):
    params = {"killed_min": 2, "sort": "-killed"}
    response = client.get("/events/export.csv", params)
    served = b"".join(response.streaming_content)
    filtered = client.get("/events/", params).context["filterset"].qs
    python, _ = both_paths(filtered)
    assert served == python and served.count(b"\r\n") > 3


def test_copy_writes_english_type_labels_like_the_python_path(awkward):
    with translation.override("en"):
        python, copy = both_paths(Event.objects.all())
    assert copy == python


def test_copy_of_a_filter_that_matches_nothing_is_the_header_alone(awkward):
    python, copy = both_paths(Event.objects.none())
    assert copy == python and copy.count(b"\r\n") == 1
