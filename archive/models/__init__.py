"""The archive: articles, the events extracted from them, and the actors and places
they name. Reads live on the QuerySets in `archive/querysets.py`; writes in
`archive/services/`.

The models live in `reference` (Place, Actor), `articles` (IngestionBatch, Article,
Event, EventActor) and `incidents` (Incident, Deletion); import them from here."""
from archive.models.articles import Article, Event, EventActor, IngestionBatch
from archive.models.incidents import Deletion, Incident
from archive.models.reference import Actor, Place

__all__ = [
    "Actor", "Article", "Deletion", "Event", "EventActor", "Incident", "IngestionBatch",
    "Place",
]
