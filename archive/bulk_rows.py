"""New rows in bulk, cheaply: the multi-row INSERT that `bulk_create` sends, and the
UPDATE that `bulk_update` means, built here.

Ingestion inserts thousands of plain rows a chunk (articles, events, their actor rows,
incidents). `QuerySet.bulk_create` compiles every value through Django's SQL compiler
(expressions, placeholders, per-field checks); in the parallel ingestion's storing
process that compiling cost about as much as the database's own work. `insert` makes
the same statement from each field's own `pre_save` and `get_db_prep_save`, so
defaults, `auto_now`, dates, JSON and lists reach the database exactly as
`bulk_create` sends them: one INSERT ... RETURNING per batch the backend allows, each
object's pk set from it. `update` writes some fields of many stored rows in one
UPDATE ... FROM (VALUES ...) per batch, which both databases read, where `bulk_update`
compiles a CASE WHEN over every id for every field (slow to build). Like
`bulk_create` and `bulk_update` they send no signals, and the database's errors
(IntegrityError, DataError) are Django's.
"""
from django.db import connections
from django.db.models import Model


def insert(objs: list[Model], *, using: str = "default") -> list[Model]:
    """Insert these new objects of one model, set their pks, and return them."""
    if not objs:
        return objs
    model, connection = type(objs[0]), connections[using]
    if not connection.features.can_return_rows_from_bulk_insert:
        return model.objects.using(using).bulk_create(objs)
    meta = model._meta
    fields = [f for f in meta.concrete_fields
              if f is not meta.pk and not getattr(f, "generated", False)]
    quote = connection.ops.quote_name
    head = (f"INSERT INTO {quote(meta.db_table)} "  # noqa: S608 (names from the model)
            f"({', '.join(quote(f.column) for f in fields)}) VALUES ")
    row = f"({', '.join(['%s'] * len(fields))})"
    tail = f" RETURNING {quote(meta.pk.column)}"
    size = max(1, connection.ops.bulk_batch_size(fields, objs))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            part = objs[start:start + size]
            cursor.execute(head + ", ".join([row] * len(part)) + tail,
                           [value for obj in part for value in _values(obj, fields, connection)])
            for obj, (pk,) in zip(part, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding, obj._state.db = False, using
    return objs


def _values(obj: Model, fields: list, connection) -> list:
    if obj.pk is not None:
        raise ValueError(f"{obj!r} is already stored")
    for field in fields:  # a related object given before it was saved: its id now
        if field.is_relation and field.is_cached(obj):
            related = field.get_cached_value(obj)
            if related is not None and getattr(obj, field.attname) != related.pk:
                setattr(obj, field.attname, related.pk)
    return [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]


def update(objs: list[Model], fields: list[str], *, using: str = "default") -> None:
    """Write these fields (attribute values as they are, as `bulk_update` does: no
    `auto_now`) of these stored objects of one model."""
    if not objs:
        return
    model, connection = type(objs[0]), connections[using]
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    quote, table = connection.ops.quote_name, connection.ops.quote_name(meta.db_table)
    cast = connection.vendor == "postgresql"  # VALUES guesses no column's type there
    sets = ", ".join(
        f"{quote(f.column)} = v.column{i}" + (f"::{f.db_type(connection)}" if cast else "")
        for i, f in enumerate(columns, start=2))
    row = f"({', '.join(['%s'] * (len(columns) + 1))})"
    size = max(1, connection.ops.bulk_batch_size([meta.pk, *columns], objs))
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            part = objs[start:start + size]
            values = ", ".join([row] * len(part))
            cursor.execute(
                f"UPDATE {table} SET {sets} FROM (VALUES {values}) AS v "  # noqa: S608
                f"WHERE {table}.{quote(meta.pk.column)} = v.column1",
                [value for obj in part for value in (obj.pk, *(
                    f.get_db_prep_save(getattr(obj, f.attname), connection)
                    for f in columns))])
