"""The staff admin: articles, events, actors, places, ingestion batches; an "upload
articles" page and a "re-extract" action that call the same services as the commands."""
import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from archive.batch_messages import shown
from archive.forms import UploadArticlesForm
from archive.models import Actor, Article, Event, EventActor, Incident, IngestionBatch, Place
from archive.services.event_review import edited_means_reviewed
from archive.services.events import reextract_articles
from archive.services.ingestion import ingest_upload
from archive.services.linking import relink
from archive.services.review import merge_incidents, move_report, split_incident
from extraction.arabic import fold

logger = logging.getLogger(__name__)

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
    summary = reextract_articles(articles=articles.order_by("pk"))
    level = messages.WARNING if summary.failed else messages.SUCCESS
    modeladmin.message_user(request, (
        f"أعيد استخراج الأحداث من {summary.articles} مقالة: أضيف {summary.added} حدثا، "
        f"واستبدل {summary.removed}، وبقي {summary.kept_reviewed} حدثا مراجعا دون تغيير."
        + (f" تعذر الاستخراج من {len(summary.failed)}: " + "؛ ".join(summary.failed[:5])
           if summary.failed else "")
    ), level)


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
        _reextract(self, request, queryset)

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
        return [f.name for f in Incident._meta.fields]

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


@admin.register(IngestionBatch)
class IngestionBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "source", "status", "started_at", "n_new", "n_unextracted",
                    "n_duplicate", "n_failed", "created_by"]
    list_filter = ["status", "extractor_version"]
    search_fields = ["source"]
    date_hierarchy = "started_at"
    list_select_related = ["created_by"]
    readonly_fields = ["source", "created_by", "started_at", "finished_at", "status",
                       "extractor_version", "n_new", "n_unextracted", "n_duplicate", "n_failed",
                       "worker", "heartbeat_at", "error_report"]
    exclude = ["errors"]
    change_list_template = "admin/archive/ingestionbatch/change_list.html"

    @admin.display(description="أخطاء السجلات")
    def error_report(self, batch):
        return error_table(batch.errors)

    def has_change_permission(self, request, obj=None):
        return False  # a batch is a record of what happened

    def has_add_permission(self, request):
        return False  # batches come from uploads (the "رفع مقالات" button) and the command

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", upload, name="archive_upload"), *super().get_urls()]

    def upload_view(self, request):
        if not request.user.has_perm("archive.add_article"):
            raise PermissionDenied
        form = UploadArticlesForm(request.POST or None, request.FILES or None)
        batch = None
        if request.method == "POST" and form.is_valid():
            try:
                batch = ingest_upload(uploaded_file=form.cleaned_data["file"], user=request.user)
            except Exception as error:  # the batch is marked failed; say so, never a 500
                logger.exception("upload failed")
                batch = IngestionBatch.objects.filter(created_by=request.user).first()
                messages.error(request, f"توقفت المعالجة بسبب خطأ: {type(error).__name__}")
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": "رفع مقالات", "form": form, "batch": batch,
            "errors_table": error_table(batch.errors) if batch else "",
            "batch_url": reverse("admin:archive_ingestionbatch_change", args=[batch.pk])
            if batch else "",
            "articles_url": reverse("admin:archive_article_changelist")
            + f"?batch__id__exact={batch.pk}" if batch else "",
        }
        return TemplateResponse(request, "admin/archive/ingestionbatch/upload.html", context)


def _message(stored: str):
    """A batch message in the admin's language, with the stored English (what `ingest`
    printed and the logs say) under it when they differ."""
    translated = shown(stored)
    if translated == stored:
        return stored
    return format_html('{} <small class="original" lang="en" dir="ltr">({})</small>',
                       translated, stored)


def error_table(errors: list[dict]):
    if not errors:
        return "—"
    rows = format_html_join(
        "", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
        ((e.get("file", ""), e.get("line") or "", _message(e.get("message", ""))) for e in errors),
    )
    return format_html(
        '<table class="marsad-errors"><thead><tr><th>{}</th><th>{}</th><th>{}</th>'
        "</tr></thead><tbody>{}</tbody></table>", _("الملف"), _("السطر"), _("الرسالة"), rows,
    )
