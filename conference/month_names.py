"""Month names as they stand inside a date, for the `E` date format.

Bulgarian writes month names in lower case inside a date ("20 септември"),
while Django's own catalogue capitalises them. Listing the "alt. month"
strings here keeps them in our catalogue, where locale/bg overrides Django's.
Templates format dates with "j E Y".
"""

from django.utils.translation import pgettext_lazy

ALT_MONTH_NAMES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
