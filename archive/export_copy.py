"""The events CSV on PostgreSQL: one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)` whose
blocks go straight into the response, no Python per cell. The SELECT wraps the filtered
queryset's own SQL (so the file is exactly what is filtered, in its order) and writes every
cell the way `archive.export.rows` does, so both paths give the same bytes
(tests/site/test_export_copy.py compares them):

- a NULL is an empty cell and an empty text would be quoted by COPY, so text cells are
  NULLIF(…, ''); COPY ends rows with LF, Python's csv with CRLF: each CopyData message is
  one row (PostgreSQL's protocol), so its last byte is swapped;
- the small lookups (places' names, areas and coordinates, type codes and labels) are
  computed in Python with the same functions and sent as JSON; the evidence's text and
  the actors' names joined by role are stored on the event (`Event.evidence`,
  `csv_initiators`, `csv_targets`: archive/signals.py, archive/services/actor_cells.py),
  so no row reads its article's text or its actor rows;
- confidence: Python's round(x, 3) rounds the float's exact binary value half to even;
  the SQL rounds its shortest decimal form, which gives the same answer except on a tie
  such as 0.5625, where it compares the exact value (x · 2⁶³ as an integer) instead.
"""
import json
from collections.abc import Iterator

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F

from archive.codes import ACLED
from archive.models import Event, Place

BLOCK = 1 << 16
_DANGEROUS_SQL = "('=', '+', '-', '@', E'\\t', E'\\r')"
# Columns of the inner (filtered) query, by the names the outer SELECT uses.
_INNER = {
    "c_id": F("pk"), "c_date": F("date"), "c_precision": F("date_precision"),
    "c_type": F("type"), "c_place": F("place_id"), "c_place_text": F("place_text"),
    "c_killed_best": F("killed_best"), "c_killed_low": F("killed_low"),
    "c_killed_high": F("killed_high"), "c_wounded": F("wounded_best"),
    "c_outlet": F("article__outlet"), "c_url": F("article__url"),
    "c_article": F("article_id"), "c_confidence": F("confidence"),
    "c_reviewed": F("reviewed"), "c_rejected": F("rejected"),
    "c_initiators": F("csv_initiators"), "c_targets": F("csv_targets"),
}


def _inert(sql: str) -> str:
    """archive.export.inert in SQL: '' becomes NULL (an empty cell, as Python writes it)."""
    return (f"(CASE WHEN left({sql}, 1) IN {_DANGEROUS_SQL} THEN '''' || {sql} "
            f"ELSE NULLIF({sql}, '') END)")


# round(x, 3) of a float in [0, 1], then written as Python's repr writes it.
_SHORTEST = "r.shortest"  # (c_confidence::text)::numeric, computed once a row below
_EXACT = ("sign((floor(r.c_confidence * 1048576)::numeric * 8796093022208 "
          "+ ((r.c_confidence * 1048576 - floor(r.c_confidence * 1048576)) * 8796093022208)"
          "::bigint::numeric) * 10000 "
          f"- {_SHORTEST} * 10000 * 9223372036854775808)")
_ROUNDED = (
    f"(CASE WHEN mod({_SHORTEST} * 10000, 10) <> 5 THEN round({_SHORTEST}, 3) "
    f"WHEN {_EXACT} > 0 OR ({_EXACT} = 0 AND mod(trunc({_SHORTEST} * 1000), 2) = 1) "
    f"THEN trunc({_SHORTEST}, 3) + 0.001 ELSE trunc({_SHORTEST}, 3) END)"
)
# 0.850 -> "0.85", 1.000 -> "1.0": trailing zeros dropped, one decimal kept (≤ 1).
_CONFIDENCE = f"to_char({_ROUNDED}, 'FM0.099')"

_CELLS = [
    "r.c_id", "to_char(r.c_date, 'YYYY-MM-DD')", "NULLIF(r.c_precision, '')",
    "NULLIF(r.ty ->> 0, '')", "NULLIF(r.ty ->> 1, '')", "NULLIF(r.c_type, '')",
    "NULLIF(COALESCE(r.ty ->> 2, r.c_type), '')", _inert("r.c_initiators"), _inert("r.c_targets"),
    "r.pl ->> 3", f"COALESCE(r.pl ->> 0, {_inert('r.c_place_text')})", "r.pl ->> 4",
    "r.pl ->> 5", "r.pl ->> 1", "r.pl ->> 2", "r.c_killed_best", "r.c_killed_low",
    "r.c_killed_high", "r.c_wounded", _inert("r.c_outlet"), _inert("r.c_url"), "r.c_article",
    _inert("r.c_evidence"), _CONFIDENCE,
    "(CASE WHEN r.c_rejected THEN 'rejected' WHEN r.c_reviewed THEN 'reviewed' "
    "WHEN r.c_confidence < %s THEN 'needs_review' ELSE 'unreviewed' END)",
]


def _lookups() -> tuple[str, str]:
    """Places and types as JSON, each cell already as the Python path writes it
    (None for an empty cell)."""
    from archive.export import _areas_of, inert

    cache = {p.key: p for p in Place.objects.only("key", "name_ar", "kind")}
    places = {}
    for pk, name, path, lat, lon in Place.objects.values_list(
            "id", "name_ar", "path", "latitude", "longitude"):
        cells = [inert(name) if name else None, inert(lat), inert(lon),
                 *map(inert, _areas_of(path, cache))]
        places[str(pk)] = [cell or None for cell in cells]
    types = {code: [*ACLED.get(code, ("", "")), str(label)] for code, label in Event.Type.choices}
    return json.dumps(places), json.dumps(types)


def _statement(events) -> tuple[str, list]:
    from archive.services.event_review import NEEDS_REVIEW_BELOW

    inner = events.values(**_INNER, c_evidence=F("evidence"))
    inner_sql, inner_params = inner.query.sql_with_params()  # may raise EmptyResultSet
    places, types = _lookups()
    # Constants and Django's compiled SQL only; every value is a parameter.
    sql = (f"COPY (SELECT {', '.join(_CELLS)} FROM (SELECT q.*, "  # noqa: S608
           "%s::jsonb -> q.c_place::text AS pl, %s::jsonb -> q.c_type AS ty, "
           "(q.c_confidence::text)::numeric AS shortest "
           f"FROM ({inner_sql}) q OFFSET 0) r) TO STDOUT WITH (FORMAT csv, HEADER false)")
    # OFFSET 0 keeps the middle SELECT whole: each lookup and the confidence's
    # conversion are done once a row, not in each term that uses them.
    return sql, [NEEDS_REVIEW_BELOW, places, types, *inner_params]


def copy_csv(events) -> Iterator[bytes]:
    """The CSV rows (no header) of an events queryset, as UTF-8 blocks of about 64 kB."""
    try:
        sql, params = _statement(events)
    except EmptyResultSet:  # a filter that can match nothing: the header alone
        return
    yield from copy_blocks(sql, params)


def copy_blocks(sql: str, params: list) -> Iterator[bytes]:
    """A `COPY (…) TO STDOUT WITH (FORMAT csv)` statement's rows with CRLF endings (as
    Python's csv writes them), in blocks of about BLOCK bytes."""
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql, params) as copy:
        batch, size = [], 0
        for row in copy:  # one row per block, ending in LF
            batch.append(bytes(row[:-1]))
            size += len(row)
            if size >= BLOCK:
                yield b"\r\n".join(batch) + b"\r\n"
                batch, size = [], 0
        if batch:
            yield b"\r\n".join(batch) + b"\r\n"
