import csv
import datetime
import html
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image
from pypdf import PdfReader

from archive import services
from archive.models import Certificate, Feedback, Photo
from conference.roles import ORGANISERS
from programme.slides import create_slides_preview, validate_slides
from programme.validators import MAX_DOCUMENT_BYTES
from registrations.exceptions import NotAllowed
from registrations.models import EmailKind, OutgoingEmail, RegistrationStatus
from registrations.outbox import send_queued_emails
from registrations.retention import anonymise_registrations
from tests.archive.conftest import pdf_bytes
from tests.factories import RegistrationFactory, SessionFactory, UserFactory, publish
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db


def _upload(content: bytes, name="slides.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _refusal(upload) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_slides(upload)
    return refused.value.code


def test_slides_must_be_a_real_unencrypted_pdf_within_the_limit():
    assert _refusal(_upload(b"GIF89a not a pdf")) == "document_format"
    assert _refusal(_upload(b"%PDF-1.7 but garbage after")) == "slides_damaged"
    assert _refusal(_upload(pdf_bytes(password="secret"))) == "slides_encrypted"
    big = _upload(b"%PDF-" + b"0" * (MAX_DOCUMENT_BYTES + 1))
    assert _refusal(big) == "document_too_large"
    validate_slides(_upload(pdf_bytes(pages=3)))  # accepted


def test_slides_preview_is_an_image_of_the_first_page(over_event):
    session = SessionFactory(event=over_event)
    session.slides.save("talk.pdf", _upload(pdf_bytes()), save=True)

    assert create_slides_preview(session=session)

    session.refresh_from_db()
    with Image.open(session.slides_preview.path) as preview:
        assert preview.format == "PNG"
        assert preview.size == (
            session.slides_preview_width,
            session.slides_preview_height,
        )
    assert session.slides_preview_width == 640
    assert session.slides_preview_height > 640  # an A4 page, upright


def test_agenda_after_the_day_links_the_slides_and_their_preview(client, over_event):
    session = SessionFactory(event=over_event, title_en="Prevention in schools")
    session.slides.save("talk.pdf", _upload(pdf_bytes()), save=True)
    create_slides_preview(session=session)
    publish(over_event)

    for path in ("/en/agenda/", "/en/"):
        page = client.get(path).content.decode()
        assert session.slides.url in page
        assert session.slides_preview.url in page
        assert "Download the slides (PDF)" in page


def test_photo_without_alt_text_in_both_languages_is_refused(over_event):
    photo = Photo(event=over_event, alt_text_bg="Зала")

    with pytest.raises(ValidationError) as refused:
        photo.clean()

    with translation.override("en"):
        messages = refused.value.message_dict
    assert list(messages) == ["alt_text_en"]
    assert messages["alt_text_en"] == ["Describe the photo in this language too."]


def test_admin_refuses_a_photo_without_alt_text(client, over_event):
    organiser = UserFactory(username="photo-organiser")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    picture = io.BytesIO()
    Image.new("RGB", (1200, 800), "navy").save(picture, "JPEG")
    response = client.post(
        "/en/admin/archive/photo/add/",
        {
            "event": over_event.pk,
            "image": SimpleUploadedFile("p.jpg", picture.getvalue(), "image/jpeg"),
            "alt_text_bg": "",
            "alt_text_en": "The hall",
            "order": 0,
        },
    )

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Photo.objects.exists()


def _photo(event, alt_bg, alt_en, *, published):
    picture = io.BytesIO()
    Image.new("RGB", (1800, 1200), "navy").save(picture, "JPEG")
    photo = Photo(
        event=event, alt_text_bg=alt_bg, alt_text_en=alt_en, is_published=published
    )
    photo.image.save("hall.jpg", SimpleUploadedFile("hall.jpg", picture.getvalue()))
    return photo


def test_gallery_shows_only_chosen_photos_with_renditions(client, over_event):
    shown = _photo(over_event, "Залата", "The hall", published=True)
    hidden = _photo(over_event, "Скрита", "Hidden one", published=False)

    gallery = client.get("/en/photos/").content.decode()
    bulgarian = client.get("/bg/photos/").content.decode()
    page = client.get(f"/en/photos/{shown.pk}/").content.decode()

    assert 'alt="The hall"' in gallery
    assert 'alt="Залата"' in bulgarian
    assert "Hidden one" not in gallery
    assert 'width="480" height="320"' in gallery
    assert "960w" in gallery
    assert 'alt="The hall"' in page and "1600w" in page
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_feedback_once_per_attendee_and_anonymous_in_the_export(client, attendee):
    token = make_token(attendee)
    session = SessionFactory(event=attendee.event, title_en="Panel")
    publish(attendee.event)
    url = f"/en/registration/{token}/feedback/"
    answer = {"rating": "5", "most_useful_session": session.pk, "comments": "Good"}

    first = client.post(url, answer, follow=True)
    second = client.post(url, answer | {"rating": "1"}, follow=True)

    assert "Thank you for your feedback." in first.content.decode()
    assert "We have received your answer" in second.content.decode()
    assert Feedback.objects.get().rating == 5
    with pytest.raises(services.FeedbackAlreadyGiven):
        services.submit_feedback(registration=attendee, answers={"rating": 2})

    organiser = UserFactory(username="feedback-organiser")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    summary = client.get("/en/admin/archive/feedback/").content.decode()
    export = client.post(
        "/en/admin/archive/feedback/",
        {"action": "export_csv", "_selected_action": [Feedback.objects.get().pk]},
    )
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))

    assert "1 answer, average rating 5.0 of 5." in summary
    assert rows[1][:3] == ["5", "Panel", "Good"]
    text = export.content.decode()
    for personal in ("Elena", "Petrova", "elena@example.org", "Secret Organisation"):
        assert personal not in text
        assert personal not in summary


def test_feedback_offers_only_the_published_sessions(client, attendee):
    SessionFactory(event=attendee.event, title_en="Published panel")
    publish(attendee.event)
    SessionFactory(event=attendee.event, title_en="Draft workshop")
    token = make_token(attendee)

    page = client.get(f"/en/registration/{token}/feedback/").content.decode()

    assert "Published panel" in page
    assert "Draft workshop" not in page


def test_feedback_with_an_impossible_rating_is_refused_with_a_message(client, attendee):
    token = make_token(attendee)
    response = client.post(f"/bg/registration/{token}/feedback/", {"rating": "9"})

    assert response.status_code == 200
    assert "Моля, изберете оценка от 1 до 5." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "status", [RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED]
)
def test_no_certificate_for_the_cancelled_or_never_checked_in(
    client, over_event, status
):
    registration = RegistrationFactory(event=over_event, status=status)
    token = make_token(registration)

    response = client.get(f"/en/registration/{token}/certificate.pdf")
    feedback = client.get(f"/en/registration/{token}/feedback/")

    assert response.status_code == 404
    assert "Only for attendees" in response.content.decode()
    assert "Only for attendees" in feedback.content.decode()
    assert not Certificate.objects.exists()


def test_certificate_pdf_and_its_public_verification(client, attendee):
    token = make_token(attendee)

    response = client.get(f"/en/registration/{token}/certificate.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    certificate = Certificate.objects.get(registration=attendee)
    assert "Certificate of attendance" in text
    assert "Elena Petrova" in text
    assert certificate.code in text
    page = client.get(f"/bg/certificates/{certificate.code}/").content.decode()
    assert "Това удостоверение е истинско" in page
    assert "Elena Petrova" in page
    for personal in ("elena@example.org", "Secret Organisation"):
        assert personal not in page
    assert client.get("/en/certificates/not-a-real-code/").status_code == 404
    assert client.get("/en/certificates/<script>/").status_code == 404


def test_certificate_in_bulgarian_has_cyrillic_text(client, attendee):
    attendee.language = "bg"
    attendee.first_name, attendee.last_name = "Елена", "Петрова"
    attendee.save()
    token = make_token(attendee)

    response = client.get(f"/bg/registration/{token}/certificate.pdf")

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Удостоверение за участие" in text
    assert "Елена Петрова" in text


def test_after_anonymisation_verification_confirms_only_the_issue(
    client, attendee, settings, time_machine
):
    certificate = services.issue_certificate(registration=attendee)
    settings.REGISTRATION_RETENTION_DAYS = 1
    time_machine.move_to(attendee.event.ends_at + datetime.timedelta(days=3))
    anonymise_registrations()

    page = client.get(f"/en/certificates/{certificate.code}/").content.decode()

    assert "This certificate is genuine" in page
    assert "no longer kept" in page
    assert "Elena" not in page


def test_follow_up_goes_once_to_checked_in_attendees_in_their_language(
    attendee, over_event
):
    absent = RegistrationFactory(event=over_event, status=RegistrationStatus.CONFIRMED)
    RegistrationFactory(event=over_event, status=RegistrationStatus.CANCELLED)
    bulgarian = RegistrationFactory(
        event=over_event,
        status=RegistrationStatus.CONFIRMED,
        checked_in_at=attendee.checked_in_at,
        language="bg",
    )

    assert services.send_follow_up(event=over_event) == 2
    assert services.send_follow_up(event=over_event) == 0
    send_queued_emails()

    emails = OutgoingEmail.objects.filter(kind=EmailKind.FOLLOW_UP)
    assert {email.registration_id for email in emails} == {attendee.pk, bulgarian.pk}
    # The certificates it links to: issued to those who came, not to the absent.
    certified = set(Certificate.objects.values_list("registration_id", flat=True))
    assert certified == {attendee.pk, bulgarian.pk}
    assert absent.pk not in certified
    by_recipient = {message.to[0]: message for message in mail.outbox}
    english = by_recipient[attendee.email]
    assert english.subject.startswith("Thank you for coming")
    assert "/en/registration/" in english.body and "/feedback/" in english.body
    assert "certificate.pdf" in english.body
    assert by_recipient[bulgarian.email].subject.startswith("Благодарим Ви")


def test_follow_up_waits_until_the_day_is_over(event):
    RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, checked_in_at=event.starts_at
    )
    with pytest.raises(NotAllowed) as refused:
        services.send_follow_up(event=event)

    with translation.override("en"):
        assert refused.value.message.startswith(
            "The follow-up e-mail can be sent once the conference has ended, from 17:00"
        )
    assert not OutgoingEmail.objects.exists()


def test_feedback_exports_as_a_workbook_with_dates(client, attendee):
    from openpyxl import load_workbook

    services.submit_feedback(
        registration=attendee, answers={"rating": 4, "comments": "=cmd|' /C calc'!A0"}
    )
    organiser = UserFactory(username="feedback-organiser")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)

    response = client.post(
        "/bg/admin/archive/feedback/",
        {"action": "export_xlsx", "_selected_action": [Feedback.objects.get().pk]},
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0] == ("обща оценка", "най-полезна сесия", "коментари", "дата")
    rating, _session, comments, day = rows[1]
    assert (rating, comments) == (4, "=cmd|' /C calc'!A0")
    assert sheet.cell(row=2, column=3).data_type == "s"
    assert isinstance(day, datetime.datetime)  # Excel stores dates as date-times
    assert day.date() == timezone.localdate(Feedback.objects.get().submitted_at)


def test_a_chosen_photo_of_the_day_is_kept_when_the_form_comes_back(client, over_event):
    organiser = UserFactory(username="photo-organiser")
    organiser.groups.add(Group.objects.get(name=ORGANISERS))
    client.force_login(organiser)
    picture = io.BytesIO()
    Image.new("RGB", (1200, 800), "navy").save(picture, "JPEG")
    data = {
        "event": over_event.pk,
        "alt_text_bg": "",
        "alt_text_en": "The hall",
        "order": 0,
    }

    page = client.post(
        "/bg/admin/archive/photo/add/",
        data
        | {"image": SimpleUploadedFile("hall.jpg", picture.getvalue(), "image/jpeg")},
    ).content.decode()

    assert "Избрахте „hall.jpg“: файлът е запазен" in html.unescape(page)
    kept = re.search(r'name="image__kept" value="([^"]+)"', page).group(1)
    saved = client.post(
        "/bg/admin/archive/photo/add/",
        data | {"alt_text_bg": "Залата", "image__kept": kept},
    )

    assert saved.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (1200, 800)
