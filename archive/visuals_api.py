"""The map's and the charts' JSON: the incidents table's filters (the same FilterSet, via
archive.incident_listing), answered as points by place and as a series by period.
Bad filters answer 400 with the FilterSet's messages, as /api/incidents/ does. Answers are
cached like the table's totals (until the archive changes, SUMMARY_SECONDS at most): a
page view asks both, and a wide filter reads every incident."""
import hashlib

from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from archive.filters import errors_as_dict
from archive.incident_listing import filter_incidents
from archive.incident_visuals import STEPS, map_points, series
from archive.views.pages import SUMMARY_SECONDS, _version

SERIES_STEPS = ("auto", *STEPS)


def _cached(name: str, data: dict, build):
    key = f"marsad:{name}:" + hashlib.sha256(repr(
        (_version(), get_language(), sorted((k, str(v)) for k, v in data.items() if k != "sort"))
    ).encode()).hexdigest()
    return cache.get_or_set(key, build, SUMMARY_SECONDS)


def _json(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def incidents_map(request):
    filterset, found = filter_incidents(request.GET)
    if found is None:
        return _json({"errors": errors_as_dict(filterset)}, status=400)
    return _json(_cached("map", filterset.form.cleaned_data, lambda: map_points(found)))


@require_GET
def incidents_series(request):
    step = request.GET.get("step") or "auto"
    if step not in SERIES_STEPS:
        return _json({"errors": {"step": [f"إحدى القيم: {'، '.join(SERIES_STEPS)}."]}},
                     status=400)
    params = request.GET.copy()
    params.pop("step", None)
    filterset, found = filter_incidents(params)
    if found is None:
        return _json({"errors": errors_as_dict(filterset)}, status=400)
    data = {**filterset.form.cleaned_data, "step": step}
    return _json(_cached("series", data, lambda: series(found, step=step)))
