"""sitemap.xml: every public page in both languages, with hreflang alternates.

Each app lists its pages in `<app>/sitemaps.py` and gives them in answer to
the `conference.signals.sitemaps` signal (connected in its
`AppConfig.ready()`), so this project package never imports the apps that
build on it.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse

from conference import signals
from conference.models import Event


def all_sitemaps() -> dict[str, type[Sitemap]]:
    """Every app's sections, each name given once."""
    sections: dict[str, type[Sitemap]] = {}
    for receiver, sitemaps in signals.sitemaps.send(sender=None):
        clash = sorted(set(sections) & set(sitemaps))
        if clash:
            raise ValueError(f"Sitemap sections given twice ({receiver}): {clash}")
        sections |= sitemaps
    return sections


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps=all_sitemaps())


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
