"""Name cards for the panel's table (tent cards), as a printable PDF.

One card to an A4 sheet in landscape, folded along the dashed line across
the middle into a tent of 297 × 105 mm: the guest's name, then the position
and institution in Bulgarian and in English. The upper half is the same card
turned upside down, so that once folded the name reads from both sides of
the table. Cards come in protocol order, one page each; nothing is stored.
"""

from django.utils import translation

from conference.fonts import BASE
from conference.pdf import new_pdf

WIDTH = 297
HEIGHT = 210
FOLD = HEIGHT / 2
MARGIN = 14
NAVY = (22, 50, 92)
GREY = (74, 85, 102)
NAME_SIZES = (66, 60, 54, 48, 44, 40, 36, 32, 28, 24)
LINE_SIZES = (18, 16, 14, 12, 11, 10)


def _fitting(pdf, text: str, sizes, *, bold: bool) -> int:
    """The largest size in `sizes` at which `text` fits across the card."""
    for size in sizes:
        pdf.set_font(BASE.family, "B" if bold else "", size)
        if pdf.get_string_width(text) <= WIDTH - 2 * MARGIN:
            return size
    return sizes[-1]


def _line(pdf, text: str, y: float, sizes, *, bold=False, colour=NAVY) -> None:
    size = _fitting(pdf, text, sizes, bold=bold)
    pdf.set_font(BASE.family, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.set_xy(MARGIN, y)
    pdf.cell(WIDTH - 2 * MARGIN, size * 0.45, text, align="C")


def _card_texts(guest) -> tuple[str, list[str], list[str]]:
    texts = []
    for language in ("bg", "en"):
        with translation.override(language):
            texts.append(
                ", ".join(part for part in (guest.position, guest.institution) if part)
            )
    bulgarian, english = texts
    return (
        guest.full_name,
        [bulgarian] if bulgarian else [],
        [english] if english and english != bulgarian else [],
    )


def _half(pdf, name: str, bulgarian: list[str], english: list[str]) -> None:
    """One face of the card, in the lower half of the sheet: the name from
    a fifth of the way down, the lines under it."""
    top = FOLD + 20
    size = _fitting(pdf, name, NAME_SIZES, bold=True)
    _line(pdf, name, top, (size,), bold=True)
    y = top + size * 0.45 + 8
    for text in bulgarian:
        _line(pdf, text, y, LINE_SIZES)
        y += 10
    for text in english:
        _line(pdf, text, y, LINE_SIZES, colour=GREY)
        y += 10


def name_cards_pdf(guests) -> bytes:
    """One tent card per guest, in the order given (protocol order)."""
    cards = [_card_texts(guest) for guest in guests]
    texts = [
        text
        for name, bulgarian, english in cards
        for text in [name, *bulgarian, *english]
    ]
    pdf = new_pdf(texts, orientation="L", unit="mm", format="A4")
    pdf.set_title("Name cards")
    for name, bulgarian, english in cards:
        pdf.add_page()
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.3)
        pdf.set_dash_pattern(dash=3, gap=2)
        pdf.line(0, FOLD, WIDTH, FOLD)
        pdf.set_dash_pattern()
        _half(pdf, name, bulgarian, english)
        with pdf.rotation(180, x=WIDTH / 2, y=FOLD):
            _half(pdf, name, bulgarian, english)
    if not pdf.pages:
        pdf.add_page()
    return bytes(pdf.output())
