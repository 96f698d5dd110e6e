/* Names for the controls Django 6.1's admin scripts draw without one
   (WCAG 4.1.2): the search box of an autocomplete field (the speakers of a
   session, the partners of a project) gets the field's name before what is
   chosen, and the group picker's filter icons become images with their
   label. Runs after Django's own scripts have drawn them, and again on every
   row added to an inline. */
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
        });
    }

    function nameFilterIcons() {
        document
            .querySelectorAll(".search-label-icon[aria-label]:not([role])")
            .forEach((icon) => icon.setAttribute("role", "img"));
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
    // Django's picker (SelectFilter2.js) is drawn on "load", before this.
    window.addEventListener("load", nameFilterIcons);
    document.addEventListener("formset:added", (event) => {
        // Django's autocomplete.js draws the new row's box in its own
        // listener, registered before this one.
        nameAutocompletes(event.target);
    });
}
