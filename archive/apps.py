import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate

SQLITE_TRIGGERS = ("archive_article_fts_insert", "archive_article_fts_delete",
                   "archive_article_fts_update")


def restore_sqlite_search_triggers(using="default", **kwargs):
    """SQLite rebuilds a table to alter it, dropping its triggers: put the full-text
    index's triggers back (and rebuild the index) whenever a migration lost them."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    if present.issuperset(SQLITE_TRIGGERS):
        return
    search = importlib.import_module("archive.migrations.0002_search")
    with connection.schema_editor() as schema_editor:
        search.sqlite_forwards(schema_editor)


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "أرشيف مرصد"

    def ready(self):
        from archive import checks, signals  # noqa: F401  (registers checks and receivers)

        post_migrate.connect(restore_sqlite_search_triggers, sender=self)
