"""Nothing lost, nothing stalls.

1. Articles remember the extractor that last ran on them and its error when it failed
   (an article is kept without events rather than lost); batches count those articles,
   and name their worker and heartbeat so that a killed batch is found and marked.
2. Content keys, version 2 (archive/content_key.py): the key no longer hashes the
   extractor's `fold`, so a change to `fold` can never make a stored article look new.
   Every key is recomputed. Two articles whose texts version 1 told apart but version 2
   does not (they differ only in Unicode composition or invisible marks) are BOTH kept,
   with their events and reviews: the older keeps the key, the newer gets a key made
   unique by its id (`_unique_key`) and is listed on the console; delete it in the admin
   if it is a copy. Reversing recomputes version 1 keys the same way.
3. PostgreSQL: the search vocabulary, one row per distinct indexed word, with a trigram
   index, kept by a trigger. The misspelt-query fallback looks words up there (a small,
   indexed table) instead of rechecking similarity over every article's text.
   And the planner is told what matching a vector costs (`ts_match_vq` COST 1000, which
   needs the database owner's rights; skipped with a message otherwise): a detoast per
   article. At the default cost of 1 it scans every article's vector for a word in all of
   them (0.43 s at 20,000 articles) or in none, instead of reading the GIN index (0.03 s).
4. SQLite: adding columns rebuilds archive_article, which drops the full-text triggers:
   they are created again.
"""
import hashlib
import importlib
import sys
import unicodedata

from django.db import DatabaseError, migrations, models, transaction
from django.db.models.functions import Cast, Concat

CHUNK = 500
# Frozen copy of archive.content_key version 2.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c"
                                   "\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u00ad\ufeff"))


def key_v2(text):
    normal = " ".join(unicodedata.normalize("NFC", text).translate(INVISIBLE).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def key_v1(text):
    from extraction.arabic import fold  # version 1 hashed the extractor's folding

    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def _unique_key(key, pk):
    return hashlib.sha256(f"{key}:kept-apart:{pk}".encode()).hexdigest()


def _rekey(apps, key):
    Article = apps.get_model("archive", "Article")
    # Out of the way first: no new key can meet an old one.
    Article.objects.update(content_hash=Concat(
        models.Value("rekey:"), Cast("id", models.CharField())))
    kept_apart = []
    ids = Article.objects.order_by("id").values_list("id", flat=True)
    last = 0
    while chunk := list(ids.filter(id__gt=last)[:CHUNK]):
        last = chunk[-1]
        rows = list(Article.objects.filter(id__in=chunk).only("id", "text").order_by("id"))
        keys = {row.pk: key(row.text) for row in rows}
        taken = dict(Article.objects.filter(content_hash__in=set(keys.values()))
                     .values_list("content_hash", "id"))
        for row in rows:
            row.content_hash = keys[row.pk]
            if row.content_hash in taken:
                kept_apart.append((row.pk, taken[row.content_hash]))
                row.content_hash = _unique_key(row.content_hash, row.pk)
            else:
                taken[row.content_hash] = row.pk
        Article.objects.bulk_update(rows, ["content_hash"])
    for pk, first in kept_apart:
        sys.stdout.write(f"\n  article #{pk} has the same text as #{first} under the new "
                         "content key: both kept (delete the copy in the admin)")


def _rekey_without_search_triggers(apps, schema_editor, key):
    """PostgreSQL: the search triggers would re-parse every article's text for an update
    of its key alone; they are off meanwhile (within this migration's transaction)."""
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute("ALTER TABLE archive_article DISABLE TRIGGER USER")
    _rekey(apps, key)
    if postgresql:
        schema_editor.execute("ALTER TABLE archive_article ENABLE TRIGGER USER")


def rekey_forwards(apps, schema_editor):
    _rekey_without_search_triggers(apps, schema_editor, key_v2)


def rekey_backwards(apps, schema_editor):
    _rekey_without_search_triggers(apps, schema_editor, key_v1)


PG_VOCABULARY = [
    "CREATE TABLE IF NOT EXISTS archive_search_word (word text PRIMARY KEY)",
    """CREATE INDEX IF NOT EXISTS archive_search_word_trgm ON archive_search_word
       USING gin (word gin_trgm_ops)""",
    # Sorted, so that concurrent ingestions take the words' locks in one order (no deadlock).
    """
    CREATE OR REPLACE FUNCTION archive_search_word_add() RETURNS trigger AS $$
    BEGIN
        INSERT INTO archive_search_word (word)
        SELECT w FROM unnest(tsvector_to_array(NEW.search_vector)) AS w
        WHERE length(w) BETWEEN 2 AND 64 ORDER BY w
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER archive_article_search_word_trigger
    AFTER INSERT OR UPDATE OF search_text ON archive_article
    FOR EACH ROW EXECUTE FUNCTION archive_search_word_add()
    """,
    """INSERT INTO archive_search_word (word)
       SELECT DISTINCT w FROM archive_article, unnest(tsvector_to_array(search_vector)) AS w
       WHERE length(w) BETWEEN 2 AND 64 ORDER BY w ON CONFLICT DO NOTHING""",
]
PG_VOCABULARY_BACKWARDS = [
    "DROP TRIGGER IF EXISTS archive_article_search_word_trigger ON archive_article",
    "DROP FUNCTION IF EXISTS archive_search_word_add()",
    "DROP TABLE IF EXISTS archive_search_word",
]


MATCH_COST = "ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST {}"


def _set_match_cost(schema_editor, cost: int) -> None:
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(MATCH_COST.format(cost))
    except DatabaseError as error:
        sys.stdout.write(f"\n  could not set the cost of full-text matching ({error}): "
                         f"as a superuser, run {MATCH_COST.format(cost)}")


def search_forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in PG_VOCABULARY:
            schema_editor.execute(sql)
        _set_match_cost(schema_editor, 1000)
    elif vendor == "sqlite":
        importlib.import_module("archive.migrations.0002_search").sqlite_forwards(schema_editor)


def search_backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_VOCABULARY_BACKWARDS:
            schema_editor.execute(sql)
        _set_match_cost(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_event_newest_first_index")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="extraction_error",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="extractor_version",
            field=models.CharField(blank=True, editable=False, max_length=40),
        ),
        migrations.AddField(
            model_name="ingestionbatch",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ingestionbatch",
            name="n_unextracted",
            field=models.PositiveIntegerField(
                default=0,
                help_text="New articles stored without events: the extractor failed on them"),
        ),
        migrations.AddField(
            model_name="ingestionbatch",
            name="worker",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(condition=models.Q(("extraction_error", ""), _negated=True),
                               fields=["id"], name="article_extraction_failed"),
        ),
        migrations.RunPython(search_forwards, search_backwards, elidable=False),
        migrations.RunPython(rekey_forwards, rekey_backwards, elidable=False),
    ]
