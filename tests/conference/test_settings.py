import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "DJANGO_SETTINGS_MODULE": "conference.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "conference.example.org",
    "DJANGO_SMTP_HOST": "smtp.example.org",
}


def manage(*args, env, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env=PRODUCTION)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    env = PRODUCTION | {"DJANGO_SECRET_KEY": "prod-like-" + "k3y!" * 16}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_web_server_starts_in_production_mode_and_refuses_without_a_key():
    env = {"PATH": PRODUCTION["PATH"]}  # no DJANGO_DEBUG, no secret key

    result = subprocess.run(
        [sys.executable, "-c", "import conference.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_manage_py_assumes_development_only_on_a_developers_checkout(tmp_path):
    from manage import debug_by_default

    assert not debug_by_default({}, tmp_path)  # a server's checkout
    (tmp_path / "db.sqlite3").touch()  # made by `make run`
    assert debug_by_default({}, tmp_path)
    assert not debug_by_default({"DATABASE_URL": "postgres://db/x"}, tmp_path)
    assert not debug_by_default({"DJANGO_SECRET_KEY": "k" * 50}, tmp_path)


def test_a_cron_job_without_its_environment_fails_loudly(tmp_path):
    # manage.py on a server's checkout (no development database), run with
    # nothing but PATH, as cron does.
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text())
    env = {"PATH": PRODUCTION["PATH"], "PYTHONPATH": str(ROOT)}

    result = manage("send_queued_emails", env=env, cwd=tmp_path)

    assert result.returncode == 1
    assert "load the site's environment first" in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "manage.py"]


def test_an_explicit_debug_setting_wins_over_the_checkout(tmp_path):
    (tmp_path / "manage.py").write_text((ROOT / "manage.py").read_text())
    env = {"PATH": PRODUCTION["PATH"], "PYTHONPATH": str(ROOT), "DJANGO_DEBUG": "1"}

    result = manage("check", env=env, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
