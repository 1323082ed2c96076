import pathlib

import pytest

DATA = pathlib.Path(__file__).parent / "data"
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences",
                     "django_db_serialized_rollback", "live_server"}


@pytest.fixture
def data_dir() -> pathlib.Path:
    return DATA


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every test that used the database, and passed: each report's outlet is its
    article's (`Event.outlet`, a copy every writer keeps; the events page's outlet facet
    and filter read it), whichever write paths the test took."""
    result = yield
    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        from django.db.models import F

        from archive.models import Event

        stray = list(Event.objects.exclude(outlet=F("article__outlet")).values_list(
            "id", "outlet", "article__outlet")[:3])
        assert not stray, f"reports whose outlet is not their article's: {stray}"
    return result
