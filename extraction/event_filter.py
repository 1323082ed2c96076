"""A learned last word on each event the rules propose: is it a political-violence
incident an analyst would code, or a false alarm (a match report, a festival, a crime, a
metaphor)?

    from extraction.event_filter import keep, probability
    kept = [e for e in events if keep(e, text=article_text, title=article_title)]

The model is a logistic regression over a few hundred named features of the event and its
article (its type, figures, actors, place, where it sits in the article, and the folded
words of its evidence sentence and of the title). It is trained by
`extraction/train_event_filter.py` on the development data only and stored as plain JSON
in `extraction/data/event_filter.json`; applying it is a sum of weights, with no
scikit-learn at run time. `features` is shared by training and run time, so the two
cannot drift apart.

Not in the pipeline. Trained on what the rules propose after the scope rule
(extraction/scope.py), its nested leave-one-outlet-out estimate is event F1 0.646 -> 0.643:
the rule already removes what it learnt to remove, so it is kept as a measured tool for
when the development set holds more gold, not wired into `assemble.FINISHING`.

Limits worth knowing: it learnt from 136 events the rules proposed on 120 development
articles, among which only 5 real protests and arrests (against 25 false ones), so for
those two types it acts mostly as a prior against them; it takes `Event` objects (it
reads `kind`, `confidence` and the `mentions` the JSON contract does not carry).
"""
from __future__ import annotations

import json
import math
import pathlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from extraction.arabic import fold
from extraction.types import Event

MODEL_FILE = pathlib.Path(__file__).parent / "data" / "event_filter.json"
SCHEMA = "marsad.event_filter/1"
FEATURE_KINDS = ("shape", "words", "title_words", "char_ngrams")

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Model:
    """Weights by feature name, the intercept, the decision threshold on the probability
    and which feature kinds the weights were trained with."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    kinds: tuple[str, ...]
    ngram: tuple[int, int] = (3, 4)


def model_from_json(data: Mapping) -> Model:
    """A Model from the parsed JSON file; a malformed file is a ValueError naming why."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"event filter model: schema is {data.get('schema')!r}, not {SCHEMA!r}")
    weights, bias = data.get("weights"), data.get("bias")
    threshold, kinds = data.get("threshold"), data.get("features", {}).get("kinds")
    if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, int | float) for k, v in weights.items()):
        raise ValueError("event filter model: 'weights' must map feature names to numbers")
    if not isinstance(bias, int | float):
        raise ValueError("event filter model: 'bias' must be a number")
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        raise ValueError("event filter model: 'threshold' must be a probability")
    if not isinstance(kinds, list) or not set(kinds) <= set(FEATURE_KINDS):
        raise ValueError(f"event filter model: 'features.kinds' must be among {FEATURE_KINDS}")
    low, high = data["features"].get("ngram", [3, 4])
    return Model(weights=dict(weights), bias=float(bias), threshold=float(threshold),
                 kinds=tuple(kinds), ngram=(int(low), int(high)))


@cache
def load_model(path: pathlib.Path = MODEL_FILE) -> Model:
    """The model stored at `path`, read once per process."""
    try:
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"event filter model {path}: cannot be read ({exc})") from None
    return model_from_json(data)


# --- features ---------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    """Folded word tokens; every number becomes the same token."""
    return [_DIGITS.sub("0", w) if w[0].isdigit() else w for w in _TOKEN.findall(fold(text))]


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _char_ngrams(words: Iterable[str], low: int, high: int) -> set[str]:
    grams = set()
    for w in words:
        padded = f"<{w}>"
        for n in range(low, high + 1):
            grams.update(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


def _names(refs) -> list[str]:
    return [n for r in refs for n in (r.name, *r.aliases) if n]


def _shape(event: Event, text: str, title: str, sentence: str) -> dict[str, float]:
    """What the event is made of, independent of its words."""
    out = {f"type={event.type}": 1.0}
    for field in ("killed", "wounded"):
        count = getattr(event, field)
        if count is not None:
            out[f"{field}=given"] = 1.0
            if (count.best or count.low or 0) >= 5:
                out[f"{field}>=5"] = 1.0
    out[f"actors={_bucket(len(event.actors), 2)}"] = 1.0
    for a in event.actors:
        out[f"actor_kind={a.kind}"] = 1.0
        out[f"actor_role={a.role}"] = 1.0
    out[f"place={event.place.kind if event.place else 'none'}"] = 1.0
    precision = event.date.precision if event.date else None
    out[f"date={precision or 'none'}"] = 1.0
    mentions = event.extra.get("mentions") or () if event.extra else ()
    out[f"mentions={_bucket(len(mentions), 3)}"] = 1.0
    out["confidence"] = float(event.confidence)
    out["position"] = event.evidence.start / max(len(text), 1)
    out[f"sentence_words={_bucket(len(sentence.split()) // 10, 4)}"] = 1.0
    folded_title = fold(title)
    if folded_title.strip():
        if event.place and any(fold(n) in folded_title for n in _names([event.place])):
            out["place_in_title"] = 1.0
        if any(fold(n) in folded_title for n in _names(event.actors)):
            out["actor_in_title"] = 1.0
    else:
        out["title=none"] = 1.0
    return out


def features(event: Event, *, text: str, title: str | None,
             kinds: Iterable[str] = FEATURE_KINDS, ngram: tuple[int, int] = (3, 4)
             ) -> dict[str, float]:
    """The named features of `event` in its article (`text` is the article as the
    extractor read it: the evidence span points into it)."""
    title = title or ""
    kinds = set(kinds)
    sentence = text[event.evidence.start:event.evidence.end]
    out = _shape(event, text, title, sentence) if "shape" in kinds else {}
    words = _words(sentence)
    if "words" in kinds:
        out.update((f"w:{w}", 1.0) for w in words)
    if "title_words" in kinds:
        out.update((f"t:{w}", 1.0) for w in _words(title))
    if "char_ngrams" in kinds:
        out.update((f"c:{g}", 1.0) for g in _char_ngrams(words, *ngram))
    return out


# --- decisions --------------------------------------------------------------------------

def probability(event: Event, *, text: str, title: str | None, model: Model | None = None
                ) -> float:
    """How likely the event is one an analyst would code (0..1)."""
    model = model or load_model()
    feats = features(event, text=text, title=title, kinds=model.kinds, ngram=model.ngram)
    z = model.bias + sum(model.weights.get(k, 0.0) * v for k, v in feats.items())
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def keep(event: Event, *, text: str, title: str | None, model: Model | None = None) -> bool:
    """Whether the event stays: its probability reaches the model's threshold."""
    model = model or load_model()
    return probability(event, text=text, title=title, model=model) >= model.threshold


def filter_events(events: Iterable[Event], *, text: str, title: str | None,
                  model: Model | None = None) -> list[Event]:
    """The events that stay, in their order (the pipeline stage)."""
    model = model or load_model()
    return [e for e in events if keep(e, text=text, title=title, model=model)]
