"""A listing's rows read by their ids with a query compiled once per process.

The events and incidents tables read their page's rows (`event_listing.event_rows`,
`incident_listing.incident_rows`) with `values_list` queries that only the ids change:
on PostgreSQL compiling them with the ORM for every page cost twice the CPU of running
them, so each is compiled once, its ids one array parameter (`= ANY(%s)`). Other
databases run the queryset. The rows are the values `values_list` gives (no field of
these queries needs a converter on PostgreSQL but JSON, which the caller decodes).
"""
import functools
from collections.abc import Callable

from django.db import connection

_MARK = "IN (%s)"


@functools.cache
def _statement(make: Callable) -> str:
    sql, params = make([0]).query.sql_with_params()
    if list(params) != [0] or sql.count(_MARK) != 1:
        raise RuntimeError(f"not a query by a list of ids: {sql}")
    return sql.replace(_MARK, "= ANY(%s)")


def read(make: Callable, ids: list[int]) -> list[tuple]:
    """The rows of `make(ids)` (a `values_list` queryset filtered `…__in=ids`)."""
    if connection.vendor != "postgresql":
        return list(make(ids))
    with connection.cursor() as cursor:
        cursor.execute(_statement(make), [list(ids)])
        return cursor.fetchall()
