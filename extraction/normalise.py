"""Arabic normalisation: pure `str -> str` folds built on camel-tools.

`fold` is shared with the archive's search (articles and queries are folded by the
same function), so its behaviour is a contract: change it and re-index.
"""
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
_DIGITS = str.maketrans(
    {**{chr(0x660 + d): str(d) for d in range(10)}, **{chr(0x6F0 + d): str(d) for d in range(10)}}
)
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})


def fold(text: str) -> str:
    """Diacritics and tatweel removed; alef, hamza seats, alef maqsura, teh marbuta
    and Arabic-Indic digits folded. Keeps one output character per input character
    except for the removed marks."""
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return text.translate(_HAMZA_SEATS).translate(_DIGITS)
