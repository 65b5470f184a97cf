/* sckg map page. Reads the map from the JSON element #sckg-data and draws it with vis-network.
   Data is only ever put into the page with textContent or as canvas text, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sckg-data").textContent);
  var ui = data.ui;
  var N = data.nodes.length;
  var SVGNS = "http://www.w3.org/2000/svg";
  var FONT = '"DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif';
  var FADED = { background: "#EEEEEE", border: "#D6D6D6" };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function tip(text) {
    return el("div", "sckg-tip", text);
  }

  function swatch(shape, color, border) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    var item;
    if (shape === "dot") {
      item = document.createElementNS(SVGNS, "circle");
      item.setAttribute("cx", "8"); item.setAttribute("cy", "8"); item.setAttribute("r", "6");
    } else if (shape === "square") {
      item = document.createElementNS(SVGNS, "rect");
      item.setAttribute("x", "2"); item.setAttribute("y", "2");
      item.setAttribute("width", "12"); item.setAttribute("height", "12");
    } else {
      item = document.createElementNS(SVGNS, "polygon");
      item.setAttribute("points", polygon(shape));
    }
    item.setAttribute("fill", color);
    item.setAttribute("stroke", border || "#333333");
    item.setAttribute("stroke-width", "1.2");
    svg.appendChild(item);
    return svg;
  }

  function polygon(shape) {
    var points = [];
    var i;
    if (shape === "diamond") return "8,1 15,8 8,15 1,8";
    if (shape === "triangle") return "8,2 15,14 1,14";
    if (shape === "triangleDown") return "1,2 15,2 8,14";
    if (shape === "star") {
      for (i = 0; i < 10; i++) {
        var r = i % 2 ? 3 : 7.5, a = Math.PI / 5 * i - Math.PI / 2;
        points.push((8 + r * Math.cos(a)).toFixed(2) + "," + (8.5 + r * Math.sin(a)).toFixed(2));
      }
      return points.join(" ");
    }
    for (i = 0; i < 6; i++) {  /* hexagon */
      var b = Math.PI / 3 * i;
      points.push((8 + 7 * Math.cos(b)).toFixed(2) + "," + (8 + 7 * Math.sin(b)).toFixed(2));
    }
    return points.join(" ");
  }

  /* ---- header: data date, sources, size, focus ---- */
  var about = document.getElementById("sckg-about");
  if (data.fictional) about.appendChild(el("span", "sckg-badge", ui.fictional));
  var facts = [ui.data_date + ": " + (data.date || ui.unknown)];
  facts.push(ui.sources + ": " + (data.sources.length ? data.sources.join("; ") : ui.unknown));
  facts.push(N + " " + ui.nodes + ", " + data.edges.length + " " + ui.edges);
  if (data.focus) facts.push(data.focus);
  about.appendChild(document.createTextNode(facts.join(" · ")));

  /* ---- vis data ---- */
  var nodeList = new Array(N);
  for (var i = 0; i < N; i++) {
    var n = data.nodes[i];
    nodeList[i] = {
      id: i, label: n.k ? n.l : "", x: n.x, y: n.y, size: n.s, shape: data.classes[n.c].shape, title: tip(n.t),
      color: { background: n.b, border: n.o, highlight: { background: n.b, border: "#000000" },
               hover: { background: n.b, border: "#000000" } }
    };
  }
  var edgeList = data.edges.map(function (e, k) {
    return { id: k, from: e[0], to: e[1], width: e[2], title: tip(e[3]) };
  });
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("sckg-map");
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false },
    interaction: {
      hover: !data.large, tooltipDelay: 200, hideEdgesOnDrag: data.large, hideEdgesOnZoom: data.large,
      keyboard: false, navigationButtons: false, multiselect: false
    },
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 3,
      font: { size: 14, face: FONT, color: "#1a1a1a", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 7 } }
    },
    edges: {
      smooth: false, selectionWidth: 1.5, hoverWidth: 0.5,
      color: { color: data.edgeColor, highlight: "#1a1a1a", hover: "#1a1a1a", opacity: 0.6 },
      arrows: { to: { enabled: data.directed, scaleFactor: 0.5 } }
    }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var map = window.sckgMap = {
    network: network, nodes: nodes, edges: edges, data: data, drawnAt: null, highlighted: null, focused: null
  };
  network.once("afterDrawing", function () { map.drawnAt = performance.now(); });

  /* ---- a large map labels its important nodes; zoomed in (twice the first scale), every node ---- */
  var quiet = data.nodes.map(function (n, k) { return n.k ? -1 : k; }).filter(function (k) { return k >= 0; });
  var firstScale = null, allLabels = false;
  if (quiet.length) network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (firstScale === null) firstScale = scale;
    var wanted = scale >= 2 * firstScale;
    if (wanted === allLabels) return;
    allLabels = wanted;
    nodes.update(quiet.map(function (k) { return { id: k, label: labelOf(k, false) }; }));
  });
  /* the label a node shows: always when important, zoomed in, or ``near`` (a highlighted neighbourhood) */
  function labelOf(k, near) {
    return data.nodes[k].k || allLabels || near ? data.nodes[k].l : "";
  }

  /* ---- click: highlight the neighbours ---- */
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (k) { keep[k] = true; });
    var near = {};
    network.getConnectedEdges(id).forEach(function (k) { near[k] = true; });
    var changes = new Array(N);
    for (var k = 0; k < N; k++) {
      changes[k] = { id: k, color: keep[k] ? nodeList[k].color : FADED, label: labelOf(k, keep[k]),
                     font: { color: keep[k] ? "#1a1a1a" : "#B0B0B0" } };
    }
    nodes.update(changes);
    edges.update(edgeList.map(function (e) {
      return { id: e.id, color: near[e.id] ? { color: "#1a1a1a", opacity: 1 } : { color: "#DDDDDD", opacity: 0.5 } };
    }));
    map.highlighted = id;
  }

  function clearHighlight() {
    if (map.highlighted === null) return;
    nodes.update(nodeList.map(function (n) {
      return { id: n.id, color: n.color, label: labelOf(n.id, false), font: { color: "#1a1a1a" } };
    }));
    edges.update(edgeList.map(function (e) {
      return { id: e.id, color: { color: data.edgeColor, opacity: 0.6 } };
    }));
    map.highlighted = null;
  }

  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]);
    else clearHighlight();
  });

  /* ---- show and hide classes and fields of action ---- */
  var classOn = data.classes.map(function () { return true; });
  var fieldOn = data.fields.map(function () { return true; });
  var shown = nodeList.map(function () { return true; });
  var edgeShown = edgeList.map(function () { return true; });
  var count = document.getElementById("sckg-count");

  function isShown(k) {
    var node = data.nodes[k];
    if (!classOn[node.c]) return false;
    if (!node.f.length) return true;
    for (var j = 0; j < node.f.length; j++) if (fieldOn[node.f[j]]) return true;
    return false;
  }

  function applyFilters() {
    var nodeChanges = [], edgeChanges = [], visible = 0;
    for (var k = 0; k < N; k++) {
      var now = isShown(k);
      if (now !== shown[k]) { shown[k] = now; nodeChanges.push({ id: k, hidden: !now }); }
      if (now) visible++;
    }
    data.edges.forEach(function (e, k) {
      var now = shown[e[0]] && shown[e[1]];
      if (now !== edgeShown[k]) { edgeShown[k] = now; edgeChanges.push({ id: k, hidden: !now }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    count.textContent = fill(ui.shown, { v: visible, n: N });
  }

  /* ---- legend with checkboxes ---- */
  var legend = document.getElementById("sckg-legend");

  function group(title, entries, withBoxes, state, boxName) {
    legend.appendChild(el("h2", null, title));
    var boxes = [];
    if (withBoxes && entries.length > 1) {
      var buttons = el("div", "sckg-buttons");
      [[ui.all, true], [ui.no, false]].forEach(function (choice) {
        var button = el("button", null, choice[0]);
        button.type = "button";
        button.addEventListener("click", function () {
          boxes.forEach(function (box, j) { box.checked = choice[1]; state[j] = choice[1]; });
          applyFilters();
        });
        buttons.appendChild(button);
      });
      legend.appendChild(buttons);
    }
    var list = el("ul");
    entries.forEach(function (entry, j) {
      var item = el("li");
      var holder = withBoxes ? el("label") : item;
      if (withBoxes) {
        var box = el("input");
        box.type = "checkbox";
        box.checked = true;
        box.name = boxName;
        box.value = entry.key;
        box.addEventListener("change", function () { state[j] = box.checked; applyFilters(); });
        boxes.push(box);
        holder.appendChild(box);
      }
      if (entry.swatch) holder.appendChild(entry.swatch);
      holder.appendChild(el("span", "sckg-text", entry.label));
      if (withBoxes) item.appendChild(holder);
      item.appendChild(el("span", "sckg-n", entry.count));
      list.appendChild(item);
    });
    legend.appendChild(list);
  }

  var byClass = data.colorBy === "class";
  group(ui.classes, data.classes.map(function (c) {
    return { key: c.key, label: c.label, count: c.count,
             swatch: swatch(c.shape, byClass ? c.color : "#FFFFFF", byClass ? null : "#333333") };
  }), true, classOn, "class");
  if (!byClass) {
    group(fill(ui.colors, { by: data.colorByLabel }), data.categories.map(function (c) {
      return { key: c.key, label: c.label, count: c.count, swatch: swatch("dot", c.color, "#555555") };
    }), false, null, null);
  }
  if (data.fields.length) group(ui.fields, data.fields, true, fieldOn, "field");
  legend.appendChild(el("p", null, fill(ui.size, { by: data.sizeByLabel })));
  applyFilters();

  /* ---- search: Enter finds the next matching visible node and focuses it ---- */
  var query = document.getElementById("sckg-query");
  var status = document.getElementById("sckg-search-status");
  var lower = null, matches = [], position = -1, lastQuery = null;

  function findAll(text) {
    if (lower === null) lower = data.nodes.map(function (node) { return node.n.toLocaleLowerCase(); });
    var found = [];
    for (var k = 0; k < N; k++) if (shown[k] && lower[k].indexOf(text) >= 0) found.push(k);
    function rank(k) { return lower[k] === text ? 0 : lower[k].indexOf(text) === 0 ? 1 : 2; }
    return found.sort(function (a, b) {
      return rank(a) - rank(b) || lower[a].localeCompare(lower[b]) || a - b;
    });
  }

  function focusNode(k) {
    map.focused = null;
    network.once("animationFinished", function () { map.focused = k; });
    network.selectNodes([k]);
    highlight(k);
    network.focus(k, { scale: Math.max(network.getScale(), 1.2),
                       animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }

  document.getElementById("sckg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = query.value.trim().toLocaleLowerCase();
    if (!text) { status.textContent = ""; clearHighlight(); network.unselectAll(); return; }
    if (text !== lastQuery) { matches = findAll(text); position = -1; lastQuery = text; }
    if (!matches.length) { status.textContent = ui.no_match; return; }
    position = (position + 1) % matches.length;
    focusNode(matches[position]);
    status.textContent = fill(ui.matches, { i: position + 1, n: matches.length });
  });
  map.focusNode = focusNode;
  map.ready = true;
})();
