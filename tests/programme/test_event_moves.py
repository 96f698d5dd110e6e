"""Moving the event to another date: the sessions and the published agenda
move with it, in one transaction, and confirmed attendees are told with an
updated calendar file."""

import datetime

import icalendar
import pytest
from django.utils import timezone, translation

from conference.models import Event
from conference.services import move_event, save_event
from conference.signals import event_moved
from programme.models import AgendaVersion
from programme.services import publish_agenda
from programme.warnings import agenda_warnings
from registrations.emails import render_email
from registrations.models import EmailKind, OutgoingEmail, RegistrationStatus
from tests.factories import RegistrationFactory, RoomFactory, SessionFactory, at

NEW_DAY = datetime.date(2027, 11, 4)  # after summer time ends (31 October)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def day(day_event):
    room = RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1")
    opening = SessionFactory(
        event=day_event,
        slug="opening",
        title_en="Opening",
        title_bg="Откриване",
        room=room,
        starts_at=at(day_event, 9, 30),
        ends_at=at(day_event, 10, 15),
    )
    coffee = SessionFactory(
        event=day_event,
        slug="coffee",
        kind="break",
        room=None,
        in_every_room=True,
        starts_at=at(day_event, 10, 15),
        ends_at=at(day_event, 10, 45),
    )
    return day_event, opening, coffee


@pytest.mark.django_db
def test_moving_the_event_keeps_every_session_at_its_hours_on_the_new_day(day):
    event, opening, coffee = day

    with translation.override("en"):
        saved = move_event(event=event, date=NEW_DAY)

    opening.refresh_from_db()
    coffee.refresh_from_db()
    assert local(opening.starts_at) == "2027-11-04 09:30"
    assert local(opening.ends_at) == "2027-11-04 10:15"
    assert local(coffee.starts_at) == "2027-11-04 10:15"
    event.refresh_from_db()
    assert event.date == NEW_DAY
    assert event.calendar_sequence == 1
    assert saved.previous_date == datetime.date(2027, 9, 20)
    # Nothing published yet: no version, nobody told, no warning left behind.
    assert not AgendaVersion.objects.filter(event=event).exists()
    with translation.override("en"):
        assert saved.reports == ["2 sessions moved with it to 4 November 2027."]
    assert agenda_warnings(event) == []


@pytest.mark.django_db
def test_moving_a_published_agenda_tells_confirmed_attendees_with_the_dates(day):
    event, opening, _coffee = day
    attendee_bg = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="bg"
    )
    attendee_en = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="en"
    )
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    publish_agenda(event=event, changelog="First version")
    # A draft edit not yet published stays a draft after the move.
    opening.ends_at = at(event, 10, 30)
    opening.save()

    with translation.override("en"):
        saved = move_event(event=event, date=NEW_DAY)

    version = AgendaVersion.objects.latest_for(event)
    assert version.number == 2
    assert version.changelog == (
        "The conference moved from 20 September 2027 to 4 November 2027."
    )
    published = version.sessions[str(opening.pk)]
    assert published["starts_at"].startswith("2027-11-04T09:30")
    assert published["ends_at"].startswith("2027-11-04T10:15")
    assert version.notified_count == 2
    assert saved.reports == [
        "2 sessions moved with it to 4 November 2027. The published agenda moved "
        "too (version 2): 2 confirmed attendees will be told."
    ]
    emails = {
        email.registration.language: email
        for email in OutgoingEmail.objects.filter(kind=EmailKind.AGENDA_CHANGED)
    }
    assert set(emails) == {"bg", "en"}
    # Told once: the agenda's e-mail says the new date.
    assert not OutgoingEmail.objects.filter(kind=EmailKind.EVENT_MOVED).exists()
    assert {emails["bg"].registration, emails["en"].registration} == {
        attendee_bg,
        attendee_en,
    }
    english = render_email(emails["en"])
    assert "The conference has been moved to a new date: 4 November 2027." in (
        english.body_text
    )
    assert "Previously: 20 September 2027, 09:30–10:15, Hall 1" in english.body_text
    assert "Now: 4 November 2027, 09:30–10:15, Hall 1" in english.body_text
    bulgarian = render_email(emails["bg"])
    assert (
        "Конференцията е преместена на нова дата – 4 ноември 2027 г., като "
        "сесиите запазват часовете си." in bulgarian.body_text
    )
    assert "20 септември 2027 г., 09:30–10:15" in bulgarian.body_text


@pytest.mark.django_db
def test_before_the_agenda_is_published_confirmed_attendees_are_told_the_date(
    day,
):
    event, _opening, _coffee = day
    attendee_bg = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="bg"
    )
    attendee_en = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="en"
    )
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)

    with translation.override("en"):
        saved = move_event(event=event, date=NEW_DAY)

    assert saved.reports == [
        "2 sessions moved with it to 4 November 2027.",
        "2 confirmed attendees will be told the new date.",
    ]
    emails = {
        email.registration: email
        for email in OutgoingEmail.objects.filter(kind=EmailKind.EVENT_MOVED)
    }
    assert set(emails) == {attendee_bg, attendee_en}
    assert OutgoingEmail.objects.count() == 2
    english = render_email(emails[attendee_en])
    assert "A new date for the conference" in emails[attendee_en].subject
    assert (
        "The conference has been moved to a new date, 4 November 2027. Your "
        "registration remains valid." in english.body_text
    )
    bulgarian = render_email(emails[attendee_bg])
    assert (
        "Конференцията е преместена на нова дата – 4 ноември 2027 г., като "
        "регистрацията Ви остава непроменена." in bulgarian.body_text
    )
    assert "20 септември" not in bulgarian.body_text
    [(name, content, _type)] = english.message.attachments
    assert name == f"{event.slug}.ics"
    [entry] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert entry["sequence"] == 1
    assert entry.decoded("dtstart").date() == NEW_DAY


@pytest.mark.django_db
def test_the_change_email_attaches_the_updated_calendar_file(day):
    event, _opening, _coffee = day
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    publish_agenda(event=event)

    move_event(event=event, date=NEW_DAY)

    email = OutgoingEmail.objects.get(kind=EmailKind.AGENDA_CHANGED)
    rendered = render_email(email)
    assert rendered.attachments == [
        {"filename": f"{event.slug}.ics", "content_type": "text/calendar"}
    ]
    [(_name, content, _type)] = rendered.message.attachments
    calendar = icalendar.Calendar.from_ical(content)
    entries = {str(entry["uid"]): entry for entry in calendar.walk("VEVENT")}
    conference = entries[f"{event.slug}@conference"]
    assert conference["sequence"] == 1
    assert conference.decoded("dtstart").date() == NEW_DAY
    sessions = [entry for uid, entry in entries.items() if uid.startswith("session-")]
    assert {entry["sequence"] for entry in sessions} == {2}
    assert {entry.decoded("dtstart").date() for entry in sessions} == {NEW_DAY}


@pytest.mark.django_db
def test_a_failed_move_leaves_the_event_and_its_sessions_where_they_were(day):
    event, opening, _coffee = day

    def refuse(sender, **kwargs):
        raise RuntimeError("a receiver failed")

    event_moved.connect(refuse, dispatch_uid="test-refuse")
    try:
        with pytest.raises(RuntimeError):
            move_event(event=event, date=NEW_DAY)
    finally:
        event_moved.disconnect(dispatch_uid="test-refuse")

    event.refresh_from_db()
    opening.refresh_from_db()
    assert event.date == datetime.date(2027, 9, 20)
    assert event.calendar_sequence == 0
    assert local(opening.starts_at) == "2027-09-20 09:30"


@pytest.mark.django_db
def test_confirming_the_times_raises_the_tickets_calendar_revision(day_event):
    day_event.times_are_provisional = True
    day_event.save()

    day_event.times_are_provisional = False
    save_event(event=day_event, changed_fields=["times_are_provisional"])
    save_event(event=day_event, changed_fields=["venue_name"])

    day_event.refresh_from_db()
    assert day_event.calendar_sequence == 1


@pytest.mark.django_db
def test_the_ticket_calendar_file_carries_the_revision(client, day_event):
    Event.objects.filter(pk=day_event.pk).update(calendar_sequence=3)

    calendar = icalendar.Calendar.from_ical(client.get("/en/conference.ics").content)

    [entry] = calendar.walk("VEVENT")
    assert entry["sequence"] == 3


@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.django_db
def test_organiser_changes_the_event_date_in_the_admin_and_the_day_follows(
    organiser_client, day, language
):
    event, opening, _coffee = day
    url = f"/{language}/admin/conference/event/{event.pk}/change/"
    form = organiser_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        {
            "date": "04.11.2027" if language == "bg" else "04/11/2027",
            "start_time": "09:00",
            "end_time": "17:00",
            "registration_opens_at_0": "",
            "registration_closes_at_0": "",
            "_save": "1",
        }
    )
    data = {key: value for key, value in data.items() if value is not False}

    response = organiser_client.post(url, data, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    event.refresh_from_db()
    assert event.date == NEW_DAY, messages
    opening.refresh_from_db()
    assert local(opening.starts_at) == "2027-11-04 09:30"
    expected = {
        "bg": "Датата на конференцията е променена на 4 ноември 2027 г. "
        "(досега: 20 септември 2027 г.). Заедно с нея на 4 ноември 2027 г. бяха "
        "преместени 2 сесии.",
        "en": "The conference will now take place on 4 November 2027 (previously "
        "20 September 2027). 2 sessions moved with it to 4 November 2027.",
    }[language]
    assert expected in messages


@pytest.mark.django_db
def test_confirming_the_times_in_the_admin_raises_the_tickets_calendar_revision(
    organiser_client, day_event, mailoutbox
):
    Event.objects.filter(pk=day_event.pk).update(times_are_provisional=True)
    registration = RegistrationFactory(
        event=day_event, status=RegistrationStatus.CONFIRMED, language="en"
    )
    before = icalendar.Calendar.from_ical(
        organiser_client.get("/en/conference.ics").content
    )
    url = f"/en/admin/conference/event/{day_event.pk}/change/"
    form = organiser_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        {
            "date": "20/09/2027",
            "start_time": "09:00",
            "end_time": "17:00",
            "registration_opens_at_0": "",
            "registration_closes_at_0": "",
            "_save": "1",
        }
    )
    # The box “times are provisional” left unticked: the times are confirmed.
    data = {
        key: value
        for key, value in data.items()
        if value is not False and key != "times_are_provisional"
    }

    response = organiser_client.post(url, data, follow=True)

    day_event.refresh_from_db()
    assert not day_event.times_are_provisional, response.content.decode()[:3000]
    [was] = before.walk("VEVENT")
    [now] = icalendar.Calendar.from_ical(
        organiser_client.get("/en/conference.ics").content
    ).walk("VEVENT")
    assert int(now["sequence"]) == int(was["sequence"]) + 1
    # The ticket sent again carries the same revision.
    email = OutgoingEmail.objects.create(
        registration=registration, kind=EmailKind.TICKET
    )
    attached = {
        part.get_filename(): part.get_payload(decode=True)
        for part in render_email(email).message.message().iter_attachments()
    }
    [entry] = icalendar.Calendar.from_ical(attached[f"{day_event.slug}.ics"]).walk(
        "VEVENT"
    )
    assert int(entry["sequence"]) == int(now["sequence"])
