"""A readable Latin spelling of an Arabic name, for English pages when no English name
is known (a simplified, diacritic-free scheme: not reversible, only legible)."""
LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "'", "ؤ": "'", "ئ": "'", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "w", "ي": "y", "ى": "a", "\u064e": "a", "\u064f": "u", "\u0650": "i",
}


def _word(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        return "al-" + _word(word[2:])
    out = []
    for i, ch in enumerate(word):
        latin = LETTERS.get(ch, ch if ch.isascii() else "")
        # A long vowel between consonants reads as a vowel: و -> u, ي -> i.
        if ch == "و" and i > 0:
            latin = "u" if i < len(word) - 1 or len(word) > 2 else "w"
        if ch == "ي" and i > 0:
            latin = "i"
        out.append(latin)
    text = "".join(out).replace("''", "'").rstrip("'")
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), 0)
    return text[:first] + text[first:first + 1].upper() + text[first + 1:]


def transliterate(name: str) -> str:
    """بغداد -> Baghdad-like Latin; words kept apart, the article as al-."""
    return " ".join(_word(w) for w in (name or "").split())
