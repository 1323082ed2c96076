"""PostgreSQL: new articles' words reach the search vocabulary (`archive_search_word`, the
misspelt-search lookup of 0004) once per INSERT statement instead of once per article.

Ingestion inserts a chunk of articles in one statement; the row trigger ran one upsert per
article, probing the vocabulary's key for every word of every article, though most words
are shared by the chunk's articles and already known. A statement trigger reads the
statement's new rows (a transition table), keeps each word once and upserts them together,
still in sorted order so that concurrent ingestions take the words' locks in one order.

A changed search text (an edited article) still goes through 0004's row trigger: PostgreSQL
allows no transition table on a trigger limited to one column, and a statement trigger on
every UPDATE would re-read the words of rows whose text did not change.
"""
from django.db import migrations

FUNCTION = "archive_search_words_add"
TRIGGER = "archive_article_search_words_insert"
ROW_TRIGGER = "archive_article_search_word_trigger"

FORWARDS = [
    f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
    BEGIN
        INSERT INTO archive_search_word (word)
        SELECT DISTINCT w FROM new_articles, unnest(tsvector_to_array(search_vector)) AS w
        WHERE length(w) BETWEEN 2 AND 64 ORDER BY w
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,  # noqa: S608 (constant names, no input)
    f"DROP TRIGGER IF EXISTS {ROW_TRIGGER} ON archive_article",
    f"""
    CREATE TRIGGER {ROW_TRIGGER}
    AFTER UPDATE OF search_text ON archive_article
    FOR EACH ROW EXECUTE FUNCTION archive_search_word_add()
    """,
    f"""
    CREATE TRIGGER {TRIGGER}
    AFTER INSERT ON archive_article REFERENCING NEW TABLE AS new_articles
    FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()
    """,
]

BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON archive_article",
    f"DROP FUNCTION IF EXISTS {FUNCTION}()",
    f"DROP TRIGGER IF EXISTS {ROW_TRIGGER} ON archive_article",
    f"""
    CREATE TRIGGER {ROW_TRIGGER}
    AFTER INSERT OR UPDATE OF search_text ON archive_article
    FOR EACH ROW EXECUTE FUNCTION archive_search_word_add()
    """,
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0019_event_outlet")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS), elidable=False)]
