"""A person's verdict on a report (event) or an incident: confirm it, correct it, reject it.

The one rule, shared by the site's review forms and the admin: a report a person edited is
a reviewed report (re-extraction never replaces it). A rejected report is kept, marked, but
leaves its incident (whose figures are recomputed without it), the totals and linking."""
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from archive.models import Event, Incident
from archive.services.linking import refresh_incidents, relink

# What a reviewer may correct from the site; anything else goes through the admin.
CORRECTABLE = ("type", "killed_best", "wounded_best", "date")
# Below this confidence an unreviewed report is flagged "needs review".
NEEDS_REVIEW_BELOW = 0.7


def edited_means_reviewed(*, changed_fields: Iterable[str]) -> bool:
    """Whether saving these changed fields marks a report reviewed: any change a person
    makes, except to the review flag itself or to the incident it is linked to (a move is
    recorded by pinning, archive.services.review)."""
    return any(f not in ("reviewed", "incident", "link_pinned") for f in changed_fields)


@transaction.atomic
def confirm_event(*, event: Event) -> Event:
    """The report is right as extracted (a rejected one comes back into its incident)."""
    was_rejected = event.rejected
    Event.objects.filter(pk=event.pk).update(reviewed=True, rejected=False,
                                             updated_at=timezone.now())
    event.refresh_from_db()
    if was_rejected:
        relink(event_ids=[event.pk])
    return event


@transaction.atomic
def correct_event(*, event: Event, **values) -> Event:
    """Set corrected values (only CORRECTABLE fields); the report becomes reviewed and is
    re-linked, so its incident's figures follow the correction."""
    unknown = set(values) - set(CORRECTABLE)
    if unknown:
        raise ValidationError(f"لا يمكن تصحيح هذه الحقول من الموقع: {', '.join(sorted(unknown))}")
    changed = [name for name, value in values.items() if getattr(event, name) != value]
    for name in changed:
        setattr(event, name, values[name])
        if name in ("killed_best", "wounded_best"):  # the range is the reviewer's figure
            prefix = name.removesuffix("_best")
            setattr(event, f"{prefix}_low", values[name])
            setattr(event, f"{prefix}_high", values[name])
    if "date" in changed:
        event.date_precision = (Event.DatePrecision.DAY if event.date
                                else Event.DatePrecision.UNKNOWN)
    event.full_clean(exclude=["article", "incident", "place", "evidence_start",
                              "evidence_end", "extractor_version"])
    event.reviewed = True
    event.rejected = False
    event.save()
    relink(event_ids=[event.pk])
    event.refresh_from_db()
    return event


@transaction.atomic
def reject_event(*, event: Event) -> Event:
    """Keep the report, marked rejected and reviewed, outside every incident."""
    old_incident = event.incident_id
    Event.objects.filter(pk=event.pk).update(
        reviewed=True, rejected=True, incident=None, link_pinned=False,
        updated_at=timezone.now())
    refresh_incidents(incident_ids=[old_incident])
    event.refresh_from_db()
    return event


@transaction.atomic
def confirm_incident(*, incident: Incident) -> Incident:
    """The incident and every one of its reports are right as they stand."""
    Event.objects.filter(incident=incident).update(reviewed=True, updated_at=timezone.now())
    Incident.objects.filter(pk=incident.pk).update(reviewed=True, updated_at=timezone.now())
    incident.refresh_from_db()
    return incident


@transaction.atomic
def reject_incident(*, incident: Incident) -> int:
    """Reject every report of the incident (the emptied incident is deleted; the reports
    are kept, marked rejected). Returns how many reports were rejected."""
    ids = list(incident.events.values_list("id", flat=True))
    Event.objects.filter(id__in=ids).update(
        reviewed=True, rejected=True, incident=None, link_pinned=False,
        updated_at=timezone.now())
    refresh_incidents(incident_ids=[incident.pk])
    return len(ids)
