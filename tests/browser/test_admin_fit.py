"""The registrations and sessions lists fit a 1366 × 768 laptop in both
languages: every column's header inside the viewport, no horizontal scroll.
Every other list is measured by the walk of every admin screen
(test_admin_walk.py)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conference.models import Event
from registrations.models import OrganisationType, RegistrationStatus
from tests.browser.conftest import WCAG_TAGS, log_in, save_screenshot
from tests.factories import RegistrationFactory

LAPTOP = {"width": 1366, "height": 768}
# Long values, as real ones are: the table must wrap them, not widen.
PEOPLE = [
    (
        "Мария-Магдалена",
        "Иванова-Стоянова",
        "Национална комисия за борба с трафика на хора (НКБТХ) към Министерския съвет",
    ),
    (
        "Georgi",
        "Petrov",
        "International Organization for Migration (IOM), Mission to Bulgaria",
    ),
    (
        "Елена",
        "Димитрова",
        "Община Бургас, Дирекция „Социални дейности и здравеопазване“",
    ),
]


def figures_violations(page) -> list[str]:
    """axe-core's WCAG violations inside the figures above the list (the
    rest of the page is Django's admin)."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    results = Axe().run(page, context=".desk-figures", options=options)
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results.response["violations"]
    ]


def fit(page) -> dict:
    return page.evaluate(
        """() => {
            const results = document.querySelector('#changelist .results');
            const headers = [...document.querySelectorAll('#result_list thead th')]
                .map(th => {
                    const box = th.getBoundingClientRect();
                    const text = th.innerText.trim();
                    return {text, left: box.left, right: box.right};
                });
            return {
                viewport: window.innerWidth,
                pageWidth: document.documentElement.scrollWidth,
                // A list with no rows has no table.
                tableOverflow: results ? results.scrollWidth - results.clientWidth : 0,
                headers,
            };
        }"""
    )


def assert_fits(page, expected_columns: int):
    measured = fit(page)
    outside = [
        header["text"]
        for header in measured["headers"]
        if header["left"] < 0 or header["right"] > measured["viewport"]
    ]
    assert outside == [], f"columns outside the viewport: {outside} ({measured})"
    assert measured["tableOverflow"] <= 0, measured
    assert measured["pageWidth"] <= measured["viewport"], measured
    # The checkbox column, then the listed columns.
    assert len(measured["headers"]) == expected_columns + 1


@pytest.mark.parametrize("language", ["bg", "en"])
def test_registrations_and_sessions_lists_fit_a_laptop(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    for index, (first, last, organisation) in enumerate(PEOPLE):
        registration = RegistrationFactory(
            event=event,
            first_name=first,
            last_name=last,
            organisation=organisation,
            organisation_type=OrganisationType.GOVERNMENT,
            status=RegistrationStatus.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        registration.__class__.objects.filter(pk=registration.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=index)
        )
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/")
    log_in(page, organiser, language)

    page.goto(f"/{language}/admin/registrations/registration/")
    expect(page.locator("#result_list")).to_contain_text("Иванова-Стоянова")
    assert_fits(page, 4)

    # A search in lower case finds the person, and its result count is on
    # the first screen: the figures are folded away until asked for.
    page.locator("#searchbar").fill("стоянова")
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    count = page.locator("#changelist-search .quiet")
    expect(count).to_contain_text({"bg": "1 резултат", "en": "1 result"}[language])
    assert count.bounding_box()["y"] + count.bounding_box()["height"] < 768
    expect(page.locator(".desk-figures svg[role=img]").first).to_be_hidden()
    page.locator(".desk-figures-details > summary").click()
    expect(page.locator(".desk-figures svg[role=img]").first).to_be_visible()
    # The figures (SVG charts, their tables) pass axe's WCAG 2.x A/AA rules.
    assert figures_violations(page) == []
    save_screenshot(page, f"admin-fit-{language}-registrations")

    page.goto(f"/{language}/admin/programme/session/")
    expect(page.locator("#result_list")).to_contain_text("09:")
    assert_fits(page, 4)
    save_screenshot(page, f"admin-fit-{language}-sessions")


def every_organiser_list(event, language="bg"):
    """A row in each list an organiser opens, the longest values we expect;
    the attendee speaks `language` (their e-mails are in it)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from archive.models import (
        AfterEventKind,
        AfterEventRecord,
        Certificate,
        DaySummary,
        Feedback,
        Photo,
    )
    from conference.images import sanitise_image
    from registrations import services
    from registrations.models import CheckInUndo
    from tests.conference.test_images import picture_bytes
    from tests.factories import AnnouncementFactory, ExportLogFactory

    registration = RegistrationFactory(
        event=event,
        email="maria.ivanova-stoyanova@nccthb.government.bg",
        organisation=PEOPLE[0][2],
        language=language,
    )
    services.confirm_registration(registration=registration)
    Certificate.objects.create(registration=registration)
    CheckInUndo.objects.create(
        registration=registration,
        checked_in_at=timezone.now(),
        undone_at=timezone.now(),
        reason="Отбелязана по погрешка вместо съименница от същата организация, "
        "която пристигна по-късно с делегацията на Министерството",
    )
    AfterEventRecord.objects.create(
        event=event, kind=AfterEventKind.FOLLOW_UP, done_at=timezone.now(), count=120
    )
    Feedback.objects.create(
        event=event, rating=5, comments="Много полезна дискусия за закрилата."
    )
    DaySummary.objects.create(event=event, text_bg="Обобщение", text_en="Summary")
    AnnouncementFactory(event=event)
    ExportLogFactory(columns=["last_name", "first_name", "email", "organisation"])
    photo = Photo(
        event=event, alt_text_bg="Залата", alt_text_en="The hall", is_published=True
    )
    image = sanitise_image(
        SimpleUploadedFile("hall.jpg", picture_bytes("JPEG", size=(300, 200)))
    )
    photo.image.save(image.name, image)
