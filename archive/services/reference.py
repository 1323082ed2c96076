"""Load the reference data (the gazetteer's places, the lexicon's actors) into the
database by key, in bulk, parents before children. Rows already there are edits staff may
have made in the admin: they are kept unless the caller asks to overwrite them."""
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from archive.models import Actor, Place
from archive.services.actor_cells import refresh_actors_events
from extraction import types

PLACE_FIELDS = ("name_ar", "name_en", "kind", "latitude", "longitude", "aliases",
                "from_gazetteer")
ACTOR_FIELDS = ("name_ar", "name_en", "kind", "aliases", "from_lexicon")
BATCH = 1000


@dataclass(frozen=True)
class ReferenceSummary:
    places_created: int
    places_updated: int
    actors_created: int
    actors_updated: int


def _depths(records: dict[str, types.PlaceRecord]) -> dict[str, int]:
    """How deep each place sits (0 for a country); ValueError on a loop."""
    depth: dict[str, int] = {}
    for key in records:
        chain, current = [], key
        while current is not None and current in records and current not in depth:
            if current in chain:
                raise ValueError(f"place {current!r} is its own ancestor")
            chain.append(current)
            current = records[current].parent
        base = depth.get(current, -1) if current in records else -1
        for offset, item in enumerate(reversed(chain), start=1):
            depth[item] = base + offset
    return depth


def _place_values(record: types.PlaceRecord) -> dict:
    return {
        "name_ar": record.name, "name_en": record.name_en, "kind": record.kind,
        "latitude": record.lat, "longitude": record.lon, "aliases": list(record.aliases),
        "from_gazetteer": True,
    }


def upsert_places(
    records: Iterable[types.PlaceRecord], *, overwrite: bool = False
) -> tuple[int, int]:
    """Create places by key (bulk, one depth level at a time), update existing ones when
    `overwrite`, and recompute every path. Returns (created, updated)."""
    by_key = {r.key: r for r in records}
    depth = _depths(by_key)
    existing = Place.objects.in_bulk(by_key.keys(), field_name="key")
    created = updated = 0
    for level in sorted(set(depth.values())):
        keys = [k for k, d in depth.items() if d == level]
        parents = Place.objects.in_bulk(
            {by_key[k].parent for k in keys if by_key[k].parent}, field_name="key"
        )
        new, changed = [], []
        for key in keys:
            values = _place_values(by_key[key])
            parent = parents.get(by_key[key].parent)
            place = existing.get(key)
            values["path"] = f"{parent.path if parent else '/'}{key}/"
            if place is None:
                new.append(Place(key=key, parent=parent, **values))
            elif overwrite and (place.parent_id != (parent.pk if parent else None) or any(
                getattr(place, f) != v for f, v in values.items()
            )):
                place.parent = parent
                for f, v in values.items():
                    setattr(place, f, v)
                changed.append(place)
        Place.objects.bulk_create(new, batch_size=BATCH)
        Place.objects.bulk_update(changed, [*PLACE_FIELDS, "parent", "path"], batch_size=BATCH)
        created, updated = created + len(new), updated + len(changed)
    recompute_paths()  # places under a moved one (the extractor's own, say) follow it
    return created, updated


def recompute_paths() -> int:
    """Set every place's materialised path from its parents; returns how many changed."""
    rows = {pk: (key, parent, path)
            for pk, key, parent, path in Place.objects.values_list("pk", "key", "parent", "path")}
    paths: dict[int, str] = {}

    def path_of(pk: int) -> str:
        chain = []
        while pk is not None and pk not in paths and pk not in chain:
            chain.append(pk)
            pk = rows[pk][1]
        prefix = paths.get(pk, "/") if pk is not None else "/"
        for item in reversed(chain):
            prefix = paths[item] = f"{prefix}{rows[item][0]}/"
        return paths[chain[0]] if chain else prefix

    changed = [Place(pk=pk, path=path_of(pk)) for pk in rows]
    changed = [p for p in changed if p.path != rows[p.pk][2]]
    Place.objects.bulk_update(changed, ["path"], batch_size=BATCH)
    return len(changed)


def upsert_actors(
    records: Iterable[types.ActorRecord], *, overwrite: bool = False
) -> tuple[int, int]:
    by_key = {r.key: r for r in records}
    existing = Actor.objects.in_bulk(by_key.keys(), field_name="key")
    new, changed, renamed = [], [], set()
    for key, record in by_key.items():
        values = {"name_ar": record.name, "name_en": record.name_en, "kind": record.kind,
                  "aliases": list(record.aliases), "from_lexicon": True}
        actor = existing.get(key)
        if actor is None:
            new.append(Actor(key=key, **values))
        elif overwrite and any(getattr(actor, f) != v for f, v in values.items()):
            if actor.name_ar != record.name:
                renamed.add(actor.pk)
            for f, v in values.items():
                setattr(actor, f, v)
            changed.append(actor)
    Actor.objects.bulk_create(new, batch_size=BATCH)
    Actor.objects.bulk_update(changed, ACTOR_FIELDS, batch_size=BATCH)
    refresh_actors_events(actor_ids=[a.pk for a in changed if a.pk in renamed])
    return len(new), len(changed)


@transaction.atomic
def load_reference(
    *,
    places: Iterable[types.PlaceRecord] | None = None,
    actors: Iterable[types.ActorRecord] | None = None,
    overwrite: bool = False,
) -> ReferenceSummary:
    """Add the gazetteer's places and the lexicon's actors (by default from `extraction`)
    that the database lacks; with `overwrite`, also reset existing rows to the files."""
    if places is None:
        from extraction.gazetteer import load_places

        places = load_places()
    if actors is None:
        from extraction.lexicon import load_actors

        actors = load_actors()
    places_created, places_updated = upsert_places(places, overwrite=overwrite)
    actors_created, actors_updated = upsert_actors(actors, overwrite=overwrite)
    return ReferenceSummary(places_created, places_updated, actors_created, actors_updated)
