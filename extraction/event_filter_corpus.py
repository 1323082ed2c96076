"""Events per 100 Jawhara FM articles by section, before and after the event filter
(`python -m extraction.train_event_filter EVAL_DIR --corpus JAWHARA.jsonl.gz`)."""
from __future__ import annotations

import pathlib
from collections import Counter

from extraction.event_filter import probability
from extraction.train_event_filter import read_jsonl, run_extractor

OFF_TOPIC = ("sport", "culture", "economy", "technology")
CONFLICT = ("internationalNews", "localNews", "politic")


def corpus_report(path: pathlib.Path, model) -> None:
    """Events per 100 articles by section, before and after the filter. An article the
    extractor crashes on is counted (as no events) and the crashes are reported."""
    print(f"\nEvents per 100 articles of {path.name}, by section (before → after):")
    per, crashes = {}, Counter()
    for a in read_jsonl(path):
        section = a.get("section")
        if section not in OFF_TOPIC + CONFLICT:
            continue
        try:
            events = run_extractor(a)
        except Exception:  # the extractor's own bug: counted, the measure goes on
            crashes[section] += 1
            events = []
        kept = [e for e in events
                if probability(e, text=a["text"], title=a.get("title"), model=model)
                >= model.threshold]
        n, before, after = per.get(section, (0, 0, 0))
        per[section] = (n + 1, before + len(events), after + len(kept))
    for section in OFF_TOPIC + CONFLICT:
        n, before, after = per.get(section, (0, 0, 0))
        if n:
            print(f"  {section:18} {n:5} articles  {100 * before / n:6.1f} → "
                  f"{100 * after / n:6.1f}   (events {before} → {after}, removed "
                  f"{before - after}; extractor crashed on {crashes[section]})")
