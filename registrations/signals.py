"""Where the apps built on `registrations` extend it: Django signals,
declared here and sent by registrations, which never imports those apps;
each app connects its receivers in its AppConfig.ready() with a
`dispatch_uid` (the pattern of conference/signals.py, which says more).

Every signal is sent with `sender=None`.
"""

from django.dispatch import Signal

# The mail worker is sending an e-mail that another app queued for someone
# with no registration (emails.queue_message: an invitation, a journalist's
# request), with `email` (the OutgoingEmail). The receiver of the app whose
# kind it is returns the RenderedEmail; the others return None.
email_to_render = Signal()

# The personal data of past events are being erased (retention
# .anonymise_registrations), inside its transaction, with `event_ids` and
# `now`. A receiver erases what its app keeps about people of those events
# (the invitations' guests and journalists) and returns how many rows.
personal_data_erasing = Signal()
