"""The admin in Bulgarian shows no English interface text."""

import re
from pathlib import Path

import django
import polib
import pytest
from django.contrib import admin

from tests.language_checks import visible_text

DJANGO = Path(django.__file__).parent
CATALOGUES = [
    Path(__file__).resolve().parents[2] / "locale/bg/LC_MESSAGES/django.po",
    DJANGO / "contrib/admin/locale/bg/LC_MESSAGES/django.po",
    DJANGO / "contrib/auth/locale/bg/LC_MESSAGES/django.po",
]


def english_interface_strings():
    strings = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            translated = entry.msgstr and entry.msgstr != entry.msgid
            phrase = " " in entry.msgid and len(entry.msgid) > 6
            if translated and phrase and "%" not in entry.msgid:
                strings.add(entry.msgid)
    return strings


def admin_pages(request):
    yield "/bg/admin/"
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        yield f"/bg/admin/{opts.app_label}/{opts.model_name}/"
        if model_admin.has_add_permission(request):
            yield f"/bg/admin/{opts.app_label}/{opts.model_name}/add/"


@pytest.mark.django_db
def test_admin_pages_in_bulgarian_show_no_english(admin_client, real_content):
    english = english_interface_strings()
    problems = {}

    request = admin_client.get("/bg/admin/").wsgi_request
    for path in admin_pages(request):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.content.decode(), other_language="en")
        found = [
            phrase
            for phrase in english
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
        ]
        if found:
            problems[path] = found

    assert problems == {}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("bg", "Търсене"), ("en", "Search")])
def test_admin_search_field_is_labelled_in_the_admins_language(
    organiser_client, language, label
):
    page = organiser_client.get(f"/{language}/admin/programme/session/")

    html = page.content.decode()
    # The icon's alt text is the search field's label for screen readers.
    assert re.search(
        rf'<label for="searchbar"><img [^>]*alt="{label}"></label>', html
    ), html


# What our catalogue adds to Django's Bulgarian, and the names Django leaves
# out (conference.admin_labels). The browser walk (tests/browser/
# test_admin_walk.py) reads every screen; these say the same of one each.


@pytest.mark.django_db
@pytest.mark.parametrize(
    "translation",
    [
        # The user's group picker.
        "Изберете %s, като ги маркирате и натиснете бутона със стрелка „Избиране“.",
        "Премахване на всички %s",
        "Избрани %s",
        # The calendar's dates and labels, the month in lower case.
        "%(day)s %(month)s %(year)s г.",
        "декември",
        "Днес (%(date)s)",
        "Предишен месец (%(month)s %(year)s г.)",
        # The clock, the 24-hour way.
        "18 ч.",
        "Изберете час",
    ],
)
def test_admin_scripts_speak_bulgarian(organiser_client, translation):
    catalogue = organiser_client.get("/bg/admin/jsi18n/").content.decode()

    assert json_string(translation) in catalogue


def json_string(text: str) -> str:
    import json

    return json.dumps(text)[1:-1]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "yes"), [("bg", "Да"), ("en", "Yes")])
def test_yes_no_icons_say_so_in_the_admins_language(
    organiser_client, event, language, yes
):
    html = organiser_client.get(f"/{language}/admin/conference/event/").content

    assert f'alt="{yes}"' in html.decode()
    assert 'alt="True"' not in html.decode()


@pytest.fixture
def superuser_client(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="admin", is_superuser=True))
    return client


def user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2026-01-01",
        "initial-date_joined_1": "10:00:00",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "warning"),
    [
        (
            "bg",
            "Профилът „colleague“ може да влиза в администрацията, но не е в нито "
            "една група и ще вижда само „Нямате права да разглеждате или променяте "
            "каквото и да било.“ Включете го в група „Организатори“ или "
            "„Регистрационен пункт“.",
        ),
        (
            "en",
            "The account “colleague” can sign in to the admin but is in no group, so "
            "it will see only “You don’t have permission to view or edit anything.” "
            "Put it in the “Organisers” or “Registration desk” group.",
        ),
    ],
)
def test_saving_a_staff_user_without_a_group_warns(superuser_client, language, warning):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    colleague = UserFactory(username="colleague")
    url = f"/{language}/admin/auth/user/{colleague.pk}/change/"

    alone = superuser_client.post(url, user_form(colleague), follow=True)
    organisers = Group.objects.get(name="Organisers")
    grouped = superuser_client.post(
        url, user_form(colleague, groups=[organisers.pk]), follow=True
    )

    assert warning in alone.content.decode()
    assert "warning" in alone.content.decode()
    assert warning not in grouped.content.decode()
    colleague.refresh_from_db()
    assert colleague.is_staff
    assert list(colleague.groups.all()) == [organisers]


@pytest.mark.django_db
def test_a_role_is_named_in_bulgarian_on_its_own_pages(superuser_client):
    from django.contrib.auth.models import Group

    organisers = Group.objects.get(name="Organisers")
    base = f"/bg/admin/auth/group/{organisers.pk}"

    for page in ("change", "history", "delete"):
        html = superuser_client.get(f"{base}/{page}/").content.decode()
        assert "Организатори" in html, page
        assert "Organisers" not in visible_text(html, other_language="en"), page


@pytest.mark.django_db
def test_delete_page_leaves_out_the_rows_linking_partners_to_projects(
    organiser_client, real_content
):
    from programme.models import Project

    project = Project.objects.filter(partners__isnull=False).first()
    partner = project.partners.first()

    html = organiser_client.get(
        f"/bg/admin/conference/partner/{partner.pk}/delete/"
    ).content.decode()

    assert "Партньор: <a" in html
    assert str(partner) in html
    assert "Project-partner" not in html
    assert "Project_partners object" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("bg", ['aria-label="Презентация (PDF)"', 'aria-label="Роля"']),
        ("en", ['aria-label="Slides (PDF)"', 'aria-label="Role"']),
    ],
)
def test_session_form_names_its_upload_and_speaker_fields(
    organiser_client, event, language, names
):
    html = organiser_client.get(f"/{language}/admin/programme/session/add/").content

    for name in names:
        assert name in html.decode()
    speaker = re.search(
        r'<select name="session_speakers-0-speaker"[^>]*>', html.decode()
    ).group(0)
    order = re.search(
        r'<input type="number" name="session_speakers-0-order"[^>]*>', html.decode()
    ).group(0)
    assert "aria-label=" in speaker
    assert "aria-label=" in order


@pytest.mark.django_db
def test_editable_list_cells_are_named_by_column_and_row(
    organiser_client, real_content
):
    from conference.models import Partner

    partner = Partner.objects.order_by("order", "name").first()

    html = organiser_client.get("/bg/admin/conference/partner/").content.decode()

    assert f'aria-label="Ред на показване: {partner}"' in html.replace("&quot;", '"')


@pytest.mark.django_db
def test_a_filter_by_value_names_the_blank_value(organiser_client, db):
    from tests.factories import SpeakerFactory

    SpeakerFactory(country_bg="", country_en="")
    SpeakerFactory(country_bg="България", country_en="Bulgaria")

    html = organiser_client.get("/bg/admin/programme/speaker/").content.decode()

    assert re.search(r'href="\?country=">\s*\(не е попълнено\)\s*</a>', html), html


@pytest.mark.django_db
def test_tabular_inline_names_every_column(organiser_client, real_content):
    from programme.models import Speaker

    speaker = Speaker.objects.filter(session_roles__isnull=False).first()

    html = organiser_client.get(
        f"/bg/admin/programme/speaker/{speaker.pk}/change/"
    ).content.decode()

    assert re.search(r"<th[^>]*>\s*</th>", html) is None
    assert "Запазен запис" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "count", "theme"),
    [
        ("bg", "Зали: 2", "Смяна на темата (текуща тема: автоматична)"),
        ("en", "Rooms: 2", "Toggle theme (current theme: auto)"),
    ],
)
def test_a_list_counts_its_rows_after_their_name(
    organiser_client, event, language, count, theme
):
    from tests.factories import RoomFactory

    RoomFactory(event=event, name_bg="Зала 1")
    RoomFactory(event=event, name_bg="Зала 2")

    html = organiser_client.get(f"/{language}/admin/programme/room/").content.decode()

    # Not "2 зали": „7 партньора“ needs a counted form the names do not give.
    assert re.search(rf'<nav class="paginator"[^>]*>.*?{count}\s', html, re.S)
    assert theme in html


@pytest.mark.django_db
def test_the_user_form_says_може_not_можи(superuser_client):
    # Django's Bulgarian writes „можи“ in the help of "password-based
    # authentication"; our catalogue says it as a Bulgarian would.
    html = superuser_client.get("/bg/admin/auth/user/add/").content.decode()

    assert "Дали потребителят ще може да влиза с парола." in html
    assert "можи" not in html
