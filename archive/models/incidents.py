"""The incidents the events are linked into, and the tombstones of deleted events and
incidents."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.incident_queries import IncidentQuerySet
from archive.list_fields import ListField
from archive.models.articles import Event
from archive.models.reference import Place


class Incident(models.Model):
    """One real-world incident and the reports (events) that tell it; every figure is
    derived from its reports by `archive.services.incident_figures` (see the README)."""

    class Grade(models.TextChoices):
        SINGLE_SOURCE = "single_source", _("مصدر واحد")
        CORROBORATED = "corroborated", _("مؤكد من أكثر من مصدر")
        DISPUTED = "disputed", _("روايات متعارضة")

    family = models.CharField(max_length=20, db_index=True)
    type = models.CharField("النوع", max_length=20, choices=Event.Type.choices, db_index=True)
    date = models.DateField("التاريخ", null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        max_length=20, choices=Event.DatePrecision.choices, default=Event.DatePrecision.UNKNOWN
    )
    date_low = models.DateField(null=True, blank=True)
    date_high = models.DateField(null=True, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )
    killed_low = models.PositiveIntegerField(null=True, blank=True)
    killed_best = models.PositiveIntegerField("القتلى", null=True, blank=True)
    killed_high = models.PositiveIntegerField(null=True, blank=True)
    wounded_low = models.PositiveIntegerField(null=True, blank=True)
    wounded_best = models.PositiveIntegerField("الجرحى", null=True, blank=True)
    wounded_high = models.PositiveIntegerField(null=True, blank=True)
    # [{"id", "key", "name", "role", "reports"}], initiators first
    actors = models.JSONField(default=list, blank=True)
    outlets = models.JSONField(default=list, blank=True)
    n_reports = models.PositiveIntegerField("التقارير", default=0)
    n_outlets = models.PositiveIntegerField("المصادر", default=0)
    first_reported = models.DateField(null=True, blank=True)
    last_reported = models.DateField(null=True, blank=True)
    grade = models.CharField(max_length=20, choices=Grade.choices,
                             default=Grade.SINGLE_SOURCE, db_index=True)
    disputes = models.JSONField(default=list, blank=True)  # "killed", "wounded", "initiators"
    reviewed = models.BooleanField("تمت المراجعة", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # The CSV export's list cells, joined when the figures are written (incident_figures).
    csv_initiators = models.TextField(default="", editable=False)
    csv_targets = models.TextField(default="", editable=False)
    csv_outlets = models.TextField(default="", editable=False)
    csv_disputes = models.TextField(default="", editable=False)
    csv_report_ids = models.TextField(default="", editable=False)
    # What the facets count: its actors' ids (once, increasing) and `outlets` (incident_figures)
    actor_ids = ListField(item="bigint")
    outlet_names = ListField(item="text")

    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = "حادثة"
        verbose_name_plural = "الحوادث"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["killed_best"]), models.Index(fields=["place", "date"])]

    def __str__(self):
        return f"#{self.pk} {self.get_type_display()} — {self.place or '?'} ({self.n_reports})"


class Deletion(models.Model):
    """A tombstone: an event or incident that was deleted, so that API users keeping a
    copy in sync with `updated_since` learn about it."""

    class Kind(models.TextChoices):
        EVENT = "event", _("حدث")
        INCIDENT = "incident", _("حادثة")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "سجل حذف"
        verbose_name_plural = "سجل الحذف"
        indexes = [models.Index(fields=["kind", "deleted_at"])]

    def __str__(self):
        return f"{self.kind} #{self.object_id}"
