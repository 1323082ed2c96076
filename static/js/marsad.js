// Marsad: the only script, and the site works without it. On a phone the filters start
// folded so the results come first; a tap on "المعايير والتصفية" opens them.
(function () {
  if (window.matchMedia && window.matchMedia("(max-width: 900px)").matches) {
    document.querySelectorAll("details.filters").forEach(function (box) {
      if (!document.querySelector(".errors")) { box.open = false; }
    });
  }
})();
