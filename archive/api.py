"""The JSON API: the same FilterSets as the pages, paginated; bad filters answer 400.
Events and incidents take `updated_since` (ISO date-time): only what changed since, and
the ids deleted since, so that a copy can be kept in sync."""
import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from archive.codes import acled, review_status
from archive.filters import ArticleFilter, EventFilter, errors_as_dict
from archive.incident_listing import filter_incidents
from archive.models import Article, Deletion, Event, Incident

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def event_json(event: Event) -> dict:
    roles: dict[str, list[dict]] = {"initiator": [], "target": []}
    for participant in event.participants.all():
        roles.setdefault(participant.role, []).append(
            {"id": participant.actor_id, "key": participant.actor.key,
             "name": participant.actor.name_ar, "surface": participant.surface}
        )
    place = event.place
    return {
        "id": event.pk,
        "type": event.type,
        "type_label": event.get_type_display(),
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "place": None if place is None else {
            "id": place.pk, "key": place.key, "name": place.name_ar, "kind": place.kind,
            "latitude": place.latitude, "longitude": place.longitude,
        },
        "place_text": event.place_text,
        "killed": {"best": event.killed_best, "low": event.killed_low, "high": event.killed_high},
        "wounded": {"best": event.wounded_best, "low": event.wounded_low,
                    "high": event.wounded_high},
        "initiators": roles["initiator"],
        "targets": roles["target"],
        "evidence": {"start": event.evidence_start, "end": event.evidence_end},
        "confidence": round(event.confidence, 3),
        "reviewed": event.reviewed,
        "rejected": event.rejected,
        "review_status": review_status(reviewed=event.reviewed, rejected=event.rejected,
                                       confidence=event.confidence),
        "acled": dict(zip(("event_type", "sub_event_type"), acled(event.type), strict=True)),
        "incident": event.incident_id,
        "updated_at": event.updated_at.isoformat(),
        "article": {"id": event.article_id, "title": event.article.title,
                    "outlet": event.article.outlet, "url": event.article.url,
                    "page": reverse("article", args=[event.article_id])},
    }


def _day(value):
    return value.isoformat() if value else None


def report_json(event: Event) -> dict:
    """One report of an incident: its own figures, and the article and span it is in."""
    article = event.article
    return {
        **{k: v for k, v in event_json(event).items() if k not in ("article", "incident")},
        "article": {"id": article.pk, "external_id": article.external_id,
                    "title": article.title, "outlet": article.outlet, "url": article.url,
                    "published": _day(article.published),
                    "page": reverse("article", args=[article.pk]) + f"#evidence-{event.pk}"},
    }


def incident_json(incident: Incident) -> dict:
    place = incident.place
    return {
        "id": incident.pk,
        "type": incident.type,
        "type_label": incident.get_type_display(),
        "family": incident.family,
        "date": _day(incident.date),
        "date_precision": incident.date_precision,
        "date_range": {"low": _day(incident.date_low), "high": _day(incident.date_high)},
        "place": None if place is None else {
            "id": place.pk, "key": place.key, "name": place.name_ar, "kind": place.kind,
            "latitude": place.latitude, "longitude": place.longitude,
        },
        "killed": {"low": incident.killed_low, "best": incident.killed_best,
                   "high": incident.killed_high},
        "wounded": {"low": incident.wounded_low, "best": incident.wounded_best,
                    "high": incident.wounded_high},
        "actors": incident.actors,
        "n_reports": incident.n_reports,
        "n_outlets": incident.n_outlets,
        "outlets": incident.outlets,
        "first_reported": _day(incident.first_reported),
        "last_reported": _day(incident.last_reported),
        "grade": incident.grade,
        "grade_label": incident.get_grade_display(),
        "disputes": incident.disputes,
        "reviewed": incident.reviewed,
        "updated_at": incident.updated_at.isoformat(),
        "page": reverse("incident", args=[incident.pk]),
        "reports": [report_json(e) for e in incident.events.all()],
    }


def article_json(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "rank": getattr(article, "rank", None),
        "events": [e.pk for e in article.events.all()],
        "page": reverse("article", args=[article.pk]),
    }


def _page(request, queryset):
    """The requested page, or a dict of errors."""
    try:
        size = min(MAX_PAGE_SIZE, max(1, int(request.GET.get("page_size", PAGE_SIZE))))
    except ValueError:
        return None, {"page_size": ["يجب أن يكون عدداً صحيحاً."]}
    paginator = Paginator(queryset, size)
    try:
        return paginator.page(request.GET.get("page") or 1), None
    except PageNotAnInteger:
        return None, {"page": ["يجب أن يكون رقم الصفحة عدداً صحيحاً."]}
    except EmptyPage:
        return None, {"page": ["لا توجد صفحة بهذا الرقم."]}


def _since(request):
    """(the `updated_since` date-time or None, errors or None)."""
    raw = request.GET.get("updated_since")
    if not raw:
        return None, None
    try:
        value = forms.DateTimeField().clean(raw)
    except ValidationError as error:
        return None, {"updated_since": [*error.messages, "مثال: 2024-05-01T12:00:00Z"]}
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value, None


def _listing(request, filterset, serialise, *, queryset=None, deleted: str | None = None):
    if not filterset.is_valid():
        return JsonResponse({"errors": errors_as_dict(filterset)}, status=400)
    since, errors = _since(request) if deleted else (None, None)
    queryset = filterset.qs if queryset is None else queryset
    if since is not None:
        queryset = queryset.filter(updated_at__gte=since)
    page, errors = (None, errors) if errors else _page(request, queryset)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    body = {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": page.next_page_number() if page.has_next() else None,
        "previous": page.previous_page_number() if page.has_previous() else None,
        "results": [serialise(obj) for obj in page.object_list],
    }
    if since is not None:
        body["deleted"] = list(Deletion.objects.filter(kind=deleted, deleted_at__gte=since)
                               .order_by("id").values_list("object_id", flat=True))
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@require_GET
def events(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.for_listing())
    return _listing(request, filterset, event_json, deleted=Deletion.Kind.EVENT)


@require_GET
def incidents(request):
    """Incidents filtered like /api/events/ (see archive.incident_listing), each with
    its reports."""
    filterset, found = filter_incidents(request.GET)
    if found is None:
        return JsonResponse({"errors": errors_as_dict(filterset)}, status=400)
    reports = Event.objects.for_listing().order_by("article__published", "id")
    found = found.select_related("place").prefetch_related(Prefetch("events", queryset=reports))
    return _listing(request, filterset, incident_json, queryset=found,
                    deleted=Deletion.Kind.INCIDENT)


@require_GET
def articles(request):
    queryset = Article.objects.defer("text", "search_text", "search_vector").prefetch_related(
        Prefetch("events", queryset=Event.objects.only("id", "article_id").order_by("id"))
    )
    return _listing(request, ArticleFilter(request.GET, queryset=queryset), article_json)
