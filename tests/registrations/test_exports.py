import csv
import datetime
import io
import re

import pytest
from django.utils import timezone, translation

from conference.spreadsheets import XLSX_TYPE, csv_text
from registrations.exports import export_registrations
from registrations.models import ExportLog, RegistrationStatus
from tests.factories import ExportLogFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

EXPORT = "/en/admin/registrations/registration/export/"


def read_csv(content: bytes, delimiter: str = ",") -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


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

    rows = read_csv(response.content, delimiter=";")
    assert rows[0] == [
        "фамилия",
        "нужда от устен превод (български ⇄ английски)",
        "статус",
    ]
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

    table, _log = export_registrations(
        registrations=event.registrations.all(), columns=["organisation"], by=None
    )
    text = csv_text(table, language="en")

    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://x"")"'


@pytest.mark.parametrize(
    "organisation", [';=HYPERLINK("http://x")', "Animus; =1+1", "A,@SUM(1)"]
)
def test_formulas_after_a_separator_are_neutralised(event, organisation):
    RegistrationFactory(event=event, organisation=organisation)

    table, _log = export_registrations(
        registrations=event.registrations.all(), columns=["organisation"], by=None
    )

    for language in ("bg", "en"):
        line = csv_text(table, language=language).splitlines()[1]
        assert line.lstrip('"').startswith("'")


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


def read_xlsx(content: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize(("language", "separator"), [("bg", ";"), ("en", ",")])
def test_csv_separator_follows_the_language_of_the_export(
    organiser_client, event, language, separator
):
    RegistrationFactory(
        event=event, last_name="Жечева", organisation="Animus, Sofia; BG"
    )

    response = organiser_client.post(
        f"/{language}/admin/registrations/registration/export/",
        {"columns": ["last_name", "organisation"], "format": "csv"},
    )

    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0].count(separator) == 1
    rows = read_csv(response.content, delimiter=separator)
    assert rows[1] == ["Жечева", "Animus, Sofia; BG"]


def test_xlsx_has_bold_frozen_header_cyrillic_and_real_dates(organiser_client, event):
    registration = RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name="Цветелина",
        last_name="Жечева",
        confirmed_at=timezone.now(),
    )
    registration.refresh_from_db()

    response = organiser_client.post(
        "/bg/admin/registrations/registration/export/",
        {
            "columns": ["last_name", "first_name", "status", "confirmed_at"],
            "format": "xlsx",
        },
    )

    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = read_xlsx(response.content)
    header = [cell.value for cell in sheet[1]]
    assert header == ["фамилия", "име", "статус", "потвърдена на"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    last, first, status, confirmed_at = (cell.value for cell in sheet[2])
    assert (last, first, status) == ("Жечева", "Цветелина", "Потвърдена")
    assert isinstance(confirmed_at, datetime.datetime)
    local = timezone.localtime(registration.confirmed_at)
    assert confirmed_at == local.replace(tzinfo=None, microsecond=0)
    assert sheet.cell(row=2, column=4).number_format == "yyyy-mm-dd hh:mm"
    assert ExportLog.objects.get().row_count == 1


@pytest.mark.parametrize(
    "organisation", ['=HYPERLINK("http://x")', "+359 2 123", "-1+1", "@SUM(A1)"]
)
def test_xlsx_keeps_formula_like_text_as_text(organiser_client, event, organisation):
    RegistrationFactory(event=event, organisation=organisation)

    response = organiser_client.post(
        f"{EXPORT}",
        {"columns": ["organisation"], "format": "xlsx"},
    )

    cell = read_xlsx(response.content).cell(row=2, column=1)
    assert cell.value == organisation
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_check_in_list_downloads_with_arrival_times(organiser_client, organiser, event):
    arrived = timezone.now()
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=arrived,
        last_name="Жечева",
        checked_in_at=arrived,
    )
    RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

    sheet_page = organiser_client.get("/bg/desk/sign-in-sheet/").content.decode()
    workbook = organiser_client.get("/bg/desk/check-in-list.xlsx")
    text = organiser_client.get("/bg/desk/check-in-list.csv")

    assert "/bg/desk/check-in-list.xlsx" in sheet_page
    rows = list(read_xlsx(workbook.content).values)
    assert rows[0] == (
        "фамилия",
        "име",
        "организация",
        "държава",
        "пристигането е отбелязано на",
    )
    assert len(rows) == 2
    assert rows[1][0] == "Жечева"
    assert isinstance(rows[1][4], datetime.datetime)
    assert read_csv(text.content, delimiter=";")[1][0] == "Жечева"
    assert ExportLog.objects.filter(exported_by=organiser).count() == 2
    assert organiser_client.get("/bg/desk/check-in-list.pdf").status_code == 404


def test_the_desk_cannot_download_the_check_in_list(desk_client, event):
    page = desk_client.get("/en/desk/sign-in-sheet/").content.decode()

    assert desk_client.get("/en/desk/check-in-list.xlsx").status_code == 403
    assert "check-in-list" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"confirmed_at__gte": "yesterday"},
        {"confirmed_at__gte": "²"},
    ],
)
@pytest.mark.parametrize("language", ["bg", "en"])
def test_export_with_filters_the_list_cannot_apply_goes_back_to_the_list(
    client, organiser, event, query, language
):
    client.force_login(organiser)
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    export = f"/{language}/admin/registrations/registration/export/"

    response = client.get(export, query, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == (
        f"/{language}/admin/registrations/registration/"
    )
    message = str(next(iter(response.context["messages"])))
    if language == "bg":
        assert re.search("[а-я]", message), message
    with translation.override(language):
        assert message == translation.gettext(
            "The filters in the address are not valid. Choose them again "
            "in the list, then export."
        )
    assert not ExportLog.objects.exists()
