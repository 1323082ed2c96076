"""An article carrying HTML payloads (in its title, text, outlet, URL, an actor's words and
a place's words) is shown as text on every page and in the CSV, never as markup."""
import pytest

from tests.site.conftest import PAYLOAD_IMG, PAYLOAD_SCRIPT

RAW = ("<img src=x", "<script>", "onerror=alert(1)>")


def pages(archive):
    return [
        "/",
        "/events/",
        f"/events/?place={archive.hawija.pk}",
        f"/events/?q={PAYLOAD_SCRIPT}",
        "/search/?q=الحويجة",
        "/search/?q=onerror",
        f"/search/?q={PAYLOAD_IMG}",
        f"/articles/{archive.hostile_article.pk}/",
        f"/actors/{archive.pmf.pk}/",
        f"/places/{archive.hawija.pk}/",
        f"/events/?killed_min={PAYLOAD_SCRIPT}",
    ]


@pytest.mark.parametrize("index", range(11))
def test_payloads_are_escaped_on_every_page(archive, client, index):
    response = client.get(pages(archive)[index])
    assert response.status_code in (200, 400)
    html = response.content.decode()
    for raw in RAW:
        assert raw not in html


def test_the_payload_is_still_shown_as_text(archive, client):
    article = client.get(f"/articles/{archive.hostile_article.pk}/").content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in article
    search = client.get("/search/", {"q": "onerror"}).content.decode()
    assert "&lt;img src=x <mark>onerror</mark>=alert(1)&gt;" in search


def test_the_csv_holds_payloads_as_inert_text(archive, client):
    response = client.get("/events/export.csv", {"place": archive.hawija.pk})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert PAYLOAD_IMG in body  # CSV is data, not HTML: kept verbatim ...
    assert ",'=HYPERLINK(" in body.replace('"', "")  # ... but formulas never run


def test_the_api_serves_json_not_html(archive, client):
    response = client.get("/api/events/", {"place": archive.hawija.pk})
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
