"""Which cue cancels which trigger: a plan, a threat or a demand, a negation, a charge
(«بتهمة التفجير»), a celebration or a formal complaint shortly before it; the word after
it («الاحتجاجات المرتقبة»، «السيطرة على الوضع»); a seizure of goods, not of people; a
projectile thrown by hand; a vote or a project stopped, not a person; a policy of
confronting something («التصدي للإرهاب»), not a fight; explosives seized, found,
defused or cleared («تطهير الطرق من الألغام»). The words are in data/triggers.json.
"""
from __future__ import annotations

import re
from functools import cache

from extraction.arabic import L, fold, strip_article
from extraction.lexicons import reads
from extraction.sentences import CLAUSE_END, Sentence
from extraction.settings import SETTINGS, Settings
from extraction.taking_scope import tells_no_taking
from extraction.trigger_forms import forms
from extraction.triggers import Cue, PhraseMatcher, Trigger, pattern

_LEX = reads("triggers.json", "persons_caught", "seize_verbs", "planned_after", "purpose",
             "vow", "goal_nouns", "goal_before", "modal_before",
             "not_taken", "achieved_takings", "setting_before", "joining_before",
             "assault_verbs", "verbal_attack",
             "throwing_verbs", "stop_verbs", "not_stopped", "policy_nouns", "confronted",
             "managed_to", "unexploded_before", "exploding", "cleared_of", "ordnance",
             "explosive_property", "explosive_nouns", "media_names", "support_words",
             "operation_objects", "held_fast_to", "campaign_nouns", "campaign_against",
             "campaign_heads", "campaign_foes", "relative_words", "planted_verbs")
_VERBAL_REACH = 90  # characters around «هاجم» that may show it is said, not fought
_SEIZED_REACH = 50  # characters after «ضبط» where what is seized stands
_STOP_REACH = 40  # characters after «أوقف» where what it stops stands
_THROW_REACH = 40  # characters before a projectile where the verb that throws it stands
_UNEXPLODED_REACH = 70  # characters before a device where a seizing verb may stand
_CLEARED_REACH = 60  # characters after a territory word where what it clears stands
_POLICY_AFTER = 30  # characters after «التصدي» where what it confronts stands
_ACHIEVED_BEFORE = 60  # characters before it: a verb of success, its subject and «من»
_GOAL_REACH = 12  # characters before a goal noun where «على» may stand
_PROPERTY_REACH = 12  # characters before «الانفجار» where «شديدة» stands
_MEDIA_REACH = 14  # characters before a trigger where a channel's word and a quote stand
_SUPPORT_WORDS = 3  # words before an air strike word where a word of support stands
_SUPPORT_REACH = 40  # characters before it read for those words
_CAMPAIGN_REACH = 40  # characters after «المعركة/الحرب» read for «ضد» and the foe
_PLANTED_REACH = 20  # characters after a device read for «التي زرعها»
_WORD = re.compile(r"[^\W_]+")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_LEX[key])


@cache
def _prefixes(key: str) -> tuple[str, ...]:
    return tuple(_LEX[key])


@cache
def _persons() -> PhraseMatcher:
    return PhraseMatcher([(w, ("person",)) for w in _LEX["persons_caught"]])


def seizes_people(text: str, t: Trigger) -> bool:
    """"ضبط 12 عنصرا"، "ضبط المتهمين" are arrests; "ضبط أسلحة"، "ضبط 43 دراجة" are
    seizures."""
    if t.type != "arrest" or not _words("seize_verbs").intersection(forms(t.text.split()[-1])):
        return True
    # the object, after at most a definite subject and a figure: "ضبطت الشرطة ثلاثة متهمين",
    # "ضبطت الأجهزة الأمنية الكويتية شبكة إرهابية"
    for w in _WORD.findall(text, t.end, t.end + _SEIZED_REACH)[:4]:
        if _persons().find(w):
            return True
        if not (pattern("figure").match(w) or w.startswith(L.article)):
            return False
    return False


def reports_incident(text: str, t: Trigger, cues: list[Cue], sent: Sentence,
                     settings: Settings = SETTINGS) -> bool:
    """Does the trigger tell an incident, given the cues of its clause? Every reason it
    may not is one function below."""
    return not cancelled(t, cues, settings, text) and not planned(text, t) \
        and not verbal(text, t, sent.start, sent.end) and not thrown(text, t) \
        and not stops_a_thing(text, t) and seizes_people(text, t) and not a_policy(text, t) \
        and not unexploded(text, t) and not planted(text, t) and not clears_ordnance(text, t) \
        and not an_explosives_property(text, t) and not a_medias_name(text, t) \
        and not air_support(text, t) and not names_an_operation(text, t) \
        and not names_a_campaign(text, t) \
        and not tells_no_taking(text, t)


_NOT_A_PROTEST = ("festivity", "complaint")  # cue kinds: a celebration, a formal complaint


# cue kinds that cancel a trigger shortly after them, for any type or for one type, and
# the setting that says how far they reach
_CANCELLING = {"negation": (None, "negation_reach"),
               "reference": (None, "reference_reach"),  # «بتهمة التفجير»: an old incident
               "continuation": (None, "reference_reach"),  # «مواصلة تطهير المدن»
               "plot": (None, "reference_reach"),  # «يشتبه في تخطيطه لهجوم»
               "habit": (None, "habit_reach"),  # «وكثيرا ما تقع اشتباكات»: no one incident
               "operation": ("territory", "reference_reach"),  # «عملية تحرير درنة»
               "cause": ("protest", "reference_reach")}  # «توقف الإنتاج بسبب اعتصامات»


def cancelled(t: Trigger, cues: list[Cue], settings: Settings = SETTINGS,
              text: str = "") -> bool:
    """Does a cue shortly before the trigger cancel it: a plan or threat, a negation, a
    charge or case ("بتهمة التفجير"), a call to go on («مواصلة تطهير»), a plot («تخطيطه
    لهجوم») or a habit («كثيرا ما»); for a taking, the operation it names ("عملية تحرير
    درنة"); for a protest, the cause it is told as («بسبب الاحتجاجات»)? A demand or a
    threat made in the incident («جاءت المطالبة في وقفة») does not cancel it."""
    for c in cues:
        if c.kind in _NOT_A_PROTEST and t.type == "protest":
            return True  # «احتشد العشرات للاحتفال»، «تلقت اللجنة احتجاجا من النادي»
        if c.kind == "plan" and _just_before(c, t, settings.plan_reach) \
                and not _setting(text, c, t):
            return True
        if c.kind in _CANCELLING:
            only, reach = _CANCELLING[c.kind]
            if only in (None, t.type) and _just_before(c, t, getattr(settings, reach)):
                return True
    return False


def _just_before(c: Cue, t: Trigger, reach: int) -> bool:
    """Does the cue end before the trigger, at most `reach` characters from it?"""
    return c.end <= t.start and t.start - c.end <= reach


def _words_before(text: str, start: int, reach: int) -> list[str]:
    """The words of the `reach` characters before `start`."""
    return _WORD.findall(text, max(0, start - reach), start)


def _word_after(text: str, end: int) -> re.Match | None:
    """The word right after `end`, one space between (None when something else stands
    there)."""
    return _WORD.match(text, end + 1) if text[end:end + 1] == " " else None


def planned(text: str, t: Trigger) -> bool:
    """The word right after the trigger says it reports nothing: an adjective that makes
    it planned or expected ("الاحتجاجات المرتقبة"، "الهجوم المحتمل"), or, after a taking,
    an object that is no place ("تمت السيطرة على الوضع"، "السيطرة على الحريق"، «حرر 30
    رهينة»), or, after a sit-in, what one holds fast to in faith («الاعتصام بحبل الله»);
    or a taking is told as a purpose ("لاستعادة الموصل"), or a killing as a vow or a goal
    ("تعهد بالقضاء على التمرد"، "نعمل على القضاء على الجيوب"), or anything as what would
    follow ("ومن شأن السيطرة على دوما أن ...")."""
    if _a_goal(text, t) or _after_a_modal(text, t):
        return True
    m = _word_after(text, t.end)
    if m is None:
        return False
    word = m.group()
    if word.startswith(_prefixes("planned_after")):
        return True
    if t.type == "protest":
        return word in _words("held_fast_to")  # «الاعتصام بحبل الله»: faith, no sit-in
    if t.type != "territory":
        return False
    if t.text.startswith(_LEX["purpose"]):
        return True  # "لاستعادة الموصل": the purpose of something else
    if word == "علي":  # "سيطرت على الوضع": the object after the preposition
        m = _word_after(text, m.end())
        word = m.group() if m else ""
    if m and pattern("figure").match(word):  # «حرر 30 رهينة»: the people a figure counts
        m = _word_after(text, m.end())
        word = m.group() if m else ""
    return word in _words("not_taken")


def _a_goal(text: str, t: Trigger) -> bool:
    """A goal noun glued to a vow's «ب» («تعهد بالقضاء على»), or right after a word of
    goal_before («نعمل على القضاء على»)."""
    told = t.text.removeprefix(L.and_)
    if told[:1] == _LEX["vow"]:
        return told[1:] in _folded("goal_nouns")
    before = _words_before(text, t.start, _GOAL_REACH)
    return told in _folded("goal_nouns") and text[t.start - 1:t.start] == " " \
        and bool(before) and before[-1] in _folded("goal_before")


def _after_a_modal(text: str, t: Trigger) -> bool:
    """«ومن شأن السيطرة على دوما أن تلحق أكبر خسارة»: what would follow is no news."""
    before = _words_before(text, t.start, _GOAL_REACH)
    return bool(before) and before[-1] in _folded("modal_before")


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEX[key])


def _setting(text: str, cue: Cue, t: Trigger) -> bool:
    """The protest is where the cue's demand or threat was made: a locative preposition
    ("في"، "خلال") is the last word between them («المطالبة في وقفة»، «هدد خلال مظاهرة»),
    unless it follows joining («استعدادهم الدخول في إضراب»: the strike is what is planned);
    («اتهامات بمقتل مدنيين في القصف» is no setting: the shelling is what is alleged)."""
    if t.type != "protest":
        return False
    words = _WORD.findall(text, cue.end, t.start)
    return bool(words) and words[-1] in _words("setting_before") \
        and not (len(words) > 1 and words[-2] in _words("joining_before"))


def verbal(text: str, t: Trigger, start: int, end: int) -> bool:
    """«هاجم» said, not fought: media, a parliament or a speaker attacking with words
    («هاجمت الصحف القرار»، «هاجم الوزير الجماعة واصفا إياها»، «بيانا يهاجم فيه»),
    told by a word of data/triggers.json verbal_attack near the verb in its sentence."""
    if not _words("assault_verbs").intersection(forms(t.text.split()[0])):
        return False
    window = _WORD.findall(text, max(start, t.start - _VERBAL_REACH),
                           min(end, t.end + _VERBAL_REACH))
    verbal_words = _words("verbal_attack")
    return any(w in verbal_words for w in window)


def thrown(text: str, t: Trigger) -> bool:
    """A projectile thrown by hand («ألقى محتجون مقذوفات على الشرطة»، «إلقاء المقذوفات»،
    «رشق الحافلة بالقذائف»): a riot or a fan's misdeed, not shelling; a throwing verb is
    one of the two words before it."""
    if t.type != "shelling":
        return False
    before = _words_before(text, t.start, _THROW_REACH)[-2:]
    return any(w in _words("throwing_verbs") for w in before)


def stops_a_thing(text: str, t: Trigger) -> bool:
    """«أوقفت الحركة التصويت»: an arrest verb that also means stopping, with a thing
    stopped (data/triggers.json not_stopped) among the two words after it (a definite
    subject may come first); «أوقفت القوات عمليات القصف»: the trigger is what is stopped
    (a stopping verb among the two words before it)."""
    if t.type == "arrest" and t.text.split()[-1] in _words("stop_verbs"):
        after = _WORD.findall(text, t.end, t.end + _STOP_REACH)[:2]
        return any(w in _words("not_stopped") for w in after)
    before = _words_before(text, t.start, _STOP_REACH)[-2:]
    return any(w in _words("stop_verbs") for w in before)


def a_policy(text: str, t: Trigger) -> bool:
    """«في إطار التصدي لظاهرة التهريب»، «عازمة على التصدي لتنظيم داعش»: the definite
    verbal noun of a clash verb names a policy, not a fight, unless the word after it is
    an assault it confronts («التصدي للهجوم») or a verb of success comes before it
    («تمكنت المقاومة من التصدي لها»)."""
    if t.type != "armed_clash" or not _words("policy_nouns").intersection(
            forms(t.text.split()[-1])):
        return False
    after = _WORD.findall(text, t.end, t.end + _POLICY_AFTER)[:1]  # لهجوم reads هجوم
    confronts = any(_words("confronted").intersection(forms(word)) for word in after)
    return not (achieved(text, t) or confronts)


def achieved(text: str, t: Trigger) -> bool:
    """«تمكنت المقاومة من التصدي لها»، «تمكنت القوات من الدخول إلى مدينة»: a verb of
    success, then «من» or «في» right before the trigger: it happened."""
    start = max(0, t.start - _ACHIEVED_BEFORE)
    start = max((m.end() for m in CLAUSE_END.finditer(text, start, t.start)), default=start)
    before = _WORD.findall(text, start, t.start)
    return any(_words("managed_to").intersection(forms(word)) for word in before[:-1]) \
        and before[-1:] in (["من"], ["في"])


def taking_achieved(text: str, t: Trigger) -> bool:
    """«تمكنت القوات من الدخول إلى مدينة زنجبار»: entering or retrieving a place, told as
    achieved, is its taking (data/triggers.json achieved_takings; not an advance)."""
    return t.type == "territory" and bool(
        _words("achieved_takings").intersection(forms(t.text.split()[0]))) \
        and achieved(text, t)


def unexploded(text: str, t: Trigger) -> bool:
    """«حجز 5 بنادق صيد وقنبلة يدوية»، «أبطل الخبراء مفعول عبوة ناسفة»، «عثروا على 1800
    لغم»: a device seized, found, defused, stored or made is unexploded ordnance, no
    explosion (lesson 4): a word of seizing (data/triggers.json unexploded_before) among
    the words before the device in its clause, and no word of exploding between them."""
    if t.type != "explosion" or _words("exploding").intersection(forms(t.text.split()[0])):
        return False
    start = max(0, t.start - _UNEXPLODED_REACH)
    start = max((m.end() for m in CLAUSE_END.finditer(text, start, t.start)), default=start)
    for word in reversed(_WORD.findall(text, start, t.start)):  # nearest first
        readings = forms(word)
        if _words("exploding").intersection(readings):
            return False
        if _words("unexploded_before").intersection(readings):
            return True
    return False


def planted(text: str, t: Trigger) -> bool:
    """«الألغام التي زرعتها الميليشيات»، «عبوات زرعها المسلحون»: devices told by who planted
    them are ordnance lying there, no blast, unless a word of exploding comes before them
    («انفجار ألغام زرعها الحوثيون»)."""
    if t.type != "explosion":
        return False
    after = _WORD.findall(text, t.end, t.end + _PLANTED_REACH)[:2]
    if after and after[0] in _words("relative_words"):
        after = after[1:]
    if not (after and after[0].startswith(_prefixes("planted_verbs"))):
        return False
    before = _WORD.findall(text, max(0, t.start - _UNEXPLODED_REACH), t.start)[-3:]
    return not any(_words("exploding").intersection(forms(w)) for w in before)


def an_explosives_property(text: str, t: Trigger) -> bool:
    """«مواد شديدة الانفجار»، «عبوات ناسفة شديدة الانفجار»: how strongly a material
    explodes (explosive_nouns right after a word of explosive_property) is no blast."""
    if t.type != "explosion" or t.text not in _words("explosive_nouns"):
        return False  # «إدانته الشديدة للتفجير» is a strong condemnation of a bombing
    before = _words_before(text, t.start, _PROPERTY_REACH)
    return bool(before) and before[-1] in _words("explosive_property")


def clears_ordnance(text: str, t: Trigger) -> bool:
    """«تطهير مناطق وطرق من عبوات ناسفة زرعها مسلحون»: a territory word whose clause clears
    something of mines or bombs is clearing explosives, no taking (lesson 4); «تطهير
    المدينة من المسلحين» is one."""
    if t.type != "territory":
        return False
    end = min(t.end + _CLEARED_REACH, len(text))
    stop = CLAUSE_END.search(text, t.end, end)
    words = _WORD.findall(text, t.end, stop.start() if stop else end)
    return any(w == _LEX["cleared_of"] and nxt in _words("ordnance")
               for w, nxt in zip(words, words[1:], strict=False))


_QUOTES = "«\"“'"


def a_medias_name(text: str, t: Trigger) -> bool:
    """«لقناة «المسيرة» التابعة للحوثيين»: a trigger right after an indefinite channel,
    paper or programme word (its construct: an opening quote may stand between) is its
    name, not an incident; not after a definite one («رصدت الصحيفة طائرات التحالف»)."""
    before = text[max(0, t.start - _MEDIA_REACH):t.start].rstrip(" " + _QUOTES).split()
    return bool(before) and _a_media_word(before[-1])


@cache
def _a_media_word(word: str) -> bool:
    """An indefinite channel, paper or programme word (not «الصحيفة»، «للقناة»)."""
    return strip_article(word) == word and bool(_folded("media_names").intersection(forms(word)))


def air_support(text: str, t: Trigger) -> bool:
    """«اقتحمت المقاومة بدعم من طائرات التحالف قاعدة العند»، «استعادت القوات وبإسناد فاعل
    من طيران التحالف مناطق»: aircraft told as the support of a ground force's advance; the
    advance is the incident, not an air strike of its own."""
    if t.type != "airstrike":
        return False
    before = _words_before(text, t.start, _SUPPORT_REACH)[-_SUPPORT_WORDS:]
    return any(_folded("support_words").intersection(forms(w)) for w in before)


def names_a_campaign(text: str, t: Trigger) -> bool:
    """«شركاء الولايات المتحدة في المعركة ضد داعش»، «الحرب على الإرهاب»، «تصعيد المعركة ضد
    بوكو حرام»: a definite battle or war word, «ضد/على/مع» and a foe of campaign_foes after
    it, names a campaign, not a clash of the day."""
    if t.type != "armed_clash" or t.text.removeprefix(L.and_) not in _folded("campaign_nouns"):
        return False
    words = _WORD.findall(text, t.end, t.end + _CAMPAIGN_REACH)[:3]
    if len(words) < 2 or words[0] not in _folded("campaign_against"):
        return False
    foe = words[2] if words[1] in _folded("campaign_heads") and len(words) > 2 else words[1]
    return foe.startswith(_prefixes("campaign_foes"))


def names_an_operation(text: str, t: Trigger) -> bool:
    """«قائد معركة تحرير العند»، «بدأت معركة استعادة الرمادي»، «لخوض معركة تحرير الموصل»: a
    battle word right before a taking's verbal noun names an operation (as «عملية تحرير»
    does), not a clash of the day."""
    if t.type != "armed_clash":
        return False
    after = _word_after(text, t.end)
    return after is not None and after.group() in _folded("operation_objects")
