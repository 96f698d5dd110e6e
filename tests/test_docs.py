"""README and docs/ stay true: small README, every link and image there,
every environment variable documented, every command one that exists."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Files that read the environment, and the reference that must list it all.
ENVIRONMENT_READERS = ["conference/settings.py", "gunicorn.conf.py", "manage.py"]
ENVIRONMENT_CALL = re.compile(
    r"""(?:os\.environ\.get|os\.environ\.setdefault|env_bool|env_int|env_list)"""
    r"""\(\s*["']([A-Z][A-Z0-9_]+)["']"""
)
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCED_SHELL = re.compile(r"```(?:sh|bash|console|cron)\n(.*?)```", re.S)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_readme_fits_on_a_screen_or_two():
    assert (ROOT / "README.md").stat().st_size <= 10 * 1024


def test_every_environment_variable_is_in_the_configuration_reference():
    reference = read(ROOT / "docs" / "configuration.md")
    read_by_code = {
        name
        for reader in ENVIRONMENT_READERS
        for name in ENVIRONMENT_CALL.findall(read(ROOT / reader))
    }

    assert len(read_by_code) > 30
    assert sorted(name for name in read_by_code if f"`{name}`" not in reference) == []


def test_the_configuration_reference_names_no_variable_the_code_ignores():
    reference = read(ROOT / "docs" / "configuration.md")
    code = "".join(read(ROOT / reader) for reader in ENVIRONMENT_READERS)
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)`", reference, re.M))

    assert sorted(name for name in documented if f'"{name}"' not in code) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_link_and_image_of_a_document_exists(document):
    missing = [
        target
        for target in LINK.findall(read(document))
        if not re.match(r"[a-z]+:|#", target)
        and not (document.parent / target.split("#")[0]).exists()
    ]

    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_command_of_a_document_exists(document):
    commands = set(get_commands())
    targets = set(re.findall(r"^([a-z-]+):", read(ROOT / "Makefile"), re.M))
    text = read(document)
    shell = "\n".join(FENCED_SHELL.findall(text))
    # Commands in code blocks, and those quoted inline as `manage.py …`.
    used_commands = re.findall(r"manage\.py ([a-z_]+)", shell + text)
    used_targets = re.findall(r"^\s*make ([a-z-]+)", shell, re.M)
    used_targets += re.findall(r"`make ([a-z-]+)", text)

    assert sorted({name for name in used_commands if name not in commands}) == []
    assert sorted({name for name in used_targets if name not in targets}) == []
    assert (
        sorted(
            {
                path
                for path in re.findall(r"(?:^|\s)(\.ci/[\w.-]+|\.venv/bin/\w+)", shell)
                if not path.startswith(".venv/") and not (ROOT / path).exists()
            }
        )
        == []
    )


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_file_a_document_names_exists(document):
    named = re.findall(
        r"`((?:conference|programme|registrations|templates|tests|locale|static|"
        r"docs|\.ci)/[\w./-]+)`",
        read(document),
    )

    assert sorted({path for path in named if not (ROOT / path).exists()}) == []


def test_the_bulgarian_organisers_guide_has_every_section_of_the_english_one():
    def sections(name):
        return re.findall(r"^## ", read(ROOT / "docs" / name), re.M)

    assert len(sections("organisers.bg.md")) == len(sections("organisers.md"))
