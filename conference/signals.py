"""Where the apps built on `conference` extend it: Django signals.

`conference` declares them here and sends them; each app connects its
receivers in its own `AppConfig.ready()`, with a `dispatch_uid`, so running
ready() again connects nothing twice (docs/architecture.md, “Hooks”). The
apps' own signals follow the same pattern (programme/signals.py).
`conference` never imports the apps, and no app changes another's state:
each answers when asked. Receivers are called in the order they were
connected, which is the order of INSTALLED_APPS.

Every signal is sent with `sender=None`; the keyword arguments and what a
receiver returns are below.
"""

from django.dispatch import Signal

# What the staff roles may do. Sent after every migrate (conference.roles);
# a receiver returns {role name: {"app_label.codename", ...}}.
role_permissions = Signal()

# The sitemap's sections (/sitemap.xml). A receiver returns
# {section name: Sitemap class}.
sitemaps = Signal()

# The real content (`manage.py load_conference_content`), with
# `event_date`. A receiver creates its app's missing records and returns a
# line for each; conference's own receiver runs first and creates the event.
load_content = Signal()

# Sections of a page built on other apps' content, with `page` (the name
# given to `{% page_sections %}`) and `context` (the page's template
# context). A receiver returns a list of conference.page_sections.PageSection
# (empty when it has nothing for this page now).
page_sections = Signal()

# What /healthz reports beyond the database and the cache. A receiver
# returns a conference.health.HealthReport.
health_check = Signal()

# The event's new date. Sent by conference.services.move_event inside its
# transaction, after the date is saved, with `event`, `previous_date` and
# `by` (the user, or None). A receiver moves what belongs to the event along
# (the programme: its sessions and the published agenda) and returns a
# translated sentence saying what it did, which the admin shows, or None.
event_moved = Signal()
