"""sitemap.xml: every public page in both languages, with hreflang alternates.

Each app lists its pages in `<app>/sitemaps.py` as a `SITEMAPS` dict; they are
found by name, like the apps' content modules, so this project package does
not import the apps that build on it.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conference.models import Event

SITEMAP_APPS = ("conference", "programme", "registrations", "archive")


class BilingualSitemap(Sitemap):
    """Lists each page once per language, with alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(BilingualSitemap):
    """Pages known by their URL name, listed while there is a current event."""

    view_names: tuple[str, ...] = ()

    def items(self):
        if not Event.objects.filter(is_current=True).exists():
            return []
        return list(self.view_names)

    def location(self, item):
        return reverse(item)


class ConferencePagesSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.8
    view_names = ("conference:home", "conference:about", "conference:venue")


SITEMAPS = {"conference": ConferencePagesSitemap}


def collect_sitemaps() -> dict[str, type[Sitemap]]:
    collected = {}
    for app_label in SITEMAP_APPS:
        module_name = f"{apps.get_app_config(app_label).name}.sitemaps"
        if find_spec(module_name):
            collected |= import_module(module_name).SITEMAPS
    return collected
