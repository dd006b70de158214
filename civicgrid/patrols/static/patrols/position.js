// Fills a form's hidden longitude and latitude from the phone's position when it is sent. Without a position
// (refused or unavailable) the form is sent as it is, and the server says why a check-in needs one.
(function () {
  function fill(form, prefix) {
    const lon = document.getElementById(prefix + "-longitude");
    const lat = document.getElementById(prefix + "-latitude");
    if (!form || !lon || !navigator.geolocation) return;
    form.addEventListener("submit", (event) => {
      if (lon.value) return;
      event.preventDefault();
      const send = () => form.submit();
      navigator.geolocation.getCurrentPosition((p) => {
        lon.value = p.coords.longitude;
        lat.value = p.coords.latitude;
        send();
      }, send, { enableHighAccuracy: true, timeout: 10000 });
    });
  }
  fill(document.getElementById("check-in-form"), "check-in");
  fill(document.getElementById("incident-form"), "incident");
})();
