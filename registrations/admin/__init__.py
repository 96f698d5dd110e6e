"""The organisers' desk in the admin: registrations, their e-mails, exports,
messages to attendees, and the event's capacity.

Statuses change only through registrations.services (and outreach.py for
e-mails): every action has a confirmation page, calls a service for
each selected registration, and says what happened. Personal data is shown,
never edited here.
"""

from registrations.admin import check_ins, event, outbox, registrations

__all__ = ["check_ins", "event", "outbox", "registrations"]
