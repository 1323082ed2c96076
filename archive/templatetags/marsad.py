"""Display helpers for the Arabic pages."""
from collections.abc import Iterable
from urllib.parse import urlencode

from django import template
from django.template import defaulttags
from django.utils.translation import gettext_noop, ngettext

register = template.Library()


@register.filter
def num(value) -> str:
    """A whole number with thousands separators , or a dash when unknown."""
    if value is None or value == "":
        return "—"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


@register.filter
def role_names(event, role: str) -> list:
    """The actors of an event in one role, from its prefetched participants."""
    return [p.actor for p in event.participants.all() if p.role == role]


@register.filter
def get_type(type_facets, value):
    """The count of one event type in `EventQuerySet.summary()`'s type facets."""
    return next((row["n"] for row in type_facets or [] if row["type"] == value), None)


# The month names Iraqi and Levantine readers use (the archive's first region).
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]


MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec"]


def _english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "ar").startswith("en")


@register.filter
def ar_date(value, english: bool | None = None) -> str:
    """6 آذار 2016 (6 Mar 2016 in English), or an empty string when unknown (`english`:
    the reader's language when the caller knows it already)."""
    if not value:
        return ""
    months = MONTHS_EN if (_english() if english is None else english) else MONTHS
    return f"{value.day} {months[value.month - 1]} {value.year}"


@register.simple_tag
def against() -> str:
    """The arrow from initiator to target, pointing the way the line reads."""
    return "→" if _english() else "←"


def _encoded(request) -> dict[str, str]:
    """request.GET as {name: its encoded "name=value&name=value2"}, in its order, encoded
    once per request (QueryDict.urlencode's output, a name at a time)."""
    parts = getattr(request, "_marsad_query_parts", None)
    if parts is None:
        parts = {key: _encode(key, values, request.GET.encoding)
                 for key, values in request.GET.lists()}
        request._marsad_query_parts = parts
    return parts


def _encode(key: str, values, encoding: str) -> str:
    name = key.encode(encoding)
    return "&".join(urlencode({name: str(value).encode(encoding)}) for value in values)


def query_with(request, changes: dict, *, always: bool = False) -> str:
    """The request's query string with `changes` made as `{% querystring %}` makes them
    (None removes a name, a list sets several values, names keep their place), without
    copying and encoding the whole QueryDict again: a listing asks for a few dozen.
    "" when nothing is left of an empty query, unless `always`."""
    parts = dict(_encoded(request))
    encoding = request.GET.encoding
    for key, value in changes.items():
        if value is None:
            parts.pop(key, None)
        elif isinstance(value, Iterable) and not isinstance(value, str):
            parts[key] = _encode(key, value, encoding)
        else:
            parts[key] = _encode(key, [value], encoding)
    if not always and not parts and not request.GET:
        return ""
    return "?" + "&".join(part for part in parts.values() if part)


@register.simple_tag(takes_context=True)
def querystring(context, query_dict=None, **kwargs) -> str:
    """Django's `{% querystring %}`, the same output, from `query_with`."""
    if query_dict is not None:
        return defaulttags.querystring(context, query_dict, **kwargs)
    return query_with(context.request, kwargs)


@register.simple_tag(takes_context=True)
def range_query(context, min_name: str, lo, max_name: str, hi) -> str:
    """The current query string with one casualty range set (and the page reset)."""
    return query_with(context["request"], {
        min_name: str(lo), max_name: None if hi is None else str(hi), "page": None,
    }, always=True)


@register.simple_tag(takes_context=True)
def add_actor(context, actor_id) -> str:
    """The current query string with one more actor (several actors: any of them)."""
    request = context["request"]
    chosen = request.GET.getlist("actor")
    more = {} if str(actor_id) in chosen else {"actor": [*chosen, str(actor_id)]}
    return query_with(request, {**more, "page": None}, always=True)


@register.simple_tag(takes_context=True)
def carried(context) -> str:
    """`{% querystring page=None %}` (the filters a link carries, the page left out),
    worked out once per request: a listing's rows repeat it in every actor and place
    link, and copying and encoding the query string a few hundred times was a tenth of
    the filtered events page's CPU."""
    if "carried_marker" in context:  # a row being cached (marsad_rows): put in when served
        return context["carried_marker"]
    request = context.request
    remembered = getattr(request, "_marsad_carried", None)
    if remembered is None:
        params = request.GET.copy()
        params.pop("page", None)
        remembered = f"?{params.urlencode()}" if params or request.GET else ""
        request._marsad_carried = remembered
    return remembered


@register.simple_tag
def date_presets() -> list[dict]:
    """Quick date ranges, counted back from today."""
    import datetime as dt

    from django.utils.translation import gettext as _

    today = dt.date.today()
    return [
        {"label": _("آخر 30 يوماً"), "start": (today - dt.timedelta(days=30)).isoformat(),
         "end": None},
        {"label": _("آخر 12 شهراً"), "start": (today - dt.timedelta(days=365)).isoformat(),
         "end": None},
        {"label": _("هذا العام"), "start": f"{today.year}-01-01", "end": None},
        {"label": _("العام الماضي"), "start": f"{today.year - 1}-01-01",
         "end": f"{today.year - 1}-12-31"},
    ]


@register.filter
def percent(value) -> str:
    """0.85 -> 85%."""
    if value is None:
        return "—"
    return f"{round(float(value) * 100)}%"


REVIEW_LABELS = {"rejected": gettext_noop("مرفوض"), "reviewed": gettext_noop("تمت مراجعته"),
                 "needs": gettext_noop("يحتاج مراجعة"), "unreviewed": gettext_noop("لم يراجع")}


def review_code(event) -> str:
    """A report's review status: rejected, reviewed, needs (review) or unreviewed."""
    from archive.services.event_review import NEEDS_REVIEW_BELOW

    if event.rejected:
        return "rejected"
    if event.reviewed:
        return "reviewed"
    return "needs" if event.confidence < NEEDS_REVIEW_BELOW else "unreviewed"


@register.simple_tag
def review_state(event) -> dict:
    """The trust badge of a report: its status code and label."""
    from django.utils.translation import gettext as _

    code = review_code(event)
    return {"code": code, "label": _(REVIEW_LABELS[code])}


@register.simple_tag
def name(thing) -> str:
    """An actor's or place's name in the reader's language: Arabic as written; in English
    its English name, else a transliteration of the Arabic."""
    from archive.transliterate import transliterate

    if isinstance(thing, str):  # a name alone (facets): Arabic, or transliterated
        return transliterate(thing) if _english() else thing
    if isinstance(thing, dict):  # an incident's actors (JSON)
        arabic, english = thing.get("name", ""), thing.get("name_en", "")
    else:
        arabic, english = thing.name_ar, getattr(thing, "name_en", "")
    if _english():
        return english or transliterate(arabic)
    return arabic


# Counted nouns: English msgids, and Arabic's six plural forms in locale/ar (gettext
# chooses: حدث واحد، حدثان، 3 أحداث، 11 حدثاً). Translated when called (plain ngettext:
# a lazy one built a proxy class per call, a tenth of an incidents page's CPU).
_NOUNS = {
    "event": lambda n: ngettext("%(n)s event", "%(n)s events", n),
    "incident": lambda n: ngettext("%(n)s incident", "%(n)s incidents", n),
    "report": lambda n: ngettext("%(n)s report", "%(n)s reports", n),
    "killed": lambda n: ngettext("%(n)s killed", "%(n)s killed", n),
    "wounded": lambda n: ngettext("%(n)s wounded", "%(n)s wounded", n),
    "article": lambda n: ngettext("%(n)s article", "%(n)s articles", n),
    "outlet": lambda n: ngettext("%(n)s outlet", "%(n)s outlets", n),
}


@register.filter
def counted(value, noun: str) -> str:
    """A number with its noun in the reader's language: 11|counted:"event" -> 11 حدثاً."""
    n = int(value or 0)
    return _NOUNS[noun](n) % {"n": f"{n:,}"}
