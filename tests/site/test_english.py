"""The interface in English as well: Arabic by default whatever the browser asks, a
switch remembered in a cookie, left-to-right in English, English names or a
transliteration, Arabic number agreement through gettext's plural forms, and compiled
catalogues that match our .po files."""
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

    Article.objects.filter(pk=archive.mosul_article.pk).update(outlet="Sky News Arabia")
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
