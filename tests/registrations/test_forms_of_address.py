"""The optional form of address: the registration form, the e-mails'
greeting, badges, the sign-in sheet and the exports."""

import pytest
from django.core import mail
from django.utils import translation

from registrations import services
from registrations.models import FormOfAddress, Registration, RegistrationStatus
from registrations.salutations import salutation, surname_gender
from tests.factories import RegistrationFactory
from tests.registrations.conftest import make_token
from tests.registrations.test_exports import read_csv
from tests.registrations.test_views import form_data

pytestmark = pytest.mark.django_db


def greeting(form, first_name, last_name, language):
    registration = Registration(
        form_of_address=form, first_name=first_name, last_name=last_name
    )
    with translation.override(language):
        return salutation(registration)


@pytest.mark.parametrize(
    ("form", "first", "last", "bulgarian", "english"),
    [
        ("ms", "Мария", "Петрова", "Уважаема г-жо Петрова,", "Dear Ms Петрова,"),
        ("mr", "Иван", "Петров", "Уважаеми г-н Петров,", "Dear Mr Петров,"),
        ("dr", "Мария", "Петрова", "Уважаема д-р Петрова,", "Dear Dr Петрова,"),
        ("dr", "Иван", "Петров", "Уважаеми д-р Петров,", "Dear Dr Петров,"),
        (
            "prof",
            "Цветелина",
            "Жечева-Йорданова",
            "Уважаема проф. Жечева-Йорданова,",
            "Dear Professor Жечева-Йорданова,",
        ),
        ("prof", "Иван", "Георгиевски", "Уважаеми проф. Георгиевски,", None),
        # No guess where the surname does not say the gender.
        ("dr", "Zoë", "Smith", "Уважаеми/Уважаема д-р Smith,", "Dear Dr Smith,"),
        ("prof", "Анна", "Коен", "Уважаеми/Уважаема проф. Коен,", None),
        (
            "",
            "Мария",
            "Петрова",
            "Уважаема госпожо/Уважаеми господине,",
            "Dear Мария Петрова,",
        ),
        ("", "John", "Smith", "Уважаема госпожо/Уважаеми господине,", None),
    ],
)
def test_salutation_in_both_languages(form, first, last, bulgarian, english):
    assert greeting(form, first, last, "bg") == bulgarian
    if english:
        assert greeting(form, first, last, "en") == english


def test_surname_gender_reads_only_clear_bulgarian_endings():
    assert surname_gender("Петрова") == "f"
    assert surname_gender("Иванов") == "m"
    assert surname_gender("Петрова-Иванова") == "f"
    assert surname_gender("Petrova") == ""
    assert surname_gender("Берсе Коен") == ""


def test_email_greets_with_the_form_of_address(event, language, then_mail_worker):
    registration = RegistrationFactory(
        event=event,
        language=language,
        form_of_address=FormOfAddress.MS,
        first_name="Мария",
        last_name="Петрова",
    )

    with then_mail_worker():
        services.confirm_registration(registration=registration)

    message = mail.outbox[0]
    expected = {"bg": "Уважаема г-жо Петрова,", "en": "Dear Ms Петрова,"}[language]
    assert message.body.startswith(expected)
    assert f"<p>{expected}</p>" in message.alternatives[0].content
    assert "Hello" not in message.body and "Здравейте" not in message.body
    title = {"bg": "г-жа Мария Петрова", "en": "Ms Мария Петрова"}[language]
    assert title in message.alternatives[0].content


def test_email_without_form_of_address_is_neutral(event, language, then_mail_worker):
    registration = RegistrationFactory(
        event=event, language=language, first_name="John", last_name="Smith"
    )

    with then_mail_worker():
        services.confirm_registration(registration=registration)

    expected = {
        "bg": "Уважаема госпожо/Уважаеми господине,",
        "en": "Dear John Smith,",
    }[language]
    assert mail.outbox[0].body.startswith(expected)


def test_register_with_form_of_address(client, event, language):
    page = client.get(f"/{language}/register/").content.decode()
    label = {"bg": "Обръщение", "en": "Form of address"}[language]
    assert label in page
    assert {"bg": ">проф.<", "en": ">Prof<"}[language] in page
    assert {"bg": ">Без обръщение<", "en": ">None<"}[language] in page

    client.post(f"/{language}/register/", form_data(form_of_address="prof"))

    assert Registration.objects.get().form_of_address == FormOfAddress.PROF


def test_form_of_address_is_optional_and_checked(client, event):
    client.post("/en/register/", form_data())
    assert Registration.objects.get().form_of_address == ""

    response = client.post(
        "/en/register/",
        form_data(email="other@example.org", form_of_address="sir"),
    )
    assert "Select a valid choice" in response.content.decode()
    assert Registration.objects.count() == 1


def test_change_details_sets_the_form_of_address(client, event, language):
    registration = RegistrationFactory(event=event, language=language)
    token = make_token(registration)
    data = form_data(language=language, form_of_address="dr")

    client.post(f"/{language}/registration/{token}/", data)

    registration.refresh_from_db()
    assert registration.form_of_address == FormOfAddress.DR
    page = client.get(f"/{language}/registration/{token}/").content.decode()
    assert {"bg": "<dd>д-р</dd>", "en": "<dd>Dr</dd>"}[language] in page


def test_badges_and_sign_in_sheet_show_the_form_of_address(
    organiser_client, event, language
):
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        form_of_address=FormOfAddress.PROF,
        first_name="Мария",
        last_name="Петрова",
    )
    title = {"bg": "проф.", "en": "Prof"}[language]

    badges = organiser_client.post(f"/{language}/desk/badges/").content.decode()
    sheet = organiser_client.get(f"/{language}/desk/sign-in-sheet/").content.decode()

    assert f'<span class="badge-title">{title}</span>' in badges
    assert f"<td>{title} Мария</td>" in sheet


def test_admin_list_and_export_show_the_form_of_address(organiser_client, event):
    RegistrationFactory(
        event=event, form_of_address=FormOfAddress.DR, first_name="Иван"
    )

    listing = organiser_client.get("/bg/admin/registrations/registration/")
    export = organiser_client.post(
        "/bg/admin/registrations/registration/export/",
        {"columns": ["first_name", "form_of_address"]},
    )

    assert "д-р Иван" in listing.content.decode()
    rows = read_csv(export.content, delimiter=";")
    assert rows == [["обръщение", "име"], ["д-р", "Иван"]]
