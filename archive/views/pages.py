"""The reader's pages. Reads live on the QuerySets and FilterSets; views only wire them."""
import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from archive import querysets
from archive.chips import active_chips, canonical_query, carried_chips, facets_in_english
from archive.event_listing import figures_and_page
from archive.export import stream_csv
from archive.filters import ArticleFilter, EventFilter
from archive.models import Actor, Article, Deletion, Event, EventActor, Incident, Place
from archive.search import excerpt, query_terms
from archive.suggest import suggested_names
from archive.views.article_text import render_article
from archive.views.timeline import bars

EVENTS_PER_PAGE = 50
SUMMARY_SECONDS = 60  # how stale whole-archive counts may be (ingestion adds in batches)
RESULTS_PER_PAGE = 20


def _page(request, queryset, per_page, *, count=None):
    paginator = Paginator(queryset, per_page)
    if count is not None:  # already counted (with the totals): spare the COUNT query
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


def _invalid(request, template, filterset, **context):
    """A form error on the page, never a 500: the reader sees what to fix."""
    return render(request, template, {"filterset": filterset, "page": None,
                                      "action": request.path, **context}, status=400)


def _version() -> str:
    """Changes whenever articles, events or incidents are added, reviewed, re-linked or
    deleted (one query of index-only reads), so cached counts never lag behind an
    ingestion or a reviewer's verdict."""
    parts = [f"SELECT MAX({field}) FROM {model._meta.db_table}"  # noqa: S608
             for model, field in (
        (Article, "id"), (Event, "id"), (Event, "updated_at"), (Incident, "updated_at"),
        (Deletion, "id"))]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sql})" for sql in parts))  # constant names
        state = "|".join(str(value) for value in cursor.fetchone())
    return hashlib.sha256(state.encode()).hexdigest()[:16]


def _archive_overview() -> dict:
    """The home page's whole-archive figures: full scans, so cached for SUMMARY_SECONDS.
    Casualties are counted once per incident (its best estimate), not once per report."""
    totals = Incident.objects.totals()
    return {
        "n_articles": Article.objects.count(),
        "n_events": Event.objects.count(),
        "n_incidents": totals["n"],
        "n_killed": totals["killed"] or 0,
        "n_wounded": totals["wounded"] or 0,
        "top_actors": list(
            Actor.objects.annotate(n=Count("participations__event__incident", distinct=True))
            .filter(n__gt=0).order_by("-n", "name_ar")[:8]
        ),
        "top_places": list(Place.objects.annotate(n=Count("incidents")).filter(n__gt=0)
                           .order_by("-n", "name_ar")[:8]),
    }


@require_GET
def home(request):
    overview = cache.get_or_set(f"marsad:overview:{_version()}", _archive_overview,
                                SUMMARY_SECONDS)
    latest = Incident.objects.for_listing().newest_first()[:10]
    return render(request, "archive/home.html", {**overview, "latest": latest})


@require_GET
@canonical_query
def events(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.for_listing())
    if not filterset.is_valid():
        return _invalid(request, "archive/events.html", filterset)
    data = filterset.form.cleaned_data
    actors = list(data.get("actor") or [])
    totals, facets, page = figures_and_page(filterset, request.GET.get("page"), EVENTS_PER_PAGE)
    return render(request, "archive/events.html", {
        "filterset": filterset,
        "page": page,
        "totals": totals,
        "picked_actors": actors,
        "place": data.get("place"),
        "facets": facets_in_english(facets) if get_language() == "en" else facets,
        "chips": active_chips(filterset, request.GET, actors=actors,
                              place=data.get("place")),
    })


@require_GET
def events_export(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.all())
    if not filterset.is_valid():
        return _invalid(request, "archive/events.html", filterset)
    return stream_csv(filterset.qs, filename="marsad-events.csv")


def _articles():
    return Article.objects.defer("search_text", "search_vector")


def _search_filterset(request, *, capped: bool = False):
    return ArticleFilter(request.GET, queryset=_articles(), capped=capped)


def _with_events(queryset):
    return queryset.prefetch_related(
        Prefetch("events", queryset=Event.objects.select_related("place")
                 .prefetch_related("participants__actor").order_by("evidence_start"))
    )


@require_GET
def search(request):
    filterset = _search_filterset(request, capped=True)
    if not filterset.is_valid():
        return _invalid(request, "archive/search.html", filterset)
    ranked = filterset.query and (filterset.form.cleaned_data.get("sort") or "rank") == "rank"
    if ranked:  # the newest SEARCH_CAP + 1 matches, read and ranked once, paged here
        ids = filterset.qs.newest_ranked_ids(querysets.SEARCH_CAP)
        page = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        rows = _with_events(_articles()).in_bulk(page.object_list)
        page.object_list = [rows[pk] for pk in page.object_list]
    else:
        page = _page(request, _with_events(filterset.qs), RESULTS_PER_PAGE)
    terms = query_terms(filterset.query)
    hits = [(article, excerpt(article.text, terms)) for article in page.object_list]
    return render(request, "archive/search.html", {
        "filterset": filterset, "page": page, "hits": hits, "query": filterset.query,
        "more_than": querysets.SEARCH_CAP
        if ranked and page.paginator.count > querysets.SEARCH_CAP else None,
        "suggested": suggested_names(filterset.query) if filterset.query else {},
    })


@require_GET
def search_export(request):
    filterset = _search_filterset(request)
    if not filterset.is_valid():
        return _invalid(request, "archive/search.html", filterset)
    events = Event.objects.filter(article__in=filterset.qs.order_by().values("id"))
    return stream_csv(events.newest_first(), filename="marsad-search.csv")


@require_GET
def article(request, pk):
    article = get_object_or_404(Article.objects.defer("search_text", "search_vector"), pk=pk)
    events = list(
        article.events.select_related("place", "place__parent")
        .prefetch_related("participants__actor").order_by("evidence_start", "id")
    )
    return render(request, "archive/article.html", {
        "article": article, "events": events, "body": render_article(article.text, events),
    })


@require_GET
@canonical_query
def actor(request, pk):
    actor = get_object_or_404(Actor, pk=pk)
    events = Event.objects.kept().involving(actor)
    partners = (
        EventActor.objects.filter(event__in=events.values("id")).exclude(actor=actor)
        .values("actor_id", "actor__name_ar").annotate(n=Count("event_id", distinct=True))
        .order_by("-n", "actor__name_ar")[:12]
    )
    places = (
        events.exclude(place=None).values("place_id", "place__name_ar")
        .annotate(n=Count("id")).order_by("-n", "place__name_ar")[:12]
    )
    incidents = Incident.objects.told_by(events)
    return render(request, "archive/actor.html", {
        "actor": actor, "chips": carried_chips(request.GET),
        "totals": incidents.totals(),
        "bars": bars(incidents.timeline()),
        "partners": partners,
        "places": places,
        "latest": events.for_listing().newest_first()[:20],
    })


def _with_counts_inside(children: list[Place], events) -> list[Place]:
    """Each child place with `n`, the events in it or anywhere inside it, busiest first."""
    by_path = list(events.order_by().values_list("place__path").annotate(n=Count("id")))
    for child in children:
        child.n = sum(n for path, n in by_path if path.startswith(child.path))
    return sorted(children, key=lambda c: (-c.n, c.name_ar))[:24]


@require_GET
@canonical_query
def place(request, pk):
    place = get_object_or_404(Place.objects.select_related("parent"), pk=pk)
    events = Event.objects.kept().within(place)
    actors = (
        EventActor.objects.filter(event__in=events.values("id"))
        .values("actor_id", "actor__name_ar").annotate(n=Count("event_id", distinct=True))
        .order_by("-n", "actor__name_ar")[:12]
    )
    children = _with_counts_inside(list(place.children.all()), events)
    incidents = Incident.objects.told_by(events)
    return render(request, "archive/place.html", {
        "place": place, "chips": carried_chips(request.GET),
        "ancestors": place.ancestors(),
        "totals": incidents.totals(),
        "bars": bars(incidents.timeline()),
        "actors": actors,
        "children": children,
        "latest": events.for_listing().newest_first()[:20],
    })
