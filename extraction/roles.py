"""Roles: the one home of the decision who did it to whom. Which actor mentions are
parties at all (not sources, speakers, landlords or backdrops: `bystander`, `foreign`),
each party's role from the words around it (X قصف Y, هجوم لـ X على Y, استهدف, من قبل,
passive: `assign_roles`), the forces a nationality adjective names (`adjective_forces`),
and what the parties of a merged event become across the article (`union`,
`share_initiators`, `inherit_initiators`, `resolve_generic`, `tidy_actors`).

Every word list is in data/roles.json; every window in settings.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extraction.aircraft import told_as_aircraft
from extraction.arabic import L, fold
from extraction.lexicon import load_actors
from extraction.lexicons import reads
from extraction.sentences import Sentence
from extraction.settings import SETTINGS, Settings
from extraction.triggers import Trigger
from extraction.types import ActorRecord, ActorRef
from extraction.victims import counted_hit

_LEX = reads("roles.json", "source_words", "context_words", "that", "as_reported", "asides",
             "charges", "opposed", "speech_verbs", "announces", "affiliated", "media",
             "air_adjectives", "bomber", "by", "claims", "against", "on_target",
             "target_nouns", "glued_particles", "of", "and", "article", "definite_verbs",
             "definite_nouns", "affiliations", "passive_killing", "members", "support",
             "counted_persons", "hit_words")
_NATIONALITIES = reads("nationalities.json", "*")
_INITIATOR_TYPES = ("airstrike", "shelling", "territory", "arrest")
_ADJECTIVE_TYPES = ("airstrike", "shelling")
_STATE_KINDS = ("state_force", "coalition")
_PUNCT = re.compile(r"[^\w]")
_SUPPORT_WORDS = 4  # words before a party where a word of support stands


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


@cache
def _tuple(key: str) -> tuple[str, ...]:
    return tuple(_LEX[key])


@cache
def _announces() -> re.Pattern:
    return re.compile(_LEX["announces"])


def _bare(word: str) -> str:
    """A word without the conjunctions glued in front of it (each و, as str.lstrip)."""
    return word.lstrip(_LEX["and"])


# --- who is a party -------------------------------------------------------------------


def _named_source(before: list[str]) -> bool:
    """"مصدر في الشرطة", "معقلا لتنظيم داعش" (unless what the source said begins)."""
    sources, context, of = _words("source_words"), _words("context_words"), _LEX["of"]
    for k, w in enumerate(reversed(before[-3:])):
        w = _bare(w)
        if w in _words("that"):
            return False  # "قال مصدر إن مسلحي داعش ...": what the source said
        if w in sources or w.lstrip(of) in sources:
            return True
        if k < 2 and (w in context or w.lstrip(of) in context):
            return True
    return False


def _aside(words: list[str]) -> bool:
    """"هتافات مناهضة للإخوان"، "بتهمة التخابر مع القوات"، "مناطق سيطرة X"."""
    last3 = " ".join(words[-3:])
    return any(p in last3 for p in _LEX["asides"]) or any(
        _bare(w) in _words("charges") for w in words[-5:]) or any(
        _bare(w).removeprefix(_LEX["article"]).startswith(_LEX["opposed"]) for w in words[-2:])


def _speaker(words: list[str], text: str, actor, settings: Settings) -> bool:
    """"قالت الشرطة ومصادر طبية إن ...": who tells it, not who did it."""
    return bool(words) and _bare(words[-1]) in _words("speech_verbs") and bool(
        _announces().match(text, actor.end, actor.end + settings.speech_reach))


def _outlet(words: list[str]) -> bool:
    """"قناة المسيرة التابعة للحوثيين": an outlet, not the party it belongs to."""
    return bool(words) and _bare(words[-1]) in _words("affiliated") and any(
        _bare(w) in _words("media") for w in words[-4:-1])


def bystander(text: str, actor, settings: Settings = SETTINGS) -> bool:
    """A source ("مصدر في الشرطة", "وفق ما أفاد المرصد ووحدات حماية الشعب"), a landlord
    ("يسيطر عليها الحوثيون"), a backdrop ("معقلا لتنظيم داعش"), a speaker or an
    outlet: not a party to the incident."""
    window = text[max(0, actor.start - settings.bystander_window):actor.start]
    before = window.rsplit("،", 1)[-1].split()
    if _named_source(before):
        return True
    joined = " ".join(before[-8:])
    if any(p in joined for p in _LEX["as_reported"]):
        return True
    words = [w for w in (_PUNCT.sub("", w) for w in before) if w and w != _LEX["of"]]
    return _aside(words) or _speaker(words, text, actor, settings) or _outlet(words)


def affiliation(text: str, party, actor) -> bool:
    """"جبهة النصرة التابعة لتنظيم القاعدة", "مسلحون مرتبطون بداعش": the group a party
    belongs to is its affiliation, not a party to the incident."""
    words = [w for w in (_PUNCT.sub("", w) for w in text[party.end:actor.start].split()) if w]
    return 0 < len(words) <= 2 and _bare(words[0]) in _words("affiliations")


def _nationalities() -> dict:
    return _NATIONALITIES


@cache
def _countries_of_actors() -> dict[str, tuple[str, str]]:
    """Lexicon key -> (the country the actor belongs to, its folded name), for
    country-bound actors."""
    local = {cc for cc, e in _nationalities().items() if e.get("scope") == "local"}
    # armies, police and militias of countries whose forces stay at home; coalitions,
    # foreign powers and armed groups cross borders
    return {a.key: (a.country, fold(a.name)) for a in load_actors() if a.country in local
            and a.kind in ("state_force", "militia")}


@cache
def country_words() -> dict[str, tuple[str, ...]]:
    """Country code -> folded words that name it: its name and nationality adjectives."""
    out = {}
    for cc, entry in _nationalities().items():
        words = [entry.get("country", "")] + [w for f in ("masc", "fem", "plural")
                                               for w in entry.get(f, ())]
        out[cc] = tuple(fold(w) for w in words if w)
    return out


def foreign(actor, countries: set[str]) -> bool:
    """A lexicon hit bound to a country the article is not about, told by a generic alias
    that names neither the actor nor its country (a national army's generic name in a
    report on another country is not that army)."""
    cc, name = _countries_of_actors().get(actor.key or "", (None, ""))
    if cc is None or not countries or cc in countries:
        return False
    surface = fold(actor.surface)
    return name not in surface and not any(w in surface for w in country_words().get(cc, ()))


# --- roles in a sentence --------------------------------------------------------------


@cache
def _forces_by_adjective() -> dict[str, ActorRecord]:
    """A nationality adjective -> that country's armed forces in the lexicon."""
    records = {a.key: a for a in load_actors()}
    out = {}
    for cc, entry in _nationalities().items():
        force = next((records[f"{cc}.{n}"] for n in ("forces", "army", "regime")
                      if f"{cc}.{n}" in records), None)
        if force is None:
            continue
        for form in ("masc", "fem"):
            for adjective in entry.get(form, ()):
                out[fold(adjective)] = out[L.article + fold(adjective)] = force
    return out


def adjective_forces(text: str, triggers: list[Trigger],
                     settings: Settings = SETTINGS) -> list[ActorRef]:
    """"غارة تركية", "غارات جوية روسية", "القصف التركي": the country's forces did it."""
    table = _forces_by_adjective()
    out = []
    for t in triggers:
        if t.type not in _ADJECTIVE_TYPES:
            continue
        words = text[t.end:t.end + settings.adjective_reach].split()[:2]
        if words and words[0] in _words("air_adjectives") and len(words) > 1:
            words = words[1:]
        force = table.get(words[0]) if words else None
        if force is not None:
            out.append(ActorRef(name=force.name, role="initiator", aliases=(words[0],),
                                key=force.key, kind=force.kind, name_en=force.name_en))
    return out


def _done_by(window: str) -> bool:
    """"الهجوم الذي نفذه مسلحون يعتقد أنهم ينتمون إلى تنظيم X": X did it, unless the words
    after the verb name a target ("شنه الجيش على مواقع X")."""
    words = window.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _words("by") and not words[k].startswith(_LEX["claims"]):
            return not any(w in _words("on_target") for w in words[k + 1:])
    return False


class _Place:
    """Where a party stands in its sentence: the words before it, a glued ل, the triggers."""

    def __init__(self, text: str, sent: Sentence, a, start: int, triggers: list[Trigger],
                 settings: Settings):
        self.text, self.sent, self.a, self.start, self.triggers, self.settings = \
            text, sent, a, start, triggers, settings
        before = text[max(sent.start, start - settings.role_window):start].split()
        of = _LEX["of"]
        self.glued = text[start:start + 1] == of or bool(before and before[-1].endswith(of))
        if before and before[-1] in _words("glued_particles"):
            before = before[:-1]  # a clitic written apart from the actor's name
        self.last = before[-1] if before else ""
        self.opens = len(before) < 2 or before[-2] in _words("that")  # «إن عناصر داعش»

    def window(self, size: int) -> str:
        return self.text[max(self.sent.start, self.start - size):self.start]

    def done_by(self) -> bool:
        """"من قبل X", "نفذه X"."""
        s = self.settings
        return self.window(s.by_window).rstrip().endswith(_tuple("by")) \
            or _done_by(self.window(s.done_by_window))

    def subject_of_verb(self) -> bool:
        """The subject right before its verb: "مسلحي التنظيم اختطفوا"."""
        return any(0 <= t.start - self.a.end <= self.settings.subject_gap
                   and not t.text.startswith(_tuple("definite_verbs"))
                   and t.start > self.a.start for t in self.triggers)

    def counted_dead(self) -> bool:
        """"خمسة أفراد من قوات الأمن قتلوا"، "ثلاثة من أفراد الجيش قتلوا": a party counted
        («من X»، «أفراد X») right before a killing verb is who was killed (قُتلوا), not its
        subject."""
        after = self.text[self.a.end:self.a.end + self.settings.passive_reach].split()[:1]
        counted = self.last in _words("against") or _bare(self.last) in _words("members")
        return counted and bool(after) and _bare(after[0]) in _words("passive_killing")

    def hit_one(self) -> bool:
        """«مقتل جنديين»، «لقي شرطي مصرعه»، «إصابة جندي»: a soldier or a policeman counted
        by a singular or dual noun right after a word of death or wounding was hit."""
        first = self.text[self.a.start:self.a.end].split()[:1]
        return bool(first) and _bare(first[0]) in _words("counted_persons") \
            and _bare(self.last) in _words("hit_words")

    def supports(self) -> bool:
        """«اقتحمت المقاومة بدعم من طائرات التحالف»، «وبإسناد فاعل من طيران التحالف»: who
        backs the one who did it is on its side."""
        words = self.window(self.settings.support_window).split()[-_SUPPORT_WORDS:]
        return any(_bare(w) in _words("support") for w in words)

    def target(self) -> bool:
        """"على X", "استهدفت X", "مواقع لـ X"; not «إن عناصر داعش أطلقوا» (the subject)."""
        return not (self.last in _words("members") and self.opens) and (
            self.last in _words("against")
            or (self.glued and _bare(self.last).startswith(_tuple("target_nouns"))))

    def of_trigger(self) -> bool:
        """"غارات للتحالف"."""
        return self.glued and any(t.end <= self.start
                                  and self.start - t.end <= self.settings.glued_reach
                                  for t in self.triggers)

    def around_verb(self, first: int) -> bool:
        """The subject before the verb, or right after it."""
        return self.a.end <= first or any(
            0 <= self.start - t.end <= self.settings.verb_gap for t in self.triggers
            if not t.text.startswith(_tuple("definite_nouns")))


def _role(p: _Place, first: int, etype: str) -> str:
    if p.counted_dead() or p.hit_one():
        return "target"
    if p.done_by() or p.subject_of_verb() or (
            etype == "airstrike" and told_as_aircraft(p.a, p.text)):
        return "initiator"  # «استهدفت طائرات التحالف مواقع»: who strikes from the air
    if p.supports():
        return "initiator"
    if p.target():
        return "target"
    if p.of_trigger() or p.around_verb(first):
        return "initiator"
    # nothing in the words: states strike, arrest and take ground; groups are hit by them
    state = p.a.kind in _STATE_KINDS
    return "initiator" if state == (etype in _INITIATOR_TYPES) else "target"


def _heads(actors: list) -> dict[int, object]:
    """"مسلحي تنظيم داعش": the generic word and the group are one party, judged as one
    (group id -> the generic word before it)."""
    return {id(a): b for a in actors for b in actors
            if b is not a and b.kind == "other" and a.kind != "other"
            and 0 <= a.start - b.end <= 1}


def assign_roles(text: str, sent: Sentence, triggers: list[Trigger], actors: list,
                 etype: str, settings: Settings = SETTINGS, victims=()) -> list[ActorRef]:
    """The sentence's parties with their roles, initiators first (`victims`: victims.py)."""
    first = triggers[0].start if triggers else sent.start
    refs: dict[str, ActorRef] = {}
    heads = _heads(actors)
    actors = [b for b in actors if not any(h is b for h in heads.values())]
    roles: list[tuple[int, str]] = []  # (end, role) of the parties judged so far
    for a in actors:
        start = heads[id(a)].start if id(a) in heads else a.start
        if getattr(a, "partner", False) and roles and 0 <= a.start - roles[-1][0] <= 2:
            role = roles[-1][1]  # «ميليشيات الحوثي وصالح»: one party with its ally
        else:
            role = _role(_Place(text, sent, a, start, triggers, settings), first, etype)
        roles.append((a.end, role))
        if a.name not in refs:
            refs[a.name] = ActorRef(name=a.name, role=role, aliases=(a.surface,), key=a.key,
                                    kind=a.kind, name_en=getattr(a, "name_en", ""),
                                    counted=counted_hit(text, start, victims))
        else:
            old = refs[a.name]
            refs[a.name] = replace(old, aliases=tuple(dict.fromkeys((*old.aliases, a.surface))))
    return sorted(refs.values(), key=lambda r: r.role != "initiator")


def sentence_parties(text: str, sent, live: list, actors: list, etype: str,
                     victims=()) -> list[ActorRef]:
    """The parties a sentence names and their roles, with the forces its adjectives name
    ("غارة تركية")."""
    refs = assign_roles(text, sent, live, actors, etype, victims=victims)
    return refs + [r for r in adjective_forces(text, live) if r.name not in
                   {x.name for x in refs}]


# --- parties across the article -------------------------------------------------------


def union(actors: list[ActorRef], more) -> list[ActorRef]:
    """`actors` and those of `more` they do not name yet (first role kept)."""
    names = {a.name for a in actors}
    return actors + [a for a in more if a.name not in names]


def share_initiators(total, parts: list) -> None:
    """A summary names who struck; the incidents it sums were theirs."""
    for o in parts:
        if not any(a.role == "initiator" for a in o.actors):
            o.actors = [a for a in total.actors if a.role == "initiator"] + o.actors


def inherit_initiators(events: list, settings: Settings = SETTINGS) -> list:
    """A passive report of the same operation ("تم تحرير قرية ...") right after one that
    names who did it is done by the same forces."""
    for prev, e in zip(events, events[1:], strict=False):
        if e.type != prev.type or e.order - prev.order > settings.initiators_within \
                or any(a.role == "initiator" for a in e.actors):
            continue
        names = {a.name for a in e.actors}
        e.actors = [a for a in prev.actors if a.role == "initiator" and a.name not in names
                    ] + e.actors
    return events


def _definite(a: ActorRef) -> bool:
    return bool(a.aliases) and _bare(fold(a.aliases[0])).startswith(_LEX["article"])


def resolve_generic(events: list) -> None:
    """"المتشددون", "المسلحون" with the article: the group the article named before, when
    it named one ("شنت جماعة بوكو حرام هجوما ... واجتاح المتشددون قاعدة")."""
    last = None
    for e in events:
        out = []
        for a in e.actors:
            if a.kind == "other" and _definite(a) and last is not None:
                a = replace(last, role=a.role, counted=a.counted,
                            aliases=(*last.aliases, *a.aliases))
            if a.kind == "armed_group":
                last = a
            if a.name not in {x.name for x in out}:
                out.append(a)
        e.actors = out


def _a_person(a: ActorRef) -> bool:
    """A bomber is a person, not a party (GUIDELINES: actors are forces and groups)."""
    return all(_bare(fold(s)).removeprefix(_LEX["article"]).startswith(_LEX["bomber"])
               for s in a.aliases) and bool(a.aliases)


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
