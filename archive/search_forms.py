"""PostgreSQL: the forms of a query's words that the search vocabulary holds (their own,
singular/plural and glued forms), as full-text queries for ArticleQuerySet.search."""
import functools
import operator

from django.db import connection

from archive import querysets
from archive.search import GLUED_MIN, alternatives


def known_forms(terms: list[str]) -> list[tuple[list[str], list[str]]]:
    """For each query word, its forms that are in the search vocabulary: (its own and
    its singular/plural forms, primary-key lookups; for words of GLUED_MIN letters or
    more, up to GLUED_WORDS longer words containing it, through the trigram index). One
    query for the whole search; it reads the vocabulary (which grows far slower than the
    archive), never the articles."""
    index, forms, glued_index, patterns, own = [], [], [], [], []
    for i, term in enumerate(terms):
        term = term.lower()
        for form in alternatives(term):
            index.append(i)
            forms.append(form.lower())
        if len(term) >= GLUED_MIN:
            glued_index.append(i)
            patterns.append("%" + term.replace("\\", "").replace("%", "").replace("_", "")
                            + "%")
            own.append(term)
    sql = (
        f"SELECT t.i, word, true FROM unnest(%s::int[], %s::text[]) AS t(i, form) "  # noqa: S608
        f"JOIN {querysets.VOCABULARY} ON word = t.form "
        "UNION ALL SELECT g.i, w.word, false FROM unnest(%s::int[], %s::text[], %s::text[]) "
        "AS g(i, pattern, term) CROSS JOIN LATERAL (SELECT word FROM "
        f"{querysets.VOCABULARY} WHERE word LIKE g.pattern AND word <> g.term "
        "ORDER BY length(word), word LIMIT %s) AS w"
    )
    found: list[tuple[list[str], list[str]]] = [([], []) for _ in terms]
    with connection.cursor() as cursor:
        cursor.execute(sql, [index, forms, glued_index, patterns, own, querysets.GLUED_WORDS])
        rows = cursor.fetchall()
    for i, word, exact in rows:
        bucket = found[i][0 if exact else 1]
        if word not in found[i][0] and word not in bucket:
            bucket.append(word)
    return found


def _any_of(words: list[str]):
    from django.contrib.postgres.search import SearchQuery

    query = None
    for word in words:
        one = SearchQuery(word, config="simple", search_type="plain")
        query = one if query is None else query | one
    return query


def known_forms_query(terms: list[str]):
    """(a full-text query asking, for every term, for any of its known forms; the query
    of its exact and singular/plural forms only, which ranks, so that glued matches come
    after exact ones). The first is None when a term has no known form (it is in no
    article: the misspelt-word fallback takes over); the second when a term is known
    only inside longer words."""
    eithers, owns = [], []
    for exact, glued in known_forms(terms):
        if not exact + glued:
            return None, None
        eithers.append(_any_of(exact + glued))
        owns.append(_any_of(exact))
    query = functools.reduce(operator.and_, eithers)
    ranking = None if None in owns else functools.reduce(operator.and_, owns)
    return query, ranking
