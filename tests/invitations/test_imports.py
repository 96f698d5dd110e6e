"""The guest list's import: Bulgarian Excel (";" CSV with a byte-order mark,
Windows-1251, XLSX), a message for every row that cannot be imported, and
nothing half-imported."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from invitations import imports
from invitations.models import Guest, GuestCategory
from tests.factories import GuestFactory

pytestmark = pytest.mark.django_db

BULGARIAN_CSV = (
    "Обръщение;Име;Фамилия;Длъжност;Длъжност (EN);Институция;Имейл;Език;"
    "Категория;Запазено място;Протоколен ред\n"
    "г-н;Красимир;Ципов;заместник-министър;Deputy Minister;Министерство на "
    "вътрешните работи;tsipov@example.org;български;официален гост;да;1\n"
    "г-жа;Мюриел;Берсе Коен;посланик;Ambassador;Посолство на Швейцария;"
    "ambassador@example.org;en;Официален гост;Да;2\n"
    ";Мария;Иванова;експерт;;Фондация „Асоциация Анимус“;maria@example.org;бг;"
    "партньор;не;\n"
    ";;;;;;;;;;\n"
)


def excel_csv(text: str, encoding: str = "utf-8-sig") -> bytes:
    """A CSV file as Excel with Bulgarian regional settings writes it."""
    return text.replace("\n", "\r\n").encode(encoding)


def read(event, data: bytes, name: str = "guests.csv"):
    """The preview, its messages as the Bulgarian admin shows them."""
    with translation.override("bg"):
        return imports.read_guest_list(event=event, name=name, data=data)


def test_bulgarian_excel_csv_with_bom_and_semicolons_is_read(event):
    preview = read(event, excel_csv(BULGARIAN_CSV))

    assert preview.errors == []
    assert preview.rows_with_errors == []
    assert preview.can_import
    first = preview.rows[0].values
    assert first["form_of_address"] == "mr"
    assert preview.rows[1].values["form_of_address"] == "ms"
    assert preview.rows[2].values["form_of_address"] == ""
    assert first["first_name"] == "Красимир"
    assert first["last_name"] == "Ципов"
    assert first["position_bg"] == "заместник-министър"
    assert first["position_en"] == "Deputy Minister"
    assert first["institution_bg"] == "Министерство на вътрешните работи"
    assert first["language"] == "bg"
    assert first["category"] == GuestCategory.OFFICIAL
    assert first["reserved_seat"] is True
    assert first["precedence"] == 1
    assert preview.rows[1].values["language"] == "en"
    assert preview.rows[2].values["reserved_seat"] is False
    assert len(preview.rows) == 3  # the empty row is left out


def test_windows_1251_csv_is_read_too(event):
    preview = read(event, excel_csv(BULGARIAN_CSV, "cp1251"))

    assert preview.can_import
    assert preview.rows[2].values["institution_bg"] == "Фондация „Асоциация Анимус“"


def test_an_english_workbook_is_read(event):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "Name",
            "Position",
            "Position (BG)",
            "Institution",
            "E-mail",
            "Language",
            "Category",
            "Reserved seat",
            "Protocol order",
        ]
    )
    sheet.append(
        [
            "Anna Keller",
            "Head of Division",
            "ръководител на отдел",
            "fedpol",
            "keller@example.org",
            "English",
            "Speaker",
            "yes",
            3.0,
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)

    preview = read(event, buffer.getvalue(), "guests.xlsx")

    assert preview.can_import
    values = preview.rows[0].values
    assert (values["first_name"], values["last_name"]) == ("Anna", "Keller")
    assert values["position_en"] == "Head of Division"
    assert values["position_bg"] == "ръководител на отдел"
    assert values["institution_en"] == "fedpol"
    assert values["category"] == GuestCategory.SPEAKER
    assert values["precedence"] == 3


def test_every_row_that_cannot_be_imported_says_why(event):
    GuestFactory(event=event, email="taken@example.org")
    text = (
        "Име;Имейл;Език;Категория;Запазено място;Протоколен ред\n"
        "Иван Петров;not-an-address;bg;участник;не;\n"
        ";nobody@example.org;bg;участник;не;\n"
        "Петя Петрова;petya@example.org;немски;участник;не;\n"
        "Анна Димова;anna@example.org;bg;министър;не;\n"
        "Лия Коева;liya@example.org;bg;участник;може би;\n"
        "Ася Янева;asya@example.org;bg;участник;да;първи\n"
        "Ема Ганева;taken@example.org;bg;участник;да;\n"
        "Ина Дочева;ina@example.org;bg;участник;да;\n"
        "Ина Дочева;INA@example.org;bg;участник;да;\n"
        "Р2-Д2;robot@example.org;bg;участник;да;\n"
    )
    text = text.replace("Име;", "Обръщение;Име;", 1).replace("\n", "\n;")[:-1]
    text = text.replace("\n;Лия", "\nгосп.;Лия")

    preview = read(event, excel_csv(text))

    messages = {row.number: row.errors for row in preview.rows}
    assert messages[2] == ["„not-an-address“ не е имейл адрес."]
    assert messages[3] == ["Липсва име."]
    assert "Езикът „немски“ не е разпознат" in messages[4][0]
    assert "Категорията „министър“ не е разпозната" in messages[5][0]
    assert messages[6] == [
        "Обръщението „госп.“ не е разпознато: напишете г-н, г-жа, д-р или проф. "
        "(или Mr, Ms, Dr, Prof) или оставете полето празно.",
        "За запазено място напишете „да“ или „не“ (yes или no), а не „може би“.",
    ]
    assert messages[7] == [
        "Протоколният ред трябва да е цяло число от 1 нагоре, а не „първи“."
    ]
    assert messages[8] == ["taken@example.org вече е в списъка с гости."]
    assert messages[9] == []
    assert messages[10] == ["ina@example.org е и на ред 9."]
    assert messages[11]  # not a name
    assert not preview.can_import


def test_a_file_without_the_needed_columns_says_which(event):
    preview = read(event, excel_csv("Име;Длъжност\nИван Петров;експерт\n"))

    assert len(preview.errors) == 1
    assert "имейл, език, категория" in preview.errors[0]
    assert not preview.can_import


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"PK\x03\x04 broken", "guests.xlsx"), (b"", "guests.csv")],
)
def test_an_unreadable_or_empty_file_is_refused_with_a_message(event, data, name):
    preview = read(event, data, name)

    assert preview.errors
    assert not preview.can_import


def test_nothing_is_half_imported(event):
    preview = read(event, excel_csv(BULGARIAN_CSV))
    rows = [row.values for row in preview.rows]
    # Someone adds the third guest while the organiser reads the preview.
    GuestFactory(event=event, email="MARIA@example.org")

    with pytest.raises(imports.GuestImportConflict) as conflict:
        imports.import_guests(event=event, rows=rows)

    assert conflict.value.emails == ["maria@example.org"]
    assert Guest.objects.count() == 1


def test_a_good_file_is_imported_whole(event):
    preview = read(event, excel_csv(BULGARIAN_CSV))

    added = imports.import_guests(event=event, rows=[r.values for r in preview.rows])

    assert len(added) == 3
    guest = Guest.objects.get(email="tsipov@example.org")
    assert guest.position_en == "Deputy Minister"
    assert guest.precedence == 1 and guest.reserved_seat


def test_the_preview_travels_signed(event):
    preview = read(event, excel_csv(BULGARIAN_CSV))
    payload = imports.preview_payload(event=event, preview=preview)

    assert len(imports.rows_from_payload(event=event, payload=payload)) == 3
    with pytest.raises(ValueError):
        imports.rows_from_payload(event=event, payload=payload[:-2] + "xx")


def upload(text: str, name: str = "guests.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, excel_csv(text), content_type="text/csv")


def test_the_organiser_previews_then_imports_in_the_bulgarian_admin(
    organiser_client, event
):
    url = "/bg/admin/invitations/guest/import/"

    page = organiser_client.post(url, {"file": upload(BULGARIAN_CSV)})

    text = page.content.decode()
    assert "3 гости могат да бъдат импортирани." in text
    assert "Красимир Ципов" in text
    assert not Guest.objects.exists()  # nothing before confirming
    payload = page.context["payload"]
    response = organiser_client.post(url, {"payload": payload}, follow=True)
    assert "Към списъка са добавени 3 гости, все още непоканени." in (
        response.content.decode()
    )
    assert Guest.objects.count() == 3


def test_a_file_with_bad_rows_shows_each_and_offers_no_import(organiser_client, event):
    text = BULGARIAN_CSV.replace("maria@example.org", "maria-at-example")

    page = organiser_client.post(
        "/en/admin/invitations/guest/import/", {"file": upload(text)}
    )

    content = page.content.decode()
    assert "Nothing has been imported: 1 row cannot be imported." in content
    assert "Row 4:" in content
    assert "“maria-at-example” is not an e-mail address." in content
    assert page.context["payload"] is None
    assert not Guest.objects.exists()


def test_an_altered_preview_imports_nothing(organiser_client, event):
    response = organiser_client.post(
        "/bg/admin/invitations/guest/import/", {"payload": "abc"}, follow=True
    )

    assert "Нищо не е импортирано" in response.content.decode()
    assert not Guest.objects.exists()


BULGARIAN_HEADERS = [
    "Обръщение",
    "Име",
    "Фамилия",
    "Длъжност",
    "Длъжност (EN)",
    "Институция",
    "Институция (EN)",
    "Имейл",
    "Език",
    "Категория",
    "Запазено място",
    "Протоколен ред",
]
BULGARIAN_ROWS = [
    [
        "г-н",
        "Красимир",
        "Ципов",
        "заместник-министър",
        "Deputy Minister",
        "Министерство на вътрешните работи",
        "Ministry of the Interior",
        "tsipov@example.org",
        "български",
        "официален гост",
        "да",
        1.0,  # Excel keeps every number as a float
    ],
    [
        "г-жа",
        "Мария",
        "Иванова",
        "експерт",
        None,
        "Фондация „Асоциация Анимус“",
        None,
        "maria@example.org",
        "бг",
        "партньор",
        "не",
        None,
    ],
    [
        None,
        "Елена",
        "Георгиева",
        "репортер",
        None,
        "БТА",
        None,
        "elena@example.org",
        "bg",
        "медии",
        "не",
        None,
    ],
]


def bulgarian_workbook(rows) -> SimpleUploadedFile:
    """An .xlsx as an organiser saves it from Excel: Cyrillic headers on the
    first row of a sheet named in Bulgarian, then one row per guest."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Гости"
    sheet.append(BULGARIAN_HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        "Списък с гости.xlsx",
        buffer.getvalue(),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )


def test_a_bulgarian_workbook_with_a_bad_row_is_previewed_and_imports_nothing(
    organiser_client, event
):
    rows = [list(row) for row in BULGARIAN_ROWS]
    rows[1][7] = "maria(at)example.org"
    rows[2][9] = "министър"

    page = organiser_client.post(
        "/bg/admin/invitations/guest/import/", {"file": bulgarian_workbook(rows)}
    )

    text = page.content.decode()
    assert "Красимир" in text and "Ципов" in text  # the preview shows every row
    assert "Ред 3: „maria(at)example.org“ не е имейл адрес." in text
    assert "Ред 4: Категорията „министър“ не е разпозната" in text
    assert "Нищо не е импортирано: 2 реда не могат да бъдат импортирани." in text
    assert page.context["payload"] is None
    assert not Guest.objects.exists()


def test_a_bulgarian_workbook_is_previewed_then_imported_whole(organiser_client, event):
    url = "/bg/admin/invitations/guest/import/"

    page = organiser_client.post(url, {"file": bulgarian_workbook(BULGARIAN_ROWS)})

    assert "3 гости могат да бъдат импортирани." in page.content.decode()
    assert not Guest.objects.exists()  # nothing before confirming
    organiser_client.post(url, {"payload": page.context["payload"]})
    assert Guest.objects.count() == 3
    minister = Guest.objects.get(email="tsipov@example.org")
    assert (minister.first_name, minister.last_name) == ("Красимир", "Ципов")
    assert minister.form_of_address == "mr"
    assert minister.position_bg == "заместник-министър"
    assert minister.institution_en == "Ministry of the Interior"
    assert (minister.precedence, minister.reserved_seat) == (1, True)
    assert minister.category == GuestCategory.OFFICIAL
    assert Guest.objects.get(email="elena@example.org").category == (
        GuestCategory.PRESS
    )
    assert Guest.objects.get(email="maria@example.org").institution_bg == (
        "Фондация „Асоциация Анимус“"
    )
