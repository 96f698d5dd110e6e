"""conference.locks: a lock only inside a transaction, and a change that
waits too long for another one is told to try again, in its language."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.test import override_settings

from conference.locks import LockOutsideTransaction, lock_event
from programme.services import session_token
from registrations.models import Registration, RegistrationStatus, TokenPurpose
from tests.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.registrations.conftest import make_token


@pytest.mark.django_db(transaction=True)
def test_a_lock_outside_a_transaction_is_refused():
    event = EventFactory()

    with pytest.raises(LockOutsideTransaction, match=r"conference\.Event rows outside"):
        lock_event(event.pk)
    with transaction.atomic():
        assert lock_event(event.pk) == event


def hold_the_event_lock(event_id, *, locked, release):
    """In another connection: lock the event's row until `release` is set."""

    def hold():
        try:
            with transaction.atomic():
                lock_event(event_id)
                locked.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(timeout=10)
    return thread


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("bg", "Моля, опитайте отново след малко"),
        ("en", "Please try again in a moment"),
    ],
)
@override_settings(DATABASE_LOCK_TIMEOUT_SECONDS=0.2)
def test_a_change_kept_waiting_too_long_asks_to_try_again(client, language, text):
    registration = RegistrationFactory(status=RegistrationStatus.CONFIRMED)
    token = make_token(registration, TokenPurpose.MANAGE)
    locked, release = threading.Event(), threading.Event()
    holder = hold_the_event_lock(registration.event_id, locked=locked, release=release)
    try:
        response = client.post(f"/{language}/registration/{token}/cancel/")
    finally:
        release.set()
        holder.join(timeout=10)
        close_old_connections()

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert text in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert not Registration.objects.filter(status=RegistrationStatus.CANCELLED)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@override_settings(DATABASE_LOCK_TIMEOUT_SECONDS=0.2)
def test_a_move_on_the_day_grid_kept_waiting_says_so_in_the_admins_language(
    organiser_client,
):
    session = SessionFactory()
    before = (session.starts_at, session.ends_at)
    locked, release = threading.Event(), threading.Event()
    holder = hold_the_event_lock(session.event_id, locked=locked, release=release)
    try:
        response = organiser_client.post(
            "/bg/admin/programme/session/grid/move/",
            {
                "session": session.pk,
                "start": "14:00",
                "end": "14:45",
                "room": session.room_id,
                "token": session_token(session),
            },
            HTTP_ACCEPT="application/json",
        )
    finally:
        release.set()
        holder.join(timeout=10)
        close_old_connections()

    assert response.status_code == 503
    assert response.json()["message"] == (
        "В същия момент някой друг променяше същите данни. Нищо не е променено: "
        "моля, опитайте отново след малко."
    )
    session.refresh_from_db()
    assert (session.starts_at, session.ends_at) == before
