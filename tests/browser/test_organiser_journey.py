"""Organisers at work: the agenda changed in the admin, an attendee checked in."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from playwright.sync_api import expect

from conference.models import Event
from registrations.models import RegistrationStatus, TokenPurpose
from tests.browser.conftest import (
    PHONE,
    axe_violations,
    log_in,
    other_language,
    save_screenshot,
    translated,
)
from tests.factories import RegistrationFactory, UserFactory
from tests.registrations.conftest import make_token

NEW_TITLES = {
    "bg": ("Дискусия на експертите за бъдещето", "Experts discuss the future"),
    "en": ("Експертите обсъждат бъдещето", "An expert discussion on the future"),
}


def agenda_entry(page, title):
    return page.locator(".agenda-session").filter(
        has=page.get_by_role("heading", name=title)
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_organiser_changes_a_session_and_the_public_agenda_follows(
    new_page, site_content, organiser, language
):
    session = Event.objects.current().sessions.get(slug="expert-discussion")
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "16:00"
    with translation.override(language):
        listed_title = session.title
    title_bg, title_en = NEW_TITLES[language]
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")

    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)
    page.get_by_role("link", name=translated(language, "sessions").capitalize()).click()
    page.get_by_role("link", name=listed_title, exact=True).click()
    page.locator("#id_title_bg").fill(title_bg)
    page.locator("#id_title_en").fill(title_en)
    page.locator("#id_start_time").fill("16:05")
    page.locator("#id_duration").fill("35")
    page.locator("input[name=_save]").click()

    expect(page.locator(".messagelist .success")).to_contain_text(
        title_bg if language == "bg" else title_en
    )
    assert not organiser.is_superuser
    # The draft reaches the public when the organiser publishes it.
    page.get_by_role("link", name=translated(language, "Publish the agenda")).click()
    page.locator("#id_changelog").fill("16:05–16:40")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success").first).to_contain_text("2")

    for shown, hidden, agenda_language in [
        (title_bg, title_en, "bg"),
        (title_en, title_bg, "en"),
    ]:
        page.goto(f"/{agenda_language}/agenda/")
        entry = agenda_entry(page, shown)
        expect(entry.locator(".session-time")).to_have_text("16:05–16:40")
        expect(page.get_by_text(hidden)).to_have_count(0)
        if agenda_language == other_language(language):
            continue
        save_screenshot(page, f"journey-organiser-{language}-agenda")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_desk_member_checks_an_attendee_in_from_the_ticket_on_a_phone(
    doors_open, new_page, language
):
    # The "Registration desk" group grants this same permission; the test gives
    # it directly so that it does not depend on how the group is put together.
    desk = UserFactory()
    desk.user_permissions.add(
        Permission.objects.get(
            codename="check_in_registration", content_type__app_label="registrations"
        )
    )
    attendee = RegistrationFactory(
        event=Event.objects.current(),
        status=RegistrationStatus.CONFIRMED,
        first_name="Стоян",
        last_name="Христов",
        organisation="Агенция за социално подпомагане",
        language=language,
    )
    # The link the ticket's QR code carries (see the attendee's journey).
    token = make_token(attendee, TokenPurpose.CHECK_IN)
    check_in_path = f"/{language}/check-in/{token}/"
    page = new_page(viewport=PHONE)

    page.goto(check_in_path)
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
    log_in(page, desk, language)

    expect(page).to_have_url(re.compile(re.escape(check_in_path) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Стоян Христов")
    expect(page.locator(".desk-facts")).to_contain_text(
        "Агенция за социално подпомагане"
    )
    assert axe_violations(page) == ""
    save_screenshot(page, f"journey-desk-{language}-check-in-360")
    page.get_by_role("button", name=translated(language, "Check in")).click()

    expect(page.locator(".desk-messages")).to_contain_text(
        translated(language, "%(name)s is checked in.") % {"name": "Стоян Христов"}
    )
    attendee.refresh_from_db()
    assert attendee.checked_in_at is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The same QR code scanned again.
    page.goto(check_in_path)
    checked_in_at = timezone.localtime(attendee.checked_in_at).strftime("%H:%M")
    expect(page.locator(".desk-notice-title")).to_have_text(
        translated(language, "Already checked in at %(checked_in_time)s.")
        % {"checked_in_time": checked_in_at}
    )
    expect(
        page.get_by_role("button", name=translated(language, "Check in"))
    ).to_have_count(0)
    save_screenshot(page, f"journey-desk-{language}-already-checked-in-360")
