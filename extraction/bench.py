"""python -m extraction.bench [--n N]

Extraction speed and peak memory on one core, on synthetic ~400-word Arabic news
articles built from the sentence templates below (no real article text). Prints
articles/second, words/second and peak traced memory. Target: >= 300 articles/s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import time
import tracemalloc

from extraction import extract

_PLACES = ("الموصل", "كركوك", "سامراء", "حلب", "إدلب", "دير الزور", "صعدة", "تعز", "بنغازي",
           "سرت", "مقديشو", "كويتا", "بيشاور", "غاو", "مايدوغوري", "العريش", "رفح", "درعا")
_ACTORS = ("تنظيم داعش", "القوات العراقية", "قوات النظام السوري", "التحالف الدولي",
           "الحوثيين", "حركة الشباب", "بوكو حرام", "الجيش الوطني", "مسلحون مجهولون",
           "الحشد الشعبي", "حركة طالبان")
_DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "أمس")
_NUMS = ("ثلاثة", "خمسة", "سبعة", "عشرة", "12", "15", "أربعة", "ستة", "20", "نحو 30")
_TEMPLATES = (
    "قتل {n} أشخاص على الأقل وأصيب {m} آخرون {d} في انفجار سيارة مفخخة في سوق مدينة {p}.",
    "وقالت مصادر أمنية إن {a} شن هجوما على نقطة تفتيش قرب {p} ما أسفر عن مقتل {n} عناصر.",
    "وشنت طائرات {a} غارات جوية على مواقع في ريف {p} {d}، بحسب مصادر محلية.",
    "وأعلن المتحدث باسم {a} في بيان أن قواته ستواصل عملياتها حتى تحرير كامل المنطقة.",
    "ودارت اشتباكات عنيفة بين {a} و{b} في محيط مدينة {p} استمرت عدة ساعات.",
    "وتمكنت {a} من السيطرة على قرية قرب {p} بعد معارك مع {b}.",
    "وخرج المئات في تظاهرة احتجاجية وسط {p} {d} للمطالبة بتحسين الخدمات.",
    "واعتقلت قوات الأمن {n} مشتبهين في {p} بتهمة الانتماء إلى {b}.",
    "وتأتي هذه التطورات في وقت تشهد فيه المنطقة توترا أمنيا متزايدا منذ عدة أشهر.",
    "ويقول محللون إن الوضع الاقتصادي والسياسي في البلاد يزداد تعقيدا مع استمرار الأزمة.",
    "وأفاد شهود عيان بأن سيارات الإسعاف نقلت الجرحى إلى مستشفى {p} العام.",
    "وأدانت الحكومة الهجوم ووصفته بأنه عمل إرهابي جبان يستهدف أمن المواطنين.",
)


def make_article(rng: random.Random, words: int = 400) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        s = rng.choice(_TEMPLATES).format(
            n=rng.choice(_NUMS), m=rng.choice(_NUMS), d=rng.choice(_DAYS),
            p=rng.choice(_PLACES), a=rng.choice(_ACTORS), b=rng.choice(_ACTORS))
        out.append(s)
        count += len(s.split())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extraction.bench", description=__doc__)
    parser.add_argument("--n", type=int, default=500, help="articles to extract")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    articles = [make_article(rng) for _ in range(args.n)]
    published = dt.date(2018, 7, 12)
    extract(articles[0], published)  # load lexicons and gazetteer before timing
    tracemalloc.start()
    t0 = time.perf_counter()
    events = sum(len(extract(a, published)) for a in articles)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0 = time.perf_counter()
    for a in articles:
        extract(a, published)
    untraced = time.perf_counter() - t0
    words = sum(len(a.split()) for a in articles)
    print(f"articles           {args.n}")
    print(f"words/article      {words / args.n:.0f}")
    print(f"events             {events}")
    print(f"articles/s         {args.n / untraced:.1f}")
    print(f"words/s            {words / untraced:.0f}")
    print(f"articles/s traced  {args.n / elapsed:.1f} (with tracemalloc)")
    print(f"peak memory        {peak / 1e6:.1f} MB traced during extraction")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
