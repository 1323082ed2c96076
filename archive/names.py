"""Names as written: the spelling an article used for a place or actor the extractor named
by its folded search key («سديره» for «سديرة»). A pure function, shared by ingestion
(archive.services.events) and the data migration 0007."""
from extraction.normalise import fold

PARTICLES = "وفبل"


def as_written(name: str, aliases) -> str:
    """The first run of words in an alias (the words a text used, e.g. «قرية شيّالة»)
    that folds to `name`, an attached و ف ب ل dropped; else `name` itself."""
    wanted = fold(name)
    for alias in aliases or ():
        if not isinstance(alias, str):
            continue
        words = alias.split()
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                run = " ".join(words[start:end])
                for form in (run, run[1:] if run[:1] in PARTICLES else ""):
                    if form and fold(form) == wanted:
                        return form
    return name
