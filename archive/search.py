"""Full-text search: the folding shared by documents and queries.

`search_document` is what ingestion stores in Article.search_text."""
from extraction.normalise import fold


def search_document(*parts: str) -> str:
    """The folded text that the search indexes for an article's title and text."""
    return fold(" ".join(p for p in parts if p))
