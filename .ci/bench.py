"""Load benchmark of the production configuration: `make bench`.

Starts the site as in production (DJANGO_DEBUG=0, gunicorn, PostgreSQL,
Redis) on this machine's loopback, with the real content, drives it with wrk
and prints requests per second and p50/p95/p99 latency per page, and each
page's throughput as a ratio of a trivial Django view through the same
server and middleware (the ceiling for a Django page on this machine).

Everything it starts is stopped at the end; all traffic stays on 127.0.0.1.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WORK = ROOT / "var" / "bench"
DATABASE = "conference_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_URL = "redis://127.0.0.1:6379/15"
CACHED_PORT, UNCACHED_PORT = 8101, 8102
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "errors": %d, "non2xx": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration / 1e6, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def say(message):
    print(message, flush=True)


def run(*args, env=None, check=True, quiet=True):
    return subprocess.run(
        args,
        cwd=ROOT,
        env=env,
        check=check,
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.PIPE if quiet else None,
        text=True,
    )


def ensure_tools():
    if not shutil.which("wrk"):
        say("Installing wrk (apt-get install wrk)…")
        run("apt-get", "install", "-y", "-qq", "wrk", check=False)
        if not shutil.which("wrk"):
            run("apt-get", "update", "-qq", check=False)
            run("apt-get", "install", "-y", "-qq", "wrk")
    if run("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    if run("redis-cli", "-h", "127.0.0.1", "ping", check=False).returncode:
        run("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--save", "")


def server_env(**extra):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": BENCH_SECRET,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_TRUSTED_PROXY_COUNT": "0",
        "DJANGO_SMTP_HOST": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(WORK / "static"),
        "DJANGO_MEDIA_ROOT": str(WORK / "media"),
        "DJANGO_BENCHMARK_VIEW": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
    }
    return env | extra


BENCH_SECRET = secrets.token_urlsafe(50)


def prepare_database():
    say(f"Preparing database {DATABASE} with the real content…")
    run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE)
    run("createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE)
    env = server_env()
    run(str(PYTHON), "manage.py", "migrate", "--no-input", env=env)
    run(str(PYTHON), "manage.py", "load_conference_content", env=env)
    run(str(PYTHON), "manage.py", "collectstatic", "--no-input", env=env)
    run("redis-cli", "-n", "15", "flushdb")


@contextmanager
def gunicorn(port, **extra_env):
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "conference.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=server_env(**extra_env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(
                        f"gunicorn on port {port} did not start"
                    ) from None
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url):
    script = WORK / "report.lua"
    # Warm up (fills the page cache and the connection pools), then measure.
    subprocess.run(["wrk", "-t2", "-c4", "-d2s", url], capture_output=True, check=True)
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(row for row in result.stdout.splitlines() if row.startswith("RESULT "))
    figures = json.loads(line.removeprefix("RESULT "))
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def table(rows, ceiling):
    header = (
        f"{'what':<44} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7} {'× trivial':>10}"
    )
    say(header)
    say("-" * len(header))
    for name, figures in rows:
        errors = figures["errors"] + figures["non2xx"]
        say(
            f"{name:<44} {figures['rps']:>8.0f} {figures['p50'] / 1000:>8.1f} "
            f"{figures['p95'] / 1000:>8.1f} {figures['p99'] / 1000:>8.1f} {errors:>7} "
            f"{figures['rps'] / ceiling:>10.2f}"
        )


PAGES = [
    ("home", "/{language}/"),
    ("about", "/{language}/about/"),
    ("venue", "/{language}/venue/"),
    ("conference .ics", "/{language}/conference.ics"),
]


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "report.lua").write_text(WRK_REPORT)
    ensure_tools()
    prepare_database()
    rows = []
    with ExitStack() as servers:
        cached = servers.enter_context(gunicorn(CACHED_PORT))
        uncached = servers.enter_context(
            gunicorn(UNCACHED_PORT, DJANGO_PAGE_CACHE_SECONDS="0")
        )
        say(
            f"Measuring: {SECONDS} s per row, {CONNECTIONS} connections, "
            f"{os.cpu_count()} cores."
        )
        ceiling = wrk(f"{cached}/bench/trivial")
        rows.append(("trivial Django view (the ceiling)", ceiling))
        rows.append(
            (
                "static file (site.css through WhiteNoise)",
                wrk(f"{cached}{static_url(cached, 'css/site.css')}"),
            )
        )
        for language in ("bg", "en"):
            for name, path in PAGES:
                url = path.format(language=language)
                rows.append((f"{name} [{language}] cached", wrk(f"{cached}{url}")))
                rows.append((f"{name} [{language}] uncached", wrk(f"{uncached}{url}")))
    say("")
    table(rows, ceiling["rps"])
    failures = [
        name for name, figures in rows if figures["errors"] or figures["non2xx"]
    ]
    if failures:
        say(f"\nErrors in: {', '.join(failures)}")
        return 1
    return 0


def static_url(base, name):
    """The hashed URL of a static file, as the pages link it."""
    html = urllib.request.urlopen(f"{base}/en/", timeout=10).read().decode()
    marker = f"/static/{name.rsplit('.', 1)[0]}."
    start = html.index(marker)
    return html[start : html.index('"', start)]


if __name__ == "__main__":
    sys.exit(main())
