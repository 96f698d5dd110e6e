// The day grid of the admin (templates/admin/programme/session/grid.html):
// its columns, and placing the sessions and the free time of each room.
//
// The page works without the grid's scripts: the sessions are listed per
// room and the forms below the grid change their time and room. With them,
// each session is placed on a timeline of its room (a coffee break or lunch
// in every room across all the rooms' columns) and can be
//   - dragged to another time or room, or its lower edge dragged to make it
//     shorter or longer, saved when let go (agenda-grid-drag.js);
//   - moved with the keyboard: Alt+Up/Down 5 minutes earlier/later,
//     Alt+Left/Right to the room on the left/right, Alt+Shift+Up/Down
//     5 minutes shorter/longer; Enter (or leaving the session) saves,
//     Escape cancels (agenda-grid-keyboard.js).
// A place that is taken shows red where it is, with the reason beside it
// (while dragging, while moving with the keys, and when the server refuses;
// agenda-grid-conflicts.js), and the reason is announced in the live region.
// The free time of each room is a button that opens the new session's dialog
// (agenda-grid-new-session.js and agenda-grid-speakers.js).
// Every change is posted to the server, which checks it with the rules of the
// session form and answers with a message (agenda-grid-save.js).
//
// The scripts share what they need through window.conferenceAgendaGrid: this
// one sets it up, and each of the others, loaded after it in the template's
// order, adds what the ones after it use. The grid is laid out once all of
// them have run (DOMContentLoaded follows the deferred scripts).
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
  var CSRF = grid.querySelector("[name=csrfmiddlewaretoken]").value;
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

  document.addEventListener("DOMContentLoaded", layout);

  // For the grid's other scripts, loaded after this one.
  window.conferenceAgendaGrid = {
    grid: grid,
    gettext: gettext,
    format: format,
    clock: clock,
    snap: snap,
    STEP: STEP,
    FIRST: FIRST,
    LAST: LAST,
    CSRF: CSRF,
    EVERY_ROOM: EVERY_ROOM,
    columns: columns,
    everyRoom: everyRoom,
    columnOf: columnOf,
    isTimeline: isTimeline,
    isRoom: isRoom,
    listOf: listOf,
    saved: saved,
    shown: shown,
    same: same,
    blocksOf: blocksOf,
    setPosition: setPosition,
    layoutAround: layoutAround,
    show: show,
  };
})();
