"""Run Django against a database server that does not answer."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Nothing listens on port 9 of the loopback: connecting is refused at once.
UNREACHABLE = "postgres://postgres@127.0.0.1:9/unreachable?connect_timeout=2"


def get_without_database(path: str) -> tuple[int, str]:
    """GET `path` with the test client in a process whose database is down."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        f"response = Client().get({path!r});"
        "print('STATUS', response.status_code);"
        "print(response.content.decode())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": UNREACHABLE,
        },
        check=False,
    )
    _logs, _, output = result.stdout.partition("STATUS ")
    status, _, body = output.partition("\n")
    assert status, result.stderr
    return int(status), body
