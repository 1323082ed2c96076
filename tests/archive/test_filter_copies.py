"""Each events FilterSet works on filters of its own, copied cheaply from the declared
ones (archive/filters.py, CopiedOnce)."""
import pytest
from django.http import QueryDict

from archive.filters import EventFilter
from archive.models import Event

pytestmark = pytest.mark.django_db


def test_each_filterset_binds_its_own_filters_and_shares_the_declared_querysets(kirkuk):
    first = EventFilter(QueryDict("killed_min=3"), queryset=Event.objects.all())
    second = EventFilter(QueryDict(f"place={kirkuk.pk}"), queryset=Event.objects.all())
    declared = EventFilter.base_filters
    for name in ("actor", "place", "review", "sort", "q"):
        mine, theirs = first.filters[name], second.filters[name]
        assert mine is not theirs and mine is not declared[name]
        assert mine.parent is first and theirs.parent is second
        assert mine.filter.f is mine and theirs.filter.f is theirs  # methods bound to the copy
        assert not hasattr(declared[name], "parent")
    # what no request changes is not copied again for every request
    assert first.filters["actor"].queryset is declared["actor"].queryset
    assert first.is_valid() and second.is_valid()
    assert '"killed_best" >= 3' in str(first.qs.query)
    assert '"killed_best" >=' not in str(second.qs.query) and '"path"' in str(second.qs.query)
