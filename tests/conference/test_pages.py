import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.language_checks import other_language_strings, visible_text
from tests.public_pages import public_paths

PUBLIC_PAGES = ["conference:home", "conference:about", "conference:venue"]


def url_in(language, name):
    with translation.override(language):
        return reverse(name)


@pytest.mark.django_db
def test_every_public_page_speaks_one_language(client, published_content, language):
    paths = public_paths(language)
    assert len(paths) > 20

    for path in paths:
        response = client.get(path)

        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, path
        assert html.count("<h1") == 1, path
        assert other_language_strings(html, language) == [], path


@pytest.mark.django_db
def test_home_shows_the_real_event_in_each_language(client, published_content):
    bg = visible_text(client.get("/bg/").content.decode(), other_language="en")
    en = visible_text(client.get("/en/").content.decode(), other_language="bg")

    assert "Заключителна конференция на Програмата за борба с трафика на хора" in bg
    assert "Хотел „КООП“" in bg
    assert "Closing Conference of the Bulgarian–Swiss Programme" in en
    assert "COOP Hotel" in en
    assert "National Commission for Combating Trafficking in Human Beings" in en
    assert "Национална комисия за борба с трафика на хора" in bg


@pytest.mark.django_db
def test_about_page_describes_the_programme_and_partners(client, published_content):
    text = visible_text(client.get("/en/about/").content.decode(), other_language="bg")

    assert "Thematic Fund “Security”" in text
    assert (
        "the capacity to accommodate victims of trafficking in Bulgaria was doubled"
        in text
    )
    for partner in [
        "Animus Association Foundation",
        "International Organization for Migration",
        "Swiss Federal Office of Police (fedpol)",
        "International Centre for Migration Policy Development",
    ]:
        assert partner in text


@pytest.mark.django_db
def test_dates_are_written_the_local_way(client, event):
    event.date = event.date.replace(month=9, day=20)
    event.save()

    assert "20 септември" in client.get("/bg/").content.decode()
    assert "20 September" in client.get("/en/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("bg-BG,bg;q=0.9", "/bg/"), ("de-CH", "/en/")],
)
def test_root_redirects_by_accept_language(client, event, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_root_redirects_to_the_language_last_chosen(client, event):
    client.get("/en/about/")

    response = client.get("/", headers={"accept-language": "bg"})

    assert response["Location"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_language_switcher_points_at_the_same_page(client, event, language, name):
    other = "en" if language == "bg" else "bg"
    html = client.get(url_in(language, name)).content.decode()

    switcher = re.search(
        r'<ul class="navbar-nav language-switcher".*?</ul>', html, re.S
    ).group(0)
    assert f'href="{url_in(other, name)}"' in switcher
    assert f'hreflang="{other}" lang="{other}"' in switcher
    alternate = f"http://testserver{url_in(other, name)}"
    assert f'<link rel="alternate" hreflang="{other}" href="{alternate}">' in html


@pytest.mark.django_db
def test_missing_page_is_a_translated_404(client, event, language):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    heading = "Страницата не е намерена" if language == "bg" else "Page not found"
    assert heading in html
    assert other_language_strings(html, language) == []


@pytest.mark.django_db
def test_pages_answer_404_before_content_is_loaded(client):
    assert client.get("/en/").status_code == 404


@pytest.mark.django_db
def test_home_invites_to_register_while_open(client, event):
    event.registration_enabled = False
    event.save()

    text = visible_text(client.get("/en/").content.decode(), other_language="bg")

    assert "Registration has been closed by the organisers" in text


@pytest.mark.django_db
def test_home_speaks_in_the_past_after_the_event(client, past_event):
    bg = visible_text(client.get("/bg/").content.decode(), other_language="en")
    en = visible_text(client.get("/en/").content.decode(), other_language="bg")

    assert "Конференцията се проведе на" in bg
    assert "The conference took place on" in en
    assert "Register" not in en
