// 指挥大屏: asks the server what changed (the cursor of the last answer goes back as ?since=) and redraws only
// that. Built to run for days: one timer chain (the next poll is set when the last one ends, never two at a
// time), the lists rebuilt with replaceChildren from bounded arrays (never appended to forever), at most
// KEEP points on the map (the oldest removed), the chart made once and updated with setOption.
// Words come from the page's data attributes or the server, already in the reader's language; everything
// shown is set as text, never as HTML.
(function () {
  "use strict";
  const root = document.getElementById("screen");
  if (!root || !window.L || !window.echarts) return;
  const words = root.dataset;
  const KEEP = Number(words.keep); // new cases kept for the feed and the map: as many as one answer may bring
  const feed = [];
  const markers = [];
  const shown = { red: [], ranking: [] }; // the last lists drawn, drawn again to fit a new size
  let cursor = "";
  let failures = 0;

  // --- the clock and the full-screen button

  function tickClock() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    document.getElementById("screen-date").textContent =
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    document.getElementById("screen-time").textContent =
      `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  }
  tickClock();
  setInterval(tickClock, 1000);
  document.getElementById("screen-full").addEventListener("click", () => {
    if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  });

  // --- the map: the area's outline and its children's, and the points of recent cases

  const mapEl = document.getElementById("screen-map");
  const map = L.map(mapEl, { preferCanvas: true, zoomControl: false, attributionControl: true });
  if (words.tiles) L.tileLayer(words.tiles, { attribution: words.attribution || "", maxZoom: 19 }).addTo(map);
  map.setView([38.3, 109.7], 8);
  const points = L.layerGroup().addTo(map);
  fetch(words.geojson, { credentials: "same-origin" }).then((r) => r.json()).then((data) => {
    const layer = L.geoJSON(data, {
      style: (f) => (f.properties.self
        ? { color: "#38bdf8", weight: 3, fill: false }
        : { color: "#2f5d8f", weight: 1, fillColor: "#12325a", fillOpacity: 0.35 }),
      onEachFeature: (f, l) => {
        if (!f.properties.self && data.features.length <= 40) {
          l.bindTooltip(document.createTextNode(f.properties.name),
            { permanent: true, direction: "center", className: "area-label" });
        }
      },
    }).addTo(map);
    layer.bringToBack();
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    mapEl.dataset.loaded = String(data.features.length);
  });

  function addMarkers(cases) {
    const size = rem(1) / 16; // markers grow with the screen, as the lettering does
    markers.forEach((m) => m.setStyle({ radius: 5 * size, weight: size, fillColor: "#fbbf24", color: "#fbbf24" }));
    cases.slice().reverse().forEach((c) => {
      if (!c.point) return;
      const marker = L.circleMarker(c.point,
        { radius: 9 * size, weight: 2 * size, color: "#fff", fillColor: "#f87171", fillOpacity: 0.9 });
      markers.push(marker.addTo(points));
    });
    while (markers.length > KEEP) points.removeLayer(markers.shift());
    mapEl.dataset.points = String(markers.length);
  }

  // --- the trend chart, made once

  const chart = echarts.init(document.getElementById("screen-trend"));
  chart.setOption({
    animation: false,
    grid: { left: "4%", right: "3%", top: "16%", bottom: "4%", containLabel: true },
    xAxis: { type: "category", data: [] },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: words.casesLabel, type: "line", smooth: true, symbol: "none", lineStyle: { color: "#38bdf8" },
        areaStyle: { color: "rgba(56,189,248,0.15)" }, data: [] },
      { name: words.openLabel, type: "bar", barWidth: "45%", itemStyle: { color: "#fbbf24" }, data: [] },
    ],
  });

  // The chart's lettering in the page's rem, set again when the screen changes size.
  function chartSizes() {
    const axis = { axisLine: { lineStyle: { color: "#1d3b63" } }, axisLabel: { color: "#7f9bbd", fontSize: rem(0.9) },
      splitLine: { lineStyle: { color: "#12294a" } } };
    chart.setOption({
      legend: { top: 0, right: 0, itemWidth: rem(1.6), itemHeight: rem(0.9),
        textStyle: { color: "#dbe7f5", fontSize: rem(0.95) } },
      xAxis: axis, yAxis: axis, series: [{ lineStyle: { width: rem(0.2) } }, {}],
    });
  }
  chartSizes();

  function rem(n) {
    return n * parseFloat(getComputedStyle(document.documentElement).fontSize);
  }

  // --- drawing what came

  function text(tag, className, value) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }

  function row(c, when, fresh) {
    const li = text("li", fresh ? "row fresh" : "row", "");
    const what = text("span", "row-what", c.category);
    if (c.supervised) what.append(text("span", "badge badge-red", words.supervised));
    if (c.urgent) what.append(text("span", "badge", words.urgent));
    const link = text("a", "row-number", c.number);
    if (String(c.url).startsWith("/")) link.href = c.url;
    li.append(text("span", "row-when", when), what, link, text("span", "row-day", c.day || ""),
      text("span", "row-where", `${c.kind} · ${c.place}`));
    return li;
  }

  // Keep only the rows the box shows whole: the list never scrolls and never holds what no one sees.
  function fit(box, list) {
    while (list.lastElementChild && box.scrollHeight > box.clientHeight) list.lastElementChild.remove();
  }

  function drawRows(id, rows, emptyText) {
    const list = document.getElementById(id);
    list.replaceChildren(...(rows.length ? rows : [text("li", "empty", emptyText)]));
    fit(list, list);
  }

  function drawFeed(fresh) {
    const ids = new Set(fresh.map((c) => c.id));
    drawRows("screen-feed", feed.map((c) => row(c, c.time, ids.has(c.id))), words.emptyNew);
  }

  function drawFigures(figures) {
    root.querySelectorAll("[data-figure]").forEach((el) => {
      const value = el.dataset.figure.split(".").reduce((o, key) => (o == null ? o : o[key]), figures);
      if (value != null) el.textContent = String(value);
    });
    chart.setOption({ xAxis: { data: figures.trend.days },
      series: [{ data: figures.trend.cases }, { data: figures.trend.open }] });
  }

  function drawRanking(ranking) {
    const body = document.getElementById("screen-ranking");
    body.replaceChildren(...ranking.map((r) => {
      const tr = document.createElement("tr");
      tr.append(text("td", r.rank <= 3 ? "top" : "", String(r.rank)), text("td", "", r.name),
        text("td", "", String(r.cases)), text("td", r.overdue ? "late" : "", String(r.overdue)),
        text("td", "", r.resolution_rate));
      return tr;
    }));
    fit(document.getElementById("screen-rank-box"), body);
  }

  function apply(data) {
    const first = !cursor;
    cursor = data.cursor;
    root.dataset.cursor = cursor;
    if (data.new) {
      feed.unshift(...data.new);
      feed.length = Math.min(feed.length, KEEP);
      addMarkers(data.new);
    }
    // The first answer is what was there already, not what just came in (and may be nothing yet).
    if (data.new || first) drawFeed(first ? [] : data.new);
    if (data.figures) drawFigures(data.figures);
    if (data.red) drawRed(shown.red = data.red);
    if (data.ranking) drawRanking(shown.ranking = data.ranking);
  }

  function drawRed(red) {
    drawRows("screen-red", red.map((c) => row(c, c.late, false)), words.emptyRed);
  }

  // --- polling

  function status(ok, title) {
    const el = document.getElementById("screen-status");
    el.className = ok ? "status ok" : "status lost";
    el.title = title;
  }

  async function poll() {
    try {
      const response = await fetch(`${words.refresh}?since=${encodeURIComponent(cursor)}`,
        { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
      const json = (response.headers.get("Content-Type") || "").startsWith("application/json");
      if (response.ok && !json) throw new Error(words.signedOut);
      if (!response.ok) throw new Error(words.lost);
      apply(await response.json());
      failures = 0;
      status(true, words.live);
    } catch (error) {
      failures += 1;
      status(false, error.message || words.lost);
    } finally {
      root.dataset.polls = String(Number(root.dataset.polls || 0) + 1);
      // Back off while the server is unreachable (up to a minute), so a room of screens does not hammer it.
      setTimeout(poll, Math.min(60, Number(words.every) * 2 ** Math.min(failures, 4)) * 1000);
    }
  }

  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      chart.resize();
      chartSizes();
      map.invalidateSize();
      drawFeed([]);
      drawRed(shown.red);
      drawRanking(shown.ranking);
    }, 200);
  });
  poll();
})();
