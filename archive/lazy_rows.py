"""A listing page's rows, read from the database only when something uses them.

The filtered events and incidents pages write their table from the row cache
(`templatetags/marsad_rows.table_rows`): a row another page has shown is served as
HTML, and reading its report, place and actors again for every page was a seventh of a
filtered events page's CPU and two of its four queries. `LazyRows` holds the page's
ids and the function that reads rows by ids; used as a list (iterated, indexed,
counted) it reads them all once, in the ids' order; `table_rows` asks only for those
the cache lacks (`missing`)."""
from collections.abc import Callable, Sequence


class LazyRows(Sequence):
    def __init__(self, ids: list[int], read: Callable[[list[int]], list]) -> None:
        self.ids, self._read, self._rows = list(ids), read, None

    def _all(self) -> list:
        if self._rows is None:
            self._rows = self._read(self.ids) if self.ids else []
        return self._rows

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __getitem__(self, index):
        return self._all()[index]

    def __iter__(self):
        return iter(self._all())

    def missing(self, ids: list[int]) -> dict[int, object]:
        """{id: row} of these ids (some of the page's), read now unless all are read."""
        wanted = set(ids)
        rows = self._rows if self._rows is not None else self._read(list(ids))
        return {row.pk: row for row in rows if row.pk in wanted}
