import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser account 'organiser' with a random password if no "
        "superuser exists yet, and print how to log in. Does nothing otherwise."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An organiser account already exists. Forgot the password? "
                "Run: .venv/bin/python manage.py changepassword <username>"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username="organiser", email="", password=password)
        admin = settings.SITE_URL.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(
                "Created the organiser account.\n"
                f"  Admin:    {admin}/bg/admin/ (or /en/admin/)\n"
                "  Username: organiser\n"
                f"  Password: {password}\n"
                "Write it down: it is shown only once."
            )
        )
