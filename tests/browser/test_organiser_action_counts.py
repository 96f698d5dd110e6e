"""The rest of the event's life, counted: a Bulgarian organiser (the Organisers
group, not a superuser) on a 1366 × 768 laptop does each task from the
admin's home page, and each is counted in actions as the organisers' guide
counts them (tests/browser/actions.py; the table “The rest of the event's
life” in docs/organisers.md, under “The day grid”). Rooms, speakers and the
day on the grid are counted in test_grid_building.py.

Each task has its bound: the test fails if the interface grows heavier.
"""

import datetime

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from archive.models import AfterEventKind, AfterEventRecord, Certificate
from conference.models import Event
from programme.models import AgendaVersion
from registrations.models import EmailKind, OutgoingEmail, RegistrationStatus
from tests.browser.actions import Actions
from tests.browser.conftest import log_in, translated
from tests.browser.test_grid_building import LAPTOP, local_times
from tests.browser.test_organiser_journey import agenda_entry
from tests.factories import RegistrationFactory

# The most actions (as the guide counts them) each task may take.
BOUNDS = {
    "checklist": 3,
    "preview and publish": 4,
    "change a session's time": 6,
    "confirm from the waiting list": 6,
    "check in at the desk": 3,
    "follow-up and certificates": 5,
}


def bg(message):
    return translated("bg", message)


def at(day, hour):
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_default_timezone()
    )


def admin_home(page, organiser):
    """The admin's home page, signing in again when the clock has moved past
    the session's end (not counted: each task starts here)."""
    page.goto("/bg/admin/")
    if page.locator("#id_username").count():
        log_in(page, organiser, "bg")
    expect(page.locator("#go-live-checklist")).to_be_visible()


def test_a_bulgarian_organiser_runs_the_event_in_counted_actions(
    new_page, site_content, organiser
):
    assert not organiser.is_superuser
    event = Event.objects.current()
    Event.objects.filter(pk=event.pk).update(map_url="")
    session = event.sessions.get(slug="expert-discussion")
    attendee = RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name="Стоян",
        last_name="Христов",
    )
    waiting = RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        first_name="Елена",
        last_name="Петрова",
    )
    page = new_page(viewport=LAPTOP, locale="bg-BG")
    counts = {}

    # (1) The checklist, on the home page: follow its link and fix the item.
    admin_home(page, organiser)
    act = counts["checklist"] = Actions()
    act(
        lambda: (
            page.locator("#go-live-checklist")
            .get_by_role("link", name=bg("Add a map link to the venue."))
            .click()
        )
    )
    act(lambda: page.locator("#id_map_url").fill("https://www.openstreetmap.org/"))
    act(lambda: page.locator("input[name=_save]").click())
    # Saving from a checklist link comes back to the checklist, done.
    expect(page.locator("#go-live-checklist")).to_be_visible()
    expect(page.locator("#go-live-checklist")).not_to_contain_text(
        bg("Add a map link to the venue.")
    )
    assert Event.objects.get(pk=event.pk).map_url == "https://www.openstreetmap.org/"

    # (2) A draft change (the session moved by five minutes), previewed as the
    # public will see it, then published.
    five = datetime.timedelta(minutes=5)
    session.starts_at += five
    session.ends_at += five
    session.save(update_fields=["starts_at", "ends_at"])
    admin_home(page, organiser)
    act = counts["preview and publish"] = Actions()
    act(lambda: page.get_by_role("link", name=bg("Build the day on the grid")).click())
    act(lambda: page.get_by_role("link", name=bg("Preview the draft")).click())
    expect(
        agenda_entry(page, session.title_bg).locator(".session-time")
    ).to_contain_text("16:05")
    act(lambda: page.get_by_role("link", name=bg("Publish the agenda")).first.click())
    act(lambda: page.locator("input[name=_save]").click())
    expect(page.locator(".messagelist .success").first).to_be_visible()
    latest = AgendaVersion.objects.filter(event=event).order_by("-number").first()
    assert latest.number == 2
    assert (
        latest.sessions[str(session.pk)]["starts_at"] == session.starts_at.isoformat()
    )

    # (3) A published session moves by a quarter of an hour; publishing the
    # change queues the change e-mail to those confirmed.
    admin_home(page, organiser)
    act = counts["change a session's time"] = Actions()
    act(lambda: page.locator(".app-programme tr.model-session th a").click())
    act(lambda: page.get_by_role("link", name=session.title_bg, exact=True).click())
    act(lambda: page.locator("#id_start_time").fill("16:15"))
    act(lambda: page.locator("input[name=_save]").click())
    expect(page.locator(".messagelist .success")).to_contain_text(session.title_bg)
    act(lambda: page.get_by_role("link", name=bg("Publish the agenda")).first.click())
    act(lambda: page.locator("input[name=_save]").click())
    expect(page.locator(".messagelist .success").first).to_be_visible()
    session.refresh_from_db()
    assert local_times(session)[0] == "16:15"
    # One change e-mail for each publication that moved a session.
    assert (
        OutgoingEmail.objects.filter(
            registration=attendee, kind=EmailKind.AGENDA_CHANGED
        ).count()
        == 2
    )

    # (4) Found by a lower-case Bulgarian surname, confirmed from the waiting
    # list.
    admin_home(page, organiser)
    act = counts["confirm from the waiting list"] = Actions()
    act(lambda: page.locator(".app-registrations tr.model-registration th a").click())

    def search():
        page.locator("#searchbar").fill("петрова")
        page.locator("#searchbar").press("Enter")

    act(search)
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    act(lambda: page.locator("#result_list input.action-select").first.check())
    act(
        lambda: page.locator("select[name=action]").select_option(
            "confirm_from_waiting_list"
        )
    )
    act(lambda: page.locator("button[name=index]").click())
    act(
        lambda: page.locator(
            f"input[type=submit][value='{bg('Yes, confirm')}']"
        ).click()
    )
    expect(page.locator(".messagelist .success")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED

    # (5) On the day, at the door: found by name and checked in.
    with time_machine.travel(at(event.date, 10), tick=True):
        admin_home(page, organiser)
        act = counts["check in at the desk"] = Actions()
        act(lambda: page.get_by_role("link", name=bg("Check-in at the door")).click())

        def find():
            page.locator("#id_q").fill("Христов")
            page.locator("#id_q").press("Enter")

        act(find)
        act(
            lambda: page.get_by_role(
                "button", name=f"{bg('Check in')} Стоян Христов"
            ).click()
        )
        expect(page.locator(".desk-messages")).to_contain_text(
            bg("%(name)s is checked in.") % {"name": "Стоян Христов"}
        )
        attendee.refresh_from_db()
        assert attendee.checked_in_at is not None

    # (6) The day after: the certificates issued, then the follow-up e-mail
    # (which links to them) previewed and sent; each page first shows who
    # gets it. (The follow-up issues any certificate still missing, so after
    # it there would be none left to issue.)
    with time_machine.travel(at(event.date + datetime.timedelta(days=1), 10)):
        admin_home(page, organiser)
        act = counts["follow-up and certificates"] = Actions()
        act(lambda: page.locator(".app-archive tr.model-aftereventrecord th a").click())
        act(lambda: page.get_by_role("link", name=bg("Issue certificates")).click())
        expect(page.locator("body")).to_contain_text("Христов, Стоян")
        act(
            lambda: page.locator(
                f"input[type=submit][value='{bg('Issue certificates')}']"
            ).click()
        )
        expect(page.locator(".messagelist li").first).to_be_visible()
        act(
            lambda: page.get_by_role(
                "link", name=bg("Send the follow-up e-mail")
            ).click()
        )
        expect(page.locator("body")).to_contain_text("Христов, Стоян")
        act(
            lambda: page.locator(
                f"input[type=submit][value='{bg('Send the follow-up e-mail')}']"
            ).click()
        )
        expect(page.locator(".messagelist li").first).to_be_visible()
    assert OutgoingEmail.objects.filter(
        registration=attendee, kind=EmailKind.FOLLOW_UP
    ).exists()
    assert Certificate.objects.filter(registration=attendee).exists()
    assert set(
        AfterEventRecord.objects.filter(event=event, done_by=organiser).values_list(
            "kind", flat=True
        )
    ) == {AfterEventKind.FOLLOW_UP, AfterEventKind.CERTIFICATES}

    print("\nTask (from the admin's home page) | actions | one by one | bound")
    for task, act in counts.items():
        print(f"{task} | {act.count} | {act.primitives} | ≤ {BOUNDS[task]}")
    heavier = {
        task: act.count for task, act in counts.items() if act.count > BOUNDS[task]
    }
    assert heavier == {}
