"""Adding speakers: at the end of the protocol order, and a chosen photo kept
when the form comes back with an error elsewhere."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from programme.models import Speaker
from tests.conference.test_images import picture_bytes
from tests.factories import SpeakerFactory
from tests.programme.test_admin import log_in

ADD_URL = "/{language}/admin/programme/speaker/add/"


def new_speaker(**changes):
    data = {
        "name_bg": "Мария Иванова",
        "name_en": "Maria Ivanova",
        "slug": "",
        "position_bg": "",
        "position_en": "",
        "organisation_bg": "",
        "organisation_en": "",
        "country_bg": "",
        "country_en": "",
        "bio_bg": "",
        "bio_en": "",
        "order": 10,
        "session_roles-TOTAL_FORMS": 0,
        "session_roles-INITIAL_FORMS": 0,
        "session_roles-MIN_NUM_FORMS": 0,
        "session_roles-MAX_NUM_FORMS": 0,
    }
    return data | changes


def kept_reference(page: str) -> str:
    match = re.search(r'name="photo__kept" value="([^"]+)"', page)
    assert match, "no kept photo on the page"
    return match.group(1)


@pytest.mark.django_db
def test_a_new_speaker_comes_last_in_protocol_order(client, organiser):
    SpeakerFactory(name_en="Deputy Minister", order=10)
    SpeakerFactory(name_en="Ambassador", order=20)
    log_in(client, organiser, "bg")

    page = client.get(ADD_URL.format(language="bg")).content.decode()

    assert re.search(r'name="order" value="30"', page), "the order offered is not 30"


@pytest.mark.django_db
def test_the_first_speaker_starts_the_protocol_order_at_ten(client, organiser):
    log_in(client, organiser)

    page = client.get(ADD_URL.format(language="en")).content.decode()

    assert re.search(r'name="order" value="10"', page)


@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.django_db
def test_a_chosen_photo_is_kept_when_the_form_comes_back(
    client, organiser, language, django_capture_on_commit_callbacks
):
    log_in(client, organiser, language)
    photo = SimpleUploadedFile("portrait.jpg", picture_bytes("JPEG", size=(400, 500)))

    # The English name is missing: a photo needs the name in both languages.
    shown = client.post(
        ADD_URL.format(language=language), new_speaker(name_en="", photo=photo)
    )

    page = shown.content.decode()
    assert shown.status_code == 200
    note = {
        "bg": "Избрахте „portrait.jpg“: файлът е запазен и не е нужно да го "
        "избирате отново.",
        "en": "You chose “portrait.jpg”: it is kept, no need to choose it again.",
    }[language]
    assert note in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert not Speaker.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            ADD_URL.format(language=language),
            new_speaker(photo__kept=kept_reference(page)),
        )

    assert saved.status_code == 302
    speaker = Speaker.objects.get()
    assert speaker.photo
    assert (speaker.photo_width, speaker.photo_height) == (400, 500)


@pytest.mark.django_db
def test_a_forged_or_cleared_kept_photo_is_not_used(client, organiser):
    log_in(client, organiser)
    photo = SimpleUploadedFile("portrait.jpg", picture_bytes("JPEG", size=(400, 500)))
    page = client.post(
        ADD_URL.format(language="en"), new_speaker(name_en="", photo=photo)
    ).content.decode()
    reference = kept_reference(page)

    forged = client.post(
        ADD_URL.format(language="en"),
        new_speaker(photo__kept="../../etc/passwd:abc:def"),
    )
    assert forged.status_code == 302
    assert not Speaker.objects.get().photo

    cleared = client.post(
        ADD_URL.format(language="en"),
        new_speaker(name_bg="Георги Петров", name_en="Georgi Petrov")
        | {"photo__kept": reference, "photo-clear": "on"},
    )
    assert cleared.status_code == 302
    assert not Speaker.objects.get(name_en="Georgi Petrov").photo
