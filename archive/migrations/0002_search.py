"""Full-text search indexes over Article.search_text, one design per database.

PostgreSQL: pg_trgm; a trigger keeps search_vector = to_tsvector('simple', search_text);
a GIN index on search_vector (ranked FTS) and a trigram GIN index on search_text (fallback).
SQLite: an external-content FTS5 table over search_text kept in sync by triggers (bm25).

Note for later migrations on SQLite: Django rebuilds a table to alter it, which drops its
triggers. A migration that alters archive_article must call `sqlite_forwards` again.
"""
from django.db import migrations

PG_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION archive_article_search_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector := to_tsvector('simple', coalesce(NEW.search_text, ''));
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER archive_article_search_vector_trigger
    BEFORE INSERT OR UPDATE ON archive_article
    FOR EACH ROW EXECUTE FUNCTION archive_article_search_vector_update()
    """,
    "UPDATE archive_article SET search_vector = to_tsvector('simple', coalesce(search_text, ''))",
    "CREATE INDEX archive_article_search_vector_gin ON archive_article USING gin (search_vector)",
    """CREATE INDEX archive_article_search_text_trgm ON archive_article
       USING gin (search_text gin_trgm_ops)""",
]
PG_BACKWARDS = [
    "DROP INDEX IF EXISTS archive_article_search_text_trgm",
    "DROP INDEX IF EXISTS archive_article_search_vector_gin",
    "DROP TRIGGER IF EXISTS archive_article_search_vector_trigger ON archive_article",
    "DROP FUNCTION IF EXISTS archive_article_search_vector_update()",
    # pg_trgm stays: other databases objects may use it.
]

SQLITE_TABLE = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS archive_article_fts USING fts5(
        search_text, content='archive_article', content_rowid='id', tokenize='unicode61')""",
]
SQLITE_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS archive_article_fts_insert AFTER INSERT ON archive_article
    BEGIN
        INSERT INTO archive_article_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS archive_article_fts_delete AFTER DELETE ON archive_article
    BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS archive_article_fts_update AFTER UPDATE ON archive_article
    BEGIN
        INSERT INTO archive_article_fts(archive_article_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO archive_article_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO archive_article_fts(archive_article_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS archive_article_fts_update",
    "DROP TRIGGER IF EXISTS archive_article_fts_delete",
    "DROP TRIGGER IF EXISTS archive_article_fts_insert",
    "DROP TABLE IF EXISTS archive_article_fts",
]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def sqlite_forwards(schema_editor):
    _run(schema_editor, SQLITE_TABLE + SQLITE_TRIGGERS)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, PG_FORWARDS)
    elif vendor == "sqlite":
        sqlite_forwards(schema_editor)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, PG_BACKWARDS)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
