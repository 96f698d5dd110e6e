#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
# Set on every production server (docs/deployment.md); never needed by
# `make run`.
PRODUCTION_VARIABLES = ("DJANGO_SECRET_KEY", "DATABASE_URL")


def debug_by_default(environ, base_dir: Path = BASE_DIR) -> bool:
    """Whether manage.py may assume development (DJANGO_DEBUG=1).

    Only on a developer's checkout: no production variable in the
    environment, and the development database that `make run` creates is
    there. A cron job that lost its environment on a server has neither, and
    must fail loudly rather than start a fresh SQLite database.
    """
    return not any(environ.get(name) for name in PRODUCTION_VARIABLES) and (
        (base_dir / "db.sqlite3").exists()
    )


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
    # An explicit DJANGO_DEBUG always wins.
    if "DJANGO_DEBUG" not in os.environ:
        if debug_by_default(os.environ):
            os.environ["DJANGO_DEBUG"] = "1"
        elif not any(os.environ.get(name) for name in PRODUCTION_VARIABLES):
            sys.exit(
                "manage.py: no DJANGO_DEBUG, DJANGO_SECRET_KEY or DATABASE_URL in "
                "the environment, and no development database.\n"
                "On a server (a cron job?), load the site's environment first "
                "(docs/deployment.md).\n"
                "On your own machine, run `make run` once, or set DJANGO_DEBUG=1."
            )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
