"""New rows in bulk, cheaply: the multi-row INSERT that `bulk_create` sends, built here.

Ingestion inserts thousands of plain rows a chunk (articles, events, their actor rows,
incidents). `QuerySet.bulk_create` compiles every value through Django's SQL compiler
(expressions, placeholders, per-field checks); in the parallel ingestion's storing
process that compiling cost about as much as the database's own work. `insert` makes
the same statement from each field's own `pre_save` and `get_db_prep_save`, so
defaults, `auto_now`, dates, JSON and lists reach the database exactly as
`bulk_create` sends them: one INSERT ... RETURNING per batch the backend allows, each
object's pk set from it. Like `bulk_create` it sends no signals, and the database's
errors (IntegrityError, DataError) are Django's.
"""
from django.db import connections
from django.db.models import Model


def insert(objs: list[Model], *, using: str = "default") -> list[Model]:
    """Insert these new objects of one model, set their pks, and return them."""
    if not objs:
        return objs
    model, connection = type(objs[0]), connections[using]
    meta = model._meta
    fields = [f for f in meta.concrete_fields
              if f is not meta.pk and not getattr(f, "generated", False)]
    if not connection.features.can_return_rows_from_bulk_insert:
        return model.objects.using(using).bulk_create(objs)
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
