"""Who may use the day grid: its page and its endpoint are for organisers
only, signed in, with the CSRF token."""

from tests.programme.grid_requests import grid_url, local, move_url, post_move


def test_grid_move_refuses_a_get(organiser_client):
    assert organiser_client.get(move_url()).status_code == 405


def test_grid_move_is_refused_to_the_registration_desk(desk_client, opening, halls):
    response = post_move(desk_client, opening, start="12:00", end="12:30")

    assert response.status_code == 403
    assert response.json()["message"] == "You may not change the agenda."
    opening.refresh_from_db()
    assert local(opening.starts_at) == "10:00"


def test_grid_move_sends_an_anonymous_visitor_to_sign_in(client, opening):
    response = post_move(client, opening, start="12:00", end="12:30")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    opening.refresh_from_db()
    assert local(opening.starts_at) == "10:00"


def test_grid_move_needs_the_csrf_token(opening, organiser):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(organiser)

    response = post_move(strict, opening, start="12:00", end="12:30")

    assert response.status_code == 403
    opening.refresh_from_db()
    assert local(opening.starts_at) == "10:00"


def test_grid_page_is_refused_to_the_registration_desk(desk_client, opening):
    assert desk_client.get(grid_url()).status_code == 403


def test_grid_page_sends_an_anonymous_visitor_to_sign_in(client, opening):
    response = client.get(grid_url())

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
