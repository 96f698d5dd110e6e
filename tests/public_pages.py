"""Every public page of the site, for tests that must visit each one.

The list comes from sitemap.xml, so a page added to the sitemap is checked by
every such test (languages, headers, caching, escaping, accessibility, layout)
without touching them.
"""

import re
from urllib.parse import urlsplit

from django.test import Client

# Public pages with a form: never served from the page cache.
FORM_PATHS = {"/bg/register/", "/en/register/", "/bg/press/", "/en/press/"}


def public_paths(language: str, *, with_forms: bool = True) -> list[str]:
    sitemap = Client().get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [
        path
        for path in dict.fromkeys(paths)
        if path.startswith(f"/{language}/") and (with_forms or path not in FORM_PATHS)
    ]
