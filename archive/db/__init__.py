"""PostgreSQL backend that creates test databases with a UTF-8 ctype.

Under a `C` ctype pg_trgm sees no Arabic trigrams at all, and the default of the
server's template depends on how the cluster was initialised.
"""
