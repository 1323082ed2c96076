"""The reader's site: pages (`pages`), the article text renderer and the bar timeline."""
from archive.views.incidents import incident, incidents, incidents_export
from archive.views.pages import (
    actor,
    article,
    events,
    events_export,
    home,
    place,
    search,
    search_export,
)

__all__ = [
    "actor", "article", "events", "events_export", "home", "incident", "incidents",
    "incidents_export", "place", "search", "search_export",
]
