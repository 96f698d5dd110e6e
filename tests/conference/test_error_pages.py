"""Every error page speaks the visitor's language."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

from tests.factories import UserFactory
from tests.language_checks import other_language_strings

HEADINGS = {
    400: {"bg": "Невалидна заявка", "en": "Bad request"},
    403: {"bg": "Достъпът е отказан", "en": "Access denied"},
    "csrf": {"bg": "Формулярът е изтекъл", "en": "The form has expired"},
    500: {"bg": "Възникна грешка", "en": "Something went wrong"},
}


def assert_translated(html, language, heading):
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert other_language_strings(html, language) == []


@pytest.mark.django_db
def test_400_page_is_translated(event, language):
    client = Client(raise_request_exception=False)

    # A host name that is not allowed is a suspicious request: 400.
    response = client.get(f"/{language}/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert_translated(response.content.decode(), language, HEADINGS[400][language])


@pytest.mark.django_db
def test_403_page_is_translated(client, event, language):
    client.force_login(UserFactory())  # staff, but with no role

    response = client.get(f"/{language}/check-in/")

    assert response.status_code == 403
    assert_translated(response.content.decode(), language, HEADINGS[403][language])


@pytest.mark.django_db
def test_csrf_failure_page_is_translated(event, language):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{language}/register/", {"email": "a@example.org"})

    assert response.status_code == 403
    assert_translated(response.content.decode(), language, HEADINGS["csrf"][language])


@pytest.mark.django_db
def test_500_page_is_translated_and_needs_no_database(
    language, django_assert_num_queries
):
    request = RequestFactory().get(f"/{language}/")

    with translation.override(language), django_assert_num_queries(0):
        response = defaults.server_error(request)

    assert response.status_code == 500
    assert_translated(response.content.decode(), language, HEADINGS[500][language])
