"""The forms of the registration desk and of the organisers' admin: the
check-in search and its buttons, undoing a check-in, the export's columns,
the confirmation of an action, the event's capacity. The public's forms
are in forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from registrations.exports import DEFAULT_COLUMNS, EXPORT_COLUMNS
from registrations.models import Registration

# The organisers' desk ------------------------------------------------------


class CheckInSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or organisation"),
        min_length=2,
        max_length=100,
        strip=True,
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "autofocus": True}
        ),
    )


class DeskCheckInForm(forms.Form):
    """The one button on the check-in search page."""

    registration = forms.ModelChoiceField(
        queryset=Registration.objects.select_related("event"),
        widget=forms.HiddenInput,
    )


class UndoReasonForm(forms.Form):
    """Why a check-in is taken back; kept in the log with who and when."""

    reason = forms.CharField(
        label=_("Reason for undoing the check-in"),
        max_length=300,
        help_text=_("For example: checked in by mistake instead of a namesake."),
    )


class DeskUndoCheckInForm(UndoReasonForm):
    registration = forms.ModelChoiceField(
        queryset=Registration.objects.select_related("event"),
        widget=forms.HiddenInput,
    )


class ExportColumnsForm(forms.Form):
    columns = forms.MultipleChoiceField(
        label=_("Columns"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one column.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"columns": list(DEFAULT_COLUMNS)})
        super().__init__(*args, **kwargs)
        self.fields["columns"].choices = list(EXPORT_COLUMNS.items())

    def clean_columns(self):
        chosen = set(self.cleaned_data["columns"])
        # In the file, columns keep their usual order, whatever the clicks.
        return [column for column in EXPORT_COLUMNS if column in chosen]


class ActionConfirmationForm(forms.Form):
    override_capacity = forms.BooleanField(
        label=_(
            "Confirm them even if this puts more people in the room than its capacity"
        ),
        required=False,
    )


class EventCapacityFormMixin:
    """The event's admin form: no capacity, and no reserved seats, below the
    seats already given."""

    def clean_reserved_seats(self):
        reserved_seats = self.cleaned_data["reserved_seats"]
        if self.instance.pk is not None and reserved_seats is not None:
            taken = (
                Registration.objects.for_event(self.instance)
                .reserved()
                .confirmed()
                .count()
            )
            if reserved_seats < taken:
                raise forms.ValidationError(
                    ngettext(
                        "%(taken)d invited guest or journalist already has a "
                        "reserved seat, so there cannot be fewer than %(taken)d "
                        "reserved seats.",
                        "%(taken)d invited guests and journalists already have a "
                        "reserved seat, so there cannot be fewer than %(taken)d "
                        "reserved seats.",
                        taken,
                    ),
                    code="below_taken",
                    params={"taken": taken},
                )
        return reserved_seats

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk is not None and capacity is not None:
            confirmed = (
                Registration.objects.for_event(self.instance)
                .public()
                .confirmed()
                .count()
            )
            if capacity < confirmed:
                raise forms.ValidationError(
                    ngettext(
                        "%(confirmed)d person already has a confirmed seat, so "
                        "the capacity cannot be lower than %(confirmed)d. Cancel "
                        "registrations first if there are fewer seats.",
                        "%(confirmed)d people already have a confirmed seat, so "
                        "the capacity cannot be lower than %(confirmed)d. Cancel "
                        "registrations first if there are fewer seats.",
                        confirmed,
                    ),
                    code="below_confirmed",
                    params={"confirmed": confirmed},
                )
        return capacity
