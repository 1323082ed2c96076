"""The client's two seed articles against their gold events (tests/data/seeds.*.jsonl),
checked on the fields that matter to a reader: type, place, killed, wounded, actors."""
import datetime as dt
import json
import pathlib
import re

import pytest

from extraction import extract

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def words(name: str) -> frozenset:
    """The grader's name comparison: folded words without a leading article."""
    out = set()
    for w in re.sub(r"[^\w]+", " ", _MARKS.sub("", name).translate(_FOLD)).split():
        for p in ("وال", "بال", "فال", "كال", "لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                w = w[len(p):]
                break
        out.add(w)
    return frozenset(out)


def same(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def names(item) -> list[str]:
    if not item:
        return []
    return [item["name"], *item.get("aliases", [])]


def matches(pred, gold) -> bool:
    return any(same(p, g) for p in names(pred) for g in names(gold))


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


DATA = pathlib.Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def seeds():
    data_dir = DATA
    gold = {r["id"]: r["events"] for r in load(data_dir / "seeds.gold.jsonl")}
    out = []
    for a in load(data_dir / "seeds.articles.jsonl"):
        published = dt.date.fromisoformat(a["date"]) if a.get("date") else None
        pred = [e.to_json() for e in extract(a["text"], published)]
        out.append((a, pred, gold[a["id"]]))
    return out


def pair(pred, gold):
    """Each gold event with the predicted event at the same place, if any."""
    return [(g, next((p for p in pred if matches(p["place"], g["place"])), None)) for g in gold]


def test_every_seed_event_is_found_at_its_place(seeds):
    for _article, pred, gold in seeds:
        for g, p in pair(pred, gold):
            assert p is not None, f"missed {g['type']} at {g['place']['name']}"
            assert p["type"] == g["type"]


def test_seed_events_have_the_gold_figures(seeds):
    for _article, pred, gold in seeds:
        for g, p in pair(pred, gold):
            for field in ("killed", "wounded"):
                want = g[field]["best"] if g[field] else None
                got = p[field]["best"] if p and p[field] else None
                assert got == want, (g["place"]["name"], field)


def test_seed_events_name_the_gold_actors(seeds):
    for _article, pred, gold in seeds:
        for g, p in pair(pred, gold):
            found = [a for a in g["actors"] if any(matches(x, a) for x in p["actors"])]
            assert len(found) >= len(g["actors"]) - 1, (g["place"]["name"], p["actors"])


def test_seeds_have_no_extra_events(seeds):
    for _article, pred, gold in seeds:
        assert len(pred) == len(gold)


def test_evidence_of_every_seed_event_is_inside_its_article(seeds):
    for article, pred, _gold in seeds:
        for p in pred:
            start, end = p["evidence"]
            assert 0 <= start < end <= len(article["text"])
