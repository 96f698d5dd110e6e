"""An attendee registers, confirms from the e-mail, gets a ticket, changes, cancels.

The live server only queues e-mails; the test runs the mail worker
(`send_queued_emails`) where production's would, and the e-mails land in the
test's `mail.outbox`.
"""

import base64
import io
import re

import pytest
import zxingcpp
from django.core import mail
from django.utils import translation
from django.utils.translation import pgettext
from PIL import Image
from playwright.sync_api import expect

from registrations.models import Registration, RegistrationStatus
from registrations.outbox import send_queued_emails
from tests.browser.conftest import (
    PHONE,
    axe_violations,
    link_path,
    save_screenshot,
    translated,
)
from tests.factories import EventFactory

PEOPLE = {
    "bg": {"first_name": "Десислава", "last_name": "Петрова-Иванова"},
    "en": {"first_name": "Ivana", "last_name": "Dimitrova-O'Brien"},
}
DETAILS = {
    "bg": {"organisation": "Фондация „Анимус“", "position": "Социален работник"},
    "en": {"organisation": "La Strada International", "position": "Researcher"},
}


def error_text(page, field) -> str:
    """What assistive technology reads out with the field: its description."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    return " ".join(page.locator(f"[id='{id_}']").inner_text() for id_ in ids)


def fill_in_the_form(page, language, *, email):
    page.locator("#id_first_name").fill(PEOPLE[language]["first_name"])
    page.locator("#id_last_name").fill(PEOPLE[language]["last_name"])
    page.locator("#id_email").fill(email)
    page.locator("#id_organisation").fill(DETAILS[language]["organisation"])
    page.locator("#id_position").fill(DETAILS[language]["position"])
    page.locator("#id_organisation_type").select_option("ngo")
    page.locator("#id_country").fill("България" if language == "bg" else "Bulgaria")


def ticket_qr_code(page, message) -> str:
    """Show the ticket e-mail as a mail program would and read its QR code."""
    [(html, _type)] = message.alternatives
    for part in message.attachments:
        if getattr(part, "get_content_type", None) and part["Content-ID"]:
            cid = part["Content-ID"].strip("<>")
            data = base64.b64encode(part.get_content()).decode()
            html = html.replace(f"cid:{cid}", f"data:image/png;base64,{data}")
    page.set_content(html)
    qr = page.get_by_role("img")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    return code.text


@pytest.mark.parametrize("language", ["bg", "en"])
def test_attendee_registers_confirms_changes_and_cancels(
    new_page, site_content, language
):
    person = PEOPLE[language]
    email = f"{language}.attendee@example.org"
    page = new_page(viewport=PHONE, locale="bg-BG" if language == "bg" else "en-GB")

    # A first try with a mistyped address and no consent.
    page.goto(f"/{language}/register/")
    fill_in_the_form(page, language, email=email.replace("@", ""))
    page.get_by_role("button", name=submit_label(language)).click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        translated(language, "Please correct the following and send the form again:")
    )
    address = page.locator("#id_email")
    consent = page.locator("#id_consent")
    for field in (address, consent):
        expect(field).to_have_attribute("aria-invalid", "true")
    assert translated(language, "Enter a valid email address.") in error_text(
        page, address
    )
    assert translated(
        language, "To register, please consent to the processing of your data."
    ) in error_text(page, consent)
    expect(summary.get_by_role("link")).to_have_count(2)
    expect(page.locator("#id_first_name")).to_have_value(person["first_name"])
    expect(page.locator("#id_last_name")).to_have_value(person["last_name"])
    expect(address).to_have_value(email.replace("@", ""))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    save_screenshot(page, f"journey-attendee-{language}-errors-360")

    # The summary's links lead to the fields; corrected, the form goes through.
    summary.get_by_role("link").first.click()
    expect(address).to_be_focused()
    address.fill(email)
    consent.check()
    page.get_by_role("button", name=submit_label(language)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(language, "Check your inbox")
    )
    assert axe_violations(page) == ""
    registration = Registration.objects.get(email=email)
    assert registration.first_name == person["first_name"]
    assert registration.language == language

    # The confirmation link in the e-mail, then the confirm button.
    send_queued_emails()
    [confirmation] = mail.outbox
    assert confirmation.to == [email]
    page.goto(link_path(confirmation.body, r"/\w\w/registration/[\w-]+/confirm/"))
    assert axe_violations(page) == ""
    page.get_by_role(
        "button", name=translated(language, "Confirm my registration")
    ).click()
    expect(page.get_by_role("status")).to_contain_text(
        translated(
            language,
            "Your seat is confirmed. We have sent your ticket to your e-mail address.",
        )
    )
    manage_url = page.url
    assert axe_violations(page) == ""
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    # The ticket, with a QR code that a phone reads as the check-in link.
    send_queued_emails()
    ticket = mail.outbox[-1]
    assert ticket.to == [email]
    ticket_page = page.context.new_page()
    check_in_link = ticket_qr_code(ticket_page, ticket)
    assert re.fullmatch(rf"https?://[^/]+/{language}/check-in/[\w-]+/", check_in_link)
    expect(ticket_page.get_by_text(registration.full_name, exact=True)).to_be_visible()
    save_screenshot(ticket_page, f"journey-attendee-{language}-ticket-email")
    ticket_page.close()

    # Dietary needs changed on the manage page.
    needs = "вегетарианско меню" if language == "bg" else "vegetarian, no nuts"
    page.locator("#id_dietary_requirements").fill(needs)
    page.get_by_role("button", name=translated(language, "Save changes")).click()
    expect(page.get_by_role("status")).to_contain_text(
        translated(language, "Your changes have been saved.")
    )
    expect(page.locator(".stored-data")).to_contain_text(needs)
    registration.refresh_from_db()
    assert registration.dietary_requirements == needs

    # Cancelled, after a confirmation step.
    page.get_by_role(
        "link", name=translated(language, "Cancel my registration")
    ).click()
    assert axe_violations(page) == ""
    page.get_by_role(
        "button", name=translated(language, "Yes, cancel my registration")
    ).click()
    assert page.url == manage_url
    expect(page.get_by_role("status")).to_contain_text(
        translated(language, "Your registration has been cancelled.")
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    save_screenshot(page, f"journey-attendee-{language}-cancelled-360")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_registration_form_with_errors_has_no_accessibility_violations(
    new_page, transactional_db, language
):
    EventFactory()
    page = new_page()
    page.goto(f"/{language}/register/")
    page.get_by_role("button", name=submit_label(language)).click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()

    assert axe_violations(page) == ""
    # The problems are listed in the order of the fields on the page.
    links = summary.get_by_role("link")
    expect(links.first).to_have_attribute("href", "#id_first_name")
    expect(links.last).to_have_text(
        translated(
            language, "To register, please consent to the processing of your data."
        )
    )


def submit_label(language: str) -> str:
    with translation.override(language):
        return pgettext("submit button", "Register")
