"""The ingestion batches, the articles and the events (reports) extracted from them,
with the actors each event names."""
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from archive.list_fields import ListField
from archive.models.reference import Actor, Place
from archive.querysets import ArticleQuerySet, EventQuerySet


class IngestionBatch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("في الانتظار")
        RUNNING = "running", _("قيد التنفيذ")
        DONE = "done", _("اكتمل")
        INTERRUPTED = "interrupted", _("توقف")
        FAILED = "failed", _("فشل")
        CANCELLED = "cancelled", _("أُلغي")

    class Kind(models.TextChoices):
        INGEST = "ingest", _("إدخال")
        REEXTRACT = "reextract", _("إعادة استخراج")

    source = models.CharField(_("الملفات أو المسارات"), max_length=500,
                              help_text=_("مسارات سطر الأوامر أو الملف المرفوع"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        verbose_name=_("أنشأها"),
    )
    started_at = models.DateTimeField(_("بدأت"), auto_now_add=True)
    finished_at = models.DateTimeField(_("انتهت"), null=True, blank=True)
    status = models.CharField(_("الحالة"), max_length=20, choices=Status.choices,
                              default=Status.RUNNING)
    extractor_version = models.CharField(_("نسخة المستخرج"), max_length=40, blank=True)
    n_new = models.PositiveIntegerField(_("جديدة"), default=0)
    n_duplicate = models.PositiveIntegerField(_("مكررة"), default=0)
    n_failed = models.PositiveIntegerField(_("مرفوضة"), default=0)
    n_unextracted = models.PositiveIntegerField(
        _("بلا أحداث"), default=0,
        help_text=_("مقالات جديدة خُزنت دون أحداث: تعذر استخراجها"),
    )
    # [{"file": ..., "line": ..., "message": ...}], one per rejected record or warning
    errors = models.JSONField(default=list, blank=True)
    # Who runs it ("host:pid") and when it last saved: a batch whose worker died is found
    # and marked interrupted (archive.services.batches).
    worker = models.CharField(_("العامل"), max_length=200, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("آخر نبضة"), null=True, blank=True, editable=False)
    # A background job's (archive/services/upload_jobs.py): what it works on (an uploaded
    # file kept under MARSAD_UPLOAD_DIR, or the articles to re-extract), how far it got
    # (`done` of `total` records or articles, since `running_since`), and a cancel request.
    kind = models.CharField(_("نوع المهمة"), max_length=20, choices=Kind.choices,
                            default=Kind.INGEST)
    upload_path = models.CharField(max_length=1000, blank=True, editable=False)
    article_ids = models.JSONField(default=list, blank=True, editable=False)
    total = models.PositiveIntegerField(_("المجموع"), null=True, blank=True)
    done = models.PositiveIntegerField(_("أنجز"), default=0)
    running_since = models.DateTimeField(_("يعمل منذ"), null=True, blank=True, editable=False)
    cancel_requested = models.BooleanField(default=False)
    # A re-extraction's tallies of events: added, removed, kept_reviewed, found_again.
    event_counts = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = "دفعة إدخال"
        verbose_name_plural = "دفعات الإدخال"
        ordering = ["-started_at"]

    def __str__(self):
        return f"#{self.pk} {self.source} ({self.get_status_display()})"


class Article(models.Model):
    external_id = models.CharField(max_length=200, blank=True, db_index=True)
    title = models.CharField("العنوان", max_length=1000, blank=True)
    text = models.TextField("النص")
    outlet = models.CharField("المصدر", max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField("تاريخ النشر", null=True, blank=True, db_index=True)
    language = models.CharField(max_length=10, default="ar")
    # archive.content_key: what makes two articles the same (not the extractor's folding)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True, db_index=True)
    batch = models.ForeignKey(
        IngestionBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # The title and text folded by archive.search.search_document (the same function
    # folds queries); indexed by the search migrations on each backend.
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # The extractor that last ran on the article, and its error when it failed (the
    # article is kept, without events, until `ingest --reextract --failed` succeeds).
    extractor_version = models.CharField(max_length=40, blank=True, editable=False)
    extraction_error = models.TextField(blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "مقالة"
        verbose_name_plural = "المقالات"
        ordering = ["-published", "-id"]
        indexes = [
            models.Index(fields=["id"], condition=~Q(extraction_error=""),
                         name="article_extraction_failed"),
        ]

    def __str__(self):
        return self.title or self.text[:80]


class Event(models.Model):
    class Type(models.TextChoices):
        AIRSTRIKE = "airstrike", _("غارة جوية")
        SHELLING = "shelling", _("قصف")
        EXPLOSION = "explosion", _("تفجير")
        ARMED_CLASH = "armed_clash", _("اشتباك مسلح")
        ATTACK = "attack", _("هجوم")
        TERRITORY = "territory", _("سيطرة على أرض")
        ARREST = "arrest", _("اعتقال")
        PROTEST = "protest", _("احتجاج")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("يوم")
        MONTH = "month", _("شهر")
        YEAR = "year", _("سنة")
        PUBLICATION = "publication", _("تاريخ النشر")
        UNKNOWN = "unknown", _("غير معروف")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    type = models.CharField("النوع", max_length=20, choices=Type.choices, db_index=True)
    date = models.DateField("التاريخ", null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        max_length=20, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_text = models.CharField(max_length=200, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    place_text = models.CharField(max_length=200, blank=True)
    killed_best = models.PositiveIntegerField("القتلى", null=True, blank=True)
    killed_low = models.PositiveIntegerField(null=True, blank=True)
    killed_high = models.PositiveIntegerField(null=True, blank=True)
    wounded_best = models.PositiveIntegerField("الجرحى", null=True, blank=True)
    wounded_low = models.PositiveIntegerField(null=True, blank=True)
    wounded_high = models.PositiveIntegerField(null=True, blank=True)
    evidence_start = models.PositiveIntegerField()
    evidence_end = models.PositiveIntegerField()
    # CSV cells: the span's text (archive/signals.py), actors' names (services/actor_cells)
    evidence = models.TextField(default="", editable=False)
    csv_initiators = models.TextField(default="", editable=False)
    csv_targets = models.TextField(default="", editable=False)
    # Its actors' ids, once each, increasing: PostgreSQL's actor filter (a GIN index,
    # migration 0017) and actor facet read them instead of the actor rows.
    actor_ids = ListField(item="bigint")
    # Its article's outlet (migration 0019), so PostgreSQL's events statement counts the
    # outlet facet and applies the outlet filter without joining archive_article: set by
    # `save` from the stored article, by the bulk writers from the article they store,
    # and after an article's outlet is edited (archive/signals.py).
    outlet = models.CharField(max_length=200, blank=True, default="", editable=False)
    confidence = models.FloatField(default=0.5)
    extractor_version = models.CharField(max_length=40)
    reviewed = models.BooleanField(
        "تمت المراجعة", default=False, help_text="Re-extraction never replaces a reviewed event."
    )
    # A person judged the report wrong (archive.services.event_review): it is kept, but
    # leaves its incident, the totals and linking.
    rejected = models.BooleanField("مرفوض", default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    actors = models.ManyToManyField(Actor, through="EventActor", related_name="events")
    # Linking (archive/services/linking.py): the incident this report tells, the date
    # it is linked by (its own day, else its article's publication date) and whether a
    # person put it there (re-linking never moves a pinned report).
    incident = models.ForeignKey(
        "Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    link_date = models.DateField(null=True, blank=True, editable=False)
    link_pinned = models.BooleanField(
        "ربط راجعه شخص", default=False, help_text="Re-linking never moves a pinned report."
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "تقرير حدث"
        verbose_name_plural = "تقارير الأحداث"
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["killed_best"]),
            models.Index(fields=["wounded_best"]),
            models.Index(fields=["place", "date"]),
            models.Index(fields=["article", "reviewed"]),
            models.Index(fields=["place", "link_date"]),
        ]
        constraints = [
            *[
                models.CheckConstraint(condition=cond, name=f"event_{field}_{rule}")
                for field in ("killed", "wounded")
                for rule, cond in (
                    ("low_le_best", Q(**{f"{field}_low__isnull": True})
                     | Q(**{f"{field}_best__isnull": True})
                     | Q(**{f"{field}_low__lte": F(f"{field}_best")})),
                    ("best_le_high", Q(**{f"{field}_high__isnull": True})
                     | Q(**{f"{field}_best__isnull": True})
                     | Q(**{f"{field}_best__lte": F(f"{field}_high")})),
                    ("low_le_high", Q(**{f"{field}_high__isnull": True})
                     | Q(**{f"{field}_low__isnull": True})
                     | Q(**{f"{field}_low__lte": F(f"{field}_high")})),
                )
            ],
            models.CheckConstraint(
                condition=Q(evidence_start__lte=F("evidence_end")), name="event_evidence_span"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1), name="event_confidence_range"
            ),
        ]

    def __str__(self):
        return f"{self.get_type_display()} — {self.place or self.place_text or '?'}"

    # Copies of the actor rows, written with a new row and by archive/services/actor_cells.py
    # only: a full save of an event read before its actors changed keeps the current ones.
    FROM_ACTOR_ROWS = ("csv_initiators", "csv_targets", "actor_ids")

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None and not (
                kwargs.get("force_insert")):
            kwargs["update_fields"] = [f.name for f in self._meta.concrete_fields
                                       if not f.primary_key
                                       and f.name not in self.FROM_ACTOR_ROWS]
        fields = kwargs.get("update_fields")
        if fields is None or {"article", "article_id", "outlet"} & set(fields):
            # read from the database, not from a cached article that may predate an edit
            self.outlet = Article.objects.filter(pk=self.article_id).values_list(
                "outlet", flat=True).first() or ""
            if fields is not None and "outlet" not in fields:
                kwargs["update_fields"] = [*fields, "outlet"]
        super().save(*args, **kwargs)

    @property
    def evidence_text(self) -> str:
        return self.article.text[self.evidence_start:self.evidence_end]


class EventActor(models.Model):
    class Role(models.TextChoices):
        INITIATOR = "initiator", _("المبادر")
        TARGET = "target", _("المستهدف")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=20, choices=Role.choices)
    surface = models.CharField(max_length=300, blank=True, help_text="The words in the text")

    class Meta:
        verbose_name = "طرف"
        verbose_name_plural = "الأطراف"
        constraints = [
            models.UniqueConstraint(fields=["event", "actor", "role"], name="event_actor_role_once")
        ]
        indexes = [models.Index(fields=["actor", "role"])]

    def __str__(self):
        return f"{self.actor} ({self.get_role_display()})"
