"""The invitations, as the organisers and a guest go through them in a real
browser: the organiser imports a guest list saved by Bulgarian Excel, sends
the invitations, a guest accepts in one click from the e-mail, another
declines naming a delegate, and the organiser sees the answers, orders the
guests by protocol and prints their badges and name cards.

Screenshots go to var/screenshots/: `invitations-<language>-<step>.png`
for each step, `guide-<language>-guests.png`/`-guest-import.png`, which
the organisers' guide shows, and `flow-<language>-<step>.png`, which
docs/invitations.md shows (`make guide-images` makes them small and copies
them to docs/img/).
"""

import io

import pypdfium2
import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from conference.models import Event, RegistrationMode
from invitations.models import Guest, InvitationStatus
from registrations.models import RegistrationStatus
from registrations.outbox import send_queued_emails
from tests.browser.conftest import (
    SCREENSHOTS,
    axe_violations,
    link_path,
    log_in,
    save_screenshot,
    screenshots_wanted,
    translated,
)

# A guest list as Excel with Bulgarian regional settings saves it as CSV:
# semicolons, Cyrillic, a byte-order mark, CRLF line ends.
GUEST_LIST = (
    "Име;Фамилия;Длъжност;Длъжност (EN);Институция;Институция (EN);Имейл;"
    "Език;Категория;Запазено място;Протоколен ред\r\n"
    "Елена;Петрова;заместник-министър;Deputy Minister;Министерство на "
    "вътрешните работи;Ministry of the Interior;petrova@example.org;"
    "български;официален гост;да;2\r\n"
    "Anna;Keller;ръководител на отдел;Head of Division;fedpol;fedpol;"
    "keller@example.org;English;говорител;да;1\r\n"
    "Иван;Георгиев;експерт;Expert;Община Бургас;Burgas Municipality;"
    "georgiev@example.org;bg;участник;не;\r\n"
)


def shoot(page, language, step, *, guide=None):
    save_screenshot(page, f"invitations-{language}-{step}")
    if guide:
        save_screenshot(page, f"guide-{language}-{guide}", full_page=False)


def flow(page_or_element, language, step):
    """A shot of the flow for docs/invitations.md: what is on the screen."""
    if not screenshots_wanted():
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"flow-{language}-{step}.png"
    if hasattr(page_or_element, "viewport_size"):
        page_or_element.screenshot(path=str(path), full_page=False)
    else:
        page_or_element.screenshot(path=str(path))


def choose_action(page, action, names):
    for name in names:
        page.locator("#result_list tr", has_text=name).locator(
            "input.action-select"
        ).check()
    page.locator("select[name=action]").select_option(action)
    page.locator("button[name=index]").click()


@pytest.mark.parametrize("language", ["bg", "en"])
def test_an_organiser_invites_and_a_guest_accepts_from_the_email(
    new_page, site_content, organiser, tmp_path, language
):
    event = Event.objects.current()
    Event.objects.filter(pk=event.pk).update(
        registration_mode=RegistrationMode.MIXED,
        reserved_seats=20,
        invitation_signature_bg="Секретар на Националната комисия",
        invitation_signature_en="Secretary of the National Commission",
    )
    guest_list = tmp_path / "гости.csv"
    guest_list.write_bytes(GUEST_LIST.encode("utf-8-sig"))
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")

    # 1. The import: the file, then the preview, then the guests.
    page.goto(f"/{language}/admin/invitations/guest/import/")
    log_in(page, organiser, language)
    page.locator("#id_file").set_input_files(guest_list)
    page.get_by_role("button", name=translated(language, "Show the preview")).click()
    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("Елена Петрова")
    expect(preview).to_contain_text("Anna Keller")
    assert not Guest.objects.exists()
    shoot(page, language, "1-import-preview", guide="guest-import")
    flow(page, language, "import-preview")
    page.locator("input[type=submit].default").click()
    expect(page.locator(".messagelist")).to_contain_text("3")
    assert Guest.objects.count() == 3
    expect(page.locator("#result_list")).to_contain_text("Anna Keller")
    flow(page, language, "guest-list")

    # 2. Sending, after the confirmation page.
    choose_action(page, "send_invitations", ["Петрова", "Keller", "Георгиев"])
    expect(page.locator(".desk-selected")).to_contain_text("Anna Keller")
    shoot(page, language, "2-send-confirm")
    page.get_by_role(
        "button", name=translated(language, "Yes, send the invitations")
    ).click()
    expect(page.locator(".messagelist")).to_contain_text(
        {"bg": "Изпратени са 3 покани.", "en": "3 invitations have been sent."}[
            language
        ]
    )
    send_queued_emails()  # the mail worker
    invitation = next(m for m in mail.outbox if "petrova@example.org" in m.to)
    assert invitation.subject.startswith("Покана – ")
    assert "Имаме удоволствието да Ви поканим" in invitation.body
    # The e-mail as the guest's mail program shows it (its HTML part).
    (html_part,) = [
        body for body, kind in invitation.alternatives if kind == "text/html"
    ]
    mail_page = new_page(locale="bg-BG")
    mail_page.set_content(html_part)
    expect(mail_page.locator("body")).to_contain_text("Имаме удоволствието")
    flow(mail_page, language, "invitation-email")

    # 3. The guest, in Bulgarian, accepts from the e-mail in one click and a
    # short form.
    guest_page = new_page(locale="bg-BG")
    guest_page.goto(link_path(invitation.body, r"/bg/invitation/[\w-]+/accept/"))
    expect(guest_page.locator("h1")).to_have_text("Приемам поканата")
    flow(guest_page, language, "accept")
    guest_page.locator("#id_dietary_requirements").fill("вегетарианско меню")
    guest_page.locator("#id_consent").check()
    shoot(guest_page, language, "3-guest-accepts")
    assert axe_violations(guest_page) == ""
    guest_page.get_by_role("button", name="Приемам поканата").click()
    expect(guest_page.locator("main")).to_contain_text(
        "Благодарим Ви, че приехте поканата."
    )
    shoot(guest_page, language, "4-guest-accepted")
    petrova = Guest.objects.get(email="petrova@example.org")
    assert petrova.status == InvitationStatus.ACCEPTED
    assert petrova.registration.status == RegistrationStatus.CONFIRMED

    # 4. Another, in English, declines and names a delegate.
    english = next(m for m in mail.outbox if "keller@example.org" in m.to)
    delegate_page = new_page(locale="en-GB")
    delegate_page.goto(link_path(english.body, r"/en/invitation/[\w-]+/decline/"))
    delegate_page.locator("#id_delegate_name").fill("Thomas Brunner")
    delegate_page.locator("#id_delegate_email").fill("brunner@example.org")
    assert axe_violations(delegate_page) == ""
    delegate_page.get_by_role("button", name="Send my answer").click()
    expect(delegate_page.locator("main")).to_contain_text(
        "You named Thomas Brunner to come in your place"
    )
    shoot(delegate_page, language, "5-guest-delegates")

    # 5. The answers at a glance, above the guest list: the counts, and the
    # charts folded away until asked for.
    page.goto(f"/{language}/admin/invitations/guest/")
    figures = page.locator(".desk-figures")
    expect(figures).to_contain_text(translated(language, "Reserved seats taken"))
    expect(figures.locator("svg[role=img]").first).to_be_hidden()
    figures.locator(".desk-figures-details > summary").click()
    expect(figures).to_contain_text(translated(language, "Reserved seats"))
    expect(figures.locator("svg[role=img]").first).to_be_visible()
    shoot(page, language, "6-answers", guide="guests")
    flow(figures, language, "answers")

    # 6. Protocol order, with the keyboard: Anna Keller (1) goes down below
    # Елена Петрова, then saved.
    page.goto(f"/{language}/admin/invitations/guest/protocol-order/")
    keller = page.locator("li[data-guest]", has_text="Anna Keller")
    keller.locator("[data-move=down]").focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(page.locator("li[data-guest]").first).to_contain_text("Елена Петрова")
    expect(page.locator("[data-protocol-status]")).to_contain_text("Anna Keller")
    shoot(page, language, "7-protocol-order")
    page.locator("input[name=save]").click()
    assert [guest.last_name for guest in Guest.objects.in_protocol_order()][:2] == [
        "Петрова",
        "Keller",
    ]

    # 7. Badges and name cards of those who accepted, in protocol order.
    page.goto(f"/{language}/admin/invitations/guest/")
    choose_action(page, "print_badges", ["Петрова"])
    badge = page.locator(".badge").first
    expect(badge).to_contain_text("Елена Петрова")
    expect(badge).to_contain_text("Deputy Minister, Ministry of the Interior")
    shoot(page, language, "8-badges")
    page.goto(f"/{language}/admin/invitations/guest/")
    for name in ("Петрова", "Георгиев"):
        page.locator("#result_list tr", has_text=name).locator(
            "input.action-select"
        ).check()
    page.locator("select[name=action]").select_option("print_name_cards")
    with page.expect_download() as download:
        page.locator("button[name=index]").click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    texts = [card.extract_text() for card in reader.pages]
    assert "Елена Петрова" in texts[0]
    assert "Иван Георгиев" in texts[1]
    # The first card as it prints, for docs/invitations.md.
    if screenshots_wanted():
        card = pypdfium2.PdfDocument(download.value.path().read_bytes())[0]
        picture = card.render(scale=1).to_pil()
        picture.save(SCREENSHOTS / f"flow-{language}-name-cards.png")
