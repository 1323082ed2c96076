"""Reads: the QuerySet methods views, exports and commands share."""
from django.db import models


class PlaceQuerySet(models.QuerySet):
    def within(self, place):
        """The place and every place it encloses (its districts, cities, villages)."""
        return self.filter(path__startswith=place.path)


class ArticleQuerySet(models.QuerySet):
    pass


class EventQuerySet(models.QuerySet):
    def within(self, place):
        """Events at the place or anywhere inside it."""
        return self.filter(place__path__startswith=place.path)

    def for_listing(self):
        """What an events table shows, in a fixed number of queries."""
        return self.select_related("article", "place", "place__parent").prefetch_related(
            "participants__actor"
        )
