// Today's patrols of an area: zones as outlines, lines as dashed paths, and each point coloured by what the day's
// shifts did there (checked, still due, missed, or not planned today); a route's page draws its line. Tiles are
// optional. Names go in as text nodes, never HTML.
(function () {
  const COLOURS = { checked: "#198754", due: "#fd7e14", missed: "#dc3545", "": "#6c757d" };
  const el = document.getElementById("patrol-map");
  if (!el || !window.L) return;
  const map = L.map(el, { preferCanvas: true, maxZoom: 19 }).setView([38.28, 109.73], 12);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  const layer = L.featureGroup().addTo(map);
  const data = document.getElementById("patrol-data");
  const route = document.getElementById("route-line");
  let drawn = 0;
  if (data) {
    const found = JSON.parse(data.textContent);
    found.zones.forEach((z) => {
      L.geoJSON(z.geometry, { style: { color: "#0d6efd", weight: 2, fillOpacity: 0.08 } })
        .bindTooltip(document.createTextNode(z.name)).addTo(layer);
    });
    found.lines.forEach((line) => {
      L.geoJSON(line.geometry, { style: { color: "#6610f2", weight: 3, dashArray: "6 6" } })
        .bindTooltip(document.createTextNode(line.name)).addTo(layer);
    });
    found.points.forEach((p) => {
      L.circleMarker([p.lat, p.lon], { radius: 8, color: "#fff", weight: 2, fillColor: COLOURS[p.state] || COLOURS[""],
        fillOpacity: 0.95 }).bindTooltip(document.createTextNode(p.name + " · " + p.kind)).addTo(layer);
    });
    drawn = found.points.length;
  }
  if (route) {
    const line = JSON.parse(route.textContent).map(([lon, lat]) => [lat, lon]);
    if (line.length) L.polyline(line, { color: "#d63384", weight: 4 }).addTo(layer);
    drawn = line.length;
  }
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17, animate: false });
  el.dataset.loaded = String(drawn);
})();
