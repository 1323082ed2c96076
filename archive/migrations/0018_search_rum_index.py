"""PostgreSQL, optional: a RUM index of the articles' search vectors with each article's
publication date attached, so the search page's newest matches of a common word come
from the index in date order (`ORDER BY published::timestamp <=> far LIMIT k`,
archive/search_newest.py) instead of a backwards read along `published` that checks
every article's vector until enough match.

Only when the `rum` extension can be had: already created, or available on the server
(Debian `postgresql-15-rum`) and creatable by this user. Otherwise, and on SQLite, this
migration does nothing and the site searches as before; run it again (migrate archive
0017, then migrate) after installing rum. Building the index reads every vector: on a
large archive expect minutes (see the README's performance table).
"""
from django.db import DatabaseError, migrations, transaction

INDEX = "archive_article_search_rum"
CREATE = (f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_article USING rum "
          "(search_vector rum_tsvector_addon_ops, (published::timestamp)) "
          "WITH (attach = 'published', to = 'search_vector')")


def rum_extension(connection) -> bool:
    """Whether rum is (now) created in this database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum'), "
                       "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum')")
        created, available = cursor.fetchone()
    if created or not available:
        return created
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError:  # e.g. not allowed to this user: search without it
        return False
    return True


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql" and rum_extension(connection):
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0017_event_actor_ids")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
