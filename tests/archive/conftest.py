"""Fixtures for the archive's tests. `fake_extract` stands in for the extractor ONLY in
tests about ingestion mechanics; tests that need real output use `extraction.extract`."""
import re

import pytest

from extraction import types

KILLED = re.compile(r"مقتل (\d+)")


def fake_extract(text, published=None):
    """One "attack" event per "مقتل N" in the text, in a village the gazetteer lacks."""
    return [
        types.Event(
            type="attack",
            evidence=types.Span(match.start(), match.end()),
            killed=types.Count(int(match.group(1)), int(match.group(1)), int(match.group(1))),
            place=types.PlaceRef(name="قرية الاختبار", parent_key="iq.kirkuk", kind="village"),
            actors=(types.ActorRef(name="داعش", role="initiator", key="isis"),
                    types.ActorRef(name="مسلحون مجهولون", role="initiator")),
            confidence=0.7,
        )
        for match in KILLED.finditer(text)
    ]


fake_extract.VERSION = "fake-1"


@pytest.fixture
def fake_extractor():
    return fake_extract


@pytest.fixture
def kirkuk(db):
    from archive.models import Place

    iraq = Place.objects.create(key="iq", name_ar="العراق", kind="country")
    return Place.objects.create(key="iq.kirkuk", name_ar="كركوك", kind="governorate", parent=iraq)


@pytest.fixture
def write(tmp_path):
    """write("name.ext", str or bytes) -> the file's path."""

    def write(name: str, content, encoding: str = "utf-8"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write
