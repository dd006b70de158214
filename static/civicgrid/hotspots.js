// 月研判's hot spots: the area's children drawn from the area's GeoJSON, shaded by how many disputes each had
// (the counts come with the page, in data-counts). Names go in as text nodes, never HTML.
(function () {
  const el = document.getElementById("hotspot-map");
  if (!el || !window.L) return;
  const counts = JSON.parse(el.dataset.counts || "{}");
  const most = Math.max(1, ...Object.values(counts));
  const map = L.map(el, { preferCanvas: true });
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  function shade(n) {
    return { color: "#842029", weight: 1, fillColor: "#dc3545", fillOpacity: n ? 0.1 + 0.7 * (n / most) : 0.03 };
  }
  fetch(el.dataset.geojson, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((data) => {
      const layer = L.geoJSON(data, {
        style: (f) => (f.properties.self ? { color: "#0d6efd", weight: 2, fill: false } : shade(counts[f.properties.code] || 0)),
        onEachFeature: (f, l) => {
          if (f.properties.self) return;
          l.bindTooltip(document.createTextNode(`${f.properties.name} ${counts[f.properties.code] || 0}`),
            { direction: "center", className: "area-label" });
        },
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
      else map.setView([38.3, 109.7], 7);
      el.dataset.loaded = String(data.features.length);
    });
})();
