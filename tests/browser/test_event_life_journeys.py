"""The day itself and the days after, in a real browser.

The clock is moved with time-machine (it ticks on from there); the live
server runs in this process, so it sees the same time.
"""

import datetime
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from archive.models import Certificate, Feedback, Photo
from programme.slides import create_slides_preview
from registrations.models import RegistrationStatus
from tests.archive.conftest import pdf_bytes
from tests.browser.conftest import save_screenshot, serve_media, translated
from tests.factories import (
    EventFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    publish,
)
from tests.registrations.conftest import make_token

DAY = datetime.date(2027, 9, 20)


def sofia(day, hour, minute=0):
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )


@pytest.fixture
def conference_day(transactional_db):
    with time_machine.travel(sofia(datetime.date(2027, 8, 1), 12), tick=False):
        event = EventFactory(
            date=DAY,
            start_time=datetime.time(9, 30),
            end_time=datetime.time(17, 0),
            contact_email="info@example.org",
        )
        panel = SessionFactory(
            event=event,
            starts_at=sofia(DAY, 10, 30),
            ends_at=sofia(DAY, 11, 30),
            title_bg="Панел за превенция",
            title_en="Panel on prevention",
            room=RoomFactory(event=event, name_bg="Зала Б", name_en="Hall B"),
        )
        closing = SessionFactory(
            event=event,
            starts_at=sofia(DAY, 11, 30),
            ends_at=sofia(DAY, 17, 0),
            title_bg="Закриване",
            title_en="Closing session",
        )
        publish(event)
    return event, panel, closing


@pytest.mark.parametrize("language", ["bg", "en"])
def test_visitor_on_the_day_sees_what_is_on_now_and_next(
    new_page, conference_day, language
):
    _event, panel, closing = conference_day
    with time_machine.travel(sofia(DAY, 10, 40), tick=True):
        page = new_page()
        page.goto(f"/{language}/")

        now_next = page.locator(".now-next")
        expect(now_next).to_be_visible()
        current = now_next.locator(".now-next-column").first
        expect(current).to_contain_text(translated(language, "Happening now"))
        expect(current).to_contain_text(getattr(panel, f"title_{language}"))
        expect(current).to_contain_text(getattr(panel.room, f"name_{language}"))
        expect(now_next.locator(".now-next-column").nth(1)).to_contain_text(
            getattr(closing, f"title_{language}")
        )
        expect(page.locator(".hero")).to_contain_text(
            translated(
                language,
                "Registration has closed because the conference is under way.",
            )
        )
        save_screenshot(page, f"home-on-the-day-{language}")
        page.get_by_role("link", name=translated(language, "Full agenda")).click()
        expect(page.locator(".agenda-slot.is-current")).to_contain_text(
            getattr(panel, f"title_{language}")
        )


@pytest.fixture
def record(conference_day):
    event, panel, _closing = conference_day
    panel.slides.save(
        "panel.pdf", SimpleUploadedFile("panel.pdf", pdf_bytes()), save=True
    )
    create_slides_preview(session=panel)
    picture = io.BytesIO()
    Image.new("RGB", (1800, 1200), "navy").save(picture, "JPEG")
    photo = Photo(
        event=event,
        alt_text_bg="Участниците в залата",
        alt_text_en="Attendees in the hall",
        is_published=True,
    )
    photo.image.save("hall.jpg", SimpleUploadedFile("hall.jpg", picture.getvalue()))
    attendee = RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        checked_in_at=sofia(DAY, 9, 10),
        first_name="Elena",
        last_name="Petrova",
        language="en",
    )
    return event, panel, photo, attendee


def test_after_the_day_slides_photo_and_certificate(new_page, record):
    _event, _panel, photo, attendee = record
    with time_machine.travel(sofia(DAY + datetime.timedelta(days=3), 11), tick=True):
        page = new_page(locale="en-GB")
        serve_media(page)
        page.goto("/en/")
        expect(page.locator(".hero")).to_contain_text(
            "The conference took place on 20 September 2027"
        )
        record_section = page.locator(".record")
        expect(record_section).to_contain_text("Panel on prevention")
        preview = record_section.locator(".slides-preview img")
        expect(preview).to_be_visible()

        # Download the slides.
        with page.expect_download() as download_info:
            record_section.get_by_role("link", name="Download the slides (PDF)").click()
        download = download_info.value
        assert download.suggested_filename.endswith(".pdf")
        assert len(PdfReader(download.path()).pages) == 1

        # Open a photo.
        record_section.get_by_role("img", name="Attendees in the hall").click()
        expect(page).to_have_url(re.compile(rf"/en/photos/{photo.pk}/$"))
        big = page.get_by_role("img", name="Attendees in the hall")
        expect(big).to_be_visible()
        assert big.evaluate("img => img.complete && img.naturalWidth > 0")

        # The attendee's certificate, and anyone verifying it.
        token = make_token(attendee)
        with page.expect_download() as download_info:
            page.goto(f"/en/registration/{token}/")
            page.get_by_role(
                "link", name="Download your certificate of attendance (PDF)"
            ).click()
        text = PdfReader(download_info.value.path()).pages[0].extract_text()
        code = Certificate.objects.get(registration=attendee).code
        assert "Elena Petrova" in text
        verification = re.search(r"https?://\S+?(/en/certificates/[\w-]+/)", text)
        assert verification and code in verification.group(1)

        stranger = new_page(locale="bg-BG")
        stranger.goto(verification.group(1).replace("/en/", "/bg/"))
        expect(stranger.locator(".certificate-verified")).to_contain_text(
            "Това удостоверение е истинско"
        )
        expect(stranger.locator(".certificate-verified")).to_contain_text(
            "Elena Petrova"
        )
        save_screenshot(stranger, "certificate-verified-bg")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_attendee_answers_the_feedback_form(new_page, record, language):
    _event, panel, _photo, attendee = record
    token = make_token(attendee)
    with time_machine.travel(sofia(DAY + datetime.timedelta(days=2), 9), tick=True):
        page = new_page()
        page.goto(f"/{language}/registration/{token}/feedback/")
        page.get_by_label(translated(language, "5 – excellent")).check()
        page.get_by_label(
            translated(language, "Which session was the most useful to you?")
        ).select_option(label=getattr(panel, f"title_{language}"))
        page.get_by_label(
            translated(language, "Anything else you would like to tell us?")
        ).fill("Полезно и добре организирано.")
        page.get_by_role("button", name=translated(language, "Send my answer")).click()

        thanks = translated(
            language,
            "We have received your answers – thank you for helping us improve. "
            "Each attendee can answer only once.",
        )
        expect(page.get_by_text(thanks)).to_be_visible()
        answer = Feedback.objects.get()
        assert (answer.rating, answer.most_useful_session_id) == (5, panel.pk)

        page.goto(f"/{language}/registration/{token}/feedback/")
        expect(page.get_by_text(thanks)).to_be_visible()
        send = translated(language, "Send my answer")
        expect(page.get_by_role("button", name=send)).to_have_count(0)
