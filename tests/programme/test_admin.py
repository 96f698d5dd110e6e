import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from programme.models import Session, Speaker
from programme.renditions import rendition_name
from tests.conference.test_images import picture_bytes, png_declaring
from tests.factories import (
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
    publish,
)
from tests.language_checks import visible_text


def log_in(client, user, language="en"):
    response = client.post(
        f"/{language}/admin/login/",
        {"username": user.username, "password": "a-strong-test-password"},
    )
    assert response.status_code == 302


def session_form(session, **changes):
    starts = timezone.localtime(changes.pop("starts_at", session.starts_at))
    ends = timezone.localtime(changes.pop("ends_at", session.ends_at))
    rows = list(session.session_speakers.all())
    data = {
        "event": session.event_id,
        "title_bg": session.title_bg,
        "title_en": session.title_en,
        "slug": session.slug,
        "kind": session.kind,
        "description_bg": session.description_bg,
        "description_en": session.description_en,
        "start_time": starts.strftime("%H:%M"),
        "duration": int((ends - starts).total_seconds() // 60),
        "order": session.order,
        "room": session.room_id or "",
        "language": session.language,
        "materials_url": "",
        "recording_url": "",
        "session_speakers-TOTAL_FORMS": len(rows),
        "session_speakers-INITIAL_FORMS": len(rows),
        "session_speakers-MIN_NUM_FORMS": 0,
        "session_speakers-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data |= {
            f"session_speakers-{index}-id": row.pk,
            f"session_speakers-{index}-session": session.pk,
            f"session_speakers-{index}-speaker": row.speaker_id,
            f"session_speakers-{index}-role": row.role,
            f"session_speakers-{index}-order": row.order,
        }
    return data | changes


@pytest.mark.django_db
def test_organiser_edits_session_titles_and_sees_them_on_each_agenda(
    client, organiser, day_event
):
    session = SessionFactory(event=day_event)
    SessionSpeakerFactory(session=session)
    publish(day_event)
    log_in(client, organiser)

    response = client.post(
        f"/en/admin/programme/session/{session.pk}/change/",
        session_form(
            session,
            title_bg="Резултатите на Програмата",
            title_en="The results of the Programme",
        ),
        follow=True,  # the admin's "changed successfully" message is shown there
    )

    assert response.redirect_chain[-1][0] == "/en/admin/programme/session/"
    assert not organiser.is_superuser
    bg = visible_text(client.get("/bg/agenda/").content.decode(), other_language="en")
    en = visible_text(client.get("/en/agenda/").content.decode(), other_language="bg")
    assert "Резултатите на Програмата" in bg
    assert "The results of the Programme" not in bg
    assert "The results of the Programme" in en
    assert "Резултатите на Програмата" not in en


@pytest.mark.django_db
def test_organiser_can_open_every_programme_admin_page(client, organiser):
    log_in(client, organiser)

    for model in ["session", "room", "speaker", "result", "project"]:
        assert client.get(f"/en/admin/programme/{model}/").status_code == 200
        assert client.get(f"/en/admin/programme/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_session_admin_lists_sessions_with_speakers_in_few_queries(
    client, organiser, day_event, count_queries
):
    def add_session(hour):
        return SessionSpeakerFactory(
            session=SessionFactory(
                event=day_event,
                starts_at=at(day_event, hour),
                ends_at=at(day_event, hour, 45),
            )
        )

    url = "/en/admin/programme/session/"
    rows = [add_session(9)]
    log_in(client, organiser)
    one = count_queries(client, url)
    rows += [add_session(10), add_session(11)]

    assert count_queries(client, url) == one
    html = client.get(url).content.decode()
    assert all(row.speaker.name_en in html for row in rows)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "changes", "message"),
    [
        (
            "en",
            {"duration": "0"},
            "A session lasts at least 5 minutes.",
        ),
        (
            "bg",
            {"duration": "0"},
            "Сесията трябва да продължава поне 5 минути.",
        ),
        (
            "en",
            {"duration": "42"},
            "Give the duration in steps of 5 minutes, e.g. 45 or 50.",
        ),
        (
            "en",
            {"overlap": True},
            "“Opening” already takes place in this room from 10:00 to 11:00.",
        ),
        (
            "bg",
            {"overlap": True},
            "В тази зала вече се провежда „Откриване“ от 10:00 до 11:00 ч.",
        ),
    ],
    ids=[
        "no-duration-en",
        "no-duration-bg",
        "not-five-minutes-en",
        "overlap-en",
        "overlap-bg",
    ],
)
def test_admin_rejects_bad_session_times_in_its_language(
    client, organiser, day_event, language, changes, message
):
    SessionFactory(
        event=day_event,
        title_bg="Откриване",
        title_en="Opening",
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    session = SessionFactory(
        event=day_event, starts_at=at(day_event, 14), ends_at=at(day_event, 15)
    )
    data = session_form(session)
    if "duration" in changes:
        data["duration"] = changes["duration"]
    if "overlap" in changes:
        data["start_time"], data["duration"] = "10:30", 60
    log_in(client, organiser, language)

    response = client.post(
        f"/{language}/admin/programme/session/{session.pk}/change/", data
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).hour == 14


def speaker_form(speaker, photo):
    return {
        "name_bg": speaker.name_bg,
        "name_en": speaker.name_en,
        "slug": speaker.slug,
        "position_bg": "",
        "position_en": "",
        "organisation_bg": "",
        "organisation_en": "",
        "country_bg": "",
        "country_en": "",
        "bio_bg": "",
        "bio_en": "",
        "order": 0,
        "photo": photo,
        "session_roles-TOTAL_FORMS": 0,
        "session_roles-INITIAL_FORMS": 0,
        "session_roles-MIN_NUM_FORMS": 0,
        "session_roles-MAX_NUM_FORMS": 1000,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "upload", "message"),
    [
        (
            "en",
            SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a picture"),
            "The file is not an image.",
        ),
        (
            "bg",
            SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a picture"),
            "Файлът не е изображение.",
        ),
        (
            "en",
            SimpleUploadedFile("bomb.png", png_declaring(10_000, 10_000)),
            "The image has too many pixels (10000 × 10000)",
        ),
        (
            "bg",
            SimpleUploadedFile("big.jpg", b"\xff" * (10 * 1024 * 1024 + 1)),
            "Изображението е по-голямо от 10 МБ.",
        ),
    ],
    ids=["not-an-image-en", "not-an-image-bg", "bomb-en", "oversized-bg"],
)
def test_admin_refuses_a_bad_speaker_photo(
    client, organiser, language, upload, message, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    speaker = SpeakerFactory()
    log_in(client, organiser, language)

    response = client.post(
        f"/{language}/admin/programme/speaker/{speaker.pk}/change/",
        speaker_form(speaker, upload),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    speaker.refresh_from_db()
    assert not speaker.photo
    assert speaker.photo_width is None


@pytest.mark.django_db
def test_admin_saves_a_speaker_photo_with_its_renditions(
    client, organiser, django_capture_on_commit_callbacks
):
    speaker = SpeakerFactory()
    log_in(client, organiser)
    photo = SimpleUploadedFile("portrait.jpg", picture_bytes("JPEG", size=(900, 600)))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/admin/programme/speaker/{speaker.pk}/change/",
            speaker_form(speaker, photo),
        )

    assert response.status_code == 302
    speaker = Speaker.objects.get(pk=speaker.pk)
    assert (speaker.photo_width, speaker.photo_height) == (900, 600)
    storage = speaker.photo.storage
    assert storage.exists(rendition_name(speaker.photo.name, "portrait"))
    assert storage.exists(rendition_name(speaker.photo.name, "avatar"))


@pytest.mark.django_db
def test_session_admin_offers_the_current_event_and_view_on_site(
    client, organiser, day_event
):
    session = SessionFactory(event=day_event)
    log_in(client, organiser)

    add_page = client.get("/en/admin/programme/session/add/").content.decode()
    change_page = client.get(
        f"/en/admin/programme/session/{session.pk}/change/"
    ).content.decode()

    assert f'<option value="{day_event.pk}" selected>' in add_page
    assert "View on site" in change_page
    assert Session.objects.count() == 1
