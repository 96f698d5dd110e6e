"""An image without a description in both languages is refused where it
would be published: result images, partner logos, speaker photos (photos of
the day: tests/archive/test_archive.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.models import Partner
from programme.models import Result, Speaker
from tests.conference.test_images import picture_bytes
from tests.factories import PartnerFactory, ResultFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

RESULT_REFUSED = {
    "en": "Describe the image in this language too",
    "bg": "Опишете и на този език какво показва изображението",
}
PARTNER_REFUSED = {
    "en": "A partner with a logo needs its name in this language too",
    "bg": "Партньор с лого трябва да има наименование и на този език",
}
SPEAKER_REFUSED = {
    "en": "A speaker with a photo needs the name in this language too",
    "bg": "Лектор със снимка трябва да има име и на този език",
}


def picture(name="picture.png"):
    return SimpleUploadedFile(name, picture_bytes("PNG", size=(640, 400)))


def result_form(result, **changes):
    data = {
        "category": result.category,
        "slug": result.slug,
        "order": 0,
        "figure_source_url": "",
        "link_url": "",
    }
    for name in (
        "title",
        "summary",
        "body",
        "figure_value",
        "figure_label",
        "figure_source",
        "image_alt",
    ):
        for code in ("bg", "en"):
            data[f"{name}_{code}"] = getattr(result, f"{name}_{code}") or ""
    return data | changes


def partner_form(partner, **changes):
    return {
        "name_bg": partner.name_bg,
        "name_en": partner.name_en,
        "short_name_bg": "",
        "short_name_en": "",
        "slug": partner.slug,
        "role": partner.role,
        "country_bg": "",
        "country_en": "",
        "website": "",
        "order": 0,
    } | changes


def speaker_form(speaker, **changes):
    data = {
        "slug": speaker.slug,
        "order": 0,
        "session_roles-TOTAL_FORMS": 0,
        "session_roles-INITIAL_FORMS": 0,
        "session_roles-MIN_NUM_FORMS": 0,
        "session_roles-MAX_NUM_FORMS": 1000,
    }
    for name in ("name", "position", "organisation", "country", "bio"):
        for code in ("bg", "en"):
            data[f"{name}_{code}"] = getattr(speaker, f"{name}_{code}") or ""
    return data | changes


@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.parametrize("missing", ["bg", "en"])
def test_result_image_without_a_description_in_a_language_is_refused(
    organiser_client, language, missing
):
    result = ResultFactory(image_alt_bg="Участници", image_alt_en="Participants")
    url = f"/{language}/admin/programme/result/{result.pk}/change/"

    response = organiser_client.post(
        url, result_form(result, image=picture(), **{f"image_alt_{missing}": " "})
    )

    assert response.status_code == 200
    assert RESULT_REFUSED[language] in response.content.decode()
    result.refresh_from_db()
    assert not result.image


def test_result_image_with_both_descriptions_is_saved(organiser_client):
    result = ResultFactory(image_alt_bg="Участници", image_alt_en="Participants")

    response = organiser_client.post(
        f"/en/admin/programme/result/{result.pk}/change/",
        result_form(result, image=picture()),
    )

    assert response.status_code == 302
    assert Result.objects.get(pk=result.pk).image


def test_result_without_an_image_needs_no_description(organiser_client):
    result = ResultFactory()

    response = organiser_client.post(
        f"/en/admin/programme/result/{result.pk}/change/",
        result_form(result, summary_en="Changed."),
    )

    assert response.status_code == 302


@pytest.mark.parametrize("language", ["bg", "en"])
def test_partner_logo_needs_the_name_in_both_languages(organiser_client, language):
    partner = PartnerFactory(name_en="")
    url = f"/{language}/admin/conference/partner/{partner.pk}/change/"

    refused = organiser_client.post(url, partner_form(partner, logo=picture()))
    partner.name_en = "Animus Association"
    saved = organiser_client.post(url, partner_form(partner, logo=picture()))

    assert refused.status_code == 200
    assert PARTNER_REFUSED[language] in refused.content.decode()
    assert saved.status_code == 302
    assert Partner.objects.get(pk=partner.pk).logo


@pytest.mark.parametrize("language", ["bg", "en"])
def test_speaker_photo_needs_the_name_in_both_languages(organiser_client, language):
    speaker = SpeakerFactory(name_en="")
    url = f"/{language}/admin/programme/speaker/{speaker.pk}/change/"

    refused = organiser_client.post(url, speaker_form(speaker, photo=picture()))
    speaker.name_en = "Iva Petrova"
    saved = organiser_client.post(url, speaker_form(speaker, photo=picture()))

    assert refused.status_code == 200
    assert SPEAKER_REFUSED[language] in refused.content.decode()
    assert saved.status_code == 302
    assert Speaker.objects.get(pk=speaker.pk).photo


def test_content_loader_still_loads_the_real_content(real_content):
    assert Result.objects.exists()
    assert Partner.objects.exists()
    assert Speaker.objects.exists()
