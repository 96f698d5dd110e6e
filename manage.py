#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
    # manage.py is the developer's tool: it runs in development mode unless
    # DJANGO_DEBUG says otherwise. Production sets DJANGO_DEBUG=0 in its
    # environment (see .env.example); the WSGI server (conference/wsgi.py)
    # has no such default and refuses to start without a secret key.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
