"""`make mutants`: every guard of docs/security.md (“The guards”) is removed or
inverted in turn, and the tests that guard it must fail.

Each mutant replaces one exact piece of source text in a copy of the working
tree (the checkout itself is never touched), then runs only the tests named
for it there (`pytest -x -q`, on SQLite, with this checkout's virtualenv).
A mutant is *killed* when a test fails, *survived* when all pass. A mutant
whose original text is not found exactly once is *stale*: the code moved,
and the mutant must follow it. Prints a table; exits non-zero when a mutant
survived or is stale.

    .venv/bin/python .ci/mutants.py            # all of them (make mutants)
    .venv/bin/python .ci/mutants.py capacity   # those whose guard or name has it
    MUTANTS_JOBS=1 make mutants                # one at a time (default 2)

The suite must be green first: CI runs this after `make test`.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


@dataclass(frozen=True)
class Mutant:
    guard: str
    name: str
    path: str
    original: str
    mutated: str
    tests: tuple[str, ...]
    # Narrows the tests to those about this guard (pytest -k), for speed.
    keyword: str = ""


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    result: str  # killed, survived, stale, error
    detail: str
    seconds: float


AGENDA = "unpublished agenda"
GO_LIVE = "go-live gate"
CAPACITY = "capacity"
ROLES = "role checks"
LINKS = "secret links"
CERTIFICATES = "certificates for attendees"
PAGE_CACHE = "page cache: language, phase"
ANONYMISATION = "anonymisation"
UPLOADS = "upload limits"
HOSTILE_FILES = "hostile files"
RATE_LIMIT = "rate limit"
DUPLICATE_MAIL = "one Message-ID per e-mail"

MUTANTS = [
    Mutant(
        AGENDA,
        "a session added since publication shown at its draft time",
        "programme/selectors.py",
        "        if published is None:\n            continue\n",
        "        if published is None:\n"
        "            published = {\n"
        '                "starts_at": session.starts_at.isoformat(),\n'
        '                "ends_at": session.ends_at.isoformat(),\n'
        "            }\n",
        ("tests/programme/test_agenda_publishing.py",),
        keyword="publication or published",
    ),
    Mutant(
        AGENDA,
        "before the first publication, every draft session public",
        "programme/selectors.py",
        "        return list(sessions.filter(is_confirmed=True, "
        "kind=SessionKind.OPENING))\n",
        "        return list(sessions)\n",
        ("tests/programme/test_agenda_publishing.py", "tests/programme/test_pages.py"),
        keyword="publication or published or draft or opening",
    ),
    Mutant(
        AGENDA,
        "the draft preview open to anyone",
        "programme/views.py",
        "@never_cache\n@staff_member_required\ndef agenda_preview(",
        "@never_cache\ndef agenda_preview(",
        ("tests/programme/test_agenda_publishing.py",),
        keyword="published or draft",
    ),
    Mutant(
        GO_LIVE,
        "registration opens with the law's prerequisites missing",
        "conference/phases.py",
        "    if event.missing_for_registration():\n"
        "        return Phase.REGISTRATION_NOT_OPEN, RegistrationState.NOT_READY\n",
        "",
        ("tests/test_publishable.py", "tests/test_event_phases.py"),
        keyword="registration",
    ),
    Mutant(
        CAPACITY,
        "confirming takes the seat after the last",
        "registrations/services.py",
        "        if seats_taken(event) < event.capacity:\n",
        "        if seats_taken(event) <= event.capacity:\n",
        ("tests/registrations/test_services.py",),
        keyword="confirm or capacity or cancel",
    ),
    Mutant(
        CAPACITY,
        "an organiser seats a waitlisted person in a full event",
        "registrations/services.py",
        "        if seats_taken(event) >= event.capacity and not override_capacity:\n",
        "        if seats_taken(event) > event.capacity and not override_capacity:\n",
        ("tests/registrations/test_services.py",),
        keyword="waiting_list or capacity",
    ),
    Mutant(
        CAPACITY,
        "a freed seat promotes one person too many",
        "registrations/services.py",
        "    free = event.capacity - seats_taken(event)\n",
        "    free = event.capacity - seats_taken(event) + 1\n",
        ("tests/registrations/test_services.py",),
        keyword="cancel or capacity or waiting",
    ),
    Mutant(
        ROLES,
        "the desk's pages without their permission",
        "registrations/desk_views.py",
        "login_required(permission_required(permission, raise_exception=True)(view))",
        "login_required(view)",
        ("tests/registrations/test_roles.py", "tests/registrations/test_desk_views.py"),
        keyword="403 or role or desk",
    ),
    Mutant(
        ROLES,
        "a ticket's check-in link for any signed-in account",
        "registrations/views.py",
        '@login_required\n@permission_required("registrations.check_in_registration"'
        ", raise_exception=True)\n",
        "@login_required\n",
        ("tests/registrations/test_views.py", "tests/registrations/test_roles.py"),
        keyword="permission or 403 or role",
    ),
    Mutant(
        ROLES,
        "the export without the export permission",
        "registrations/admin/exports.py",
        "        if not request.user.has_perm(EXPORT_PERMISSION):\n"
        "            raise PermissionDenied\n",
        "",
        ("tests/registrations/test_roles.py", "tests/registrations/test_exports.py"),
        keyword="403 or role or desk",
    ),
    Mutant(
        ROLES,
        "name badges without their permission",
        "registrations/admin/actions.py",
        '        return request.user.has_perm("registrations.print_badges")\n',
        "        return True\n",
        ("tests/registrations/test_roles.py",),
        keyword="badges",
    ),
    Mutant(
        ROLES,
        "the day grid without the permission to change sessions",
        "programme/agenda_grid/views.py",
        "def grid_view(request, model_admin):\n"
        "    if not request.user.has_perm(PERMISSION):\n"
        "        raise PermissionDenied\n",
        "def grid_view(request, model_admin):\n",
        ("tests/programme/test_agenda_grid.py",),
        keyword="refused_to or anonymous",
    ),
    Mutant(
        ROLES,
        "a new session from the day grid without the permission to add one",
        "programme/agenda_grid/create.py",
        "    if not request.user.has_perm(PERMISSION) or not request.user.has_perm(\n"
        '        "programme.add_session"\n'
        "    ):\n"
        "        raise PermissionDenied\n",
        "",
        ("tests/programme/test_grid_create.py",),
        keyword="only_organisers",
    ),
    Mutant(
        LINKS,
        "a link opens pages of another purpose",
        "registrations/models/registration.py",
        "            tokens__purpose=purpose,\n",
        "",
        ("tests/registrations/test_views.py", "tests/registrations/test_tickets.py"),
        keyword="token or link",
    ),
    Mutant(
        LINKS,
        "links keep working after anonymisation",
        "registrations/models/registration.py",
        "            tokens__token_hash=hash_token(token),\n"
        "            anonymised_at__isnull=True,\n",
        "            tokens__token_hash=hash_token(token),\n",
        ("tests/registrations/test_views.py", "tests/archive/test_archive.py"),
        keyword="token or link or anonymis",
    ),
    Mutant(
        CERTIFICATES,
        "a certificate for a confirmed person who never came",
        "archive/services.py",
        "        and registration.checked_in_at is not None\n",
        "",
        ("tests/archive/test_archive.py",),
        keyword="certificate",
    ),
    Mutant(
        CERTIFICATES,
        "certificates issued in bulk to everyone confirmed",
        "archive/services.py",
        "            .checked_in()\n"
        "            .filter(anonymised_at__isnull=True, certificate__isnull=True)\n",
        "            .confirmed()\n"
        "            .filter(anonymised_at__isnull=True, certificate__isnull=True)\n",
        ("tests/archive/test_archive.py",),
        keyword="certificate or follow_up",
    ),
    Mutant(
        PAGE_CACHE,
        "one cached agenda fragment for both languages",
        "conference/page_cache.py",
        'prefix = f"fragment:{content_version()}:{translation.get_language()}:"',
        'prefix = f"fragment:{content_version()}:"',
        ("tests/conference/test_page_cache.py", "tests/programme/test_pages.py"),
        keyword="language or agenda",
    ),
    Mutant(
        PAGE_CACHE,
        "a cached page outlives the event's phase",
        "conference/page_cache.py",
        "_store(key, version, response, valid_until=_phase_ends_at())",
        "_store(key, version, response, valid_until=None)",
        ("tests/conference/test_page_cache.py", "tests/test_event_phases.py"),
        keyword="cache",
    ),
    Mutant(
        ANONYMISATION,
        "the e-mail address kept after anonymisation",
        "registrations/retention.py",
        '    "email",\n    "organisation",\n',
        '    "organisation",\n',
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_commands.py",
        ),
        keyword="anonymis or expire",
    ),
    Mutant(
        ANONYMISATION,
        "an anonymised registration keeps its links",
        "registrations/retention.py",
        "            registration.tokens.all().delete()\n",
        "",
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_commands.py",
            "tests/registrations/test_views.py",
        ),
        keyword="anonymis",
    ),
    Mutant(
        UPLOADS,
        "an image over 10 MB accepted",
        "conference/images.py",
        "    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:\n",
        "    if False:\n",
        ("tests/conference/test_images.py",),
        keyword="rejects",
    ),
    Mutant(
        UPLOADS,
        "an image over 40 megapixels accepted",
        "conference/images.py",
        "    if width * height > MAX_IMAGE_PIXELS:\n",
        "    if False:\n",
        ("tests/conference/test_images.py",),
        keyword="rejects or bomb",
    ),
    Mutant(
        UPLOADS,
        "a document over 20 MB accepted",
        "programme/validators.py",
        "    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:\n",
        "    if False:\n",
        ("tests/programme/test_validation.py", "tests/archive/test_archive.py"),
        keyword="document or slides",
    ),
    Mutant(
        HOSTILE_FILES,
        "an SVG logo with a DTD and entities parsed",
        "conference/svg.py",
        "forbid_dtd=True, forbid_entities=True",
        "forbid_dtd=False, forbid_entities=False",
        ("tests/conference/test_logos.py",),
        keyword="entities or unsafe",
    ),
    Mutant(
        HOSTILE_FILES,
        "CSS escapes in an SVG's attributes checked and stored undecoded",
        "conference/svg.py",
        "        value = css_value(element.attrib[attribute])\n",
        "        value = element.attrib[attribute]\n",
        ("tests/conference/test_logos.py",),
        keyword="escapes or references",
    ),
    Mutant(
        HOSTILE_FILES,
        "a PDF with JavaScript or launch actions accepted",
        "programme/validators.py",
        "    if found is not None:\n",
        "    if False:\n",
        ("tests/programme/test_slides.py",),
        keyword="scripts",
    ),
    Mutant(
        HOSTILE_FILES,
        "a PDF that is also HTML accepted",
        "programme/validators.py",
        "    if tag is not None:\n",
        "    if False:\n",
        ("tests/programme/test_validation.py", "tests/programme/test_slides.py"),
        keyword="html or polyglot",
    ),
    Mutant(
        HOSTILE_FILES,
        "a slide preview as tall as its page",
        "programme/preview_renderer.py",
        "    return min(width / max(width_pt, 1e-3), height / max(height_pt, 1e-3))\n",
        "    return width / max(width_pt, 1e-3)\n",
        ("tests/programme/test_slides.py",),
        keyword="hostile",
    ),
    Mutant(
        RATE_LIMIT,
        "POSTs over the limit accepted",
        "registrations/ratelimit.py",
        "count_post(address_hash, bucket) <= settings.REGISTRATION_RATE_LIMIT",
        "True",
        ("tests/registrations/test_views.py", "tests/conference/test_security.py"),
        keyword="rate_limit",
    ),
    Mutant(
        DUPLICATE_MAIL,
        "a retried e-mail with a new Message-ID",
        "registrations/outbox.py",
        '        rendered.message.extra_headers["Message-ID"] = message_id\n',
        "",
        ("tests/registrations/test_outbox_crash.py",),
        keyword="message_id",
    ),
]


def tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def copy_tree(files: list[str], target: Path) -> None:
    for name in files:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)


def environment() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(mutant: Mutant, files: list[str]) -> Outcome:
    started = time.monotonic()
    source = (ROOT / mutant.path).read_text(encoding="utf-8")
    found = source.count(mutant.original)
    if found != 1:
        return Outcome(mutant, "stale", f"original text found {found} times", 0.0)
    with tempfile.TemporaryDirectory(prefix="conference-mutant-") as folder:
        tree = Path(folder)
        copy_tree(files, tree)
        (tree / mutant.path).write_text(
            source.replace(mutant.original, mutant.mutated), encoding="utf-8"
        )
        command = [str(PYTHON), "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        finished = subprocess.run(
            [*command, *mutant.tests, *(["-k", mutant.keyword] * bool(mutant.keyword))],
            cwd=tree,
            env=environment(),
            capture_output=True,
            text=True,
            check=False,
        )
    seconds = time.monotonic() - started
    output = finished.stdout + finished.stderr
    if finished.returncode == 0:
        return Outcome(mutant, "survived", "every test passed", seconds)
    if finished.returncode == 1:
        failed = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.M)
        return Outcome(mutant, "killed", failed.group(1) if failed else "", seconds)
    tail = output.strip().splitlines()[-1:] or [f"exit {finished.returncode}"]
    return Outcome(mutant, "error", tail[0], seconds)


def print_table(outcomes: list[Outcome]) -> None:
    guards: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        guards.setdefault(outcome.mutant.guard, []).append(outcome)
    width = max(len(guard) for guard in guards)
    print(f"\n{'guard':<{width}}  killed  survived  other")
    for guard, results in guards.items():
        counts = {
            result: sum(o.result == result for o in results)
            for result in ("killed", "survived")
        }
        other = len(results) - counts["killed"] - counts["survived"]
        print(
            f"{guard:<{width}}  {counts['killed']:>6}  {counts['survived']:>8}  "
            f"{other:>5}"
        )
    print("\nmutant                                                      result")
    for outcome in outcomes:
        mutant = outcome.mutant
        print(f"{mutant.guard}: {mutant.name}")
        print(
            f"    {mutant.path}: {outcome.result.upper()} in {outcome.seconds:.0f} s"
            f"{' by ' + outcome.detail if outcome.result == 'killed' else ''}"
            f"{' (' + outcome.detail + ')' if outcome.result != 'killed' else ''}"
        )


def main(arguments: list[str]) -> int:
    if not PYTHON.exists():
        print("No .venv/: run `make test-fast` (or `make mutants`) first.")
        return 2
    chosen = [
        mutant
        for mutant in MUTANTS
        if not arguments
        or any(word in f"{mutant.guard}: {mutant.name}" for word in arguments)
    ]
    if not chosen:
        print(f"No mutant's guard or name contains {' or '.join(arguments)}.")
        return 2
    jobs = int(os.environ.get("MUTANTS_JOBS", "2"))
    started = time.monotonic()
    files = tracked_files()
    print(
        f"{len(chosen)} mutants of {len({m.guard for m in chosen})} guards, "
        f"{jobs} at a time"
    )
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        outcomes = list(pool.map(lambda mutant: run(mutant, files), chosen))
    print_table(outcomes)
    bad = [outcome for outcome in outcomes if outcome.result != "killed"]
    print(
        f"\n{len(outcomes) - len(bad)} of {len(outcomes)} mutants killed in "
        f"{time.monotonic() - started:.0f} s"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
