"""`manage.py copy_deck`: write the copy deck (docs/copy/) from a throwaway
database, so the site's own data never reaches it and never changes."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.copydeck import DECK_DIRECTORY, build_deck
from archive.copydeck.share import deck_at, shares


class Command(BaseCommand):
    help = (
        "Render every page, e-mail and message in both languages into the copy "
        "deck (docs/copy/), from the real content on a throwaway database. "
        "--check only reports whether the files are current."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--share-since",
            metavar="COMMIT",
            help="Write nothing; print the share of sentences changed since the "
            "deck at COMMIT (an editing round's measure).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit with an error when the deck is out of date.",
        )

    def handle(self, *args, **options):
        directory = Path(settings.BASE_DIR) / DECK_DIRECTORY
        if options["share_since"]:
            before = deck_at(options["share_since"], Path(settings.BASE_DIR))
            after = {
                name: (directory / name).read_text(encoding="utf-8")
                for name in before
                if (directory / name).exists()
            }
            for share in shares(before, after):
                self.stdout.write(str(share))
            return
        try:
            import time_machine  # noqa: F401
        except ImportError as missing:
            raise CommandError(
                "The copy deck needs the development tools: run `make copy`."
            ) from missing
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            files = build_deck()
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        stale = [
            name
            for name, text in files.items()
            if not (directory / name).exists()
            or (directory / name).read_text(encoding="utf-8") != text
        ]
        if options["check"]:
            if stale:
                raise CommandError(
                    "The copy deck is out of date: " + ", ".join(sorted(stale))
                )
            self.stdout.write("The copy deck is current.")
            return
        directory.mkdir(parents=True, exist_ok=True)
        for name in stale:
            (directory / name).write_text(files[name], encoding="utf-8")
        self.stdout.write(
            f"Wrote {len(stale)} of {len(files)} files in {DECK_DIRECTORY}/."
        )
