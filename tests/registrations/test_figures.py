"""Figures at a glance above the registrations list."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from registrations.figures import registration_figures
from registrations.models import OrganisationType, Registration, RegistrationStatus
from registrations.selectors import status_counts
from tests.factories import RegistrationFactory
from tests.language_checks import other_language_strings

pytestmark = pytest.mark.django_db

CHANGELIST = "/{language}/admin/registrations/registration/"


def registered(event, days_ago, status, **fields):
    """A registration made `days_ago` days ago (at noon, local time)."""
    moment = timezone.localtime().replace(hour=12) - datetime.timedelta(days=days_ago)
    extra = {}
    if status == RegistrationStatus.CONFIRMED:
        extra["confirmed_at"] = moment
    if status == RegistrationStatus.WAITLISTED:
        extra["waitlisted_at"] = moment
    registration = RegistrationFactory(event=event, status=status, **extra, **fields)
    Registration.objects.filter(pk=registration.pk).update(created_at=moment)
    return registration


def table(html: str, table_id: str) -> list[list[str]]:
    """The rows of a figure's data table, as text."""
    found = re.search(
        rf'<table class="fig-table" id="{table_id}">(.*?)</table>', html, re.S
    )
    assert found, f"no table {table_id}"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in rows
    ]


def figures_section(html: str) -> str:
    found = re.search(r'<section class="desk-figures".*?</section>', html, re.S)
    assert found, "no figures on the page"
    return found.group(0)


@pytest.fixture
def three_days(event):
    C, W, X = (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.CANCELLED,
    )
    for days_ago, status, kind, country in [
        (3, C, OrganisationType.NGO, "Bulgaria"),
        (3, C, OrganisationType.GOVERNMENT, "Bulgaria"),
        (3, X, OrganisationType.NGO, "Switzerland"),
        (1, W, OrganisationType.NGO, " Switzerland "),
        (1, C, OrganisationType.NGO, "Bulgaria"),
        (0, RegistrationStatus.PENDING, OrganisationType.MEDIA, "Romania"),
    ]:
        registered(event, days_ago, status, organisation_type=kind, country=country)
    return event


def test_figures_match_the_database(organiser_client, three_days, language):
    html = organiser_client.get(CHANGELIST.format(language=language)).content.decode()

    section = figures_section(html)
    days = table(section, "fig-table-days")
    # Header, then each day from the first registration to the last one in
    # the chart's statuses: two days ago had none.
    assert len(days) == 1 + 3
    assert [row[1:] for row in days[1:]] == [
        ["2", "0", "1", "3"],
        ["0", "0", "0", "0"],
        ["1", "1", "0", "2"],
    ]
    types = table(section, "fig-table-types")
    countries = table(section, "fig-table-countries")
    if language == "en":
        assert days[0] == ["Day", "Confirmed", "Waiting", "Cancelled", "Total"]
        assert types[1:] == [
            ["Non-governmental organisation", "3", "75%"],
            ["Government institution", "1", "25%"],
        ]
    else:
        assert days[0] == [
            "Ден",
            "Потвърдени",
            "Чакащи",
            "Отменени",
            "Общо",
        ]
        assert types[1][0] == "Неправителствена организация"
    # Country as typed, spaces trimmed; the cancelled and pending not counted.
    assert countries[1:] == [["Bulgaria", "3", "75%"], ["Switzerland", "1", "25%"]]
    assert 'role="img"' in section
    assert "<title" in section and "<desc" in section
    assert other_language_strings(section, language) == []


def test_capacity_gauge_beside_the_figures(organiser_client, three_days):
    three_days.capacity = 4
    three_days.save()

    html = organiser_client.get(CHANGELIST.format(language="en")).content.decode()

    section = figures_section(html)
    text = " ".join(re.sub(r"<[^>]+>", " ", section).split())
    assert "3 of 4 seats confirmed (75%), 1 on the waiting list." in text
    assert "3 of 4 seats confirmed, 1 left; 1 on the waiting list" in text


def test_figures_say_so_when_there_are_no_registrations(organiser_client, event):
    for language in ("bg", "en"):
        url = CHANGELIST.format(language=language)
        section = figures_section(organiser_client.get(url).content.decode())

        assert "fig-table-days" not in section
        assert other_language_strings(section, language) == []
    assert "No registrations yet" in section
    assert "Nobody confirmed or waiting yet." in section


def test_figures_queries_do_not_grow_with_days(event):
    registered(event, 0, RegistrationStatus.CONFIRMED)

    def queries() -> int:
        counts = status_counts(event)
        with CaptureQueriesContext(connection) as captured:
            registration_figures(event, counts)
        return len(captured)

    one_day = queries()
    for days_ago in (1, 2):
        registered(event, days_ago, RegistrationStatus.WAITLISTED, country="Б")
        registered(event, days_ago, RegistrationStatus.CANCELLED)

    assert one_day == 3
    assert queries() == one_day


def test_changelist_queries_do_not_grow_with_days(
    organiser_client, event, count_queries
):
    url = CHANGELIST.format(language="en")
    registered(event, 0, RegistrationStatus.CONFIRMED)
    one_day = count_queries(organiser_client, url)
    for days_ago in (1, 2):
        registered(event, days_ago, RegistrationStatus.CONFIRMED)

    assert count_queries(organiser_client, url) == one_day


def test_figures_chart_has_no_inline_style(organiser_client, three_days):
    html = organiser_client.get(CHANGELIST.format(language="en")).content.decode()

    section = figures_section(html)
    assert "style=" not in section
    assert "<script" not in section
    # Each status differs by pattern as well as by colour.
    assert 'fill="url(#fig-pattern-waitlisted)"' in section
    assert 'fill="url(#fig-pattern-cancelled)"' in section


@pytest.mark.parametrize("chosen", ["²", "abc"])
def test_figures_of_the_current_event_for_an_event_filter_that_is_no_number(
    organiser_client, event, chosen
):
    registered(event, 1, RegistrationStatus.CONFIRMED)
    url = CHANGELIST.format(language="en")

    response = organiser_client.get(url, {"event__id__exact": chosen}, follow=True)

    assert response.status_code == 200
    text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    assert "1 of" in text and "seats confirmed" in text
