"""Signals the conference sends to the apps built on it.

`conference` never imports those apps; an app that keeps records tied to the
event's date connects here in its AppConfig.ready() (as pretalx's plugins
connect to `schedule_release`).
"""

from django.dispatch import Signal

# Sent by conference.services.move_event inside its transaction, after the
# event's new date is saved, with `event`, `previous_date` and `by` (the user,
# or None). A receiver moves what belongs to the event along and may return a
# translated sentence saying what it did, which the admin shows.
event_moved = Signal()
