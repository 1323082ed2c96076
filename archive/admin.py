"""The staff admin: articles, events, actors, places, incidents; ingestion batches (the
upload page and the jobs' pages) in archive/batch_admin.py. The "re-extract" action
queues a job over the selected articles (archive/services/upload_jobs.py)."""
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.http import HttpResponseRedirect
from django.urls import reverse

from archive import batch_admin  # noqa: F401 (registers IngestionBatchAdmin)
from archive.batch_messages import shown
from archive.models import Actor, Article, Event, EventActor, Incident, Place
from archive.services.actor_cells import refresh_actor_cells
from archive.services.event_review import edited_means_reviewed
from archive.services.linking import relink
from archive.services.review import merge_incidents, move_report, split_incident
from archive.services.upload_jobs import start_reextraction
from extraction.arabic import fold

admin.site.site_header = "مرصد"
admin.site.site_title = "مرصد"
admin.site.index_title = "إدارة أرشيف مرصد"


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_en", "kind", "parent", "key", "from_gazetteer"]
    list_filter = ["kind", "from_gazetteer"]
    search_fields = ["name_ar", "name_en", "key"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path"]
    show_full_result_count = False


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name_ar", "name_en", "kind", "key", "from_lexicon"]
    list_filter = ["kind", "from_lexicon"]
    search_fields = ["name_ar", "name_en", "key"]


class EventActorInline(admin.TabularInline):
    model = EventActor
    autocomplete_fields = ["actor"]
    extra = 0


class EventInline(admin.TabularInline):
    model = Event
    fields = ["type", "date", "place", "killed_best", "wounded_best", "reviewed"]
    autocomplete_fields = ["place"]
    show_change_link = True
    extra = 0


def _reextract(modeladmin, request, articles):
    """Queue the re-extraction and go to its batch page, where its progress shows."""
    batch = start_reextraction(article_ids=list(articles.values_list("pk", flat=True)),
                               user=request.user)
    batch.refresh_from_db()
    if batch.status == batch.Status.FAILED:
        modeladmin.message_user(request, shown(batch.errors[-1]["message"]),
                                messages.ERROR)
    else:
        modeladmin.message_user(request, f"وُضعت إعادة استخراج {batch.total} مقالة في الطابور.")
    return HttpResponseRedirect(reverse("admin:archive_ingestionbatch_change", args=[batch.pk]))


class ExtractionFilter(admin.SimpleListFilter):
    title = "الاستخراج"
    parameter_name = "extraction"

    def lookups(self, request, model_admin):
        return [("failed", "فشل الاستخراج (extraction failed)")]

    def queryset(self, request, queryset):
        return queryset.extraction_failed() if self.value() == "failed" else queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published", "ingested_at", "batch", "extraction"]
    list_filter = [ExtractionFilter, "outlet", "language"]
    search_fields = ["title", "external_id"]
    date_hierarchy = "published"
    raw_id_fields = ["batch"]
    readonly_fields = ["content_hash", "ingested_at", "search_text", "extractor_version",
                       "extraction"]
    exclude = ["search_vector"]
    inlines = [EventInline]
    actions = ["reextract_selected"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    show_full_result_count = False

    @admin.display(description="الاستخراج")
    def extraction(self, article):
        if article.extraction_error:
            return f"extraction failed: {article.extraction_error}"
        return "—"

    @admin.action(description="إعادة استخراج الأحداث من المقالات المحددة", permissions=["change"])
    def reextract_selected(self, request, queryset):
        return _reextract(self, request, queryset)

    def get_search_results(self, request, queryset, search_term):
        """Titles and ids as usual, and the text through the folded search text (so
        `هجمات` finds `الهجمات` and alef/hamza spellings match): PostgreSQL's full-text
        search (every word, or a longer word containing it), a substring elsewhere."""
        filtered = queryset
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        folded = " ".join(fold(search_term).split())
        if folded and connection.vendor == "postgresql":
            found = Article.objects.search(folded, ranked=False).values("id")
            queryset |= filtered.filter(id__in=found)
        elif folded:
            queryset |= filtered.filter(search_text__contains=folded)
        return queryset, may_have_duplicates


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["pk", "type", "date", "place", "killed_best", "wounded_best",
                    "confidence", "reviewed", "extractor_version", "article"]
    list_display_links = ["pk", "type"]
    list_editable = ["reviewed"]
    list_filter = ["type", "reviewed", "date_precision", "place__kind", "extractor_version"]
    list_select_related = ["place", "article"]
    search_fields = ["place_text", "place__name_ar", "date_text"]
    date_hierarchy = "date"
    raw_id_fields = ["article", "incident"]
    autocomplete_fields = ["place"]
    readonly_fields = ["evidence", "created_at", "link_pinned"]
    inlines = [EventActorInline]
    actions = ["split_off"]
    show_full_result_count = False

    @admin.action(description="فصل التقارير المحددة في حادثة جديدة", permissions=["change"])
    def split_off(self, request, queryset):
        incidents = set(queryset.values_list("incident_id", flat=True))
        if len(incidents) != 1 or None in incidents:
            self.message_user(request, "اختر تقارير من حادثة واحدة.", messages.ERROR)
            return
        try:
            new = split_incident(incident=Incident.objects.get(pk=incidents.pop()),
                                 event_ids=queryset.values_list("id", flat=True))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"فُصلت {new.n_reports} تقارير في الحادثة #{new.pk}.")

    @admin.display(description="الدليل من النص")
    def evidence(self, event):
        return event.evidence_text if event.pk else ""

    def save_model(self, request, obj, form, change):
        """A person's correction is protected from re-extraction; a new incident chosen
        for the report is a move (archive.services.review), pinned against re-linking."""
        if change and "reviewed" not in form.changed_data and edited_means_reviewed(
                changed_fields=form.changed_data):
            obj.reviewed = True
        moved = change and "incident" in form.changed_data
        target = obj.incident if moved else None  # none: a new incident of its own
        if moved:
            obj.incident_id = form.initial.get("incident")
        super().save_model(request, obj, form, change)
        if moved:
            move_report(event=obj, to=target)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_actor_cells(event_ids=[form.instance.pk])
        if change and not form.instance.reviewed and edited_means_reviewed(
                changed_fields=["actors"] if any(f.has_changed() for f in formsets) else []):
            Event.objects.filter(pk=form.instance.pk).update(reviewed=True)  # actors corrected
        if "incident" not in form.changed_data:  # a corrected date, place or actor: re-link
            relink(event_ids=[form.instance.pk])


class ReportInline(admin.TabularInline):
    model = Event
    fields = ["article", "type", "date", "date_precision", "place", "killed_best",
              "wounded_best", "link_pinned"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    """Incidents are derived from their reports: staff review them by merging incidents
    (the action), splitting reports off (the reports list's action) or moving a report
    (its page's incident field)."""

    list_display = ["pk", "type", "date", "place", "killed_low", "killed_best", "killed_high",
                    "n_reports", "n_outlets", "grade", "reviewed", "updated_at"]
    list_filter = ["grade", "type", "reviewed"]
    list_select_related = ["place"]
    search_fields = ["place__name_ar"]
    date_hierarchy = "date"
    inlines = [ReportInline]
    actions = ["merge_selected"]
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Incident._meta.fields if not f.name.startswith("csv_")]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # an incident goes when its last report goes

    @admin.action(description="دمج الحوادث المحددة في أقدمها", permissions=["change"])
    def merge_selected(self, request, queryset):
        incidents = list(queryset.order_by("pk"))
        try:
            merged = merge_incidents(into=incidents[0], others=incidents[1:])
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"دُمجت الحوادث في #{merged.pk} ({merged.n_reports} تقارير).")
