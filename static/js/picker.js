// Marsad: the actor and place pickers, and URLs that carry only what is set.
// A picker asks /api/suggest/ (same host) as the reader types; choosing a name adds it
// to the form and applies the filters. Without JavaScript the facet links still work.
(function () {
  "use strict";
  var SUGGEST = "/api/suggest/";

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function submit(form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function picked(picker, item) {
    var li = document.createElement("li");
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = picker.dataset.name;
    input.value = item.id;
    li.appendChild(input);
    li.appendChild(document.createTextNode(item.label + " "));
    return li;
  }

  function label(item) {
    var lang = document.documentElement.lang;
    return (lang === "en" && item.name_en) ? item.name_en : item.name;
  }

  function setUp(picker) {
    var form = picker.closest("form");
    var box = picker.querySelector("input[type=search]");
    var list = picker.querySelector(".options");
    var chosen = picker.querySelector(".picked");
    var items = [];
    var active = -1;

    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      active = -1;
    }

    function choose(item) {
      if (!picker.dataset.multiple) { chosen.innerHTML = ""; }
      var already = chosen.querySelector("input[value='" + item.id + "']");
      if (!already) { chosen.appendChild(picked(picker, { id: item.id, label: label(item) })); }
      box.value = "";
      close();
      submit(form);
    }

    function show(results) {
      items = results;
      list.innerHTML = "";
      results.forEach(function (item, i) {
        var option = document.createElement("li");
        option.setAttribute("role", "option");
        option.id = picker.dataset.kind + "-option-" + i;
        option.dataset.id = item.id;
        var main = document.createElement("span");
        main.className = "option-name";
        main.textContent = label(item);
        option.appendChild(main);
        var extra = item.chain ? item.chain.slice(1).join(" › ") : "";
        if (item.name_en && label(item) !== item.name_en) { extra = (extra ? extra + " · " : "") + item.name_en; }
        if (extra) {
          var small = document.createElement("small");
          small.textContent = extra;
          option.appendChild(small);
        }
        option.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
        list.appendChild(option);
      });
      list.hidden = results.length === 0;
      box.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    var ask = debounce(function () {
      var text = box.value.trim();
      if (!text) { show([]); return; }
      var url = SUGGEST + "?kind=" + encodeURIComponent(picker.dataset.kind) + "&q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (box.value.trim() === text) { show(data.results || []); } })
        .catch(function () { show([]); });
    }, 150);

    function move(step) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      if (active >= 0) { options[active].removeAttribute("aria-selected"); }
      active = (active + step + options.length) % options.length;
      options[active].setAttribute("aria-selected", "true");
      box.setAttribute("aria-activedescendant", options[active].id);
    }

    box.addEventListener("input", ask);
    box.addEventListener("blur", function () { setTimeout(close, 150); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter") {
        e.preventDefault();
        if (!list.hidden && items.length) { choose(items[active >= 0 ? active : 0]); }
      }
    });
    chosen.addEventListener("click", function (e) {
      if (e.target.classList.contains("unpick")) {
        e.target.closest("li").remove();
        submit(form);
      }
    });
  }

  document.querySelectorAll(".picker").forEach(setUp);

  // Back to a page whose fields were disabled on submit (the browser's page cache).
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[method=get] [disabled]").forEach(function (field) {
      field.disabled = false;
    });
  });

  // A GET form submits only the fields that are set: the URL stays short and shareable.
  document.querySelectorAll("form[method=get]").forEach(function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled && (field.type === "text" || field.type === "search" ||
            field.type === "number" || field.type === "date" || field.type === "hidden" ||
            field.tagName === "SELECT") && field.value === "") {
          field.disabled = true;
        }
      });
      if (form.querySelector("select[name=sort]") && form.sort.value === "-date") {
        form.sort.disabled = true;
      }
    });
  });
})();
