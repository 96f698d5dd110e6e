"""Protocol order: the precedence of guests orders the opening speakers on
the public pages, the first rows, the badges and the name cards."""

import io

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from pypdf import PdfReader

from invitations import protocol
from invitations.models import Guest, GuestCategory, InvitationStatus
from invitations.namecards import name_cards_pdf
from programme.models import SessionKind
from registrations.models import RegistrationStatus
from tests.factories import (
    GuestFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    publish,
)

pytestmark = pytest.mark.django_db

# (speaker's name, guest's precedence), in the order of the agenda's line-up.
OPENING = [("Мюриел Берсе Коен", 2), ("Камелия Димитрова", 3), ("Красимир Ципов", 1)]


def opening_with_guests(event):
    session = SessionFactory(
        event=event, kind=SessionKind.OPENING, title_bg="Откриване"
    )
    for order, (name, precedence) in enumerate(OPENING):
        speaker = SpeakerFactory(name_bg=name, name_en=name, order=10 + order)
        SessionSpeakerFactory(session=session, speaker=speaker, order=order)
        GuestFactory(
            event=event,
            first_name=name.split()[0],
            last_name=name.split()[-1],
            speaker=speaker,
            precedence=precedence,
            category=GuestCategory.SPEAKER,
        )
    publish(event)
    return session


def positions(page: str, names) -> list[int]:
    return [page.index(name) for name in names]


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_opening_speakers_follow_the_protocol_order_on_public_pages(
    client, event, language
):
    session = opening_with_guests(event)

    protocol.apply_protocol_order(event=event)

    in_order = ["Красимир Ципов", "Мюриел Берсе Коен", "Камелия Димитрова"]
    speakers = client.get(f"/{language}/speakers/").content.decode()
    assert positions(speakers, in_order) == sorted(positions(speakers, in_order))
    detail = client.get(session.get_absolute_url()).content.decode()
    assert positions(detail, in_order) == sorted(positions(detail, in_order))


def test_reordering_in_the_admin_reorders_the_public_pages(
    organiser_client, client, event
):
    opening_with_guests(event)
    by_name = {guest.last_name: guest.pk for guest in Guest.objects.all()}
    order = [by_name["Димитрова"], by_name["Ципов"], by_name["Коен"]]

    response = organiser_client.post(
        "/bg/admin/invitations/guest/protocol-order/",
        {"guest": order, "save": "1"},
        follow=True,
    )

    assert "Протоколният ред на 3 гости е запазен." in response.content.decode()
    assert [guest.pk for guest in Guest.objects.in_protocol_order()] == order
    page = client.get("/bg/speakers/").content.decode()
    names = ["Камелия Димитрова", "Красимир Ципов", "Мюриел Берсе Коен"]
    assert positions(page, names) == sorted(positions(page, names))


def test_the_arrows_move_a_guest_without_javascript(organiser_client, event):
    first, second, third = (
        GuestFactory(event=event, precedence=rank) for rank in (1, 2, 3)
    )

    organiser_client.post(
        "/en/admin/invitations/guest/protocol-order/",
        {"guest": [first.pk, second.pk, third.pk], "move": f"up:{third.pk}"},
    )

    assert list(Guest.objects.in_protocol_order()) == [first, third, second]


def test_odd_input_to_the_protocol_order_changes_nothing(organiser_client, event):
    guest = GuestFactory(event=event, precedence=4)

    response = organiser_client.post(
        "/en/admin/invitations/guest/protocol-order/",
        {"guest": ["abc", "²"], "move": "up:x"},
    )

    assert response.status_code == 302
    guest.refresh_from_db()
    assert guest.precedence == 4


def accepted(event, name, precedence, *, reserved_seat=True):
    first, last = name.split()
    return GuestFactory(
        event=event,
        first_name=first,
        last_name=last,
        precedence=precedence,
        reserved_seat=reserved_seat,
        status=InvitationStatus.ACCEPTED,
        registration=RegistrationFactory(
            event=event,
            first_name=first,
            last_name=last,
            status=RegistrationStatus.CONFIRMED,
            quota="reserved",
        ),
    )


def test_the_first_rows_list_the_accepted_with_a_seat_there_in_order(
    organiser_client, event
):
    accepted(event, "Камелия Димитрова", 3)
    accepted(event, "Красимир Ципов", 1)
    accepted(event, "Иван Иванов", 2, reserved_seat=False)
    GuestFactory(event=event, reserved_seat=True, status=InvitationStatus.SENT)

    page = organiser_client.get("/bg/admin/invitations/guest/first-rows/")

    assert list(page.context["guests"]) == list(protocol.first_rows(event))
    text = page.content.decode()
    assert "Иван Иванов" not in text
    assert text.index("Красимир Ципов") < text.index("Камелия Димитрова")


def test_badges_carry_position_and_institution_in_both_languages(
    organiser_client, event
):
    later = accepted(event, "Камелия Димитрова", 2)
    first = accepted(event, "Красимир Ципов", 1)

    page = organiser_client.post(
        "/bg/admin/invitations/guest/",
        {"action": "print_badges", ACTION_CHECKBOX_NAME: [later.pk, first.pk]},
    ).content.decode()

    assert page.index("Красимир Ципов") < page.index("Камелия Димитрова")
    assert "заместник-министър, Министерство на вътрешните работи" in page
    assert "Deputy Minister, Ministry of the Interior" in page
    assert "Официален гост" in page and "Official guest" in page
    assert page.count('class="badge-qr"') == 2


def test_name_cards_come_one_to_a_page_in_protocol_order(organiser_client, event):
    later = accepted(event, "Камелия Димитрова", 2)
    first = accepted(event, "Красимир Ципов", 1)

    response = organiser_client.post(
        "/bg/admin/invitations/guest/",
        {"action": "print_name_cards", ACTION_CHECKBOX_NAME: [later.pk, first.pk]},
    )

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2
    texts = [page.extract_text() for page in reader.pages]
    assert "Красимир Ципов" in texts[0]
    assert "Камелия Димитрова" in texts[1]
    # Both faces of the tent carry the name, with the position in both languages.
    assert texts[0].count("Красимир Ципов") == 2
    assert "заместник-министър" in texts[0]
    assert "Deputy Minister" in texts[0]
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(float(width)) == 842 and round(float(height)) == 595  # A4 across


def test_a_long_name_and_position_still_fit_the_card(event):
    guest = GuestFactory(
        event=event,
        first_name="Александра-Мария",
        last_name="Константинова-Петрова",
        position_bg="главен секретар " * 8,
    )

    pdf = name_cards_pdf([guest])

    assert PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
