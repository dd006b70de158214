// Every map names the sources of what it draws, in place of Leaflet's own prefix (a flag and a link out).
// The words come from the page (data-sources on this script's tag, CIVICGRID_MAP_ATTRIBUTION or the shipped
// data's sources); they are escaped here because Leaflet writes attributions into the page as HTML.
(function () {
  const script = document.currentScript;
  if (!window.L || !script) return;
  const entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const sources = (script.dataset.sources || "").replace(/[&<>"']/g, (c) => entities[c]);
  L.Map.addInitHook(function () {
    if (!this.attributionControl) return;
    this.attributionControl.setPrefix(false);
    if (sources) this.attributionControl.addAttribution(sources);
  });
})();
