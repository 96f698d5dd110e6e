import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from registrations import services
from registrations.models import (
    EmailKind,
    EmailStatus,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
)
from tests.factories import OutgoingEmailFactory, RegistrationFactory, UserFactory
from tests.language_checks import other_language_strings
from tests.registrations.conftest import CHANGELIST, event_form_data, run_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def test_registration_list_query_count_does_not_grow(
    admin_client, event, count_queries
):
    url = "/en/admin/registrations/registration/"
    RegistrationFactory(event=event)
    one = count_queries(admin_client, url)
    RegistrationFactory.create_batch(2, event=event)

    assert count_queries(admin_client, url) == one


def test_organisers_see_unsent_emails(admin_client, event):
    registration = RegistrationFactory(event=event, email="unsent@example.org")
    services.confirm_registration(registration=registration)  # queued, not sent

    response = admin_client.get("/en/admin/registrations/outgoingemail/?status=queued")

    assert "unsent@example.org" in response.content.decode()


def test_registration_admin_is_read_only(admin_client, event):
    registration = RegistrationFactory(event=event)

    response = admin_client.get(
        f"/en/admin/registrations/registration/{registration.pk}/change/"
    )

    assert response.status_code == 200
    assert 'name="email"' not in response.content.decode()
    assert (
        admin_client.get("/en/admin/registrations/registration/add/").status_code == 403
    )


def test_organisers_group_has_registration_permissions():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Organisers").permissions.values_list(
            "codename", flat=True
        )
    )

    assert {
        "view_registration",
        "view_outgoingemail",
        "check_in_registration",
    } <= codenames


# The organisers' desk ------------------------------------------------------


def confirmed(event, **fields):
    return RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, **fields
    )


def waitlisted(event, minutes_ago, **fields):
    return RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        **fields,
    )


def test_counts_by_status_against_capacity_above_the_list(
    organiser_client, event, language
):
    event.capacity = 3
    event.save()
    confirmed(event, checked_in_at=timezone.now())
    confirmed(event)
    waitlisted(event, 5)
    RegistrationFactory(event=event)

    response = organiser_client.get(CHANGELIST.format(language=language))

    html = response.content.decode()
    counts = re.search(r'<section class="desk-counts".*?</section>', html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", counts.group(0)).split())
    if language == "en":
        assert "Conference: 3 seats" in text
        assert "Confirmed 2 / 3" in text
        assert "Seats left 1" in text
        assert "On the waiting list 1" in text
        assert "Checked in 1" in text
    else:
        assert "Конференция: 3 места" in text
    assert other_language_strings(counts.group(0), language) == []


def test_registration_list_queries_do_not_grow_with_rows(
    organiser_client, event, count_queries
):
    url = "/en/admin/registrations/registration/"
    confirmed(event, checked_in_at=timezone.now())
    one = count_queries(organiser_client, url)
    for _ in range(2):
        confirmed(event, checked_in_at=timezone.now())

    assert count_queries(organiser_client, url) == one


def test_every_action_asks_first_and_changes_nothing_until_confirmed(
    organiser_client, event
):
    person = confirmed(event)
    for action in (
        "resend_last_email",
        "confirm_from_waiting_list",
        "cancel_registrations",
        "check_in_registrations",
    ):
        page = organiser_client.post(
            "/en/admin/registrations/registration/",
            {"action": action, "_selected_action": [person.pk], "index": 0},
        )

        html = page.content.decode()
        assert "Are you sure?" in html
        assert person.full_name in html
        assert 'name="confirmed" value="yes"' in html
    person.refresh_from_db()
    assert person.status == RegistrationStatus.CONFIRMED
    assert person.checked_in_at is None
    assert not OutgoingEmail.objects.exists()


def test_resend_last_email_sends_the_same_email_again(
    organiser_client, event, then_mail_worker
):
    person = RegistrationFactory(event=event, language="en")
    with then_mail_worker():
        services.confirm_registration(registration=person)
    original = OutgoingEmail.objects.get()
    mail.outbox.clear()

    with then_mail_worker():
        _page, done = run_action(organiser_client, "resend_last_email", [person])

    assert "1 e-mail has been sent again." in done.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == original.subject
    assert mail.outbox[0].to == [person.email]
    assert OutgoingEmail.objects.count() == 2


def test_confirm_from_waiting_list_respects_capacity_in_order(
    organiser_client, event, then_mail_worker
):
    event.capacity = 2
    event.save()
    confirmed(event)
    later = waitlisted(event, 1)
    first = waitlisted(event, 10)

    with then_mail_worker():
        _page, done = run_action(
            organiser_client, "confirm_from_waiting_list", [later, first]
        )

    html = done.content.decode()
    assert "1 person has been confirmed from the waiting list and e-mailed." in html
    assert "1 person got no seat: the conference is full." in html
    first.refresh_from_db()
    later.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert later.status == RegistrationStatus.WAITLISTED
    assert [message.to for message in mail.outbox] == [[first.email]]


def test_confirm_from_waiting_list_over_capacity_when_explicitly_asked(
    organiser_client, event, then_mail_worker
):
    event.capacity = 1
    event.save()
    confirmed(event)
    person = waitlisted(event, 3)

    page, _done = run_action(
        organiser_client,
        "confirm_from_waiting_list",
        [person],
        override_capacity="on",
    )

    assert 'name="override_capacity"' in page.content.decode()
    person.refresh_from_db()
    assert person.status == RegistrationStatus.CONFIRMED
    assert OutgoingEmail.objects.get().kind == EmailKind.PROMOTED


def test_cancel_action_promotes_the_next_waitlisted(
    organiser_client, event, then_mail_worker
):
    event.capacity = 1
    event.save()
    person = confirmed(event)
    second = waitlisted(event, 1)
    first = waitlisted(event, 9)

    with then_mail_worker():
        _page, done = run_action(organiser_client, "cancel_registrations", [person])

    assert "1 registration has been cancelled." in done.content.decode()
    person.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert person.status == RegistrationStatus.CANCELLED
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == RegistrationStatus.WAITLISTED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [person.email, first.email]
    )


def test_check_in_action_checks_in_confirmed_only(
    organiser_client, organiser, on_the_day
):
    person = confirmed(on_the_day)
    waiting = waitlisted(on_the_day, 1)

    _page, done = run_action(
        organiser_client, "check_in_registrations", [person, waiting], language="bg"
    )

    html = done.content.decode()
    assert "1 участник е отбелязан като пристигнал." in html
    assert (
        "1 остава без промяна: Не допускайте: регистрацията е със статус "
        "„В списъка на чакащите“ и няма място." in html
    )
    person.refresh_from_db()
    waiting.refresh_from_db()
    assert person.checked_in_by == organiser
    assert waiting.checked_in_at is None


def test_print_badges_action_renders_badges_of_the_confirmed(organiser_client, event):
    person = confirmed(event, first_name="Zoë", last_name="Smith")
    waiting = waitlisted(event, 1, first_name="Waiting", last_name="Person")

    response = organiser_client.post(
        "/en/admin/registrations/registration/",
        {
            "action": "print_badges",
            "_selected_action": [person.pk, waiting.pk],
            "index": 0,
        },
    )

    html = response.content.decode()
    assert html.count('class="badge"') == 1
    assert "Zoë" in html
    assert "Waiting" not in html


def test_retry_failed_emails_from_the_outbox(organiser_client, event, then_mail_worker):
    failed = OutgoingEmailFactory(
        registration=confirmed(event),
        status=EmailStatus.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected()",
    )
    sent = OutgoingEmailFactory(registration=confirmed(event), status=EmailStatus.SENT)

    listing = organiser_client.get("/en/admin/registrations/outgoingemail/")
    assert "1 e-mail could not be sent yet; it will be retried." in (
        listing.content.decode()
    )
    assert "SMTPServerDisconnected" in listing.content.decode()
    url = "/en/admin/registrations/outgoingemail/"
    selected = [failed.pk, sent.pk]
    page = organiser_client.post(
        url, {"action": "retry_sending", "_selected_action": selected, "index": 0}
    )
    assert "Are you sure?" in page.content.decode()
    with then_mail_worker():
        done = organiser_client.post(
            url,
            {
                "action": "retry_sending",
                "_selected_action": selected,
                "confirmed": "yes",
            },
            follow=True,
        )

    assert "1 e-mail is queued again" in done.content.decode()
    failed.refresh_from_db()
    assert failed.status == EmailStatus.SENT
    assert failed.attempts == 1
    assert len(mail.outbox) == 1


def test_raising_capacity_promotes_the_waiting_list_in_order(
    organiser_client, organiser, event, then_mail_worker
):
    event.capacity = 1
    event.save()
    confirmed(event)
    third = waitlisted(event, 1)
    first = waitlisted(event, 30)
    second = waitlisted(event, 20)
    data = event_form_data(event, organiser) | {"capacity": 3}

    with then_mail_worker():
        response = organiser_client.post(
            f"/en/admin/conference/event/{event.pk}/change/", data, follow=True
        )

    assert "2 people from the waiting list got a seat" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 3
    statuses = {
        registration: Registration.objects.get(pk=registration.pk).status
        for registration in (first, second, third)
    }
    assert statuses == {
        first: RegistrationStatus.CONFIRMED,
        second: RegistrationStatus.CONFIRMED,
        third: RegistrationStatus.WAITLISTED,
    }
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [first.email, second.email]
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "2 people already have a confirmed seat, so the capacity cannot"),
        ("bg", "2 души вече имат потвърдено място, затова капацитетът не може"),
    ],
)
def test_lowering_capacity_below_confirmed_is_refused(
    organiser_client, organiser, event, language, message
):
    event.capacity = 5
    event.save()
    confirmed(event)
    confirmed(event)
    data = event_form_data(event, organiser) | {"capacity": 1}

    response = organiser_client.post(
        f"/{language}/admin/conference/event/{event.pk}/change/", data
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 5


def test_lowering_capacity_to_the_confirmed_count_is_allowed(
    organiser_client, organiser, event
):
    event.capacity = 5
    event.save()
    confirmed(event)
    data = event_form_data(event, organiser) | {"capacity": 1}

    response = organiser_client.post(
        f"/en/admin/conference/event/{event.pk}/change/", data
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.capacity == 1
