// The day grid (agenda-grid.js): saving a change of time or room, and
// telling how it went — in the live region, on the session (its warnings)
// and above the grid (the agenda's warnings).
(function () {
  "use strict";
  var api = window.conferenceAgendaGrid;
  if (!api) {
    return;
  }
  var grid = api.grid;
  var gettext = api.gettext;
  var clock = api.clock;
  var CSRF = api.CSRF;
  var EVERY_ROOM = api.EVERY_ROOM;
  var saved = api.saved;
  var same = api.same;
  var show = api.show;
  var showConflict = api.showConflict;
  var clearRefusals = api.clearRefusals;
  var showRefusal = api.showRefusal;
  var MOVE_URL = grid.getAttribute("data-move-url");
  var status = document.getElementById("grid-status");
  var warningsBox = document.querySelector("[data-grid-warnings]");

  function announce(message, kind) {
    status.classList.remove("is-refused", "is-saved");
    if (kind) {
      status.classList.add(kind);
    }
    // A new text node each time, so the same message is announced again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function showWarnings(block, warnings) {
    var box = block.querySelector("[data-grid-warnings-of-session]");
    while (box.childNodes.length > 1) {
      box.removeChild(box.lastChild);
    }
    warnings.forEach(function (warning) {
      var line = document.createElement("span");
      line.className = "grid-session-warning";
      line.textContent = " " + warning;
      box.appendChild(line);
    });
    box.hidden = warnings.length === 0;
    block.classList.toggle("has-warnings", warnings.length > 0);
  }

  function showAgendaWarnings(warnings) {
    if (!warningsBox || !warnings) {
      return;
    }
    var list = warningsBox.querySelector("ul");
    list.textContent = "";
    warnings.forEach(function (warning) {
      var line = document.createElement("li");
      line.textContent = warning;
      list.appendChild(line);
    });
    warningsBox.hidden = warnings.length === 0;
  }

  function showEveryWarning(data) {
    if (!data || !data.agenda_warnings) {
      return;
    }
    showAgendaWarnings(data.agenda_warnings);
    grid.querySelectorAll(".grid-session").forEach(function (other) {
      var id = other.getAttribute("data-session");
      showWarnings(other, data.warnings_by_session[id] || []);
    });
  }

  // Saving a change.

  function adopt(block, state) {
    block.setAttribute("data-start", String(state.start));
    block.setAttribute("data-end", String(state.end));
    block.setAttribute("data-room", state.room === null ? "" : String(state.room));
    block.setAttribute("data-token", state.token);
    showWarnings(block, state.warnings || []);
    // The session's plain form below the grid follows, token included.
    var id = block.getAttribute("data-session");
    var token = document.querySelector("#grid-form-" + id + " [name=token]");
    var start = document.getElementById("grid-start-" + id);
    var end = document.getElementById("grid-end-" + id);
    var room = document.getElementById("grid-room-select-" + id);
    if (token) {
      token.value = state.token;
      start.value = clock(state.start);
      end.value = clock(state.end);
    }
    if (room) {
      room.value = state.room === null ? "" : String(state.room);
    }
  }

  function save(block, position) {
    block.pendingPosition = null;
    block.classList.remove("is-pending");
    showConflict(block, null);
    clearRefusals();
    var before = saved(block);
    if (same(before, position)) {
      show(block, before);
      return;
    }
    show(block, position);
    block.setAttribute("aria-busy", "true");
    announce(gettext("Saving…"));
    var body = new URLSearchParams();
    body.append("session", block.getAttribute("data-session"));
    body.append("start", clock(position.start));
    body.append("end", clock(position.end));
    body.append(
      "room",
      String(position.room) === EVERY_ROOM ? "" : position.room || ""
    );
    body.append("token", block.getAttribute("data-token"));
    fetch(MOVE_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": CSRF },
      body: body,
    })
      .then(function (response) {
        return response.json().then(
          function (data) {
            return { ok: response.ok, status: response.status, data: data };
          },
          function () {
            return { ok: false, status: response.status, data: null };
          }
        );
      })
      .catch(function () {
        return { ok: false, status: 0, data: null };
      })
      .then(function (answer) {
        block.removeAttribute("aria-busy");
        var data = answer.data;
        if (data && data.session) {
          adopt(block, data.session);
        }
        show(block, saved(block));
        showEveryWarning(data);
        if (!data) {
          announce(
            gettext(
              "The change could not be saved: the server did not answer. Reload the page and try again."
            ),
            "is-refused"
          );
          return;
        }
        var message = data.message;
        if (answer.ok && data.warnings && data.warnings.length) {
          message += " " + gettext("Warning:") + " " + data.warnings.join(" ");
        }
        if (answer.status === 400) {
          // Refused where it was put: show it there.
          showRefusal(position, data.message);
        }
        announce(message, answer.ok ? "is-saved" : "is-refused");
      });
  }

  // For the scripts loaded after this one.
  api.announce = announce;
  api.showEveryWarning = showEveryWarning;
  api.save = save;
})();
