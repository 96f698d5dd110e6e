// The day grid of the admin (templates/admin/programme/session/grid.html).
//
// The page works without this script: the sessions are listed per room and
// the forms below the grid change their time and room. With it, each session
// is placed on a timeline of its room (a coffee break or lunch in every room
// across all the rooms' columns) and can be
//   - dragged to another time or room (pointer events), or its lower edge
//     dragged to make it shorter or longer, saved when let go;
//   - moved with the keyboard: Alt+Up/Down 5 minutes earlier/later,
//     Alt+Left/Right to the room on the left/right, Alt+Shift+Up/Down
//     5 minutes shorter/longer; Enter (or leaving the session) saves,
//     Escape cancels.
// A place that is taken shows red where it is, with the reason beside it
// (while dragging, while moving with the keys, and when the server refuses),
// and the reason is announced in the live region. The free time of each
// room is a button that opens the new session's dialog
// (static/js/agenda-grid-new-session.js, which uses window.conferenceAgendaGrid).
// Every change is posted to the server, which checks it with the rules of the
// session form and answers with a message.
// Positions are set through custom properties on element.style (CSSOM), which
// the Content-Security-Policy allows; there is no inline style or script.
(function () {
  "use strict";
  var grid = document.querySelector("[data-agenda-grid]");
  if (!grid || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var gettext =
    window.gettext ||
    function (text) {
      return text;
    };
  var STEP = Number(grid.getAttribute("data-step")) || 5;
  var FIRST = Number(grid.getAttribute("data-first-minute"));
  var LAST = Number(grid.getAttribute("data-last-minute"));
  var MOVE_URL = grid.getAttribute("data-move-url");
  var CSRF = grid.querySelector("[name=csrfmiddlewaretoken]").value;
  var status = document.getElementById("grid-status");
  var warningsBox = document.querySelector("[data-grid-warnings]");
  // The unscheduled list and the rooms, left to right (keyboard order).
  var columns = Array.prototype.slice.call(
    grid.querySelectorAll("[data-grid-column]")
  );
  var everyRoom = grid.querySelector("[data-grid-every-room]");
  var EVERY_ROOM = "all";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name)
        ? String(values[name])
        : match;
    });
  }

  function clock(minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    return String(hours).padStart(2, "0") + ":" + String(rest).padStart(2, "0");
  }

  function snap(minutes) {
    return Math.round(minutes / STEP) * STEP;
  }

  function columnOf(room) {
    if (String(room) === EVERY_ROOM && everyRoom) {
      return everyRoom;
    }
    for (var i = 0; i < columns.length; i += 1) {
      if (columns[i].getAttribute("data-room") === String(room || "")) {
        return columns[i];
      }
    }
    return columns[0];
  }

  function isTimeline(column) {
    return column.getAttribute("data-room") !== "";
  }

  function isRoom(column) {
    return column !== everyRoom && isTimeline(column);
  }

  function listOf(column) {
    return column.querySelector(".grid-list");
  }

  function saved(block) {
    return {
      start: Number(block.getAttribute("data-start")),
      end: Number(block.getAttribute("data-end")),
      room: block.getAttribute("data-room"),
    };
  }

  function shown(block) {
    return block.pendingPosition || saved(block);
  }

  function same(first, second) {
    return (
      first.start === second.start &&
      first.end === second.end &&
      String(first.room) === String(second.room)
    );
  }

  function blocksOf(column) {
    return Array.prototype.slice.call(listOf(column).querySelectorAll(".grid-session"));
  }

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

  // Placing the sessions.

  function setPosition(element, start, end) {
    element.style.setProperty("--start", String((start - FIRST) / STEP));
    element.style.setProperty("--span", String(Math.max(end - start, STEP) / STEP));
  }

  // The free time of a room between FIRST and LAST, less its sessions and
  // those in every room, as [start, end] pairs.
  function freeTimes(column) {
    var busy = blocksOf(column);
    if (everyRoom) {
      busy = busy.concat(blocksOf(everyRoom));
    }
    var spans = busy
      .map(function (block) {
        var place = shown(block);
        return [place.start, place.end];
      })
      .sort(function (a, b) {
        return a[0] - b[0];
      });
    var free = [];
    var from = FIRST;
    spans.forEach(function (span) {
      if (span[0] > from) {
        free.push([from, span[0]]);
      }
      from = Math.max(from, span[1]);
    });
    if (from < LAST) {
      free.push([from, LAST]);
    }
    return free.filter(function (span) {
      return span[1] - span[0] >= STEP;
    });
  }

  function freeSlot(column, span) {
    var item = document.createElement("li");
    item.className = "grid-free";
    item.setAttribute("data-start", String(span[0]));
    item.setAttribute("data-end", String(span[1]));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "grid-free-slot";
    button.setAttribute("data-start", String(span[0]));
    button.setAttribute("data-end", String(span[1]));
    button.setAttribute(
      "aria-label",
      format(gettext("Add a session in %(room)s, free %(start)s–%(end)s"), {
        room: column.getAttribute("data-room-name"),
        start: clock(span[0]),
        end: clock(span[1]),
      })
    );
    var hint = document.createElement("span");
    hint.className = "grid-free-hint";
    hint.setAttribute("aria-hidden", "true");
    hint.textContent = "+ " + clock(span[0]);
    button.appendChild(hint);
    item.appendChild(button);
    setPosition(item, span[0], span[1]);
    return item;
  }

  function layoutFree(column) {
    var list = listOf(column);
    var focused = document.activeElement;
    var refocus =
      focused && focused.classList.contains("grid-free-slot") && list.contains(focused)
        ? Number(focused.getAttribute("data-start"))
        : null;
    list.querySelectorAll(".grid-free").forEach(function (item) {
      list.removeChild(item);
    });
    freeTimes(column).forEach(function (span) {
      var slot = freeSlot(column, span);
      list.appendChild(slot);
      if (refocus !== null && span[0] <= refocus && refocus < span[1]) {
        slot.firstChild.focus();
      }
    });
  }

  function layoutColumn(column) {
    var list = listOf(column);
    if (isRoom(column)) {
      layoutFree(column);
    }
    var items = Array.prototype.slice.call(list.children).filter(function (item) {
      return item.classList.contains("grid-item") || item.classList.contains("grid-free");
    });
    var entries = items.map(function (item) {
      var block = item.querySelector(".grid-session");
      var position = block
        ? shown(block)
        : {
            start: Number(item.getAttribute("data-start")),
            end: Number(item.getAttribute("data-end")),
          };
      return { item: item, block: block, start: position.start, end: position.end };
    });
    entries.sort(function (a, b) {
      return a.start - b.start || a.end - b.end;
    });
    // Reading (and Tab) order follows time order.
    var inOrder = entries.every(function (entry, index) {
      return entry.item === items[index];
    });
    if (!inOrder) {
      var active = document.activeElement;
      entries.forEach(function (entry) {
        list.appendChild(entry.item);
      });
      if (active && list.contains(active) && document.activeElement !== active) {
        active.focus();
      }
    }
    if (!isTimeline(column)) {
      return;
    }
    // Sessions that overlap (which the server refuses in one room, but a
    // moment's preview may show) share the width side by side.
    var cluster = [];
    var clusterEnd = -1;
    function closeCluster() {
      var lanes = [];
      cluster.forEach(function (entry) {
        var lane = 0;
        while (lanes[lane] !== undefined && lanes[lane] > entry.start) {
          lane += 1;
        }
        lanes[lane] = entry.end;
        entry.lane = lane;
      });
      cluster.forEach(function (entry) {
        entry.item.style.setProperty("--lane", String(entry.lane));
        entry.item.style.setProperty("--lanes", String(lanes.length));
      });
      cluster = [];
    }
    entries
      .filter(function (entry) {
        return entry.block;
      })
      .forEach(function (entry) {
        if (cluster.length && entry.start >= clusterEnd) {
          closeCluster();
        }
        cluster.push(entry);
        clusterEnd = Math.max(clusterEnd, entry.end);
        setPosition(entry.item, entry.start, entry.end);
      });
    closeCluster();
  }

  // A session in every room changes the free time of every room.
  function layoutAround(column) {
    layoutColumn(column);
    if (column === everyRoom) {
      columns.filter(isRoom).forEach(layoutColumn);
    }
  }

  function layout() {
    grid.style.setProperty("--rows", String((LAST - FIRST) / STEP));
    grid.querySelectorAll(".grid-times li").forEach(function (label) {
      setPosition(
        label,
        Number(label.getAttribute("data-start")),
        Number(label.getAttribute("data-end"))
      );
    });
    if (everyRoom) {
      layoutColumn(everyRoom);
    }
    columns.forEach(layoutColumn);
    grid.classList.add("is-ready");
  }

  // Showing a session where it is (or would be).

  function show(block, position) {
    var item = block.parentNode;
    var from = item.parentNode.closest("[data-grid-column], [data-grid-every-room]");
    var to = columnOf(position.room);
    block.querySelector("[data-grid-time]").textContent =
      clock(position.start) + "–" + clock(position.end);
    var hadFocus = document.activeElement === block;
    if (from !== to) {
      listOf(to).appendChild(item);
      layoutAround(from);
    }
    layoutAround(to);
    if (hadFocus && document.activeElement !== block) {
      block.focus();
    }
  }

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

  // The mouse (and pen, and touch): pointer events.

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

  layout();

  // What the new session's dialog needs.
  window.conferenceAgendaGrid = {
    grid: grid,
    gettext: gettext,
    format: format,
    clock: clock,
    STEP: STEP,
    FIRST: FIRST,
    LAST: LAST,
    CSRF: CSRF,
    EVERY_ROOM: EVERY_ROOM,
    columnOf: columnOf,
    listOf: listOf,
    layoutAround: layoutAround,
    announce: announce,
    clearRefusals: clearRefusals,
    showEveryWarning: showEveryWarning,
  };
})();
