"""`make mutants`: every guard of docs/security.md (“The guards”) is removed or
inverted in turn, and the tests that guard it must fail.

Each mutant replaces one exact piece of source text in a copy of the working
tree (the checkout itself is never touched), then runs only the tests named
for it there (`pytest -x -q`, on SQLite, with this checkout's virtualenv),
starting from a copy of one database migrated beforehand (`--reuse-db`).
A mutant is *killed* when a test fails, *survived* when all pass. A mutant
whose original text is not found exactly once is *stale*: the code moved,
and the mutant must follow it. Prints a table; exits non-zero when a mutant
survived or is stale.

The mutants themselves, by guard, are in .ci/guards.py.

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

from guards import MUTANTS, Mutant

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    result: str  # killed, survived, stale, error
    detail: str
    seconds: float


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


def migrated_database(folder: Path) -> Path:
    """A SQLite database migrated once, as the tests' own would be: each
    mutant's run starts from a copy (pytest --reuse-db) rather than spending
    seconds migrating its own."""
    template = folder / "migrated.sqlite3"
    subprocess.run(
        [
            str(PYTHON),
            "-c",
            "import django; from django.core.management import call_command; "
            "django.setup(); call_command('migrate', run_syncdb=True, verbosity=0)",
        ],
        cwd=ROOT,
        env=environment()
        | {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"sqlite:///{template}",
        },
        check=True,
    )
    return template


def run(mutant: Mutant, files: list[str], database: Path) -> Outcome:
    started = time.monotonic()
    source = (ROOT / mutant.path).read_text(encoding="utf-8")
    found = source.count(mutant.original)
    if found != 1:
        return Outcome(mutant, "stale", f"original text found {found} times", 0.0)
    mutated = source.replace(mutant.original, mutant.mutated)
    try:
        if mutant.path.endswith(".py"):
            compile(mutated, mutant.path, "exec")
    except SyntaxError as error:
        # Not a mutant of the guard but broken code, which any test "kills".
        return Outcome(mutant, "error", f"the mutated code: {error}", 0.0)
    with tempfile.TemporaryDirectory(prefix="conference-mutant-") as folder:
        tree = Path(folder)
        copy_tree(files, tree)
        (tree / mutant.path).write_text(mutated, encoding="utf-8")
        shutil.copy(database, tree / "test.sqlite3")
        command = [str(PYTHON), "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        finished = subprocess.run(
            [
                *command,
                "--reuse-db",
                *mutant.tests,
                *(["-k", mutant.keyword] * bool(mutant.keyword)),
            ],
            cwd=tree,
            env=environment() | {"TEST_DATABASE_FILE": str(tree / "test.sqlite3")},
            capture_output=True,
            text=True,
            check=False,
        )
    seconds = time.monotonic() - started
    output = finished.stdout + finished.stderr
    if finished.returncode == 0:
        return Outcome(mutant, "survived", "every test passed", seconds)
    failed = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.M)
    if finished.returncode == 1 and failed:
        return Outcome(mutant, "killed", failed.group(1), seconds)
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
    with (
        tempfile.TemporaryDirectory(prefix="conference-mutants-") as folder,
        ThreadPoolExecutor(max_workers=jobs) as pool,
    ):
        database = migrated_database(Path(folder))
        outcomes = list(pool.map(lambda mutant: run(mutant, files, database), chosen))
    print_table(outcomes)
    bad = [outcome for outcome in outcomes if outcome.result != "killed"]
    print(
        f"\n{len(outcomes) - len(bad)} of {len(outcomes)} mutants killed in "
        f"{time.monotonic() - started:.0f} s"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
