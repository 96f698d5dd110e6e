"""Every admin screen an organiser, a desk member and a superuser reach, in
both languages: no word of the other language (in the visible text and the
accessible names, with the filters, the calendar, the clock and the
group picker open), axe-core with all its rules finds nothing, and every
list fits a 1366 px laptop without scrolling sideways.

Each screen is loaded once and all the checks read it. axe reads each
screen in one of the two languages, which take turns (`axe_in`): the two
languages' screens are the same markup, and axe's rules read the markup,
while the words, which differ, are read in both. That halves the walks'
longest check.
"""

import datetime
import re
import time

import pytest
import time_machine
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import capfirst
from playwright.sync_api import expect

from conference.models import Event
from registrations.models import Announcement, Audience, RegistrationStatus
from tests.browser.admin_screens import (
    Screen,
    _admin_path,
    after_event_screens,
    context,
    data_words,
    foreign_words,
    model_screens,
    page_words,
    staff_page_screens,
)
from tests.browser.conftest import axe_violations, log_in, translated
from tests.browser.test_admin_fit import LAPTOP, every_organiser_list, fit
from tests.factories import RegistrationFactory, UserFactory

OPEN_DETAILS = "document.querySelectorAll('details').forEach(d => d.open = true)"


def signed_in_page(new_page, user, language):
    page = new_page(viewport=LAPTOP, locale="bg-BG" if language == "bg" else "en-GB")
    page.goto(f"/{language}/admin/login/")
    log_in(page, user, language)
    return page


def screens_of(user) -> list[Screen]:
    request = RequestFactory().get("/")
    request.user = user
    return model_screens(request) + staff_page_screens(user)


def axe_in(language: str, index: int) -> bool:
    """Whether the walk's `index`th screen is axe's in `language`: Bulgarian
    takes the even ones, English the odd."""
    return index % 2 == (0 if language == "bg" else 1)


def read_screen(
    page, screen, language, allowed, *, axe: bool = True
) -> tuple[dict[str, object], int]:
    """What is wrong on the screen: the other language's words (read with
    its widgets opened one at a time), axe's violations (when `axe`), our
    own links under 24 px, and for a list what does not fit; and how many
    of our own links it measured."""
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
        "axe": axe_violations(page, every_rule=True) if axe else "",
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


@pytest.mark.long
@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_admin_screen_speaks_its_language_and_passes_axe(
    new_page, site_content, organiser, desk, language
):
    started = time.monotonic()
    # The attendee's e-mails (data the outbox shows) are in the page's language.
    every_organiser_list(Event.objects.current(), language=language)
    invitation_rows(Event.objects.current())
    superuser = UserFactory(username="superuser", is_superuser=True)
    walks = [
        (organiser, screens_of(organiser)),
        (desk, screens_of(desk)),
        (superuser, [s for s in screens_of(superuser) if "/auth/" in s.path]),
    ]
    allowed = data_words(language)
    problems, walked, targets, axed = {}, {"list": 0, "form": 0, "page": 0}, 0, 0

    for user, screens in walks:
        page = signed_in_page(new_page, user, language)
        for screen in screens:
            axe = axe_in(language, sum(walked.values()))
            found, measured = read_screen(page, screen, language, allowed, axe=axe)
            if found:
                problems[f"{user.username} {screen.url(language)}"] = found
            walked[screen.kind] += 1
            targets += measured
            axed += axe

    print(
        f"Walked {sum(walked.values())} admin screens in /{language}/ "
        f"({walked['list']} lists, {walked['form']} forms; axe on {axed}; "
        f"{targets} of our own links measured) in "
        f"{time.monotonic() - started:.0f} s."
    )
    assert problems == {}
    assert walked["list"] >= 15
    assert walked["form"] >= 20
    assert axed >= sum(walked.values()) // 2
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
    # The search box it opens, where the name is typed, is named too.
    search = page.locator(".select2-container--open .select2-search__field")
    expect(search).to_be_focused()
    expect(search).to_have_accessible_name(name["speaker"])
    page.keyboard.type("камелия")
    page.locator(".select2-results__option--highlighted").click()
    chosen = page.get_by_role("combobox", name=re.compile(rf"^{name['speaker']} \S"))
    expect(chosen).to_have_count(1)


def invitation_rows(event) -> None:
    """A guest invited, one not yet, and a journalist waiting for a decision,
    so that the invitations' lists, forms and pages show rows."""
    from invitations.models import InvitationStatus
    from tests.factories import GuestFactory, PressAccreditationFactory

    GuestFactory(event=event, status=InvitationStatus.SENT, precedence=1)
    GuestFactory(event=event, last_name="Ципова", precedence=2)
    PressAccreditationFactory(event=event)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_after_the_event_every_screen_speaks_its_language_and_passes_axe(
    new_page, site_content, organiser, language
):
    """The evening of the conference: the after-event pages with their
    previews and lists of who gets what, the record of what was done, a
    message to those who did not come and its confirmation."""
    event = Event.objects.current()
    evening = datetime.datetime.combine(
        event.date, event.end_time, tzinfo=timezone.get_default_timezone()
    ) + datetime.timedelta(hours=1)
    with time_machine.travel(evening, tick=True):
        for index, checked_in in enumerate([True, True, False]):
            RegistrationFactory(
                event=event,
                first_name="Мария",
                last_name=f"Петрова{'абв'[index]}",
                language=language,
                status=RegistrationStatus.CONFIRMED,
                confirmed_at=timezone.now(),
                checked_in_at=timezone.now() if checked_in else None,
            )
        Announcement.objects.create(
            event=event,
            audience=Audience.NOT_ATTENDED,
            subject_bg="Материалите от конференцията",
            subject_en="The record of the conference",
            body_bg="Материалите са на сайта.",
            body_en="The record is on the website.",
        )
        allowed = data_words(language)
        page = signed_in_page(new_page, organiser, language)
        screens = [
            *after_event_screens(organiser),
            Screen(_admin_path("archive_aftereventrecord_changelist"), kind="list"),
            Screen(_admin_path("registrations_announcement_changelist"), kind="list"),
            Screen(_admin_path("registrations_announcement_add"), kind="form"),
        ]
        problems = {}
        for screen in screens:
            found, _targets = read_screen(page, screen, language, allowed)
            if found:
                problems[screen.url(language)] = found

        # The follow-up page names who gets it and who does not.
        page.goto(after_event_screens(organiser)[0].url(language))
        expect(page.locator("main, #content").first).to_contain_text("Петроваа")
        expect(page.locator("main, #content").first).to_contain_text("Петровав")
        # Sent: the record's list says by whom.
        page.get_by_role(
            "button", name=translated(language, "Send the follow-up e-mail")
        ).click()
        expect(page.locator("#result_list")).to_contain_text(organiser.username)
        records = Screen(_admin_path("archive_aftereventrecord_changelist"))
        found, _targets = read_screen(page, records, language, allowed)
        if found:
            problems["after the follow-up"] = found

        # The message to those who did not come, and its confirmation page.
        page.goto(f"/{language}{_admin_path('registrations_announcement_changelist')}")
        page.locator("input.action-select").first.check()
        page.locator("select[name=action]").select_option("send_announcements")
        page.locator("button[name=index], input[name=index]").first.click()
        subject = {"bg": "Материалите от конференцията", "en": "The record of"}
        expect(page.locator("#content")).to_contain_text(subject[language])
        found = {
            "words": foreign_words(page_words(page, language), language, allowed),
            "axe": axe_violations(page, every_rule=True),
        }
        if any(found.values()):
            problems["the message's confirmation"] = found

    print(f"Walked {len(screens) + 2} after-event screens in /{language}/.")
    assert problems == {}


def confirmed_actions(user) -> list[tuple[str, str]]:
    """(list path, action) of every action that asks before it acts — ours
    (`confirm_first`, or the guests' `_ask_then_run` around it) and Django's
    delete — on each list the user views."""
    import inspect

    from django.contrib import admin

    request = RequestFactory().get("/")
    request.user = user
    found = []
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        path = _admin_path(f"{opts.app_label}_{opts.model_name}_changelist")
        for name, action in model_admin.get_actions(request).items():
            source = inspect.getsource(action.func)
            asks = ("confirm_first(", "_ask_then_run(")
            if name == "delete_selected" or any(call in source for call in asks):
                found.append((path, name))
    return found


@pytest.mark.long
@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_actions_confirmation_speaks_its_language_and_passes_axe(
    new_page, site_content, organiser, language
):
    event = Event.objects.current()
    every_organiser_list(event, language=language)
    invitation_rows(event)
    allowed = data_words(language)
    page = signed_in_page(new_page, organiser, language)
    problems, asked, axed = {}, 0, 0

    for index, (path, action) in enumerate(confirmed_actions(organiser)):
        page.goto(f"/{language}{path}")
        rows = page.locator("#result_list input.action-select")
        if not rows.count():
            continue
        rows.first.check()
        page.locator("select[name=action]").select_option(action)
        page.locator("button[name=index]").click()
        page.wait_for_load_state()
        axe = axe_in(language, index)
        found = {
            "words": foreign_words(page_words(page, language), language, allowed),
            "axe": axe_violations(page, every_rule=True) if axe else "",
        }
        axed += axe
        if any(found.values()):
            problems[f"{path} {action}"] = found
        # A page of its own ("Are you sure?", Django's "Delete multiple
        # objects" or "Cannot delete"), not the list again.
        asked += page.locator("#result_list").count() == 0

    print(f"Read {asked} confirmations of actions in /{language}/ (axe on {axed}).")
    assert problems == {}
    assert asked >= 20
    assert axed >= asked // 2
