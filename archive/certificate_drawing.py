"""The certificate of attendance drawn as a PDF from its texts: no database,
no Django, so that it runs in a child process (archive/certificate_renderer.py).

Drawn with fpdf2 in the Noto fonts of conference/fonts.py, so that a name in
any script the registration form accepts prints whole (HarfBuzz shapes it:
Arabic letters joined, right-to-left names in their order), embedded as
subsets. The page has fixed boxes (BOXES): each text is set in its own box,
shrunk from its size down to a minimum until it fits in the box's lines, so
a long name takes one or two lines and never pushes the lines below it, or
the QR code, off their places.
"""

import io
from dataclasses import dataclass

from conference.fonts import BASE
from conference.pdf import new_pdf

NAVY = (22, 50, 92)
GREY = (74, 85, 102)
LINE_HEIGHT = 0.5  # mm of line per point of font size (about 1.4 × the size)


@dataclass(frozen=True)
class Box:
    """Where a text goes (mm from the top left of the A4 landscape page), its
    largest and smallest size (pt) and how many lines it may take."""

    top: float
    height: float
    size: float
    min_size: float
    lines: int
    bold: bool = False
    colour: tuple[int, int, int] = NAVY


LEFT, WIDTH = 20.0, 257.0
BOXES = {
    "heading": Box(24, 17, 30, 16, 1, bold=True),
    "certify": Box(44, 9, 14, 9, 1, colour=GREY),
    "name": Box(55, 28, 26, 5, 2, bold=True),
    "attended": Box(86, 9, 14, 9, 1, colour=GREY),
    "event": Box(97, 20, 18, 8, 2, bold=True),
    "when": Box(119, 15, 14, 7, 2, colour=GREY),
    "organisers": Box(136, 12, 11, 6, 2, colour=GREY),
}
QR = {"x": 22.0, "y": 152.0, "size": 36.0}
FOOTER = {"x": 64.0, "y": 160.0, "width": 200.0, "height": 28.0}


def _qr_png(url: str) -> io.BytesIO:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def fitted_size(pdf, text: str, *, width: float, box: Box) -> tuple[float, int]:
    """The largest size (pt, in half points) at which `text` fits the box, and
    its number of lines there."""
    from fpdf.enums import WrapMode

    size = box.size
    while True:
        pdf.set_font(BASE.family, "B" if box.bold else "", size)
        lines = pdf.multi_cell(
            width,
            size * LINE_HEIGHT,
            text,
            align="C",
            dry_run=True,
            output="LINES",
            wrapmode=WrapMode.CHAR if " " not in text.strip() else WrapMode.WORD,
        )
        fits = len(lines) <= box.lines and len(lines) * size * LINE_HEIGHT <= (
            box.height
        )
        if fits or size <= box.min_size:
            return size, len(lines)
        size -= 0.5


def draw_in_box(pdf, text: str, box: Box, *, left=LEFT, width=WIDTH) -> None:
    """Set `text` centred in its box, as large as fits."""
    from fpdf.enums import WrapMode

    if not text:
        return
    size, count = fitted_size(pdf, text, width=width, box=box)
    height = count * size * LINE_HEIGHT
    pdf.set_text_color(*box.colour)
    pdf.set_xy(left, box.top + max(0.0, (box.height - height) / 2))
    pdf.multi_cell(
        width,
        size * LINE_HEIGHT,
        text,
        align="C",
        wrapmode=WrapMode.CHAR if " " not in text.strip() else WrapMode.WORD,
    )


def draw_certificate(texts: dict[str, str]) -> bytes:
    """The PDF of a certificate with these texts (certificate_texts)."""
    pdf = new_pdf(texts.values(), orientation="L", unit="mm", format="A4")
    pdf.set_title(texts["heading"])
    pdf.set_author(texts["author"])
    pdf.add_page()
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    for key, box in BOXES.items():
        draw_in_box(pdf, texts[key], box)

    pdf.image(_qr_png(texts["url"]), x=QR["x"], y=QR["y"], w=QR["size"], h=QR["size"])
    pdf.set_font(BASE.family, "", 9)
    pdf.set_text_color(*GREY)
    pdf.set_xy(FOOTER["x"], FOOTER["y"])
    pdf.multi_cell(
        FOOTER["width"], 5, texts["verify"] + "\n" + texts["code"], align="L"
    )
    return bytes(pdf.output())
