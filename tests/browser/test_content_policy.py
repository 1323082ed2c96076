"""The Content-Security-Policy in a real browser: the pages and the admin load their
styles and scripts and Chromium reports no violation (a timeline's bars keep their
heights without inline styles)."""
import pytest

from tests.site.conftest import build_archive

pytestmark = [pytest.mark.browser]


def test_pages_keep_to_the_content_security_policy_in_chromium(live_server, page,
                                                               transactional_db):
    archive = build_archive()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    for path in ("/", "/events/", f"/actors/{archive.isis.pk}/", "/admin/login/"):
        response = page.goto(live_server.url + path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
    page.goto(f"{live_server.url}/places/{archive.kirkuk.pk}/")
    heights = page.locator(".bar span").evaluate_all(
        "spans => spans.map(s => s.getBoundingClientRect().height)")
    assert heights and max(heights) > 50  # the tallest bar is drawn, by class
    assert violations == []
