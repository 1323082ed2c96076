"""The listings' links (`{% querystring %}`, add_actor, range_query) built from the query
string encoded once per request give what copying and encoding the QueryDict gave."""
from urllib.parse import urlencode

from django.template import RequestContext, Template
from django.template.defaulttags import querystring as django_querystring
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from archive.templatetags.marsad import add_actor, query_with, range_query

NAMES = st.sampled_from(["actor", "place", "page", "sort", "q", "outlet", "type", "مكان"])
VALUES = st.text(alphabet="ab1 &=?#%+كركوك<>\"'", max_size=6)
QUERIES = st.lists(st.tuples(NAMES, VALUES), max_size=6)
CHANGES = st.dictionaries(NAMES, st.none() | VALUES | st.integers(0, 99)
                          | st.lists(VALUES, max_size=3), max_size=3)


def _context(pairs):
    request = RequestFactory().get("/events/?" + urlencode(pairs))
    return RequestContext(request, {"request": request})


@given(QUERIES, CHANGES)
def test_a_changed_query_string_is_what_djangos_querystring_gives(pairs, changes):
    context = _context(pairs)
    assert query_with(context.request, changes) == django_querystring(context, **changes)


@given(QUERIES, st.integers(1, 30))
def test_adding_an_actor_keeps_every_other_criterion_and_drops_the_page(pairs, actor):
    context = _context(pairs)
    params = context.request.GET.copy()
    if str(actor) not in params.getlist("actor"):
        params.setlist("actor", [*params.getlist("actor"), str(actor)])
    params.pop("page", None)
    assert add_actor(context, actor) == "?" + params.urlencode()


@given(QUERIES, st.integers(0, 50), st.none() | st.integers(0, 50))
def test_a_casualty_range_link_sets_both_ends(pairs, lo, hi):
    context = _context(pairs)
    params = context.request.GET.copy()
    params["killed_min"] = str(lo)
    if hi is None:
        params.pop("killed_max", None)
    else:
        params["killed_max"] = str(hi)
    params.pop("page", None)
    assert range_query(context, "killed_min", lo, "killed_max", hi) == "?" + params.urlencode()


def test_the_templates_querystring_is_the_fast_one_and_escapes_as_before():
    context = _context([("actor", "1"), ("q", "<b>&")])
    html = Template("{% load marsad %}{% querystring place=3 page=None %}").render(context)
    assert html == "?actor=1&amp;q=%3Cb%3E%26&amp;place=3"
    assert context.request._marsad_query_parts  # encoded once, kept on the request
