"""The query the map and the charts ask the JSON endpoints: the page's own filters (the
incidents and events tables), plus the actor or place of an actor's or a place's page."""
from django import template

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
