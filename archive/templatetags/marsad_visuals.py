"""The query the map and the charts ask the JSON endpoints: the page's own filters (the
incidents and events tables), plus the actor or place of an actor's or a place's page."""
import functools
import json

from django import template
from django.utils.translation import get_language

register = template.Library()
NOT_FILTERS = ("page", "sort", "page_size")


@register.simple_tag(takes_context=True)
def visuals_query(context) -> str:
    request = context["request"]
    params = request.GET.copy()
    for name in NOT_FILTERS:
        params.pop(name, None)
    match = getattr(request, "resolver_match", None)
    scope = match.url_name if match else None
    if scope in ("actor", "place") and context.get(scope) is not None:
        params[scope] = str(context[scope].pk)
    return params.urlencode()


def _labels() -> dict:
    """The words visuals.js writes, in the reader's language (%(x)s are its numbers)."""
    from django.utils.translation import gettext as _

    return {
        "town": _("مدينة أو قرية"), "area": _("مركز منطقة (تقريبي)"),
        "country": _("مركز دولة (تقريبي جداً)"),
        "week": _("أسبوعياً"), "month": _("شهرياً"), "year": _("سنوياً"),
        "incidents": _("الحوادث"), "killed": _("القتلى"),
        "approximate_bar": _(" (بتاريخ النشر، تقريبي)"),
        "approximate_key": _("مخطّط: مؤرخ بتاريخ النشر (تقريبي)"),
        "no_incidents": _("لا حوادث لهذه المعايير."),
        "bars": _("في الأعمدة %(n)s حادثة و%(killed)s قتيلاً"),
        "undated": _("%(n)s حادثة بلا تاريخ (%(killed)s قتيلاً) لا تظهر في الأعمدة"),
        "none_undated": _("لا حوادث بلا تاريخ"),
        "total": _("المجموع %(n)s حادثة و%(killed)s قتيلاً."),
        "chart_failed": _("تعذّر تحميل الرسم البياني."),
        "place_summary": _("%(n)s حادثة · %(killed)s قتيلاً"),
        "places": _("%(places)s أماكن: "),
        "no_date": _("بلا تاريخ"), "approximate": _(" (تقريبي)"),
        "killed_n": _("%(killed)s قتيلاً"),
        "more": _("و%(n)s أخرى: كل حوادث %(name)s في الجدول"),
        "vendor_missing": _(
            "ملفات الخريطة غير مثبتة على الخادم (static/vendor/: شغّل scripts/install)."),
        "borders": _("حدود الدول: Natural Earth"),
        "basemap_failed": _("تعذّر تحميل خريطة الأساس."),
        "on_map": _("%(n)s حادثة على الخريطة في %(places)s مكاناً"),
        "unlocated": _("%(n)s حادثة بلا إحداثيات لا تظهر عليها"),
        "all_located": _("كل الحوادث لها إحداثيات"),
        "left_off": _("و%(places)s مكاناً أقل نشاطاً لم تُرسم"),
        "circle_size": _(". حجم الدائرة بحسب عدد القتلى."),
        "points_failed": _("تعذّر تحميل نقاط الخريطة."),
        # when n is 1 (visuals.js picks "<key>_one")
        "bars_one": _("في الأعمدة حادثة واحدة و%(killed)s قتيلاً"),
        "undated_one": _("حادثة واحدة بلا تاريخ (%(killed)s قتيلاً) لا تظهر في الأعمدة"),
        "total_one": _("المجموع حادثة واحدة و%(killed)s قتيلاً."),
        "place_summary_one": _("حادثة واحدة · %(killed)s قتيلاً"),
        "on_map_one": _("حادثة واحدة على الخريطة في مكان واحد"),
        "unlocated_one": _("حادثة واحدة بلا إحداثيات لا تظهر عليها"),
    }


@functools.lru_cache(maxsize=8)
def _labels_json(language: str) -> str:
    return json.dumps(_labels(), ensure_ascii=False)


@register.simple_tag
def visuals_labels() -> str:
    """visuals.js's words as JSON, for a data-labels attribute (the page's CSP allows no
    inline script); the template escapes it for the attribute. Made once per language
    (the catalogues change only with a restart)."""
    return _labels_json(get_language())
