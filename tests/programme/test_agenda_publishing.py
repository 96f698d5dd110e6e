import datetime

import icalendar
import pytest

from programme.models import AgendaVersion
from programme.services import publish_agenda
from registrations.emails import render_email
from registrations.models import EmailKind, OutgoingEmail, RegistrationStatus
from tests.factories import RegistrationFactory, RoomFactory, SessionFactory, at


def agenda_emails():
    return OutgoingEmail.objects.filter(kind=EmailKind.AGENDA_CHANGED)


@pytest.fixture
def day(day_event):
    opening = SessionFactory(
        event=day_event,
        slug="opening",
        title_en="Opening",
        title_bg="Откриване",
        starts_at=at(day_event, 9),
        ends_at=at(day_event, 10),
        room=RoomFactory(event=day_event, name_bg="Зала 1", name_en="Hall 1"),
    )
    panel = SessionFactory(
        event=day_event,
        slug="panel",
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    return day_event, opening, panel


@pytest.mark.django_db
def test_publishing_notifies_exactly_the_confirmed_attendees_once(day):
    event, opening, _panel = day
    confirmed_bg = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="bg"
    )
    confirmed_en = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, language="en"
    )
    RegistrationFactory(event=event, status=RegistrationStatus.PENDING)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    publish_agenda(event=event, changelog="First version")
    assert not agenda_emails().exists()

    opening.starts_at += datetime.timedelta(minutes=30)
    opening.ends_at += datetime.timedelta(minutes=30)
    opening.save()
    version = publish_agenda(event=event, changelog="Opening at 09:30")

    emails = {email.registration_id: email for email in agenda_emails()}
    assert set(emails) == {confirmed_bg.pk, confirmed_en.pk}
    assert version.notified_count == 2
    assert "Промяна в програмата" in emails[confirmed_bg.pk].subject
    # As the mail worker renders them, after a later draft edit.
    text = {pk: render_email(email).body_text for pk, email in emails.items()}
    assert "09:00–10:00" in text[confirmed_en.pk]
    assert "09:30–10:30" in text[confirmed_en.pk]
    assert "Opening" in text[confirmed_en.pk]
    assert "Откриване" in text[confirmed_bg.pk]

    publish_agenda(event=event, changelog="Nothing moved")
    assert agenda_emails().count() == 2
    assert AgendaVersion.objects.filter(event=event).count() == 3


@pytest.mark.django_db
def test_room_change_is_a_change_and_a_new_session_is_not(day):
    event, opening, _panel = day
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED, language="en")
    publish_agenda(event=event)

    SessionFactory(
        event=event, starts_at=at(event, 12), ends_at=at(event, 13), slug="new"
    )
    publish_agenda(event=event)
    assert not agenda_emails().exists()

    opening.room = RoomFactory(event=event, name_bg="Зала 2", name_en="Hall 2")
    opening.save()
    publish_agenda(event=event)
    texts = {
        email.registration.language: render_email(email).body_text
        for email in agenda_emails().select_related("registration")
    }
    assert "09:00–10:00, Зала 1" in texts["bg"]
    assert "09:00–10:00, Зала 2" in texts["bg"]
    assert "09:00–10:00, Hall 1" in texts["en"]
    assert "09:00–10:00, Hall 2" in texts["en"]
    assert "Hall" not in texts["bg"]

    opening.room.name_bg = "Голяма зала"
    opening.room.save()
    publish_agenda(event=event)
    assert agenda_emails().count() == 2  # a renamed room is not a move


@pytest.mark.django_db
def test_public_sees_only_the_published_times_and_staff_see_the_draft(
    client, admin_client, day
):
    event, opening, _panel = day
    assert client.get("/en/agenda/opening/").status_code == 404
    publish_agenda(event=event)

    opening.starts_at = at(event, 14)
    opening.ends_at = at(event, 15)
    opening.save()

    public = client.get("/en/agenda/").content.decode()
    draft = admin_client.get("/en/agenda/draft/").content.decode()
    assert "09:00–10:00" in public
    assert "14:00–15:00" not in public
    assert "14:00–15:00" in draft
    assert client.get("/en/agenda/draft/").status_code == 302
    # The calendar file and the data hold the published times: not offered
    # beside the draft.
    assert "/en/agenda.ics" in public
    assert "/en/agenda.ics" not in draft
    assert "schedule.json" not in draft


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_session_added_after_publication_stays_private_until_the_next(
    client, admin_client, day, language
):
    event, _opening, _panel = day
    publish_agenda(event=event)
    SessionFactory(
        event=event,
        slug="late-addition",
        title_bg="Добавена по-късно",
        title_en="Added later",
        starts_at=at(event, 16),
        ends_at=at(event, 17),
    )

    assert client.get(f"/{language}/agenda/late-addition/").status_code == 404
    assert client.get(f"/{language}/agenda/late-addition.ics").status_code == 404
    public = client.get(f"/{language}/agenda/").content.decode()
    assert "Added later" not in public and "Добавена по-късно" not in public
    draft = admin_client.get(f"/{language}/agenda/draft/").content.decode()
    assert ("Добавена по-късно" if language == "bg" else "Added later") in draft

    publish_agenda(event=event)
    page = client.get(f"/{language}/agenda/late-addition/").content.decode()
    assert ("Добавена по-късно" if language == "bg" else "Added later") in page


@pytest.mark.django_db
def test_calendar_files_carry_a_rising_sequence(client, day):
    event, opening, _panel = day
    assert client.get("/en/agenda/opening.ics").status_code == 404

    publish_agenda(event=event)
    first = icalendar.Calendar.from_ical(client.get("/en/agenda/opening.ics").content)
    opening.starts_at = at(event, 9, 15)
    opening.save()
    publish_agenda(event=event)
    second = icalendar.Calendar.from_ical(client.get("/en/agenda/opening.ics").content)

    [before] = first.walk("VEVENT")
    [after] = second.walk("VEVENT")
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART").hour == 9
    assert after.decoded("DTSTART").minute == 15


@pytest.mark.django_db
def test_before_the_first_publication_the_agenda_lists_the_announced_topics(
    client, real_content
):
    html = client.get("/en/agenda/").content.decode()

    assert "Researchers’ analyses and mapping" in html
    assert "The detailed agenda will be published here." in html
    assert "Krasimir Tsipov" in html  # the confirmed opening
    assert "Coffee break" not in html
    assert "16:00" not in html


@pytest.mark.django_db
def test_organiser_publishes_the_agenda_in_the_admin(client, organiser, day):
    event, _opening, _panel = day
    client.force_login(organiser)

    page = client.get("/en/admin/programme/session/").content.decode()
    form = client.get("/en/admin/programme/agendaversion/add/").content.decode()
    response = client.post(
        "/en/admin/programme/agendaversion/add/",
        {"event": event.pk, "changelog": "First version"},
        follow=True,
    )

    assert "Preview the draft" in page and "Publish the agenda" in page
    assert 'name="_save"' in form
    assert 'name="_addanother"' not in form and 'name="_continue"' not in form
    version = AgendaVersion.objects.get()
    assert (version.number, version.changelog) == (1, "First version")
    assert version.published_by == organiser
    assert "Version 1 of the agenda is published." in response.content.decode()
    assert client.get("/en/agenda/opening/").status_code == 200


@pytest.mark.parametrize(
    ("language", "publish", "save"),
    [("bg", "Публикуване", "Запазване"), ("en", "Publish", "Save")],
)
@pytest.mark.django_db
def test_the_publish_form_says_publish_and_the_preview_leads_back_and_on(
    organiser_client, day, language, publish, save
):
    page = organiser_client.get(
        f"/{language}/admin/programme/agendaversion/add/"
    ).content.decode()

    assert f'value="{publish}"' in page
    assert f'value="{save}"' not in page

    preview = organiser_client.get(f"/{language}/agenda/draft/").content.decode()
    assert f'href="/{language}/admin/programme/agendaversion/add/"' in preview
    assert f'href="/{language}/admin/programme/session/grid/"' in preview
    assert f'href="/{language}/admin/"' in preview


@pytest.mark.django_db
def test_the_change_email_attaches_the_changed_sessions_with_a_raised_sequence(
    client, day
):
    event, opening, _panel = day
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    publish_agenda(event=event, changelog="First version")
    first = icalendar.Calendar.from_ical(client.get("/en/agenda/opening.ics").content)
    [before] = first.walk("VEVENT")

    opening.starts_at = at(event, 9, 30)
    opening.ends_at = at(event, 10, 30)
    opening.save()
    publish_agenda(event=event, changelog="Opening at 09:30")

    [email] = agenda_emails()
    rendered = render_email(email)
    [(name, content, content_type)] = rendered.message.attachments
    assert (name, content_type) == (f"{event.slug}.ics", "text/calendar")
    entries = {
        str(entry["uid"]): entry
        for entry in icalendar.Calendar.from_ical(content).walk("VEVENT")
    }
    # The conference as the ticket gave it, and the session that changed,
    # at its new time, replacing the entry imported before.
    changed = entries[str(before["uid"])]
    assert int(changed["sequence"]) > int(before["sequence"])
    assert changed.decoded("dtstart").strftime("%H:%M") == "09:30"
    assert changed.decoded("dtend").strftime("%H:%M") == "10:30"
    assert f"{event.slug}@conference" in entries
    assert len(entries) == 2  # the panel did not change
