"""Forms of the archive's admin pages."""
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from archive.services.readers import SUFFIXES


def sizes(size: int, limit: int) -> tuple[str, str]:
    """Two sizes as a reader tells them apart: rounded (50.2 MB), or in bytes when
    rounding would print them alike."""
    shown = filesizeformat(size), filesizeformat(limit)
    if shown[0] == shown[1]:
        return f"{size:,} بايت", f"{limit:,} بايت"
    return shown


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
            size, most = sizes(upload.size, limit)
            raise forms.ValidationError(
                f"حجم الملف {size} يتجاوز الحد المسموح {most}. "
                "قسّم الملف أو استخدم الأمر manage.py ingest."
            )
        if upload.size == 0:
            raise forms.ValidationError("الملف فارغ.")
        return upload
