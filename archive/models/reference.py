"""The reference tables: the gazetteer's places and the lexicon's actors."""
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from archive.querysets import PlaceQuerySet


class Place(models.Model):
    """A place of the gazetteer, or one the extractor found in text (a village it
    had never seen). `path` is the chain of ids from the country down, so that a
    governorate's filter reaches the events of its districts and villages with one
    indexed `startswith`."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("دولة")
        GOVERNORATE = "governorate", _("محافظة")
        DISTRICT = "district", _("قضاء / منطقة")
        SUBDISTRICT = "subdistrict", _("ناحية")
        CITY = "city", _("مدينة")
        VILLAGE = "village", _("قرية")
        AREA = "area", _("منطقة")

    key = models.CharField(
        max_length=120, unique=True, help_text="Stable id from the gazetteer, e.g. iq.kirkuk"
    )
    name_ar = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("English name", max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AREA)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=500, db_index=True, editable=False, default="/")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    from_gazetteer = models.BooleanField(default=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "مكان"
        verbose_name_plural = "الأماكن"
        ordering = ["name_ar"]
        indexes = [models.Index(fields=["kind", "name_ar"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name_ar

    def save(self, *args, **kwargs):
        self.path = f"{self.parent.path if self.parent_id else '/'}{self.key}/"
        super().save(*args, **kwargs)

    def ancestors(self) -> list["Place"]:
        """Enclosing places, smallest first (one query)."""
        keys = [k for k in self.path.strip("/").split("/")[:-1] if k]
        by_key = {p.key: p for p in Place.objects.filter(key__in=keys)}
        return [by_key[k] for k in reversed(keys) if k in by_key]


class Actor(models.Model):
    class Kind(models.TextChoices):
        STATE_FORCE = "state_force", _("قوات حكومية")
        ARMED_GROUP = "armed_group", _("جماعة مسلحة")
        COALITION = "coalition", _("تحالف")
        MILITIA = "militia", _("ميليشيا")
        OTHER = "other", _("أخرى")

    key = models.CharField(max_length=120, unique=True)
    name_ar = models.CharField("الاسم", max_length=200)
    name_en = models.CharField("English name", max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    aliases = models.JSONField(default=list, blank=True)
    from_lexicon = models.BooleanField(default=True)

    class Meta:
        verbose_name = "جهة"
        verbose_name_plural = "الجهات"
        ordering = ["name_ar"]
        indexes = [models.Index(fields=["kind", "name_ar"])]

    def __str__(self):
        return self.name_ar
