// A new session from a free slot of the day grid
// (templates/admin/programme/session/includes/_grid_new_session.html).
//
// A click on a room's free time (or Enter on it, reached with Tab) opens a
// modal <dialog> with the room and the time filled in: the titles in both
// languages, the kind (a coffee break or lunch is put in every room), the
// duration and the speakers, picked by typing a few letters of a name and
// pressing Enter (agenda-grid-speakers.js, loaded before this script). The
// server answers with the rules and warnings of the session form, shown
// beside their fields; “Save despite these warnings” saves past exactly the
// warnings shown. On success the session's block appears on the grid.
(function () {
  "use strict";
  var api = window.conferenceAgendaGrid;
  var dialog = document.querySelector("[data-grid-new-session]");
  if (!api || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var grid = api.grid;
  var gettext = api.gettext;
  var closeOptions = api.closeSpeakerOptions;
  var form = dialog.querySelector("form");
  var CREATE_URL = grid.getAttribute("data-create-url");
  var statusLine = document.getElementById("grid-new-status");
  var where = dialog.querySelector("[data-grid-new-where]");
  var despite = dialog.querySelector("[data-grid-new-despite]");
  var search = document.getElementById("grid-new-speaker-search");
  var chosen = dialog.querySelector("[data-grid-chosen-speakers]");
  var field = function (name) {
    return form.elements.namedItem(name);
  };
  var BREAK_KINDS = ["break", "lunch"];
  var opener = null;

  // Opening the dialog on a free slot.

  function minuteAt(button, event) {
    var start = Number(button.getAttribute("data-start"));
    var end = Number(button.getAttribute("data-end"));
    if (!event || event.detail === 0) {
      return start; // The keyboard: the start of the free time.
    }
    var box = button.getBoundingClientRect();
    var minute = start + ((event.clientY - box.top) / box.height) * (end - start);
    minute = Math.floor(minute / api.STEP) * api.STEP;
    return Math.max(start, Math.min(end - api.STEP, minute));
  }

  function clearProblems() {
    dialog.querySelectorAll(".grid-dialog-problem").forEach(function (line) {
      line.textContent = "";
      line.hidden = true;
      line.classList.remove("is-warning");
    });
    dialog.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
    statusLine.textContent = "";
    statusLine.classList.remove("is-refused");
    despite.hidden = true;
    field("warnings_seen").value = "";
  }

  function open(button, event) {
    var column = button.closest("[data-grid-column]");
    var start = minuteAt(button, event);
    var free = Number(button.getAttribute("data-end")) - start;
    form.reset();
    clearProblems();
    chosen.textContent = "";
    closeOptions();
    field("start").value = api.clock(start);
    field("duration").value = String(Math.min(30, free) || api.STEP);
    field("room").value = column.getAttribute("data-room");
    field("room").disabled = false;
    where.textContent = api.format(gettext("%(room)s, from %(start)s"), {
      room: column.getAttribute("data-room-name"),
      start: api.clock(start),
    });
    opener = button;
    dialog.showModal();
    field("title_bg").focus();
  }

  grid.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".grid-free-slot");
    if (button) {
      open(button, event);
    }
  });

  // The hint on a free slot follows the pointer: the time a click gives.
  grid.addEventListener("pointermove", function (event) {
    var button = event.target.closest && event.target.closest(".grid-free-slot");
    if (!button) {
      return;
    }
    var minute = minuteAt(button, { clientY: event.clientY, detail: 1 });
    var start = Number(button.getAttribute("data-start"));
    var hint = button.querySelector(".grid-free-hint");
    hint.textContent = "+ " + api.clock(minute);
    hint.style.setProperty("--at", String((minute - start) / api.STEP));
  });

  function close() {
    dialog.close();
  }

  dialog.querySelector("[data-grid-new-cancel]").addEventListener("click", close);
  dialog.addEventListener("close", function () {
    closeOptions();
    if (opener && document.body.contains(opener)) {
      opener.focus();
    }
  });

  // A coffee break or lunch is in every room (the organiser may untick it).
  field("kind").addEventListener("change", function () {
    var everyRoom = BREAK_KINDS.indexOf(field("kind").value) !== -1;
    field("in_every_room").checked = everyRoom;
    field("room").disabled = everyRoom;
  });
  field("in_every_room").addEventListener("change", function () {
    field("room").disabled = field("in_every_room").checked;
  });

  // Sending it.

  function showProblems(problems, isWarning) {
    Object.keys(problems || {}).forEach(function (name) {
      var line = document.getElementById("grid-new-" + name + "-problem");
      if (!line) {
        line = document.getElementById("grid-new-title_bg-problem");
      }
      line.textContent = problems[name].join(" ");
      line.hidden = false;
      line.classList.toggle("is-warning", Boolean(isWarning));
      var input = name === "speakers" ? search : field(name);
      if (input && input.setAttribute && !isWarning) {
        input.setAttribute("aria-invalid", "true");
      }
    });
  }

  function firstProblemField(problems) {
    var order = ["title_bg", "title_en", "start", "duration", "room", "kind", "speakers"];
    for (var i = 0; i < order.length; i += 1) {
      if (problems && problems[order[i]]) {
        return order[i] === "speakers" ? search : field(order[i]);
      }
    }
    return null;
  }

  function inserted(data) {
    var state = data.session;
    var holder = document.createElement("ol");
    holder.innerHTML = data.block;
    var item = holder.firstElementChild;
    var column = api.columnOf(state.room === null ? "" : state.room);
    api.listOf(column).appendChild(item);
    var rows = document.querySelector("[data-grid-form-rows]");
    if (rows && data.row) {
      var table = document.createElement("tbody");
      table.innerHTML = data.row;
      rows.appendChild(table.firstElementChild);
    }
    api.layoutAround(column);
    api.showEveryWarning(data);
    return item.querySelector(".grid-session");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submitter = event.submitter;
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) {
      body.append(submitter.name, submitter.value);
    }
    if (field("room").disabled) {
      body.set("room", "");
    }
    clearProblems();
    field("warnings_seen").value = body.get("warnings_seen") || "";
    statusLine.textContent = gettext("Saving…");
    fetch(CREATE_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": api.CSRF },
      body: body,
    })
      .then(function (response) {
        return response.json().then(
          function (data) {
            return { ok: response.ok, data: data };
          },
          function () {
            return { ok: false, data: null };
          }
        );
      })
      .catch(function () {
        return { ok: false, data: null };
      })
      .then(function (answer) {
        var data = answer.data;
        if (!data) {
          statusLine.textContent = gettext(
            "The change could not be saved: the server did not answer. Reload the page and try again."
          );
          statusLine.classList.add("is-refused");
          return;
        }
        if (answer.ok) {
          dialog.close();
          var block = inserted(data);
          api.announce(data.message, "is-saved");
          block.focus();
          return;
        }
        statusLine.textContent = data.message;
        statusLine.classList.add("is-refused");
        if (data.warnings) {
          showProblems(data.warnings, true);
          field("warnings_seen").value = data.warnings_seen;
          despite.hidden = false;
          despite.focus();
          return;
        }
        showProblems(data.errors, false);
        var first = firstProblemField(data.errors);
        if (first) {
          first.focus();
        }
      });
  });
})();
