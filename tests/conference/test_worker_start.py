"""A gunicorn worker starts with what every request needs, nothing more.

Worker memory had grown from 62–89 MiB to 120–139 MiB: PDF, spreadsheet,
QR-code, font and image libraries were imported by every worker at start-up
although only uploads, exports, tickets and certificates use them. They are
imported where they are used; this test starts the WSGI application (and
its URLs and admin, as the first request does) in a fresh interpreter and
looks at what it imported.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOADED_WHERE_USED = [
    "pypdf",
    "pypdfium2",
    "fpdf",
    "fontTools",
    "uharfbuzz",
    "openpyxl",
    "segno",
    "PIL",
    "icalendar",
    "defusedxml",
]
PROBE = f"""
import json, sys
from conference.wsgi import application
from django.urls import get_resolver
get_resolver().url_patterns  # the URLs, views and admin, as a first request
print(json.dumps([name for name in {LOADED_WHERE_USED!r} if name in sys.modules]))
"""


def test_wsgi_application_starts_without_pdf_xlsx_qr_or_image_libraries(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env |= {
        "DJANGO_SECRET_KEY": "a-test-key-for-a-production-like-start",
        "DJANGO_ALLOWED_HOSTS": "conference.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
