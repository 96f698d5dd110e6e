// The day grid (agenda-grid.js): what stands in the way of a session, shown
// on the session while it is moved, and a refusal of the server shown where
// the session was put.
(function () {
  "use strict";
  var api = window.conferenceAgendaGrid;
  if (!api) {
    return;
  }
  var grid = api.grid;
  var gettext = api.gettext;
  var format = api.format;
  var clock = api.clock;
  var EVERY_ROOM = api.EVERY_ROOM;
  var columns = api.columns;
  var everyRoom = api.everyRoom;
  var columnOf = api.columnOf;
  var isTimeline = api.isTimeline;
  var isRoom = api.isRoom;
  var listOf = api.listOf;
  var shown = api.shown;
  var blocksOf = api.blocksOf;
  var setPosition = api.setPosition;

  // What stands in the way of a session at a position: another session in
  // the same room, or one in every room (for a session in every room: any
  // session in a room). The server decides; this shows it at once.

  function conflictFor(block, position) {
    if (String(position.room || "") === "") {
      return null;
    }
    var others = [];
    if (String(position.room) === EVERY_ROOM) {
      columns.filter(isRoom).forEach(function (column) {
        others = others.concat(blocksOf(column));
      });
    } else {
      others = blocksOf(columnOf(position.room));
    }
    if (everyRoom) {
      others = others.concat(blocksOf(everyRoom));
    }
    for (var i = 0; i < others.length; i += 1) {
      var other = others[i];
      var place = shown(other);
      if (other !== block && place.start < position.end && position.start < place.end) {
        return {
          title: other.getAttribute("data-title"),
          start: place.start,
          end: place.end,
          everyRoom: String(place.room) === EVERY_ROOM,
        };
      }
    }
    return null;
  }

  function conflictText(conflict) {
    var template = conflict.everyRoom
      ? gettext("Taken: “%(title)s” is in every room from %(start)s to %(end)s.")
      : gettext("Taken: “%(title)s” is here from %(start)s to %(end)s.");
    return format(template, {
      title: conflict.title,
      start: clock(conflict.start),
      end: clock(conflict.end),
    });
  }

  function showConflict(block, conflict) {
    var line = block.querySelector("[data-grid-conflict]");
    block.classList.toggle("is-conflict", Boolean(conflict));
    line.textContent = conflict ? conflictText(conflict) : "";
    line.hidden = !conflict;
  }

  // Where a change was refused: a red mark at that place, the reason beside
  // it, until the next change.
  function clearRefusals() {
    grid.querySelectorAll(".grid-refusal").forEach(function (mark) {
      mark.parentNode.removeChild(mark);
    });
    columns.concat(everyRoom ? [everyRoom] : []).forEach(function (column) {
      column.classList.remove("is-conflict");
    });
  }

  function showRefusal(position, message) {
    clearRefusals();
    var column = columnOf(position.room);
    if (!isTimeline(column)) {
      return;
    }
    var mark = document.createElement("li");
    mark.className = "grid-refusal";
    var text = document.createElement("span");
    text.textContent = message;
    mark.appendChild(text);
    setPosition(mark, position.start, position.end);
    mark.style.setProperty("--lane", "0");
    mark.style.setProperty("--lanes", "1");
    listOf(column).appendChild(mark);
    column.classList.add("is-conflict");
  }

  // For the scripts loaded after this one.
  api.conflictFor = conflictFor;
  api.conflictText = conflictText;
  api.showConflict = showConflict;
  api.clearRefusals = clearRefusals;
  api.showRefusal = showRefusal;
})();
