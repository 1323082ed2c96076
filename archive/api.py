"""The JSON API: the same FilterSets as the pages, paginated; bad filters answer 400."""
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from archive.filters import ArticleFilter, EventFilter, errors_as_dict
from archive.models import Article, Event

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
        "confidence": event.confidence,
        "reviewed": event.reviewed,
        "article": {"id": event.article_id, "title": event.article.title,
                    "outlet": event.article.outlet, "url": event.article.url,
                    "page": reverse("article", args=[event.article_id])},
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


def _listing(request, filterset, serialise):
    if not filterset.is_valid():
        return JsonResponse({"errors": errors_as_dict(filterset)}, status=400)
    page, errors = _page(request, filterset.qs)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": page.next_page_number() if page.has_next() else None,
            "previous": page.previous_page_number() if page.has_previous() else None,
            "results": [serialise(obj) for obj in page.object_list],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def events(request):
    filterset = EventFilter(request.GET, queryset=Event.objects.for_listing())
    return _listing(request, filterset, event_json)


@require_GET
def articles(request):
    queryset = Article.objects.defer("text", "search_text", "search_vector").prefetch_related(
        Prefetch("events", queryset=Event.objects.only("id", "article_id").order_by("id"))
    )
    return _listing(request, ArticleFilter(request.GET, queryset=queryset), article_json)
