"""PostgreSQL: drop the trigram index over every article's whole folded text (0002).

Search never reads it (words are looked up in the vocabulary, `archive_search_word`,
whose own trigram index serves misspelt and glued words); only the admin's substring
search used it, and that now goes through the full-text search. At a million articles
it was the largest index (about 2,000 trigrams per article) and the slowest to keep:
building it for 80,000 articles took longer than storing them.
"""
from django.db import migrations

INDEX = "archive_article_search_text_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_article "
                              "USING gin (search_text gin_trgm_ops)")


class Migration(migrations.Migration):
    dependencies = [("archive", "0008_background_jobs")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
