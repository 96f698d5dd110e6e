"""Signals registrations sends for the apps built on it (house style: the
lower app declares, upper apps connect in their AppConfig.ready())."""

from django.dispatch import Signal

# Sent while an e-mail to a registrant is rendered (for sending or as a
# preview), with `kind`, `registration` and `event`. A receiver returns a
# dict added to the template's context, or None: the archive adds what the
# record of the day holds at that moment to the follow-up e-mail.
email_context = Signal()
