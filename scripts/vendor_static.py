"""Fill static/vendor/ (gitignored) from node_modules/ (installed by `npm ci` from the
pinned package-lock.json): Leaflet's dist files, and the basemap, a GeoJSON of Natural
Earth's country boundaries (world-atlas, 1:50m TopoJSON, public domain) with the Arabic
country names and label points of our own gazetteer (extraction/data/places/*.jsonl).

Plain Python, no dependency: `python scripts/vendor_static.py` (scripts/install runs it).
"""
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODULES = ROOT / "node_modules"
VENDOR = ROOT / "static" / "vendor"
PLACES = ROOT / "extraction" / "data" / "places"
TOPOLOGY = MODULES / "world-atlas" / "countries-50m.json"
LEAFLET_FILES = ["leaflet.js", "leaflet.js.map", "leaflet.css", "images/layers.png",
                 "images/layers-2x.png", "images/marker-icon.png", "images/marker-icon-2x.png",
                 "images/marker-shadow.png"]
DIGITS = 2  # about a kilometre: finer than 1:50m boundaries need
# Natural Earth's short names for the gazetteer's English ones
NE_NAMES = {"South Sudan": "S. Sudan", "Central African Republic": "Central African Rep.",
            "Western Sahara": "W. Sahara", "Democratic Republic of the Congo": "Dem. Rep. Congo",
            "Bosnia and Herzegovina": "Bosnia and Herz.", "Ivory Coast": "Côte d'Ivoire"}


def gazetteer_countries(folder: pathlib.Path = PLACES) -> dict[str, dict]:
    """English name (as Natural Earth writes it) -> {"name_ar", "lat", "lon", "key"}."""
    out = {}
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                row = json.loads(line)
                if row.get("kind") != "country" or row.get("lat") is None:
                    continue
                name = NE_NAMES.get(row["name_en"], row["name_en"])
                out[name] = {"key": row["key"], "name_ar": row["name"],
                             "lat": row["lat"], "lon": row["lon"]}
    return out


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs, delta-decoded and transformed to degrees, rounded."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * scale_x + shift_x, DIGITS),
                           round(y * scale_y + shift_y, DIGITS)))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs) -> list[list[float]]:
    ring: list = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    deduped = [ring[0]] + [p for prev, p in zip(ring, ring[1:], strict=False) if p != prev]
    return [list(p) for p in deduped]


def topology_to_geojson(topology: dict, names_ar: dict[str, dict]) -> dict:
    arcs = _arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            coordinates = [_ring(r, arcs) for r in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        name = geometry.get("properties", {}).get("name", "")
        known = names_ar.get(name, {})
        features.append({
            "type": "Feature",
            "properties": {"name": name, "name_ar": known.get("name_ar", ""),
                           "label": [known["lat"], known["lon"]] if known else None},
            "geometry": {"type": kind, "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features}


def main() -> int:
    if not TOPOLOGY.exists() or not (MODULES / "leaflet" / "dist" / "leaflet.js").exists():
        print(f"vendor_static: {MODULES} lacks leaflet or world-atlas: run `npm ci --omit=dev`"
              " at the root first", file=sys.stderr)
        return 1
    (VENDOR / "leaflet" / "images").mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        shutil.copyfile(MODULES / "leaflet" / "dist" / name, VENDOR / "leaflet" / name)
    names_ar = gazetteer_countries()
    basemap = topology_to_geojson(json.loads(TOPOLOGY.read_text(encoding="utf-8")), names_ar)
    labelled = sum(1 for f in basemap["features"] if f["properties"]["name_ar"])
    (VENDOR / "basemap.geojson").write_text(
        json.dumps(basemap, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"vendor_static: leaflet and a basemap of {len(basemap['features'])} countries "
          f"({labelled} with Arabic names of {len(names_ar)} in the gazetteer) in {VENDOR}")
    missing = sorted(set(names_ar) - {f["properties"]["name"] for f in basemap["features"]})
    if missing:
        print(f"vendor_static: no boundary for {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
