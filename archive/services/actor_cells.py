"""The events CSV's actor cells stored on each event (`Event.csv_initiators`,
`Event.csv_targets`): the names of its actors of each role in the order they were
linked, joined as archive/export.py writes them, so PostgreSQL's COPY reads two columns
instead of looking up every event's actors (archive/export_copy.py); and its actors' ids
(`Event.actor_ids`, once each, increasing), which PostgreSQL's actor filter and facet
read instead of the actor rows (EventQuerySet.involving, archive/event_listing.py). Set
on the event objects before bulk writes (storing, re-extraction), refreshed after the
admin's actor rows and an actor's new name (the admin, the reference loader)."""
from collections.abc import Iterable

from archive.models import Event, EventActor

SEPARATOR = "؛ "
SLICE = 500


def actor_cells(names: dict[str, list[str]]) -> dict:
    return {"csv_initiators": SEPARATOR.join(names.get("initiator", [])),
            "csv_targets": SEPARATOR.join(names.get("target", []))}


def set_actor_cells(links: Iterable[EventActor]) -> None:
    """Before a bulk write: each event object's cells and ids from its new actor rows, in
    the order they will be inserted (an event without any keeps empty cells)."""
    names: dict[int, tuple[Event, dict[str, list[str]], set[int]]] = {}
    for link in links:
        event, by_role, ids = names.setdefault(id(link.event), (link.event, {}, set()))
        by_role.setdefault(link.role, []).append(link.actor.name_ar)
        ids.add(link.actor.pk)
    for event, by_role, ids in names.values():
        for field, value in actor_cells(by_role).items():
            setattr(event, field, value)
        event.actor_ids = sorted(ids)


def refresh_actor_cells(*, event_ids: Iterable[int]) -> None:
    """Recompute these events' actor cells and ids from their actor rows."""
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), SLICE):
        part = ids[start:start + SLICE]
        names: dict[int, dict[str, list[str]]] = {pk: {} for pk in part}
        actors: dict[int, set[int]] = {pk: set() for pk in part}
        for event_id, role, actor_id, name in EventActor.objects.filter(
                event_id__in=part).order_by("id").values_list(
                "event_id", "role", "actor_id", "actor__name_ar"):
            names[event_id].setdefault(role, []).append(name)
            actors[event_id].add(actor_id)
        Event.objects.bulk_update([Event(id=pk, **actor_cells(by_role),
                                         actor_ids=sorted(actors[pk]))
                                   for pk, by_role in names.items()],
                                  ["csv_initiators", "csv_targets", "actor_ids"])


def refresh_actors_events(*, actor_ids: Iterable[int]) -> None:
    """After actors were renamed: the cells of every event that names them."""
    refresh_actor_cells(event_ids=EventActor.objects.filter(
        actor_id__in=list(actor_ids)).values_list("event_id", flat=True).distinct())
