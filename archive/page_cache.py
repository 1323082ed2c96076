"""Public pages cached until the data changes: the home page's figures, the filtered
events and incidents lists and the API answer the same thing to everyone until the next
ingest, review or deletion, so they are rendered once per version of the data.

The version is read from four indexed maxima (the newest article, the latest changed
event and incident, the latest deletion tombstone), at most once every
MARSAD_PAGE_CACHE_CHECK_SECONDS per process; a cached page also expires after
MARSAD_PAGE_CACHE_SECONDS (edits that touch none of those rows — a place renamed in the
admin — show after at most that). Only anonymous GETs answered 200 with HTML or JSON are
cached, never a streamed CSV, the admin, or a response that sets a cookie; the key
holds the full path and the language. MARSAD_PAGE_CACHE_SECONDS=0 turns it off.
"""
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection

CACHED_TYPES = ("text/html", "application/json")
SKIPPED_PREFIXES = ("/admin/", "/static/")
_version = {"value": "", "read_at": 0.0}


def data_version() -> str:
    """Changes whenever an article is added or an event, incident or deletion recorded."""
    from archive.models import Article, Deletion, Event, Incident

    check = getattr(settings, "MARSAD_PAGE_CACHE_CHECK_SECONDS", 1.0)
    if time.monotonic() - _version["read_at"] >= check:
        maxima = ", ".join(  # one query of four index-only reads, constant names
            f"(SELECT MAX({field}) FROM {model._meta.db_table})"  # noqa: S608
            for model, field in ((Article, "id"), (Event, "updated_at"), (Incident, "updated_at"),
                                 (Deletion, "id")))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {maxima}")
            parts = cursor.fetchone()
        _version.update(value="|".join(map(str, parts)), read_at=time.monotonic())
    return _version["value"]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "MARSAD_PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._cacheable(request):
            return self.get_response(request)
        raw = f"{data_version()}|{getattr(request, 'LANGUAGE_CODE', '')}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            cached["X-Marsad-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._storable(request, response):
            cache.set(key, response, seconds)
            response["X-Marsad-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable(request) -> bool:
        user = getattr(request, "user", None)
        return (request.method in ("GET", "HEAD") and not request.path.startswith(SKIPPED_PREFIXES)
                and not (user and user.is_authenticated))

    @staticmethod
    def _storable(request, response) -> bool:
        return (response.status_code == 200 and not response.streaming and not response.cookies
                and response.get("Content-Type", "").startswith(CACHED_TYPES)
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def names(model, ids) -> dict[int, str]:
    """{id: Arabic name} of these actors or places, each read once per version of the
    data and kept as long as a cached page (the incidents page's facets name a few dozen
    every request); read at once when MARSAD_PAGE_CACHE_SECONDS is 0. Ids that no row
    has are left out."""
    ids = set(ids)
    seconds = getattr(settings, "MARSAD_PAGE_CACHE_SECONDS", 0)
    if not seconds or not ids:
        return dict(model.objects.filter(id__in=ids).values_list("id", "name_ar"))
    version = hashlib.sha256(data_version().encode()).hexdigest()[:16]
    prefix = f"marsad:name:{model._meta.label}:{version}:"
    found = cache.get_many([f"{prefix}{pk}" for pk in ids])
    known = {int(key[len(prefix):]): name for key, name in found.items()}
    missing = ids - known.keys()
    if missing:
        read = dict(model.objects.filter(id__in=missing).values_list("id", "name_ar"))
        cache.set_many({f"{prefix}{pk}": name for pk, name in read.items()}, seconds)
        known.update(read)
    return known
