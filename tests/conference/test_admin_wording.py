"""The admin in an organiser's words: read-only pages titled as views, and
Django's own Bulgarian slips overridden by our catalogue."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import RegistrationFactory, RoomFactory

pytestmark = pytest.mark.django_db


def test_read_only_registration_page_is_titled_as_a_view(organiser_client, event):
    registration = RegistrationFactory(event=event)
    url = "/{}/admin/registrations/registration/{}/change/"

    bulgarian = organiser_client.get(url.format("bg", registration.pk))
    english = organiser_client.get(url.format("en", registration.pk))

    assert "<h1>Преглед на регистрация</h1>" in bulgarian.content.decode()
    assert "| Преглед на регистрация |" in bulgarian.content.decode()
    assert "<h1>View registration</h1>" in english.content.decode()
    assert "Промяна на" not in bulgarian.content.decode()
    assert "Change registration" not in english.content.decode()


def test_read_only_list_is_titled_by_what_it_lists(organiser_client, event):
    html = organiser_client.get("/bg/admin/registrations/registration/").content
    assert "<h1>Регистрации</h1>" in html.decode()
    assert "<title>Регистрации |" in html.decode()
    assert "Изберете регистрация за промяна" not in html.decode()


@pytest.mark.parametrize(
    ("message", "ours"),
    [
        ("Any date", "Всички дати"),
        ("Add %s", "Добавяне на %s"),
        ("View %s", "Преглед на %s"),
        ("Change", "Промяна"),
        ("Breadcrumbs", "Навигационна пътека"),
        ("Your password was changed.", "Паролата Ви е променена."),
    ],
)
def test_djangos_bulgarian_slips_are_overridden(message, ours):
    with translation.override("bg"):
        assert gettext(message) == ours


def test_admin_add_button_reads_as_the_other_buttons(organiser_client):
    html = organiser_client.get("/bg/admin/programme/speaker/").content.decode()

    assert "Добавяне на лектор" in html
    assert "Добави лектор" not in html


def test_view_only_model_page_is_titled_as_a_view_in_bulgarian(organiser_client, event):
    from archive.models import Feedback

    answer = Feedback.objects.create(event=event, rating=4)

    html = organiser_client.get(
        f"/bg/admin/archive/feedback/{answer.pk}/change/"
    ).content.decode()

    assert "<h1>Преглед на обратна връзка</h1>" in html
    assert "Изглед" not in html


def test_deleting_one_selected_room_is_asked_in_words_that_agree(
    organiser_client, event
):
    room = RoomFactory(event=event)

    page = organiser_client.post(
        "/bg/admin/programme/room/",
        {"action": "delete_selected", "_selected_action": [room.pk], "index": "0"},
    ).content.decode()

    assert "Наистина ли искате да изтриете избраното (зала)?" in page
    assert "избраните зала" not in page
