"""manage.py load_reference [--overwrite] — add the gazetteer's places and the lexicon's
actors (extraction/data) that the database lacks. Safe to run again: rows staff edited in
the admin are kept, unless --overwrite resets them to the data files."""
from django.core.management.base import BaseCommand, CommandError

from archive.services.reference import load_reference


class Command(BaseCommand):
    help = "Load places and actors from the reference data files (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--overwrite", action="store_true",
                            help="reset places and actors already stored to the data files")

    def handle(self, *args, **options):
        try:
            summary = load_reference(overwrite=options["overwrite"])
        except (OSError, ValueError) as error:  # missing or broken data file: nothing loaded
            raise CommandError(f"reference data not loaded: {error}") from error
        self.stdout.write(
            f"Places: {summary.places_created} created, {summary.places_updated} updated. "
            f"Actors: {summary.actors_created} created, {summary.actors_updated} updated."
        )
