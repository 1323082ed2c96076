"""The listings' filters written in Python where the template's loops cost the most.

`{% type_choices f.type facets.types %}`: the filter form's event-type checkboxes, each
with the number of matching rows. What the template's loop over the field gave
(`<label class="check">{{ choice.tag }} {{ choice.choice_label }}` and the count), but the
checkboxes' HTML is made once per language and choice of types: building the bound
subwidgets of a dozen types for every request was a twentieth of a filtered page's CPU.
`{% facet_items "actors" facets.actors %}`: a facet's links and counts.
`{% range_items totals.ranges.killed "killed_min" "killed_max" %}`: a casualty field's
ranges, each a link with its count (the template's loop and its tags were a tenth of a
filtered page's CPU).
"""
import functools

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from archive.templatetags.marsad import add_actor, num, query_with, range_query

register = template.Library()
_REMEMBERED: dict = {}
LIMIT = 1024


def _choices(field) -> list[tuple[str, str, str]]:
    """(the checkbox, its escaped label, its value) of each choice of a bound field."""
    key = (get_language(), field.html_name, field.auto_id, repr(field.value()),
           bool(field.errors))
    choices = _REMEMBERED.get(key)
    if choices is None:
        choices = [(str(choice.tag()), str(conditional_escape(choice.choice_label)),
                    choice.data["value"]) for choice in field]
        if len(_REMEMBERED) >= LIMIT:
            _REMEMBERED.clear()
        _REMEMBERED[key] = choices
    return choices


@register.simple_tag
def type_choices(field, type_facets) -> str:
    counts: dict = {}
    for row in type_facets or []:
        counts.setdefault(row["type"], row["n"])  # the first, as get_type reads it
    html = []
    for tag, label, value in _choices(field):
        n = counts.get(value)
        count = f' <span class="count">{num(n)}</span>' if n else ""
        html.append(f'<label class="check">{tag} {label}{count}</label>')
    return mark_safe("".join(html))  # noqa: S308 (rendered widgets, escaped labels and numbers)


def _facet_link(context, kind: str, row) -> str:
    if kind == "actors":
        return add_actor(context, row["actor_id"])
    if kind == "places":
        return query_with(context.request, {"place": row["place_id"], "page": None})
    return query_with(context.request, {"outlet": row["article__outlet"], "page": None})


def _facet_text(kind: str, row) -> str:
    if kind == "outlets":
        return f"<bdi>{conditional_escape(row['article__outlet'])}</bdi>"
    name = row.get("label") or row[f"{kind[:-1]}__name_ar"]  # {{ row.label|default:… }}
    return conditional_escape(name)


@register.simple_tag(takes_context=True)
def facet_items(context, kind: str, rows) -> str:
    """A facet's list items ("actors", "places" or "outlets"): each links to the page
    with that criterion added, and counts its rows; a dash when there is none. What the
    template's loop gave, without a dozen tag and variable nodes per item."""
    html = [f'<li><a href="{conditional_escape(_facet_link(context, kind, row))}">'
            f'{_facet_text(kind, row)}</a><span class="count">{conditional_escape(num(row["n"]))}'
            "</span></li>" for row in rows or []]
    return mark_safe("".join(html) or '<li class="muted">—</li>')  # noqa: S308 (escaped)


def _range_label(lo, hi) -> str:
    if hi is None:
        return f"{lo}+"
    return f"{lo}" if lo == hi else f"{lo}–{hi}"


@register.simple_tag(takes_context=True)
def range_items(context, ranges, min_name: str, max_name: str) -> str:
    """A casualty field's ranges that have rows: each links to the page with that range
    set, and counts its rows; no list when there are no figures (an invalid filter). Each
    output ends with the line break that ended the template it replaces."""
    if not ranges:
        return "\n"
    link = functools.partial(range_query, context, min_name)
    html = [f'<li><a dir="ltr" href="{conditional_escape(link(r["lo"], max_name, r["hi"]))}">'
            f'{conditional_escape(_range_label(r["lo"], r["hi"]))}</a>'
            f'<span class="count">{conditional_escape(num(r["n"]))}</span></li>'
            for r in ranges if r["n"]]
    return mark_safe(f'<ul class="ranges">{"".join(html)}</ul>\n')  # noqa: S308 (escaped)
