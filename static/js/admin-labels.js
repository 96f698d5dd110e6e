/* Names for the controls Django 6.1's admin scripts draw without one
   (WCAG 4.1.2): the search box of an autocomplete field (the speakers of a
   session, the partners of a project) gets the field's name before what is
   chosen, and the group picker's filter icons become images with their
   label. A file input says "Choose a file" and "No file chosen" in the
   admin's language, not the browser's: the input stays, visually hidden
   but focusable and named as before, and a picker drawn beside it (for the
   eye only) opens it and shows the chosen file's name. Runs after Django's
   own scripts have drawn them, and again on every row added to an
   inline. */
"use strict";
{
    function fieldName(select) {
        const label =
            select.getAttribute("aria-label") ||
            (select.labels.length ? select.labels[0].textContent : "");
        return label.replace(/:\s*$/, "").trim();
    }

    function nameAutocompletes(root) {
        root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
            const container = select.nextElementSibling;
            const name = fieldName(select);
            if (!name || !container || !container.classList.contains("select2")) {
                return;
            }
            const combobox = container.querySelector(
                ".select2-selection[role=combobox]",
            );
            if (combobox) {
                let label = document.getElementById(`${select.id}-name`);
                if (!label) {
                    label = document.createElement("span");
                    label.id = `${select.id}-name`;
                    label.className = "visually-hidden";
                    label.textContent = name;
                    select.parentNode.insertBefore(label, container);
                }
                // The box reads "Speaker Maria Petrova"; the text inside it
                // (a read-only textbox to select2) is named by the field.
                const chosen = combobox.querySelector(".select2-selection__rendered");
                if (chosen && chosen.id) {
                    chosen.setAttribute("aria-labelledby", label.id);
                    combobox.setAttribute("aria-labelledby", `${label.id} ${chosen.id}`);
                } else {
                    combobox.setAttribute("aria-labelledby", label.id);
                }
            }
            container.querySelectorAll(".select2-search__field").forEach((field) => {
                field.setAttribute("aria-label", name);
            });
            // A single choice's search box is drawn in a dropdown at the end
            // of the page each time it opens: named then.
            if (window.django && window.django.jQuery) {
                window.django
                    .jQuery(select)
                    .off("select2:open.names")
                    .on("select2:open.names", () => {
                        document
                            .querySelectorAll(
                                ".select2-container--open .select2-search__field",
                            )
                            .forEach((field) => field.setAttribute("aria-label", name));
                    });
            }
        });
    }

    function nameFilterIcons() {
        document
            .querySelectorAll(".search-label-icon[aria-label]:not([role])")
            .forEach((icon) => icon.setAttribute("role", "img"));
    }

    function drawFilePickers(root) {
        const words = document.getElementById("file-picker-words");
        if (!words) {
            return;
        }
        const choose = words.content.querySelector("[data-choose]").textContent;
        const none = words.content.querySelector("[data-none]").textContent;
        root.querySelectorAll("input[type=file]:not(.has-file-picker)").forEach(
            (input) => {
                // An inline's template row is drawn when it is added.
                if (input.closest(".empty-form")) {
                    return;
                }
                input.classList.add("has-file-picker");
                const picker = document.createElement("span");
                picker.className = "file-picker";
                picker.setAttribute("aria-hidden", "true");
                const button = document.createElement("span");
                button.className = "file-picker-button";
                button.textContent = choose;
                const chosen = document.createElement("span");
                chosen.className = "file-picker-chosen";
                chosen.textContent = none;
                picker.append(button, chosen);
                picker.addEventListener("click", () => input.click());
                input.addEventListener("change", () => {
                    const names = Array.from(input.files, (file) => file.name);
                    chosen.textContent = names.length ? names.join(", ") : none;
                });
                input.after(picker);
            },
        );
    }

    function whenDjangoIsReady(callback) {
        if (window.django && window.django.jQuery) {
            // After Django's own ready handlers (autocomplete.js), queued
            // before this file ran.
            window.django.jQuery(callback);
        } else {
            document.addEventListener("DOMContentLoaded", callback);
        }
    }

    // Before select2 draws the boxes: a choice of several has no "clear
    // all" cross, a mouse-only <span> select2 puts inside the list of
    // choices (axe: list); each choice keeps its own, and Backspace.
    document
        .querySelectorAll("select.admin-autocomplete[multiple]")
        .forEach((select) => {
            select.dataset.allowClear = "false";
        });

    whenDjangoIsReady(() => nameAutocompletes(document));
    whenDjangoIsReady(() => drawFilePickers(document));
    // Django's picker (SelectFilter2.js) is drawn on "load", before this.
    window.addEventListener("load", nameFilterIcons);
    document.addEventListener("formset:added", (event) => {
        // Django's autocomplete.js draws the new row's box in its own
        // listener, registered before this one.
        nameAutocompletes(event.target);
        drawFilePickers(event.target);
    });
}
