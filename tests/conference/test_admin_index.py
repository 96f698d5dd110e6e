"""The admin's home page gets its boxes from the apps: it asks for the
"admin_index" page sections (conference.signals.page_sections), and each app
answers for its own box, to those who may use it. The template names no app."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from conference import signals
from conference.page_sections import PageSection
from tests.factories import EventFactory, UserFactory

AGENDA_BOX = 'class="module agenda-links"'
CHECKLIST_BOX = 'class="module go-live-checklist"'
DESK_BOX = 'class="module desk-links"'


def admin_home(client, language: str) -> str:
    response = client.get(f"/{language}/admin/")
    assert response.status_code == 200
    return response.content.decode()


def translated(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_admin_index_shows_organisers_each_apps_box_in_order(
    organiser_client, language
):
    EventFactory()

    page = admin_home(organiser_client, language)

    with translation.override(language):
        grid = reverse("admin:programme_session_grid")
        check_in = reverse("registrations:check_in_search")
    assert f'href="{grid}"' in page
    assert f'href="{check_in}"' in page
    assert translated(language, "Build the day on the grid") in page
    assert translated(language, "Before the site goes live") in page
    assert translated(language, "Registration desk") in page
    # The day grid first, then the checklist, then the desk; the models after.
    boxes = [page.index(box) for box in (AGENDA_BOX, CHECKLIST_BOX, DESK_BOX)]
    assert boxes == sorted(boxes)
    assert boxes[-1] < page.index('id="content-main"')


@pytest.mark.django_db
def test_admin_index_shows_the_desk_its_box_but_not_the_day_grid(desk_client):
    EventFactory()

    page = admin_home(desk_client, "en")

    assert DESK_BOX in page
    assert "Sign-in sheet" in page
    assert AGENDA_BOX not in page
    assert reverse("admin:programme_session_grid") not in page


@pytest.mark.django_db
def test_admin_index_shows_staff_without_permissions_neither_app_box(client):
    EventFactory()
    client.force_login(UserFactory(username="staff", is_staff=True))

    page = admin_home(client, "en")

    assert AGENDA_BOX not in page
    assert DESK_BOX not in page
    assert "/en/check-in/" not in page


@pytest.mark.django_db
def test_admin_index_shows_whatever_box_an_app_answers_with(organiser_client):
    """Boxes come from the apps' receivers, not from the template: a new
    receiver's box appears, and nothing of it is named in the template."""
    EventFactory()

    def extra_box(sender, *, page, context, **kwargs):
        if page != "admin_index":
            return []
        section_context = {"url": "/en/elsewhere/", "label": "An app's own box"}
        return [PageSection("includes/_nav_link.html", section_context)]

    signals.page_sections.connect(extra_box, dispatch_uid="test_admin_index.extra")
    try:
        page = admin_home(organiser_client, "en")
    finally:
        signals.page_sections.disconnect(dispatch_uid="test_admin_index.extra")

    assert '<a class="nav-link" href="/en/elsewhere/">An app&#x27;s own box</a>' in (
        page
    )
    assert page.index("An app&#x27;s own box") > page.index(DESK_BOX)
    assert "elsewhere" not in admin_home(organiser_client, "en")
