import re
from urllib.parse import unquote

import pytest
from django.utils import timezone
from django.utils.html import escape

from registrations import tickets
from registrations.models import RegistrationStatus, RegistrationToken, TokenPurpose
from tests.factories import RegistrationFactory
from tests.language_checks import other_language_strings
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(on_the_day):
    """The desk works on the day: these tests run at 10:00 on it."""
    return on_the_day


def interface_only(html, *registrations):
    """The page without what attendees typed, which is in any script."""
    for registration in registrations:
        for field in (
            "first_name",
            "last_name",
            "organisation",
            "country",
            "accessibility_requirements",
        ):
            value = getattr(registration, field)
            if value:
                html = html.replace(escape(value), "")
    return html


def confirmed(event, **fields):
    return RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, **fields
    )


class TestCheckInSearch:
    def test_finds_by_name_and_shows_what_the_door_needs(
        self, desk_client, event, language
    ):
        elena = confirmed(
            event,
            first_name="Елена",
            last_name="Петрова",
            organisation="Агенция за закрила на детето",
            needs_interpretation=True,
            accessibility_requirements="Инвалидна количка",
            email="elena@example.org",
            phone="+359 888 123 456",
        )
        confirmed(event, first_name="John", last_name="Smith")

        response = desk_client.get(f"/{language}/check-in/", {"q": "петрова"})

        html = response.content.decode()
        assert "Елена Петрова" in html
        assert "Агенция за закрила на детето" in html
        assert "Инвалидна количка" in html
        assert "John Smith" not in html
        assert "elena@example.org" not in html
        assert "888 123 456" not in html
        assert 'name="registration"' in html
        assert other_language_strings(interface_only(html, elena), language) == []
        assert "no-store" in response["Cache-Control"]

    def test_search_by_several_words_and_organisation(self, desk_client, event):
        confirmed(event, first_name="Anna", last_name="Black", organisation="IOM")
        confirmed(event, first_name="Anna", last_name="White", organisation="UNHCR")

        html = desk_client.get("/en/check-in/", {"q": "anna iom"}).content.decode()

        assert "Anna Black" in html
        assert "Anna White" not in html

    def test_check_in_once_then_already_checked_in(self, desk_client, desk, event):
        person = confirmed(event, first_name="Елена", last_name="Петрова")

        response = desk_client.post(
            "/bg/check-in/", {"registration": person.pk, "q": "Петрова"}
        )
        assert response.status_code == 302
        assert (
            response.url == "/bg/check-in/?q=%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D0%B0"
        )
        person.refresh_from_db()
        assert person.checked_in_at is not None
        assert person.checked_in_by == desk
        first_time = person.checked_in_at

        again = desk_client.post(
            "/en/check-in/", {"registration": person.pk, "q": "Петрова"}, follow=True
        )

        person.refresh_from_db()
        assert person.checked_in_at == first_time
        time = f"{timezone.localtime(first_time):%H:%M}"
        html = again.content.decode()
        assert f"Елена Петрова: Already checked in at {time}." in html
        assert f"Already checked in at {time}." in html
        assert '1</strong> / <strong data-count="confirmed">1</strong>' in html

    @pytest.mark.parametrize(
        "status",
        [
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.CANCELLED,
            RegistrationStatus.PENDING,
        ],
    )
    def test_refuses_registrations_without_a_seat(self, desk_client, event, status):
        person = RegistrationFactory(event=event, status=status, last_name="Колева")

        page = desk_client.get("/bg/check-in/", {"q": "Колева"}).content.decode()
        after = desk_client.post(
            "/bg/check-in/", {"registration": person.pk, "q": "Колева"}, follow=True
        ).content.decode()

        assert "Не допускайте" in page
        assert 'name="registration"' not in page
        assert "Не допускайте" in after
        person.refresh_from_db()
        assert person.checked_in_at is None

    def test_count_of_checked_in_against_confirmed(self, desk_client, event):
        confirmed(event, checked_in_at=timezone.now())
        confirmed(event)
        confirmed(event)
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

        html = desk_client.get("/en/check-in/").content.decode()
        count = desk_client.get("/en/desk/count.json").json()

        assert re.search(r'data-count="checked_in">1<.*data-count="confirmed">3<', html)
        assert count == {"checked_in": 1, "confirmed": 3}

    def test_page_is_small_and_script_free_inline(self, desk_client, event):
        confirmed(event, last_name="Петрова")

        html = desk_client.get("/bg/check-in/", {"q": "Петрова"}).content.decode()

        assert len(html.encode()) < 8000
        assert "bootstrap" not in html
        assert "<style" not in html
        assert "style=" not in html
        assert re.findall(r"<script[^>]*>", html) == [
            '<script src="/bg/jsi18n/" defer>',
            '<script src="/static/js/check-in-count.js" defer>',
        ]

    def test_too_short_query_says_so(self, desk_client, event):
        html = desk_client.get("/en/check-in/", {"q": "a"}).content.decode()

        assert "at least 2 characters" in html


def test_check_in_link_page_shows_count_and_search_link(desk_client, event, language):
    person = confirmed(event, organisation="Animus")
    token = make_token(person, TokenPurpose.CHECK_IN)

    response = desk_client.get(f"/{language}/check-in/{token}/")

    html = response.content.decode()
    assert person.full_name in html
    assert 'data-count="confirmed">1<' in html
    assert f'href="/{language}/check-in/"' in html
    assert other_language_strings(interface_only(html, person), language) == []
    assert "no-store" in response["Cache-Control"]


def test_sign_in_sheet_sorted_by_last_name_without_contact_details(
    desk_client, event, language
):
    people = [
        confirmed(event, first_name="Мария", last_name="Янева", email="m@example.org"),
        confirmed(event, first_name="Иван", last_name="Антонов", phone="+359 2 123"),
        confirmed(event, first_name="Boris", last_name="Димов"),
    ]
    RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, last_name="Чакащ"
    )

    response = desk_client.get(f"/{language}/desk/sign-in-sheet/")

    html = response.content.decode()
    names = re.findall(r'<td class="sheet-last">([^<]+)</td>', html)
    assert names == ["Антонов", "Димов", "Янева"]
    assert "Чакащ" not in html
    assert "m@example.org" not in html
    assert "+359 2 123" not in html
    assert other_language_strings(interface_only(html, *people), language) == []
    assert "no-store" in response["Cache-Control"]


class TestBadges:
    def test_start_page_counts_confirmed_attendees(self, organiser_client, event):
        confirmed(event)
        confirmed(event)

        html = organiser_client.get("/en/desk/badges/").content.decode()

        assert "There are 2 confirmed attendees." in html
        assert 'method="post"' in html

    def test_badges_for_cyrillic_and_latin_names(
        self, organiser_client, event, language
    ):
        tsvetelina = confirmed(
            event,
            first_name="Цветелина",
            last_name="Жечева-Йорданова",
            organisation="Национална комисия за борба с трафика на хора",
            country="България",
        )
        confirmed(
            event,
            first_name="Zoë",
            last_name="O'Brien-Müller",
            organisation="Federal Office of Police fedpol",
            country="Switzerland",
        )
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)

        response = organiser_client.post(f"/{language}/desk/badges/")

        html = response.content.decode()
        assert html.count('class="badge"') == 2
        assert "Цветелина" in html
        assert "Жечева-Йорданова" in html
        assert "Zoë" in html
        assert "O&#x27;Brien-Müller" in html
        assert "Switzerland" in html
        assert event.short_title in html
        assert html.count('src="data:image/svg+xml') == 2
        assert "no-store" in response["Cache-Control"]
        page = interface_only(html, tsvetelina)
        assert other_language_strings(page, language) == []

    def test_badge_qr_code_opens_the_check_in_page(self, organiser_client, event):
        person = confirmed(event, last_name="Петрова")

        html = organiser_client.post("/en/desk/badges/").content.decode()

        data_uri = re.search(r'src="(data:image/svg\+xml[^"]+)"', html).group(1)
        assert person.tokens.filter(purpose=TokenPurpose.CHECK_IN).count() == 1
        assert RegistrationToken.objects.count() == 1
        # The SVG is only a picture; the link it encodes is checked through
        # the token made for the badge, which opens the check-in page.
        assert data_uri.startswith("data:image/svg+xml")
        svg = unquote(data_uri.split(",", 1)[1])
        assert "<svg" in svg
        assert "style=" not in svg

    def test_badges_page_is_a_print_layout(self, organiser_client, event):
        confirmed(event)

        html = organiser_client.post("/bg/desk/badges/").content.decode()

        assert "/static/css/desk.css" in html
        assert "bootstrap" not in html
        assert "data-print" in html


def test_badge_token_is_a_working_check_in_link(organiser_client, event):
    person = confirmed(event)
    tokens = tickets.issue_badge_tokens(registrations=[person])

    response = organiser_client.get(f"/en/check-in/{tokens[person.pk]}/")

    assert response.status_code == 200
    assert person.full_name in response.content.decode()


def test_print_pages_get_a_web_font_cut_for_their_cjk_names(organiser_client, event):
    confirmed(event, first_name="小明", last_name="王")
    confirmed(event, first_name="Иван", last_name="Петров")

    sheet = organiser_client.get("/en/desk/sign-in-sheet/").content.decode()
    css = organiser_client.get("/en/desk/fonts/names.css").content.decode()
    font_url = re.search(r'url\("([^"]+)"\)', css).group(1)
    font = organiser_client.get(font_url)

    assert '<link rel="stylesheet" href="/en/desk/fonts/names.css">' in sheet
    assert "unicode-range: U+5C0F, U+660E, U+738B;" in css
    assert font["Content-Type"] == "font/woff2"
    assert font.content.startswith(b"wOF2")
    assert len(font.content) < 20_000  # three characters, not the 19 MB font
    other_digest = font_url.replace("names-", "names-0")
    assert organiser_client.get(other_digest).status_code == 404


def test_print_pages_without_cjk_names_load_no_extra_font(desk_client, event):
    confirmed(event, first_name="Иван", last_name="Петров")

    sheet = desk_client.get("/en/desk/sign-in-sheet/").content.decode()

    assert "fonts/names.css" not in sheet
    assert desk_client.get("/en/desk/fonts/names.css").content == b""


def test_name_font_is_for_staff_who_print(client, event):
    confirmed(event, first_name="小明", last_name="王")

    response = client.get("/en/desk/fonts/names.css")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
