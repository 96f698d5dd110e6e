"""The answers at a glance, the phase rules (refused with a message, never a
500) and the anonymisation of guests with the registrations."""

import datetime
import html

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from conference.phases import anonymised_from, desk_opens_at, doors_open_at
from invitations import press, rules, services
from invitations.exceptions import InvitationRefused
from invitations.figures import guest_figures
from invitations.models import (
    Guest,
    GuestCategory,
    InvitationStatus,
    InvitationToken,
    PressAccreditation,
)
from registrations.models import OutgoingEmail, Registration
from registrations.outbox import send_queued_emails
from tests.factories import GuestFactory, PressAccreditationFactory
from tests.invitations.conftest import accept_path
from tests.invitations.test_invitations import ACCEPT_FORM, send

pytestmark = pytest.mark.django_db


def guests_answering(event):
    statuses = {
        InvitationStatus.ACCEPTED: 2,
        InvitationStatus.DECLINED: 1,
        InvitationStatus.DELEGATED: 1,
        InvitationStatus.SENT: 3,
        InvitationStatus.NOT_SENT: 2,
        InvitationStatus.WITHDRAWN: 1,
    }
    for status, count in statuses.items():
        GuestFactory.create_batch(
            count,
            event=event,
            status=status,
            category=GuestCategory.PARTNER
            if status == InvitationStatus.SENT
            else GuestCategory.OFFICIAL,
        )


def test_the_answers_are_counted_by_category_and_institution(event):
    guests_answering(event)

    with translation.override("en"):
        figures = guest_figures(event)

    totals = figures.totals
    assert (totals.invited, totals.accepted, totals.declined) == (7, 2, 1)
    assert (totals.delegated, totals.no_answer, totals.not_sent) == (1, 3, 2)
    categories = {row.label: row.answers for row in figures.by_category.rows}
    assert categories["Official guest"].invited == 4
    assert categories["Partner"].no_answer == 3
    (institution,) = figures.by_institution.rows
    assert institution.answers.invited == 7
    assert figures.quota.awaiting == 3


def test_the_figures_take_a_fixed_number_of_queries(event, django_assert_num_queries):
    guests_answering(event)
    with django_assert_num_queries(5):
        guest_figures(event)
    guests_answering(event)
    with django_assert_num_queries(5):
        guest_figures(event)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_charts_have_their_figures_as_a_table(organiser_client, event, language):
    guests_answering(event)

    page = organiser_client.get(f"/{language}/admin/invitations/guest/")

    text = page.content.decode()
    assert 'id="fig-table-categories"' in text
    assert 'role="img"' in text
    assert "<desc" in text


def at_doors(event):
    return doors_open_at(event) + datetime.timedelta(minutes=1)


def test_no_invitation_is_accepted_after_the_doors_open(client, event, time_machine):
    guest = GuestFactory(event=event)
    send(guest)
    path = accept_path(guest.email)
    time_machine.move_to(at_doors(event))

    page = client.get(path, follow=True).content.decode()
    client.post(path, ACCEPT_FORM)

    assert "Конференцията е в ход" in page
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.SENT
    with pytest.raises(InvitationRefused):
        services.accept_invitation(guest=guest, answers={})


def test_with_the_desk_open_early_the_invitation_can_no_longer_be_answered(
    client, event, time_machine
):
    event.check_in_opens_before = 30
    event.save()
    guest = GuestFactory(event=event, first_name="Ралица")
    send(guest)
    path = accept_path(guest.email)
    time_machine.move_to(desk_opens_at(event) + datetime.timedelta(minutes=1))

    page = client.get(path, follow=True).content.decode()
    client.post(path, ACCEPT_FORM)

    assert "Конференцията е днес: поканите" in html.unescape(page)
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.SENT
    assert not Registration.objects.exists()


def test_from_the_erasure_date_the_invitation_names_nobody(client, event, time_machine):
    """The phase turns "erased" at midnight; the hourly job has not run yet,
    and the page already says the data were erased, without the name."""
    guest = GuestFactory(event=event, first_name="Ралица", last_name="Ценова")
    send(guest)
    path = accept_path(guest.email).removesuffix("accept/")
    time_machine.move_to(anonymised_from(event) + datetime.timedelta(minutes=1))

    page = html.unescape(client.get(path).content.decode())

    assert "личните данни на гостите са заличени" in page
    assert "Ценова" not in page
    guest.refresh_from_db()
    assert guest.anonymised_at is None  # the job has not run: the page knows


def test_withdrawing_and_adding_delegates_are_refused_once_the_doors_open(
    event, time_machine
):
    GuestFactory(event=event, status=InvitationStatus.SENT)
    GuestFactory(
        event=event,
        status=InvitationStatus.DELEGATED,
        delegate_name="Мария Петрова",
        delegate_email="delegate@example.org",
    )
    time_machine.move_to(at_doors(event))

    for action in (services.withdraw_invitations, services.add_delegates):
        with pytest.raises(InvitationRefused):
            action(guests=Guest.objects.all())

    assert not Guest.objects.filter(status=InvitationStatus.WITHDRAWN).exists()
    assert Guest.objects.count() == 2


@pytest.mark.parametrize(
    "action",
    [
        lambda event: services.send_invitations(guests=Guest.objects.all()),
        lambda event: services.send_reminders(guests=Guest.objects.all()),
        lambda event: services.decline_invitation(guest=Guest.objects.get()),
        lambda event: press.apply_for_press(
            event=event,
            details={
                "first_name": "Е",
                "last_name": "Г",
                "email": "e@example.org",
                "outlet": "БТА",
                "position": "репортер",
                "country": "България",
                "language": "bg",
            },
        ),
    ],
    ids=["send", "remind", "decline", "press"],
)
def test_the_actions_are_refused_once_the_doors_open(event, time_machine, action):
    GuestFactory(event=event, status=InvitationStatus.SENT)
    time_machine.move_to(at_doors(event))

    with pytest.raises(InvitationRefused) as refused, translation.override("en"):
        action(event)

    assert "under way" in str(refused.value)


def test_the_press_form_is_closed_on_the_day_with_the_reason(
    client, event, time_machine
):
    time_machine.move_to(at_doors(event))

    page = client.get("/bg/press/").content.decode()

    assert "Приемането на заявки за акредитация е приключило" in page
    assert 'name="outlet"' not in page


def test_each_action_has_its_reason_in_each_phase(event, time_machine):
    refusals = {}
    for moment in ("before", "day", "after"):
        if moment == "day":
            time_machine.move_to(at_doors(event))
        if moment == "after":
            time_machine.move_to(event.ends_at + datetime.timedelta(days=1))
        refusals[moment] = {
            action: rules.refusal(action, event=event) for action in rules.ACTIONS
        }

    assert set(refusals["before"].values()) == {None}
    assert None not in refusals["day"].values()
    assert None not in refusals["after"].values()


def test_guests_are_anonymised_with_the_registrations(client, event):
    guest = GuestFactory(event=event, delegate_name="Иван Иванов")
    send(guest)
    path = accept_path(guest.email)
    PressAccreditationFactory(event=event)
    event.date = timezone.localdate() - datetime.timedelta(days=400)
    event.save()

    call_command("anonymise_registrations", verbosity=0)

    guest.refresh_from_db()
    assert guest.anonymised_at is not None
    assert (guest.first_name, guest.email, guest.delegate_name) == ("", "", "")
    assert guest.position_bg == "" and guest.institution_en == ""
    assert guest.category == GuestCategory.OFFICIAL  # kept for counts
    assert not InvitationToken.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert PressAccreditation.objects.get().outlet == ""
    assert client.get(path).status_code == 404
    send_queued_emails()
