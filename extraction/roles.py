"""Who did it to whom: the parties of a reported incident and their roles, from the
words around them (X قصف Y, هجوم لـ X على Y, استهدف, من قبل, passive), with sources,
speakers and bystanders left out."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extraction.arabic import fold
from extraction.lexicon import load_actors
from extraction.lexicons import reads
from extraction.sentences import Sentence
from extraction.settings import SETTINGS
from extraction.triggers import Trigger
from extraction.types import ActorRecord, ActorRef

# words after which an armed party is a source, a speaker's employer or a landlord,
# not a party to the incident: "مصدر في الشرطة", "بيان للجيش", "يسيطر عليها الحوثيون"
_SOURCE_WORDS = frozenset((
    "مصدر", "مصادر", "مسوول", "مسوولو", "مسوولون", "ضابط", "قايد", "متحدث", "المتحدث", "الناطق",
    "ناطق", "عقيد", "مدير", "بيان", "بيانا", "اعلام", "قياده", "عنها", "عليها", "عليه", "باسم",
    "وفق", "وفقا", "بحسب", "حسب", "افاد", "افادت",
    "اتهم", "اتهمت", "تتهم", "يتهم", "نسب", "يسيطر", "تسيطر", "تحت"))


@cache
def _forces_by_adjective() -> dict[str, ActorRecord]:
    """'تركيه' / 'روسي' -> that country's armed forces in the lexicon (for "غارة تركية")."""
    records = {a.key: a for a in load_actors()}
    raw = _nationalities()
    out = {}
    for cc, entry in raw.items():
        force = next((records[f"{cc}.{n}"] for n in ("forces", "army", "regime")
                      if f"{cc}.{n}" in records), None)
        if force is None:
            continue
        for form in ("masc", "fem"):
            for adjective in entry.get(form, ()):
                out[fold(adjective)] = force
    return out


def adjective_forces(text: str, triggers: list[Trigger]) -> list[ActorRef]:
    """"غارة تركية", "قصف إسرائيلي", "غارات جوية روسية": the country's forces did it."""
    table = _forces_by_adjective()
    out = []
    for t in triggers:
        if t.type not in ("airstrike", "shelling"):
            continue
        words = text[t.end:t.end + 30].split()[:2]
        if words and words[0] in ("جويه", "جوي", "صاروخيه") and len(words) > 1:
            words = words[1:]
        force = table.get(words[0]) if words else None
        if force is not None:
            out.append(ActorRef(name=force.name, role="initiator", aliases=(words[0],),
                                key=force.key, kind=force.kind, name_en=force.name_en))
    return out


_SPEECH = frozenset(("قال", "قالت", "ذكر", "ذكرت", "افاد", "افادت", "اوضح", "اوضحت", "صرح",
                     "صرحت", "اكد", "اكدت", "اشار", "اشارت", "نقل", "نقلت"))
# what a speaker's name is followed by before the reported speech: "الشرطة ومصادر طبية إن"
_ANNOUNCES = re.compile(r"(?:\s+\S+){0,5}?\s+(?:ان|انه|انها|بان|في بيان)\s")
_ASIDE = ("هتافات ضد", "شعارات ضد", "التخابر مع", "التعاون مع", "مناطق سيطره", "مناطق نفوذ",
          "مناطق تسيطر")
_CHARGE = frozenset(("بتهمه", "بتهم", "تهمه", "تهم"))  # "بتهمة الاعتداء على قوات الأمن"
_PUNCT = re.compile(r"[^\w]")
_MEDIA = frozenset(("قناه", "وكاله", "صحيفه", "اذاعه", "موقع", "تلفزيون", "شبكه", "منصه"))
_CONTEXT_WORDS = frozenset((
    "معقل", "معقلا", "معاقل", "يتحصن", "تتحصن", "ينشط", "تنشط", "يتمركز", "تتمركز", "يتواجد",
    "تتواجد"))


def bystander(text: str, actor) -> bool:
    """A source ("مصدر في الشرطة", "وفق ما أفاد المرصد ووحدات حماية الشعب"), a landlord
    ("يسيطر عليها الحوثيون") or a backdrop ("معقلا لتنظيم داعش", "يتحصن متشددون")."""
    window = text[max(0, actor.start - 60):actor.start]
    clause = window.rsplit("،", 1)[-1]
    before = clause.split()
    for k, w in enumerate(reversed(before[-3:])):
        w = w.lstrip("و")
        if w in ("ان", "بان", "انه", "انها"):
            break  # "قال مصدر إن مسلحي داعش ...": what the source said, not the source
        if w in _SOURCE_WORDS or w.lstrip("ل") in _SOURCE_WORDS:
            return True
        if k < 2 and (w in _CONTEXT_WORDS or w.lstrip("ل") in _CONTEXT_WORDS):
            return True
    joined = " ".join(before[-8:])
    if any(p in joined for p in ("وفق ما", "بحسب ما", "حسب ما", "وفقا لما", "كما ذكرت",
                                 "كما ذكر", "كما افادت", "كما افاد", "كما قالت", "كما اعلنت")):
        return True
    words = [w for w in (_PUNCT.sub("", w) for w in before) if w and w != "ل"]
    if any(p in " ".join(words[-3:]) for p in _ASIDE) or any(
            w.lstrip("و") in _CHARGE for w in words[-5:]) or any(
            w.lstrip("و").removeprefix("ال").startswith("مناهض") for w in words[-2:]):
        return True  # "هتافات مناهضة للإخوان"، "بتهمة التخابر مع القوات"، "مناطق سيطرة X"
    if words and words[-1].lstrip("و") in _SPEECH and _ANNOUNCES.match(
            text, actor.end, actor.end + 40):
        return True  # "قالت الشرطة ومصادر طبية إن ...": who tells it, not who did it
    return bool(words) and words[-1].lstrip("و") in ("التابعه", "التابع") and any(
        w.lstrip("و") in _MEDIA for w in words[-4:-1])  # "قناة المسيرة التابعة للحوثيين"


@cache
def _countries_of_actors() -> dict[str, tuple[str, str]]:
    """Lexicon key -> (the country the actor belongs to, its folded name), for
    country-bound actors."""
    local = {cc for cc, e in _nationalities().items() if e.get("scope") == "local"}
    # armies, police and militias of countries whose forces stay at home; coalitions,
    # foreign powers and armed groups cross borders
    return {a.key: (a.country, fold(a.name)) for a in load_actors() if a.country in local
            and a.kind in ("state_force", "militia")}


_NATIONALITIES = reads("nationalities.json", "*")


def _nationalities() -> dict:
    return _NATIONALITIES


@cache
def _country_words() -> dict[str, tuple[str, ...]]:
    """Country code -> folded words that name it: "اليمن", "يمني", "اليمنية"..."""
    out = {}
    for cc, entry in _nationalities().items():
        words = [entry.get("country", "")] + [w for f in ("masc", "fem", "plural")
                                               for w in entry.get(f, ())]
        out[cc] = tuple(fold(w) for w in words if w)
    return out


def foreign(actor, countries: set[str]) -> bool:
    """A lexicon hit bound to a country the article is not about, told by a generic alias
    that names neither the actor nor its country ("الجيش الوطني" in a Libyan report is
    not Yemen's army; "مقاتلو العشائر" in Somalia are not Iraq's tribal militia)."""
    cc, name = _countries_of_actors().get(actor.key or "", (None, ""))
    if cc is None or not countries or cc in countries:
        return False
    surface = fold(actor.surface)
    return name not in surface and not any(w in surface for w in _country_words().get(cc, ()))


def _a_person(a: ActorRef) -> bool:
    """"انتحاري", "الانتحاريين": a bomber is a person, not a party (GUIDELINES: actors
    are forces and groups, not persons)."""
    return all(fold(s).lstrip("و").removeprefix("ال").startswith("انتحاري")
               for s in a.aliases) and bool(a.aliases)


def resolve_generic(events: list) -> None:
    """"المتشددون", "المسلحون" with the article: the group the article named before, when
    it named one ("شنت جماعة بوكو حرام هجوما ... واجتاح المتشددون قاعدة")."""
    last = None
    for e in events:
        out = []
        for a in e.actors:
            definite = a.aliases and fold(a.aliases[0]).lstrip("و").startswith("ال")
            if a.kind == "other" and definite and last is not None:
                a = replace(last, role=a.role, aliases=(*last.aliases, *a.aliases))
            if a.kind == "armed_group":
                last = a
            if a.name not in {x.name for x in out}:
                out.append(a)
        e.actors = out


def tidy_actors(actors: list[ActorRef]) -> tuple[ActorRef, ...]:
    """At most one generic party ("مسلحون", "متشددون"), and none beside a named group on
    the same side; no lone bombers."""
    actors = [a for a in actors if not _a_person(a)]
    named = {a.role for a in actors if a.kind in ("armed_group", "militia")}
    out, generic = [], False
    for a in actors:
        if a.kind == "other":
            if generic or a.role in named:
                continue
            generic = True
        out.append(a)
    return tuple(out)


_BY = ("من قبل", "شنه", "شنها", "نفذه", "نفذها", "تبناه", "تبناها", "اعلن", "اعلنت",
       "اطلقه", "اطلقها", "اطلقتها", "اطلقوها", "اطلقته", "اطلقوه", "زرعه", "زرعها", "زرعتها",
       "فجره", "فجرها", "ارتكبه", "ارتكبها")
_AGAINST = ("علي", "ضد", "استهدف", "استهدفت", "يستهدف", "صفوف", "من", "مع", "عناصر",
            "مسلحي", "مقاتلي", "قيادات", "قياده", "قاده")
_TARGET_NOUNS = ("تجمع", "موقع", "مواقع", "مقر", "معسكر", "قاعده", "دوريه", "نقطه", "نقاط",
                 "اجتماع", "تجمعات", "مراكز", "مركز", "ثكنه", "حاجز", "موكب", "حافله")
_INITIATOR_TYPES = ("airstrike", "shelling", "territory", "arrest")


def _done_by(window: str) -> bool:
    """"الهجوم الذي نفذه مسلحون يعتقد أنهم ينتمون إلى تنظيم X": X did it, unless the words
    after the verb name a target ("شنه الجيش على مواقع X")."""
    words = window.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _BY and not words[k].startswith("اعلن"):
            return not any(w in ("علي", "ضد", "استهدف", "استهدفت") for w in words[k + 1:])
    return False


def assign_roles(text: str, sent: Sentence, triggers: list[Trigger], actors: list,
           etype: str) -> list[ActorRef]:
    first = triggers[0].start if triggers else sent.start
    refs: dict[str, ActorRef] = {}
    # "مسلحي تنظيم داعش": the generic word and the group are one party, judged as one
    heads = {id(a): b for a in actors for b in actors
             if b is not a and b.kind == "other" and a.kind != "other"
             and 0 <= a.start - b.end <= 1}
    actors = [b for b in actors if not any(h is b for h in heads.values())]
    for a in actors:
        start = heads[id(a)].start if id(a) in heads else a.start
        before = text[max(sent.start, start - 24):start].split()
        glued_l = text[start:start + 1] == "ل" or (before and before[-1].endswith("ل"))
        if before and before[-1] in ("ل", "لل", "ول", "ب", "و"):
            before = before[:-1]  # a clitic glued to the actor's name
        last = before[-1] if before else ""
        role = None
        if text[max(sent.start, start - 12):start].rstrip().endswith(_BY) \
                or _done_by(text[max(sent.start, start - 40):start]):
            role = "initiator"
        elif any(0 <= t.start - a.end <= 2 and not t.text.startswith(("ال", "وال", "بال", "لل"))
                 and t.start > a.start for t in triggers):
            role = "initiator"  # the subject right before its verb: "مسلحي التنظيم اختطفوا"
        elif last in _AGAINST or (glued_l and last.lstrip("و").startswith(_TARGET_NOUNS)):
            role = "target"
        elif glued_l and any(t.end <= start and start - t.end <= 12 for t in triggers):
            role = "initiator"  # غارات للتحالف
        elif a.end <= first or any(0 <= start - t.end <= 3 for t in triggers
                                   if not t.text.startswith(("ال", "وال", "بال"))):
            role = "initiator"  # the subject before the verb, or right after it
        if role is None:
            state = a.kind in ("state_force", "coalition")
            role = "initiator" if state == (etype in _INITIATOR_TYPES) else "target"
        if a.name not in refs:
            refs[a.name] = ActorRef(name=a.name, role=role, aliases=(a.surface,), key=a.key,
                                    kind=a.kind, name_en=getattr(a, "name_en", ""))
        else:
            old = refs[a.name]
            refs[a.name] = replace(old, aliases=tuple(dict.fromkeys((*old.aliases, a.surface))))
    return sorted(refs.values(), key=lambda r: r.role != "initiator")


def union(actors: list[ActorRef], more) -> list[ActorRef]:
    """`actors` and those of `more` they do not name yet (first role kept)."""
    names = {a.name for a in actors}
    return actors + [a for a in more if a.name not in names]


def share_initiators(total, parts: list) -> None:
    """A summary names who struck; the incidents it sums were theirs."""
    for o in parts:
        if not any(a.role == "initiator" for a in o.actors):
            o.actors = [a for a in total.actors if a.role == "initiator"] + o.actors


def inherit_initiators(events: list, settings=SETTINGS) -> list:
    """A passive report of the same operation ("تم تحرير قرية ...") right after one that
    names who did it is done by the same forces."""
    for prev, e in zip(events, events[1:], strict=False):
        if e.type != prev.type or e.order - prev.order > settings.initiators_within:
            continue
        if any(a.role == "initiator" for a in e.actors):
            continue
        names = {a.name for a in e.actors}
        e.actors = [a for a in prev.actors if a.role == "initiator" and a.name not in names
                    ] + e.actors
    return events


def sentence_parties(text: str, sent, live: list, actors: list, etype: str) -> list[ActorRef]:
    """The parties a sentence names and their roles, with the forces its adjectives name
    ("غارة تركية")."""
    refs = assign_roles(text, sent, live, actors, etype)
    return refs + [r for r in adjective_forces(text, live) if r.name not in
                   {x.name for x in refs}]
