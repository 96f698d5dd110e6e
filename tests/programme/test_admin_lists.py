"""The programme's admin lists and the speaker's page as an organiser sees
them: the columns that matter, thumbnails without extra queries, labels an
organiser understands."""

import re

import pytest

from conference.images import sanitise_image
from tests.conference.test_images import picture_bytes
from tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def with_photo(speaker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = sanitise_image(
        SimpleUploadedFile("p.png", picture_bytes("PNG", size=(300, 400)))
    )
    speaker.photo.save(image.name, image)
    return speaker


def headers(html: str) -> list[str]:
    row = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', row, re.S)
    ]


def test_sessions_list_shows_time_title_room_speakers_without_dates(
    organiser_client, event
):
    session = SessionFactory(event=event, title_en="Opening")
    SessionSpeakerFactory(session=session, speaker__name_en="Iva Petrova")

    html = organiser_client.get("/en/admin/programme/session/").content.decode()

    columns = [h for h in headers(html) if h]
    assert len(columns) == 4
    assert columns[:2] == ["Time", "Title"]
    assert columns[2].startswith("Room")
    assert columns[3] == "Speakers"
    assert "10:00\u2060–\u206010:45" in html
    assert "Iva Petrova" in html
    assert 'class="xfull"' not in html  # no date hierarchy for a one-day event


def test_speaker_list_has_thumbnails_without_extra_queries(
    organiser_client, count_queries
):
    url = "/bg/admin/programme/speaker/"
    with_photo(SpeakerFactory())
    one = count_queries(organiser_client, url)
    with_photo(SpeakerFactory())
    SpeakerFactory()

    html = organiser_client.get(url).content.decode()

    assert count_queries(organiser_client, url) == one
    assert html.count('class="speaker-thumbnail"') == 2
    assert "/renditions/avatar/" in html
    names = [h for h in headers(html) if h.endswith("Име")]
    assert len(names) == 1
    assert not [h for h in headers(html) if "Наименование" in h]


def test_speaker_page_previews_the_photo_with_clear_labels(organiser_client):
    speaker = with_photo(SpeakerFactory(name_bg="Ива Петрова"))
    SessionSpeakerFactory(speaker=speaker)

    html = organiser_client.get(
        f"/bg/admin/programme/speaker/{speaker.pk}/change/"
    ).content.decode()

    assert "/renditions/portrait/" in html
    assert 'alt="Портрет на Ива Петрова"' in html
    assert re.search(r"<label[^>]*for=\"id_name_bg\"[^>]*>Име \[bg\]", html)
    assert re.search(r"<label[^>]*for=\"id_order\"[^>]*>Ред", html)
    assert "най-напред е лекторът с най-малко число" in html
    assert "Сесии на лектора" in html
