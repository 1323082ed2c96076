"""`{% type_choices f.type facets.types %}`: the filter form's event-type checkboxes, each
with the number of matching rows. What the template's loop over the field gave
(`<label class="check">{{ choice.tag }} {{ choice.choice_label }}` and the count), but the
checkboxes' HTML is made once per language and choice of types: building the bound
subwidgets of a dozen types for every request was a twentieth of a filtered page's CPU.
"""
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from archive.templatetags.marsad import num

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
