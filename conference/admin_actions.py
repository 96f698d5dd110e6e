"""Admin actions that survive a selection which names no row.

Django's admin looks the selected rows up with `pk__in=<the posted ids>`; an
id that is no number ("abc", "", "²") or too large for the database makes that
lookup raise, and the page answer 500. A browser never sends one, but a
script or an edited form can: the list then comes back with Django's own
message that nothing was selected, and nothing is changed.
"""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext


def is_valid_id(field, value) -> bool:
    try:
        number = field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    if number in (None, ""):
        return False
    internal_type = field.get_internal_type()
    if internal_type in connection.ops.integer_field_ranges:
        low, high = connection.ops.integer_field_range(internal_type)
        return isinstance(number, int) and low <= number <= high
    return True


class CheckedSelectionMixin:
    """For a ModelAdmin with actions."""

    def response_action(self, request, queryset, *args, **kwargs):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(is_valid_id(self.opts.pk, value) for value in selected):
            self.message_user(
                request,
                gettext(
                    "Items must be selected in order to perform "
                    "actions on them. No items have been changed."
                ),
                messages.WARNING,
            )
            return None
        return super().response_action(request, queryset, *args, **kwargs)
