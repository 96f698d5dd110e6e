"""A visitor reads the site: language, agenda, a speaker, a calendar file, a result."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from playwright.sync_api import expect

from programme.models import Result, Session, Speaker
from tests.browser.conftest import (
    other_language,
    save_screenshot,
    serve_media,
    translated,
)

# The language switcher names each language in that language.
NAMES = {"bg": "Български", "en": "English"}
SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")

# The smallest well-formed PDF: one empty A4 page.
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)


@pytest.fixture
def guide_with_document(site_content):
    """The practical guide, with the PDF an organiser would upload."""
    guide = Result.objects.get(slug="practical-guide")
    guide.document.save("practical-guide.pdf", ContentFile(PDF))
    return guide


@pytest.mark.parametrize("language", ["bg", "en"])
def test_visitor_reads_the_programme_and_takes_it_home(
    new_page, guide_with_document, language
):
    other = other_language(language)
    opening = Session.objects.get(slug="opening")
    speaker = Speaker.objects.get(slug="krasimir-tsipov")
    page = new_page(locale="bg-BG" if language == "bg" else "en-GB")
    serve_media(page)

    # Sent to the language of the browser.
    page.goto("/")
    expect(page).to_have_url(re.compile(rf"/{language}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The agenda, in the other language and back: the page stays the agenda.
    navigation = page.get_by_role(
        "navigation", name=translated(language, "Main navigation")
    )
    navigation.get_by_role(
        "link", name=translated(language, "Agenda"), exact=True
    ).click()
    expect(page).to_have_url(re.compile(rf"/{language}/agenda/$"))
    page.get_by_role("link", name=NAMES[other]).click()
    expect(page).to_have_url(re.compile(rf"/{other}/agenda/$"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(other, "Agenda")
    )
    page.get_by_role("link", name=NAMES[language]).click()
    expect(page).to_have_url(re.compile(rf"/{language}/agenda/$"))
    save_screenshot(page, f"journey-visitor-{language}-agenda")

    # A speaker of the opening, and from their page the session.
    with translation.override(language):
        speaker_name, session_title = speaker.name, opening.title
    page.get_by_role("link", name=speaker_name).first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/speakers/{speaker.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(speaker_name)
    page.get_by_role("link", name=session_title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(session_title)

    # The session's calendar file, in the page's language and Sofia time.
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name=translated(language, "Add this session to your calendar")
        ).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(download.path().read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == session_title
    starts = event.decoded("DTSTART")
    assert starts.tzinfo is not None
    assert starts.astimezone(SOFIA) == opening.starts_at.astimezone(SOFIA)
    assert starts.astimezone(SOFIA).time() == datetime.time(9, 30)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Sofia"

    # A result and its document.
    navigation.get_by_role(
        "link", name=translated(language, "Results"), exact=True
    ).click()
    with translation.override(language):
        result_title = guide_with_document.title
    page.get_by_role("link", name=result_title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(result_title)
    document_link = page.get_by_role(
        "link", name=translated(language, "Download the document")
    )
    expect(page.locator(".file-meta")).to_contain_text("PDF")
    with page.expect_download() as download_info:
        document_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert download.path().read_bytes() == PDF
    save_screenshot(page, f"journey-visitor-{language}-result")
