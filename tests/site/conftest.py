"""A small archive built with the ORM, in the shape ingestion stores: Kirkuk governorate
with a district and a village, three actors, three articles and their events."""
import datetime
import hashlib
from dataclasses import dataclass

import pytest
from django.db import connection

from archive.models import Actor, Article, Event, EventActor, Place
from archive.search import search_document
from archive.services.linking import relink

PAYLOAD_IMG = "<img src=x onerror=alert(1)>"
PAYLOAD_SCRIPT = "<script>alert('xss')</script>"
FORMULA = '=HYPERLINK("http://evil")'


def make_article(*, title, text, outlet="وكالة الأنباء", published=None, url=""):
    return Article.objects.create(
        title=title, text=text, outlet=outlet, url=url, published=published,
        content_hash=hashlib.sha256((title + text).encode()).hexdigest(),
        search_text=search_document(title, text),
    )


def make_event(article, *, words, type=Event.Type.ATTACK, place=None, killed=None,
               wounded=None, date=None, actors=(), place_text=""):
    start = article.text.index(words)
    event = Event.objects.create(
        article=article, type=type, date=date, place=place, place_text=place_text,
        killed_best=killed, wounded_best=wounded, evidence_start=start,
        evidence_end=start + len(words), extractor_version="test",
        date_precision=Event.DatePrecision.DAY if date else Event.DatePrecision.UNKNOWN,
    )
    for actor, role, surface in actors:
        EventActor.objects.create(event=event, actor=actor, role=role, surface=surface)
    return event


@dataclass
class Archive:
    iraq: Place
    kirkuk: Place
    hawija: Place
    village: Place
    mosul: Place
    isis: Actor
    army: Actor
    pmf: Actor
    kirkuk_article: Article
    mosul_article: Article
    hostile_article: Article
    bomb: Event
    clash: Event
    airstrike: Event
    hostile: Event


def _place(key, name, kind, parent=None, **coords):
    place, _ = Place.objects.get_or_create(
        key=key, defaults={"name_ar": name, "kind": kind, "parent": parent, **coords}
    )
    return place


def _actor(key, name, kind):
    return Actor.objects.get_or_create(key=key, defaults={"name_ar": name, "kind": kind})[0]


def build_archive() -> Archive:
    """The archive's rows; places and actors the reference data already holds are reused."""
    iraq = _place("iq", "العراق", Place.Kind.COUNTRY)
    kirkuk = _place("iq.kirkuk", "كركوك", Place.Kind.GOVERNORATE, iraq,
                    latitude=35.47, longitude=44.39)
    hawija = _place("iq.kirkuk.hawija", "الحويجة", Place.Kind.DISTRICT, kirkuk,
                    latitude=35.32, longitude=43.77)
    village = _place("t.zab_village", "قرية الزاب", Place.Kind.VILLAGE, hawija)
    mosul = _place("iq.nineveh.mosul", "الموصل", Place.Kind.CITY, iraq)
    isis = _actor("isis", "تنظيم داعش", Actor.Kind.ARMED_GROUP)
    army = _actor("t.iraqi_army", "الجيش العراقي", Actor.Kind.STATE_FORCE)
    pmf = _actor("pmf", "الحشد الشعبي", Actor.Kind.MILITIA)

    kirkuk_article = make_article(
        title="مقتل خمسة بتفجير في كركوك",
        text="قُتل خمسة أشخاص وأصيب عشرة آخرون بانفجار عبوة ناسفة بكركوك صباح الأحد. "
             "وفي قرية الزاب اشتبك الجيش العراقي مع مسلحي تنظيم داعش فقتل ثلاثة منهم.",
        published=datetime.date(2016, 3, 6), url="https://example.org/kirkuk",
    )
    bomb = make_event(kirkuk_article, words="قُتل خمسة أشخاص وأصيب عشرة آخرون بانفجار عبوة",
                      type=Event.Type.EXPLOSION, place=kirkuk, place_text="كركوك", killed=5,
                      wounded=10, date=datetime.date(2016, 3, 6),
                      actors=[(isis, EventActor.Role.INITIATOR, "")])
    clash = make_event(kirkuk_article, words="اشتبك الجيش العراقي مع مسلحي تنظيم داعش فقتل ثلاثة",
                       type=Event.Type.ARMED_CLASH, place=village, place_text="قرية الزاب",
                       killed=3, date=datetime.date(2016, 3, 6),
                       actors=[(army, EventActor.Role.INITIATOR, "الجيش العراقي"),
                               (isis, EventActor.Role.TARGET, "تنظيم داعش")])
    mosul_article = make_article(
        title="غارة جوية بالموصل",
        text="شن طيران التحالف غارة جوية بالموصل أسفرت عن مقتل سبعة عناصر من داعش "
             "وإصابة اثنين، وفق مصدر أمني.",
        outlet="الوكالة الوطنية", published=datetime.date(2017, 1, 20),
    )
    airstrike = make_event(mosul_article, words="شن طيران التحالف غارة جوية بالموصل",
                           type=Event.Type.AIRSTRIKE, place=mosul, place_text="الموصل",
                           killed=7, wounded=2, date=datetime.date(2017, 1, 19),
                           actors=[(pmf, EventActor.Role.INITIATOR, ""),
                                   (isis, EventActor.Role.TARGET, "داعش")])
    hostile_article = make_article(
        title=f"عنوان {PAYLOAD_SCRIPT}",
        text=f"{FORMULA} هجوم في الحويجة {PAYLOAD_IMG} قتل اثنان {PAYLOAD_SCRIPT}",
        outlet="@evil", url="https://example.org/x?a=<b>",
    )
    hostile = make_event(hostile_article, words=f"{FORMULA} هجوم في الحويجة {PAYLOAD_IMG}",
                         place=hawija, place_text=PAYLOAD_IMG, killed=2,
                         date=datetime.date(2018, 5, 1),
                         actors=[(pmf, EventActor.Role.INITIATOR, PAYLOAD_IMG)])
    relink(event_ids=[bomb.pk, clash.pk, airstrike.pk, hostile.pk])  # as ingestion does
    return Archive(iraq, kirkuk, hawija, village, mosul, isis, army, pmf, kirkuk_article,
                   mosul_article, hostile_article, bomb, clash, airstrike, hostile)


@pytest.fixture
def archive(db) -> Archive:
    return build_archive()


@pytest.fixture(autouse=True)
def fresh_cache():
    """The pages cache whole-archive counts: every test starts and ends with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def postgresql_only(db):
    """Skips a test that exercises a PostgreSQL-only path (COPY)."""
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's; SQLite has only the Python path")
