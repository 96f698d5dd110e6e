"""What invitations answers to the signals of the apps below it
(conference.signals, registrations.signals); connected in
InvitationsConfig.ready()."""

from conference.roles import ORGANISERS, model_permissions
from invitations import emails, retention, sitemaps
from invitations.models import Guest, PressAccreditation


def role_permissions(sender, **kwargs):
    # The guest list is the organisers' own (added, imported, edited);
    # invitations and answers change only through invitations.services, and
    # press accreditations only through the actions that decide them.
    return {
        ORGANISERS: model_permissions(Guest)
        | model_permissions(PressAccreditation, actions=("view", "change"))
        | {"invitations.send_invitations"},
    }


def sitemap_sections(sender, **kwargs):
    return sitemaps.SITEMAPS


def email_to_render(sender, *, email, **kwargs):
    """The e-mails to guests and journalists (registrations.signals)."""
    if email.kind not in emails.GUEST_KINDS:
        return None
    return emails.render_guest_email(email)


def personal_data_erasing(sender, *, event_ids, now, **kwargs):
    return retention.anonymise_guests(event_ids=event_ids, now=now)
