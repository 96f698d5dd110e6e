"""Invitations by e-mail, and the guest's answer through the personal link:
accept, decline, name a delegate; withdrawal and reminders."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from invitations import services
from invitations.models import Guest, InvitationStatus
from registrations.models import (
    EmailKind,
    FormOfAddress,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    SeatQuota,
)
from registrations.outbox import send_queued_emails
from tests.factories import GuestFactory
from tests.invitations.conftest import accept_path, decline_path, last_mail_to

pytestmark = pytest.mark.django_db

ACCEPT_FORM = {
    "language": "bg",
    "needs_interpretation": "on",
    "accessibility_requirements": "",
    "dietary_requirements": "вегетарианско",
    "consent": "on",
}


def send(*guests):
    services.send_invitations(
        guests=Guest.objects.filter(pk__in=[guest.pk for guest in guests])
    )
    send_queued_emails()


def test_an_invitation_goes_in_the_guests_language_signed_as_organisers_set_it(
    event,
):
    bulgarian = GuestFactory(event=event, last_name="Ципов", language="bg")
    english = GuestFactory(
        event=event, first_name="Muriel", last_name="Kohen", language="en"
    )

    send(bulgarian, english)

    in_bulgarian = last_mail_to(bulgarian.email)
    assert in_bulgarian.subject == "Покана – Конференция"
    assert "Имаме удоволствието да Ви поканим да вземете участие в:" in (
        in_bulgarian.body
    )
    assert "Заключителна конференция" in in_bulgarian.body
    assert "С уважение,\nКамелия Димитрова\nСекретар на комисията" in (
        in_bulgarian.body
    )
    assert "/bg/invitation/" in in_bulgarian.body
    in_english = last_mail_to(english.email)
    assert in_english.subject == "Invitation – Conference"
    assert "We are pleased to invite you to take part in:" in in_english.body
    assert "Yours sincerely,\nKamelia Dimitrova" in in_english.body
    assert "/en/invitation/" in in_english.body
    html = in_english.alternatives[0].content
    assert "Accept the invitation</a>" in html
    assert Guest.objects.filter(status=InvitationStatus.SENT).count() == 2


@pytest.mark.parametrize(
    ("language", "form", "greeting"),
    [
        ("bg", FormOfAddress.MR, "Уважаеми г-н Ципов,"),
        ("en", FormOfAddress.MR, "Dear Mr Ципов,"),
        ("bg", FormOfAddress.PROF, "Уважаеми проф. Ципов,"),
    ],
)
def test_an_invitation_greets_the_guest_by_their_form_of_address(
    event, language, form, greeting
):
    guest = GuestFactory(
        event=event, last_name="Ципов", form_of_address=form, language=language
    )

    send(guest)

    assert last_mail_to(guest.email).body.startswith(greeting)


def test_a_guest_with_a_seat_in_the_first_rows_is_told_so(event):
    guest = GuestFactory(event=event, reserved_seat=True)

    send(guest)

    assert "За Вас е запазено място в първите редове." in last_mail_to(guest.email).body


def test_sending_twice_invites_once(event):
    guest = GuestFactory(event=event)

    send(guest)
    send(guest)

    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("language", "heading", "thanks"),
    [
        ("bg", "Приемам поканата", "Благодарим Ви, че приехте поканата."),
        ("en", "Accept the invitation", "Thank you for accepting the invitation."),
    ],
)
def test_a_guest_accepts_in_one_click_and_a_short_form(
    client, event, language, heading, thanks
):
    guest = GuestFactory(
        event=event,
        language=language,
        dietary_requirements="без глутен",
        needs_interpretation=True,
    )
    send(guest)
    path = accept_path(guest.email)

    page = client.get(path).content.decode()

    assert heading in page
    assert "без глутен" in page  # pre-filled from the guest list
    assert 'name="needs_interpretation" checked' in page or "checked" in page
    response = client.post(path, ACCEPT_FORM | {"language": language}, follow=True)
    assert thanks in response.content.decode()
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.ACCEPTED
    registration = guest.registration
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.quota == SeatQuota.RESERVED
    assert registration.organisation == (
        "Министерство на вътрешните работи"
        if language == "bg"
        else "Ministry of the Interior"
    )
    assert registration.dietary_requirements == "вегетарианско"
    send_queued_emails()
    ticket = last_mail_to(guest.email)
    assert OutgoingEmail.objects.filter(kind=EmailKind.TICKET).count() == 1
    assert ticket.attachments or ticket.alternatives


def test_accepting_needs_consent_and_says_so(client, event):
    guest = GuestFactory(event=event)
    send(guest)

    response = client.post(accept_path(guest.email), ACCEPT_FORM | {"consent": ""})

    assert "За да участвате, моля, дайте съгласие" in response.content.decode()
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.SENT


def test_accepting_twice_seats_once(client, event):
    guest = GuestFactory(event=event)
    send(guest)
    path = accept_path(guest.email)

    client.post(path, ACCEPT_FORM)
    client.post(path, ACCEPT_FORM)

    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "thanks"),
    [
        ("bg", "Благодарим Ви, че ни уведомихте."),
        ("en", "Thank you for letting us know."),
    ],
)
def test_a_guest_declines_and_names_a_delegate(client, event, language, thanks):
    guest = GuestFactory(event=event, language=language)
    send(guest)

    response = client.post(
        decline_path(guest.email),
        {"delegate_name": "Иван Иванов", "delegate_email": "ivan@example.org"},
        follow=True,
    )

    page = response.content.decode()
    assert thanks in page
    assert "Иван Иванов" in page
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.DELEGATED
    assert guest.delegate_email == "ivan@example.org"
    assert not Registration.objects.exists()


def test_a_delegate_needs_both_a_name_and_an_address(client, event):
    guest = GuestFactory(event=event)
    send(guest)

    response = client.post(decline_path(guest.email), {"delegate_name": "Иван Иванов"})

    assert "Моля, въведете имейл адреса на лицето" in response.content.decode()
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.SENT


def test_a_plain_decline_records_the_answer(client, event):
    guest = GuestFactory(event=event)
    send(guest)

    client.post(decline_path(guest.email), {})

    guest.refresh_from_db()
    assert guest.status == InvitationStatus.DECLINED
    assert guest.answered_at is not None


def test_organisers_invite_the_delegate_in_turn(event):
    guest = GuestFactory(
        event=event,
        status=InvitationStatus.DELEGATED,
        delegate_name="Иван Петров Иванов",
        delegate_email="ivan@example.org",
        precedence=3,
        reserved_seat=True,
    )

    added = services.add_delegates(guests=Guest.objects.filter(pk=guest.pk))
    services.add_delegates(guests=Guest.objects.filter(pk=guest.pk))

    assert len(added) == 1
    delegate = Guest.objects.get(email="ivan@example.org")
    assert (delegate.first_name, delegate.last_name) == ("Иван Петров", "Иванов")
    assert delegate.delegate_of == guest
    assert delegate.institution_bg == guest.institution_bg
    assert delegate.precedence == 3 and delegate.reserved_seat
    assert delegate.status == InvitationStatus.NOT_SENT
    send(delegate)
    assert "Имаме удоволствието" in last_mail_to("ivan@example.org").body


def test_a_guest_who_declined_may_still_accept(client, event):
    guest = GuestFactory(event=event)
    send(guest)
    client.post(decline_path(guest.email), {})

    page = client.get(accept_path(guest.email).replace("accept/", "")).content
    assert "все пак успеете да присъствате" in page.decode()
    client.post(accept_path(guest.email), ACCEPT_FORM)

    guest.refresh_from_db()
    assert guest.status == InvitationStatus.ACCEPTED


@pytest.mark.parametrize(
    ("language", "polite"),
    [
        ("bg", "За съжаление тази покана вече не е валидна."),
        ("en", "We regret that this invitation is no longer valid."),
    ],
)
def test_a_withdrawn_invitation_says_so_politely(client, event, language, polite):
    guest = GuestFactory(event=event, language=language)
    send(guest)
    path = accept_path(guest.email)

    withdrawn = services.withdraw_invitations(guests=Guest.objects.all())

    assert withdrawn == 1
    response = client.get(path, follow=True)
    assert polite in response.content.decode()
    client.post(path, ACCEPT_FORM)
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.WITHDRAWN
    assert not Registration.objects.exists()


def test_reminders_go_to_those_who_have_not_answered_once_a_day(client, event):
    waiting = GuestFactory(event=event, language="en")
    answered = GuestFactory(event=event)
    send(waiting, answered)
    client.post(decline_path(answered.email), {})
    mail.outbox.clear()

    reminded = services.send_reminders(guests=Guest.objects.all())
    again = services.send_reminders(guests=Guest.objects.all())
    send_queued_emails()

    assert (reminded, again) == (1, 0)
    assert [message.to for message in mail.outbox] == [[waiting.email]]
    reminder = mail.outbox[0]
    assert reminder.subject == "Reminder of our invitation – Conference"
    assert "May we remind you of our invitation" in reminder.body
    # The reminder's link works as the invitation's did.
    assert client.get(accept_path(waiting.email)).status_code == 200


def test_an_unknown_or_malformed_link_is_a_404(client, event):
    assert client.get("/bg/invitation/short/").status_code == 404
    assert client.get(f"/bg/invitation/{'a' * 43}/accept/").status_code == 404


def test_the_database_holds_no_working_invitation_link(client, event, admin_client):
    guest = GuestFactory(event=event)
    send(guest)
    path = accept_path(guest.email)
    assert client.get(path).status_code == 200

    dump = io.StringIO()
    call_command("dumpdata", "--all", stdout=dump)
    candidates = set(re.findall(r"[A-Za-z0-9_-]{32,100}", dump.getvalue()))

    assert candidates
    for candidate in candidates:
        response = admin_client.get(f"/bg/invitation/{candidate}/")
        assert response.status_code == 404
    assert "[…]" in dump.getvalue()


@pytest.mark.parametrize(
    ("language", "greeting", "not_shown"),
    [
        ("bg", "Уважаема г-жо Петрова,", "Мария Петрова, моля"),
        ("en", "Dear Ms Petrova,", "Maria Petrova, please"),
    ],
)
def test_the_answer_pages_greet_a_guest_as_her_e_mails_do(
    client, event, language, greeting, not_shown
):
    guest = GuestFactory(
        event=event,
        language=language,
        first_name="Мария" if language == "bg" else "Maria",
        last_name="Петрова" if language == "bg" else "Petrova",
        form_of_address=FormOfAddress.MS,
    )
    send(guest)

    for path in (accept_path(guest.email), decline_path(guest.email)):
        page = client.get(path).content.decode()
        assert greeting in page
        assert not_shown not in page
