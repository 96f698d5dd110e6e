"""The headers every uploaded file is served with.

In production the reverse proxy serves `/media/` (docs/deployment.md shows
the nginx lines, and .ci/deployment_check.py checks that they say what
MEDIA_HEADERS says); in development `serve_media` adds the same headers to
Django's static file view. No uploaded file is ever taken for a page: the
type is never sniffed, a document opened in a tab runs nothing (a
sandboxing CSP, which also stops an SVG opened directly from fetching
anything), and PDFs are downloaded rather than shown.
"""

from django.views.static import serve

MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
    ),
}
DOWNLOAD_SUFFIXES = (".pdf",)
DOWNLOAD_HEADER = ("Content-Disposition", "attachment")


def media_headers(path: str) -> dict[str, str]:
    headers = dict(MEDIA_HEADERS)
    if path.lower().endswith(DOWNLOAD_SUFFIXES):
        headers[DOWNLOAD_HEADER[0]] = DOWNLOAD_HEADER[1]
    return headers


def serve_media(request, path, document_root):
    """Development only: Django serves the uploads as the proxy would."""
    response = serve(request, path, document_root=document_root)
    for name, value in media_headers(path).items():
        response[name] = value
    return response
