// Progressive enhancement for forms; every form works without it.
// 1. Move focus to the error summary, so screen readers announce it.
// 2. Disable the submit button after the first click, so a double click sends
//    the form once (the server copes with a second submission anyway).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll("form[data-single-submit]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("[type=submit]").forEach(function (button) {
        window.setTimeout(function () {
          button.disabled = true;
        }, 0);
      });
    });
  });
})();
