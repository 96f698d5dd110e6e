"""E-mails to guests and journalists, through the registrations' outbox.

They are queued in the transaction of the change that causes them (an
invitation sent, a reminder, a journalist's request or the organisers'
decision) with `queue_guest_email`, and rendered by the mail worker when it
sends them (`render_guest_email`, registered for these kinds in apps.py): in
the guest's language, with the invitation's secret link issued then, so that
nothing stored before sending holds a working link, and the copy kept after
sending has the link removed. An accredited journalist's ticket is the
registrations' own ticket e-mail.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from conference.site import absolute_url
from invitations.models import (
    Guest,
    GuestEmail,
    InvitationToken,
    PressAccreditation,
)
from registrations.emails import (
    RenderedEmail,
    email_message,
    queue_message,
    signatories,
)
from registrations.models import EmailKind, OutgoingEmail, hash_token
from registrations.salutations import salutation

SUBJECTS = {
    EmailKind.INVITATION: _("Invitation – %(event)s"),
    EmailKind.INVITATION_REMINDER: _("Reminder of our invitation – %(event)s"),
    EmailKind.PRESS_RECEIVED: _("Your request for press accreditation – %(event)s"),
    EmailKind.PRESS_DECLINED: _("Press accreditation – %(event)s"),
}
GUEST_KINDS = tuple(SUBJECTS)
INVITATION_KINDS = {EmailKind.INVITATION, EmailKind.INVITATION_REMINDER}


def _subject(person: Guest | PressAccreditation, kind: EmailKind) -> str:
    with translation.override(person.language):
        return str(SUBJECTS[kind] % {"event": person.event.short_title})


def queue_guest_email(*, guest: Guest, kind: EmailKind) -> OutgoingEmail:
    """Put an e-mail to a guest in the outbox; inside the change's transaction."""
    email = queue_message(
        kind=kind, recipient=guest.email, subject=_subject(guest, kind)
    )
    GuestEmail.objects.create(email=email, guest=guest)
    return email


def queue_press_email(
    *, accreditation: PressAccreditation, kind: EmailKind
) -> OutgoingEmail:
    email = queue_message(
        kind=kind,
        recipient=accreditation.email,
        subject=_subject(accreditation, kind),
    )
    GuestEmail.objects.create(email=email, accreditation=accreditation)
    return email


def signature_lines(event) -> list[str]:
    """How the organisers sign, in the active language: the event's signature
    of the invitations, or else the organisers' names."""
    lines = [line.strip() for line in event.invitation_signature.splitlines()]
    return [line for line in lines if line] or signatories()


def invitation_urls(token: str) -> dict[str, str]:
    return {
        name: absolute_url(reverse(f"invitations:{name}", kwargs={"token": token}))
        for name in ("invitation", "accept", "decline")
    }


def render_guest_email(email: OutgoingEmail) -> RenderedEmail:
    """The e-mail to send now, in the person's language, with a fresh link."""
    link = GuestEmail.objects.select_related(
        "guest__event", "accreditation__event"
    ).get(email=email)
    person = link.guest or link.accreditation
    event = person.event
    secrets = []
    with translation.override(person.language):
        context = {
            "event": event,
            "guest": link.guest,
            "accreditation": link.accreditation,
            # „Уважаеми г-н Ципов,“ (registrations.salutations); journalists
            # give no form of address and get the neutral greeting.
            "salutation": salutation(person),
            "signature_lines": signature_lines(event),
            "home_url": absolute_url(reverse("conference:home")),
            "privacy_url": absolute_url(reverse("registrations:privacy")),
        }
        if email.kind in INVITATION_KINDS:
            token = InvitationToken.objects.issue(guest=link.guest)
            secrets.append(token)
            context.update(
                {f"{name}_url": url for name, url in invitation_urls(token).items()}
            )
        body_text = render_to_string(f"invitations/email/{email.kind}.txt", context)
        body_html = render_to_string(f"invitations/email/{email.kind}.html", context)
    hashes = [hash_token(secret) for secret in secrets]
    return RenderedEmail(
        message=email_message(email=email, body_text=body_text, body_html=body_html),
        body_text=body_text,
        body_html=body_html,
        secrets=secrets,
        discard=lambda: InvitationToken.objects.filter(token_hash__in=hashes).delete(),
    )
