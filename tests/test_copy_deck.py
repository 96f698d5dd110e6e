"""The copy deck (docs/copy/) is what the site says: regenerated here and
compared with the files in the repository."""

from pathlib import Path

import pytest

from archive.copydeck import COMMAND, DECK_DIRECTORY, build_deck
from archive.copydeck.text import html_blocks, sentences, side_by_side

ROOT = Path(__file__).resolve().parent.parent


def first_difference(expected: str, actual: str) -> str:
    for number, (left, right) in enumerate(
        zip(expected.splitlines(), actual.splitlines(), strict=False), start=1
    ):
        if left != right:
            return f"line {number}: {left!r} ≠ {right!r}"
    return "one file is longer"


@pytest.mark.django_db
def test_copy_deck_is_current():
    files = build_deck()

    directory = ROOT / DECK_DIRECTORY
    stale = sorted(
        name
        for name, text in files.items()
        if not (directory / name).exists()
        or (directory / name).read_text(encoding="utf-8") != text
    )
    extra = sorted(
        path.name for path in directory.glob("*.md") if path.name not in files
    )
    differences = [
        f"{name}, {first_difference(files[name], (directory / name).read_text())}"
        for name in stale
        if (directory / name).exists()
    ]
    assert not stale and not extra, (
        f"The copy deck ({DECK_DIRECTORY}/) is out of date: {stale or extra}. "
        f"Run `{COMMAND}` and commit {DECK_DIRECTORY}/ with your change. "
        f"First difference: {differences}"
    )


def test_copy_deck_shows_every_e_mail_kind_and_the_greetings():
    from registrations.models import EmailKind

    emails = (ROOT / DECK_DIRECTORY / "emails.md").read_text(encoding="utf-8")

    for kind in EmailKind:
        assert f"## {kind.value} — " in emails
    assert "| Уважаема г-жо Петрова, | Dear Ms Petrova, |" in emails


def test_sentences_are_cut_at_sentence_ends_only():
    text = "Открива я проф. Петрова. Денят е 20 септември 2027 г. Входът е свободен."

    assert sentences(text) == [
        "Открива я проф. Петрова.",
        "Денят е 20 септември 2027 г.",
        "Входът е свободен.",
    ]


def test_languages_are_paired_block_by_block():
    bulgarian = html_blocks("<h1>Заглавие</h1><p>Едно. Две.</p><p>Три.</p>")
    english = html_blocks("<h1>Title</h1><p>One. Two.</p><p>Three.</p>")

    assert side_by_side(bulgarian, english) == [
        ("Заглавие", "Title"),
        ("Едно.", "One."),
        ("Две.", "Two."),
        ("Три.", "Three."),
    ]


def test_share_changed_counts_distinct_sentences_per_language_and_group():
    from archive.copydeck.share import shares

    before = {
        "pages.md": "| Български | English |\n|---|---|\n"
        "| Едно. | One. |\n| Две. | Two. |\n| Две. | Two. |\n| Три. | Three. |\n",
        "admin.md": "| Запазване | Save |\n"
        "| Изберете този обект за действие - X "
        "| Select this object for an action - X |\n",
    }
    after = {
        "pages.md": "| Едно. | One. |\n| Втори. | Two. |\n| Три. | Three. |\n",
        "admin.md": "| Запазване | Save |\n",
    }

    result = {(share.group, share.language): share for share in shares(before, after)}

    public_bg = result["public pages and e-mails", "bg"]
    assert (public_bg.changed, public_bg.read) == (1, 3)
    assert result["public pages and e-mails", "en"].changed == 0
    assert result["admin", "bg"].read == 1  # Django's row checkboxes left out
    assert "not under 5 %" in str(public_bg)
