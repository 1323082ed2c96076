"""The analyst's tools: type-ahead suggestions for the pickers, and staff review forms
(confirm, correct or reject a report or an incident from the site itself)."""
import datetime as dt

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from archive.models import Actor, Event, Incident, Place
from archive.services import event_review
from archive.suggest import as_json, suggest

MODELS = {"actor": Actor, "place": Place}


@require_GET
def suggestions(request):
    """GET /api/suggest/?kind=actor|place&q=…: the best matches, as JSON."""
    model = MODELS.get(request.GET.get("kind", ""))
    if model is None:
        return JsonResponse({"errors": {"kind": ["kind: actor أو place"]}}, status=400)
    text = request.GET.get("q", "")[:100]
    return JsonResponse({"results": as_json(model, suggest(model, text))})


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _number(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValidationError(_("أدخل عدداً صحيحاً غير سالب."))
    return int(value)


def _corrections(post) -> dict:
    values = {}
    if post.get("type"):
        values["type"] = post["type"]
    for name in ("killed_best", "wounded_best"):
        if name in post:
            values[name] = _number(post[name])
    if post.get("date"):
        try:
            values["date"] = dt.date.fromisoformat(post["date"])
        except ValueError as error:
            raise ValidationError(_("أدخل التاريخ بالصيغة YYYY-MM-DD.")) from error
    return values


@staff_member_required
@require_POST
def review_event(request, pk):
    event = get_object_or_404(Event, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "confirm":
            event_review.confirm_event(event=event)
            messages.success(request, _("أُكّد التقرير #%(id)s.") % {"id": event.pk})
        elif action == "reject":
            event_review.reject_event(event=event)
            messages.success(request, _("رُفض التقرير #%(id)s: بقي محفوظاً وخرج من الأرقام.")
                             % {"id": event.pk})
        elif action == "correct":
            event_review.correct_event(event=event, **_corrections(request.POST))
            messages.success(request, _("صُحّح التقرير #%(id)s وعُدّ مراجَعاً.") % {"id": event.pk})
        else:
            messages.error(request, _("إجراء غير معروف."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(request, f"/articles/{event.article_id}/#evidence-{event.pk}")


@staff_member_required
@require_POST
def review_incident(request, pk):
    incident = get_object_or_404(Incident, pk=pk)
    action = request.POST.get("action")
    if action == "confirm":
        event_review.confirm_incident(incident=incident)
        messages.success(request, _("أُكّدت الحادثة #%(id)s وتقاريرها.") % {"id": incident.pk})
        return _back(request, f"/incidents/{incident.pk}/")
    if action == "reject":
        n = event_review.reject_incident(incident=incident)
        messages.success(request, _("رُفضت الحادثة #%(id)s (%(n)s تقارير محفوظة خارج الأرقام).")
                         % {"id": pk, "n": n})
        return redirect("incidents")
    messages.error(request, _("إجراء غير معروف."))
    return _back(request, f"/incidents/{incident.pk}/")
