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
_TEMPLATES = (  # incident-heavy: the "dense" mix draws every sentence from these
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
_INCIDENTS = _TEMPLATES[:3] + _TEMPLATES[4:6] + _TEMPLATES[7:8]
_BACKGROUND = (  # what fills most of a real news article around its incident
    "وقال وزير الخارجية في مؤتمر صحفي {d} إن بلاده تدعم الحل السياسي للأزمة.",
    "وأضاف أن الحكومة ستعقد اجتماعا مع ممثلي المحافظات الأسبوع المقبل لبحث الموازنة.",
    "وارتفعت أسعار المواد الغذائية في أسواق {p} بنسبة 15 في المئة خلال العام الماضي.",
    "وبلغت قيمة المساعدات التي قدمتها الأمم المتحدة نحو 200 مليون دولار منذ عام 2015.",
    "ويعاني سكان {p} من انقطاع التيار الكهربائي لساعات طويلة في فصل الصيف.",
    "وأكد المسؤول أن عودة النازحين إلى مناطقهم تتطلب إعادة إعمار البنى التحتية.",
    "ودعا البرلمان إلى جلسة طارئة لمناقشة الأوضاع الأمنية والخدمية في البلاد.",
    "ويشار إلى أن المدينة شهدت في السنوات الماضية موجات نزوح كبيرة بسبب الحرب.",
    "وتعهد رئيس الوزراء بمحاسبة المقصرين وتحسين أداء الأجهزة الحكومية.",
    "ومن المقرر أن تجرى الانتخابات المحلية في 12 مايو المقبل وسط إجراءات مشددة.",
    "وأشار التقرير إلى أن أكثر من ثلاثة ملايين طفل بحاجة إلى مساعدات إنسانية عاجلة.",
    "وكانت المفاوضات بين الأطراف قد توقفت في شهر مارس بعد خلافات حول تقاسم السلطة.",
    "واستقبل الرئيس في قصر الرئاسة وفدا من رجال الأعمال لبحث فرص الاستثمار.",
    "وقالت منظمة الصحة العالمية إن حملة التطعيم ستشمل المحافظات الشمالية والجنوبية.",
    "وتراجع سعر صرف العملة المحلية أمام الدولار إلى أدنى مستوى له منذ سنوات.",
    "ويرى مراقبون أن الاتفاق الأخير قد يمهد الطريق لتسوية شاملة في المنطقة.",
)
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
