"""A person's linking decisions: merge two incidents, split reports off one, move a report.

Each decision pins the reports of the incidents it touches (`Event.link_pinned`):
re-linking never moves a pinned report, so a split stays split and a merge merged when
new reports arrive or articles are re-extracted (re-extraction keeps an event's id, and
with it its pin, when it finds the same evidence again). New reports may still join a
reviewed incident when they fit every report in it."""
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from archive.models import Event, Incident
from archive.services.linking import refresh_incidents
from archive.services.reports import FAMILIES


def _pin(incident_ids: Iterable[int]) -> None:
    ids = list(incident_ids)
    Event.objects.filter(incident_id__in=ids).update(link_pinned=True, updated_at=timezone.now())
    Incident.objects.filter(id__in=ids).update(reviewed=True)


@transaction.atomic
def merge_incidents(*, into: Incident, others: Iterable[Incident]) -> Incident:
    """Every report of `others` joins `into`; the emptied incidents are deleted."""
    other_ids = [o.pk for o in others if o.pk != into.pk]
    if not other_ids:
        raise ValidationError("اختر حادثتين مختلفتين على الأقل للدمج.")
    Event.objects.filter(incident_id__in=other_ids).update(
        incident=into, updated_at=timezone.now())
    _pin([into.pk])
    refresh_incidents(incident_ids=[into.pk, *other_ids])
    into.refresh_from_db()
    return into


@transaction.atomic
def split_incident(*, incident: Incident, event_ids: Iterable[int]) -> Incident:
    """The chosen reports leave `incident` for a new one; both are pinned."""
    chosen = list(incident.events.filter(id__in=list(event_ids)).values_list("id", flat=True))
    if not chosen or len(chosen) == incident.events.count():
        raise ValidationError("اختر بعض تقارير الحادثة، لا كلها ولا شيئاً منها.")
    new = Incident.objects.create(family=incident.family, type=incident.type)
    Event.objects.filter(id__in=chosen).update(incident=new, updated_at=timezone.now())
    _pin([incident.pk, new.pk])
    refresh_incidents(incident_ids=[incident.pk, new.pk])
    new.refresh_from_db()
    return new


@transaction.atomic
def move_report(*, event: Event, to: Incident | None) -> Incident:
    """Move one report to another incident (a new one when `to` is None)."""
    source = event.incident_id
    if to is None:
        to = Incident.objects.create(family=FAMILIES.get(event.type, event.type),
                                     type=event.type)
    if source == to.pk:
        raise ValidationError("التقرير في هذه الحادثة أصلاً.")
    Event.objects.filter(pk=event.pk).update(incident=to, updated_at=timezone.now())
    _pin([i for i in (source, to.pk) if i is not None])
    refresh_incidents(incident_ids=[i for i in (source, to.pk) if i is not None])
    to.refresh_from_db()
    return to
