"""The FilterSets behind every listing. One FilterSet per listing drives its HTML page,
its facet counts, its CSV export and its JSON API, so they can never disagree."""
import copy
import hashlib

import django_filters as df
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from archive.models import Actor, Article, Event, Place
from archive.page_cache import data_version
from archive.querysets import NEWEST_FIRST

EVENT_SORTS = {
    "-date": list(NEWEST_FIRST),
    "date": [F("date").asc(nulls_last=True), "id"],
    "-killed": [F("killed_best").desc(nulls_last=True), "-id"],
    "killed": [F("killed_best").asc(nulls_last=True), "id"],
    "-wounded": [F("wounded_best").desc(nulls_last=True), "-id"],
    "wounded": [F("wounded_best").asc(nulls_last=True), "id"],
}
EVENT_SORT_CHOICES = [
    ("-date", _("الأحدث أولاً")),
    ("date", _("الأقدم أولاً")),
    ("-killed", _("الأكثر قتلى")),
    ("killed", _("الأقل قتلى")),
    ("-wounded", _("الأكثر جرحى")),
    ("wounded", _("الأقل جرحى")),
]
REVIEW_CHOICES = [
    ("needs", _("يحتاج مراجعة")),
    ("reviewed", _("تمت مراجعته")),
    ("unreviewed", _("لم يراجع")),
    ("rejected", _("مرفوض")),
]
ARTICLE_SORT_CHOICES = [
    ("rank", _("الأكثر صلة")), ("-published", _("الأحدث")), ("published", _("الأقدم")),
]

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})
MAX_ID = 2**63 - 1  # the largest primary key either database stores


def _out_of_range(values) -> bool:
    """An id no row can have: a whole number past a 64-bit integer (which SQLite's driver
    refuses with an OverflowError instead of finding nothing)."""
    for value in values:
        try:
            if not 0 < int(str(value).strip()) <= MAX_ID:
                return True
        except ValueError:
            continue  # not a number: the field's own check says so
    return False


def _chosen_key(queryset, values) -> str | None:
    """The cache key of the rows these ids (as the reader sent them) chose, for the
    version of the data (`page_cache.data_version`); None when nothing is kept."""
    if not getattr(settings, "MARSAD_PAGE_CACHE_SECONDS", 0):
        return None
    raw = repr((data_version(), queryset.model._meta.label, [str(v) for v in values]))
    return "marsad:chosen:" + hashlib.sha256(raw.encode()).hexdigest()


class BoundedIdsField(df.fields.ModelMultipleChoiceField):
    """The chosen actors: checked and read once per version of the data and set of ids
    (every filtered page asks for them; the database query and the checks were a tenth
    of a page's Django CPU), kept as long as a cached page (a renamed actor shows
    after at most MARSAD_PAGE_CACHE_SECONDS)."""

    def _check_values(self, value):
        if _out_of_range(value):
            raise forms.ValidationError(self.error_messages["invalid_pk_value"],
                                        code="invalid_pk_value", params={"pk": value[0]})
        key = _chosen_key(self.queryset, value)
        rows = cache.get(key) if key else None
        if rows is not None:  # the same ids were valid: the rows they read
            chosen = self.queryset.filter(pk__in=[row.pk for row in rows])
            chosen._result_cache, chosen._prefetch_done = rows, True
            return chosen
        chosen = super()._check_values(value)  # read (evaluated) by the checks
        if key:
            cache.set(key, list(chosen), settings.MARSAD_PAGE_CACHE_SECONDS)
        return chosen


class BoundedIdField(df.fields.ModelChoiceField):
    """The chosen place, read once per version of the data as the actors are."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if _out_of_range([value]):
            raise forms.ValidationError(self.error_messages["invalid_choice"],
                                        code="invalid_choice")
        key = _chosen_key(self.queryset, [value]) if isinstance(value, str) else None
        row = cache.get(key) if key else None
        if row is None:
            row = super().to_python(value)
            if key:
                cache.set(key, row, settings.MARSAD_PAGE_CACHE_SECONDS)
        return row


class IdsFilter(df.ModelMultipleChoiceFilter):
    field_class = BoundedIdsField


class IdFilter(df.ModelChoiceFilter):
    field_class = BoundedIdField
NUMBER_WIDGET = forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"})


def _frozen(value):
    """A hashable twin of a widget's context (lazy texts as the current language says)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, Promise):
        return str(value)
    hash(value)  # TypeError: not remembered
    return value


class RememberingRenderer(DjangoTemplates):
    """The listing forms' widgets, each rendered once per process: a widget's HTML
    depends on its template, its context (name, value, attributes, label) and the
    language only, never on the archive, and rendering the form's few dozen widget
    templates was a third of a filtered events page's CPU."""

    LIMIT = 4096

    def __init__(self) -> None:
        super().__init__()
        self.remembered: dict = {}

    def render(self, template_name, context, request=None):
        try:
            key = (template_name, get_language(), _frozen(context))
        except TypeError:
            return super().render(template_name, context, request)
        html = self.remembered.get(key)
        if html is None:
            html = super().render(template_name, context, request)
            if len(self.remembered) >= self.LIMIT:
                self.remembered.clear()
            self.remembered[key] = html
        return html


class ListingForm(forms.Form):
    default_renderer = RememberingRenderer()


class CopiedOnce(dict):
    """A FilterSet's declared filters (`base_filters`), which every FilterSet copies for
    itself (`BaseFilterSet.__init__` deep-copies them, then binds each copy to itself).
    Deep copies of a dozen filters, with their querysets, widgets and lazy labels, were
    a twentieth of a filtered page's CPU; nothing a request changes lives below a
    filter's own attributes (`model`, `parent`, the lazily built `_label` and `_field`),
    so each is copied shallowly, its `method` bound to the copy as the setter binds it."""

    def __deepcopy__(self, memo) -> dict:
        copies = {}
        for name, declared in self.items():
            copied = copy.copy(declared)
            if declared.method is not None:
                copied.method = declared.method  # a FilterMethod of the copy, not of `declared`
            copies[name] = copied
        return copies


def _count(label, field, lookup):
    return df.NumberFilter(
        label=label, field_name=field, lookup_expr=lookup, min_value=0, max_value=10**7,
        decimal_places=0, widget=NUMBER_WIDGET,
    )


class EventFilter(df.FilterSet):
    q = df.CharFilter(label=_("بحث في نص المقالات"), method="filter_q", max_length=200)
    actor = IdsFilter(
        label=_("الجهة"), queryset=Actor.objects.all(), method="filter_actor",
        widget=forms.MultipleHiddenInput,
    )
    place = IdFilter(
        label=_("المكان"), queryset=Place.objects.all(), method="filter_place",
        widget=forms.HiddenInput,
    )
    type = df.MultipleChoiceFilter(
        label=_("نوع الحدث"), choices=Event.Type.choices, widget=forms.CheckboxSelectMultiple
    )
    killed_min = _count("القتلى من", "killed_best", "gte")
    killed_max = _count("القتلى إلى", "killed_best", "lte")
    wounded_min = _count("الجرحى من", "wounded_best", "gte")
    wounded_max = _count("الجرحى إلى", "wounded_best", "lte")
    date_from = df.DateFilter(
        label=_("من تاريخ"), field_name="date", lookup_expr="gte", widget=DATE_WIDGET
    )
    date_to = df.DateFilter(label=_("إلى تاريخ"), field_name="date", lookup_expr="lte",
                            widget=DATE_WIDGET)
    outlet = df.CharFilter(label=_("المصدر"), field_name="outlet", max_length=200)  # Event.outlet
    review = df.ChoiceFilter(
        label=_("المراجعة"), choices=REVIEW_CHOICES, method="filter_review", empty_label=_("الكل"),
    )
    sort = df.ChoiceFilter(
        label=_("الترتيب"), choices=EVENT_SORT_CHOICES, method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Event
        fields: list[str] = []
        form = ListingForm

    def filter_q(self, queryset, name, value):
        return queryset.filter(article__in=Article.objects.matching_ids(value))

    def filter_actor(self, queryset, name, value):
        """Events any of the chosen actors took part in."""
        return queryset.involving(*value) if value else queryset

    def filter_review(self, queryset, name, value):
        return queryset.review_status(value)

    def filter_place(self, queryset, name, value):
        return queryset.within(value)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*EVENT_SORTS[value])

    def filter_queryset(self, queryset):
        return self.apply(queryset, self.form.cleaned_data)

    def get_form_class(self):
        """The form class, built once per process: its fields follow the declared filters
        alone, and building them again for every request was a twentieth of a filtered
        page's CPU (each form still copies them, as every Django form does)."""
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            type(self)._form_class = form_class
        return form_class

    def apply(self, queryset, data: dict):
        """`queryset` narrowed by these cleaned criteria (the form's, or some of them: the
        incidents' report-level filter reuses the validated form instead of building and
        validating a second FilterSet). Newest first unless `sort` (declared last, so
        applied last) says otherwise. Rejected reports are kept but left out, unless the
        reader asks for them."""
        if data.get("review") != "rejected":
            queryset = queryset.exclude(rejected=True)
        queryset = queryset.order_by(*EVENT_SORTS["-date"])
        for name, value in data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset


EventFilter.base_filters = CopiedOnce(EventFilter.base_filters)


class ArticleFilter(df.FilterSet):
    """The search page: the text query (declared first, so applied first) ranks; the other
    fields narrow; `sort` (declared last) may replace the ranked order."""

    q = df.CharFilter(label=_("ابحث"), method="filter_q", max_length=200)
    outlet = df.CharFilter(label=_("المصدر"), field_name="outlet", max_length=200)
    date_from = df.DateFilter(
        label=_("نُشر من"), field_name="published", lookup_expr="gte", widget=DATE_WIDGET
    )
    date_to = df.DateFilter(
        label=_("نُشر حتى"), field_name="published", lookup_expr="lte", widget=DATE_WIDGET
    )
    sort = df.ChoiceFilter(
        label=_("الترتيب"), choices=ARTICLE_SORT_CHOICES, method="filter_sort", empty_label=None
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args, capped: bool = False, **kwargs):
        """`capped`: the caller reads at most the newest matches when ranking (the search
        page): rank them without the RANK_WINDOW probe, and rank nothing when sorted by
        date."""
        super().__init__(*args, **kwargs)
        self.capped = capped

    def filter_q(self, queryset, name, value):
        if not self.capped:
            return queryset.search(value)
        ranked = (self.form.cleaned_data.get("sort") or "rank") == "rank"
        return queryset.search(value, ranked=ranked, window=False)

    def filter_sort(self, queryset, name, value):
        if value == "rank":
            return queryset
        field = F(value.lstrip("-"))
        if value.startswith("-"):
            return queryset.order_by(field.desc(nulls_last=True), "-id")
        return queryset.order_by(field.asc(nulls_last=True), "id")

    @property
    def query(self) -> str:
        if self.is_bound and self.is_valid():
            return self.form.cleaned_data.get("q") or ""
        return ""


def errors_as_dict(filterset) -> dict[str, list[str]]:
    """The form errors as plain strings, for the API and the pages."""
    return {field: [str(m) for m in messages] for field, messages in filterset.errors.items()}
