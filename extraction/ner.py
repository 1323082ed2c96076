"""Optional named-entity path: camel-tools' BERT NER model as a source of place (LOC)
and actor (ORG) candidates the gazetteer and lexicon don't know.

Off by default: it is used only when MARSAD_NER_MODEL names a model folder (normally the
`ner-arabert` model installed by `camel_data -i ner-arabert`). The rule-based extractor
never needs it; torch and transformers are imported only when it is switched on.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

ENV_VAR = "MARSAD_NER_MODEL"


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # "LOC" | "ORG" | "PERS" | "MISC"
    text: str


def model_path() -> str | None:
    """The configured model folder, or None when the NER path is off."""
    path = os.environ.get(ENV_VAR, "").strip()
    return path or None


@cache
def recognizer(path: str):
    """camel-tools' NERecognizer for the model folder `path` (loaded once, on CPU)."""
    try:
        from camel_tools.ner import NERecognizer
    except Exception as exc:  # camel-tools fetches its data catalogue on import
        raise RuntimeError(
            "camel-tools NER needs its data catalogue: install the model with "
            "`camel_data -i ner-arabert` or point CAMELTOOLS_DATA at a folder holding "
            f"catalogue.json ({exc})"
        ) from exc
    return NERecognizer(path, use_gpu=False)


def _words(text: str) -> list[tuple[int, int, str]]:
    """camel-tools' simple word tokens of `text` with their offsets."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    out, pos = [], 0
    for word in simple_word_tokenize(text):
        start = text.find(word, pos)
        if start < 0:  # the tokenizer changed the word: skip it, keep offsets honest
            continue
        out.append((start, start + len(word), word))
        pos = start + len(word)
    return out


def find_entities(text: str, path: str | None = None, max_words: int = 200) -> list[Entity]:
    """Named entities of `text` (offsets into it), or [] when no model is configured.

    Long texts are cut into chunks of `max_words` words for the model."""
    path = path or model_path()
    if not path or not text.strip():
        return []
    words = _words(text)
    chunks = [words[i:i + max_words] for i in range(0, len(words), max_words)]
    labels = recognizer(path).predict([[w for _, _, w in chunk] for chunk in chunks])
    out: list[Entity] = []
    for chunk, tags in zip(chunks, labels, strict=False):
        current: list = []
        kind = None
        for (start, end, _), tag in zip(chunk, tags, strict=False):
            prefix, _, label = tag.partition("-")
            if prefix == "I" and current and label == kind:
                current[1] = end
                continue
            if current:
                out.append(Entity(current[0], current[1], kind, text[current[0]:current[1]]))
                current = []
            if prefix in ("B", "I") and label:
                current, kind = [start, end], label
        if current:
            out.append(Entity(current[0], current[1], kind, text[current[0]:current[1]]))
    return out
