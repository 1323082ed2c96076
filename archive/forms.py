"""Forms of the archive's admin pages."""
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from archive.services.readers import SUFFIXES


class UploadArticlesForm(forms.Form):
    file = forms.FileField(
        label="ملف المقالات",
        help_text="JSONL أو JSON أو CSV (بعمود text) أو TXT (مقالة واحدة) أو ZIP يضم هذه الملفات",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        allowed = sorted(SUFFIXES - {".ndjson"})
        if suffix not in allowed:
            kind = suffix or "(بلا امتداد)"
            raise forms.ValidationError(
                f"نوع الملف {kind} غير مدعوم. الأنواع المقبولة: {' '.join(allowed)}"
            )
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"حجم الملف {filesizeformat(upload.size)} يتجاوز الحد المسموح "
                f"{filesizeformat(limit)}. قسّم الملف أو استخدم الأمر manage.py ingest."
            )
        if upload.size == 0:
            raise forms.ValidationError("الملف فارغ.")
        return upload
