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
