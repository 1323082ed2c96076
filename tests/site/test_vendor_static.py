"""scripts/vendor_static.py: the basemap built from Natural Earth's TopoJSON (world-atlas)
with the Arabic country names of our own gazetteer, and what scripts/install leaves in
static/vendor/ (required where the browser tests are: CI)."""
import importlib.util
import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("vendor_static",
                                              ROOT / "scripts" / "vendor_static.py")
vendor_static = importlib.util.module_from_spec(spec)
spec.loader.exec_module(vendor_static)


def test_it_decodes_a_quantized_topology_into_geojson_with_arabic_names():
    # a square country drawn by one delta-encoded arc; a MultiPolygon along a reversed arc
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [40, 30]},
        "arcs": [[[0, 0], [2, 0], [0, 4], [-2, 0], [0, -4]], [[10, 10], [1, 0], [0, 1], [-1, -1]]],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Iraq"}},
            {"type": "MultiPolygon", "arcs": [[[~1]]], "properties": {"name": "Nowhere"}},
        ]}},
    }
    names = {"Iraq": {"key": "iq", "name_ar": "العراق", "lat": 33.2, "lon": 43.7}}
    features = vendor_static.topology_to_geojson(topology, names)["features"]
    iraq, nowhere = features
    assert iraq["geometry"]["coordinates"] == [[[40, 30], [41, 30], [41, 31], [40, 31], [40, 30]]]
    assert iraq["properties"] == {"name": "Iraq", "name_ar": "العراق", "label": [33.2, 43.7]}
    assert nowhere["geometry"]["coordinates"] == [[[[45, 32.5], [45.5, 32.75], [45.5, 32.5],
                                                     [45, 32.5]]]]  # reversed arc
    assert nowhere["properties"]["name_ar"] == "" and nowhere["properties"]["label"] is None


def test_the_arabic_names_come_from_the_gazetteers_countries():
    countries = vendor_static.gazetteer_countries()
    assert countries["Iraq"]["name_ar"] == "العراق"
    assert countries["S. Sudan"]["key"] == "ss"  # Natural Earth's spelling of South Sudan
    assert all(c["lat"] is not None for c in countries.values())


def test_scripts_install_built_the_map_files():
    basemap = ROOT / "static" / "vendor" / "basemap.geojson"
    leaflet = ROOT / "static" / "vendor" / "leaflet" / "leaflet.js"
    if not (basemap.exists() and leaflet.exists()):
        message = "static/vendor/ is not built: run scripts/install (npm ci, vendor_static.py)"
        if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    features = json.loads(basemap.read_text(encoding="utf-8"))["features"]
    labelled = {f["properties"]["name"]: f["properties"]["name_ar"] for f in features
                if f["properties"]["name_ar"]}
    assert labelled["Syria"] == "سوريا" and labelled["Yemen"] == "اليمن"
    assert len(labelled) == len(vendor_static.gazetteer_countries())
