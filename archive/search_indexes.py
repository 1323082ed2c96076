"""The full-text indexes of archive_article on PostgreSQL (migrations 0002 and 0018): which
exist, and the ones a database lacks, built again. The bench's bulk fill drops them and
builds them once at the end (archive/bench_fill.py); a fill killed before its end left a
database without them, and every search read every article: `bench_site` builds what is
missing before it measures."""
import importlib

from django.db import connection

SEARCH = importlib.import_module("archive.migrations.0002_search")
RUM = importlib.import_module("archive.migrations.0018_search_rum_index")
_KINDS = ("USING gin", "USING rum")


def present() -> list[tuple[str, str]]:
    """(name, definition) of the article table's GIN and RUM indexes."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                       "'archive_article' AND (indexdef LIKE '%% USING gin %%' "
                       "OR indexdef LIKE '%% USING rum %%')")
        return cursor.fetchall()


def missing() -> list[str]:
    """CREATE statements of the migrations' full-text indexes the table lacks (the RUM
    one only where the rum extension is created, as migration 0018 builds it)."""
    have = {name for name, _ in present()}
    wanted = [s for s in SEARCH.PG_FORWARDS if "CREATE INDEX" in s and any(k in s for k in _KINDS)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum')")
        if cursor.fetchone()[0]:
            wanted.append(RUM.CREATE)
    return [s for s in wanted if index_name(s) not in have]


def index_name(statement: str) -> str:
    words = statement.split()
    return words[words.index("ON") - 1]


def build_missing() -> list[str]:
    """Build the full-text indexes the table lacks; their CREATE statements."""
    statements = missing()
    if not statements:
        return statements
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")  # a one-pass build's memory
        for statement in statements:
            cursor.execute(statement)
        cursor.execute("RESET maintenance_work_mem")
    return statements
