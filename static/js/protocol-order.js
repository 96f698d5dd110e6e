// The protocol order page: move guests up and down, by dragging them with
// the mouse, by the ↑/↓ buttons or with Alt+↑/Alt+↓ on a guest's button,
// then save. Without this script the ↑/↓ buttons submit the form and the
// server moves the guest; with it they move the guest on the page, and
// "Save" sends the whole order. Each move is announced to screen readers.
// No inline script or style: the Content-Security-Policy forbids them.
(function () {
  "use strict";
  var list = document.querySelector("[data-protocol-order]");
  if (!list) {
    return;
  }
  var gettext =
    window.gettext ||
    function (text) {
      return text;
    };
  var status = document.querySelector("[data-protocol-status]");
  var dragged = null;

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name)
        ? String(values[name])
        : match;
    });
  }

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll("li[data-guest]"));
  }

  function nameOf(item) {
    return item.querySelector("strong").textContent;
  }

  function renumber() {
    var all = items();
    all.forEach(function (item, index) {
      item.querySelector("[data-rank]").textContent = String(index + 1);
      var up = item.querySelector("[data-move=up]");
      var down = item.querySelector("[data-move=down]");
      if (up) {
        up.disabled = index === 0;
      }
      if (down) {
        down.disabled = index === all.length - 1;
      }
    });
  }

  function announce(item) {
    if (!status) {
      return;
    }
    status.textContent = format(
      gettext("%(name)s is now number %(position)s of %(count)s. Save to keep it."),
      {
        name: nameOf(item),
        position: items().indexOf(item) + 1,
        count: items().length,
      }
    );
  }

  function move(item, direction, focusButton) {
    var sibling =
      direction === "up" ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) {
      return;
    }
    if (direction === "up") {
      list.insertBefore(item, sibling);
    } else {
      list.insertBefore(sibling, item);
    }
    renumber();
    announce(item);
    var button = item.querySelector("[data-move=" + focusButton + "]");
    if (button && button.disabled) {
      button = item.querySelector("[data-move]:not([disabled])");
    }
    if (button) {
      button.focus();
    }
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("[data-move]");
    if (!button) {
      return;
    }
    event.preventDefault();
    var direction = button.getAttribute("data-move");
    move(button.closest("li"), direction, direction);
  });

  list.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
      return;
    }
    var item = event.target.closest("li[data-guest]");
    if (!item) {
      return;
    }
    event.preventDefault();
    var direction = event.key === "ArrowUp" ? "up" : "down";
    move(item, direction, direction);
  });

  items().forEach(function (item) {
    if (!item.querySelector("[data-move]")) {
      return;
    }
    item.setAttribute("draggable", "true");
    item.addEventListener("dragstart", function (event) {
      dragged = item;
      item.classList.add("is-dragged");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.getAttribute("data-guest"));
    });
    item.addEventListener("dragend", function () {
      item.classList.remove("is-dragged");
      items().forEach(function (other) {
        other.classList.remove("is-target");
      });
      dragged = null;
    });
    item.addEventListener("dragover", function (event) {
      if (!dragged || dragged === item) {
        return;
      }
      event.preventDefault();
      items().forEach(function (other) {
        other.classList.toggle("is-target", other === item);
      });
    });
    item.addEventListener("drop", function (event) {
      if (!dragged || dragged === item) {
        return;
      }
      event.preventDefault();
      var all = items();
      if (all.indexOf(dragged) < all.indexOf(item)) {
        list.insertBefore(dragged, item.nextElementSibling);
      } else {
        list.insertBefore(dragged, item);
      }
      item.classList.remove("is-target");
      renumber();
      announce(dragged);
    });
  });
})();
