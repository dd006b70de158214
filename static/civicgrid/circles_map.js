// The 1-3-5-minute response circles: grids coloured by the circle they lie in (outlines, or dots when there are
// many), each post with its 1-, 3- and 5-minute circles, and the what-if. A click on the map fills the trial
// form's position; after a trial (htmx swaps the result in) the grids the new post would bring closer are
// redrawn in their new colour, dashed, with the new post's circles. Names are text nodes, never HTML.
(function () {
  const el = document.getElementById("circles-map");
  if (!el || !window.L) return;
  const colours = JSON.parse(document.getElementById("circle-colours").textContent);
  const map = L.map(el, { preferCanvas: true, maxZoom: 19, zoomSnap: 0.25 }).setView([38.28, 109.73], 9);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  const areas = L.featureGroup().addTo(map);
  const postLayer = L.featureGroup().addTo(map);
  const trialLayer = L.featureGroup().addTo(map);
  const shapes = {}; // grid code → its layer, to recolour after a trial
  const pinStyle = { radius: 7, color: "#fff", weight: 2, fillColor: "#6f42c1", fillOpacity: 1 };
  const circleStyle = [{ weight: 2, dashArray: null }, { weight: 1.5, dashArray: "6 4" }, { weight: 1, dashArray: "2 4" }];

  function label(name, minutes) {
    const text = minutes === null ? name : `${name} · ${minutes.toFixed(1)}′`;
    return document.createTextNode(text);
  }

  function drawArea(row, outlines) {
    const [code, name, lon, lat, circle, minutes] = row;
    const colour = colours[circle];
    const geometry = outlines && outlines[code];
    const layer = geometry
      ? L.geoJSON(geometry, { style: { color: "#555", weight: 0.6, fillColor: colour, fillOpacity: 0.55 } })
      : L.circleMarker([lat, lon], { radius: 4, stroke: false, fillColor: colour, fillOpacity: 0.85 });
    layer.bindTooltip(label(name, minutes)).addTo(areas);
    shapes[code] = layer;
  }

  function drawCircles(layer, lat, lon, radii, colour, dashed) {
    radii.forEach((radius, i) => {
      L.circle([lat, lon], { radius, color: colour, fill: false, interactive: false,
        weight: circleStyle[i].weight, dashArray: dashed ? "8 6" : circleStyle[i].dashArray }).addTo(layer);
    });
  }

  function drawPost(post) {
    drawCircles(postLayer, post.lat, post.lon, post.radii, "#0b3d91", false);
    L.circleMarker([post.lat, post.lon], { radius: 6, color: "#fff", weight: 2, fillColor: "#0b3d91", fillOpacity: 1 })
      .bindTooltip(document.createTextNode(`${post.name}（${post.kind}）`)).addTo(postLayer);
  }

  function setStyle(layer, colour, dashed) {
    const style = { fillColor: colour, dashArray: dashed ? "4 3" : null, color: dashed ? "#000" : "#555",
      weight: dashed ? 1.5 : 0.6 };
    if (layer.setStyle) layer.setStyle(layer instanceof L.CircleMarker ? { fillColor: colour } : style);
  }

  let restore = [];
  function showTrial(overlay) {
    restore.forEach(([layer, colour]) => setStyle(layer, colour, false));
    restore = [];
    trialLayer.clearLayers();
    if (!overlay) return;
    overlay.changed.forEach(([code, circle]) => {
      const layer = shapes[code];
      if (!layer) return;
      restore.push([layer, layer.options.fillColor || (layer.getLayers && layer.getLayers()[0].options.fillColor)]);
      setStyle(layer, colours[circle], true);
    });
    const lat = parseFloat(overlay.lat), lon = parseFloat(overlay.lon);
    drawCircles(trialLayer, lat, lon, overlay.radii, "#6f42c1", true);
    L.circleMarker([lat, lon], pinStyle).addTo(trialLayer);
  }

  const lonInput = document.getElementById("try-lon");
  const latInput = document.getElementById("try-lat");
  const pin = L.circleMarker([0, 0], pinStyle);
  map.on("click", (event) => {
    lonInput.value = event.latlng.lng.toFixed(6);
    latInput.value = event.latlng.lat.toFixed(6);
    pin.setLatLng(event.latlng).addTo(map);
  });
  document.body.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target.id !== "try-result") return;
    const trial = document.getElementById("trial");
    showTrial(trial ? JSON.parse(trial.dataset.overlay) : null);
    if (trial) map.removeLayer(pin);
  });

  fetch(el.dataset.source, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((data) => {
      data.areas.forEach((row) => drawArea(row, data.outlines));
      data.posts.forEach(drawPost);
      const bounds = areas.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
      el.dataset.loaded = String(data.areas.length);
      el.dataset.posts = String(data.posts.length);
    });
})();
