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
        var updated = box.querySelector("[data-count-updated]");
        if (updated && window.gettext) {
          var now = new Date();
          var time =
            String(now.getHours()).padStart(2, "0") +
            ":" +
            String(now.getMinutes()).padStart(2, "0");
          // Translated through the djangojs catalogue (locale/*/djangojs.po).
          updated.textContent = window.interpolate(
            window.gettext("updated at %(time)s"),
            { time: time },
            true
          );
        }
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 15000);
})();
