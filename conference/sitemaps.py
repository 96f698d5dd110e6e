"""sitemap.xml: every public page in both languages, with hreflang alternates.

Each app lists its pages in `<app>/sitemaps.py` and adds them with
`register_sitemaps()` in its `AppConfig.ready()`, so this project package
never imports the apps that build on it.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conference.models import Event

# Filled by the apps' ready(); the sitemap view reads it at each request.
SITEMAPS: dict[str, type[Sitemap]] = {}


def register_sitemaps(sitemaps: dict[str, type[Sitemap]]) -> None:
    clash = {
        section
        for section, sitemap in sitemaps.items()
        if SITEMAPS.get(section, sitemap) is not sitemap
    }
    if clash:
        raise ValueError(f"Sitemap sections registered twice: {sorted(clash)}")
    SITEMAPS.update(sitemaps)


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
