"""The struck-out variants of our terminology (docs/terminology.md, the "not"
columns) appear nowhere in the catalogue, the templates or the loaded content,
and the Bulgarian follows its house style (Ви capitalised, ѝ)."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "terminology.md"
CATALOGUE = ROOT / "locale/bg/LC_MESSAGES/django.po"
CONTENT = [
    ROOT / "conference/content.py",
    *sorted((ROOT / "programme/content").glob("*.py")),
]
TEMPLATES = sorted((ROOT / "templates").rglob("*.html")) + sorted(
    (ROOT / "templates").rglob("*.txt")
)

# Words that are right inside a longer term and wrong alone, checked below
# where they are wrong: a menu item, a button, interpretation.
ALONE_ONLY = {"Програма", "Място", "Регистрация"}
CYRILLIC = "А-Яа-яЀ-ӿ"


def struck_out(cell: str) -> list[str]:
    """The variants of one "not" cell, without the editor's notes."""
    cell = re.sub(r"\s\(.*?\)", "", cell)
    cell = re.split(r"\s(?:for|in one place)\s", cell)[0]
    variants = []
    for part in re.split(r",|/", cell):
        part = part.strip().strip("…").strip()
        part = re.split(r"\d", part)[0].strip()  # "потвърдено от 20 август"
        if part:
            variants.append(part)
    return variants


def glossary_variants() -> dict[str, list[str]]:
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## Interface words", 1)[1].split("\n## ", 1)[0]
    variants = {"bg": [], "en": []}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in {"concept", ""} or set(cells[0]) <= {"-"}:
            continue
        variants["bg"] += struck_out(cells[2])
        variants["en"] += struck_out(cells[4])
    return variants


def pattern(variant: str) -> re.Pattern:
    return re.compile(
        rf"(?<![{CYRILLIC}\w]){re.escape(variant)}(?![{CYRILLIC}\w])", re.IGNORECASE
    )


def bulgarian_texts() -> dict[str, str]:
    texts = {}
    for entry in polib.pofile(str(CATALOGUE)):
        for index, text in enumerate([entry.msgstr, *entry.msgstr_plural.values()]):
            texts[f"catalogue: {entry.msgid[:50]} [{index}]"] = text
    for path in CONTENT:
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def english_texts() -> dict[str, str]:
    texts = {
        f"catalogue: {entry.msgid[:50]}": entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
    }
    for path in TEMPLATES + CONTENT:
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    return texts


def test_glossary_lists_struck_out_variants():
    variants = glossary_variants()

    assert "билет" in variants["bg"]
    assert "Съгласен(на) съм" in variants["bg"]
    assert "is confirmed since" in variants["en"]


def test_no_struck_out_bulgarian_variant_is_used():
    variants = [
        variant
        for variant in glossary_variants()["bg"]
        if variant not in ALONE_ONLY and variant != "превод"
    ]
    found = {
        (where, variant)
        for where, text in bulgarian_texts().items()
        for variant in variants
        if pattern(variant).search(text)
    }
    assert found == set()


def test_no_struck_out_english_variant_is_used():
    variants = [v for v in glossary_variants()["en"] if v != "translation"]
    found = {
        (where, variant)
        for where, text in english_texts().items()
        for variant in variants
        if pattern(variant).search(text)
    }
    assert found == set()


def test_words_that_are_wrong_alone_are_never_alone():
    catalogue = polib.pofile(str(CATALOGUE))
    alone = {
        entry.msgid
        for entry in catalogue
        if entry.msgstr in {"Програма", "Място"}
        or (entry.msgctxt == "submit button" and entry.msgstr == "Регистрация")
    }
    # Interpretation is "устен превод" (or "симултанен превод"), never "превод".
    bare_translation = re.compile(
        r"(?<!устен )(?<!устния )(?<!симултанен )"
        rf"(?<![{CYRILLIC}])превод(?![{CYRILLIC}])",
        re.IGNORECASE,
    )
    interpretation = {
        entry.msgid
        for entry in catalogue
        if "interpretation" in entry.msgid.lower()
        and bare_translation.search(entry.msgstr)
    }
    assert alone == set()
    assert interpretation == set()


def test_bulgarian_addresses_the_reader_politely_and_uses_the_short_pronoun():
    lower_case_you = re.compile(rf"(?<![{CYRILLIC}])(ви|вие|ваш[а-я]*)(?![{CYRILLIC}])")
    old_pronoun = re.compile(rf"(?<![{CYRILLIC}])й(?![{CYRILLIC}])")
    found = {
        where
        for where, text in bulgarian_texts().items()
        if lower_case_you.search(text) or old_pronoun.search(text)
    }
    assert found == set()


def test_bulgarian_headings_keep_one_letter_words_with_the_next_word():
    headings = {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(CATALOGUE))
        if entry.msgid in {"Venue and practical information", "Organisers and partners"}
    }

    assert headings["Venue and practical information"] == (
        "Място на провеждане и\u00a0практическа информация"
    )
    assert "и\u00a0партньори" in headings["Organisers and partners"]


def test_speakers_are_лектори_in_every_form_in_the_catalogue_and_the_guide():
    # „Говорител“ is a spokesperson: no form of it ("говорителите",
    # "говорителя") in what the admin shows in Bulgarian or in the
    # Bulgarian guide, which names the admin's menus as they read.
    spokesperson = re.compile(rf"(?<![{CYRILLIC}])говорител", re.IGNORECASE)
    texts = {
        **bulgarian_texts(),
        "docs/organisers.bg.md": (ROOT / "docs/organisers.bg.md").read_text(
            encoding="utf-8"
        ),
    }

    found = sorted(where for where, text in texts.items() if spokesperson.search(text))

    assert found == []
