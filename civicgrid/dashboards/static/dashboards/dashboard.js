// 数据看板: each chart drawn by ECharts from its spec (the page's "chart-specs"), a click on a bar, slice or point
// opening the queue of the cases it counts; the map of the child areas shaded by case density or overdue
// share, a click drilling down. Names go in as text, never as HTML; only links of this site are followed.
(function () {
  const specs = JSON.parse(document.getElementById("chart-specs").textContent);

  function follow(link) {
    if (link && link.startsWith("/")) window.location.href = link;
  }

  function percentAxis(spec) {
    return spec.series.every((s) => s.percent) ? { max: 100, axisLabel: { formatter: "{value}%" } } : {};
  }

  function option(spec) {
    const names = spec.labels;
    const series = spec.series.map((s) => ({ name: s.name, data: s.values, type: spec.draw === "hbar" ? "bar" : spec.draw,
      label: s.percent ? { show: true, position: "right", formatter: "{c}%" } : { show: false } }));
    const base = { tooltip: { trigger: spec.draw === "pie" ? "item" : "axis", renderMode: "richText" },
      grid: { left: 8, right: spec.series.some((s) => s.percent) ? 48 : 16, top: 28, bottom: 8, containLabel: true },
      animation: false };
    if (spec.series.length > 1) base.legend = { top: 0 };
    if (spec.draw === "pie") {
      const data = names.map((name, i) => ({ name, value: spec.series[0].values[i] }));
      return { ...base, legend: { type: "scroll", bottom: 0 },
        series: [{ type: "pie", radius: ["30%", "60%"], center: ["50%", "45%"], data, label: { show: false } }] };
    }
    const crowded = spec.draw === "bar" && names.length > 5; // a state's name under each bar, slanted to fit
    const category = { type: "category", data: names, axisLabel: crowded ? { interval: 0, rotate: 35 } : { hideOverlap: true } };
    const value = { type: "value", minInterval: 1, ...percentAxis(spec) };
    if (spec.draw === "hbar") {
      return { ...base, xAxis: value, yAxis: { ...category, inverse: true }, series };
    }
    if (spec.draw === "line") series.forEach((s) => Object.assign(s, { smooth: true, areaStyle: { opacity: 0.15 } }));
    return { ...base, xAxis: category, yAxis: value, series };
  }

  const drawn = [];
  Object.entries(specs).forEach(([slug, spec]) => {
    const el = document.getElementById("draw-" + slug);
    if (!el || !window.echarts) return;
    const chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option(spec));
    chart.on("click", (p) => follow(spec.links[p.dataIndex]));
    el.dataset.drawn = "1";
    drawn.push(chart);
  });
  window.addEventListener("resize", () => drawn.forEach((c) => c.resize()));

  // Choosing a date means choosing days of one's own.
  const span = document.getElementById("id_span");
  ["id_start", "id_end"].forEach((id) => {
    const input = document.getElementById(id);
    if (input && span) input.addEventListener("change", () => { span.value = "custom"; });
  });

  // ---- the map

  const el = document.getElementById("dashboard-map");
  if (!el || !window.L) return;
  const figures = JSON.parse(document.getElementById("map-figures").textContent || "{}");
  const labels = el.dataset;
  const map = L.map(el); // SVG: a few dozen outlines, each a path the browser journey can click
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }

  // Square kilometres of a GeoJSON polygon in degrees: near enough for shading, not for surveying.
  function ringKm2(ring) {
    let sum = 0, lat = 0;
    for (let i = 0; i < ring.length; i++) {
      const [x1, y1] = ring[i], [x2, y2] = ring[(i + 1) % ring.length];
      sum += x1 * y2 - x2 * y1;
      lat += y1;
    }
    const k = 111.32 * 111.32 * Math.cos((lat / ring.length) * Math.PI / 180);
    return Math.abs(sum / 2) * k;
  }
  function km2(geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.reduce((all, rings) => all + ringKm2(rings[0]) - rings.slice(1).reduce((h, r) => h + ringKm2(r), 0), 0);
  }

  let mode = "density", layer = null, most = 1;
  function value(f) {
    const found = figures[f.properties.code];
    if (!found) return 0;
    return mode === "density" ? found.cases / Math.max(f.properties.km2, 0.01) : (found.share || 0);
  }
  function style(f) {
    if (f.properties.self) return { color: "#0d6efd", weight: 2, fill: false, className: "area-self" };
    const v = value(f), top = mode === "density" ? most : 100;
    const colour = mode === "density" ? "#0d6efd" : "#dc3545";
    return { color: "#495057", weight: 1, fillColor: colour, fillOpacity: v ? 0.12 + 0.7 * Math.min(1, v / top) : 0.03,
      className: `area-shape area-${f.properties.code}` };
  }
  function tip(f) {
    const found = figures[f.properties.code] || { cases: 0, share: null };
    const shown = mode === "density"
      ? `${labels.casesLabel} ${found.cases} · ${value(f).toFixed(2)} ${labels.densityLabel}`
      : `${labels.shareLabel} ${found.share === null ? "—" : found.share + "%"}`;
    return document.createTextNode(`${f.properties.name} ${shown}`);
  }

  fetch(el.dataset.geojson, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((data) => {
      data.features.forEach((f) => { f.properties.km2 = km2(f.geometry); });
      const children = data.features.filter((f) => !f.properties.self);
      most = Math.max(0.0001, ...children.map(value));
      layer = L.geoJSON(data, {
        style,
        onEachFeature: (f, l) => {
          if (f.properties.self) return;
          l.bindTooltip(() => tip(f), { sticky: true });
          l.on("click", () => follow((figures[f.properties.code] || {}).drill || ""));
        },
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
      else map.setView([38.3, 109.7], 7);
      el.dataset.loaded = String(children.length);
    });

  document.querySelectorAll("input[name=shade]").forEach((input) => input.addEventListener("change", () => {
    mode = input.value;
    if (layer) layer.setStyle(style);
    el.dataset.shade = mode;
  }));
})();
