"""python -m extraction.ratchet EVAL_DIR [--corpus CORPUS_DIR | --no-corpus]

Holds the extractor to the floor recorded in quality_floor.json (next to this file):

- the development figures: the seed and development articles of EVAL_DIR graded with
  EVAL_DIR/score.py, printed for the tuning part, the check set (the whole outlets named in
  check_set.json, only ever measured) and everything together; the floor applies to the
  whole ("combined") and, separately, to the check set;
- the corpus figures (CORPUS_DIR, by default EVAL_DIR/../corpus): events per 100 Jawhara
  FM articles of sections that report no conflict, the same for the other outlets' pages
  whose address names such a section (the Saudi papers' /Sports/, /culture/, /finance/,
  /technology/ and the two sports papers), and crashes on every corpus article.

Exits 1 when a figure is worse than its floor. Raise the floor as the extractor improves;
never set it above what the extractor reaches.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import importlib.util
import json
import logging
import multiprocessing
import pathlib
import re
import sys

from extraction import extract

HERE = pathlib.Path(__file__).parent
FLOOR = HERE / "quality_floor.json"
CHECK_SET = HERE / "check_set.json"
SETS = ("seeds", "dev")
SHOWN = ("event_precision", "event_recall", "event_f1", "type_acc", "place_any_acc",
         "killed_acc", "wounded_acc", "date_acc", "actor_f1", "article_actor_f1",
         "article_place_f1", "events_on_negatives")
QUIET_SECTIONS = ("sport", "culture", "economy", "technology")
JAWHARA = "jawhara-fm.jsonl.gz"
# other outlets' quiet pages, told by their address (the corpus gives them no section)
URL_SECTIONS = {
    "sport": re.compile(r"/(?:Sports|sports)/|arreyadi|arriyadiyah"),
    "culture": re.compile(r"/(?:Culture|culture)/"),
    "economy": re.compile(r"/(?:Economy|finance)/"),
    "technology": re.compile(r"/technology/"),
}
CEILINGS = frozenset({"events_on_negatives", "crashes", *QUIET_SECTIONS})


class MissingInput(Exception):
    """An evaluation file the ratchet needs is not there."""


def load_scorer(eval_dir: pathlib.Path):
    path = eval_dir / "score.py"
    if not path.is_file():
        raise MissingInput(f"no grader at {path}")
    spec = importlib.util.spec_from_file_location("marsad_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: pathlib.Path) -> list[dict]:
    if not path.is_file():
        raise MissingInput(f"no file at {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _published(article: dict) -> dt.date | None:
    raw = article.get("date")
    return dt.date.fromisoformat(str(raw)[:10]) if raw else None


def predict(articles: list[dict]) -> dict[str, list[dict]]:
    return {a["id"]: [e.to_json() for e in extract(a["text"], _published(a))] for a in articles}


def check_outlets() -> frozenset[str]:
    return frozenset(json.loads(CHECK_SET.read_text(encoding="utf-8"))["outlets"])


def measure(eval_dir: pathlib.Path) -> dict[str, dict]:
    """Scores of the tuning part, the check set and both together ("combined")."""
    scorer = load_scorer(eval_dir)
    held_out = check_outlets()
    parts: dict[str, tuple[dict, dict]] = {"tune": ({}, {}), "check": ({}, {})}
    for name in SETS:
        gold = {r["id"]: r.get("events") or [] for r in _rows(eval_dir / f"{name}.gold.jsonl")}
        articles = _rows(eval_dir / f"{name}.articles.jsonl")
        pred = predict(articles)
        for a in articles:
            part = "check" if a.get("outlet") in held_out else "tune"
            parts[part][0][a["id"]] = gold.get(a["id"], [])
            parts[part][1][a["id"]] = pred[a["id"]]
    figures = {part: scorer.score(gold, pred)[0] for part, (gold, pred) in parts.items()}
    gold_all = {**parts["tune"][0], **parts["check"][0]}
    pred_all = {**parts["tune"][1], **parts["check"][1]}
    figures["combined"] = scorer.score(gold_all, pred_all)[0]
    return figures


class _Failures(logging.Handler):
    """Counts the stage failures the extractor logs (and keeps them off the console)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_FAILURES = _Failures()


def _quiet_worker() -> None:
    extraction_log = logging.getLogger("extraction")
    extraction_log.addHandler(_FAILURES)
    extraction_log.propagate = False


def _section(article: dict) -> str | None:
    """The article's quiet section: its own label, or what its address names."""
    if article.get("section"):
        return article["section"]
    url = article.get("url") or ""
    return next((name for name, pattern in URL_SECTIONS.items() if pattern.search(url)), None)


def _scan(line: str) -> tuple[str | None, int, str | None]:
    """(section, events found, crash) for one corpus line; a stage failure is a crash."""
    article = json.loads(line)
    before = _FAILURES.count
    try:
        events = extract(article.get("text") or "", _published(article))
    except Exception as exc:  # noqa: BLE001 - a crash is what is being counted
        return _section(article), 0, f"{article.get('id')}: {exc!r}"
    if _FAILURES.count > before:
        return _section(article), len(events), f"{article.get('id')}: a stage failed"
    return _section(article), len(events), None


def _per_100(articles: collections.Counter, events: collections.Counter) -> dict:
    return {s: round(100 * events[s] / articles[s], 1) for s in QUIET_SECTIONS if articles[s]}


def measure_corpus(corpus_dir: pathlib.Path, *, workers: int = 2) -> dict:
    """Events per 100 quiet-section articles (Jawhara FM's, and the other outlets'), and
    crashes on every article (an exception out of `extract`, or a stage that failed)."""
    files = sorted(corpus_dir.glob("*.jsonl.gz"))
    if not any(f.name == JAWHARA for f in files):
        raise MissingInput(f"no {JAWHARA} in {corpus_dir}")
    counts = {source: (collections.Counter(), collections.Counter())
              for source in ("jawhara", "others")}
    crashes: list[str] = []
    with multiprocessing.Pool(workers, initializer=_quiet_worker) as pool:
        for path in files:
            articles, events = counts["jawhara" if path.name == JAWHARA else "others"]
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for section, n, crash in pool.imap(_scan, f, chunksize=64):
                    if crash:
                        crashes.append(f"{path.name} {crash}")
                    if section in QUIET_SECTIONS:
                        articles[section] += 1
                        events[section] += n
    return {"events_per_100": _per_100(*counts["jawhara"]),
            "others_per_100": _per_100(*counts["others"]),
            "crashes": len(crashes), "crash_examples": crashes[:5]}


def below_floor(figures: dict, floor: dict) -> list[str]:
    """What in `figures` is worse than `floor` (counts are ceilings, the rest floors)."""
    failures = []
    for key, value in floor.items():
        got = figures.get(key)
        if isinstance(value, dict):
            failures += [f"{key}.{f}" for f in below_floor(got or {}, value)]
        elif key in CEILINGS:
            if got is None or got > value:
                failures.append(f"{key} = {got} > {value}")
        elif got is None or got < value:
            failures.append(f"{key} = {got} < {value}")
    return failures


def _print_table(figures: dict[str, dict]) -> None:
    print(f"{'':24}" + "".join(f"{name:>10}" for name in figures))
    for key in SHOWN:
        cells = []
        for name in figures:
            v = figures[name].get(key)
            cells.append(f"{v:10.3f}" if isinstance(v, float) else f"{str(v):>10}")
        print(f"{key:24}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.ratchet", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eval_dir", type=pathlib.Path)
    parser.add_argument("--corpus", type=pathlib.Path, help="default: EVAL_DIR/../corpus")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus figures")
    args = parser.parse_args(argv)
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    try:
        figures = measure(args.eval_dir)
        _print_table(figures)
        failures = below_floor(figures["combined"], floor["combined"])
        failures += [f"check: {f}" for f in below_floor(figures["check"], floor["check"])]
        if not args.no_corpus:
            corpus = measure_corpus(args.corpus or args.eval_dir.parent / "corpus")
            print("corpus: events per 100 articles by Jawhara FM section:",
                  corpus["events_per_100"], "; other outlets, by address:",
                  corpus["others_per_100"], "; crashes:", corpus["crashes"])
            for example in corpus["crash_examples"]:
                print(f"  crash: {example}")
            failures += [f"corpus: {f}" for f in below_floor(corpus, floor["corpus"])]
    except MissingInput as exc:
        print(f"ratchet: cannot measure: {exc}. Point EVAL_DIR at the evaluation kit "
              "(shared/eval, with score.py, seeds.* and dev.*) or pass --no-corpus.",
              file=sys.stderr)
        return 2
    for f in failures:
        print(f"BELOW FLOOR: {f}", file=sys.stderr)
    print("ratchet: " + ("FAILED" if failures else "ok (every figure at or above its floor)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
