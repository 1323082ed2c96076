// Marsad: the incidents map (Leaflet over a local Natural Earth basemap, no tiles) and the
// charts (plain SVG) of the current filter. Everything comes from this site: the JSON of
// /api/incidents/map/ and /api/incidents/series/, and static/vendor/ (scripts/install).
// No inline style: sizes are SVG attributes or Leaflet's CSSOM, colours are CSS classes.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var CELL = 44; // clustering grid, in screen pixels
  var numbers = new Intl.NumberFormat("en-US");

  var WORDS = {}; // the partial's data-labels: the words in the reader's language

  function num(n) { return numbers.format(n || 0); }

  // A phrase of WORDS with its %(name)s numbers (formatted) or names filled in; its
  // "<key>_one" wording when it counts one incident.
  function say(key, values) {
    if (values && values.n === 1 && WORDS[key + "_one"]) { key += "_one"; }
    return (WORDS[key] || "").replace(/%\((\w+)\)s/g, function (_, name) {
      var value = (values || {})[name];
      return typeof value === "number" ? num(value) : String(value === undefined ? "" : value);
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    });
  }

  function withQuery(url, query, extra) {
    var parts = [query, extra].filter(Boolean).join("&");
    return parts ? url + "?" + parts : url;
  }

  // ---- charts -------------------------------------------------------------------------

  function periodLabel(start, step) {
    if (step === "year") { return start.slice(0, 4); }
    if (step === "month") { return start.slice(0, 7); }
    return start;
  }

  function chart(data, measure, title, room) {
    var periods = data.periods, step = data.step;
    var width = Math.max(300, Math.min(720, room || 720)), height = 190, base = 160, top = 0;
    var slot = Math.min(48, (width - 40) / Math.max(periods.length, 1));
    periods.forEach(function (p) {
      var sum = 0;
      Object.keys(p.types).forEach(function (t) { sum += p.types[t].exact[measure] + p.types[t].approximate[measure]; });
      top = Math.max(top, sum);
    });
    var scale = top ? (base - 14) / top : 0;
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "chart chart-" + measure,
                            role: "img", "aria-label": title, preserveAspectRatio: "xMinYMin meet" });
    root.appendChild(svg("line", { x1: 30, x2: width, y1: base, y2: base, class: "axis" }));
    root.appendChild(svg("text", { x: 26, y: 12, class: "tick", "text-anchor": "end" }, num(top)));
    var every = Math.max(1, Math.ceil((step === "week" ? 84 : step === "month" ? 60 : 38) / slot));
    periods.forEach(function (p, i) {
      var x = 34 + i * slot, y = base;
      data.types.forEach(function (type) {
        var cell = p.types[type.code];
        if (!cell) { return; }
        ["exact", "approximate"].forEach(function (kind) {
          var value = cell[kind][measure];
          if (!value) { return; }
          var h = Math.max(1, value * scale);
          y -= h;
          var rect = svg("rect", { x: x, y: y, width: Math.max(1, slot - (slot > 6 ? 2 : 0)), height: h,
                                   class: "segment t-" + type.code + (kind === "approximate" ? " approx" : ""),
                                   "data-value": value, "data-type": type.code });
          rect.appendChild(svg("title", {}, periodLabel(p.start, step) + " · " + type.label + ": " +
            num(value) + (kind === "approximate" ? say("approximate_bar") : "")));
          root.appendChild(rect);
        });
      });
      if (i % every === 0) {
        root.appendChild(svg("text", { x: x, y: base + 16, class: "tick" }, periodLabel(p.start, step)));
      }
    });
    return root;
  }

  function legend(data) {
    var used = {};
    data.periods.forEach(function (p) { Object.keys(p.types).forEach(function (t) { used[t] = true; }); });
    var list = el("ul", { class: "chart-legend" });
    data.types.forEach(function (type) {
      if (!used[type.code]) { return; }
      var item = el("li");
      item.appendChild(el("span", { class: "key t-" + type.code }));
      item.appendChild(document.createTextNode(" " + type.label));
      list.appendChild(item);
    });
    var approx = el("li");
    approx.appendChild(el("span", { class: "key approx-key" }));
    approx.appendChild(document.createTextNode(" " + say("approximate_key")));
    list.appendChild(approx);
    return list;
  }

  function drawCharts(box, data) {
    var target = box.querySelector(".charts"), note = box.querySelector(".chart-note");
    target.textContent = "";
    var barsN = data.totals.n - data.undated.n, barsKilled = data.totals.killed - data.undated.killed;
    target.setAttribute("data-bars-n", barsN);
    target.setAttribute("data-bars-killed", barsKilled);
    target.setAttribute("data-undated-n", data.undated.n);
    target.setAttribute("data-undated-killed", data.undated.killed);
    target.setAttribute("data-step", data.step);
    box.querySelectorAll(".step-switch button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-step") === data.step ? "true" : "false");
    });
    if (!data.totals.n) {
      target.appendChild(el("p", { class: "muted" }, say("no_incidents")));
      note.textContent = "";
      return;
    }
    [["n", say("incidents")], ["killed", say("killed")]].forEach(function (pair) {
      var figure = el("figure", { class: "chart-figure" });
      figure.appendChild(el("figcaption", {}, pair[1] + " " + say(data.step)));
      var holder = el("div", { class: "chart-scroll", dir: "ltr" });
      holder.appendChild(chart(data, pair[0], pair[1], target.clientWidth));
      figure.appendChild(holder);
      target.appendChild(figure);
    });
    target.appendChild(legend(data));
    note.textContent = say("bars", { n: barsN, killed: barsKilled }) + " · " +
      (data.undated.n ? say("undated", data.undated) : say("none_undated")) +
      " · " + say("total", data.totals);
  }

  function loadCharts(box, step) {
    var target = box.querySelector(".charts");
    getJSON(withQuery(box.getAttribute("data-series-url"), box.getAttribute("data-query"),
                      step ? "step=" + step : ""))
      .then(function (data) { drawCharts(box, data); })
      .catch(function () { target.textContent = say("chart_failed"); });
  }

  // ---- map ----------------------------------------------------------------------------

  function radius(killed, n) {
    return Math.min(34, 6 + 2.2 * Math.sqrt(killed || 0) + (n > 1 ? 3 : 0));
  }

  function popupFor(points, links) {
    var box = el("div", { class: "map-popup", dir: document.documentElement.dir || "rtl" });
    points.forEach(function (p) {
      box.appendChild(el("h3", {}, p.name));
      box.appendChild(el("p", { class: "muted" }, say(p.precision) + " · " + say("place_summary", p)));
      var list = el("ul");
      p.incidents.forEach(function (i) {
        var item = el("li");
        var link = el("a", { href: links.incident.replace("/0/", "/" + i.id + "/") },
                      (links.types[i.type] || i.type) + " · ");
        link.appendChild(i.date ? el("bdi", { dir: "ltr" }, i.date) : document.createTextNode(say("no_date")));
        link.appendChild(document.createTextNode((i.date && i.approximate_date ? say("approximate") : "") +
                                                 (i.killed ? " · " + say("killed_n", i) : "")));
        item.appendChild(link);
        list.appendChild(item);
      });
      if (p.n > p.incidents.length) {
        var params = new URLSearchParams(links.query);
        params.set("place", p.place);
        var more = el("li");
        more.appendChild(el("a", { href: links.table + "?" + params.toString(), class: "more" },
                            say("more", { n: p.n - p.incidents.length, name: p.name })));
        list.appendChild(more);
      }
      box.appendChild(list);
    });
    return box;
  }

  function clusters(map, points) {
    var zoom = map.getZoom(), cells = {};
    points.forEach(function (p) {
      var xy = map.project([p.lat, p.lon], zoom);
      var key = Math.floor(xy.x / CELL) + ":" + Math.floor(xy.y / CELL);
      (cells[key] = cells[key] || []).push(p);
    });
    return Object.keys(cells).map(function (k) { return cells[k]; });
  }

  function drawMarkers(map, layer, points, links, mapEl) {
    layer.clearLayers();
    var shown = 0, count = 0;
    clusters(map, points).forEach(function (group) {
      var n = 0, killed = 0, lat = 0, lon = 0;
      group.forEach(function (p) { n += p.n; killed += p.killed; lat += p.lat * p.n; lon += p.lon * p.n; });
      var single = group.length === 1;
      var marker = L.circleMarker(single ? [group[0].lat, group[0].lon] : [lat / n, lon / n], {
        radius: radius(killed, single ? 1 : 2),
        className: single ? "incident-marker precision-" + group[0].precision : "incident-marker cluster"
      });
      marker.bindPopup(popupFor(group.slice().sort(function (a, b) { return b.n - a.n; }), links),
                       { maxHeight: 260, maxWidth: 280 });
      marker.bindTooltip((single ? group[0].name + ": " : say("places", { places: group.length })) +
                         say("place_summary", { n: n, killed: killed }), { direction: "top" });
      marker.addTo(layer);
      var path = marker.getElement();
      if (path) { path.setAttribute("data-n", n); path.setAttribute("data-killed", killed); }
      shown += n; count += 1;
    });
    mapEl.setAttribute("data-markers", count);
    mapEl.setAttribute("data-located", shown);
  }

  function drawMap(box) {
    var mapEl = box.querySelector(".map"), note = box.querySelector(".map-note");
    if (typeof L === "undefined") {
      note.textContent = say("vendor_missing");
      mapEl.classList.add("missing");
      return;
    }
    var map = L.map(mapEl, { minZoom: 2, maxZoom: 11, zoomSnap: 0.5, worldCopyJump: true,
                             attributionControl: true }).setView([30, 42], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(say("borders"));
    var labels = L.layerGroup();
    getJSON(box.getAttribute("data-basemap")).then(function (geo) {
      L.geoJSON(geo, { interactive: false, style: function () {
        return { className: "country", weight: 0.6, fillOpacity: 1 };
      } }).addTo(map).bringToBack();
      var english = (document.documentElement.lang || "").indexOf("en") === 0;
      geo.features.forEach(function (f) {
        var name = english ? f.properties.name : f.properties.name_ar;
        if (name && f.properties.label) {
          labels.addLayer(L.tooltip({ permanent: true, direction: "center", className: "country-label",
                                      interactive: false })
            .setLatLng(f.properties.label).setContent(name));
        }
      });
      function toggleLabels() {
        if (map.getZoom() >= 3.5) { labels.addTo(map); } else { labels.remove(); }
      }
      map.on("zoomend", toggleLabels);
      toggleLabels();
    }).catch(function () { note.textContent = say("basemap_failed"); });

    var layer = L.layerGroup().addTo(map);
    var links = { incident: box.getAttribute("data-incident-url"), table: box.getAttribute("data-table-url"),
                  query: box.getAttribute("data-query") };
    getJSON(withQuery(box.getAttribute("data-map-url"), box.getAttribute("data-query"))).then(function (data) {
      mapEl.setAttribute("data-total", data.total);
      mapEl.setAttribute("data-unlocated", data.unlocated);
      links.types = data.types;
      var redraw = function () { drawMarkers(map, layer, data.points, links, mapEl); };
      if (data.points.length) {
        var bounds = L.latLngBounds(data.points.map(function (p) { return [p.lat, p.lon]; }));
        map.fitBounds(bounds.pad(0.3), { maxZoom: 7, animate: false });
      }
      map.on("zoomend", redraw);
      redraw();
      var text = say("on_map", { n: data.located, places: data.points.length });
      text += " · " + (data.unlocated ? say("unlocated", { n: data.unlocated }) : say("all_located"));
      if (data.places_left_off) { text += " · " + say("left_off", { places: data.places_left_off }); }
      note.textContent = text + say("circle_size");
      mapEl.classList.add("ready");
    }).catch(function () { note.textContent = say("points_failed"); });
  }

  function start() {
    document.querySelectorAll(".visuals").forEach(function (box) {
      try { WORDS = JSON.parse(box.getAttribute("data-labels") || "{}"); } catch (e) { WORDS = {}; }
      box.querySelectorAll(".step-switch button").forEach(function (button) {
        button.addEventListener("click", function () { loadCharts(box, button.getAttribute("data-step")); });
      });
      loadCharts(box, "");
      drawMap(box);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
