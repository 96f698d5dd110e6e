"""The guest list in the admin, as an organiser of the Organisers group uses
it: the list with its answers at a glance, the actions, the pages."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.utils import translation

from conference.models import RegistrationMode
from invitations.models import Guest, GuestCategory, InvitationStatus
from registrations.models import ExportLog
from registrations.outbox import send_queued_emails
from tests.factories import GuestFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LIST = "/{}/admin/invitations/guest/"


def act(client, language, action, guests, **extra):
    return client.post(
        LIST.format(language),
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [guest.pk for guest in guests],
            "confirmed": "yes",
            **extra,
        },
        follow=True,
    )


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("bg", ["Отговорите накратко", "Поканени", "Заети запазени места", "Импорт"]),
        ("en", ["Answers at a glance", "Invited", "Reserved seats taken", "Import"]),
    ],
)
def test_the_guest_list_shows_the_answers_at_a_glance(
    organiser_client, event, language, texts
):
    GuestFactory(event=event, last_name="Ципов", status=InvitationStatus.SENT)

    page = organiser_client.get(LIST.format(language)).content.decode()

    for text in texts:
        assert text in page
    assert "Ципов" in page


def test_an_organiser_sends_invitations_from_the_list_after_a_confirmation(
    organiser_client, event
):
    guests = GuestFactory.create_batch(2, event=event)

    question = organiser_client.post(
        LIST.format("bg"),
        {"action": "send_invitations", ACTION_CHECKBOX_NAME: [g.pk for g in guests]},
    )
    assert "Сигурни ли сте?" in question.content.decode()
    assert not Guest.objects.filter(status=InvitationStatus.SENT).exists()

    response = act(organiser_client, "bg", "send_invitations", guests)

    assert "Изпратени са 2 покани." in response.content.decode()
    send_queued_emails()
    assert len(mail.outbox) == 2


def test_sending_in_an_open_event_is_refused_with_the_reason(organiser_client, event):
    event.registration_mode = RegistrationMode.OPEN
    event.save()
    guest = GuestFactory(event=event)

    response = act(organiser_client, "en", "send_invitations", [guest])

    assert "The event’s registration mode is “Open to everyone”." in (
        response.content.decode()
    )
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.NOT_SENT


def test_reminders_and_withdrawal_from_the_list(organiser_client, event):
    waiting = GuestFactory(event=event, status=InvitationStatus.SENT)

    reminded = act(organiser_client, "bg", "send_reminders", [waiting])
    withdrawn = act(organiser_client, "bg", "withdraw_invitations", [waiting])

    assert "Изпратено е напомняне на 1 гост." in reminded.content.decode()
    assert "Оттеглена е 1 покана." in withdrawn.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == InvitationStatus.WITHDRAWN


def test_an_invited_guest_cannot_be_deleted_only_withdrawn(organiser_client, event):
    invited = GuestFactory(event=event, status=InvitationStatus.SENT)
    not_yet = GuestFactory(event=event)

    response = organiser_client.get(f"/bg/admin/invitations/guest/{invited.pk}/delete/")
    assert response.status_code == 403
    organiser_client.post(
        f"/bg/admin/invitations/guest/{not_yet.pk}/delete/", {"post": "yes"}
    )

    assert list(Guest.objects.all()) == [invited]


def test_the_precedence_is_typed_in_the_list(organiser_client, event):
    first = GuestFactory(event=event, precedence=1, last_name="Първи")
    second = GuestFactory(event=event, precedence=2, last_name="Втори")
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-precedence": "2",
        "form-1-id": second.pk,
        "form-1-precedence": "1",
        "_save": "Save",
    }
    organiser_client.post(LIST.format("en"), data)

    assert [guest.last_name for guest in Guest.objects.in_protocol_order()] == [
        "Втори",
        "Първи",
    ]


def test_the_guest_list_exports_as_excel_and_csv_recorded(organiser_client, event):
    guest = GuestFactory(event=event, last_name="Ципов", precedence=1)

    csv = act(organiser_client, "bg", "export_csv", [guest])
    xlsx = act(organiser_client, "en", "export_xlsx", [guest])

    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("протоколен ред;фамилия;име;")
    assert "Ципов" in text
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ExportLog.objects.filter(filters="guest list").count() == 2


@pytest.mark.parametrize(
    "page",
    ["import/", "protocol-order/", "first-rows/", "release-seats/"],
)
def test_every_page_of_the_guest_list_opens_in_both_languages(
    organiser_client, event, page
):
    GuestFactory(event=event, category=GuestCategory.SPEAKER)
    for language in ("bg", "en"):
        response = organiser_client.get(LIST.format(language) + page)
        assert response.status_code == 200
        assert f'<html lang="{language}"' in response.content.decode()


def test_the_desk_has_no_access_to_the_guest_list(desk_client, event):
    assert desk_client.get(LIST.format("bg")).status_code == 403


def test_a_registration_count_above_the_registrations_list_keeps_seats_apart(
    organiser_client, event
):
    RegistrationFactory.create_batch(2, event=event, status="confirmed")
    RegistrationFactory(event=event, status="confirmed", quota="reserved")

    page = organiser_client.get("/en/admin/registrations/registration/")

    counts = page.context["counts"]
    assert (counts.public_confirmed, counts.reserved_confirmed) == (2, 1)
    assert counts.seats_left == event.capacity - 2


def test_the_guest_list_takes_as_many_queries_for_many_guests(
    organiser_client, event, count_queries
):
    GuestFactory.create_batch(3, event=event, status=InvitationStatus.SENT)
    few = count_queries(organiser_client, LIST.format("bg"))
    GuestFactory.create_batch(30, event=event, status=InvitationStatus.ACCEPTED)

    assert count_queries(organiser_client, LIST.format("bg")) == few


def test_an_organiser_adds_a_guest_by_hand(organiser_client, event):
    add = "/bg/admin/invitations/guest/add/"
    page = organiser_client.get(add).content.decode()
    assert 'name="position_bg"' in page and 'name="position_en"' in page
    assert "Обръщение" in page

    organiser_client.post(
        add,
        {
            "event": event.pk,
            "form_of_address": "mr",
            "first_name": "Красимир",
            "last_name": "Ципов",
            "email": "tsipov@example.org",
            "language": "bg",
            "category": GuestCategory.OFFICIAL,
            "position_bg": "заместник-министър",
            "position_en": "Deputy Minister",
            "institution_bg": "",
            "institution_en": "",
            "country": "",
            "organisation_type": "",
            "precedence": "1",
            "reserved_seat": "on",
            "accessibility_requirements": "",
            "dietary_requirements": "",
        },
    )

    guest = Guest.objects.get()
    with translation.override("bg"):
        assert guest.titled_name == "г-н Красимир Ципов"
    assert guest.status == InvitationStatus.NOT_SENT
