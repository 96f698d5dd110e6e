"""Every admin screen an organiser, a desk member and a superuser reach, in
both languages: no word of the other language (in the visible text and the
accessible names, with the filters, the calendar, the clock and the
group picker open), axe-core with all its rules finds nothing, and every
list fits a 1366 px laptop without scrolling sideways.

Each screen is loaded once and all the checks read it.
"""

import re
import time

import pytest
from django.test import RequestFactory
from django.utils.text import capfirst
from playwright.sync_api import expect

from conference.models import Event
from tests.browser.admin_screens import (
    Screen,
    context,
    data_words,
    foreign_words,
    model_screens,
    page_words,
    staff_page_screens,
)
from tests.browser.conftest import PASSWORD, axe_violations, translated
from tests.browser.test_admin_fit import LAPTOP, every_organiser_list, fit
from tests.factories import UserFactory

OPEN_DETAILS = "document.querySelectorAll('details').forEach(d => d.open = true)"


def signed_in_page(new_page, user, language):
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name=translated(language, "Log in")).click()
    return page


def screens_of(user) -> list[Screen]:
    request = RequestFactory().get("/")
    request.user = user
    return model_screens(request) + staff_page_screens(user)


def read_screen(page, screen, language, allowed) -> tuple[dict[str, object], int]:
    """What is wrong on the screen: the other language's words (read with
    its widgets opened one at a time), axe's violations, our own links
    under 24 px, and for a list what does not fit; and how many of our
    own links it measured."""
    page.goto(screen.url(language))
    page.evaluate(OPEN_DETAILS)
    texts = [page_words(page, language)]
    if screen.kind == "form":
        for opener in ("[id^=calendarlink]", "[id^=clocklink]"):
            button = page.locator(opener).first
            if button.count() and button.is_visible():
                button.click()
                texts.append(page_words(page, language))
                page.keyboard.press("Escape")
    text = "\n".join(texts)
    found = {
        "words": [
            f"{word} ({context(text, word)})"
            for word in foreign_words(text, language, allowed)
        ],
        "axe": axe_violations(page, every_rule=True),
    }
    targets, small = small_targets(page)
    if small:
        found["targets"] = small
    if screen.kind == "list":
        measured = fit(page)
        if (
            measured["tableOverflow"] > 0
            or measured["pageWidth"] > measured["viewport"]
        ):
            found["fit"] = measured
    return {problem: value for problem, value in found.items() if value}, targets


# Our own links that stand alone, one per line, whose size WCAG 2.5.8 asks
# for (axe's target-size rule also lets a small target pass by its spacing).
OWN_TARGETS = ".go-live-checklist li a, .agenda-links li a, .desk-links li a"


def small_targets(page) -> tuple[int, list[str]]:
    """How many of our own stand-alone links the page has, and those under
    24 × 24 px."""
    return page.evaluate(
        """(selector) => {
            const links = [...document.querySelectorAll(selector)];
            const small = links
                .map(link => [link, link.getBoundingClientRect()])
                .filter(([link, box]) => box.height < 24 || box.width < 24)
                .map(([link, box]) =>
                    `${link.textContent.trim()}: ${box.width}×${box.height}`);
            return [links.length, small];
        }""",
        OWN_TARGETS,
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_admin_screen_speaks_its_language_and_passes_axe(
    new_page, site_content, organiser, desk, language
):
    started = time.monotonic()
    # The attendee's e-mails (data the outbox shows) are in the page's language.
    every_organiser_list(Event.objects.current(), language=language)
    superuser = UserFactory(username="superuser", is_superuser=True)
    walks = [
        (organiser, screens_of(organiser)),
        (desk, screens_of(desk)),
        (superuser, [s for s in screens_of(superuser) if "/auth/" in s.path]),
    ]
    allowed = data_words(language)
    problems, walked, targets = {}, {"list": 0, "form": 0, "page": 0}, 0

    for user, screens in walks:
        page = signed_in_page(new_page, user, language)
        for screen in screens:
            found, measured = read_screen(page, screen, language, allowed)
            if found:
                problems[f"{user.username} {screen.url(language)}"] = found
            walked[screen.kind] += 1
            targets += measured

    print(
        f"Walked {sum(walked.values())} admin screens in /{language}/ "
        f"({walked['list']} lists, {walked['form']} forms; {targets} of our own "
        f"links measured) in "
        f"{time.monotonic() - started:.0f} s."
    )
    assert problems == {}
    assert walked["list"] >= 15
    assert walked["form"] >= 20
    # The checklist, the Agenda and the Registration desk boxes were measured.
    assert targets >= 3


@pytest.mark.parametrize("language", ["bg", "en"])
def test_session_form_names_the_slides_and_each_speaker_field(
    new_page, site_content, organiser, language
):
    page = signed_in_page(new_page, organiser, language)
    page.goto(f"/{language}/admin/programme/session/add/")
    name = {
        word: translated(language, word).capitalize()
        for word in ("speaker", "role", "order")
    }

    # Two empty rows of speakers: each field named as its column is headed.
    assert page.get_by_role("combobox", name=name["speaker"], exact=True).count() == 2
    assert page.get_by_role("combobox", name=name["role"], exact=True).count() == 2
    assert page.get_by_role("spinbutton", name=name["order"], exact=True).count() == 2
    slides = capfirst(translated(language, "slides (PDF)"))
    assert page.get_by_label(slides, exact=True).get_attribute("type") == "file"

    # Once a speaker is chosen (found in lower case), the box reads the
    # field and the person.
    speaker = page.get_by_role("combobox", name=name["speaker"], exact=True).first
    speaker.click()
    page.keyboard.type("камелия")
    page.locator(".select2-results__option--highlighted").click()
    chosen = page.get_by_role("combobox", name=re.compile(rf"^{name['speaker']} \S"))
    expect(chosen).to_have_count(1)
