from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class SignInProtectionConfig(AxesConfig):
    """django-axes (admin sign-in lock-out), with a name in the admin's language."""

    verbose_name = _("Sign-in protection")
