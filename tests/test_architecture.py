"""The apps depend on each other one way: archive → invitations →
registrations → programme → conference. An app reaches the apps built on it
only through the signals they connect to (docs/architecture.md, “Hooks”),
never by importing them, by name (their tags, URLs or templates, from its
templates or its code) or by changing their lists."""

import ast
import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent
# Each app and the apps it must never import.
LOWER_THAN = {
    "conference": ("programme", "registrations", "invitations", "archive"),
    "programme": ("registrations", "invitations", "archive"),
    "registrations": ("invitations", "archive"),
    "invitations": ("archive",),
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


APPS = ("conference", "programme", "registrations", "invitations", "archive")
TEMPLATES = ROOT / "templates"
TAG = re.compile(r"{%.*?%}", re.S)
# {% load i18n site_tags %}, {% load nav_link from site_tags %}
LOAD = re.compile(r"{%-?\s*load\s+(.*?)\s*-?%}", re.S)
# A URL name in a tag: {% url 'programme:agenda' %}, {% nav_link "programme:agenda" %}
URL_NAME = re.compile(r"""["']([a-z_]+):([\w-]+)["']""")
# Another template by name: {% include "programme/includes/_projects.html" %}
TEMPLATE_NAME = re.compile(r"""{%-?\s*(?:extends|include)\s+["']([^"']+)["']""")


def template_app(path: Path) -> str:
    """The app a template belongs to: its folder under templates/ (or under
    templates/admin/); every other template (base.html, includes/, the error
    pages, the admin's home) is the site's own, conference's."""
    parts = path.relative_to(TEMPLATES).parts
    if parts[0] == "admin" and len(parts) > 2 and parts[1] in APPS:
        return parts[1]
    if len(parts) > 1 and parts[0] in APPS:
        return parts[0]
    return "conference"


def templates_of(app: str) -> list[Path]:
    return [
        path
        for path in sorted(TEMPLATES.rglob("*"))
        if path.suffix in {".html", ".txt"} and template_app(path) == app
    ]


def url_app(namespace: str, name: str) -> str | None:
    """The app whose URL a name is: its namespace, or for the admin's URLs
    of a model (admin:programme_session_grid) the model's app."""
    if namespace == "admin":
        namespace = name.split("_", 1)[0]
    return namespace if namespace in APPS else None


def library_app(library: str) -> str:
    """The app (or package) whose template tag library `library` is."""
    return engines["django"].engine.libraries.get(library, "").split(".")[0]


def upper_app_references(app: str, text: str) -> list[str]:
    """What the template `text` of `app` takes from the apps built on it by
    name: their tag libraries, their URL names, their templates."""
    upper = LOWER_THAN.get(app, ())
    found = []
    for words in LOAD.findall(text):
        words = words.split()
        libraries = words[words.index("from") + 1 :] if "from" in words else words
        found += [f"loads {name}" for name in libraries if library_app(name) in upper]
    for tag in TAG.findall(text):
        found += [
            f"names {namespace}:{name}"
            for namespace, name in URL_NAME.findall(tag)
            if url_app(namespace, name) in upper
        ]
    found += [
        f"uses {name}"
        for name in TEMPLATE_NAME.findall(text)
        if template_app(TEMPLATES / name) in upper
    ]
    return found


def test_every_app_has_templates_and_conference_the_sites_own():
    shell = {str(path.relative_to(TEMPLATES)) for path in templates_of("conference")}

    assert {"base.html", "admin/index.html", "includes/_footer.html"} <= shell
    assert all(templates_of(app) for app in APPS)


@pytest.mark.parametrize("app", sorted(LOWER_THAN))
def test_an_apps_templates_take_nothing_by_name_from_the_apps_built_on_it(app):
    """As its Python never imports them, an app's templates never load an
    upper app's tags, name its URLs or include or extend its templates:
    what an upper app adds to a page comes from that app (page sections)."""
    wrong = {
        f"{path.relative_to(ROOT)} {reference}"
        for path in templates_of(app)
        for reference in upper_app_references(app, path.read_text(encoding="utf-8"))
    }

    assert not wrong


def test_the_template_check_sees_each_kind_of_reference_to_an_upper_app():
    """The test above finds what it looks for (no test that cannot fail)."""
    template = (
        "{% extends 'admin/registrations/registration/change_list.html' %}"
        "{% load i18n programme_tags site_tags %}{% load x from programme_tags %}"
        "<a href=\"{% url 'registrations:badges' %}\">"
        '{% nav_link "programme:agenda" _("Agenda") %}'
        "{% url 'admin:programme_session_grid' %}{% url 'admin:index' %}"
        "{% url 'conference:home' %}{% include 'includes/_nav_link.html' %}"
        '{% include "programme/includes/_projects.html" %}'
    )

    assert upper_app_references("conference", template) == [
        "loads programme_tags",
        "loads programme_tags",
        "names registrations:badges",
        "names programme:agenda",
        "names admin:programme_session_grid",
        "uses admin/registrations/registration/change_list.html",
        "uses programme/includes/_projects.html",
    ]
    # For the programme, only what belongs to registrations is wrong.
    assert upper_app_references("programme", template) == [
        "names registrations:badges",
        "uses admin/registrations/registration/change_list.html",
    ]
    assert upper_app_references("archive", template) == []
    assert template_app(TEMPLATES / "admin/programme/session/grid.html") == "programme"
    assert template_app(TEMPLATES / "registrations/email/follow_up.txt") == (
        "registrations"
    )


WHOLE_URL_NAME = re.compile(r"([a-z_]+):([\w-]+)")


def strings_in_code(path: Path) -> list[str]:
    """The string constants of a module, but for its docstrings and other
    bare strings (which explain, and may name any app)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in bare
    ]


def upper_app_names(app: str, strings: list[str]) -> list[str]:
    """The URL names and template names of the apps built on `app` among
    `strings`."""
    upper = LOWER_THAN.get(app, ())
    found = []
    for text in strings:
        url = WHOLE_URL_NAME.fullmatch(text)
        if url and url_app(*url.groups()) in upper:
            found.append(f"names {text}")
        elif (
            text.endswith((".html", ".txt"))
            and "/" in text
            and template_app(TEMPLATES / text) in upper
        ):
            found.append(f"uses {text}")
    return found


@pytest.mark.parametrize("app", sorted(LOWER_THAN))
def test_an_apps_code_names_no_url_or_template_of_the_apps_built_on_it(app):
    """Nor does its Python reach them by name: no reverse("programme:…") or
    render("registrations/….html") in a lower app."""
    wrong = {
        f"{path.relative_to(ROOT)} {reference}"
        for path in (ROOT / app).rglob("*.py")
        for reference in upper_app_names(app, strings_in_code(path))
    }

    assert not wrong


def test_the_code_check_sees_url_and_template_names_but_not_docstrings(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        '''"""Sections such as "programme/includes/_projects.html"."""

def view(request):
    """Once "registrations:badges"."""
    "programme:agenda"
    url = reverse("registrations:badges")
    admin = reverse("admin:programme_session_grid", args=["x"])
    return render(request, "admin/invitations/guests.html", {"next": "admin:index"})
''',
        encoding="utf-8",
    )

    assert sorted(upper_app_names("conference", strings_in_code(module))) == [
        "names admin:programme_session_grid",
        "names registrations:badges",
        "uses admin/invitations/guests.html",
    ]
    assert upper_app_names("invitations", strings_in_code(module)) == []


def names_imported_from_other_apps(path: Path, app: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in APPS
            and node.module.split(".")[0] != app
        ):
            names |= {alias.asname or alias.name for alias in node.names}
    return names


MUTATING_METHODS = {"append", "extend", "insert", "add", "update", "setdefault"}


@pytest.mark.parametrize("app", APPS)
def test_no_app_changes_another_apps_lists(app):
    """Apps extend each other by connecting to signals, never by adding to a
    list or a dict another app keeps (docs/architecture.md, “Hooks”)."""
    wrong = set()
    for path in (ROOT / app).rglob("*.py"):
        imported = names_imported_from_other_apps(path, app)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            target = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in MUTATING_METHODS:
                    target = node.func.value
            elif isinstance(node, ast.AugAssign | ast.Assign):
                targets = getattr(node, "targets", [getattr(node, "target", None)])
                target = next(
                    (t.value for t in targets if isinstance(t, ast.Subscript)), None
                )
            while isinstance(target, ast.Attribute):
                target = target.value
            if isinstance(target, ast.Name) and target.id in imported:
                wrong.add(f"{path.relative_to(ROOT)}:{node.lineno} {target.id}")

    assert not wrong


def receivers_of(signal) -> int:
    return len(signal.receivers)


@pytest.mark.django_db
def test_each_app_connects_once_even_if_ready_runs_again():
    from django.apps import apps

    from conference import signals
    from conference.health import run_checks
    from conference.page_sections import page_sections
    from conference.roles import REGISTRATION_DESK, role_permissions
    from conference.sitemaps import all_sitemaps
    from programme import signals as programme_signals
    from registrations import signals as registrations_signals

    every_signal = [
        signals.role_permissions,
        signals.sitemaps,
        signals.load_content,
        signals.page_sections,
        signals.health_check,
        programme_signals.agenda_changed,
        programme_signals.confirmed_attendance,
        registrations_signals.email_to_render,
        registrations_signals.personal_data_erasing,
    ]
    before = [receivers_of(signal) for signal in every_signal]
    for app in APPS:
        apps.get_app_config(app).ready()

    assert [receivers_of(signal) for signal in every_signal] == before
    assert before == [5, 5, 2, 3, 1, 1, 1, 1, 1]
    assert "sessions" in all_sitemaps()
    assert page_sections("home", {})
    assert "outbox_waiting" in run_checks().values
    assert "registrations.view_attendee_list" in role_permissions()[REGISTRATION_DESK]


def _is_ours(path):
    """Not a migration, nor third-party code copied in (minified, or in a
    vendored folder such as static/bootstrap/): those are not ours to split."""
    return (
        "migrations" not in path.parts
        and not {"bootstrap", "vendor"} & set(path.parts)
        and not path.name.endswith(".min.js")
    )


@pytest.mark.parametrize(
    ("folder", "pattern"),
    [
        *((app, "*.py") for app in APPS),
        (".ci", "*.py"),
        ("tests", "*.py"),
        ("static/js", "*.js"),
    ],
)
def test_no_module_grows_past_400_lines(folder, pattern):
    """A module that grows past ~400 lines becomes a package, or is split
    (docs/architecture.md): the apps', the CI scripts' (.ci/), the tests' and
    the pages' scripts (static/js/) alike."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / folder).rglob(pattern)
        if _is_ours(path)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }

    assert too_long == {}
