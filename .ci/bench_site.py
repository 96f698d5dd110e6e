"""The benchmark's site (`make bench`, .ci/bench.py): its configuration, the
tools it needs, the database with the real content, the gunicorn servers in
the production configuration, a mail sink, and wrk to measure a URL."""

import datetime
import json
import os
import secrets
import shutil
import socket
import socketserver
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WORK = ROOT / "var" / "bench"
# Its own database and Redis database, so it can run beside other work.
DATABASE = os.environ.get("BENCH_DATABASE", "conference_bench")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_DB = os.environ.get("BENCH_REDIS_DB", "15")
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", 500))
# Visitors submitting the registration form at the same moment.
SUBMITTERS = int(os.environ.get("BENCH_SUBMITTERS", 8))
BURST, SEATS = 40, 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CACHED_PORT, UNCACHED_PORT, SMTP_PORT = free_port(), free_port(), free_port()
# The goals of docs/benchmark.md are stated for 3 sync workers on 2 cores.
WORKERS = os.environ.get("BENCH_WORKERS", "3")
AGENDA_SIZES = (20, 100, 400)

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
        "DJANGO_SMTP_PORT": str(SMTP_PORT),
        "DJANGO_SMTP_TLS": "0",
        "DJANGO_REGISTRATION_RATE_LIMIT": "1000000",
        "DJANGO_STATIC_ROOT": str(WORK / "static"),
        "DJANGO_MEDIA_ROOT": str(WORK / "media"),
        "DJANGO_BENCHMARK_VIEW": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": WORKERS,
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
    # Production refuses to guess the date: the next 20 September, as the
    # deployment guide loads it.
    today = datetime.date.today()
    date = datetime.date(today.year, 9, 20)
    if date < today:
        date = date.replace(year=today.year + 1)
    run(
        str(PYTHON),
        "manage.py",
        "load_conference_content",
        "--date",
        date.isoformat(),
        env=env,
    )
    # What an organiser enters before registration opens (docs/deployment.md).
    run(
        str(PYTHON),
        "manage.py",
        "shell",
        "-c",
        "from conference.models import Event; Event.objects.filter(is_current=True)"
        ".update(data_controller_bg='Администратор (бенчмарк)', "
        "data_controller_en='Controller (benchmark)', "
        "contact_email='conference@example.org'); "
        # The agenda as the public sees it on the day: published.
        "from programme.services import publish_agenda; "
        "publish_agenda(event=Event.objects.get(is_current=True))",
        env=env,
    )
    run(str(PYTHON), "manage.py", "collectstatic", "--no-input", env=env)
    run("redis-cli", "-n", REDIS_DB, "flushdb")


# The master process of each gunicorn started, by its URL (for worker_rss).
MASTERS = {}


def worker_rss(url):
    """The resident memory (MiB) of each worker of the gunicorn at `url`."""
    master = MASTERS[url]
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines()
            )
        except OSError:
            continue  # the process ended meanwhile
        if int(fields.get("PPid", "0")) == master and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def say_rss(moment, servers):
    sizes = [size for url in servers for size in worker_rss(url)]
    if sizes:
        say(
            f"Worker memory (RSS) {moment}: {min(sizes):.0f}–{max(sizes):.0f} MiB "
            f"over {len(sizes)} workers."
        )


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
        MASTERS[f"http://127.0.0.1:{port}"] = process.pid
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(url, *, gzip=False):
    """Load figures for `url`; `gzip` asks for a compressed answer, as every
    browser does (wrk asks for none by default)."""
    script = WORK / "report.lua"
    headers = ["-H", "Accept-Encoding: gzip"] if gzip else []
    # Warm up (fills the page cache and the connection pools), then measure.
    subprocess.run(
        ["wrk", "-t2", "-c4", "-d2s", *headers, url], capture_output=True, check=True
    )
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "-s",
            str(script),
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(row for row in result.stdout.splitlines() if row.startswith("RESULT "))
    figures = json.loads(line.removeprefix("RESULT "))
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


class _SinkHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept and drop every message."""

    def handle(self):
        self.wfile.write(b"220 bench sink\r\n")
        in_data = False
        for line in self.rfile:
            if in_data:
                if line in (b".\r\n", b".\n"):
                    in_data = False
                    self.wfile.write(b"250 queued\r\n")
                continue
            command = line[:4].upper()
            if command == b"DATA":
                in_data = True
                self.wfile.write(b"354 go ahead\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@contextmanager
def smtp_sink():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", SMTP_PORT), _SinkHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def django_shell(code, **extra_env):
    result = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=server_env(**extra_env),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
