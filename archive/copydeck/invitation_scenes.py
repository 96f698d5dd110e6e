"""The invitations' part of the deck: the e-mails to guests and journalists,
the pages behind an invitation's link (to answer it, and what it says once
answered or withdrawn), the press form after sending, and the guest list's
own screens in the admin. The guest is г-жа Мария Петрова as everywhere in
the deck; the links are shown as `…`."""

from django.test import Client
from django.utils import timezone

from archive.copydeck.rendering import LANGUAGES, PEOPLE, Section, page_rows
from conference.models import Event, RegistrationMode
from invitations.emails import GUEST_KINDS, queue_guest_email, queue_press_email
from invitations.models import (
    Guest,
    GuestCategory,
    InvitationStatus,
    InvitationToken,
    PressAccreditation,
)
from registrations.emails import render_email

GUEST_VALUES = {
    "position_bg": "заместник-председател",
    "position_en": "Deputy Chair",
    "institution_bg": "Национална комисия за борба с трафика на хора",
    "institution_en": "National Commission for Combating Trafficking in Human Beings",
    "category": GuestCategory.OFFICIAL,
    "reserved_seat": True,
}
# The guest list's own screens, besides its list and form.
ADMIN_PATHS = (
    "/bg/admin/invitations/guest/import/",
    "/bg/admin/invitations/guest/protocol-order/",
    "/bg/admin/invitations/guest/first-rows/",
    "/bg/admin/invitations/guest/release-seats/",
    "/bg/admin/invitations/pressaccreditation/press-desk/",
)


def _invite(event, language: str, name: str, status=InvitationStatus.SENT) -> Guest:
    return Guest.objects.create(
        event=event,
        email=f"{name}-{language}@example.org",
        language=language,
        status=status,
        invited_at=timezone.now(),
        **GUEST_VALUES,
        **PEOPLE[language],
    )


def _journalist(event, language: str) -> PressAccreditation:
    # Journalists give no form of address.
    person = {
        key: value
        for key, value in PEOPLE[language].items()
        if key != "form_of_address"
    }
    return PressAccreditation.objects.create(
        event=event,
        email=f"press-{language}@example.org",
        outlet={"bg": "Българска телеграфна агенция", "en": "BTA"}[language],
        position={"bg": "репортер", "en": "reporter"}[language],
        country={"bg": "България", "en": "Bulgaria"}[language],
        language=language,
        consent_given_at=timezone.now(),
        privacy_notice_version="1",
        **person,
    )


def invitation_emails(scenes, moment: str) -> None:
    """Every e-mail to a guest or a journalist, in both languages."""
    event = Event.objects.current()
    guests = {language: _invite(event, language, "mail") for language in LANGUAGES}
    press = {language: _journalist(event, language) for language in LANGUAGES}
    for kind in GUEST_KINDS:
        rendered = {}
        for language in LANGUAGES:
            if kind.startswith("press"):
                email = queue_press_email(accreditation=press[language], kind=kind)
            else:
                email = queue_guest_email(guest=guests[language], kind=kind)
            rendered[language] = (email.subject, render_email(email))
        scenes.add_email(kind, moment, rendered)


def _link_pages(client, heading, guests, suffix=""):
    paths = {
        language: f"/{language}/invitation/"
        f"{InvitationToken.objects.issue(guest=guests[language])}/{suffix}"
        for language in LANGUAGES
    }
    return Section(heading, page_rows(client, paths["bg"], en_path=paths["en"]))


def invitation_pages(scenes) -> None:
    """The pages a guest reaches from the invitation's links, and the press
    form once sent."""
    event = Event.objects.current()
    event.registration_mode = RegistrationMode.MIXED
    event.reserved_seats = 20
    event.save()
    client = Client()
    deck = scenes.deck.registration
    open_ = {language: _invite(event, language, "open") for language in LANGUAGES}
    deck.append(_link_pages(client, "/bg/invitation/…/ — not answered yet", open_))
    deck.append(
        _link_pages(
            client, "/bg/invitation/…/accept/ — the short form", open_, "accept/"
        )
    )
    deck.append(
        _link_pages(
            client, "/bg/invitation/…/decline/ — naming a delegate", open_, "decline/"
        )
    )
    for status, heading in (
        (InvitationStatus.ACCEPTED, "accepted"),
        (InvitationStatus.DELEGATED, "declined, naming a delegate"),
        (InvitationStatus.WITHDRAWN, "withdrawn"),
    ):
        guests = {
            language: _invite(event, language, status.value, status)
            for language in LANGUAGES
        }
        Guest.objects.filter(pk__in=[guest.pk for guest in guests.values()]).update(
            answered_at=timezone.now(), delegate_name="Иван Иванов"
        )
        deck.append(_link_pages(client, f"/bg/invitation/…/ — {heading}", guests))
    deck.append(
        Section(
            "/bg/press/ — sent empty: every required field",
            page_rows(client, "/bg/press/", "post", {}),
        )
    )
    deck.append(
        Section(
            "/bg/press/request-received/",
            page_rows(client, "/bg/press/request-received/"),
        )
    )
