// The speakers of a new session from the day grid (agenda-grid-new-session.js):
// picked by typing a few letters of a name and pressing Enter, an ARIA
// combobox over the admin's own autocomplete. Each one chosen is a hidden
// "speakers" input of the dialog's form.
(function () {
  "use strict";
  var api = window.conferenceAgendaGrid;
  var dialog = document.querySelector("[data-grid-new-session]");
  if (!api || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var grid = api.grid;
  var gettext = api.gettext;
  var AUTOCOMPLETE_URL = grid.getAttribute("data-autocomplete-url");
  var statusLine = document.getElementById("grid-new-status");
  var search = document.getElementById("grid-new-speaker-search");
  var options = document.getElementById("grid-new-speaker-options");
  var chosen = dialog.querySelector("[data-grid-chosen-speakers]");

  var asked = 0;
  var active = -1;
  var timer = null;

  function optionItems() {
    return Array.prototype.slice.call(options.querySelectorAll("[role=option]"));
  }

  function closeOptions() {
    options.hidden = true;
    options.textContent = "";
    search.setAttribute("aria-expanded", "false");
    search.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var items = optionItems();
    if (!items.length) {
      return;
    }
    active = (index + items.length) % items.length;
    items.forEach(function (item, position) {
      item.setAttribute("aria-selected", position === active ? "true" : "false");
      item.classList.toggle("is-active", position === active);
    });
    search.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function alreadyChosen(id) {
    return Boolean(chosen.querySelector('input[value="' + id + '"]'));
  }

  function showOptions(results) {
    options.textContent = "";
    results = results.filter(function (result) {
      return !alreadyChosen(result.id);
    });
    if (!results.length) {
      var none = document.createElement("li");
      none.className = "grid-combobox-none";
      none.textContent = gettext(
        "No speaker found: add the speaker under Speakers first."
      );
      options.appendChild(none);
    }
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.id = "grid-new-speaker-option-" + result.id;
      item.setAttribute("role", "option");
      item.setAttribute("data-id", String(result.id));
      item.textContent = result.text;
      item.addEventListener("mousedown", function (event) {
        event.preventDefault(); // Keep the focus in the search box.
      });
      item.addEventListener("click", function () {
        choose(index);
      });
      options.appendChild(item);
    });
    options.hidden = false;
    search.setAttribute("aria-expanded", "true");
    // Like the admin's speaker lists: the first match is ready for Enter.
    highlight(0);
  }

  function lookUp() {
    var term = search.value.trim();
    if (!term) {
      closeOptions();
      return;
    }
    asked += 1;
    var question = asked;
    var query = new URLSearchParams({
      term: term,
      app_label: "programme",
      model_name: "sessionspeaker",
      field_name: "speaker",
    });
    fetch(AUTOCOMPLETE_URL + "?" + query.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .catch(function () {
        return { results: [] };
      })
      .then(function (data) {
        if (question === asked && search.value.trim() === term) {
          showOptions(data.results || []);
        }
      });
  }

  function addChosen(id, name) {
    var item = document.createElement("li");
    var label = document.createElement("span");
    label.textContent = name;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "speakers";
    input.value = id;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "grid-chosen-remove";
    remove.setAttribute(
      "aria-label",
      api.format(gettext("Remove %(name)s"), { name: name })
    );
    remove.textContent = "×";
    remove.addEventListener("click", function () {
      chosen.removeChild(item);
      search.focus();
      statusLine.textContent = api.format(gettext("%(name)s removed."), {
        name: name,
      });
    });
    item.appendChild(label);
    item.appendChild(input);
    item.appendChild(remove);
    chosen.appendChild(item);
  }

  function choose(index) {
    var item = optionItems()[index];
    if (!item) {
      return;
    }
    var name = item.textContent;
    addChosen(item.getAttribute("data-id"), name);
    search.value = "";
    closeOptions();
    search.focus();
    statusLine.textContent = api.format(gettext("%(name)s added."), { name: name });
  }

  search.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, 150);
  });

  search.addEventListener("keydown", function (event) {
    var open = !options.hidden && optionItems().length > 0;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) {
        highlight(active + 1);
      } else {
        lookUp();
      }
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && (open || search.value.trim())) {
      // Enter in the search box picks a name; it never sends the form.
      event.preventDefault();
      if (open && active >= 0) {
        choose(active);
      }
    } else if (event.key === "Escape" && !options.hidden) {
      event.preventDefault(); // Close the list, not the dialog.
      closeOptions();
    }
  });

  search.addEventListener("blur", function () {
    window.setTimeout(closeOptions, 150);
  });

  // For the new session's dialog, loaded after this script.
  api.closeSpeakerOptions = closeOptions;
})();
