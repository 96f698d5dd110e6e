import csv
import io
import re

import pytest

from registrations.exports import export_registrations
from registrations.models import ExportLog, RegistrationStatus
from tests.factories import ExportLogFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

EXPORT = "/en/admin/registrations/registration/export/"


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_export_form_offers_columns_and_counts_filtered_rows(organiser_client, event):
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    response = organiser_client.get(EXPORT, {"status__exact": "confirmed"})

    html = response.content.decode()
    assert "The file will have 1 registration" in html
    assert 'value="email"' in html
    assert re.search(r'value="last_name"[^>]*checked', html)
    assert not re.search(r'value="email"[^>]*checked', html)
    assert not ExportLog.objects.exists()


def test_csv_has_cyrillic_intact_only_chosen_columns_of_the_filtered_list(
    organiser_client, organiser, event
):
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name="Цветелина",
        last_name="Жечева",
        organisation="Комисия „Трафик“",
        email="tsvetelina@example.org",
    )
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        first_name="Zoë",
        last_name="Müller",
    )

    response = organiser_client.post(
        f"{EXPORT}?status__exact=confirmed",
        {"columns": ["organisation", "last_name", "first_name"]},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = read_csv(response.content)
    assert rows == [
        ["last name", "first name", "organisation"],
        ["Жечева", "Цветелина", "Комисия „Трафик“"],
    ]
    assert b"tsvetelina@example.org" not in response.content
    log = ExportLog.objects.get()
    assert log.exported_by == organiser
    assert log.row_count == 1
    assert log.columns == ["last_name", "first_name", "organisation"]
    assert log.filters == "status__exact=confirmed"


def test_csv_headings_in_the_admins_language(organiser_client, event):
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)

    response = organiser_client.post(
        "/bg/admin/registrations/registration/export/",
        {"columns": ["last_name", "status", "needs_interpretation"]},
    )

    rows = read_csv(response.content)
    assert rows[0] == ["фамилия", "нужда от устен превод BG⇄EN", "статус"]
    assert rows[1][1:] == ["не", "Потвърдена"]


def test_search_applies_to_the_export(organiser_client, event):
    RegistrationFactory(event=event, organisation="Animus")
    RegistrationFactory(event=event, organisation="IOM")

    response = organiser_client.post(
        f"{EXPORT}?q=animus", {"columns": ["organisation"]}
    )

    assert read_csv(response.content) == [["organisation"], ["Animus"]]


def test_export_needs_a_column(organiser_client, event):
    response = organiser_client.post(EXPORT, {})

    assert "Choose at least one column." in response.content.decode()
    assert not ExportLog.objects.exists()


def test_formulas_are_neutralised(event):
    RegistrationFactory(event=event, organisation='=HYPERLINK("http://x")')

    text, _log = export_registrations(
        registrations=event.registrations.all(), columns=["organisation"], by=None
    )

    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://x"")"'


@pytest.mark.parametrize(
    "organisation", [';=HYPERLINK("http://x")', "Animus; =1+1", "A,@SUM(1)"]
)
def test_formulas_after_a_separator_are_neutralised(event, organisation):
    RegistrationFactory(event=event, organisation=organisation)

    text, _log = export_registrations(
        registrations=event.registrations.all(), columns=["organisation"], by=None
    )

    assert text.splitlines()[1].lstrip('"').startswith("'")


def test_export_log_is_visible_read_only(organiser_client):
    log = ExportLogFactory(columns=["last_name", "email"], row_count=42)

    listing = organiser_client.get("/en/admin/registrations/exportlog/")
    detail = organiser_client.get(f"/en/admin/registrations/exportlog/{log.pk}/change/")

    assert "last name, e-mail" in listing.content.decode()
    assert "42" in listing.content.decode()
    assert 'name="row_count"' not in detail.content.decode()
    assert (
        organiser_client.get("/en/admin/registrations/exportlog/add/").status_code
        == 403
    )
