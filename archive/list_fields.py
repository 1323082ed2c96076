"""A list column PostgreSQL can count directly: an array there (`unnest` reads it with no
JSON to parse), JSON text on other databases (SQLite, the embedded default, stores and
reads the same lists; its facets are counted by queries that do not read these columns).
`overlaps` finds the rows whose list holds any of some values: `&&` on PostgreSQL (a GIN
index can answer it), `json_each` elsewhere.
"""
import json

from django.db import models


class ListField(models.Field):
    """A list of `item` values ("bigint" or "text"): `item[]` on PostgreSQL, JSON text
    elsewhere. Python sees a list either way."""

    def __init__(self, *args, item: str = "bigint", **kwargs):
        self.item = item
        kwargs.setdefault("default", list)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item"] = self.item
        if kwargs.get("default") is list:
            del kwargs["default"]
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def db_type(self, connection):
        return f"{self.item}[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        return json.loads(value) if isinstance(value, str) else value

    def to_python(self, value):
        return json.loads(value) if isinstance(value, str) else value

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        if connection.vendor == "postgresql":
            return list(value)
        return json.dumps(list(value), ensure_ascii=False)


@ListField.register_lookup
class Overlaps(models.Lookup):
    """`field__overlaps=[values]`: the list holds at least one of the values."""

    lookup_name = "overlaps"

    def get_db_prep_lookup(self, value, connection):
        return "%s", [self.lhs.output_field.get_db_prep_value(list(value), connection)]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} && {rhs}::{self.lhs.output_field.item}[]", [*lhs_params, *rhs_params]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        # Django's compiled column and a parameter placeholder; the values are parameters.
        return (f"EXISTS (SELECT 1 FROM json_each({lhs}) l JOIN json_each({rhs}) r "  # noqa: S608
                "ON l.value = r.value)", [*lhs_params, *rhs_params])
