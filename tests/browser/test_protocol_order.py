"""Protocol order in a real browser: an organiser drags a guest to the top
with the mouse and saves, and the guests' badges, printed to PDF as the
browser prints them, come in that order."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conference.models import Event, RegistrationMode
from invitations import services
from invitations.models import Guest, InvitationStatus
from tests.browser.conftest import log_in
from tests.factories import GuestFactory

NAMES = [("Елена", "Петрова"), ("Anna", "Keller"), ("Иван", "Георгиев")]


@pytest.fixture
def three_guests(site_content):
    """Three guests in protocol order 1, 2, 3, who have all accepted."""
    event = Event.objects.current()
    Event.objects.filter(pk=event.pk).update(
        registration_mode=RegistrationMode.MIXED, reserved_seats=10
    )
    event.refresh_from_db()
    guests = [
        GuestFactory(
            event=event,
            first_name=first,
            last_name=last,
            precedence=number,
            status=InvitationStatus.SENT,
        )
        for number, (first, last) in enumerate(NAMES, start=1)
    ]
    for guest in guests:
        services.accept_invitation(guest=guest, answers={})
    return guests


def protocol_order() -> list[str]:
    return [guest.last_name for guest in Guest.objects.in_protocol_order()]


@pytest.mark.parametrize("language", ["bg", "en"])
def test_dragging_a_guest_to_the_top_reorders_the_badges(
    new_page, three_guests, organiser, language
):
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/invitations/guest/protocol-order/")
    log_in(page, organiser, language)
    rows = page.locator("li[data-guest]")
    expect(rows.first).to_contain_text("Елена Петрова")

    rows.filter(has_text="Иван Георгиев").drag_to(rows.first)

    expect(rows.first).to_contain_text("Иван Георгиев")
    expect(rows.first.locator("[data-rank]")).to_have_text("1")
    assert protocol_order() == ["Петрова", "Keller", "Георгиев"]  # not saved yet
    page.locator("input[name=save]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert protocol_order() == ["Георгиев", "Петрова", "Keller"]

    # The badges of all three, printed as the organiser's browser prints.
    page.goto(f"/{language}/admin/invitations/guest/")
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option("print_badges")
    page.locator("button[name=index]").click()
    expect(page.locator(".badge")).to_have_count(3)
    page.emulate_media(media="print")
    text = " ".join(
        sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf())).pages
    )
    places = [text.index(f"{first} {last}") for first, last in NAMES]
    assert places[2] < places[0] < places[1], text
