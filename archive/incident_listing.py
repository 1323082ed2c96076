"""Incidents filtered like events: the events API's and page's filters choose the
incidents that at least one matching report tells; the casualty filters and the sort
apply to the incident's own figures (its best estimate across reports)."""
from django.db.models import Count

from archive.filters import EventFilter
from archive.models import Event, EventActor, Incident

INCIDENT_LEVEL = {
    "killed_min": "killed_best__gte", "killed_max": "killed_best__lte",
    "wounded_min": "wounded_best__gte", "wounded_max": "wounded_best__lte",
}


def filter_incidents(params):
    """(the FilterSet, the incidents) for a request's GET; incidents is None when the
    filters are invalid (the FilterSet holds the errors)."""
    filterset = EventFilter(params, queryset=Event.objects.all())
    if not filterset.is_valid():
        return filterset, None
    data = filterset.form.cleaned_data
    report_level = {k: v for k, v in params.items() if k not in INCIDENT_LEVEL
                    and k not in ("sort", "page", "page_size", "unit", "updated_since") and v}
    incidents = Incident.objects.all()
    if report_level:
        reports = EventFilter(params.copy(), queryset=Event.objects.all())
        for name in INCIDENT_LEVEL:
            reports.filters.pop(name, None)
        incidents = incidents.told_by(reports.qs)
    for name, lookup in INCIDENT_LEVEL.items():
        if data.get(name) is not None:
            incidents = incidents.filter(**{lookup: data[name]})
    return filterset, incidents.sorted_by(data.get("sort"))


def incident_summary(incidents, *, limit: int = 12) -> tuple[dict, dict]:
    """Totals (with casualty ranges) and facets counted in incidents, not reports."""
    base = incidents.order_by()
    ids = base.values("id")
    return base.totals_with_ranges(), {
        "types": list(base.values("type").annotate(n=Count("id")).order_by("-n")),
        "places": list(base.exclude(place=None).values("place_id", "place__name_ar")
                       .annotate(n=Count("id")).order_by("-n", "place__name_ar")[:limit]),
        "outlets": list(Event.objects.filter(incident_id__in=ids).exclude(article__outlet="")
                        .values("article__outlet").annotate(n=Count("incident_id", distinct=True))
                        .order_by("-n", "article__outlet")[:limit]),
        "actors": list(EventActor.objects.filter(event__incident_id__in=ids)
                       .values("actor_id", "actor__name_ar")
                       .annotate(n=Count("event__incident_id", distinct=True))
                       .order_by("-n", "actor__name_ar")[:limit]),
    }
