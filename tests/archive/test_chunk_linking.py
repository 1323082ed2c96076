"""Linking a stored chunk at once (archive/services/chunk_linking.py) makes the incidents
that linking its reports one by one makes: the same reports together, the same figures,
whatever order the reports arrive in and however they are cut into chunks."""
import datetime as dt
import hashlib
import random

import pytest

from archive.models import Article, Event, Incident
from archive.services.chunk_linking import relink_chunk
from archive.services.events import store_many_events
from archive.services.linking import FIGURES, relink

from .incident_reports import D, Spec, grouping, tell

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
FIGURES_WITHOUT_IDS = [f for f in FIGURES if f != "csv_report_ids"]  # the labels say who

REPORTS = [
    Spec("h1", killed=5), Spec("h2", outlet="ب", date=None, killed=7),
    Spec("h3", outlet="ج", place="iq.kirkuk", published=D + DAY, date=None, killed=8),
    Spec("h4", outlet="د", published=D + 2 * DAY, date=None, killed=3),
    Spec("d1", place="iq.kirkuk.dibis", killed=2),
    Spec("d2", outlet="ب", place="iq.kirkuk.dibis", killed=2, initiator=None),
    Spec("d3", outlet="ج", place="iq.kirkuk.dibis", initiator="army", target="isis"),
    Spec("k1", outlet="ج", place="iq.kirkuk", killed=3),
    Spec("k2", outlet="د", place="iq", killed=3),
    Spec("p1", type="protest", initiator=None),
    Spec("p2", outlet="ب", type="protest", initiator=None, published=D + DAY, date=None),
    Spec("s1", type="airstrike", initiator="army", killed=10),
    Spec("s2", outlet="ب", type="shelling", initiator="army", date=None, killed=12),
    Spec("s3", outlet="ج", type="airstrike", initiator="isis", target="army", killed=1),
    Spec("c1", type="armed_clash", initiator="army", target="isis"),
    Spec("c2", outlet="ب", type="armed_clash", initiator="isis", target="army"),
    Spec("late", published=D + 4 * DAY, date=D + 4 * DAY),
    Spec("later", outlet="ب", published=D + 5 * DAY, date=None),
]


@pytest.fixture(autouse=True)
def places(db):
    from .incident_reports import gazetteer

    return gazetteer()


def _article(spec: Spec) -> Article:
    text = spec.text()
    return Article.objects.create(
        text=text, title=spec.label, outlet=spec.outlet, published=spec.published,
        external_id=spec.label,
        content_hash=hashlib.sha256(f"{spec.label}|{text}".encode()).hexdigest())


def _store_chunk(specs: list[Spec]) -> None:
    found = [(_article(spec), [spec.event()]) for spec in specs]
    store_many_events(found=found, version="spec-1", places={}, actors={})


def _incidents() -> frozenset:
    """Each incident as (its reports' labels, its figures): nothing that depends on ids
    or arrival order."""
    labels: dict[int, set] = {}
    for incident_id, label in Event.objects.values_list("incident_id", "article__external_id"):
        labels.setdefault(incident_id, set()).add(label)
    assert None not in labels, "every report is linked"
    return frozenset(
        (frozenset(labels[row.pop("id")]), tuple(sorted((k, repr(v)) for k, v in row.items())))
        for row in Incident.objects.values("id", *FIGURES_WITHOUT_IDS))


def _one_by_one(specs: list[Spec]) -> frozenset:
    for spec in specs:
        tell(spec)
    return _incidents()


def _in_chunks(specs: list[Spec], size: int) -> frozenset:
    for start in range(0, len(specs), size):
        _store_chunk(specs[start:start + size])
    return _incidents()


def _clear() -> None:
    Article.objects.all().delete()
    assert not Incident.objects.exists()


def test_a_chunk_makes_the_incidents_of_linking_its_reports_one_by_one_in_any_order():
    expected = _one_by_one(REPORTS)
    _clear()
    assert 4 < len(expected) < len(REPORTS)  # reports did meet, and some stayed apart
    results = set()
    for seed in range(4):
        specs = list(REPORTS)
        random.Random(seed).shuffle(specs)
        results.add(_one_by_one(specs))
        _clear()
        for size in (len(specs), 5, 2):
            results.add(_in_chunks(specs, size))
            _clear()
    assert results == {expected}


def test_a_chunk_joins_and_regroups_the_incidents_already_stored():
    first, second = REPORTS[::2], REPORTS[1::2]
    _one_by_one(first)
    stored_ids = set(Incident.objects.values_list("id", flat=True))
    _store_chunk(second)
    chunked = _incidents()
    assert stored_ids & set(Incident.objects.values_list("id", flat=True))  # ids kept
    _clear()
    assert _one_by_one(first + second) == chunked


def test_relinking_a_chunk_of_stored_reports_matches_relinking_them_one_by_one():
    _store_chunk(REPORTS)
    ids = list(Event.objects.values_list("id", flat=True))
    Event.objects.update(incident=None)
    Incident.objects.all().delete()
    relink(event_ids=ids)
    one_by_one = _incidents()
    Event.objects.update(incident=None)
    Incident.objects.all().delete()
    relink_chunk(event_ids=ids)
    assert _incidents() == one_by_one
    assert grouping() == {labels for labels, _ in one_by_one}


def test_linking_a_chunk_takes_a_few_queries_whatever_its_size(django_assert_max_num_queries):
    specs = [Spec(f"n{n}", outlet=f"o{n % 3}", published=D + n % 4 * DAY, date=None, killed=n)
             for n in range(40)]
    found = [(_article(spec), [spec.event()]) for spec in specs]
    with django_assert_max_num_queries(30):  # one by one, it took over ten per report
        store_many_events(found=found, version="spec-1", places={}, actors={})
    assert not Event.objects.filter(incident=None).exists()
    assert 1 < Incident.objects.count() < 40
