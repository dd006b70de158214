// The resident's report form: category search and browse, the category's extra fields, the map pin,
// and a character count. Everything here is an enhancement: without JavaScript the category search
// reloads the page (a GET form), the category list is plain radio buttons and the address stands in for the pin.
(function () {
  "use strict";

  // ---- category picker ---------------------------------------------------------------------------------
  const picker = document.getElementById("category-picker");
  const searchForm = document.getElementById("category-search");
  const queryInput = document.getElementById("category-q");
  const results = document.getElementById("category-results");
  const chosen = document.getElementById("category-chosen");
  const trail = document.getElementById("category-trail");
  const more = document.getElementById("category-more");
  const description = document.getElementById("id_description");
  let latest = 0;

  function option(entry) {
    if (!entry.leaf) {
      const link = document.createElement("a");
      link.className = "list-group-item list-group-item-action d-flex justify-content-between align-items-center";
      link.href = "?in=" + encodeURIComponent(entry.code);
      link.dataset.in = entry.code;
      link.append(entry.name);
      const arrow = document.createElement("span");
      arrow.setAttribute("aria-hidden", "true");
      arrow.textContent = "›";
      link.append(arrow);
      return link;
    }
    const label = document.createElement("label");
    label.className = "list-group-item d-flex gap-2 align-items-start";
    const input = document.createElement("input");
    Object.assign(input, { className: "form-check-input flex-shrink-0 mt-1", type: "radio", name: "category",
                           value: String(entry.id) });
    input.dataset.limit = entry.limit;
    input.dataset.path = entry.path;
    const text = document.createElement("span");
    const name = document.createElement("span");
    name.className = "fw-semibold";
    name.textContent = entry.name;
    const path = document.createElement("small");
    path.className = "d-block text-muted";
    path.textContent = entry.path;
    text.append(name, path);
    label.append(input, text);
    return label;
  }

  function link(text, code) {
    const a = document.createElement("a");
    a.href = code ? "?in=" + encodeURIComponent(code) : "?";
    a.dataset.in = code;
    a.textContent = text;
    return a;
  }

  function drawTrail(entries, searching) {
    trail.replaceChildren();
    if (!searching && !entries.length) return;
    trail.append(link(trail.dataset.all, ""));
    entries.forEach((entry, i) => {
      trail.append(" › ");
      if (i === entries.length - 1) {
        const span = document.createElement("span");
        span.textContent = entry.name;
        trail.append(span);
      } else {
        trail.append(link(entry.name, entry.code));
      }
    });
  }

  function draw(data, searching) {
    const current = chosen.querySelector("input[name=category]");
    const items = data.results.filter((e) => !current || String(e.id) !== current.value).map(option);
    if (!data.results.length) {
      const none = document.createElement("div");
      none.className = "list-group-item text-muted";
      none.textContent = results.dataset.none;
      items.push(none);
    }
    results.replaceChildren(...items);
    more.hidden = !data.more;
    drawTrail(data.trail, searching);
  }

  function load(params, searching) {
    const ticket = ++latest;
    const url = picker.dataset.searchUrl + "?" + new URLSearchParams(params);
    fetch(url, { credentials: "same-origin" })
      .then((r) => r.json())
      .then((data) => { if (ticket === latest) draw(data, searching); })
      .catch(() => { if (ticket === latest) searchForm.submit(); });
  }

  function search() {
    const q = queryInput.value.trim();
    load(q ? { q } : { in: "" }, Boolean(q));
  }

  function choose(input) {
    // The picked option moves to the "chosen" slot, so later searches never drop the choice.
    chosen.replaceChildren(input.closest("label"));
    input.checked = true;
    fetch(picker.dataset.fieldsUrl + "?category=" + encodeURIComponent(input.value), { credentials: "same-origin" })
      .then((r) => r.text())
      .then((html) => {
        const box = document.getElementById("extra-fields");
        box.innerHTML = html;
        const inner = box.firstElementChild;
        if (inner && inner.dataset.descriptionLimit) setLimit(Number(inner.dataset.descriptionLimit));
      });
  }

  if (picker && searchForm && queryInput) {
    results.dataset.none = picker.dataset.none;
    trail.dataset.all = picker.dataset.all;
    let timer = null;
    searchForm.addEventListener("submit", (event) => { event.preventDefault(); search(); });
    queryInput.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
    picker.addEventListener("click", (event) => {
      const target = event.target.closest("a[data-in]");
      if (!target) return;
      event.preventDefault();
      queryInput.value = "";
      load({ in: target.dataset.in }, false);
    });
    picker.addEventListener("change", (event) => {
      if (event.target.name === "category" && results.contains(event.target)) choose(event.target);
    });
  }

  // ---- description length ------------------------------------------------------------------------------
  const help = document.getElementById("help-description");
  let limit = description ? Number(description.getAttribute("maxlength") || 0) : 0;

  function setLimit(value) {
    limit = value;
    if (description) description.setAttribute("maxlength", String(value));
    count();
  }

  function count() {
    if (!description || !help || !limit) return;
    help.textContent = help.dataset.template.replace("{n}", description.value.length).replace("{limit}", limit);
    help.classList.toggle("text-danger", description.value.length > limit);
  }

  if (description && help) {
    help.dataset.template = document.getElementById("report-form").dataset.counter;
    description.addEventListener("input", count);
    const first = document.querySelector("#extra-fields-inner");
    setLimit(Number(first?.dataset.descriptionLimit || 2000));
  }

  // ---- map pin -----------------------------------------------------------------------------------------
  const el = document.getElementById("report-map");
  if (!el || !window.L) return;
  const lon = document.getElementById("id_longitude");
  const lat = document.getElementById("id_latitude");
  const pinText = document.getElementById("pin-text");
  const clear = document.getElementById("clear-pin");
  const locate = document.getElementById("locate-me");
  const map = L.map(el, { zoomSnap: 0.25 });
  let pin = null;
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution || "", maxZoom: 19 }).addTo(map);
  }
  const bounds = (el.dataset.bounds || "").split(",").map(Number);
  const hasBounds = bounds.length === 4 && bounds.every(Number.isFinite);
  const extent = hasBounds ? [[bounds[1], bounds[0]], [bounds[3], bounds[2]]] : null;
  if (hasBounds) {
    map.fitBounds(extent);
  } else {
    map.setView([38.28, 109.73], 11);
  }
  // County outlines give a map without tiles something to recognise; failing those, the grids' extent.
  fetch(el.dataset.outlines, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((data) => {
      const drawn = L.geoJSON(data, {
        style: { color: "#0d6efd", weight: 1, fill: false },
        interactive: false,
        onEachFeature: (f, layer) => layer.bindTooltip(document.createTextNode(f.properties.name),
          { permanent: true, direction: "center", className: "area-label" }),
      }).addTo(map);
      if (!pin && drawn.getBounds().isValid()) map.fitBounds(drawn.getBounds());
      if (!data.features.length && hasBounds) {
        L.rectangle(extent, { color: "#0d6efd", weight: 1, dashArray: "4 4", fill: false, interactive: false })
          .addTo(map);
      }
      el.dataset.loaded = String(data.features.length);
    })
    .catch(() => { el.dataset.loaded = "0"; });

  function place(latlng, pan) {
    if (pin) pin.setLatLng(latlng);
    else pin = L.circleMarker(latlng, { radius: 10, color: "#dc3545", weight: 3, fillOpacity: 0.5 }).addTo(map);
    lon.value = latlng.lng.toFixed(6);
    lat.value = latlng.lat.toFixed(6);
    pinText.textContent = `${pinText.dataset.chosen} ${lon.value}, ${lat.value}`;
    clear.hidden = false;
    if (pan) map.setView(latlng, Math.max(map.getZoom(), 16));
  }

  map.on("click", (event) => place(event.latlng, false));
  clear.addEventListener("click", () => {
    if (pin) { map.removeLayer(pin); pin = null; }
    lon.value = lat.value = "";
    pinText.textContent = pinText.dataset.empty;
    clear.hidden = true;
  });
  if ("geolocation" in navigator) {
    locate.hidden = false;
    locate.addEventListener("click", () => {
      navigator.geolocation.getCurrentPosition(
        (position) => place(L.latLng(position.coords.latitude, position.coords.longitude), true),
        () => { pinText.textContent = locate.dataset.failed; },
        { enableHighAccuracy: true, timeout: 10000 });
    });
  }
  const start = [Number(lat.value), Number(lon.value)];
  if (lat.value && lon.value && start.every(Number.isFinite)) place(L.latLng(start[0], start[1]), true);
  // A map laid out while its card was still being sized draws grey tiles; measure again once shown.
  setTimeout(() => map.invalidateSize(), 200);
})();
