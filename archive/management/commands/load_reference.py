"""manage.py load_reference — upsert the gazetteer's places and the lexicon's actors
(extraction/data) into the database. Safe to run again: it only changes what changed."""
from django.core.management.base import BaseCommand, CommandError

from archive.services.reference import load_reference


class Command(BaseCommand):
    help = "Load places and actors from the reference data files (idempotent)."

    def handle(self, *args, **options):
        try:
            summary = load_reference()
        except (OSError, ValueError) as error:  # missing or broken data file: nothing loaded
            raise CommandError(f"reference data not loaded: {error}") from error
        self.stdout.write(
            f"Places: {summary.places_created} created, {summary.places_updated} updated. "
            f"Actors: {summary.actors_created} created, {summary.actors_updated} updated."
        )
