// The risk register's map: each located hazard as a dot in its grade's colour (grey when ungraded), ringed in
// black when its rectification is overdue; tiles are optional. Labels are text nodes, never HTML.
(function () {
  const el = document.getElementById("hazard-map");
  const points = JSON.parse(document.getElementById("hazard-points").textContent);
  const colours = JSON.parse(document.getElementById("hazard-colours").textContent);
  if (!el || !window.L) return;
  const map = L.map(el, { preferCanvas: true, maxZoom: 19 }).setView([38.28, 109.73], 9);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  const layer = L.featureGroup().addTo(map);
  points.forEach((p) => {
    L.circleMarker([p.lat, p.lon], {
      radius: 7, color: p.late ? "#000" : colours[p.grade] || colours[""], weight: p.late ? 3 : 1,
      fillColor: colours[p.grade] || colours[""], fillOpacity: 0.85,
    }).bindTooltip(document.createTextNode(p.number + " " + p.place)).addTo(layer);
  });
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 16, animate: false });
  el.dataset.loaded = String(points.length);
})();
