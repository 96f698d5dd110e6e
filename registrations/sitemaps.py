from conference.sitemaps import NamedPagesSitemap


class RegistrationPagesSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.6
    view_names = ("registrations:register", "registrations:privacy")


SITEMAPS = {"registrations": RegistrationPagesSitemap}
