"""The site's public address, for links read outside a browser tab.

E-mails, QR codes and calendar files cannot use relative links; they are
built from `settings.SITE_URL` (DJANGO_SITE_URL, see docs/configuration.md).
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
