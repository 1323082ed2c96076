"""A listing's table rows as HTML, written in Python: the events and incidents tables
show 50 rows of about 25 template nodes each, and rendering them through the template
engine was half of a filtered page's CPU when the rows were not cached (every new
filter combination shows rows no page has shown yet). These functions give, byte for
byte, what the rows' templates gave (`tests/site/test_listing_rows.py`); the tables
(`partials/events_table.html`, `partials/incidents_table.html`) still hold the rest.

Every value that comes from the data is escaped here (`escape`: `html.escape`, which
Django's `escape` calls, without its lazy-text wrapper); labels come from the
translations, worked out once per language.
"""
import functools
import unicodedata
from html import escape as _escape

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_noop as _

from archive.models import Event, Incident
from archive.templatetags.marsad import REVIEW_LABELS, ar_date, counted, num, percent, review_code
from archive.transliterate import transliterate

# The rows' labels (translated when a row is rendered; marked here for makemessages).
_EVENT_LABELS = (_("التاريخ"), _("(تقريبي)"), _("غير معروف"), _("النوع"), _("الأطراف"),
                 _("، "), _("ضد"), _("المكان"), _("القتلى"), _("الجرحى"), _("المصدر"),
                 _("الثقة"))
_INCIDENT_LABELS = (_("التاريخ"), _("(تاريخ النشر)"), _("غير معروف"), _("النوع"),
                    _("الأطراف"), _("ضد"), _("المكان"), _("، "), _("القتلى"), _("الجرحى"),
                    _("التقارير"), _("تمت مراجعته"))
REJECTED = ' class="rejected"'


def escape(value) -> str:
    return _escape(str(value))


@functools.cache
def _labels(language: str, kind: str) -> tuple[tuple[str, ...], dict[str, str], bool]:
    """(the table's translated labels, escaped; the type names; English?) for a language
    (the caller's active one: `gettext` follows it)."""
    texts = _EVENT_LABELS if kind == "event" else _INCIDENT_LABELS
    types = {value: escape(str(label)) for value, label in Event.Type.choices}
    english = (language or "ar").startswith("en")
    return tuple(escape(gettext(text)) for text in texts), types, english


@functools.cache
def _grades(language: str) -> dict[str, str]:
    """The incidents' grade labels, escaped, in the active language."""
    return {value: escape(str(label)) for value, label in Incident.Grade.choices}


@functools.cache
def _ellipsis(language: str) -> str:
    """Django's text for a truncated string, in the active language."""
    return pgettext("String to return when truncating text", "%(truncated_text)s…")


def _with_ellipsis(text: str, language: str) -> str:
    """Truncator.add_truncation_text."""
    ending = _ellipsis(language)
    if "%(truncated_text)s" in ending:
        return ending % {"truncated_text": text}
    return text if text.endswith(ending) else f"{text}{ending}"


@functools.cache
def _room(length: int, language: str) -> int:
    """The characters a truncated text keeps before its ellipsis."""
    ending = _with_ellipsis("", language)
    return length - sum(1 for char in ending if not unicodedata.combining(char))


@functools.cache
def _trust_labels(language: str) -> dict[str, str]:
    """The review badges' labels, escaped, in the active language."""
    return {code: escape(gettext(label)) for code, label in REVIEW_LABELS.items()}


def _truncated(text: str, length: int) -> str:
    """`{{ text|truncatechars:length }}` (Django's Truncator.chars: NFC, combining marks
    not counted, the ellipsis within the length), without its per-call set-up."""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= length:
        return text
    language = get_language()
    room = _room(length, language)
    if not any(unicodedata.combining(char) for char in set(text[:length + 1])):
        return _with_ellipsis(text[:max(room, 0)], language)  # no mark: every character counts
    counted, end = 0, None
    for index, char in enumerate(text):
        if unicodedata.combining(char):
            continue
        counted += 1
        if end is None and counted > room:
            end = index
        if counted > length:
            return _with_ellipsis(text[: end or 0], language)
    return text


@functools.cache
def _urls(script_prefix: str) -> dict[str, str]:
    """Each row link's path up to its id (reversed once, not once per link)."""
    return {view: reverse(view, args=[0])[:-2] for view in ("actor", "place", "article",
                                                             "incident")}


def _name(thing, english: bool) -> str:
    """`{% name thing %}`: an actor's or place's name in the reader's language, escaped."""
    if isinstance(thing, dict):
        arabic, english_name = thing.get("name", ""), thing.get("name_en", "")
    else:
        arabic, english_name = thing.name_ar, getattr(thing, "name_en", "")
    if english:
        return escape(english_name or transliterate(arabic))
    return escape(arabic)


def _range(low, high) -> str:
    return f'<small class="range" dir="ltr">{escape(low)}–{escape(high)}</small>'


def _event_actors(event, labels, english, url, carried) -> str:
    participants = event.participants.all()
    initiators = [p.actor for p in participants if p.role == "initiator"]
    targets = [p.actor for p in participants if p.role == "target"]
    html = labels[5].join(f'<a class="actor-link" href="{url}{a.pk}/{carried}">'
                          f"{_name(a, english)}</a>" for a in initiators)
    html += "\n        "
    if targets:
        arrow = "→" if english else "←"
        html += f'<span class="arrow" aria-label="{labels[6]}">{arrow}</span>'
        html += labels[5].join(f'<a class="actor-link target" href="{url}{a.pk}/{carried}">'
                               f"{_name(a, english)}</a>" for a in targets)
    return html


def _place(thing, place_text, separator, english, url, carried) -> str:
    place = thing.place
    if place is None:
        return escape(place_text or "—")
    html = f'<a href="{url}{place.pk}/{carried}">{_name(place, english)}</a>'
    if place.parent:
        html += f'<span class="muted">{separator}{_name(place.parent, english)}</span>'
    return html


def event_row(event, carried: str, *, review_form: str = "") -> str:
    """One row of the events table (`carried`: the escaped query string its links keep;
    `review_form`: a staff member's review form, rendered by the caller)."""
    language = get_language()
    labels, types, english = _labels(language, "event")
    urls = _urls(get_script_prefix())
    code = review_code(event)
    pk = event.pk
    if event.date:
        when = f'<time datetime="{event.date.isoformat()}">{ar_date(event.date, english)}</time>'
        if event.date_precision in ("month", "year"):
            when += f' <small class="muted">{labels[1]}</small>'
    else:
        when = f'<span class="muted">{labels[2]}</span>'
    killed = num(event.killed_best)
    if (event.killed_low is not None and event.killed_high is not None
            and event.killed_low != event.killed_high):
        killed += _range(event.killed_low, event.killed_high)
    article = event.article
    source = (f'<a href="{urls["article"]}{event.article_id}/#evidence-{pk}">'
              f'{escape(_truncated(article.title or "المقالة", 60))}</a>')
    if article.outlet:
        source += f'<span class="muted"> · <bdi>{escape(article.outlet)}</bdi></span>'
    return (
        f'<tr id="event-{pk}" data-event-id="{pk}" data-review="{code}"'
        f"{REJECTED if event.rejected else ''}>\n"
        f'      <td data-label="{labels[0]}">{when}</td>\n'
        f'      <td data-label="{labels[3]}"><span class="tag tag-{escape(event.type)}">'
        f"{types.get(event.type) or escape(event.type)}</span></td>\n"
        f'      <td data-label="{labels[4]}" class="actors">\n        '
        f'{_event_actors(event, labels, english, urls["actor"], carried)}\n      </td>\n'
        f'      <td data-label="{labels[7]}">'
        f'{_place(event, event.place_text, labels[5], english, urls["place"], carried)}</td>\n'
        f'      <td data-label="{labels[8]}" class="n{" killed" if event.killed_best else ""}">'
        f"{killed}</td>\n"
        f'      <td data-label="{labels[9]}" class="n">{num(event.wounded_best)}</td>\n'
        f'      <td data-label="{labels[10]}" class="source">{source}</td>\n'
        f'      <td data-label="{labels[11]}" class="trust"><span class="confidence">'
        f'{percent(event.confidence)}</span> <span class="badge review-{code}">'
        f'{_trust_labels(language)[code]}</span>{review_form}</td>\n    </tr>'
    )


def _incident_actors(incident, labels, english, url, carried) -> str:
    html = "".join(f'<a class="actor-link" href="{url}{escape(a["id"])}/{carried}">'
                   f"{_name(a, english)}</a> "
                   for a in incident.actors if a.get("role") == "initiator")
    arrow = "→" if english else "←"
    return html + "".join(
        f'<span class="arrow" aria-label="{labels[5]}">{arrow}</span>'
        f'<a class="actor-link target" href="{url}{escape(a["id"])}/{carried}">'
        f"{_name(a, english)}</a> " for a in incident.actors if a.get("role") == "target")


def incident_row(incident, carried: str) -> str:
    """One row of the incidents table (`carried`: the escaped query string its links keep)."""
    language = get_language()
    labels, types, english = _labels(language, "incident")
    grade = _grades(language).get(incident.grade) or escape(incident.grade)
    urls = _urls(get_script_prefix())
    pk = incident.pk
    if incident.date:
        when = (f'<time datetime="{incident.date.isoformat()}">'
                f"{ar_date(incident.date, english)}</time>")
        if incident.date_precision == "publication":
            when += f' <small class="muted">{labels[1]}</small>'
        if incident.date_low != incident.date_high:
            when += (f'<small class="range">{ar_date(incident.date_low, english)} – '
                     f"{ar_date(incident.date_high, english)}</small>")
    else:
        when = f'<span class="muted">{labels[2]}</span>'
    killed, wounded = num(incident.killed_best), num(incident.wounded_best)
    if incident.killed_low != incident.killed_high:
        killed += _range(incident.killed_low, incident.killed_high)
    if incident.wounded_low != incident.wounded_high:
        wounded += _range(incident.wounded_low, incident.wounded_high)
    place = _place(incident, "", labels[7], english, urls["place"], carried)
    reviewed = (f' <span class="badge review-reviewed" data-review="reviewed">{labels[11]}</span>'
                if incident.reviewed else "")
    return (
        f'<tr id="incident-{pk}" data-incident-id="{pk}">\n'
        f'      <td data-label="{labels[0]}">{when}</td>\n'
        f'      <td data-label="{labels[3]}"><span class="tag tag-{escape(incident.type)}">'
        f"{types.get(incident.type) or escape(incident.type)}</span></td>\n"
        f'      <td data-label="{labels[4]}" class="actors">'
        f'{_incident_actors(incident, labels, english, urls["actor"], carried)}</td>\n'
        f'      <td data-label="{labels[6]}">{place}</td>\n'
        f'      <td data-label="{labels[8]}" class="n{" killed" if incident.killed_best else ""}">'
        f"{killed}</td>\n"
        f'      <td data-label="{labels[9]}" class="n">{wounded}</td>\n'
        f'      <td data-label="{labels[10]}" class="source"><a href="{urls["incident"]}{pk}/'
        f'{carried}">{escape(counted(incident.n_reports, "report"))} · '
        f'{escape(counted(incident.n_outlets, "outlet"))}</a> <span class="grade '
        f'grade-{escape(incident.grade)}">{grade}</span>'
        f"{reviewed}</td>\n    </tr>"
    )
