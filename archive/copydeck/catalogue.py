"""The catalogue's entries that no rendered screen shows, under the file that
shows them: messages after an action, validation errors, help texts."""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from archive.copydeck.scenes import Section
from archive.copydeck.text import sentences

APPS = ("conference", "programme", "registrations", "archive")
TRANSLATING = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
WITH_CONTEXT = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}|\{\w*\}")


@dataclass
class Entry:
    context: str | None
    msgid: str
    msgid_plural: str | None
    msgstr: list[str]


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def read_po(path: Path) -> list[Entry]:
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, list[str]] = {}
        current = None
        obsolete = False
        for line in block.splitlines():
            if line.startswith("#~"):
                obsolete = True
            match = re.match(
                r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line
            )
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
        if obsolete or "msgid" not in fields or not _unquote(fields["msgid"]):
            continue
        strings = [
            _unquote(value)
            for key, value in sorted(fields.items())
            if key.startswith("msgstr")
        ]
        entries.append(
            Entry(
                context=_unquote(fields["msgctxt"]) if "msgctxt" in fields else None,
                msgid=_unquote(fields["msgid"]),
                msgid_plural=_unquote(fields["msgid_plural"])
                if "msgid_plural" in fields
                else None,
                msgstr=strings,
            )
        )
    return entries


def _python_sources(root: Path) -> dict[tuple[str | None, str], str]:
    """(context, msgid) → the first Python file that translates it."""
    found: dict[tuple[str | None, str], str] = {}
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name not in TRANSLATING:
                    continue
                strings = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if name in WITH_CONTEXT and len(strings) >= 2:
                    key = (strings[0], strings[1])
                elif strings:
                    key = (None, strings[0])
                else:
                    continue
                found.setdefault(key, str(path.relative_to(root)))
    return found


def _template_texts(root: Path) -> list[tuple[str, str]]:
    texts = []
    for path in sorted((root / "templates").rglob("*")):
        if path.suffix in {".html", ".txt"}:
            text = " ".join(path.read_text(encoding="utf-8").split())
            text = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"%(\1)s", text)
            texts.append((str(path.relative_to(root)), text))
    return texts


def _normal(text: str) -> str:
    return " ".join(text.split())


def _is_shown(translation: str, shown: str) -> bool:
    fragments = [
        piece.strip(" ,.:;–-") for piece in PLACEHOLDER.split(_normal(translation))
    ]
    longest = max(fragments, key=len, default="")
    return bool(longest) and longest in shown


def unseen_entries(shown_bulgarian: str) -> list[Section]:
    """Sections, one per source file, of the entries not in `shown_bulgarian`."""
    root = Path(settings.BASE_DIR)
    bulgarian = read_po(root / "locale" / "bg" / "LC_MESSAGES" / "django.po")
    english = {
        (entry.context, entry.msgid): entry
        for entry in read_po(root / "locale" / "en" / "LC_MESSAGES" / "django.po")
    }
    python = _python_sources(root)
    templates = _template_texts(root)
    shown = _normal(shown_bulgarian)
    by_file: dict[str, list[tuple[str, str]]] = {}
    for entry in bulgarian:
        translations = [text for text in entry.msgstr if text]
        if not translations or any(_is_shown(text, shown) for text in translations):
            continue
        key = (entry.context, entry.msgid)
        source = python.get(key) or next(
            (name for name, text in templates if _normal(entry.msgid) in text),
            "elsewhere (Django and the packages, overridden in our catalogue)",
        )
        own = english.get(key)
        english_texts = [text for text in (own.msgstr if own else []) if text] or [
            text for text in (entry.msgid, entry.msgid_plural) if text
        ]
        label = f"{entry.context}: " if entry.context else ""
        for index, text in enumerate(translations):
            bg = sentences(text) or [""]
            en = sentences(english_texts[min(index, len(english_texts) - 1)])
            for position in range(max(len(bg), len(en))):
                by_file.setdefault(source, []).append(
                    (
                        (label if position == 0 else "")
                        + (bg[position] if position < len(bg) else ""),
                        en[position] if position < len(en) else "",
                    )
                )
    return [Section(name, rows) for name, rows in sorted(by_file.items())]
