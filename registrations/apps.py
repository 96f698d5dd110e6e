from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from programme.services import agenda_published_hooks
        from registrations.outreach import notify_agenda_change

        if notify_agenda_change not in agenda_published_hooks:
            agenda_published_hooks.append(notify_agenda_change)
