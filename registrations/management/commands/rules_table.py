from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.rules.markdown import replace_table, table_markdown

# The documents that show the table, and in which language.
DOCUMENTS = {
    "docs/event-life.md": "en",
    "docs/organisers.md": "en",
    "docs/organisers.bg.md": "bg",
}


class Command(BaseCommand):
    help = (
        "Print the table of what may be done in each phase of the event and "
        "to whom (registrations/rules), as Markdown; with --write, put it "
        "into the documents that show it to organisers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=("bg", "en"), default="en")
        parser.add_argument(
            "--write",
            action="store_true",
            help="Update " + ", ".join(DOCUMENTS) + " in place.",
        )

    def handle(self, *args, **options):
        if not options["write"]:
            self.stdout.write(table_markdown(options["language"]))
            return
        for name, language in DOCUMENTS.items():
            path = Path(settings.BASE_DIR) / name
            path.write_text(
                replace_table(path.read_text(encoding="utf-8"), language),
                encoding="utf-8",
            )
            self.stdout.write(f"Wrote the table into {name}.")
