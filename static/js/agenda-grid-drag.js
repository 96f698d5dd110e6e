// The day grid (agenda-grid.js) with the mouse, pen or touch (pointer
// events): a session dragged to another time or room, or its lower edge
// dragged to make it shorter or longer, is saved when let go.
(function () {
  "use strict";
  var api = window.conferenceAgendaGrid;
  if (!api) {
    return;
  }
  var grid = api.grid;
  var clock = api.clock;
  var snap = api.snap;
  var STEP = api.STEP;
  var FIRST = api.FIRST;
  var LAST = api.LAST;
  var EVERY_ROOM = api.EVERY_ROOM;
  var columns = api.columns;
  var everyRoom = api.everyRoom;
  var columnOf = api.columnOf;
  var isTimeline = api.isTimeline;
  var isRoom = api.isRoom;
  var listOf = api.listOf;
  var saved = api.saved;
  var setPosition = api.setPosition;
  var conflictFor = api.conflictFor;
  var conflictText = api.conflictText;
  var clearRefusals = api.clearRefusals;
  var save = api.save;

  var drag = null;

  function slotHeight() {
    var room = columns.filter(isRoom)[0] || columns[0];
    return listOf(room).getBoundingClientRect().height / ((LAST - FIRST) / STEP) || 1;
  }

  function columnAt(x) {
    for (var i = 0; i < columns.length; i += 1) {
      var box = columns[i].getBoundingClientRect();
      if (x >= box.left && x <= box.right) {
        return columns[i];
      }
    }
    return null;
  }

  function showGhost(position) {
    if (!drag.ghost) {
      drag.ghost = document.createElement("li");
      drag.ghost.className = "grid-ghost";
      drag.ghost.setAttribute("aria-hidden", "true");
      drag.ghost.appendChild(document.createElement("span"));
    }
    var column = columnOf(position.room);
    var conflict = conflictFor(drag.block, position);
    columns.concat(everyRoom ? [everyRoom] : []).forEach(function (other) {
      other.classList.toggle("is-drop-target", other === column);
      other.classList.toggle("is-conflict", other === column && Boolean(conflict));
    });
    drag.ghost.classList.toggle("is-conflict", Boolean(conflict));
    drag.ghost.firstChild.textContent =
      clock(position.start) +
      "–" +
      clock(position.end) +
      (conflict ? " · " + conflictText(conflict) : "");
    setPosition(drag.ghost, position.start, position.end);
    drag.ghost.style.setProperty("--lane", "0");
    drag.ghost.style.setProperty("--lanes", "1");
    if (drag.ghost.parentNode !== listOf(column)) {
      listOf(column).appendChild(drag.ghost);
    }
  }

  // Near the top or bottom of the window, a drag scrolls the page, so a
  // session can be taken to a time further down the day.
  var EDGE = 48;

  function autoscroll() {
    drag.scrolling = null;
    var y = drag.last.clientY;
    var speed = 0;
    if (y < EDGE) {
      speed = -Math.ceil((EDGE - y) / 3);
    } else if (y > window.innerHeight - EDGE) {
      speed = Math.ceil((y - window.innerHeight + EDGE) / 3);
    }
    var before = window.scrollY;
    if (speed) {
      window.scrollBy(0, speed);
    }
    if (window.scrollY !== before) {
      showGhost(dropPosition(drag.last));
      drag.scrolling = window.requestAnimationFrame(autoscroll);
    }
  }

  function endDrag() {
    if (!drag) {
      return;
    }
    if (drag.scrolling) {
      window.cancelAnimationFrame(drag.scrolling);
    }
    if (drag.ghost && drag.ghost.parentNode) {
      drag.ghost.parentNode.removeChild(drag.ghost);
    }
    columns.concat(everyRoom ? [everyRoom] : []).forEach(function (column) {
      column.classList.remove("is-drop-target", "is-conflict");
    });
    drag.block.classList.remove("is-dragging");
    drag = null;
  }

  function dropPosition(event) {
    var from = drag.from;
    var length = from.end - from.start;
    if (drag.resize) {
      var end = snap(from.end + ((event.clientY - drag.y) / drag.slot) * STEP);
      return {
        start: from.start,
        end: Math.min(LAST, Math.max(from.start + STEP, end)),
        room: from.room,
      };
    }
    var column;
    if (String(from.room) === EVERY_ROOM) {
      // A session in every room moves in time only.
      column = everyRoom;
    } else {
      column = columnAt(event.clientX) || columnOf(from.room);
    }
    var room = column.getAttribute("data-room");
    if (!isTimeline(column)) {
      return { start: from.start, end: from.end, room: "" };
    }
    var top = listOf(column).getBoundingClientRect().top;
    var start = snap(FIRST + ((event.clientY - drag.offset - top) / drag.slot) * STEP);
    start = Math.max(FIRST, Math.min(LAST - length, start));
    return { start: start, end: start + length, room: room };
  }

  grid.addEventListener("pointerdown", function (event) {
    var block = event.target.closest && event.target.closest(".grid-session");
    if (!block || event.button !== 0 || block.getAttribute("aria-busy") === "true") {
      return;
    }
    event.preventDefault();
    clearRefusals();
    block.focus();
    var slot = slotHeight();
    var inTimeline = isTimeline(
      block.closest("[data-grid-column], [data-grid-every-room]")
    );
    var from = saved(block);
    var offset = event.clientY - block.getBoundingClientRect().top;
    if (!inTimeline) {
      // From the side list: hold the session by its first minutes.
      offset = Math.min(offset, slot);
    }
    drag = {
      block: block,
      resize: Boolean(event.target.closest(".grid-session-resize")),
      from: from,
      x: event.clientX,
      y: event.clientY,
      offset: offset,
      slot: slot,
      moved: false,
      ghost: null,
      last: null,
      scrolling: null,
    };
    block.setPointerCapture(event.pointerId);
  });

  grid.addEventListener("pointermove", function (event) {
    if (!drag) {
      return;
    }
    if (
      !drag.moved &&
      Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 4
    ) {
      return;
    }
    drag.moved = true;
    drag.last = { clientX: event.clientX, clientY: event.clientY };
    drag.block.classList.add("is-dragging");
    showGhost(dropPosition(drag.last));
    if (!drag.scrolling) {
      drag.scrolling = window.requestAnimationFrame(autoscroll);
    }
  });

  grid.addEventListener("pointerup", function (event) {
    if (!drag) {
      return;
    }
    var block = drag.block;
    var position = drag.moved ? dropPosition(event) : null;
    endDrag();
    if (position) {
      save(block, position);
    }
  });

  grid.addEventListener("pointercancel", endDrag);

  // A click (not a drag) only selects the session; Enter still follows its
  // link to the form below, for whoever prefers the form, and a double click
  // opens the session's own form with every field.
  grid.addEventListener("click", function (event) {
    var block = event.target.closest && event.target.closest(".grid-session");
    if (block && event.detail !== 0) {
      event.preventDefault();
    }
  });

  grid.addEventListener("dblclick", function (event) {
    var block = event.target.closest && event.target.closest(".grid-session");
    if (block) {
      window.location.assign(block.getAttribute("data-change-url"));
    }
  });
})();
