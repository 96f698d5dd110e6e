from conference.sitemaps import NamedPagesSitemap


class PressPagesSitemap(NamedPagesSitemap):
    """The press accreditation form; invitations are reached only by their
    secret links."""

    changefreq = "weekly"
    priority = 0.4
    view_names = ("invitations:press",)


SITEMAPS = {"invitations": PressPagesSitemap}
