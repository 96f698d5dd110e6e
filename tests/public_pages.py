"""The public pages of the site, for tests that must visit every one of them."""

from django.urls import reverse
from django.utils import translation

PUBLIC_PAGE_NAMES = [
    "conference:home",
    "conference:about",
    "conference:venue",
    "registrations:privacy",
]
# Public pages with a form: never served from the page cache.
FORM_PAGE_NAMES = ["registrations:register"]


def public_paths(language: str, *, with_forms: bool = True) -> list[str]:
    names = PUBLIC_PAGE_NAMES + (FORM_PAGE_NAMES if with_forms else [])
    with translation.override(language):
        return [reverse(name) for name in names]
