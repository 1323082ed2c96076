"""Incidents filtered like events: the events API's and page's filters choose the
incidents that at least one matching report tells; the casualty filters and the sort
apply to the incident's own figures (its best estimate across reports)."""
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count

from archive.filters import EventFilter
from archive.models import Actor, Event, EventActor, Incident

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
    facets = {
        "types": list(base.values("type").annotate(n=Count("id")).order_by("-n")),
        "places": list(base.exclude(place=None).values("place_id", "place__name_ar")
                       .annotate(n=Count("id")).order_by("-n", "place__name_ar")[:limit]),
    }
    if connection.vendor == "postgresql":
        return base.totals_with_ranges(), {**facets, **_stored_facets(base, limit)}
    return base.totals_with_ranges(), {**facets, **_joined_facets(base, limit)}


def _joined_facets(incidents, limit: int) -> dict:
    """The outlets and actors facets read from the incidents' reports."""
    ids = incidents.values("id")
    return {
        "outlets": list(Event.objects.filter(incident_id__in=ids).exclude(article__outlet="")
                        .values("article__outlet").annotate(n=Count("incident_id", distinct=True))
                        .order_by("-n", "article__outlet")[:limit]),
        "actors": list(EventActor.objects.filter(event__incident_id__in=ids)
                       .values("actor_id", "actor__name_ar")
                       .annotate(n=Count("event__incident_id", distinct=True))
                       .order_by("-n", "actor__name_ar")[:limit]),
    }


def _stored_facets(incidents, limit: int) -> dict:
    """PostgreSQL: the outlets and actors facets from the lists every incident keeps
    (`Incident.outlets`, `Incident.actors`, written with its figures), one read of the
    filtered incidents instead of joining their reports, articles and participants."""
    try:
        inner, params = incidents.values("id", "outlets", "actors").query.sql_with_params()
    except EmptyResultSet:
        return {"outlets": [], "actors": []}
    sql = (
        f"SELECT 'o', o.v, count(DISTINCT i.id) FROM ({inner}) i, "  # noqa: S608
        "jsonb_array_elements_text(i.outlets) AS o(v) WHERE o.v <> '' GROUP BY o.v "
        f"UNION ALL SELECT 'a', a.v->>'id', count(DISTINCT i.id) FROM ({inner}) i, "
        "jsonb_array_elements(i.actors) AS a(v) GROUP BY a.v->>'id'"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        rows = cursor.fetchall()
    names = dict(Actor.objects.filter(id__in=[int(v) for kind, v, _ in rows if kind == "a"])
                 .values_list("id", "name_ar"))
    outlets = sorted(((v, n) for kind, v, n in rows if kind == "o"), key=lambda r: (-r[1], r[0]))
    actors = sorted(((int(v), names.get(int(v), ""), n) for kind, v, n in rows
                     if kind == "a" and int(v) in names), key=lambda r: (-r[2], r[1]))
    return {
        "outlets": [{"article__outlet": v, "n": n} for v, n in outlets[:limit]],
        "actors": [{"actor_id": a, "actor__name_ar": name, "n": n}
                   for a, name, n in actors[:limit]],
    }
