"""Display helpers for the Arabic pages."""
from django import template

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


@register.filter
def ar_date(value) -> str:
    """6 آذار 2016, or an empty string when unknown."""
    if not value:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.simple_tag(takes_context=True)
def range_query(context, min_name: str, lo, max_name: str, hi) -> str:
    """The current query string with one casualty range set (and the page reset)."""
    params = context["request"].GET.copy()
    params[min_name] = str(lo)
    if hi is None:
        params.pop(max_name, None)
    else:
        params[max_name] = str(hi)
    params.pop("page", None)
    return "?" + params.urlencode()
