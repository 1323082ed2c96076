"""The incidents pages: the default events table (one row per incident), an incident's
page with its reports side by side, and the incidents CSV."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from archive.chips import active_chips, canonical_query, facets_in_english
from archive.incident_export import stream_incidents_csv
from archive.incident_listing import figures_and_page, filter_incidents
from archive.models import Actor, Event, Incident

PER_PAGE = 50


@require_GET
@canonical_query
def incidents(request):
    filterset, found = filter_incidents(request.GET)
    if found is None:
        return render(request, "archive/incidents.html", {"filterset": filterset, "page": None},
                      status=400)
    data = filterset.form.cleaned_data
    actors = list(data.get("actor") or [])
    totals, facets, page = figures_and_page(filterset, found, request.GET.get("page"), PER_PAGE)
    if get_language() == "en":
        _with_english_names(page.object_list)
    return render(request, "archive/incidents.html", {
        "filterset": filterset, "page": page,
        "totals": totals, "picked_actors": actors, "place": data.get("place"),
        "facets": facets_in_english(facets) if get_language() == "en" else facets,
        "chips": active_chips(filterset, request.GET, actors=actors, place=data.get("place")),
    })


def _with_english_names(incidents) -> None:
    """Each incident's actors (stored as JSON, Arabic names) with their English names."""
    rows = list(incidents)
    ids = {a["id"] for incident in rows for a in incident.actors}
    english = dict(Actor.objects.filter(id__in=ids).values_list("id", "name_en"))
    for incident in rows:
        for actor in incident.actors:
            actor["name_en"] = english.get(actor["id"], "")


@require_GET
def incidents_export(request):
    filterset, found = filter_incidents(request.GET)
    if found is None:
        return render(request, "archive/incidents.html", {"filterset": filterset, "page": None},
                      status=400)
    return stream_incidents_csv(found, filename="marsad-incidents.csv")


@require_GET
@canonical_query
def incident(request, pk):
    reports = (Event.objects.select_related("article", "place")
               .prefetch_related("participants__actor")
               .defer("article__text", "article__search_text", "article__search_vector")
               .order_by("article__published", "article__outlet", "id"))
    incident = get_object_or_404(
        Incident.objects.select_related("place", "place__parent")
        .prefetch_related(Prefetch("events", queryset=reports)), pk=pk)
    english = dict(Actor.objects.filter(pk__in=[a["id"] for a in incident.actors])
                   .exclude(name_en="").values_list("pk", "name_en"))
    actors = [{**a, "name_en": english.get(a["id"], "")} for a in incident.actors]
    return render(request, "archive/incident.html", {
        "incident": incident, "actors": actors, "reports": list(incident.events.all()),
    })
