from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from conference.models import Event

# Plainly fictitious, so nobody mistakes them for the organisers' real details.
DEVELOPMENT_VALUES = {
    "contact_email": "conference@example.invalid",
    "data_controller_bg": "ПРИМЕР ЗА РАЗРАБОТКА – не е истински администратор на "
    "лични данни. Организация „Пример“, ул. „Пример“ 1, София, "
    "privacy@example.invalid",
    "data_controller_en": "DEVELOPMENT EXAMPLE – not a real data controller. "
    "Example Organisation, 1 Example Street, Sofia, privacy@example.invalid",
}


class Command(BaseCommand):
    help = (
        "Development only (`make run`): fill the current event's empty data "
        "controller and contact address with fictitious values, so registration "
        "can be tried locally. Refuses to run when DEBUG is off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "fill_development_values is for development only (DEBUG is off)."
            )
        event = Event.objects.current()
        if event is None:
            self.stdout.write("No current event: load the content first.")
            return
        filled = [
            field
            for field, value in DEVELOPMENT_VALUES.items()
            if not getattr(event, field)
        ]
        for field in filled:
            setattr(event, field, DEVELOPMENT_VALUES[field])
        if filled:
            event.save(update_fields=filled)
            self.stdout.write(
                "Filled with fictitious development values: " + ", ".join(filled)
            )
        else:
            self.stdout.write("Nothing to fill: the organisers' values are kept.")
