// The batch page's live progress: while the job is queued or running, ask its progress
// endpoint every 1.5 s, update the figures and the bar, append the new error rows, and
// reload the page once it ends (the buttons and the batch's fields then follow).
// Without JavaScript the page shows the figures as they were when it loaded.
(function () {
  "use strict";
  var box = document.getElementById("marsad-job");
  if (!box || box.dataset.active !== "1") return;
  var url = box.dataset.progressUrl;
  var seen = parseInt(box.dataset.errors, 10) || 0;
  var bar = document.getElementById("marsad-job-bar");
  var rows = document.querySelector("#marsad-errors tbody");
  var number = new Intl.NumberFormat("en-US");  // the digits the server prints

  function clock(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60, pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
  }

  function value(data, key) {
    return key.split(".").reduce(function (o, k) { return o ? o[k] : undefined; }, data);
  }

  function show(data) {
    box.querySelectorAll("[data-job]").forEach(function (el) {
      var key = el.dataset.job, v = key === "left" ? clock(data.seconds_left) : value(data, key);
      if (v === null || v === undefined) v = key === "total" ? "…" : "—";
      el.textContent = typeof v === "number" ? number.format(v) : v;
    });
    if (data.total !== null) { bar.max = Math.max(data.total, 1); }
    bar.value = data.done;
    if (data.n_errors < seen) {  // a resumed job counts again from the start
      rows.textContent = "";
      seen = 0;
      return;
    }
    data.errors.forEach(function (e) {
      var tr = document.createElement("tr");
      [e.file, e.line === null ? "" : e.line, e.message].forEach(function (text) {
        var td = document.createElement("td");
        td.textContent = text;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    seen = data.errors_from + data.errors.length;
  }

  function poll() {
    fetch(url + "?errors_from=" + seen, {credentials: "same-origin",
                                          headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        show(data);
        if (data.active) { setTimeout(poll, 1500); } else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
