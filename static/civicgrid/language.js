// The language switch submits itself when a language is picked (without JavaScript, its button does).
(function () {
  const select = document.querySelector("#language-form select[name=language]");
  if (select) select.addEventListener("change", () => select.form.submit());
})();
