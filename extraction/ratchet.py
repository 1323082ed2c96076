"""python -m extraction.ratchet EVAL_DIR

Runs the extractor on the seed and development articles of EVAL_DIR (seeds.*.jsonl,
dev.*.jsonl), grades them with EVAL_DIR/score.py, prints the figures of each set and of
both together, and exits 1 when a combined figure is worse than the floor recorded in
quality_floor.json (next to this file). Raise the floor as the extractor improves;
never set it above what it reaches.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import pathlib
import sys

from extraction import extract

FLOOR = pathlib.Path(__file__).parent / "quality_floor.json"
SETS = ("seeds", "dev")
SHOWN = ("event_precision", "event_recall", "event_f1", "type_acc", "place_any_acc",
         "killed_acc", "wounded_acc", "date_acc", "actor_f1", "article_actor_f1",
         "article_place_f1", "events_on_negatives")


def load_scorer(eval_dir: pathlib.Path):
    spec = importlib.util.spec_from_file_location("marsad_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: pathlib.Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(articles: list[dict]) -> dict[str, list[dict]]:
    out = {}
    for a in articles:
        published = dt.date.fromisoformat(a["date"][:10]) if a.get("date") else None
        out[a["id"]] = [e.to_json() for e in extract(a["text"], published)]
    return out


def measure(eval_dir: pathlib.Path) -> dict[str, dict]:
    scorer = load_scorer(eval_dir)
    gold_all, pred_all, figures = {}, {}, {}
    for name in SETS:
        gold = {r["id"]: r.get("events") or [] for r in _rows(eval_dir / f"{name}.gold.jsonl")}
        pred = predict(_rows(eval_dir / f"{name}.articles.jsonl"))
        figures[name] = scorer.score(gold, pred)[0]
        gold_all.update(gold)
        pred_all.update(pred)
    figures["combined"] = scorer.score(gold_all, pred_all)[0]
    return figures


def below_floor(combined: dict, floor: dict) -> list[str]:
    failures = []
    for key, value in floor.items():
        got = combined.get(key)
        if key == "events_on_negatives":
            if got is None or got > value:
                failures.append(f"{key} = {got} > {value}")
        elif got is None or got < value:
            failures.append(f"{key} = {got} < {value}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.ratchet", description=__doc__)
    parser.add_argument("eval_dir", type=pathlib.Path)
    args = parser.parse_args(argv)
    figures = measure(args.eval_dir)
    print(f"{'':24}" + "".join(f"{name:>10}" for name in figures))
    for key in SHOWN:
        cells = []
        for name in figures:
            v = figures[name].get(key)
            cells.append(f"{v:10.3f}" if isinstance(v, float) else f"{str(v):>10}")
        print(f"{key:24}" + "".join(cells))
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    failures = below_floor(figures["combined"], floor)
    for f in failures:
        print(f"BELOW FLOOR: {f}", file=sys.stderr)
    print("ratchet: " + ("FAILED" if failures else "ok (combined figures at or above the floor)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
