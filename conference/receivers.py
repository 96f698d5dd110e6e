"""What `conference` answers to its own signals (conference.signals), as the
apps built on it do; connected in ConferenceConfig.ready()."""

from conference import content, sitemaps
from conference.models import Event, Partner
from conference.roles import ORGANISERS, model_permissions


def role_permissions(sender, **kwargs):
    return {ORGANISERS: model_permissions(Event, Partner)}


def sitemap_sections(sender, **kwargs):
    return {"conference": sitemaps.ConferencePagesSitemap}


def load_content(sender, *, event_date, **kwargs):
    return content.load_content(event_date=event_date)
