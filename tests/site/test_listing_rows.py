"""The listings' rows written in Python (archive/listing_rows.py) are, byte for byte, the
rows their templates rendered (kept in tests/site/reference/), in both languages, with
hostile text, missing values, ranges, review states and staff review forms."""
import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.template import RequestContext, Template
from django.template.defaultfilters import truncatechars
from django.test import RequestFactory
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from archive import listing_rows
from archive.models import Actor, Event, EventActor, Incident
from archive.services.linking import relink

from .conftest import PAYLOAD_IMG, make_article, make_event

REFERENCE = Path(__file__).parent / "reference"
QUERY = "/events/?actor=3&killed_min=2&q=<b>"


def _render(source: str, name: str, row, *, user=None, review_forms=False) -> str:
    request = RequestFactory().get(QUERY)
    request.user = user or AnonymousUser()
    context = RequestContext(request, {name: row, "user": request.user,
                                       "review_forms": review_forms})
    return Template(source).render(context)


def _reference(kind: str, name: str, row, **options) -> str:
    return _render((REFERENCE / f"{kind}_row.html").read_text(), name, row, **options)


def _python(kind: str, name: str, row, **options) -> str:
    tag = "event_row" if kind == "events" else "incident_row"
    return _render(f"{{% load marsad_rows %}}{{% {tag} {name} %}}", name, row, **options)


@pytest.fixture
def varied(archive):
    """Reports unlike the archive's: undated, without a place, a month's precision, a
    range of killed, rejected, reviewed, an actor with an English name."""
    archive.army.name_en = "Iraqi Army"
    archive.army.save()
    hostile_actor = Actor.objects.create(key="t.hostile", name_ar=f"جهة {PAYLOAD_IMG}",
                                         kind=Actor.Kind.ARMED_GROUP)
    article = make_article(title="", text="هجوم بلا مكان ولا تاريخ. وهجوم آخر في الشهر.",
                           outlet="")
    long_title = make_article(title="مقتلُ " + "شَخْصٍ " * 14 + PAYLOAD_IMG,
                              text="انفجار عبوة في السوق.", outlet="Agence")
    make_event(long_title, words="انفجار عبوة", place=archive.village, killed=1, wounded=0,
               date=datetime.date(2020, 5, 5))
    nowhere = make_event(article, words="هجوم بلا مكان", place_text="",
                         actors=[(hostile_actor, EventActor.Role.TARGET, "")])
    month = make_event(article, words="وهجوم آخر في الشهر", place=archive.hawija, killed=4,
                       date=datetime.date(2019, 2, 1),
                       actors=[(archive.army, EventActor.Role.INITIATOR, ""),
                               (archive.pmf, EventActor.Role.INITIATOR, ""),
                               (archive.isis, EventActor.Role.TARGET, ""),
                               (hostile_actor, EventActor.Role.TARGET, "")])
    Event.objects.filter(pk=month.pk).update(date_precision="month", killed_low=2,
                                             killed_high=6, reviewed=True)
    Event.objects.filter(pk=nowhere.pk).update(rejected=True, confidence=0.2)
    Event.objects.filter(pk=archive.clash.pk).update(confidence=0.1)
    relink(event_ids=list(Event.objects.values_list("id", flat=True)))
    return archive


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_event_row_is_what_the_row_template_gave(varied, language):
    events = list(Event.objects.for_listing().order_by("id"))
    assert len(events) == 7
    with translation.override(language):
        for event in events:
            assert _python("events", "event", event) == _reference("events", "event", event)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_incident_row_is_what_the_row_template_gave(varied, language):
    Incident.objects.filter(pk=varied.bomb.incident_id).update(
        reviewed=True, wounded_low=8, wounded_high=12, killed_low=4, killed_high=5,
        date_precision="publication", date_low=datetime.date(2016, 3, 5))
    incidents = list(Incident.objects.for_listing().order_by("id"))
    assert len(incidents) >= 5
    with translation.override(language):
        for incident in incidents:
            assert (_python("incidents", "incident", incident)
                    == _reference("incidents", "incident", incident))


def test_a_staff_members_row_carries_the_review_form_as_before(archive):
    staff = User.objects.create_user("reviewer", password="pw-for-tests", is_staff=True)
    event = Event.objects.for_listing().get(pk=archive.bomb.pk)
    row = _python("events", "event", event, user=staff, review_forms=True)
    assert 'class="review-form"' in row and "csrfmiddlewaretoken" in row
    reference = _reference("events", "event", event, user=staff, review_forms=True)
    masked = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')  # masked afresh each time
    assert masked.sub("", row) == masked.sub("", reference)


def test_a_readers_row_has_no_review_form_even_where_staff_see_one(archive):
    event = Event.objects.for_listing().get(pk=archive.bomb.pk)
    assert "review-form" not in _python("events", "event", event, review_forms=True)


@given(st.text(alphabet="اب ت\u064e\u064f\u0650\u0651\u0652\u0301e\u0065\u00e9<&", max_size=90),
       st.sampled_from(["ar", "en"]))
def test_titles_are_cut_exactly_as_truncatechars_cuts_them(text, language):
    with translation.override(language):
        assert listing_rows._truncated(text, 60) == truncatechars(text, 60)
