from conference.sitemaps import NamedPagesSitemap


class ArchivePagesSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.5
    view_names = ("archive:gallery",)


SITEMAPS = {"archive": ArchivePagesSitemap}
