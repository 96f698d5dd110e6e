"""The organisers' guide, step by step, as an organiser sees it.

Each step checks what the guide says the organiser will see, and saves the
screenshot the guide shows (`guide-<language>-<step>.png`; `make guide-images`
copies them, made small, to docs/img/).
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conference.models import Event
from registrations.models import RegistrationStatus
from tests.browser.conftest import log_in, save_screenshot, translated
from tests.factories import RegistrationFactory

PEOPLE = [
    ("Мария", "Иванова", "Фондация „Асоциация Анимус“", RegistrationStatus.CONFIRMED),
    ("Georgi", "Petrov", "IOM Bulgaria", RegistrationStatus.CONFIRMED),
    ("Елена", "Димитрова", "Община Бургас", RegistrationStatus.WAITLISTED),
    ("Anna", "Keller", "fedpol", RegistrationStatus.PENDING),
]


def shoot(page, language, step):
    save_screenshot(page, f"guide-{language}-{step}", full_page=False)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_organisers_guide_steps(new_page, site_content, organiser, language):
    event = Event.objects.current()
    for first, last, organisation, status in PEOPLE:
        RegistrationFactory(
            event=event,
            first_name=first,
            last_name=last,
            organisation=organisation,
            status=status,
            confirmed_at=timezone.now()
            if status == RegistrationStatus.CONFIRMED
            else None,
        )
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")

    # 1. Sign in: the admin's home lists what an organiser may change.
    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)
    expect(page.locator("#registrations-registration")).to_contain_text(
        translated(language, "Registrations")
    )
    agenda = page.locator(".agenda-links")
    expect(agenda).to_contain_text(translated(language, "Day grid"))
    # The checklist of what is missing before going live comes first (the
    # guide explains it further on); the screenshot starts at the Agenda box,
    # with the desk's links and the lists below it.
    agenda.evaluate(
        "box => window.scrollTo(0, box.getBoundingClientRect().top"
        " + window.scrollY - 16)"
    )
    expect(agenda).to_be_in_viewport()
    shoot(page, language, "admin-home")

    # 2. The registrations, with the counts against the capacity above them.
    page.goto(f"/{language}/admin/registrations/registration/")
    for _first, last, organisation, _status in PEOPLE:
        expect(page.locator("#result_list")).to_contain_text(last)
        expect(page.locator("#result_list")).to_contain_text(organisation)
    shoot(page, language, "registrations")
    # The search ignores case and accents, and says how many it found.
    page.locator("#searchbar").fill("иванова")
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("Иванова")
    expect(page.locator("#changelist-search")).to_contain_text(
        {"bg": "1 резултат", "en": "1 result"}[language]
    )
    page.goto(f"/{language}/admin/registrations/registration/")

    # 3. An action asks first, naming the people it touches.
    page.locator("tr", has_text="Petrov").locator("input.action-select").check()
    page.locator("select[name=action]").select_option("check_in_registrations")
    page.locator("button[name=index]").click()
    expect(page.get_by_text("Georgi Petrov")).to_be_visible()
    shoot(page, language, "action-confirm")

    # 4. A message to attendees: written once in each language.
    page.goto(f"/{language}/admin/registrations/announcement/add/")
    expect(page.locator("#id_subject_bg")).to_be_visible()
    expect(page.locator("#id_subject_en")).to_be_visible()
    shoot(page, language, "message")

    # 5. The agenda: sessions in time order, with their speakers.
    page.goto(f"/{language}/admin/programme/session/")
    expect(page.locator("#result_list")).to_contain_text("09:")
    shoot(page, language, "sessions")
