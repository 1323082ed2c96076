"""manage.py search_rum [--drop] — build (or drop) the search page's RUM index.

Keeping the RUM index (migration 0018) up to date is most of PostgreSQL's work when
articles are stored (README, "Where the time goes"). For a first load of millions of
articles: `manage.py search_rum --drop`, ingest, then `manage.py search_rum` (minutes at
a million articles); meanwhile search works, slower for common words. Builds only where
migration 0018 would: on PostgreSQL with the rum extension.
"""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.search_indexes import RUM


class Command(BaseCommand):
    help = "Build the search page's RUM index on PostgreSQL, or drop it with --drop."

    def add_arguments(self, parser):
        parser.add_argument("--drop", action="store_true", help="drop the index")

    def handle(self, *args, drop, **options):
        if connection.vendor != "postgresql":
            raise CommandError("the RUM index is PostgreSQL's; this database searches without it")
        started = time.perf_counter()
        with connection.cursor() as cursor:
            if drop:
                cursor.execute(f"DROP INDEX IF EXISTS {RUM.INDEX}")
            elif RUM.rum_extension(connection):
                cursor.execute(RUM.CREATE)
            else:
                raise CommandError("the rum extension is not available (Debian: "
                                   "postgresql-15-rum); search works without the index")
        self.stdout.write(f"{'dropped' if drop else 'built'} {RUM.INDEX} in "
                          f"{time.perf_counter() - started:.1f} s")
