"""`{% table_rows "event" events %}`: a listing's rows, each rendered once per version of the
data and language, then reused by every listing that shows it (the filtered events and
incidents pages, whatever the filter: a new filter combination misses the page cache,
but its rows are mostly rows other pages have shown). One tag writes the whole table
body, its rows read from the cache together (`get_many`): a template loop with a cache
tag and a row tag in each of 50 rows cost more than writing the rows. Given a page's
`LazyRows`, it reads from the database only the rows the cache lacks.
(`{% row_cache "event" event.pk %}…{% endrow_cache %}` caches any other fragment so.)

A row's HTML depends on its row and the language only, except for the query string its
links carry (`{% carried %}`): that is stored as a marker and put in when the row is
served. The key holds `page_cache.data_version()`, so an ingest, review or deletion
renders rows afresh; a row also expires after MARSAD_PAGE_CACHE_SECONDS (a renamed place
or actor, like a cached page), and none is kept when that is 0. Rows with a staff review
form (`review_forms`) are never cached. The cache is `caches["rows"]` (settings): its own,
so rows never evict whole pages.
"""
import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from archive import listing_rows
from archive.lazy_rows import LazyRows
from archive.page_cache import data_version
from archive.templatetags.marsad import carried

register = template.Library()
MARKER = "\x00carried\x00"  # never in a rendered row: a control character


def _prefix(request) -> str:
    """The key's version and language part, worked out once per request."""
    prefix = getattr(request, "_marsad_row_prefix", None)
    if prefix is None:
        state = f"{data_version()}|{get_language()}"
        prefix = "row:" + hashlib.sha256(state.encode()).hexdigest()[:16]
        request._marsad_row_prefix = prefix
    return prefix


class RowCacheNode(template.Node):
    def __init__(self, nodelist, kind: str, pk):
        self.nodelist, self.kind, self.pk = nodelist, kind, pk

    def render(self, context):
        seconds = getattr(settings, "MARSAD_PAGE_CACHE_SECONDS", 0)
        request = context.get("request")
        if not seconds or request is None or context.get("review_forms"):
            return self.nodelist.render(context)
        key = f"{_prefix(request)}:{self.kind}:{self.pk.resolve(context)}"
        rows = caches["rows"]
        html = rows.get(key)
        if html is None:
            with context.push(carried_marker=MARKER):
                html = self.nodelist.render(context)
            rows.set(key, str(html), seconds)
        return mark_safe(html.replace(MARKER, conditional_escape(carried(context))))  # noqa: S308 (rendered, escaped HTML)


@register.tag
def row_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError('usage: {% row_cache "kind" pk %}')
    nodelist = parser.parse(("endrow_cache",))
    parser.delete_first_token()
    return RowCacheNode(nodelist, bits[1][1:-1], parser.compile_filter(bits[2]))


def _carried(context) -> str:
    """The escaped query string a row's links keep (or the row cache's marker, which
    escaping leaves as it is)."""
    return conditional_escape(carried(context))


def _row(context, kind: str, row, carried_html: str) -> str:
    if kind == "event":
        return event_row(context, row, carried_html=carried_html)
    return listing_rows.incident_row(row, carried_html)


@register.simple_tag(takes_context=True)
def table_rows(context, kind: str, rows):
    """Every row of a table (`kind`: "event" or "incident"), each between the
    whitespace the table's `{% for %}` loop gave it; cached as `RowCacheNode` caches
    one (never with staff review forms)."""
    seconds = getattr(settings, "MARSAD_PAGE_CACHE_SECONDS", 0)
    request = context.get("request")
    carried_html = _carried(context)
    if not seconds or request is None or context.get("review_forms"):
        html = [_row(context, kind, row, carried_html) for row in rows]
    else:
        prefix = f"{_prefix(request)}:{kind}:"
        lazy = isinstance(rows, LazyRows)
        keyed = [(f"{prefix}{pk}", pk) for pk in (rows.ids if lazy else (r.pk for r in rows))]
        rows_cache = caches["rows"]
        found = rows_cache.get_many([key for key, _ in keyed])
        lacking = [pk for key, pk in keyed if key not in found]
        if lacking:  # read (a page of LazyRows) only the rows the cache lacks
            read = rows.missing(lacking) if lazy else {row.pk: row for row in rows}
            fresh = {key: _row(context, kind, read[pk], MARKER) for key, pk in keyed
                     if key not in found}
            found.update(fresh)
            rows_cache.set_many(fresh, seconds)
        html = [found[key].replace(MARKER, carried_html) for key, _ in keyed]
    return mark_safe("".join(f"\n    {row}\n  " for row in html))  # noqa: S308 (escaped in listing_rows)


@register.simple_tag(takes_context=True)
def event_row(context, event, *, carried_html: str | None = None):
    """One row of the events table (`archive/listing_rows.py`), with the review form
    when a staff member reviews (`review_forms`)."""
    form = ""
    if context.get("review_forms") and getattr(context.get("user"), "is_staff", False):
        review = context.template.engine.get_template("archive/partials/review_form.html")
        with context.push(event=event):
            form = review.render(context)
    if carried_html is None:
        carried_html = _carried(context)
    return mark_safe(listing_rows.event_row(event, carried_html, review_form=form))  # noqa: S308 (escaped in listing_rows)


@register.simple_tag(takes_context=True)
def incident_row(context, incident):
    """One row of the incidents table (`archive/listing_rows.py`)."""
    return mark_safe(listing_rows.incident_row(incident, _carried(context)))  # noqa: S308 (escaped in listing_rows)
