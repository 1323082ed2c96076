"""manage.py relink: link the events not yet in an incident (after upgrading an archive
to incidents, or a bulk load that skipped linking)."""
from django.core.management.base import BaseCommand

from archive.services.linking import relink_all


class Command(BaseCommand):
    help = "Link every event not yet in an incident."

    def handle(self, *args, **options):
        self.stdout.write(f"linked {relink_all()} events")
