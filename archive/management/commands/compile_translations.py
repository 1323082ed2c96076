"""Write our English strings and Arabic plural forms (archive.translations) into
locale/*/LC_MESSAGES/django.po and compile the .mo files, in pure Python (polib): no GNU
gettext needed. `--check` only says whether the committed files are up to date."""
from django.core.management.base import BaseCommand, CommandError

from archive.services.translations import compile_all


class Command(BaseCommand):
    help = "Fill and compile the translation catalogues (pure Python)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Fail if a .po or .mo file is not up to date.")

    def handle(self, *args, check=False, **options):
        stale = compile_all(write=not check)
        if check and stale:
            raise CommandError(f"Out of date: {', '.join(stale)}. Run compile_translations.")
        self.stdout.write(f"{'checked' if check else 'compiled'}: "
                          f"{len(stale)} file(s) {'stale' if check else 'rewritten'}")
