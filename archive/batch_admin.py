"""The admin of ingestion batches: the upload page (which queues a job and goes to its
batch), the batch page with the job's live progress, and the job's small endpoints
(progress as JSON, cancel, run again). The work is in archive/services/upload_jobs.py."""
import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from archive.batch_messages import shown
from archive.forms import UploadArticlesForm
from archive.models import IngestionBatch
from archive.services.upload_jobs import (
    can_run_again,
    progress,
    request_cancel,
    run_again,
    start_upload,
)

logger = logging.getLogger(__name__)


def may_run_jobs(user) -> bool:
    return user.has_perm("archive.add_article") or user.has_perm("archive.change_article")


@admin.register(IngestionBatch)
class IngestionBatchAdmin(admin.ModelAdmin):
    list_display = ["pk", "source", "kind", "status", "started_at", "done", "total", "n_new",
                    "n_unextracted", "n_duplicate", "n_failed", "created_by"]
    list_filter = ["status", "kind", "extractor_version"]
    search_fields = ["source"]
    date_hierarchy = "started_at"
    list_select_related = ["created_by"]
    readonly_fields = ["source", "kind", "created_by", "started_at", "running_since",
                       "finished_at", "status", "extractor_version", "total", "done", "n_new",
                       "n_unextracted", "n_duplicate", "n_failed", "worker", "heartbeat_at"]
    exclude = ["errors", "cancel_requested"]
    change_list_template = "admin/archive/ingestionbatch/change_list.html"
    change_form_template = "admin/archive/ingestionbatch/change_form.html"

    def has_change_permission(self, request, obj=None):
        return False  # a batch is a record of what happened

    def has_add_permission(self, request):
        return False  # batches come from uploads (the "رفع مقالات" button) and the command

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="archive_upload"),
            path("<int:batch_id>/progress/", view(self.progress_view),
                 name="archive_batch_progress"),
            path("<int:batch_id>/cancel/", view(require_POST(self.cancel_view)),
                 name="archive_batch_cancel"),
            path("<int:batch_id>/run-again/", view(require_POST(self.run_again_view)),
                 name="archive_batch_run_again"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        if not request.user.has_perm("archive.add_article"):
            raise PermissionDenied
        form = UploadArticlesForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                batch = start_upload(uploaded_file=form.cleaned_data["file"], user=request.user)
            except OSError as error:  # nothing was kept: say so, never a 500
                logger.exception("could not save an upload")
                messages.error(request, f"تعذّر حفظ الملف: {error.strerror or error}")
            else:
                return self._to_batch(request, batch)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": "رفع مقالات", "form": form}
        return TemplateResponse(request, "admin/archive/ingestionbatch/upload.html", context)

    def _to_batch(self, request, batch: IngestionBatch):
        batch.refresh_from_db()
        if batch.status == IngestionBatch.Status.FAILED:  # the broker refused the job
            messages.error(request, shown(batch.errors[-1]["message"]))
        else:
            messages.success(request, _("وُضعت المهمة في الطابور: تابع تقدمها هنا."))
        return HttpResponseRedirect(reverse("admin:archive_ingestionbatch_change",
                                            args=[batch.pk]))

    def _batch(self, request, batch_id: int) -> IngestionBatch:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(IngestionBatch, pk=batch_id)

    def progress_view(self, request, batch_id: int):
        try:
            errors_from = int(request.GET.get("errors_from", 0))
        except ValueError:
            errors_from = 0
        batch = self._batch(request, batch_id)
        return JsonResponse(progress(batch, errors_from=errors_from))

    def cancel_view(self, request, batch_id: int):
        batch = self._batch(request, batch_id)
        if not may_run_jobs(request.user):
            raise PermissionDenied
        request_cancel(batch=batch)
        messages.info(request, _("طُلب إلغاء المهمة: تتوقف عند حفظها التالي."))
        return HttpResponseRedirect(reverse("admin:archive_ingestionbatch_change",
                                            args=[batch.pk]))

    def run_again_view(self, request, batch_id: int):
        batch = self._batch(request, batch_id)
        if not may_run_jobs(request.user):
            raise PermissionDenied
        if not run_again(batch=batch):
            raise Http404("this batch cannot run again")
        return self._to_batch(request, batch)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = IngestionBatch.objects.filter(pk=object_id).first() \
            if str(object_id).isdigit() else None
        if batch is not None:
            extra_context = {**(extra_context or {}), **self.job_context(request, batch)}
        return super().change_view(request, object_id, form_url, extra_context)

    def job_context(self, request, batch: IngestionBatch) -> dict:
        figures = progress(batch)
        may_act = may_run_jobs(request.user)
        return {
            "job": figures, "errors_table": error_table(batch.errors),
            "progress_url": reverse("admin:archive_batch_progress", args=[batch.pk]),
            "cancel_url": reverse("admin:archive_batch_cancel", args=[batch.pk]),
            "run_again_url": reverse("admin:archive_batch_run_again", args=[batch.pk]),
            "may_cancel": may_act and figures["active"] and not batch.cancel_requested,
            "may_run_again": may_act and can_run_again(batch),
            "articles_url": reverse("admin:archive_article_changelist")
            + f"?batch__id__exact={batch.pk}",
            "left": clock(figures["seconds_left"]),
        }


def clock(seconds: int | None) -> str:
    """Seconds as the page shows them: 1:05:09, 4:05, or — when unknown."""
    if seconds is None:
        return "—"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}" if hours else f"{rest // 60}:{rest % 60:02}"


def _message(stored: str):
    """A batch message in the admin's language, with the stored English (what `ingest`
    printed and the logs say) under it when they differ."""
    translated = shown(stored)
    if translated == stored:
        return stored
    return format_html('{} <small class="original" lang="en" dir="ltr">({})</small>',
                       translated, stored)


def error_table(errors: list[dict]):
    rows = format_html_join(
        "", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
        ((e.get("file", ""), e.get("line") or "", _message(e.get("message", ""))) for e in errors),
    )
    return format_html(
        '<table class="marsad-errors" id="marsad-errors"><thead><tr><th>{}</th><th>{}</th>'
        "<th>{}</th></tr></thead><tbody>{}</tbody></table>", _("الملف"), _("السطر"),
        _("الرسالة"), rows,
    )
