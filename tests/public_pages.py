"""The public pages of the site, for tests that must visit every one of them."""

from django.urls import reverse
from django.utils import translation

PUBLIC_PAGE_NAMES = [
    "conference:home",
    "conference:about",
    "conference:venue",
]


def public_paths(language: str) -> list[str]:
    with translation.override(language):
        return [reverse(name) for name in PUBLIC_PAGE_NAMES]
