"""Names for what Django 6.1's admin leaves unnamed, or names in English.

- A file field is drawn inside a fieldset whose legend names the group, but
  its file input has no label of its own (axe: "label").
- The fields of a list's editable column and of an inline's rows have no
  label: a column heading names them for the eye only.
- The yes/no icons of lists and read-only pages say "True" and "False" to a
  screen reader, in English.
- A filter by a text field's values links its blank value with no text.
- The delete page lists the rows that link two objects (a project's
  partners) as "Project-partner relationship: Project_partners object (1)":
  nothing an organiser created or can act on.

`LabelledAdminMixin` is mixed into every admin by the admin site
(conference.admin_actions.ConferenceAdminSite); `translate_boolean_icons`
runs once when the app is ready. The script-drawn controls (autocomplete
boxes, the group picker's icons) are named in static/js/admin-labels.js.
"""

from django import forms
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext


def field_label(name: str, field: forms.Field) -> str:
    return str(capfirst(field.label or name.replace("_", " ")))


def name_file_inputs(form_class) -> None:
    """The file inputs Django draws inside a fieldset get the field's label."""
    for name, field in form_class.base_fields.items():
        widget = field.widget
        if isinstance(widget, forms.FileInput) and getattr(widget, "use_fieldset", 0):
            widget.attrs.setdefault("aria-label", field_label(name, field))


class NamedRowsFormSetMixin:
    """Each visible field of each row gets a name: the column's label, and on
    a list the row's own name ("Order: National Commission…")."""

    name_rows_by_instance = False

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = form.instance if self.name_rows_by_instance else None
        for name, field in form.fields.items():
            # The admin wraps a related field's widget; the form's copy of
            # the wrapper shares its `attrs` with the class's widget, not
            # with its own copy of the inner one, which is what is drawn.
            widget = getattr(field.widget, "widget", field.widget)
            if widget.is_hidden or "aria-label" in widget.attrs:
                continue
            label = field_label(name, field)
            if row is not None and row.pk is not None:
                label = format_lazy("{}: {}", label, row)
            widget.attrs = {**widget.attrs, "aria-label": str(label)}


def named_rows(formset_class, *, by_instance: bool):
    return type(
        formset_class.__name__,
        (NamedRowsFormSetMixin, formset_class),
        {"name_rows_by_instance": by_instance},
    )


def link_models():
    """The tables Django creates for many-to-many fields."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.auto_created
    ]


def without_link_rows(nested: list, prefixes: tuple[str, ...]) -> list:
    kept = []
    for item in nested:
        if isinstance(item, list):
            if inner := without_link_rows(item, prefixes):
                kept.append(inner)
        elif not str(item).startswith(prefixes):
            kept.append(item)
    return kept


class NamedValuesFieldListFilter(admin.AllValuesFieldListFilter):
    """Django's filter by a field's values, its blank value named."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] == "":
                choice = {**choice, "display": gettext("(not filled in)")}
            yield choice


def named_value_filters(model, list_filter) -> list:
    """`list_filter`, a text field without choices filtered by its values
    with NamedValuesFieldListFilter."""
    named = []
    for item in list_filter:
        if isinstance(item, str) and "__" not in item:
            try:
                field = model._meta.get_field(item)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, (models.CharField, models.TextField)) and not (
                field.choices
            ):
                item = (item, NamedValuesFieldListFilter)
        named.append(item)
    return named


class LabelledAdminMixin:
    def get_list_filter(self, request):
        return named_value_filters(self.model, super().get_list_filter(request))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        name_file_inputs(form)
        return form

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        return named_rows(formset, by_instance=True)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            name_file_inputs(formset.form)
            yield named_rows(formset, by_instance=False), inline

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        links = link_models()
        prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in links)
        plural = {str(model._meta.verbose_name_plural) for model in links}
        model_count = {
            name: count
            for name, count in model_count.items()
            if str(name) not in plural
        }
        return (
            without_link_rows(to_delete, prefixes),
            model_count,
            perms_needed,
            protected,
        )


def boolean_icon(value):
    """Django's yes/no/unknown icon, its alt text in the admin's language."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    alt = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}[value]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt
    )


def translate_boolean_icons() -> None:
    """Django 6.1 writes the icon's alt text as Python's True/False; every
    list and read-only page takes the icon from this one function."""
    from django.contrib.admin.templatetags import admin_list

    admin_list._boolean_icon = boolean_icon
