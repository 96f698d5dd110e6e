import pytest
from django.test import override_settings

from tests.factories import UserFactory
from tests.public_pages import public_paths
from tests.unreachable_database import get_without_database


def assert_security_headers(response):
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert "includeSubDomains" in response["Strict-Transport-Security"]
    policy = response["Content-Security-Policy"]
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]:
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_every_public_page_sends_the_security_headers(client, real_content, language):
    for path in public_paths(language):
        response = client.get(path, secure=True)

        assert response.status_code == 200, path
        assert_security_headers(response)


@pytest.mark.django_db
def test_admin_pages_are_never_stored(admin_client):
    response = admin_client.get("/en/admin/")

    assert "no-store" in response["Cache-Control"]


def login(client, username, password, ip):
    return client.post(
        "/en/admin/login/?next=/en/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_the_username_from_that_address_only(client):
    UserFactory(username="organiser", password="the-right-password-42")
    for _ in range(3):
        login(client, "organiser", "wrong", ip="203.0.113.9")

    locked = login(client, "organiser", "the-right-password-42", ip="203.0.113.9")
    elsewhere = login(client, "organiser", "the-right-password-42", ip="198.51.100.7")

    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert elsewhere.status_code == 302
    assert elsewhere["Location"] == "/en/admin/"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("bg", "Сайтът е временно недостъпен"),
        ("en", "The site is temporarily unavailable"),
    ],
)
def test_pages_answer_a_translated_503_when_the_database_is_down(language, heading):
    status, body = get_without_database(f"/{language}/")

    assert status == 503
    assert f'<html lang="{language}">' in body
    assert heading in body
    assert "Traceback" not in body


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_lock_out_lives_in_the_database_not_the_cache(client):
    """docs/security.md: lock-outs are rows in PostgreSQL, so losing the
    cache (Redis down or flushed) does not lift them."""
    from axes.models import AccessAttempt
    from django.core.cache import cache

    UserFactory(username="organiser", password="the-right-password-42")
    for _ in range(3):
        login(client, "organiser", "wrong", ip="203.0.113.9")
    cache.clear()  # everything Redis held is gone

    locked = login(client, "organiser", "the-right-password-42", ip="203.0.113.9")

    assert locked.status_code == 429
    assert AccessAttempt.objects.get().failures_since_start >= 3


@pytest.mark.django_db
def test_rate_limit_lives_in_the_database_not_the_cache(client, event, settings):
    from django.core.cache import cache

    from registrations import ratelimit
    from registrations.models import PostRate

    settings.REGISTRATION_RATE_LIMIT = 2
    statuses = []
    for _ in range(3):
        cache.clear()  # as if each POST met a fresh, empty Redis
        ratelimit._blocked.clear()  # and another worker
        statuses.append(client.post("/en/register/", {}).status_code)

    assert statuses == [200, 200, 429]
    assert PostRate.objects.get().posts == 3
