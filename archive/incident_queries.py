"""Reads of incidents: the QuerySet the incident listings, totals and timelines share."""
from django.db import models
from django.db.models import Count, F, Sum

from archive.querysets import RANGES, _in_range, _with_ranges

INCIDENT_SORTS = {
    "-date": [F("date").desc(nulls_last=True), "-id"],
    "date": [F("date").asc(nulls_last=True), "id"],
    "-killed": [F("killed_best").desc(nulls_last=True), "-id"],
    "killed": [F("killed_best").asc(nulls_last=True), "id"],
    "-wounded": [F("wounded_best").desc(nulls_last=True), "-id"],
    "wounded": [F("wounded_best").asc(nulls_last=True), "id"],
}


class IncidentQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(*INCIDENT_SORTS["-date"])

    def sorted_by(self, sort: str | None):
        return self.order_by(*INCIDENT_SORTS.get(sort or "-date", INCIDENT_SORTS["-date"]))

    def told_by(self, events):
        """The incidents at least one of these (filtered) events reports."""
        return self.filter(id__in=events.order_by().exclude(incident=None).values("incident_id"))

    def for_listing(self):
        return self.select_related("place", "place__parent")

    def totals(self) -> dict:
        return self.order_by().aggregate(
            n=Count("id"), killed=Sum("killed_best"), wounded=Sum("wounded_best"),
            reports=Sum("n_reports"))

    def totals_with_ranges(self) -> dict:
        """`totals()` plus how many incidents fall in each killed and wounded range."""
        counts = self.order_by().aggregate(
            n=Count("id"), killed=Sum("killed_best"), wounded=Sum("wounded_best"),
            reports=Sum("n_reports"),
            **{f"{field}_{lo}": Count("id", filter=_in_range(field, lo, hi))
               for field in ("killed", "wounded") for lo, hi in RANGES},
        )
        return {**_with_ranges(counts), "reports": counts["reports"] or 0}

    def timeline(self) -> list[dict]:
        """Incidents and killed per month, oldest first (months without any omitted)."""
        from django.db.models.functions import TruncMonth

        return list(
            self.exclude(date=None).order_by().annotate(month=TruncMonth("date"))
            .values("month").annotate(n=Count("id"), killed=Sum("killed_best"))
            .order_by("month")
        )
