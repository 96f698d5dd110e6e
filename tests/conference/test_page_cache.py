import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import override_settings

from conference.models import Event, Partner
from conference.page_cache import VERSION_KEY, clear_local_pages
from tests.public_pages import public_paths


@pytest.mark.django_db
def test_cached_public_pages_make_no_database_query(
    client, published_content, language, django_assert_num_queries
):
    pages = public_paths(language, with_forms=False)
    assert len(pages) > 20
    exports = ["conference.ics", "agenda.ics", "schedule.json"]
    for path in [*pages, *(f"/{language}/{export}" for export in exports)]:
        first = client.get(path)

        with django_assert_num_queries(0):
            again = client.get(path)

        assert again.status_code == 200
        assert again.content == first.content


@pytest.mark.django_db
def test_languages_never_share_a_cache_entry(client, published_content):
    client.get("/bg/")
    client.get("/en/")

    bulgarian = client.get("/bg/").content.decode()
    english = client.get("/en/").content.decode()

    assert '<html lang="bg">' in bulgarian
    assert "Заключителна конференция" in bulgarian
    assert '<html lang="en">' in english
    assert "Closing Conference" in english


@pytest.mark.django_db
def test_an_admin_edit_shows_at_once(admin_client, client, event):
    client.get("/en/venue/")
    data = {
        field: getattr(event, field)
        for field in [
            "slug",
            "date",
            "start_time",
            "end_time",
            "capacity",
            "check_in_opens_before",
            "registration_mode",
            "reserved_seats",
        ]
    }
    data |= {
        f"{field}_{language}": getattr(event, f"{field}_{language}") or ""
        for field in ["title", "short_title", "city", "venue_name"]
        for language in ("bg", "en")
    }
    data |= {
        "is_current": "on",
        "registration_enabled": "on",
        "venue_name_en": "Grand Hall",
    }

    response = admin_client.post(f"/en/admin/conference/event/{event.pk}/change/", data)

    assert response.status_code == 302
    assert "Grand Hall" in client.get("/en/venue/").content.decode()


@pytest.mark.django_db
def test_a_deleted_partner_disappears_at_once(client, published_content):
    card = '<span class="partner-name">Animus Association Foundation</span>'
    assert card in client.get("/en/about/").content.decode()

    Partner.objects.get(slug="animus").delete()

    assert card not in client.get("/en/about/").content.decode()


@pytest.mark.django_db
def test_a_page_with_a_pending_message_is_rendered_afresh(client, event):
    client.get("/en/")
    # A bulk update sends no signal, so the cached page is now stale.
    Event.objects.update(title_en="Renamed without a signal")
    cached = client.get("/en/").content.decode()
    client.cookies[CookieStorage.cookie_name] = "pending"

    fresh = client.get("/en/").content.decode()

    assert "Renamed without a signal" not in cached
    assert "Renamed without a signal" in fresh


@pytest.mark.django_db
def test_calendar_file_answers_not_modified_to_a_conditional_request(client, event):
    first = client.get("/en/conference.ics")

    again = client.get("/en/conference.ics", headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.django_db
def test_pages_with_a_form_are_never_cached(client, event):
    client.get("/en/register/")
    Event.objects.update(title_en="Renamed without a signal")

    response = client.get("/en/register/")

    assert "Renamed without a signal" in response.content.decode()
    assert "csrftoken" in response.cookies


@pytest.mark.django_db
@override_settings(PAGE_CACHE_VERSION_CHECK_SECONDS=0)
def test_an_edit_saved_on_another_server_is_seen_here(client, event):
    client.get("/en/venue/")
    # Another server saves content: the shared version moves on, and this
    # process's own copy of the page must not be served any longer.
    Event.objects.update(venue_name_en="Grand Hall")
    cache.incr(VERSION_KEY)

    assert "Grand Hall" in client.get("/en/venue/").content.decode()


@pytest.mark.django_db
def test_a_page_rendered_on_another_server_is_served_from_the_shared_cache(
    client, event, django_assert_num_queries
):
    client.get("/en/about/")
    clear_local_pages()  # a fresh process that has not rendered it

    with django_assert_num_queries(0):
        response = client.get("/en/about/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_a_random_query_string_neither_bypasses_nor_grows_the_cache(
    client, real_content, django_assert_num_queries
):
    first = client.get("/en/agenda/")
    entries = len(cache._cache)

    for number in range(20):
        with django_assert_num_queries(0):
            response = client.get(f"/en/agenda/?utm={number}&x={number * 7}")
        assert response.content == first.content

    assert len(cache._cache) == entries


@pytest.mark.django_db
def test_a_stale_copy_is_served_while_the_database_is_down(
    client, real_content, monkeypatch
):
    import time

    import time_machine
    from django.db import OperationalError

    from conference import views

    fresh = client.get("/en/")

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "get_current_event", database_down)
    with time_machine.travel(time.time() + 60 * 60, tick=False):  # long stale
        response = client.get("/en/")
        client.raise_request_exception = False
        never_cached = client.get("/bg/")

    assert response.status_code == 200
    assert response.content == fresh.content
    assert never_cached.status_code == 503
    with time_machine.travel(time.time() + 60 * 60, tick=False):
        monkeypatch.undo()
        assert client.get("/en/").status_code == 200  # back: rendered afresh
