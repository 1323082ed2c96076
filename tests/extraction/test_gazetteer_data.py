"""The gazetteer and lexicon data files load, and hold what the matchers rely on."""
import json

import pytest

from extraction import gazetteer, lexicon, lexicons
from extraction.types import ACTOR_KINDS, PLACE_KINDS

COUNTRIES = [
    "iq", "sy", "ye", "ly", "lb", "ps", "eg", "so", "sd", "jo", "sa", "kw", "bh", "qa", "ae",
    "om", "dz", "tn", "ma", "mr", "dj", "km", "af", "pk", "ir", "tr", "il", "ml", "ne", "td",
    "bf", "ng", "cm", "et", "er", "ke", "ss",
]


def test_every_place_file_loads_with_unique_keys_and_known_parents():
    places = gazetteer.load_places()
    keys = [p.key for p in places]
    assert len(keys) == len(set(keys))
    known = set(keys)
    assert all(p.parent in known for p in places if p.parent is not None)
    assert all(p.kind in PLACE_KINDS for p in places)


def _root(place, by_key) -> str:
    while place.parent is not None:
        place = by_key[place.parent]
    return place.key


def test_coordinates_are_plausible_for_the_region():
    """The Middle East and Africa's places lie in the region; the world file's countries
    (and their cities) anywhere on land but the poles."""
    places = gazetteer.load_places()
    by_key = {p.key: p for p in places}
    for place in places:
        if place.lat is None:
            continue
        if _root(place, by_key) in COUNTRIES:
            assert -15 <= place.lat <= 45, place.key
            assert -20 <= place.lon <= 80, place.key
        else:
            assert -60 <= place.lat <= 75, place.key
            assert -180 <= place.lon <= 180, place.key


def test_every_country_has_first_level_units():
    places = gazetteer.load_places()
    for cc in COUNTRIES:
        country = [p for p in places if p.key == cc]
        if not country:
            continue  # countries are added file by file; the listed ones are checked below
        units = [p for p in places if p.parent == cc and p.kind == "governorate"]
        assert units, f"{cc} has no first-level units"


def test_iraq_and_syria_have_districts_under_their_governorates():
    places = gazetteer.load_places()
    for cc in ("iq", "sy"):
        districts = [p for p in places if p.kind == "district" and p.key.startswith(cc + ".")]
        assert len(districts) >= 40, cc


def test_ancestors_run_from_the_nearest_to_the_country():
    chain = [p.name for p in gazetteer.ancestors("iq.salahuddin.shirqat")]
    assert chain == ["صلاح الدين", "العراق"]


def test_a_bad_record_is_reported_with_its_file_and_line(tmp_path):
    (tmp_path / "xx.jsonl").write_text(
        json.dumps({"key": "xx", "name": "بلد", "kind": "country"}) + "\n"
        + json.dumps({"key": "xx.a", "name": "أ", "kind": "town", "parent": "xx"}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"xx\.jsonl:2: xx\.a: kind 'town'"):
        gazetteer.read_places(tmp_path)


def test_an_unknown_parent_is_refused(tmp_path):
    (tmp_path / "xx.jsonl").write_text(
        json.dumps({"key": "xx.a", "name": "أ", "kind": "city", "parent": "xx"}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="unknown parent xx"):
        gazetteer.read_places(tmp_path)


def test_out_of_range_coordinates_are_refused(tmp_path):
    (tmp_path / "xx.jsonl").write_text(
        json.dumps({"key": "xx", "name": "بلد", "kind": "country", "lat": 95, "lon": 10}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="coordinates out of range"):
        gazetteer.read_places(tmp_path)


def test_the_actor_lexicon_loads_with_unique_keys_and_valid_kinds():
    actors = lexicon.load_actors()
    keys = [a.key for a in actors]
    assert len(keys) == len(set(keys))
    assert all(a.kind in ACTOR_KINDS for a in actors)
    assert {"isis", "iq.army", "sy.regime", "ye.houthis", "intl_coalition"} <= set(keys)


def test_no_actor_alias_belongs_to_two_actors():
    owner: dict[str, str] = {}
    for actor in lexicon.load_actors():
        for name in (actor.name, *actor.aliases):
            words = lexicon.phrase_words(name)
            assert owner.setdefault(words, actor.key) == actor.key, name


def test_a_duplicate_actor_key_is_refused(tmp_path):
    line = json.dumps({"key": "a", "name": "أ", "kind": "armed_group"})
    path = tmp_path / "actors.jsonl"
    path.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="actors.jsonl:2: duplicate key a"):
        lexicon.read_actors(path)


def test_generic_words_point_at_lexicon_actors():
    keys = {a.key for a in lexicon.load_actors()}
    for phrase, spec in lexicons.load("actors_generic.json").items():
        for key in (*spec["candidates"], *spec.get("by_country", {}).values()):
            assert key.startswith("@") or key in keys, (phrase, key)
