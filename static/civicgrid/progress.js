// Progress of long background work (a report being generated, the figures being rebuilt): each element with
// data-progress-url asks its small JSON answer every two seconds and moves its bar; when the work is done or
// has failed the page is loaded again, to show the files or the reason.
(function () {
  const PAUSE_MS = 2000;
  const watched = Array.from(document.querySelectorAll("[data-progress-url]"));
  if (!watched.length) return;
  function show(el, job) {
    const bar = el.querySelector("progress");
    bar.value = job.percent || 0;
    bar.textContent = `${job.percent || 0}%`;
    el.querySelector(".job-progress-text").textContent = job.total ? `${job.label} ${job.done}/${job.total}` : job.label;
    el.dataset.status = job.status;
  }
  function poll() {
    Promise.all(watched.map((el) => fetch(el.dataset.progressUrl, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((job) => { if (job) show(el, job); return job; })))
      .then((jobs) => {
        if (jobs.some((job) => job && (job.status === "ready" || job.status === "failed"))) window.location.reload();
        else setTimeout(poll, PAUSE_MS);
      })
      .catch(() => setTimeout(poll, PAUSE_MS * 5));
  }
  setTimeout(poll, PAUSE_MS);
})();
