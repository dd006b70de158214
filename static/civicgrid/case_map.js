// The case page's map: the reported point, with the grid's outline for context when the user's scope reaches it;
// tiles are optional. Labels are text nodes, never HTML.
(function () {
  const el = document.getElementById("case-map");
  if (!el || !window.L) return;
  const point = [Number(el.dataset.lat), Number(el.dataset.lon)];
  const map = L.map(el, { preferCanvas: true, maxZoom: 19 }).setView(point, 16);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  L.circleMarker(point, { radius: 9, color: "#d63384", weight: 3, fillOpacity: 0.6 })
    .bindTooltip(document.createTextNode(el.dataset.label), { permanent: true, direction: "top" }).addTo(map);
  fetch(el.dataset.outline, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : { features: [] }))
    .then((data) => {
      const own = data.features.filter((f) => f.properties.self);
      const outline = L.geoJSON({ type: "FeatureCollection", features: own },
        { style: { color: "#0d6efd", weight: 2, fillOpacity: 0.05 } }).addTo(map);
      const bounds = outline.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds.extend(point), { padding: [16, 16], maxZoom: 17, animate: false });
      el.dataset.loaded = String(own.length);
    });
})();
