"""Nothing unconfirmed or editorial reaches the public (issue 12): every public
page, calendar file and e-mail kind, rendered from freshly loaded content in
both languages, and the rules that keep it so."""

import json
import re

import pytest
from django.test import Client

from conference.models import Event, RegistrationState
from invitations.emails import GUEST_KINDS
from registrations.emails import queue_email, render_email
from registrations.exceptions import NotAllowed
from registrations.models import EmailKind, RegistrationStatus
from registrations.services import register_attendee
from tests.factories import EventFactory, RegistrationFactory
from tests.language_checks import visible_text
from tests.public_pages import public_paths

# Bracketed notes and the words organisers use for what they still have to give.
EDITORIAL = re.compile(
    r"\[[^\]]*\]|placeholder|to be entered|to be confirmed by the organisers|"
    r"място за попълване|въвежда се от организаторите|\bTODO\b|\bTBD\b|lorem ipsum",
    re.IGNORECASE,
)
OTHER = {"bg": "en", "en": "bg"}


def editorial_notes(text: str) -> list[str]:
    return EDITORIAL.findall(text)


@pytest.fixture(params=["draft", "published"])
def fresh_content(request, real_content):
    """Freshly loaded content, before and after the first publication."""
    if request.param == "published":
        from programme.services import publish_agenda

        publish_agenda(event=Event.objects.current())
    return Event.objects.current()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_no_public_page_shows_an_editorial_note(fresh_content, language):
    client = Client()
    found = {}
    for path in public_paths(language):
        html = client.get(path).content.decode()
        notes = editorial_notes(visible_text(html, other_language=OTHER[language]))
        if notes:
            found[path] = notes
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_no_calendar_file_shows_an_editorial_note(fresh_content, language):
    client = Client()
    paths = [f"/{language}/conference.ics", f"/{language}/agenda.ics"] + [
        f"/{language}/agenda/{slug}.ics"
        for slug in fresh_content.sessions.values_list("slug", flat=True)
    ]
    found = {}
    for path in paths:
        response = client.get(path)
        if response.status_code == 404:  # no times published yet
            continue
        body = response.content.decode()
        assert "BEGIN:VCALENDAR" in body
        if editorial_notes(body):
            found[path] = editorial_notes(body)
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_no_email_kind_shows_an_editorial_note(fresh_content, language):
    from registrations.models import Announcement

    registration = RegistrationFactory(
        event=fresh_content, language=language, status=RegistrationStatus.CONFIRMED
    )
    announcement = Announcement.objects.create(
        event=fresh_content,
        subject_bg="Съобщение",
        subject_en="Message",
        body_bg="Текст",
        body_en="Text",
    )
    found = {}
    for kind in EmailKind:
        if kind in GUEST_KINDS:
            continue  # e-mails to guests: tests/invitations/test_emails.py
        email = queue_email(
            registration=registration,
            kind=kind,
            announcement=announcement if kind == EmailKind.ANNOUNCEMENT else None,
        )
        rendered = render_email(email)  # as the mail worker sends it
        parts = [email.subject, rendered.body_text, rendered.body_html]
        for attachment in rendered.message.attachments:
            # Text attachments (the calendar file); the QR code is an image.
            if isinstance(attachment, tuple) and attachment[2].startswith("text/"):
                content = attachment[1]
                if isinstance(content, bytes):
                    content = content.decode()
                parts.append(content)
        text = " ".join(parts)
        if editorial_notes(text):
            found[kind] = editorial_notes(text)
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_no_public_page_names_the_room_the_loader_made(fresh_content, language):
    """The loaded room (*Пленарна зала / Plenary hall*) is only a column of the
    organisers' day grid: the sources name no hall, so no session is in it and
    neither of its names reaches a page, a calendar file or the schedule data."""
    from programme.models import Room

    names = [
        name
        for room in Room.objects.filter(event=fresh_content)
        for name in (room.name_bg, room.name_en)
    ]
    assert "Пленарна зала" in names  # the room the loader makes
    client = Client()
    paths = [
        *public_paths(language),
        f"/{language}/conference.ics",
        f"/{language}/agenda.ics",
        f"/{language}/schedule.json",
    ]
    found = {}
    for path in paths:
        response = client.get(path)
        body = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            body = json.dumps(response.json(), ensure_ascii=False)
        shown = [name for name in names if name in body]
        if shown:
            found[path] = shown
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["data_controller_bg", "contact_email"])
def test_registration_refuses_to_open_without_controller_and_contact(missing):
    event = EventFactory(**{missing: ""}, data_controller_en="")
    if missing == "contact_email":
        event.data_controller_en = "Controller"
        event.save()

    assert event.registration_state() == RegistrationState.NOT_READY
    with pytest.raises(NotAllowed):
        register_attendee(
            event=event,
            details={
                "first_name": "Ana",
                "last_name": "Petrova",
                "email": "ana@example.org",
            },
        )
    page = Client().get("/en/register/").content.decode()
    assert "Registration opens soon" in page
    assert 'name="email"' not in page


@pytest.mark.django_db
def test_registration_opens_once_controller_and_contact_exist():
    event = EventFactory()

    assert event.missing_for_registration() == []
    assert event.registration_state() == RegistrationState.OPEN


@pytest.mark.django_db
def test_admin_index_lists_what_the_organisers_still_have_to_give(
    admin_client, real_content
):
    html = admin_client.get("/en/admin/").content.decode()

    checklist = html[html.index("Before the site goes live") :]
    assert "Name the data controller" in checklist
    assert "needed for registration" in checklist
    assert "Give the venue" in checklist
    assert "Publish the agenda" in checklist
    assert "Upload the PDF of" in checklist
    event = Event.objects.current()
    # The link opens the field, and saving comes back to the checklist.
    assert (
        f"/en/admin/conference/event/{event.pk}/change/?from=checklist"
        "#id_data_controller_bg" in checklist
    )


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", ["de-CH,de;q=0.9", "fr-CH, fr;q=0.8"])
def test_browsers_preferring_neither_language_land_in_english(
    client, event, accept_language
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_javascript_strings_come_translated_from_the_djangojs_catalogue(client):
    # The catalogue is JSON inside JavaScript: non-ASCII letters are escaped.
    escaped = json.dumps("обновено в %(time)s ч.")
    bulgarian = client.get("/bg/jsi18n/").content.decode()
    english = client.get("/en/jsi18n/").content.decode()

    assert escaped in bulgarian
    assert escaped not in english
