import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from conference.models import RegistrationState
from registrations import exceptions, retention, services
from registrations.models import (
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    RegistrationToken,
    TokenPurpose,
)
from registrations.outbox import send_queued_emails
from tests.factories import (
    EventFactory,
    OutgoingEmailFactory,
    RegistrationFactory,
    RegistrationTokenFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def in_english(refusal) -> str:
    with translation.override("en"):
        return refusal.message


def details(**overrides):
    values = {
        "first_name": "Ана-Мария",
        "last_name": "О'Нийл",
        "email": "Ana.Maria@Example.org",
        "organisation": "Министерство на вътрешните работи",
        "position": "Експерт",
        "country": "България",
        "organisation_type": "government",
        "phone": "",
        "language": "bg",
        "needs_interpretation": True,
        "accessibility_requirements": "",
        "dietary_requirements": "вегетарианска храна",
    }
    return values | overrides


def test_register_attendee_saves_pending_registration_and_queues_confirmation(event):
    outcome = services.register_attendee(event=event, details=details())

    registration = outcome.registration
    assert outcome.created
    assert registration.status == RegistrationStatus.PENDING
    assert registration.consent_given_at is not None
    assert registration.privacy_notice_version
    email = OutgoingEmail.objects.get(registration=registration)
    assert email.kind == EmailKind.CONFIRM_ADDRESS
    assert email.recipient == "Ana.Maria@Example.org"
    # The link is issued when the worker sends the e-mail, not before.
    assert not registration.tokens.exists()
    send_queued_emails()
    assert registration.tokens.filter(purpose=TokenPurpose.MANAGE).count() == 1


def test_register_attendee_known_address_sends_existing_link_not_a_second_registration(
    event,
):
    first = services.register_attendee(event=event, details=details()).registration
    services.confirm_registration(registration=first)
    OutgoingEmail.objects.all().delete()

    outcome = services.register_attendee(
        event=event, details=details(email="  ANA.MARIA@example.ORG ")
    )

    assert not outcome.created
    assert outcome.registration == first
    assert Registration.objects.count() == 1
    assert OutgoingEmail.objects.get().kind == EmailKind.ALREADY_REGISTERED


def test_register_attendee_pending_address_gets_its_confirmation_link_again(event):
    first = services.register_attendee(event=event, details=details()).registration
    later = timezone.now() + datetime.timedelta(hours=1)

    services.register_attendee(event=event, details=details(), now=later)

    kinds = list(
        OutgoingEmail.objects.filter(registration=first).values_list("kind", flat=True)
    )
    assert kinds == [EmailKind.CONFIRM_ADDRESS, EmailKind.CONFIRM_ADDRESS]
    send_queued_emails()
    assert first.tokens.count() == 2  # the first link still works


def test_register_attendee_double_submit_creates_one_registration_and_one_email(event):
    services.register_attendee(event=event, details=details())
    services.register_attendee(event=event, details=details())

    assert Registration.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


def test_register_attendee_refused_when_registration_is_closed(event):
    event.registration_enabled = False
    event.save()

    with pytest.raises(exceptions.NotAllowed) as closed:
        services.register_attendee(event=event, details=details())

    assert closed.value.decision.phase.registration == RegistrationState.SWITCHED_OFF
    assert in_english(closed.value) == "Registration is closed."
    assert Registration.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_register_attendee_after_cancelling_may_register_again(event):
    first = services.register_attendee(event=event, details=details()).registration
    services.cancel_registration(registration=first)

    outcome = services.register_attendee(event=event, details=details())

    assert outcome.created
    assert Registration.objects.count() == 2


def test_database_refuses_two_active_registrations_differing_only_in_case(event):
    RegistrationFactory(event=event, email="a@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, email="A@EXAMPLE.ORG")


def test_confirm_registration_allocates_seat_and_queues_ticket(event):
    registration = RegistrationFactory(event=event)

    result = services.confirm_registration(registration=registration)

    assert result.status == RegistrationStatus.CONFIRMED
    assert result.confirmed_at is not None
    email = OutgoingEmail.objects.get(registration=registration)
    assert email.kind == EmailKind.TICKET
    send_queued_emails()
    assert registration.tokens.filter(purpose=TokenPurpose.CHECK_IN).count() == 1


def test_confirm_registration_waitlists_in_order_when_full():
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    first, second = RegistrationFactory(event=event), RegistrationFactory(event=event)

    services.confirm_registration(registration=first)
    services.confirm_registration(registration=second)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == RegistrationStatus.WAITLISTED
    assert (first.waitlist_position, second.waitlist_position) == (1, 2)
    assert OutgoingEmail.objects.filter(kind=EmailKind.WAITLISTED).count() == 2


def test_confirm_registration_twice_changes_nothing(event):
    registration = RegistrationFactory(event=event)
    services.confirm_registration(registration=registration)
    confirmed_at = Registration.objects.get().confirmed_at

    services.confirm_registration(registration=registration)

    assert Registration.objects.get().confirmed_at == confirmed_at
    assert OutgoingEmail.objects.count() == 1


def test_confirm_registration_after_deadline_expires_instead(event):
    registration = RegistrationFactory(event=event)
    late = timezone.now() + datetime.timedelta(hours=49)

    result = services.confirm_registration(registration=registration, now=late)

    assert result.status == RegistrationStatus.EXPIRED
    assert result.email == ""
    assert Registration.objects.confirmed().count() == 0


def test_cancel_confirmed_registration_promotes_first_waitlisted_and_emails_them():
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    first = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, waitlisted_at=earlier
    )
    second = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    services.cancel_registration(registration=seated)

    seated.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert first.status == RegistrationStatus.CONFIRMED
    assert first.promoted_at is not None
    assert second.status == RegistrationStatus.WAITLISTED
    assert second.waitlist_position == 1
    assert OutgoingEmail.objects.get(registration=first).kind == EmailKind.PROMOTED
    assert OutgoingEmail.objects.get(registration=seated).kind == EmailKind.CANCELLED


def test_cancel_rolls_back_entirely_when_promotion_fails(event, monkeypatch):
    event.capacity = 1
    event.save()
    seated = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    def broken(*args, **kwargs):
        raise RuntimeError("template missing")

    monkeypatch.setattr(services, "queue_email", broken)
    with pytest.raises(RuntimeError):
        services.cancel_registration(registration=seated)

    assert Registration.objects.confirmed().get() == seated
    assert Registration.objects.waitlisted().count() == 1


def test_leave_waiting_list_moves_the_others_up():
    event = EventFactory(capacity=0)
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    first = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, waitlisted_at=earlier
    )
    second = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    services.leave_waiting_list(registration=first)

    first.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert second.waitlist_position == 1
    assert (
        OutgoingEmail.objects.get(registration=first).kind
        == EmailKind.LEFT_WAITING_LIST
    )


def test_leave_waiting_list_refuses_a_confirmed_registration(event):
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)

    with pytest.raises(exceptions.NotAllowed) as refused:
        services.leave_waiting_list(registration=registration)

    assert in_english(refused.value) == "This registration is not on the waiting list."
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_update_registration_details_changes_only_editable_fields(event):
    registration = RegistrationFactory(event=event, email="keep@example.org")

    services.update_registration_details(
        registration=registration,
        details={"phone": "+359 2 123 4567", "email": "other@example.org"},
    )

    registration.refresh_from_db()
    assert registration.phone == "+359 2 123 4567"
    assert registration.email == "keep@example.org"


def test_check_in_registration_once_then_says_when(on_the_day):
    registration = RegistrationFactory(
        event=on_the_day, status=RegistrationStatus.CONFIRMED
    )
    staff = UserFactory()

    services.check_in_registration(registration=registration, by=staff)
    with pytest.raises(exceptions.NotAllowed) as again:
        services.check_in_registration(registration=registration, by=staff)

    registration.refresh_from_db()
    assert registration.checked_in_by == staff
    assert again.value.decision.already
    assert in_english(again.value) == "Already checked in at 10:00."


@pytest.mark.parametrize(
    "status", [RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED]
)
def test_check_in_registration_refuses_without_a_seat(on_the_day, status):
    registration = RegistrationFactory(event=on_the_day, status=status)

    with pytest.raises(exceptions.NotAllowed) as refused:
        services.check_in_registration(registration=registration, by=UserFactory())

    assert in_english(refused.value).startswith("Do not admit")
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_expire_unconfirmed_registrations_after_the_configured_hours(event, settings):
    settings.REGISTRATION_CONFIRMATION_HOURS = 48
    stale = RegistrationFactory(event=event)
    Registration.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    fresh = RegistrationFactory(event=event)
    confirmed = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    Registration.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=5)
    )

    assert retention.expire_unconfirmed_registrations() == 1

    stale.refresh_from_db()
    assert stale.status == RegistrationStatus.EXPIRED
    assert stale.email == stale.first_name == ""
    assert Registration.objects.get(pk=fresh.pk).status == RegistrationStatus.PENDING
    assert (
        Registration.objects.get(pk=confirmed.pk).status == RegistrationStatus.CONFIRMED
    )


def test_anonymise_registrations_erases_personal_data_and_keeps_counts(settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    old_event = EventFactory(
        date=timezone.localdate() - datetime.timedelta(days=31), is_current=False
    )
    recent_event = EventFactory(date=timezone.localdate() - datetime.timedelta(days=10))
    old = RegistrationFactory(
        event=old_event,
        status=RegistrationStatus.CANCELLED,
        cancelled_at=timezone.now() - datetime.timedelta(days=40),
        phone="+359 888 123 456",
        dietary_requirements="без глутен",
    )
    # It has an e-mail and a link, like every registration.
    RegistrationTokenFactory(registration=old)
    OutgoingEmailFactory(registration=old)
    recent = RegistrationFactory(event=recent_event)

    assert retention.anonymise_registrations() == 1

    old.refresh_from_db()
    assert old.anonymised_at is not None
    for field in retention.PERSONAL_FIELDS:
        assert getattr(old, field) == ""
    assert old.status == RegistrationStatus.CANCELLED
    assert old.country == "България"
    assert not RegistrationToken.objects.filter(registration=old).exists()
    assert not OutgoingEmail.objects.filter(registration=old).exists()
    assert Registration.objects.get(pk=recent.pk).email
    assert retention.anonymise_registrations() == 0


def test_registering_sends_nothing_itself_the_mail_worker_does(event):
    services.register_attendee(event=event, details=details())
    assert mail.outbox == []

    send_queued_emails()

    assert len(mail.outbox) == 1


def test_rolled_back_registration_sends_nothing(event):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.register_attendee(event=event, details=details())
        raise RuntimeError("something later failed")

    send_queued_emails()
    assert mail.outbox == []
    assert Registration.objects.count() == 0
