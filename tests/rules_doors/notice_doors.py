"""Automatic reminders and agenda notices, and the organisers' messages."""

import datetime

from programme.services import publish_agenda
from registrations import rules
from registrations.models import (
    Announcement,
    Audience,
    EmailKind,
)
from registrations.rules import State
from tests.factories import (
    SessionFactory,
)
from tests.moments import DAY, sofia
from tests.rules_doors.cell import emails_of, run_command, text_of


def reminders_command(cell):
    run_command("send_reminders", "--days", "400")
    return emails_of(cell, EmailKind.REMINDER) > 0, None


def agenda_published(cell):
    session = SessionFactory(
        event=cell.event,
        starts_at=sofia(DAY, 9, 30),
        ends_at=sofia(DAY, 10, 30),
    )
    publish_agenda(event=cell.event)
    session.starts_at += datetime.timedelta(minutes=15)
    session.save()
    publish_agenda(event=cell.event)
    return emails_of(cell, EmailKind.AGENDA_CHANGED) > 0, None


AUDIENCES = {
    State.CHECKED_IN: Audience.ATTENDED,
    State.CONFIRMED: Audience.NOT_ATTENDED,
    State.WAITLISTED: Audience.WAITLISTED,
}


def message_admin(cell):
    audience = AUDIENCES.get(rules.state_of(cell.registration), Audience.CONFIRMED)
    announcement = Announcement.objects.create(
        event=cell.event,
        audience=audience,
        subject_bg="Тема",
        subject_en="Subject",
        body_bg="Текст",
        body_en="Text",
    )
    url = f"/{cell.language}/admin/registrations/announcement/"
    data = {"action": "send_announcements", "_selected_action": [announcement.pk]}
    response = cell.organiser.post(url, {**data, "confirmed": "yes"})
    return emails_of(cell, EmailKind.ANNOUNCEMENT) > 0, text_of(response)
