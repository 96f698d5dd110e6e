"""The apps depend on each other one way: archive → registrations →
programme → conference. `conference` reaches the apps built on it only through the hooks
they register (docs/architecture.md), never by importing them or by name."""

import ast
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent
# Each app and the apps it must never import.
LOWER_THAN = {
    "conference": ("programme", "registrations", "archive"),
    "programme": ("registrations", "archive"),
    "registrations": ("archive",),
}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app", sorted(LOWER_THAN))
def test_an_app_never_imports_the_apps_built_on_it(app):
    wrong = {
        f"{path.relative_to(ROOT)} imports {module}"
        for path in (ROOT / app).rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in LOWER_THAN[app]
    }

    assert not wrong


@pytest.mark.parametrize("app", sorted(LOWER_THAN))
def test_an_app_finds_no_module_by_name(app):
    by_name = {
        str(path.relative_to(ROOT))
        for path in (ROOT / app).rglob("*.py")
        if {"importlib", "django.utils.module_loading"} & imported_modules(path)
    }

    assert not by_name


@pytest.mark.parametrize("app", sorted(LOWER_THAN))
def test_an_apps_templates_load_no_tags_of_the_apps_built_on_it(app):
    libraries = engines["django"].engine.libraries
    wrong = set()
    for path in (ROOT / "templates" / app).rglob("*.html"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "{% load " not in line:
                continue
            loaded = line.split("{% load ", 1)[1].split("%}", 1)[0].split()
            wrong |= {
                f"{path.relative_to(ROOT)} loads {name}"
                for name in loaded
                if libraries.get(name, "").split(".")[0] in LOWER_THAN[app]
            }

    assert not wrong


def test_the_apps_hooks_are_registered_once_even_if_ready_runs_again():
    from django.apps import apps

    from conference.content_loaders import LOADERS
    from conference.health import CHECKS
    from conference.page_sections import SECTIONS
    from conference.sitemaps import SITEMAPS

    def hooks():
        sections = {page: len(listed) for page, listed in SECTIONS.items()}
        return (list(SITEMAPS), list(LOADERS), sections, list(CHECKS))

    before = hooks()
    for app in ("conference", "programme", "registrations", "archive"):
        apps.get_app_config(app).ready()

    assert hooks() == before
    assert "sessions" in SITEMAPS
    assert SECTIONS["home"]
    assert "outbox" in CHECKS


@pytest.mark.parametrize("app", [*sorted(LOWER_THAN), "archive"])
def test_no_module_of_an_app_grows_past_400_lines(app):
    """A module that grows past ~400 lines becomes a package (docs/architecture.md)."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }

    assert too_long == {}
