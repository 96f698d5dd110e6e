// Keeps the "checked in / confirmed" count of the check-in pages current.
// The page works without it: the count is also right on every load.
(function () {
  "use strict";
  var box = document.querySelector("[data-count-url]");
  if (!box || !window.fetch) {
    return;
  }
  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch(box.getAttribute("data-count-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (counts) {
        if (!counts) {
          return;
        }
        ["checked_in", "confirmed"].forEach(function (key) {
          var element = box.querySelector('[data-count="' + key + '"]');
          if (element && String(element.textContent) !== String(counts[key])) {
            element.textContent = counts[key];
          }
        });
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 15000);
})();
