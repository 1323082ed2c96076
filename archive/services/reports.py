"""The linking view of an event ("a report"): the few facts linking compares, read in
bulk, and the rule that says whether two reports can tell the same incident."""
import datetime as dt
from dataclasses import dataclass

from archive.models import Event, EventActor

# Reports of one incident use neighbouring words for it: a strike is "an air raid" in one
# outlet and "shelling" in the next, a bombing "an attack" or "an explosion".
FAMILIES = {
    "airstrike": "bombardment", "shelling": "bombardment",
    "explosion": "violence", "attack": "violence", "armed_clash": "violence",
    "territory": "territory", "arrest": "arrest", "protest": "protest",
}
FAMILY_TYPES = {family: tuple(t for t, f in FAMILIES.items() if f == family)
                for family in set(FAMILIES.values())}

# Dates. A report dated to the day links only to reports of that same day. A report the
# extractor could not date is placed at its article's publication date ("anchored"): the
# incident happened that day or up to PUBLICATION_LAG days before; two anchored reports
# link when published at most PUBLICATION_SPREAD days apart.
PUBLICATION_LAG = 2
PUBLICATION_SPREAD = 1
WINDOW = dt.timedelta(days=PUBLICATION_LAG)


def link_date(*, date: dt.date | None, precision: str, published: dt.date | None):
    """The date a report is linked by, and whether it is its publication date."""
    if date is not None and precision == Event.DatePrecision.DAY:
        return date, False
    if published is not None:
        return published, True
    return date, False


@dataclass
class Report:
    id: int
    incident_id: int | None
    pinned: bool
    type: str
    date: dt.date | None  # the link date
    anchored: bool  # the link date is the publication date
    path: str  # the place's materialised path, "" when the report names no place
    place_id: int | None
    sort_key: tuple  # canonical order: the same whatever order articles arrived in
    killed: tuple
    wounded: tuple
    published: dt.date | None
    outlet: str
    initiators: frozenset = frozenset()
    targets: frozenset = frozenset()
    named_initiators: frozenset = frozenset()  # initiators from the reference lexicon
    named_targets: frozenset = frozenset()
    actor_rows: tuple = ()  # (role, actor id, key, name)
    stored_date: object = None  # Event.link_date as stored (the index reads it)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.type, self.type)


FIELDS = ("id", "incident_id", "link_pinned", "type", "date", "date_precision",
          "article__published", "place_id", "place__path", "article__content_hash",
          "evidence_start", "evidence_end", "killed_low", "killed_best", "killed_high",
          "wounded_low", "wounded_best", "wounded_high", "article__outlet", "link_date")


def load_reports(events) -> dict[int, Report]:
    """Reports for an Event queryset (two queries), by event id. Rejected reports are
    never loaded: they link to nothing (archive.services.event_review)."""
    reports = {}
    rows = events.exclude(rejected=True).order_by().values_list(*FIELDS)
    for (pk, incident_id, pinned, type_, date, precision, published, place_id, path,
         digest, start, end, *figures, outlet, stored) in rows:
        day, anchored = link_date(date=date, precision=precision, published=published)
        reports[pk] = Report(
            id=pk, incident_id=incident_id, pinned=pinned, type=type_, date=day,
            anchored=anchored, path=path or "", place_id=place_id,
            sort_key=(day or dt.date.min, path or "", digest, start, end, type_),
            killed=tuple(figures[:3]), wounded=tuple(figures[3:]), published=published,
            outlet=outlet or "", stored_date=stored,
        )
    _add_actors(reports)
    return reports


def _add_actors(reports: dict[int, Report]) -> None:
    rows = EventActor.objects.filter(event_id__in=list(reports)).order_by("id").values_list(
        "event_id", "role", "actor_id", "actor__key", "actor__name_ar", "actor__from_lexicon")
    found: dict[int, list] = {}
    for event_id, role, actor_id, key, name, from_lexicon in rows:
        found.setdefault(event_id, []).append((role, actor_id, key, name, from_lexicon))
    for event_id, actors in found.items():
        report = reports[event_id]
        report.actor_rows = tuple(a[:4] for a in actors)
        report.initiators = frozenset(a[1] for a in actors if a[0] == "initiator")
        report.targets = frozenset(a[1] for a in actors if a[0] == "target")
        report.named_initiators = frozenset(a[1] for a in actors if a[0] == "initiator" and a[4])
        report.named_targets = frozenset(a[1] for a in actors if a[0] == "target" and a[4])


def ancestor_paths(path: str) -> list[str]:
    """"/iq/iq.kirkuk/x.v/" -> ["/iq/", "/iq/iq.kirkuk/"] (the enclosing places' paths)."""
    keys = [k for k in path.strip("/").split("/") if k]
    return ["/" + "/".join(keys[:i]) + "/" for i in range(1, len(keys))]


def nested(a: str, b: str) -> bool:
    """The same place, or one inside the other (never two different towns)."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def dates_agree(a: Report, b: Report) -> bool:
    if a.date is None or b.date is None:
        return False
    if a.anchored and b.anchored:
        return abs((a.date - b.date).days) <= PUBLICATION_SPREAD
    if a.anchored:
        return 0 <= (a.date - b.date).days <= PUBLICATION_LAG
    if b.anchored:
        return 0 <= (b.date - a.date).days <= PUBLICATION_LAG
    return a.date == b.date


def actors_contradict(a: Report, b: Report) -> bool:
    """One report's attacker is the other's target (sides of a clash are symmetric), or
    both name known attackers AND known targets and neither pair shares anyone."""
    clash = a.type == b.type == Event.Type.ARMED_CLASH
    if not clash and (a.initiators & b.targets or a.targets & b.initiators):
        return True
    return bool(
        a.named_initiators and b.named_initiators and not a.named_initiators & b.named_initiators
        and a.named_targets and b.named_targets and not a.named_targets & b.named_targets
    )


def compatible(a: Report, b: Report) -> bool:
    """Can a and b tell the same incident? Same type family, nested places, dates in the
    window, no contradicting actors."""
    return (a.family == b.family and nested(a.path, b.path) and dates_agree(a, b)
            and not actors_contradict(a, b))


def candidate_ids(report: Report) -> list[int]:
    """Ids of the stored events that might be compatible with `report`: one read of the
    (place, link_date) index for the places nested with the report's place and the date
    window, so its cost depends on how busy that place and week are, not on the
    archive's size. The type family is checked here, in Python: a type condition in the
    query tempts a planner without statistics (SQLite) into scanning a type's index."""
    from django.db.models import Q

    from archive.models import Place

    if report.date is None or not report.path:
        return []
    nested_places = Place.objects.filter(
        Q(path__startswith=report.path) | Q(path__in=ancestor_paths(report.path))
    ).values("id")
    rows = Event.objects.filter(
        place_id__in=nested_places, link_date__range=(report.date - WINDOW, report.date + WINDOW),
    ).order_by().values_list("id", "type")
    family = FAMILY_TYPES[report.family]
    return [pk for pk, type_ in rows if type_ in family and pk != report.id]
