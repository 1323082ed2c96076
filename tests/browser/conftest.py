"""Playwright (sync API) driving the SYSTEM Chromium — never a downloaded browser."""
import os
import pathlib

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread


class OneRequestAtATime(WSGIServer):
    """The live server answers one request at a time. On SQLite the test database is one
    in-memory connection that every server thread shares, and two requests at once (the
    map and the chart of a page load in parallel) deadlock inside sqlite3. Django closes
    each connection after its response on a server that does not thread."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override


LiveServerThread.server_class = OneRequestAtATime

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body are still synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = pathlib.Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: apt-get install chromium chromium-driver"
        if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ar-IQ", viewport={"width": 1366, "height": 900},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> pathlib.Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS



@pytest.fixture(autouse=True)
def fresh_cache():
    """The pages cache whole-archive counts: every test starts and ends with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
