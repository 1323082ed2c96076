"""Places the extractor found in text get the article's spelling as their name (it
stored its folded search key, «سديره» for «سديرة»), and duplicates of one place under
one parent (the same name once folded) become one: events, incidents and child places
move to the kept row (the gazetteer's, else the oldest) before the others are deleted."""
from django.db import migrations

from archive.names import as_written
from extraction.normalise import fold


def _written(place) -> str:
    return as_written(place.name_ar, place.aliases)


def names_as_written(apps, schema_editor):
    Place = apps.get_model("archive", "Place")
    for place in Place.objects.filter(from_gazetteer=False).iterator():
        written = _written(place)
        if written != place.name_ar:
            Place.objects.filter(pk=place.pk).update(name_ar=written[:200])


def merge_duplicates(apps, schema_editor):
    Place = apps.get_model("archive", "Place")
    Event = apps.get_model("archive", "Event")
    Incident = apps.get_model("archive", "Incident")
    groups: dict[tuple, list] = {}
    for place in Place.objects.exclude(parent=None).order_by("id").iterator():
        groups.setdefault((place.parent_id, fold(place.name_ar)), []).append(place)
    for places in groups.values():
        if len(places) < 2:
            continue
        places.sort(key=lambda p: (not p.from_gazetteer, p.id))
        keep, others = places[0], places[1:]
        for other in others:
            if Place.objects.filter(parent_id__in=Place.objects.filter(parent=other)
                                    .values("id")).exists():
                continue  # grandchildren: left for a person (their paths would change)
            Event.objects.filter(place=other).update(place=keep)
            Incident.objects.filter(place=other).update(place=keep)
            for child in Place.objects.filter(parent=other):
                Place.objects.filter(pk=child.pk).update(
                    parent=keep, path=f"{keep.path}{child.key}/")
            aliases = sorted({*(keep.aliases or []), other.name_ar, *(other.aliases or [])}
                             - {keep.name_ar})
            Place.objects.filter(pk=keep.pk).update(aliases=aliases)
            keep.aliases = aliases
            other.delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_review_and_names")]

    operations = [
        migrations.RunPython(names_as_written, migrations.RunPython.noop),
        migrations.RunPython(merge_duplicates, migrations.RunPython.noop),
    ]
