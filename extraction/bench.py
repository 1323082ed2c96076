"""python -m extraction.bench [--n N] [--mix news|dense] [--corpus FILE.jsonl]

Extraction speed and peak memory on one core. By default on synthetic ~400-word Arabic
news articles built from the sentence templates below (no real article text):

- `--mix news` (default): like real news, about one sentence in eight tells an incident;
  the rest is statements, politics, economy, aid and background, some of it with
  figures, years and place names.
- `--mix dense`: every sentence comes from the incident-heavy templates (about 14
  events per article), the worst case.
- `--corpus FILE.jsonl`: the articles of a JSON-lines file ({"text", "date"}) instead.

Prints articles/second (wall clock and CPU time: on a busy machine trust the CPU
figure), words/second and peak traced memory. Target: >= 300 articles/s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import time
import tracemalloc

from extraction import extract

_ARTICLES = json.loads((pathlib.Path(__file__).parent / "bench_articles.json").read_text(
    encoding="utf-8"))
_PLACES, _ACTORS = _ARTICLES["places"], _ARTICLES["actors"]
_DAYS, _NUMS = _ARTICLES["days"], _ARTICLES["numbers"]
_TEMPLATES = _ARTICLES["incident_templates"]  # the "dense" mix draws every sentence from these
_INCIDENTS = _TEMPLATES[:3] + _TEMPLATES[4:6] + _TEMPLATES[7:8]
_BACKGROUND = _ARTICLES["background_templates"]  # what fills most of a real news article
_INCIDENT_SHARE = 0.12  # of the sentences in the "news" mix: 2-3 incident sentences


def make_article(rng: random.Random, words: int = 400, mix: str = "dense") -> str:
    out: list[str] = []
    count = 0
    while count < words:
        if mix == "dense":
            template = rng.choice(_TEMPLATES)
        else:
            template = rng.choice(_INCIDENTS if rng.random() < _INCIDENT_SHARE else _BACKGROUND)
        s = template.format(
            n=rng.choice(_NUMS), m=rng.choice(_NUMS), d=rng.choice(_DAYS),
            p=rng.choice(_PLACES), a=rng.choice(_ACTORS), b=rng.choice(_ACTORS))
        out.append(s)
        count += len(s.split())
    return "\n".join(out)


def _corpus(path: str) -> list[tuple[str, dt.date | None]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                date = record.get("date")
                out.append((record["text"], dt.date.fromisoformat(date) if date else None))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.bench", description=__doc__)
    parser.add_argument("--n", type=int, default=500, help="synthetic articles to extract")
    parser.add_argument("--mix", choices=("news", "dense"), default="news",
                        help="synthetic article mix (default: news)")
    parser.add_argument("--corpus", help="time the articles of this JSON-lines file instead")
    args = parser.parse_args(argv)
    if args.corpus:
        articles = _corpus(args.corpus)
    else:
        rng = random.Random(7)
        published = dt.date(2018, 7, 12)
        articles = [(make_article(rng, mix=args.mix), published) for _ in range(args.n)]
    extract(*articles[0])  # load lexicons and gazetteer before timing
    tracemalloc.start()
    t0 = time.perf_counter()
    events = sum(len(extract(text, published)) for text, published in articles)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0, c0 = time.perf_counter(), time.process_time()
    for text, published in articles:
        extract(text, published)
    untraced, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(articles)
    words = sum(len(text.split()) for text, _ in articles)
    print(f"articles           {n} ({args.corpus or args.mix + ' mix'})")
    print(f"words/article      {words / n:.0f}")
    print(f"events             {events} ({events / n:.1f} per article)")
    print(f"articles/s         {n / untraced:.1f} wall, {n / cpu:.1f} CPU")
    print(f"words/s            {words / untraced:.0f} wall, {words / cpu:.0f} CPU")
    print(f"articles/s traced  {n / elapsed:.1f} (with tracemalloc)")
    print(f"peak memory        {peak / 1e6:.1f} MB traced during extraction")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
