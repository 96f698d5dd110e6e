"""The share of the deck's sentences an editing round changed
(docs/translations.md#the-editing-protocol): distinct sentences of the deck
the editor read that the new deck no longer has, per language and group."""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

GROUPS = {
    "public pages and e-mails": ("pages.md", "registration.md", "emails.md"),
    "admin": ("admin.md", "messages.md"),
}
THRESHOLDS = {"public pages and e-mails": 5.0, "admin": 10.0}
CELL_SEPARATOR = re.compile(r"(?<!\\) \| ")
# Django's row checkboxes, one a row of a list: not ours to edit.
NOT_OURS = ("Изберете този обект за действие", "Select this object for an action")


@dataclass
class Share:
    group: str
    language: str
    changed: int
    read: int

    @property
    def percent(self) -> float:
        return 100 * self.changed / self.read if self.read else 0.0

    def __str__(self) -> str:
        limit = THRESHOLDS[self.group]
        verdict = "under" if self.percent < limit else "not under"
        return (
            f"{self.group}, {self.language}: {self.changed} / {self.read} distinct "
            f"sentences changed = {self.percent:.1f} % ({verdict} {limit:g} %)"
        )


def sentences(markdown: str, column: int) -> set[str]:
    found = set()
    for line in markdown.splitlines():
        if not line.startswith("| ") or line.startswith("| Български"):
            continue
        cells = CELL_SEPARATOR.split(line.strip()[2:-2])
        if (
            len(cells) == 2
            and cells[column]
            and not cells[0].startswith(NOT_OURS)
            and not cells[column].isdigit()  # a bare number is no wording
        ):
            found.add(cells[column])
    return found


def shares(before: dict[str, str], after: dict[str, str]) -> list[Share]:
    """`before` and `after` map a deck file's name to its text."""
    result = []
    for group, names in GROUPS.items():
        for column, language in enumerate(("bg", "en")):
            read = set().union(*(sentences(before.get(n, ""), column) for n in names))
            now = set().union(*(sentences(after.get(n, ""), column) for n in names))
            result.append(Share(group, language, len(read - now), len(read)))
    return result


def deck_at(commit: str, directory: Path) -> dict[str, str]:
    """The deck's files as they were at `commit` (git show)."""
    files = {}
    git = shutil.which("git") or "git"
    for names in GROUPS.values():
        for name in names:
            # A developer's command: no shell, the commit is one argument.
            shown = subprocess.run(  # noqa: S603
                [git, "show", f"{commit}:docs/copy/{name}"],
                cwd=directory,
                capture_output=True,
                text=True,
                check=False,
            )
            files[name] = shown.stdout if shown.returncode == 0 else ""
    return files
