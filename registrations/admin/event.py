"""The event's admin, with what a change of capacity means for registrations.

It lives in `conference`, which knows nothing about registrations (imports
point one way); this subclass replaces it.
"""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conference.admin import EventAdmin
from conference.models import Event
from registrations import exceptions, reserved, rules, services
from registrations.rules import Action
from registrations.staff_forms import EventCapacityFormMixin


class EventCapacityForm(EventCapacityFormMixin, forms.ModelForm):
    """The admin builds the fields; this adds the capacity check."""


# The event's admin lives in `conference`, which knows nothing about
# registrations; this subclass adds what a change of capacity means for them.
admin.site.unregister(Event)


@admin.register(Event)
class EventWithRegistrationsAdmin(EventAdmin):
    form = EventCapacityForm

    def save_model(self, request, obj, form, change):
        if change and "reserved_seats" in form.changed_data:
            # Under the event's lock, like a reserved seat being given.
            new_reserved = obj.reserved_seats
            obj.reserved_seats = form.initial["reserved_seats"]
            try:
                reserved.change_reserved_seats(event=obj, reserved_seats=new_reserved)
            except exceptions.ReservedSeatsBelowTaken as refused:
                self.message_user(
                    request,
                    _(
                        "The reserved seats were not changed: %(taken)d of them "
                        "are taken."
                    )
                    % {"taken": refused.taken},
                    messages.ERROR,
                )
            else:
                obj.reserved_seats = new_reserved
        if not change or "capacity" not in form.changed_data:
            return super().save_model(request, obj, form, change)
        new_capacity = obj.capacity
        obj.capacity = form.initial["capacity"]
        super().save_model(request, obj, form, change)
        try:
            promoted = services.change_event_capacity(event=obj, capacity=new_capacity)
        except exceptions.CapacityBelowConfirmed as refused:
            self.message_user(
                request,
                _(
                    "The capacity was not changed: %(confirmed)d people have a "
                    "confirmed seat."
                )
                % {"confirmed": refused.confirmed},
                messages.ERROR,
            )
            return None
        obj.capacity = new_capacity
        promote = rules.decide(Action.PROMOTE, event=obj)
        if not promote.allowed and obj.registrations.waitlisted().exists():
            self.message_user(
                request,
                _("Nobody on the waiting list was given a seat: %(reason)s")
                % {"reason": promote.message},
                messages.INFO,
            )
        if promoted:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person from the waiting list got a seat and has "
                    "been e-mailed the ticket.",
                    "%(count)d people from the waiting list got a seat and have "
                    "been e-mailed the ticket.",
                    len(promoted),
                )
                % {"count": len(promoted)},
                messages.SUCCESS,
            )
        return None
