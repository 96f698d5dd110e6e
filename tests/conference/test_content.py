import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from conference.content import next_conference_date
from conference.models import Event, Partner
from tests.conftest import content_date


def load(*args):
    out = io.StringIO()
    if "--date" not in args:
        args = (*args, "--date", content_date())
    call_command("load_conference_content", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_content_command_is_idempotent():
    load()
    counts = (Event.objects.count(), Partner.objects.count())
    snapshot = list(Event.objects.values()) + list(Partner.objects.values())

    output = load()

    assert (Event.objects.count(), Partner.objects.count()) == counts
    assert list(Event.objects.values()) + list(Partner.objects.values()) == snapshot
    assert "nothing to create" in output


@pytest.mark.django_db
def test_content_command_keeps_organiser_edits():
    load()
    event = Event.objects.get()
    event.title_en = "Edited by the organisers"
    event.capacity = 80
    event.save()
    partner = Partner.objects.get(slug="iom")
    partner.website = "https://example.org/iom"
    partner.save()

    load()

    event.refresh_from_db()
    partner.refresh_from_db()
    assert event.title_en == "Edited by the organisers"
    assert event.capacity == 80
    assert partner.website == "https://example.org/iom"


@pytest.mark.django_db
def test_content_command_recreates_only_what_was_deleted():
    load()
    Partner.objects.filter(slug="fiz").delete()

    output = load()

    assert "created partner fiz" in output
    assert Partner.objects.filter(slug="fiz").count() == 1


@pytest.mark.django_db
def test_content_command_puts_the_event_on_the_next_20_september_in_development(
    settings,
):
    settings.DEBUG = True
    call_command("load_conference_content", stdout=io.StringIO())

    event = Event.objects.get(is_current=True)
    assert (event.date.month, event.date.day) == (9, 20)
    assert event.date >= datetime.date.today()


@pytest.mark.django_db
def test_content_command_in_production_requires_the_date(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--date"):
        call_command("load_conference_content", stdout=io.StringIO())

    assert not Event.objects.exists()


@pytest.mark.django_db
def test_content_command_loads_the_historical_date():
    load("--date", "2018-09-20")

    assert Event.objects.get().date == datetime.date(2018, 9, 20)


@pytest.mark.django_db
def test_content_command_rejects_a_malformed_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        load("--date", "20.09.2018")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 28), datetime.date(2027, 9, 20)),
        (datetime.date(2027, 9, 20), datetime.date(2027, 9, 20)),
        (datetime.date(2027, 1, 5), datetime.date(2027, 9, 20)),
    ],
)
def test_next_conference_date(today, expected):
    assert next_conference_date(today) == expected


@pytest.mark.django_db
def test_real_content_leaves_unknown_details_empty():
    load()

    event = Event.objects.get()
    assert not (event.venue_address_en or event.venue_address_bg)
    assert not (event.data_controller_en or event.contact_email)
    assert event.times_are_provisional
    assert event.missing_for_registration() == ["data_controller", "contact_email"]
