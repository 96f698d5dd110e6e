"""Whether a submitted value can name a row.

A value from a URL or a form that is no number ("abc", "", or "²", a digit to
str.isdigit() but not to int()) or a number too large for the database makes
a lookup raise; checked first, it is simply no row.
"""

from django.core.exceptions import ValidationError
from django.db import connection


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
