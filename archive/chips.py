"""The filters as a reader sees them: one removable chip per active criterion, and URLs
that carry only what is set (a query with empty fields is redirected to its canonical
form, so links, bookmarks and the CSV link never repeat `?q=&actor=&…`)."""
import functools
from dataclasses import dataclass

from django.http import QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from archive.models import Actor, Event, Place

# Parameters that never make a chip (they order or page the same set).
NOT_CRITERIA = {"sort", "page", "page_size", "unit"}


@dataclass(frozen=True)
class Chip:
    name: str
    value: str
    label: str
    remove: str  # the query string without this one value


def canonical(params: QueryDict) -> QueryDict:
    """The same query without empty values."""
    clean = QueryDict(mutable=True)
    for key, values in params.lists():
        kept = [v for v in values if v.strip()]
        if kept:
            clean.setlist(key, kept)
    return clean


def canonical_query(view):
    """Redirect a GET carrying empty fields to the same page without them."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        clean = canonical(request.GET)
        if clean.urlencode() != request.GET.urlencode():
            query = clean.urlencode()
            return redirect(request.path + (f"?{query}" if query else ""))
        return view(request, *args, **kwargs)
    return wrapper


def _without(params: QueryDict, name: str, value: str) -> str:
    rest = params.copy()
    rest.setlist(name, [v for v in rest.getlist(name) if v != value])
    rest.pop("page", None)
    query = canonical(rest).urlencode()
    return f"?{query}" if query else "?"


def _labels(actors: list[Actor], place: Place | None) -> dict[str, dict[str, str]]:
    from archive.filters import REVIEW_CHOICES
    from archive.templatetags.marsad import name

    return {
        "actor": {str(actor.pk): name(actor) for actor in actors},
        "place": {str(place.pk): _("%(name)s وما يتبعه") % {"name": name(place)}}
        if place else {},
        "type": {k: str(v) for k, v in Event.Type.choices},
        "review": {k: str(v) for k, v in REVIEW_CHOICES},
    }


def active_chips(filterset, params: QueryDict, *, actors: list[Actor],
                 place: Place | None) -> list[Chip]:
    """One chip per set value of a valid filter form, in the form's order (the chosen
    actors and place are the form's, already read)."""
    if not filterset.is_bound or filterset.errors:
        return []
    labels = _labels(actors, place)
    chips = []
    for name, field in filterset.form.fields.items():
        if name in NOT_CRITERIA:
            continue
        for value in params.getlist(name):
            if not value.strip():
                continue
            shown = labels.get(name, {}).get(value, value)
            chips.append(Chip(name=name, value=value, label=f"{field.label}: {shown}",
                              remove=_without(params, name, value)))
    return chips


def facets_in_english(facets: dict) -> dict:
    """Facet rows with `label`: the English name, else a transliteration (English
    pages; two small queries for at most a dozen ids each)."""
    from archive.transliterate import transliterate

    for kind, model in (("actors", Actor), ("places", Place)):
        rows = facets.get(kind) or []
        english = dict(model.objects.filter(id__in=[r[f"{kind[:-1]}_id"] for r in rows])
                       .values_list("id", "name_en"))
        for row in rows:
            row["label"] = english.get(row[f"{kind[:-1]}_id"]) or transliterate(
                row[f"{kind[:-1]}__name_ar"])
    return facets


def carried_chips(params: QueryDict) -> list[Chip]:
    """The table's filters a reader brought to an actor or place page (shown there, and
    kept by its links back to the table); none when they are not valid filters."""
    from archive.filters import EventFilter

    if not canonical(params):
        return []
    filterset = EventFilter(params, queryset=Event.objects.none())
    if not filterset.is_valid():
        return []
    data = filterset.form.cleaned_data
    return active_chips(filterset, params, actors=list(data.get("actor") or []),
                        place=data.get("place"))
