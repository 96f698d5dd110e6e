"""Certificates print every name the registration form accepts, on one or
two lines, in their own place, never over the QR code or the lines below."""

import io
import time

import pytest
from pypdf import PdfReader

from archive.certificate_drawing import BOXES, QR
from archive.certificates import certificate_pdf
from archive.models import Certificate
from registrations.models import RegistrationStatus
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

MM = 72 / 25.4  # points per millimetre
PAGE_HEIGHT = 210 * MM  # A4 landscape
NAMES = {
    "Cyrillic": ("Снежана", "Петрова-Йорданова"),
    "Latin with diacritics": ("Zoë Ångström", "Łukasiewicz-Núñez Çelik"),
    "Greek": ("Γιώργος", "Παπαδόπουλος"),
    "Arabic": ("محمد", "عبد الله"),
    "Hebrew": ("דוד", "כהן"),
    "Chinese": ("小明", "王"),
    "Devanagari": ("अनीता", "शर्मा"),
    "Thai": ("สมชาย", "ใจดี"),
}
RIGHT_TO_LEFT = {"Arabic", "Hebrew"}
LONGEST = {
    "Latin, longest": ("Maximiliana " * 9)[:100].strip().ljust(100, "x"),
    "Chinese, longest": "王" * 100,
}


def render(event, first, last):
    registration = RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name=first,
        last_name=last,
        language="en",
    )
    certificate = Certificate.objects.create(registration=registration)
    return certificate_pdf(certificate), f"{first} {last}"


def text_boxes(pdf_bytes: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each text segment PDFium finds on the page with its box (left, bottom,
    right, top), in points from the bottom left."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        page = document[0]
        text_page = page.get_textpage()
        boxes = []
        for index in range(text_page.count_rects()):
            box = text_page.get_rect(index)
            boxes.append((text_page.get_text_bounded(*box).strip(), box))
        text_page.close()
        page.close()
    finally:
        document.close()
    return boxes


def pdfium_text(pdf_bytes: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        return document[0].get_textpage().get_text_range()
    finally:
        document.close()


def band(box_name: str) -> tuple[float, float]:
    """The box's band on the page, (bottom, top) in points."""
    box = BOXES[box_name]
    return PAGE_HEIGHT - (box.top + box.height) * MM, PAGE_HEIGHT - box.top * MM


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def line_count(rects) -> int:
    """Segments whose heights overlap by half are on one line."""
    lines: list[tuple[float, float]] = []
    for _left, bottom, _right, top in sorted(rects, key=lambda rect: -rect[3]):
        for low, high in lines:
            shared = min(top, high) - max(bottom, low)
            if shared > 0.5 * min(top - bottom, high - low):
                break
        else:
            lines.append((bottom, top))
    return len(lines)


def compact(text: str) -> str:
    return "".join(text.split())


def check_layout(pdf_bytes: bytes, name: str, *, right_to_left=False):
    # pypdf reads the CJK font's embedded encoding (a CMap stream, valid
    # PDF) one byte at a time, so a NUL comes before each of its characters.
    reader_text = PdfReader(io.BytesIO(pdf_bytes)).pages[0].extract_text()
    reader_text = reader_text.replace("\x00", "")
    lines = reader_text.splitlines()
    # The text layer holds the name (pypdf gives right-to-left words in the
    # order they are drawn, left to right; PDFium in the order they are read).
    words = name.split()
    expected = " ".join(reversed(words)) if right_to_left else name
    assert compact(expected) in compact(reader_text)
    assert compact(name) in compact(pdfium_text(pdf_bytes))
    for line in ("Certificate of attendance", "attended", "Certificate number"):
        assert any(line in text for text in lines), line

    boxes = text_boxes(pdf_bytes)
    name_bottom, name_top = band("name")
    name_chars = set(compact(name))
    name_rects = [
        rect
        for text, rect in boxes
        if text
        and set(compact(text)) <= name_chars
        and rect[3] <= name_top + 2
        and rect[1] >= name_bottom - 2
    ]
    assert name_rects, boxes
    # One or two lines …
    assert line_count(name_rects) <= 2
    # … inside the page's frame and the name's band …
    for left, bottom, right, top in name_rects:
        assert left >= 10 * MM and right <= 287 * MM
        assert bottom >= name_bottom - 1 and top <= name_top + 1
    # … and nothing else on the page overlaps the name or the QR code.
    qr = (
        QR["x"] * MM,
        PAGE_HEIGHT - (QR["y"] + QR["size"]) * MM,
        (QR["x"] + QR["size"]) * MM,
        PAGE_HEIGHT - QR["y"] * MM,
    )
    for text, rect in boxes:
        assert not overlaps(rect, qr), text
        if rect not in name_rects:
            for name_rect in name_rects:
                assert not overlaps(rect, name_rect), (text, name)


@pytest.mark.parametrize("script", NAMES)
def test_certificate_prints_a_name_in_each_script(over_event, script):
    first, last = NAMES[script]

    pdf_bytes, name = render(over_event, first, last)

    check_layout(pdf_bytes, name, right_to_left=script in RIGHT_TO_LEFT)


@pytest.mark.parametrize("kind", LONGEST)
def test_certificate_shrinks_the_longest_name_to_two_lines(over_event, kind):
    """The attack: a 200-character name wrapped to 9 lines and pushed the
    event's title and date over the QR code."""
    first = last = LONGEST[kind]

    pdf_bytes, name = render(over_event, first, last)

    assert len(name) == 201  # the form's longest: 100 + space + 100
    check_layout(pdf_bytes, name)


def test_certificate_embeds_subsets_of_the_fonts(over_event):
    started = time.monotonic()
    pdf_bytes, _name = render(over_event, "Иван", "王")
    elapsed = time.monotonic() - started

    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf_bytes)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Subsets are named with a six-letter tag: ABCDEF+NotoSans…
    assert all(font[1:8].isupper() and font[7] == "+" for font in fonts), fonts
    assert any("NotoSansCJK" in font for font in fonts)
    assert len(pdf_bytes) < 200_000  # glyphs used, not the 19 MB font
    assert elapsed < 10


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "The certificate could not be prepared"),
        ("bg", "Удостоверението не можа да бъде изготвено"),
    ],
)
def test_certificate_drawn_apart_from_the_web_worker_and_a_failure_is_a_page(
    client, attendee, monkeypatch, language, heading
):
    """The PDF is drawn in a child process with its own memory limit (the
    CJK font alone takes about 100 MB to read): with too little memory the
    child fails, and the attendee gets a page saying so, not a 500."""
    from archive import certificates
    from tests.registrations.conftest import make_token

    monkeypatch.setattr(certificates, "RENDER_MEMORY_BYTES", 16 * 1024 * 1024)
    token = make_token(attendee)

    response = client.get(f"/{language}/registration/{token}/certificate.pdf")

    assert response.status_code == 503
    assert heading in response.content.decode()
    assert Certificate.objects.filter(registration=attendee).exists()
