"""Every figure the content states has its row in docs/sources.md: the
number with the word after it, in the language it is written in."""

import re
from pathlib import Path

from conference.content import EVENT, PARTNERS
from programme.content.agenda import SESSIONS, SPEAKERS
from programme.content.results import PROJECTS, RESULTS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs" / "sources.md"
# A number or a range ("17", "×2", "2015–2018", "1,863,478") and the word
# after it unless that is a small word: "17 души", "80 Bulgarian", "31 May".
NUMBER = re.compile(r"×?\d+(?:[,.’']\d+)*(?:\s*[–-]\s*\d+)?")
WORD = re.compile(r"\s+([A-Za-zА-Яа-яѝ]+)")
SMALL_WORDS = {
    "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to",
    "two", "under", "was", "with", "а", "в", "г", "до", "е", "за", "и", "на",
    "от", "с", "са",
}  # fmt: skip


def texts(language: str) -> list[str]:
    found = []

    def walk(value):
        if isinstance(value, dict):
            if set(value) == {"bg", "en"}:
                found.append(value[language])
            else:
                for item in value.values():
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk([EVENT, PARTNERS, SESSIONS, SPEAKERS, PROJECTS])
    for result in RESULTS:
        walk({key: value for key, value in result.items() if key != "figure_value"})
        if "figure_value" in result:
            found.append(
                f"{result['figure_value'][language]} {result['figure_label'][language]}"
            )
    return found


def figures(language: str) -> set[str]:
    found = set()
    for text in texts(language):
        for match in NUMBER.finditer(text):
            figure = " ".join(match.group().split())
            word = WORD.match(text, match.end())
            if word and word.group(1).lower() not in SMALL_WORDS:
                figure = f"{figure} {word.group(1)}"
            found.add(figure)
    return found


def test_every_figure_of_the_content_is_in_the_source_log():
    log = " ".join(SOURCES.read_text(encoding="utf-8").split())

    missing = sorted(
        figure
        for language in ("bg", "en")
        for figure in figures(language)
        if figure not in log
    )

    assert missing == [], (
        "Figures on public pages with no row in docs/sources.md (add the claim, "
        f"its source's address and words, or remove the figure): {missing}"
    )


def test_the_source_log_names_each_sources_address():
    log = SOURCES.read_text(encoding="utf-8")

    for address in (
        "https://antitraffic.government.bg/bg/news/5381",
        "https://antitraffic.government.bg/en/news/5381",
        "https://antitraffic.government.bg/en/projects/7",
        "https://www.schweizerbeitrag.admin.ch/",
        "http://www.swiss-contribution.bg/projects/sigurnost/",
    ):
        assert address in log
