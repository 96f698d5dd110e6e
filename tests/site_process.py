"""The site as separate processes (gunicorn, the mail worker) run it, on a
SQLite file of its own, for the tests that kill or count processes.

`prepared_site_database` migrates a database and loads the content once per
test session; `site_process_env` copies it for one test and gives the
environment those processes need (no Redis, DEBUG on for the development
defaults) and a `manage(...)` runner.
"""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_env(database: Path, media: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "DATABASE_", "GUNICORN_"))
    }
    return env | {
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "conference.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(media),
    }


def run_manage(env, *arguments, **options):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        **options,
    )


@pytest.fixture(scope="session")
def prepared_site_database(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    env = process_env(folder / "db.sqlite3", folder / "media")
    run_manage(env, "migrate", "--no-input", "-v0")
    run_manage(env, "load_conference_content")
    run_manage(env, "fill_development_values")
    return folder / "db.sqlite3"


@pytest.fixture
def site_process_env(prepared_site_database, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(prepared_site_database, database)
    env = process_env(database, tmp_path / "media")

    def manage(*arguments, **options):
        return run_manage(env, *arguments, **options)

    return env, manage
