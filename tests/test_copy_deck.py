"""The copy deck (docs/copy/) is what the site says: regenerated here and
compared with the files in the repository."""

from pathlib import Path

import pytest

from archive.copydeck import COMMAND, DECK_DIRECTORY, build_deck
from archive.copydeck.text import html_blocks, sentences, side_by_side

ROOT = Path(__file__).resolve().parent.parent


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
    assert not stale and not extra, (
        f"The copy deck ({DECK_DIRECTORY}/) is out of date: {stale or extra}. "
        f"Run `{COMMAND}` and commit {DECK_DIRECTORY}/ with your change."
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
