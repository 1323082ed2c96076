"""python -m extraction.train_event_filter EVAL_DIR [--out MODEL.json] [--corpus JAWHARA.jsonl.gz]
                                          [--check]

Trains the event filter (extraction/event_filter.py) and prints what it does.

1. Candidates: the rule-based extractor runs over the TUNING articles of EVAL_DIR
   (dev.articles.jsonl minus the check-set outlets); each event it proposes is labelled
   positive when EVAL_DIR/score.py pairs it with a gold event, negative otherwise.
2. Cross-validation by outlet (leave one outlet out): the regularisation and the decision
   threshold are chosen on the out-of-fold probabilities (the best event F1 of the
   filtered output, losing at most --max-recall-loss of recall); a nested run, which
   chooses both without the held-out outlet, gives the honest per-fold figures.
3. The model is fitted on all tuning candidates and written as JSON (weights, threshold,
   training metadata). Re-running on the same data writes the same bytes.
4. --check grades the model once on the check set (extraction/check_set.json); --corpus
   counts events per 100 Jawhara FM articles by section. scikit-learn is needed here only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import importlib.util
import json
import math
import os
import pathlib
import sys
from collections import Counter
from dataclasses import dataclass

from extraction import extract
from extraction.event_filter import (
    FEATURE_KINDS,
    MODEL_FILE,
    SCHEMA,
    features,
    load_model,
    model_from_json,
    probability,
)
from extraction.types import Event

SEED = 20260601
CHECK_SET = pathlib.Path(__file__).parent / "check_set.json"
CHECK_OUTLETS = tuple(json.loads(CHECK_SET.read_text(encoding="utf-8"))["outlets"])
C_GRID = (0.1, 0.3, 1.0, 3.0)
# character n-grams were tried too: out-of-fold event F1 0.625 against 0.661 without them
KINDS = ("shape", "words", "title_words")
MIN_COUNT, MIN_OUTLETS = 3, 2  # a word feature must occur this often, in this many outlets


@dataclass
class Candidate:
    article: str
    outlet: str
    index: int  # position among the article's events
    event: dict  # the contract JSON score.py grades
    feats: dict[str, float]
    label: int
    source: Event
    title: str
    text: str


@dataclass
class Data:
    gold: dict[str, list[dict]]
    outlet: dict[str, str]
    cands: list[Candidate]

    def by_article(self) -> dict[str, list[int]]:
        """Candidate positions per article (every article of `gold`, even without any)."""
        out = {a: [] for a in self.gold}
        for n, c in enumerate(self.cands):
            if c.article in out:
                out[c.article].append(n)
        return out


def load_scorer(eval_dir: pathlib.Path):
    spec = importlib.util.spec_from_file_location("marsad_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: pathlib.Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_extractor(article: dict) -> list[Event]:
    raw = article.get("date")
    published = dt.date.fromisoformat(str(raw)[:10]) if raw else None
    return extract(article.get("text") or "", published)


def candidates(articles: list[dict], gold: dict, scorer, kinds, ngram) -> Data:
    cands, outlet = [], {}
    for a in articles:
        outlet[a["id"]] = a.get("outlet") or "?"
        events = run_extractor(a)
        js = [e.to_json() for e in events]
        paired = {i for i, _ in scorer.pair_events(js, gold.get(a["id"], []))}
        for i, (e, j) in enumerate(zip(events, js, strict=True)):
            f = features(e, text=a["text"], title=a.get("title"), kinds=kinds, ngram=ngram)
            cands.append(Candidate(a["id"], outlet[a["id"]], i, j, f, int(i in paired), e,
                                   a.get("title") or "", a["text"]))
    return Data({a["id"]: gold.get(a["id"], []) for a in articles}, outlet, cands)


# --- fitting ----------------------------------------------------------------------------

def vocabulary(cands: list[Candidate]) -> list[str]:
    count, outlets = Counter(), {}
    for c in cands:
        for k in c.feats:
            count[k] += 1
            outlets.setdefault(k, set()).add(c.outlet)
    return sorted(k for k in count if count[k] >= MIN_COUNT and len(outlets[k]) >= MIN_OUTLETS)


def fit(cands: list[Candidate], C: float) -> tuple[dict[str, float], float]:
    """Weights and intercept of an L2 logistic regression (rounded, so the file is stable)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    labels = [c.label for c in cands]
    if len(set(labels)) < 2:  # one class only: a constant model that predicts it
        rate = min(max(sum(labels) / max(len(labels), 1), 0.01), 0.99)
        return {}, round(float(np.log(rate / (1 - rate))), 6)
    vocab = vocabulary(cands)
    index = {k: i for i, k in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, c in enumerate(cands):
        for k, v in c.feats.items():
            if k in index:
                rows.append(r)
                cols.append(index[k])
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(cands), len(vocab)))
    lr = LogisticRegression(C=C, max_iter=2000, tol=1e-6, random_state=SEED)
    lr.fit(x, labels)
    weights = {k: round(float(w), 6) for k, w in zip(vocab, lr.coef_[0], strict=True)
               if round(float(w), 6) != 0.0}
    return weights, round(float(lr.intercept_[0]), 6)


def prob(model: tuple[dict, float], feats: dict[str, float]) -> float:
    weights, bias = model
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


# --- grading ----------------------------------------------------------------------------

def graded(scorer, data: Data, probs: dict[int, float], threshold: float,
           articles: set[str] | None = None) -> dict:
    """score.py's summary of the extractor's output with the filter applied (probs is
    keyed by candidate position in data.cands; a threshold of 0 keeps everything)."""
    ids = set(data.gold) if articles is None else articles
    pred = {a: [] for a in ids}
    for n, c in enumerate(data.cands):
        if c.article in ids and probs.get(n, 1.0) >= threshold:
            pred[c.article].append(c.event)
    return scorer.score({a: data.gold[a] for a in ids}, pred)[0]


def quick_f1(scorer, data: Data, probs: dict[int, float], threshold: float,
             memo: dict) -> tuple[float, float]:
    """(event F1, event recall) of the filtered output, as score.py would give them; the
    pairing of each article's kept events is remembered, so a threshold sweep is cheap."""
    tp = n_pred = n_gold = 0
    for article, positions in data.by_article().items():
        kept = tuple(n for n in positions if probs.get(n, 1.0) >= threshold)
        if (article, kept) not in memo:
            memo[article, kept] = len(scorer.pair_events([data.cands[n].event for n in kept],
                                                         data.gold[article]))
        tp += memo[article, kept]
        n_pred += len(kept)
        n_gold += len(data.gold[article])
    _, recall, f1 = scorer.prf(tp, n_pred, n_gold)
    return f1, recall


def choose_threshold(scorer, data: Data, probs: dict[int, float], max_loss: float) -> float:
    """The threshold with the best event F1 among those losing at most max_loss of
    recall; 0 (keep everything) when none beats the unfiltered F1."""
    memo = {}
    best_f1, base_recall = quick_f1(scorer, data, probs, 0.0, memo)
    best = 0.0
    for t in sorted({round(p, 6) for p in probs.values()}):
        f1, recall = quick_f1(scorer, data, probs, t, memo)
        if recall >= base_recall - max_loss - 1e-9 and f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def out_of_fold(data: Data, C: float, outlets: set[str] | None = None) -> dict[int, float]:
    """Leave-one-outlet-out probabilities for the candidates of `outlets` (all by default)."""
    outlets = outlets if outlets is not None else {c.outlet for c in data.cands}
    probs = {}
    for held in sorted(outlets):
        train = [c for c in data.cands if c.outlet in outlets and c.outlet != held]
        model = fit(train, C)
        probs.update((n, prob(model, c.feats)) for n, c in enumerate(data.cands)
                     if c.outlet == held)
    return probs


def select(scorer, data: Data, outlets: set[str], max_loss: float) -> tuple[float, float, dict]:
    """(C, threshold, out-of-fold probabilities) chosen by CV over `outlets` only."""
    sub = Data({a: g for a, g in data.gold.items() if data.outlet[a] in outlets}, data.outlet,
               [c for c in data.cands if c.outlet in outlets])
    best = None
    for C in C_GRID:
        probs = out_of_fold(sub, C)
        t = choose_threshold(scorer, sub, probs, max_loss)
        f1 = quick_f1(scorer, sub, probs, t, {})[0]
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, C, t, probs)
    _, C, t, probs = best
    # re-key from positions in `sub` to positions in `data`
    positions = [n for n, c in enumerate(data.cands) if c.outlet in outlets]
    return C, t, {positions[i]: p for i, p in probs.items()}


# --- reports ----------------------------------------------------------------------------

ROW = "{:24} {:>4} {:>4} {:>9} {:>9} {:>13} {:>11} {:>9}"


def fold_table(scorer, data: Data, probs: dict[int, float], thresholds: dict[str, float],
               title: str) -> None:
    print(f"\n{title}")
    print(ROW.format("held-out outlet", "arts", "gold", "pred", "paired", "F1", "neg.events",
                     "threshold"))
    for outlet in sorted(set(data.outlet[a] for a in data.gold)):
        ids = {a for a in data.gold if data.outlet[a] == outlet}
        b = graded(scorer, data, probs, 0.0, ids)
        f = graded(scorer, data, probs, thresholds[outlet], ids)
        print(ROW.format(outlet[:24], len(ids), b["gold_events"],
                         f"{b['pred_events']}→{f['pred_events']}", f"{b['paired']}→{f['paired']}",
                         f"{b['event_f1']:.3f}→{f['event_f1']:.3f}",
                         f"{b['events_on_negatives']}→{f['events_on_negatives']}",
                         f"{thresholds[outlet]:.3f}"))


def summary_line(label: str, before: dict, after: dict) -> None:
    print(f"{label}: event F1 {before['event_f1']:.3f}→{after['event_f1']:.3f}, precision "
          f"{before['event_precision']:.3f}→{after['event_precision']:.3f}, recall "
          f"{before['event_recall']:.3f}→{after['event_recall']:.3f}, events on negatives "
          f"{before['events_on_negatives']}→{after['events_on_negatives']}, paired "
          f"{before['paired']}→{after['paired']} of {before['gold_events']} gold")


# --- main -------------------------------------------------------------------------------

def training_date(out: pathlib.Path, data_hash: str) -> str:
    """SOURCE_DATE_EPOCH when set; else the date already recorded for the same data (so a
    re-run writes the same bytes); else today."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC).date(
        ).isoformat()
    try:
        old = json.loads(out.read_text(encoding="utf-8"))["training"]
        if old["data"]["candidates_sha256"] == data_hash:
            return old["date"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return dt.datetime.now(dt.UTC).date().isoformat()


def nested_cv(scorer, data, outlets: list[str], max_recall_loss: float, probs) -> dict:
    """The honest estimate (printed and returned): C and threshold chosen without the
    held-out outlet."""
    nested_probs, nested_t = {}, {}
    for held in outlets:
        c_in, t, _ = select(scorer, data, set(outlets) - {held}, max_recall_loss)
        model = fit([c for c in data.cands if c.outlet != held], c_in)
        nested_probs.update((n, prob(model, c.feats)) for n, c in enumerate(data.cands)
                            if c.outlet == held)
        nested_t[held] = t
    fold_table(scorer, data, nested_probs, nested_t,
               "Per fold, nested (C and threshold chosen without the held-out outlet):")
    nested = {c.article: [] for c in data.cands}
    for n, c in enumerate(data.cands):
        if nested_probs[n] >= nested_t[c.outlet]:
            nested[c.article].append(c.event)
    after = scorer.score(data.gold, {a: nested.get(a, []) for a in data.gold})[0]
    summary_line("CV (nested, honest)", graded(scorer, data, probs, 0.0), after)
    return after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.train_event_filter",
                                     description=__doc__.split("\n\n")[1])
    parser.add_argument("eval_dir", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=MODEL_FILE)
    parser.add_argument("--check-outlets", nargs="*", default=list(CHECK_OUTLETS))
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=FEATURE_KINDS)
    parser.add_argument("--max-recall-loss", type=float, default=0.02)
    parser.add_argument("--check", action="store_true", help="grade once on the check set")
    parser.add_argument("--corpus", type=pathlib.Path, help="Jawhara FM corpus (.jsonl.gz)")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.eval_dir)
    articles = read_jsonl(args.eval_dir / "dev.articles.jsonl")
    gold = {r["id"]: r.get("events") or [] for r in read_jsonl(args.eval_dir / "dev.gold.jsonl")}
    check = set(args.check_outlets)
    tuning = [a for a in articles if a.get("outlet") not in check]
    kinds, ngram = tuple(args.kinds), (3, 4)
    data = candidates(tuning, gold, scorer, kinds, ngram)
    outlets = sorted({c.outlet for c in data.cands} | set(data.outlet.values()))
    positives = sum(c.label for c in data.cands)
    print(f"tuning: {len(tuning)} articles of {len(outlets)} outlets, {len(data.cands)} "
          f"candidate events ({positives} paired with gold, {len(data.cands) - positives} not)")

    C, threshold, probs = select(scorer, data, set(outlets), args.max_recall_loss)
    print(f"chosen by leave-one-outlet-out CV: C = {C}, threshold = {threshold:.3f}")
    summary_line("CV (out-of-fold, chosen threshold)", graded(scorer, data, probs, 0.0),
                 graded(scorer, data, probs, threshold))
    fold_table(scorer, data, probs, dict.fromkeys(outlets, threshold),
               "Per fold, out-of-fold probabilities, the shipped threshold:")

    after = nested_cv(scorer, data, outlets, args.max_recall_loss, probs)

    weights, bias = fit(data.cands, C)
    digest = hashlib.sha256(json.dumps([(c.article, c.event, c.label) for c in data.cands],
                                       ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    oof = graded(scorer, data, probs, threshold)
    model_json = {
        "schema": SCHEMA,
        "features": {"kinds": list(kinds), "ngram": list(ngram)},
        "bias": bias,
        "threshold": threshold,
        "training": {
            "seed": SEED, "date": training_date(args.out, digest), "C": C,
            "max_recall_loss": args.max_recall_loss,
            "vocabulary_rule": {"min_count": MIN_COUNT, "min_outlets": MIN_OUTLETS},
            "data": {"source": "dev.articles.jsonl minus the check-set outlets",
                     "check_outlets": sorted(check), "tuning_outlets": outlets,
                     "articles": len(tuning), "candidates": len(data.cands),
                     "positives": positives, "candidates_sha256": digest},
            "cv": {"scheme": "leave-one-outlet-out",
                   "out_of_fold": {k: oof[k] for k in ("event_f1", "event_precision",
                                                       "event_recall", "events_on_negatives")},
                   "nested": {k: after[k] for k in ("event_f1", "event_precision",
                                                    "event_recall", "events_on_negatives")}},
        },
        "weights": dict(sorted(weights.items())),
    }
    model_from_json(model_json)  # refuse to write what the run time would not load
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model_json, ensure_ascii=False, indent=1, sort_keys=False)
                        + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}: {len(weights)} weights")
    model = load_model.__wrapped__(args.out)

    if args.check:
        check_articles = [a for a in articles if a.get("outlet") in check]
        cdata = candidates(check_articles, gold, scorer, kinds, ngram)
        cprobs = {n: probability(c.source, text=c.text, title=c.title, model=model)
                  for n, c in enumerate(cdata.cands)}
        summary_line(f"check set ({len(check_articles)} articles, once)",
                     graded(scorer, cdata, cprobs, 0.0), graded(scorer, cdata, cprobs,
                                                                model.threshold))
    if args.corpus:
        from extraction.event_filter_corpus import corpus_report

        corpus_report(args.corpus, model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
