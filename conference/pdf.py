"""What the site's PDFs share: an fpdf2 document with the fonts its texts
need (conference/fonts.py: the Noto families, subset and embedded, the text
shaped with HarfBuzz), so that any name the forms accept prints whole. The
certificates of attendance (archive) and the name cards (invitations) use it.
"""

from conference.fonts import faces_for


def new_pdf(texts, **page):
    """An fpdf2 document with the fonts that `texts` need, shaping on, and no
    automatic page breaks (each page is laid out whole)."""
    from fpdf import FPDF

    pdf = FPDF(**page)
    families = []
    for face in faces_for(" ".join(texts)):
        pdf.add_font(face.family, "", face.regular, collection_font_number=face.index)
        pdf.add_font(
            face.family,
            "B",
            face.bold or face.regular,
            collection_font_number=face.index,
        )
        families.append(face.family)
    pdf.set_fallback_fonts(families[1:], exact_match=False)
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(False)
    return pdf
