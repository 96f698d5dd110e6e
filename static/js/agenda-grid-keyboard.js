// The day grid (agenda-grid.js) with the keyboard: Alt+Up/Down 5 minutes
// earlier/later, Alt+Left/Right to the room on the left/right,
// Alt+Shift+Up/Down 5 minutes shorter/longer; Enter (or leaving the session)
// saves, Escape cancels.
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
  var snap = api.snap;
  var STEP = api.STEP;
  var FIRST = api.FIRST;
  var LAST = api.LAST;
  var EVERY_ROOM = api.EVERY_ROOM;
  var columns = api.columns;
  var columnOf = api.columnOf;
  var saved = api.saved;
  var shown = api.shown;
  var show = api.show;
  var conflictFor = api.conflictFor;
  var conflictText = api.conflictText;
  var showConflict = api.showConflict;
  var clearRefusals = api.clearRefusals;
  var announce = api.announce;
  var save = api.save;

  // Saying where a session is (or would be).

  function roomName(room) {
    return columnOf(room).getAttribute("data-room-name");
  }

  function describe(block, position) {
    return format(gettext("%(title)s: %(start)s–%(end)s, %(room)s."), {
      title: block.getAttribute("data-title"),
      start: clock(position.start),
      end: clock(position.end),
      room: roomName(position.room),
    });
  }

  // The keyboard.

  function nextColumn(room, direction) {
    var index = columns.indexOf(columnOf(room)) + direction;
    if (index < 0 || index >= columns.length) {
      return null;
    }
    return columns[index].getAttribute("data-room");
  }

  function keyed(block, event) {
    var position = shown(block);
    var next = { start: position.start, end: position.end, room: position.room };
    var length = next.end - next.start;
    if (event.key === "ArrowUp" && event.shiftKey) {
      next.end = Math.max(next.start + STEP, snap(next.end) - STEP);
    } else if (event.key === "ArrowDown" && event.shiftKey) {
      next.end = Math.min(LAST, snap(next.end) + STEP);
    } else if (event.key === "ArrowUp") {
      next.start = Math.max(FIRST, snap(next.start) - STEP);
      next.end = next.start + length;
    } else if (event.key === "ArrowDown") {
      next.start = Math.min(LAST - length, snap(next.start) + STEP);
      next.end = next.start + length;
    } else if (String(next.room) === EVERY_ROOM) {
      announce(
        gettext(
          "This session is in every room: to give it one room, untick “in every room” in its form."
        )
      );
      return;
    } else {
      var room = nextColumn(next.room, event.key === "ArrowLeft" ? -1 : 1);
      if (room === null) {
        announce(gettext("There is no room further in that direction."));
        return;
      }
      next.room = room;
    }
    block.pendingPosition = next;
    block.classList.add("is-pending");
    clearRefusals();
    show(block, next);
    var conflict = conflictFor(block, next);
    showConflict(block, conflict);
    announce(
      describe(block, next) +
        " " +
        (conflict ? conflictText(conflict) + " " : "") +
        gettext("Enter saves, Escape cancels.")
    );
  }

  grid.addEventListener("keydown", function (event) {
    var block = event.target.closest && event.target.closest(".grid-session");
    if (!block || block.getAttribute("aria-busy") === "true") {
      return;
    }
    var arrows = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
    if (event.altKey && arrows.indexOf(event.key) !== -1) {
      event.preventDefault();
      keyed(block, event);
    } else if (event.key === "Enter" && block.pendingPosition) {
      event.preventDefault();
      save(block, block.pendingPosition);
    } else if (event.key === "Escape" && block.pendingPosition) {
      event.preventDefault();
      block.pendingPosition = null;
      block.classList.remove("is-pending");
      showConflict(block, null);
      show(block, saved(block));
      announce(gettext("Change cancelled.") + " " + describe(block, saved(block)));
    }
  });

  // Leaving a session with an unsaved keyboard change saves it. Checked a
  // moment later: moving a session to another room moves its element, which
  // may blur it before the script gives it the focus back.
  grid.addEventListener("focusout", function (event) {
    var block = event.target.closest && event.target.closest(".grid-session");
    if (!block) {
      return;
    }
    window.setTimeout(function () {
      if (block.pendingPosition && document.activeElement !== block) {
        save(block, block.pendingPosition);
      }
    }, 0);
  });
})();
