"""The privacy notice's version, stored with every consent.

Change the version whenever the text of templates/registrations/privacy.html
changes in substance, so each registration records the notice it agreed to.
"""

import datetime

NOTICE_VERSION = "2026-1"
NOTICE_DATE = datetime.date(2026, 1, 15)
