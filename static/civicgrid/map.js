// Draws the selected node and its children from the page's GeoJSON endpoint.
// The base layer is optional: on an intranet without tiles, outlines alone make the map.
// Names and codes go into the page as text nodes, never as HTML: an area's name is whatever was imported or typed.
(function () {
  function popup(p) {
    const box = document.createElement("div");
    const link = document.createElement("a");
    if (String(p.url).startsWith("/")) link.href = p.url;
    link.textContent = p.name;
    const code = document.createElement("code");
    code.textContent = p.code;
    box.append(link, document.createElement("br"), code);
    if (p.grids !== null) box.append(document.createElement("br"), `${p.grids} · ${p.households}`);
    return box;
  }

  const el = document.getElementById("map");
  if (!el || !window.L) return;
  const map = L.map(el, { preferCanvas: true });
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  fetch(el.dataset.geojson, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((data) => {
      const layer = L.geoJSON(data, {
        style: (f) => f.properties.self
          ? { color: "#d63384", weight: 3, fill: false }
          : { color: "#0d6efd", weight: 1, fillOpacity: 0.12 },
        onEachFeature: (f, l) => {
          if (f.properties.self) return;
          l.bindPopup(popup(f.properties));
          l.bindTooltip(document.createTextNode(f.properties.name),
            { permanent: data.features.length <= 40, direction: "center", className: "area-label" });
        },
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
      else map.setView([38.3, 109.7], 7);
      el.dataset.loaded = String(data.features.length);
    });
})();
