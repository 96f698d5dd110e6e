"""Press accreditation: the public form, the organisers' decision, the ticket,
the press badge and the press desk's list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail

from invitations import press
from invitations.models import PressAccreditation, PressStatus
from registrations.models import RegistrationStatus, SeatQuota
from registrations.outbox import send_queued_emails
from tests.factories import PressAccreditationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Елена",
    "last_name": "Георгиева",
    "email": "elena@example.org",
    "outlet": "Българска телеграфна агенция",
    "position": "репортер",
    "country": "България",
    "phone": "",
    "language": "bg",
    "accessibility_requirements": "",
    "consent": "on",
}


@pytest.mark.parametrize(
    ("language", "heading", "thanks", "subject"),
    [
        (
            "bg",
            "Акредитация на медии",
            "Получихме заявката Ви за акредитация",
            "Вашата заявка за акредитация – Конференция",
        ),
        (
            "en",
            "Press accreditation",
            "We have received your request for press accreditation",
            "Your request for press accreditation – Conference",
        ),
    ],
)
def test_a_journalist_applies_with_their_outlet(
    client, event, language, heading, thanks, subject
):
    assert heading in client.get(f"/{language}/press/").content.decode()

    response = client.post(
        f"/{language}/press/", FORM | {"language": language}, follow=True
    )

    assert thanks in response.content.decode()
    accreditation = PressAccreditation.objects.get()
    assert accreditation.outlet == "Българска телеграфна агенция"
    assert accreditation.status == PressStatus.PENDING
    send_queued_emails()
    assert mail.outbox[0].subject == subject


def test_a_second_request_from_the_same_address_sends_nothing_more(client, event):
    client.post("/bg/press/", FORM)
    client.post("/bg/press/", FORM | {"email": "ELENA@example.org"})

    assert PressAccreditation.objects.count() == 1
    send_queued_emails()
    assert len(mail.outbox) == 1


def test_the_form_says_what_is_missing(client, event):
    response = client.post("/en/press/", FORM | {"outlet": "", "consent": ""})

    page = response.content.decode()
    assert "Media outlet" in page and "This field is required." in page
    assert not PressAccreditation.objects.exists()


def test_the_honeypot_saves_nothing(client, event):
    client.post("/bg/press/", FORM | {"website": "http://spam.example"})

    assert not PressAccreditation.objects.exists()


def test_an_accredited_journalist_gets_a_reserved_seat_and_the_ticket(
    organiser_client, event
):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    accreditation = PressAccreditationFactory(event=event)

    response = organiser_client.post(
        "/bg/admin/invitations/pressaccreditation/",
        {
            "action": "accredit",
            ACTION_CHECKBOX_NAME: [accreditation.pk],
            "confirmed": "yes",
        },
        follow=True,
    )

    assert "Акредитиран е 1 журналист" in response.content.decode()
    accreditation.refresh_from_db()
    assert accreditation.status == PressStatus.ACCEPTED
    registration = accreditation.registration
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.quota == SeatQuota.RESERVED
    assert registration.organisation == "БТА"
    assert registration.organisation_type == "media"
    send_queued_emails()
    assert mail.outbox[-1].subject == "Потвърждение за участие – Конференция"


def test_no_reserved_seat_left_for_a_journalist_is_the_organisers_message(
    organiser_client, event
):
    event.reserved_seats = 0
    event.save()
    accreditation = PressAccreditationFactory(event=event, last_name="Тодорова")

    response = organiser_client.post(
        "/en/admin/invitations/pressaccreditation/",
        {
            "action": "accredit",
            ACTION_CHECKBOX_NAME: [accreditation.pk],
            "confirmed": "yes",
        },
        follow=True,
    )

    assert "No reserved seat is left for Елена Тодорова" in response.content.decode()
    accreditation.refresh_from_db()
    assert accreditation.status == PressStatus.PENDING


def test_a_journalist_not_accredited_is_told_politely(event):
    accreditation = PressAccreditationFactory(event=event, language="en")

    press.decline_journalist(accreditation=accreditation, by=None)

    send_queued_emails()
    assert "We regret that we are unable to accredit you" in mail.outbox[0].body
    accreditation.refresh_from_db()
    assert accreditation.status == PressStatus.DECLINED


def test_press_badges_and_the_press_desk_list(organiser_client, event):
    accreditation = PressAccreditationFactory(event=event, outlet="Дарик радио")
    press.accredit_journalist(accreditation=accreditation, by=None)

    badges = organiser_client.post(
        "/bg/admin/invitations/pressaccreditation/",
        {"action": "print_press_badges", ACTION_CHECKBOX_NAME: [accreditation.pk]},
    )
    desk = organiser_client.get("/bg/admin/invitations/pressaccreditation/press-desk/")

    page = badges.content.decode()
    assert "badge-press" in page
    assert "Преса" in page and "Press" in page
    assert "Дарик радио" in page
    assert accreditation.full_name in desk.content.decode()
    assert "Дарик радио" in desk.content.decode()
