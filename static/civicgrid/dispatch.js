// 派遣: the department chosen as lead cannot be ticked as a co-department too (the server refuses it anyway).
(function () {
  function sync(select) {
    const group = document.getElementById(select.dataset.co);
    if (!group) return;
    group.querySelectorAll("input[name='co']").forEach(function (box) {
      const isLead = box.value === select.value;
      if (isLead) box.checked = false;
      box.disabled = isLead;
      const mark = box.parentElement.querySelector(".lead-mark");
      if (mark) mark.hidden = !isLead;
    });
  }
  document.querySelectorAll("select[name='lead'][data-co]").forEach(function (select) {
    sync(select);
    select.addEventListener("change", function () { sync(select); });
  });
})();
