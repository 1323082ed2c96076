"""System checks for the things that silently break Arabic search or the site's looks."""
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.db import connections


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_files_collected(app_configs, **kwargs):
    """Without `collectstatic`, WhiteNoise has nothing to serve: every page unstyled."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if settings.DEBUG or manifest.exists():
        return []
    return [checks.Warning(
        f"Static files are not collected in {settings.STATIC_ROOT}: the site and the admin "
        "would be unstyled.",
        hint="Run: manage.py collectstatic --noinput (MARSAD_STATIC_ROOT sets the folder)",
        id="archive.W002",
    )]


@checks.register(checks.Tags.database)
def check_postgresql_ctype(app_configs, databases=None, **kwargs):
    """pg_trgm sees no Arabic trigrams under a C/POSIX ctype: warn before search does."""
    messages = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            ctype = cursor.fetchone()[0]
        if "utf" not in ctype.lower().replace("-", ""):
            messages.append(
                checks.Warning(
                    f"Database {connection.settings_dict['NAME']!r} has ctype {ctype!r}: "
                    "trigram search will not see Arabic letters.",
                    hint="Create it with: createdb --template=template0 --locale=C.UTF-8 NAME",
                    id="archive.W001",
                )
            )
    return messages
