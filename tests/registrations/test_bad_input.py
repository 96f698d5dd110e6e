"""Input a client can send that once answered 500: now a 4xx with the site's
headers (character sets, forwarded headers, admin filters, host names)."""

import logging
import re

import pytest
from django.test import Client

from conference.client_ip import client_ip
from tests.registrations.test_views import form_data

pytestmark = pytest.mark.django_db


def strict_client():
    """A client that passes the CSRF check as a browser does (the test
    client's default skips it, which hides the failure)."""
    client = Client(enforce_csrf_checks=True)
    client.raise_request_exception = False
    page = client.get("/en/register/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client, token


def assert_site_headers(response):
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Permissions-Policy" in response.headers


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "no-such-charset"])
@pytest.mark.parametrize("path", ["/en/register/", "/en/admin/login/"])
def test_a_form_in_another_charset_gets_a_400_page(event, charset, path):
    client, token = strict_client()
    body = f"csrfmiddlewaretoken={token}&first_name=Zo%E9&username=a&password=b"

    response = client.generic(
        "POST",
        path,
        body.encode("ascii"),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )

    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert_site_headers(response)


def test_a_utf8_form_still_registers(event):
    client, token = strict_client()
    response = client.post(
        "/en/register/", {**form_data(), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("forwarded", ["not-an-ip", "1.2.3.4.5", "<script>", ""])
def test_admin_sign_in_ignores_a_forwarded_for_that_is_no_ip_address(
    client, settings, forwarded, caplog
):
    settings.TRUSTED_PROXY_COUNT = 1
    client.raise_request_exception = False
    with caplog.at_level(logging.WARNING, logger="conference.client_ip"):
        response = client.post(
            "/en/admin/login/?next=/en/admin/",
            {"username": "nobody", "password": "wrong"},
            headers={"x-forwarded-for": forwarded},
        )

    assert response.status_code == 200
    if forwarded:
        assert "not an IP address" in caplog.text


def test_client_ip_trusts_the_proxys_entry_only(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", headers={"x-forwarded-for": "203.0.113.9, 198.51.100.7"})
    assert client_ip(request) == "198.51.100.7"
    request = rf.get("/", headers={"x-forwarded-for": "198.51.100.7, rubbish"})
    assert client_ip(request) == "127.0.0.1"


def test_by_default_a_spoofed_forwarded_for_does_not_escape_the_rate_limit(
    client, event, settings
):
    """With no proxy declared (the default), X-Forwarded-For is not trusted:
    a client changing it on every request is still one client."""
    from conference import settings as production_settings

    assert production_settings.TRUSTED_PROXY_COUNT == 0
    settings.REGISTRATION_RATE_LIMIT = 2
    statuses = [
        client.post(
            "/en/register/",
            form_data(email=f"p{n}@example.org"),
            headers={"x-forwarded-for": f"192.0.2.{n}"},
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=Ana%00Maria",
        "status__exact=%00",
        "created_at__year=99999",
        "created_at__year=2026&created_at__month=13",
        "created_at__year=-1",
    ],
)
def test_admin_filters_never_answer_500(organiser_client, event, query):
    organiser_client.raise_request_exception = False
    response = organiser_client.get(f"/en/admin/registrations/registration/?{query}")

    assert response.status_code in {200, 302, 400}


def test_a_bad_host_gets_a_400_page_with_the_sites_headers(client):
    client.raise_request_exception = False
    response = client.get("/en/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert_site_headers(response)
