"""The interface in English as well: Arabic by default whatever the browser asks, a
switch remembered in a cookie, left-to-right in English, English names or a
transliteration, Arabic number agreement through gettext's plural forms, and compiled
catalogues that match our .po files."""
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from archive.models import Actor
from archive.services.translations import catalogues, missing


def english(client):
    response = client.get("/language/en/", {"next": "/incidents/"})
    assert response.status_code == 302 and response["Location"] == "/incidents/"
    return response


def test_arabic_is_the_default_even_for_an_english_browser(archive, client):
    html = client.get("/incidents/", HTTP_ACCEPT_LANGUAGE="en-GB,en").content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "الحوادث" in html


def test_the_switch_is_remembered_and_turns_the_page_left_to_right(archive, client):
    english(client)
    html = client.get("/incidents/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Incidents" in html and "Criteria and filters" in html and "Armed clash" in html
    client.get("/language/ar/", {"next": "/"})
    assert '<html lang="ar" dir="rtl">' in client.get("/").content.decode()


def test_the_switch_never_sends_a_reader_to_another_host(archive, client):
    response = client.get("/language/en/", {"next": "https://elsewhere.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.post("/language/en/").status_code == 405


def test_pages_with_the_switch_carry_no_csrf_token_and_can_be_cached(archive, client):
    html = client.get("/incidents/").content.decode()
    assert "csrfmiddlewaretoken" not in html and 'href="/language/en/?next=' in html


def test_english_pages_use_english_names_or_a_transliteration(archive, client):
    Actor.objects.filter(pk=archive.isis.pk).update(name_en="Islamic State")
    english(client)
    chips = client.get("/events/", {"actor": [archive.isis.pk, archive.army.pk]}).context["chips"]
    assert [c.label for c in chips] == ["Actor: Islamic State", "Actor: al-Jish al-'Raqi"]


@pytest.mark.parametrize(("n", "arabic", "english_text"), [
    (0, "لا أحداث", "0 events"), (1, "حدث واحد", "1 event"), (2, "حدثان", "2 events"),
    (3, "3 أحداث", "3 events"), (11, "11 حدثاً", "11 events"), (100, "100 حدث", "100 events"),
    (1203, "1,203 أحداث", "1,203 events"),
])
def test_numbers_agree_with_their_noun_in_both_languages(n, arabic, english_text):
    template = Template('{% load marsad %}{{ n|counted:"event" }}')
    with translation.override("ar"):
        assert template.render(Context({"n": n})) == arabic
    with translation.override("en"):
        assert template.render(Context({"n": n})) == english_text


def test_killed_and_wounded_agree_too():
    template = Template('{% load marsad %}{{ a|counted:"killed" }} · {{ b|counted:"wounded" }}')
    with translation.override("ar"):
        assert template.render(Context({"a": 1, "b": 12})) == "قتيل واحد · 12 جريحاً"


def test_the_compiled_catalogues_are_up_to_date_and_complete(settings):
    call_command("compile_translations", "--check")  # raises when a file is stale
    for language, po in catalogues():
        assert missing(language, po) == [], language


def test_csv_headers_and_type_codes_do_not_change_with_the_language(archive, client):
    arabic = client.get("/events/export.csv")
    english(client)
    lines = [b"".join(r.streaming_content).decode("utf-8-sig").splitlines()
             for r in (arabic, client.get("/events/export.csv"))]
    assert lines[0][0] == lines[1][0]
    assert "Armed clash" in "\n".join(lines[1]) and "Armed clash" in "\n".join(lines[0])
    assert "اشتباك مسلح" in "\n".join(lines[0])


def test_a_latin_outlet_name_is_isolated(archive, client):
    from archive.models import Article

    article = Article.objects.get(pk=archive.mosul_article.pk)
    article.outlet = "Sky News Arabia"
    article.save(update_fields=["outlet"])  # a save: its reports' copies follow
    html = client.get(f"/articles/{archive.mosul_article.pk}/").content.decode()
    assert "<bdi>Sky News Arabia</bdi>" in html


def test_english_tables_and_facets_use_english_names(archive, client):
    Actor.objects.filter(pk=archive.isis.pk).update(name_en="Islamic State")
    english(client)
    response = client.get("/incidents/")
    labels = [row["label"] for row in response.context["facets"]["actors"]]
    assert "Islamic State" in labels
    html = response.content.decode()
    assert "Islamic State</a>" in html and "6 Mar 2016" in html and "آذار" not in html


# ---- every page in English: no Arabic left in the interface ------------------------------
ARABIC_RUN = re.compile(r"[\u0600-\u06FF][\u0600-\u06FF\u064B-\u065F\s]*")
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-label", "data-labels")
DATA_CLASSES = ("article-body",)  # the article's own text, its evidence marked inside


class _Interface(HTMLParser):
    """The text a reader sees and hears on a page (text, titles, labels, placeholders,
    buttons), leaving out scripts and what is marked as Arabic on purpose (lang="ar":
    the switch back) or as the article's own text."""

    def __init__(self):
        super().__init__()
        self.texts, self.skip, self.depth = [], None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skip:
            self.depth += tag == self.skip
            return
        classes = (attrs.get("class") or "").split()
        if tag in ("script", "style") or attrs.get("lang") == "ar" or any(
                c in DATA_CLASSES for c in classes):
            if tag not in VOID:
                self.skip, self.depth = tag, 1
            return
        self.texts += [attrs[a] for a in TEXT_ATTRIBUTES if attrs.get(a)]
        if tag == "button" or (tag == "input" and attrs.get("type") == "submit"):
            self.texts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if self.skip and tag == self.skip:
            self.depth -= 1
            if self.depth == 0:
                self.skip = None

    def handle_data(self, data):
        if not self.skip:
            self.texts.append(data)


VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area"}


def _data_values() -> list[str]:
    """What the archive holds, not what the interface says: articles, names, evidence."""
    from archive.models import Article, Event, EventActor, Place

    values = []
    for article in Article.objects.all():
        values += [article.title, article.text, article.outlet]
    values += list(Event.objects.values_list("place_text", flat=True))
    values += list(EventActor.objects.values_list("surface", flat=True))
    values += list(Actor.objects.values_list("name_ar", flat=True))
    values += list(Place.objects.values_list("name_ar", flat=True))
    return [v for v in values if v]


def leftover_arabic(html: str, data: list[str]) -> list[str]:
    """Runs of Arabic in a page's interface text that are no data value: a run counts as
    data when it is a whole data value, or (past 3 letters) part of one."""
    parser = _Interface()
    parser.feed(html)
    found = []
    for text in parser.texts:
        for run in ARABIC_RUN.findall(text):
            run = run.strip()
            if run in data or (len(run) > 3 and any(run in v for v in data)):
                continue
            found.append(run)
    return sorted(set(found))


QUERIES = ["الموصل", "لا شيء هنا"]


def _pages(archive) -> dict[str, str]:
    archive.bomb.refresh_from_db()
    incident = archive.bomb.incident_id
    return {
        "home": "/", "incidents": "/incidents/", "events": "/events/",
        "incident": f"/incidents/{incident}/", "article": f"/articles/{archive.kirkuk_article.pk}/",
        "actor": f"/actors/{archive.isis.pk}/", "place": f"/places/{archive.kirkuk.pk}/",
        "search": f"/search/?q={QUERIES[0]}", "no results": f"/search/?q={QUERIES[1]}",
        "page two": "/events/?page_size=1&page=2",
    }


def test_every_page_in_english_has_no_arabic_left_in_its_interface(archive, client):
    english(client)
    data = [*_data_values(), *QUERIES]  # what the reader typed is theirs
    leaks = {}
    for name, url in _pages(archive).items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en" dir="ltr">' in html, url
        found = leftover_arabic(html, data)
        if found:
            leaks[name] = found
    assert leaks == {}


def test_the_english_incident_page_reads_in_english(archive, client):
    english(client)
    html = client.get(_pages(archive)["incident"]).content.decode()
    for words in ("The reports side by side", "The best estimate is the latest report",
                  "Map and chart", "Killed and incidents over time", ">weekly</button>",
                  ">monthly</button>", "Town or village", "Nearby places grouped"):
        assert words in html, words


def test_the_map_and_chart_words_reach_the_script_in_english(archive, client):
    english(client)
    html = client.get("/incidents/").content.decode()
    [raw] = re.findall(r'data-labels="([^"]*)"', html)
    labels = json.loads(unescape(raw))
    assert labels["week"] == "weekly" and labels["no_date"] == "no date"
    assert labels["on_map"] == "%(n)s incidents on the map in %(places)s places"
    assert not [k for k, v in labels.items() if ARABIC_RUN.search(v)]


def test_the_map_and_series_answers_speak_english_too(archive, client):
    english(client)
    points = client.get("/api/incidents/map/").json()
    assert "Kirkuk" in [p["name"] for p in points["points"]] or all(
        not ARABIC_RUN.search(p["name"]) for p in points["points"])
    assert not [v for v in points["types"].values() if ARABIC_RUN.search(v)]
    series = client.get("/api/incidents/series/").json()
    assert not [t for t in series["types"] if ARABIC_RUN.search(t["label"])]


def test_back_in_arabic_the_same_pages_have_arabic_headings(archive, client):
    english(client)
    client.get("/language/ar/", {"next": "/"})
    expected = {"home": "أرقام الأرشيف", "incidents": "الحوادث", "events": "الأحداث",
                "incident": "التقارير جنباً إلى جنب", "article": "الأحداث المستخرجة",
                "actor": "كل حوادثها في الجدول", "place": "أماكن يضمها",
                "search": "نتائج البحث عن", "no results": "لا نتائج"}
    pages = _pages(archive)
    for name, words in expected.items():
        html = client.get(pages[name]).content.decode()
        assert '<html lang="ar" dir="rtl">' in html and words in html, name
    html = client.get(pages["incidents"]).content.decode()
    assert "القتلى والحوادث عبر الزمن" in html and ">أسبوعياً</button>" in html
    labels = json.loads(unescape(re.findall(r'data-labels="([^"]*)"', html)[0]))
    assert labels["week"] == "أسبوعياً"


def test_staff_review_forms_and_their_messages_are_english_too(archive, client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("editor", password="pw-for-tests",
                                                is_staff=True))
    english(client)
    data = _data_values()
    pages = _pages(archive)
    for name in ("incident", "article"):
        assert leftover_arabic(client.get(pages[name]).content.decode(), data) == [], name
    response = client.post(f"/events/{archive.bomb.pk}/review/", {"action": "confirm"},
                           follow=True)
    assert f"Report #{archive.bomb.pk} confirmed." in response.content.decode()
    response = client.post(f"/events/{archive.bomb.pk}/review/",
                           {"action": "correct", "killed_best": "many"}, follow=True)
    assert "Enter a whole number, not negative." in response.content.decode()
