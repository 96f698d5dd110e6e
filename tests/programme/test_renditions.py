import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conference.images import sanitise_image
from programme.renditions import get_rendition, rendition_dimensions, rendition_name
from programme.services import create_renditions
from tests.conference.test_images import picture_bytes
from tests.factories import (
    ResultFactory,
    SessionFactory,
    SessionSpeakerFactory,
    publish,
)


@pytest.mark.parametrize(
    ("original", "size", "expected"),
    [
        ((2000, 1500), "card", (960, 540)),
        ((2000, 1500), "avatar", (160, 160)),
        ((480, 400), "card", (480, 270)),
        ((100, 80), "portrait", (80, 80)),
    ],
)
def test_rendition_dimensions_crop_and_never_enlarge(original, size, expected):
    assert rendition_dimensions(*original, size) == expected


def saved_result(size=(1600, 1200)):
    image = sanitise_image(SimpleUploadedFile("photo.jpg", picture_bytes(size=size)))
    result = ResultFactory(slug="with-image", image_alt_en="Workshop participants")
    result.image.save(image.name, image)
    return result


@pytest.mark.django_db
def test_create_renditions_writes_the_card_and_thumbnail():
    result = saved_result()

    names = create_renditions(instance=result)

    assert len(names) == 2
    card_name = rendition_name(result.image.name, "card")
    with result.image.storage.open(card_name) as file, Image.open(file) as card:
        assert card.size == (960, 540)
        assert card.format == "JPEG"


@pytest.mark.django_db
def test_rendition_is_created_on_first_request_with_its_size(client, event):
    result = saved_result(size=(1200, 900))
    storage = result.image.storage
    assert not storage.exists(rendition_name(result.image.name, "card"))

    html = client.get("/en/results/with-image/").content.decode()

    card = get_rendition(result.image, "card", create=False)
    assert storage.exists(card.name)
    assert (
        f'<img src="{card.url}" width="960" height="540" alt="Workshop participants">'
        in html
    )
    assert f'content="http://testserver{card.url}"' in html  # og:image


@pytest.mark.django_db
def test_speaker_photo_is_served_as_an_avatar_with_alt_text(client, event):
    row = SessionSpeakerFactory(session=SessionFactory(event=event))
    photo = sanitise_image(
        SimpleUploadedFile("p.png", picture_bytes("PNG", size=(300, 400)))
    )
    row.speaker.photo.save(photo.name, photo)

    publish(event)
    html = client.get("/en/speakers/").content.decode()

    assert 'width="160" height="160"' in html
    assert f'alt="Portrait of {row.speaker.name_en}"' in html
    with row.speaker.photo.storage.open(
        rendition_name(row.speaker.photo.name, "avatar")
    ) as file:
        assert Image.open(io.BytesIO(file.read())).format == "PNG"


@pytest.mark.django_db
def test_speaker_portrait_offers_a_phone_the_small_copy(client, event):
    row = SessionSpeakerFactory(session=SessionFactory(event=event))
    photo = sanitise_image(
        SimpleUploadedFile("p.jpg", picture_bytes("JPEG", size=(600, 800)))
    )
    row.speaker.photo.save(photo.name, photo)
    publish(event)

    html = client.get(f"/en/speakers/{row.speaker.slug}/").content.decode()

    small = get_rendition(row.speaker.photo, "avatar", create=False)
    large = get_rendition(row.speaker.photo, "portrait", create=False)
    assert f'srcset="{small.url} 160w, {large.url} 480w" sizes="10rem"' in html
