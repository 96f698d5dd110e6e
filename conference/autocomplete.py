"""Autocomplete fields of the admin that survive a value that is no id.

Django's autocomplete widgets look the submitted value up again to show it
when a form comes back with errors; a value that is no number ("abc", or "²",
a digit to str.isdigit() but not to int()) or a number too large for the
database makes that lookup raise, and the page answer 500. These widgets
leave such a value out (the field itself has already said it is not a valid
choice), so the form comes back with its message.
"""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

from conference.ids import is_valid_id


class CheckedValuesMixin:
    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        target = opts.get_field(
            getattr(self.field.remote_field, "field_name", None) or opts.pk.name
        )
        return super().optgroups(
            name, [item for item in value if is_valid_id(target, item)], attr
        )


class CheckedAutocompleteSelect(CheckedValuesMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedValuesMixin, AutocompleteSelectMultiple):
    pass


class CheckedAutocompleteMixin:
    """For a ModelAdmin or an inline with `autocomplete_fields`."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
