/* sckg site: the list filters, the search and the neighbourhood maps. Everything works offline; data is
   only ever put into the page with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var lang = body.getAttribute("data-lang");
  var defaultLang = body.getAttribute("data-default-lang");

  function pageHref(path) {
    return root + path + (lang === defaultLang ? ".html" : "." + lang + ".html");
  }

  /* --- list filters --- */
  var selects = document.querySelectorAll("select[data-filter]");
  function applyFilters() {
    var wanted = [];
    selects.forEach(function (s) { wanted[+s.getAttribute("data-filter")] = s.value; });
    var shown = 0;
    document.querySelectorAll("tr[data-facets]").forEach(function (row) {
      var facets = JSON.parse(row.getAttribute("data-facets"));
      var ok = wanted.every(function (value, i) { return !value || facets[i].indexOf(value) >= 0; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    var count = document.getElementById("list-count");
    if (count) count.textContent = count.textContent.replace(/\d+$/, String(shown));
  }
  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });

  /* --- search: the index of sckg.site.search, read from assets/search-index.js --- */
  var FOLD = { "ä": "a", "ö": "o", "ü": "u", "ß": "ss" };
  function fold(word) {
    return word.toLowerCase().replace(/[äöüß]/g, function (c) { return FOLD[c]; });
  }
  function search(index, query) {
    var words = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold);
    var keys = Object.keys(index.keys);
    var scores = null;
    words.forEach(function (word) {
      var forms = [word];
      index.endings.forEach(function (e) {
        if (word.length - e.length >= 3 && word.slice(-e.length) === e) forms.push(word.slice(0, -e.length));
      });
      var found = {};
      keys.forEach(function (key) {
        forms.forEach(function (form) {
          if (key === form || key.indexOf(form) === 0) {
            index.keys[key].forEach(function (doc) {
              found[doc] = Math.max(found[doc] || 0, key === form ? 2 : 1);
            });
          }
        });
      });
      if (scores === null) { scores = found; return; }
      var both = {};
      Object.keys(scores).forEach(function (doc) {
        if (doc in found) both[doc] = scores[doc] + found[doc];
      });
      scores = both;
    });
    var column = Math.max(0, index.langs.indexOf(lang));
    return Object.keys(scores || {}).map(Number).sort(function (a, b) {
      return (scores[b] - scores[a]) ||
        index.docs[a][1 + column].localeCompare(index.docs[b][1 + column]) || a - b;
    }).map(function (doc) { return index.docs[doc]; });
  }
  var results = document.getElementById("search-results");
  if (results && window.SCKG_SEARCH) {
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var run = function () {
      var query = input.value.trim();
      results.textContent = "";
      if (!query) { status.textContent = ""; return; }
      var found = search(window.SCKG_SEARCH, query);
      var column = Math.max(0, window.SCKG_SEARCH.langs.indexOf(lang));
      var n = window.SCKG_SEARCH.langs.length;
      found.forEach(function (doc) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = pageHref(doc[0]);
        a.textContent = doc[1 + column];
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = " · " + doc[1 + n + column];
        item.appendChild(a);
        item.appendChild(kind);
        results.appendChild(item);
      });
      status.textContent = found.length ? status.getAttribute("data-found").replace("{n}", found.length)
        : status.getAttribute("data-none");
    };
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    document.getElementById("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run();
    });
    input.addEventListener("input", run);
    run();
  }

  /* --- the neighbourhood map, from the data of sckg.viz (positions fixed, no physics) --- */
  var mapData = document.getElementById("site-map-data");
  var container = document.getElementById("site-map");
  if (mapData && container && window.vis) {
    var data = JSON.parse(mapData.textContent);
    var tip = function (text) {
      var box = document.createElement("div");
      box.textContent = text;
      return box;
    };
    var nodes = data.nodes.map(function (n, i) {
      return {
        id: i, label: n.l, x: n.x, y: n.y, size: n.s, shape: data.shapes[n.c] || "dot", title: tip(n.t),
        color: { background: n.b, border: n.o }, borderWidth: i === data.focus ? 4 : 1,
        font: { face: "DejaVu Sans, Arial, sans-serif", size: 14 }
      };
    });
    var edges = data.edges.map(function (e) {
      return { from: e[0], to: e[1], width: e[2], color: data.edgeColor,
               arrows: data.directed ? "to" : "" };
    });
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      physics: false, interaction: { hover: true, keyboard: false }, nodes: { fixed: false }
    });
    network.on("click", function (event) {
      var path = event.nodes.length ? data.paths[event.nodes[0]] : null;
      if (path && event.nodes[0] !== data.focus) window.location.href = pageHref(path);
    });
  }
})();
