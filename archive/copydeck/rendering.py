"""The fixed values of the deck and how one page becomes rows of sentences,
Bulgarian beside English."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.cache import cache
from django.test import Client

from archive.copydeck.text import html_blocks, side_by_side
from conference.page_cache import clear_local_pages
from registrations.models import FormOfAddress

LANGUAGES = ("bg", "en")
SITE_URL = "https://conference.example"
EVENT_DATE = datetime.date(2027, 9, 20)
SOFIA = datetime.timezone(datetime.timedelta(hours=3))  # EEST in September
MOMENTS = {
    "registration open": datetime.datetime(2027, 8, 20, 12, 0, tzinfo=SOFIA),
    "the day": datetime.datetime(2027, 9, 20, 11, 0, tzinfo=SOFIA),
    "after the day": datetime.datetime(2027, 9, 27, 12, 0, tzinfo=SOFIA),
}
# What the organisers must enter before registration opens; the deck's own
# values, so that the registration pages can be read.
EVENT_VALUES = {
    "contact_email": "conference@example.org",
    "data_controller_bg": "Национална комисия за борба с трафика на хора",
    "data_controller_en": "National Commission for Combating Trafficking in "
    "Human Beings",
}
PEOPLE = {
    "bg": {
        "form_of_address": FormOfAddress.MS,
        "first_name": "Мария",
        "last_name": "Петрова",
    },
    "en": {
        "form_of_address": FormOfAddress.MS,
        "first_name": "Maria",
        "last_name": "Petrova",
    },
}
SECRET_IN_PATH = re.compile(
    r"/(registration|check-in|certificates|invitation)/[\w-]{16,}"
)
LINK = re.compile(r"https?://[^\s<>\"')]+")


@dataclass
class Section:
    """One page or e-mail: its heading and its rows (Bulgarian, English)."""

    heading: str
    rows: list[tuple[str, str]]


@dataclass
class Deck:
    pages: list[Section] = field(default_factory=list)
    registration: list[Section] = field(default_factory=list)
    emails: list[Section] = field(default_factory=list)
    admin: list[Section] = field(default_factory=list)


def without_secrets(text: str) -> str:
    text = text.replace(SITE_URL, "")
    return SECRET_IN_PATH.sub(lambda match: f"/{match.group(1)}/…", text)


def _path_in(language: str, path: str) -> str:
    return f"/{language}/" + path.split("/", 2)[2]


def public_paths(client: Client) -> list[str]:
    """The Bulgarian paths of the sitemap, in its order."""
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [path for path in dict.fromkeys(paths) if path.startswith("/bg/")]


def clear_caches() -> None:
    cache.clear()
    clear_local_pages()


def _page(client: Client, path: str, method: str = "get", data=None) -> list:
    response = getattr(client, method)(path, data or {})
    return html_blocks(without_secrets(response.content.decode()))


def common_rows(pages: dict[str, list], share: float = 0.8):
    """The rows that most pages repeat (menu, footer), in the order of the
    first page, and the pages without them."""
    counts: dict[tuple[str, str], int] = {}
    for rows in pages.values():
        for row in set(rows):
            counts[row] = counts.get(row, 0) + 1
    common = {row for row, count in counts.items() if count >= share * len(pages)}
    first = next(iter(pages.values()), [])
    ordered = list(dict.fromkeys(row for row in first if row in common))
    stripped = {
        path: [row for row in rows if row not in common] for path, rows in pages.items()
    }
    return ordered, stripped


def page_rows(client: Client, bg_path: str, method="get", data=None, en_path=None):
    """A page in both languages, side by side."""
    bulgarian = _page(client, bg_path, method, data)
    english = _page(client, en_path or _path_in("en", bg_path), method, data)
    return side_by_side(bulgarian, english)
