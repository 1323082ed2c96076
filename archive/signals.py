"""Deletions leave tombstones (so API users keeping a copy in sync learn of them), and an
incident whose report was deleted, however (an article deleted in the admin, a report
re-extraction no longer finds), has its figures recomputed. An event keeps a copy of
its evidence's text (`Event.evidence`, what the CSV export reads) through every save
and every edit of its article's text; bulk writes set it themselves. So with its article's
outlet (`Event.outlet`): an edited outlet is copied to the article's events, and their
incidents count it. A renamed actor's events get its new name in their CSV cells
(archive/services/actor_cells.py)."""
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from archive.models import Actor, Article, Deletion, Event, EventActor, Incident, Place


@receiver(pre_save, sender=Event, dispatch_uid="marsad-event-evidence")
def evidence_copied(sender, instance, update_fields=None, **kwargs):
    """A new event, or a full save (`Event.save` names every field but the actor rows'
    copies), copies its evidence; a save of some other fields leaves it."""
    if update_fields is None or "evidence" in update_fields:
        instance.evidence = instance.evidence_text


@receiver(post_save, sender=Article, dispatch_uid="marsad-article-text")
def article_text_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "text" not in update_fields):
        return
    stale = []
    for event in instance.events.only("id", "evidence_start", "evidence_end", "evidence"):
        if event.evidence != (text := instance.text[event.evidence_start:event.evidence_end]):
            event.evidence = text
            stale.append(event)
    Event.objects.bulk_update(stale, ["evidence"])


@receiver(post_save, sender=Article, dispatch_uid="marsad-article-outlet")
def article_outlet_saved(sender, instance, created, update_fields=None, **kwargs):
    """An article saved one at a time (the admin, a script) with another outlet: its
    events' copies (their `updated_at` too: the API shows the outlet, and the cached
    pages and figures follow the latest change), then their incidents' outlets (counts,
    grade, CSV cells)."""
    from archive.services.linking import refresh_incidents

    if created or (update_fields is not None and "outlet" not in update_fields):
        return
    stale = list(Event.objects.filter(article_id=instance.pk).exclude(
        outlet=instance.outlet).values_list("id", "incident_id"))
    if stale:
        Event.objects.filter(id__in=[pk for pk, _ in stale]).update(
            outlet=instance.outlet, updated_at=timezone.now())
        refresh_incidents(incident_ids={incident for _, incident in stale})


@receiver(post_save, sender=EventActor, dispatch_uid="marsad-event-actor-saved")
def event_actor_saved(sender, instance, **kwargs):
    """An actor row saved one at a time (the admin's inline, tests): its event's names.
    Bulk writes refresh them themselves; the admin also after deleting rows."""
    from archive.services.actor_cells import refresh_actor_cells

    refresh_actor_cells(event_ids=[instance.event_id])


@receiver(post_save, sender=Actor, dispatch_uid="marsad-actor-renamed")
def actor_saved(sender, instance, created, **kwargs):
    """The events naming an actor edited one at a time (the admin) get its name."""
    from archive.services.actor_cells import refresh_actors_events

    if not created:
        refresh_actors_events(actor_ids=[instance.pk])


@receiver(post_delete, sender=Event, dispatch_uid="marsad-event-deleted")
def event_deleted(sender, instance, **kwargs):
    from archive.services.linking import refresh_incidents

    Deletion.objects.create(kind=Deletion.Kind.EVENT, object_id=instance.pk)
    if instance.incident_id is not None:
        refresh_incidents(incident_ids=[instance.incident_id])


@receiver(post_delete, sender=Incident, dispatch_uid="marsad-incident-deleted")
def incident_deleted(sender, instance, **kwargs):
    Deletion.objects.create(kind=Deletion.Kind.INCIDENT, object_id=instance.pk)


@receiver(post_save, sender=Actor, dispatch_uid="marsad-actor-saved")
@receiver(post_delete, sender=Actor, dispatch_uid="marsad-actor-deleted")
@receiver(post_save, sender=Place, dispatch_uid="marsad-place-saved")
@receiver(post_delete, sender=Place, dispatch_uid="marsad-place-deleted")
def names_changed(sender, **kwargs):
    """The pickers' in-memory names (archive.suggest) are rebuilt on their next use."""
    from archive.suggest import bump

    bump(sender)
