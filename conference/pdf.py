"""What the site's PDFs share: fpdf2 with the DejaVu Sans fonts shipped in
conference/fonts (with their licence, cut down to Latin, Cyrillic and the
punctuation we use), because fpdf2's built-in fonts have no Cyrillic. The
certificates of attendance (archive) and the name cards (invitations) use it.
"""

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"


def new_pdf(*, orientation: str = "P") -> FPDF:
    """An A4 document in millimetres with the DejaVu fonts, regular and bold,
    and no automatic page breaks (each page is laid out whole)."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(False)
    return pdf
