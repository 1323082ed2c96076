"""«جنديا أفغانيا»، «جنود أتراك»، «شرطيين تركيين»: a soldier or policeman told with a
nationality adjective right after him belongs to that country's forces, whichever
country the article names most (actors.py resolves other generic persons by the
article's countries). The adjectives are data/nationalities.json's (masculine, feminine
and plural forms, with the accusative, dual and oblique dual endings of the
masculine)."""
from __future__ import annotations

from collections import Counter
from functools import cache

from extraction.arabic import fold
from extraction.lexicons import reads

_NATIONALITIES = reads("nationalities.json", "*")
# the endings person nouns take (data/casualties.json): «أفغانيا»، «تركيان»، «عراقيين»
_ENDINGS = reads("casualties.json", "accusative", "dual", "oblique_dual")


@cache
def _adjectives() -> dict[str, str]:
    """Folded indefinite adjective -> country code."""
    out: dict[str, str] = {}
    for cc, entry in _NATIONALITIES.items():
        if not isinstance(entry, dict):
            continue
        for masc in entry.get("masc", ()):
            for ending in ("", *_ENDINGS.values()):
                out.setdefault(fold(masc + ending), cc)
        for word in (*entry.get("fem", ()), *entry.get("plural", ())):
            out.setdefault(fold(word), cc)
    return out


def told_country(text: str, end: int) -> Counter | None:
    """The country of the nationality adjective right after a person noun ending at
    `end` (one space between), as the one country to resolve it by; None when there is
    none."""
    if text[end:end + 1] != " ":
        return None
    after = text[end + 1:end + 40].split()[:1]
    cc = _adjectives().get(after[0]) if after else None
    return Counter({cc: 1}) if cc else None
