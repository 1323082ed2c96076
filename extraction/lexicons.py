"""The one loader of the word lists in `extraction/data/*.json`.

Every file has a declared schema (`SCHEMAS`: key -> kind) and every rule module
declares, when it is imported, the keys it reads (`reads(file, *keys)`). Loading a file
fails, naming the file and the key, when the file holds a key its schema does not know,
lacks a key of its schema, holds a value of the wrong kind, or holds a key that no rule
reads: an edit to a data file either changes what the extractor does or is refused.

Keys starting with "_" are comments. `SCHEMAS[file]` may map "*" to a kind: the file is
then a table whose keys are data (country codes, phrases), each value of that kind.
See data/README.md for how a linguist adds a word.
"""
from __future__ import annotations

import importlib
import json
import pathlib
from collections.abc import Mapping
from functools import cache

DATA = pathlib.Path(__file__).parent / "data"
_READ_BY_STAGES = "extraction.assemble"  # importing it imports every rule module


class LexiconError(ValueError):
    """A data file that does not match its schema or holds a word list no rule reads."""


def _is_words(v: object) -> bool:
    return isinstance(v, list) and all(isinstance(w, str) for w in v)


def _is_map(v: object) -> bool:
    return isinstance(v, dict)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


KINDS = {
    "words": _is_words,  # a list of words or phrases
    "map": _is_map,  # phrase -> value, or a nested table
    "int": _is_int,
    "text": lambda v: isinstance(v, str),  # a word, a few letters or a regular expression
}

_W, _M, _I, _T = "words", "map", "int", "text"
SCHEMAS: dict[str, dict[str, str]] = {
    "arabic.json": {"proclitics": _M, "article": _W, "one_for_one": _M, "letters": _M,
                    "directions": _M, "diacritics": _T},
    "casualties.json": {k: _W for k in (
        "killed_before", "killed_after", "wounded_before", "wounded_after", "person_nouns",
        "subset", "units", "before_not", "killed_one", "addition", "single_attacker",
        "broken_plurals", "one", "the_two", "definite", "dual_killed", "breakdown_of",
        "among", "victims", "opening_verbs", "joiners", "negations", "origin_endings",
        "one_killed_nouns", "one_wounded_nouns", "share_before", "weekday_before", "series",
        "time_between", "period_units",
        "relative_pronouns",
        "incident_heads", "resumptive", "passive_killed", "active_killing",
        "passive_followers", "side_skips", "charge_before", "construct_complements",
        "construct_dual_endings", "one_of_the_two",
        "response", "own_subject_endings", "captured_before", "rank_nouns",
        "natural_death", "illness")} | {"sides": _M}
    | {k: _T for k in ("any_cue", "punctuation", "dual", "accusative", "oblique_dual", "of", "and",
                       "total_period", "recalled_time", "no_casualties")},
    "dates.json": {
        "weekdays": _M, "ambiguous_weekdays": _W, "day_parts": _W, "past_markers": _W,
        "day_after": _W, "relative_days": _M, "ago": _W, "ago_units": _M,
        "vague_recent": _W, "month_relative": _M, "year_relative": _M, "year_words": _W,
        "since_words": _W, "period_starts": _W, "month_cues": _W,
        "day_of_month_joiners": _W, "background_days": _I, "future_markers": _W,
        "ordinal_days": _M, "ordinal_tens": _M, "not_today": _W, "ago_plural_units": _W,
        "ago_hour_units": _M, "ago_qualifiers": _W, "since_events": _W,
        "period_recent": _W, "adverb_followers": _W, "ago_vague_counts": _W,
        "weekday_date_joiners": _W, "year_of": _W, "year_mark": _W, "hijri_mark": _W,
        "dual_endings": _W,
        "weekday_range_joiners": _W},
    "months.json": {"months": _M, "ambiguous": _W, "hijri": _W},
    "numbers.json": {
        "words": _M, "vague": _M, "vague_multipliers": _M, "ordinals": _W, "prefixes": _W,
        "not_numbers": _W, "qualifiers": _M, "after_qualifiers": _M, "range_joiners": _W,
        "update_verbs": _W, "percent_after": _W, "year_before": _W,
        "year_before_if_year_like": _W, "year_after": _W, "teen_only": _W,
        "not_count_before": _W, "fractions": _M, "teens": _W, "from_joiners": _W},
    "triggers.json": {"specific_types": _W, "strong": _M, "weak": _M, "negative": _M,
                      "negation": _W, "persons_caught": _W, "seize_verbs": _W, "hostage_words": _W,
                      "arrest_methods": _W, "setting_before": _W,
                      "joining_before": _W, "verbal_attack": _W, "throwing_verbs": _W,
                      "stop_verbs": _W, "not_stopped": _W, "recent_since": _W, "scattered": _M,
                      "policy_nouns": _W, "confronted": _W, "managed_to": _W,
                      "unexploded_before": _W, "exploding": _W, "cleared_of": _T, "ordnance": _W,
                      "explosive_property": _W, "explosive_nouns": _W,
                      "superlatives": _W, "media_names": _W, "support_words": _W,
                      "operation_objects": _W, "taking_nouns": _W, "after_words": _W,
                      "campaign_nouns": _W, "campaign_against": _W, "campaign_heads": _W,
                      "campaign_foes": _W, "relative_words": _W, "planted_verbs": _W,
                      "comment_words": _W, "achievement_words": _W,
                      "goal_words": _W, "passive_helpers": _W,
                      "joy_words": _W, "joy_reach": _I, "held_fast_to": _W,
                      "figure": _T,
                      "noun_led": _T, "military": _T, "riot": _T, "attempt": _T, "purpose": _T,
                      "vow": _T, "goal_nouns": _W, "goal_before": _W, "killing_words": _W,
                      "modal_before": _W,
                      "targeting_verbs": _W,
                      "demonstratives": _W, "inflected": _W, "noun_endings": _M,
                      "object_pronouns": _W, "dual_verbs": _W, "dual_clashes": _W,
                      "assault_verbs": _W, "civilian_targets": _T,
                      "planned_after": _W, "not_taken": _W, "achieved_takings": _W,
                      "aircraft_nouns": _W, "strike_verbs": _W,
                      "blast_words": _W, "phrasal": _M, "skirmish_words": _W,
                      "skirmish_sides": _M},
    "places_heads.json": {k: _W for k in (
        "name_heads", "plural_heads", "definite_heads", "not_pattern_heads", "glued_heads",
        "square_heads", "ordinals", "bare_name_heads", "list_commas", "pronoun_endings",
        "item_closers", "facility_heads", "facility_name_stops", "the_country",
        "verb_endings", "name_nouns", "name_starts", "ordinals_before", "street_heads")}
    | {"heads": _M, "relative": _M}
    | {"default_head": _T, "from": _T, "in": _T, "sibling_gap": _T, "border_gap": _T},
    "places_stopwords.json": {k: _W for k in (
        "common_names", "function_words", "not_names", "name_stop", "cancel_next",
        "coordination", "object_nouns", "persons_before_nationality", "addressed_before",
        "not_nationalities", "names_after_in", "regions_after", "object_counts", "list_leads",
        "listing_nouns", "verbs_like_heads", "servant_words")}
    | {k: _T for k in ("bank", "river", "bank_of_jordan", "adjective_ending")}
    | {"cancel_pairs": _M},
    "actors_patterns.json": {k: _W for k in (
        "heads", "open_heads", "modifiers", "not_actor_before", "not_names", "front_heads",
        "locative_before", "service_heads", "service_words", "loyal_heads", "loyalty_words")}
    | {"head_keys": _M, "force_words": _M, "place_forces": _M, "common_word_names": _M,
       "partners": _M, "members_of": _M}
    | {"security_forces": _T, "front_prepositions": _T, "adjectives": _M, "army_of": _M},
    "pipeline.json": {"second_report": _T, "armed_heads": _W, "update": _T,
                      "plain_verbs": _W, "verb_particles": _T, "definite": _W,
                      "plural_ending": _T, "incident_clause": _T,
                      "vague_incident_words": _W, "vague_toll": _T},
    "placing.json": {"precise_relatives": _W, "titles": _W, "ruler_titles": _W, "title_units": _W,
                     "launch_words": _W, "from": _W, "clause_end": _T, "inside": _T,
                     "home_words": _W,
                     "coordination": _T, "list_comma": _T, "new_clause": _T,
                     "coordination_of_tolls": _T, "speech_nouns": _W,
                     "speech_prepositions": _W, "seats": _W, "seat_before": _W,
                     "naming": _W, "source_nouns": _W,
                     "governments": _W, "place_words_before": _W, "state_verbs": _W,
                     "buildings": _W, "at_building": _W, "compared": _T, "headings": _W,
                     "retreats": _W, "landmarks": _W, "heading_heads": _W,
                     "on_behalf": _T, "road_links": _W, "between": _T, "and_between": _T,
                     "what": _T},
    "dating.json": {"report_day": _T, "report_words": _W, "almanac": _T,
                    "since_words": _W},
    "incidents.json": {"apart": _T, "days_before": _M, "another": _W, "toll_words": _W,
                       "comes_after": _T},
    "roles.json": {k: _W for k in (
        "source_words", "context_words", "that", "as_reported", "asides", "charges",
        "speech_verbs", "affiliated", "media", "air_adjectives", "by", "against",
        "on_target", "target_nouns", "glued_particles", "definite_verbs", "definite_nouns",
        "affiliations", "passive_killing", "members", "support", "counted_persons",
        "hit_words")}
    | {k: _T for k in ("opposed", "announces", "bomber", "claims", "of", "and", "article")},
    "crowds.json": {"quantities": _W, "of": _T, "stops": _T, "marks": _W,
                    "individual_acts": _W, "participant": _M},
    "scope.json": {"needs_party": _W, "needs_context": _W, "political_cues": _W,
                   "trigger_cues": _W, "state_kinds": _W, "told_casualties": _W,
                   "casualties_for": _W, "party_implied_for": _W, "striking_verbs": _W},
    "genre.json": {"reporting_verbs": _W, "first_person": _W, "questions": _W,
                   "min_voice": _I},
    "actors_generic.json": {"*": _M},
    "nationalities.json": {"*": _M},
}

_READS: dict[str, set[str]] = {}


class Section(Mapping):
    """The keys of one data file a rule module declared it reads, loaded on first use."""

    def __init__(self, name: str, keys: tuple[str, ...]):
        self.name, self.keys_read = name, keys
        self._allowed = frozenset(keys)
        self._data: dict | None = None  # the file, once loaded (rules read it per word)

    def __getitem__(self, key: str):
        if key not in self._allowed and "*" not in self._allowed:
            raise KeyError(f"{self.name}: {key} is not declared in reads()")
        data = self._data
        if data is None:
            data = self._data = load(self.name)
        return data[key]

    def __iter__(self):
        if "*" not in self.keys_read:
            return iter(self.keys_read)
        return (k for k in load(self.name) if not k.startswith("_"))  # comments aside

    def __len__(self) -> int:
        return len(list(iter(self)))


def reads(name: str, *keys: str) -> Section:
    """Declare that the calling rule module reads `keys` of data file `name` ("*": every
    entry of a table file); returns them, loaded lazily."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise LexiconError(f"{name}: no schema declared in extraction/lexicons.py")
    for key in keys:
        if key not in schema:
            raise LexiconError(f"{name}: {key}: not in the file's schema")
    _READS.setdefault(name, set()).update(keys)
    return Section(name, keys)


def validate(name: str, data: object, schema: dict[str, str], read: set[str]) -> None:
    """Raise LexiconError unless `data` matches `schema` and every key is read."""
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a JSON object")
    entries = {k: v for k, v in data.items() if not k.startswith("_")}
    if "*" in schema:
        bad = [k for k, v in entries.items() if not KINDS[schema["*"]](v)]
        if bad:
            raise LexiconError(f"{name}: {bad[0]}: expected {schema['*']}")
        if "*" not in read:
            raise LexiconError(f"{name}: no rule reads this file")
        return
    for key, value in entries.items():
        if key not in schema:
            raise LexiconError(f"{name}: {key}: unknown key (not in the file's schema)")
        if not KINDS[schema[key]](value):
            raise LexiconError(f"{name}: {key}: expected {schema[key]}")
        if key not in read:
            raise LexiconError(f"{name}: {key}: no rule reads this key")
    missing = sorted(set(schema) - set(entries))
    if missing:
        raise LexiconError(f"{name}: missing keys {missing}")


def read_file(name: str, directory: pathlib.Path = DATA,
              schema: dict[str, str] | None = None, read: set[str] | None = None) -> dict:
    """A data file, validated (uncached). `schema` and `read` default to the declared
    ones (every rule module imported first, so that all its reads are declared)."""
    if schema is None or read is None:
        importlib.import_module(_READ_BY_STAGES)
    schema = SCHEMAS.get(name, {}) if schema is None else schema
    read = _READS.get(name, set()) if read is None else read
    try:
        data = json.loads((directory / name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{name}: invalid JSON ({exc})") from None
    validate(name, data, schema, read)
    return data


@cache
def load(name: str) -> dict:
    """A data file of `extraction/data`, validated; cached for the life of the process."""
    return read_file(name)
