"""Where the apps built on `programme` extend it: Django signals, declared
here and sent by programme, which never imports those apps; each app
connects its receivers in its AppConfig.ready() with a `dispatch_uid`
(the pattern of conference/signals.py, which says more).

Every signal is sent with `sender=None`.
"""

from django.dispatch import Signal

# Sent inside the publishing transaction when a new version of the agenda
# changes the time or the room of sessions already published, with
# `version` (the AgendaVersion) and `changed` (the ids of those sessions).
# A receiver tells whoever needs to know and returns how many people it told
# (registrations e-mails the confirmed attendees).
agenda_changed = Signal()

# How many people are confirmed for `event` (the rooms' capacity warnings).
# A receiver returns its count; the counts are added up.
confirmed_attendance = Signal()
