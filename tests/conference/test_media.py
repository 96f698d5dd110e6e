"""Uploaded files are served so that no browser takes one for a page."""

import re
from pathlib import Path

from django.test import RequestFactory

from conference.media import MEDIA_HEADERS, serve_media

DEPLOYMENT = Path(__file__).resolve().parents[2] / "docs" / "deployment.md"


def test_development_serves_uploads_with_the_proxys_headers(tmp_path):
    (tmp_path / "talk.pdf").write_bytes(b"%PDF-1.4\n<details open ontoggle=x>")
    (tmp_path / "logo.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    request = RequestFactory().get("/media/talk.pdf")

    pdf = serve_media(request, "talk.pdf", document_root=tmp_path)
    svg = serve_media(request, "logo.svg", document_root=tmp_path)

    assert pdf["Content-Disposition"] == "attachment"
    assert pdf["Content-Type"] == "application/pdf"
    assert not svg.get("Content-Disposition", "").startswith("attachment")
    for response in (pdf, svg):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_the_proxy_example_adds_the_same_headers_to_media():
    text = DEPLOYMENT.read_text()
    media = text[text.index("location /media/ {") :]
    media = media[: media.index("\n    }\n")]
    pdfs = media[media.index(r"location ~* \.pdf$") :]

    for block in (media, pdfs):
        for name, value in MEDIA_HEADERS.items():
            assert f'add_header {name} "{value}" always;' in block
    assert 'add_header Content-Disposition "attachment" always;' in pdfs
    assert re.search(r"default_type application/octet-stream;", media)
