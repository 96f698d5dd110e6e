"""Load benchmark of the production configuration: `make bench`.

Starts the site as in production (DJANGO_DEBUG=0, gunicorn, PostgreSQL,
Redis) on this machine's loopback, with the real content, drives it with wrk
and prints requests per second and p50/p95/p99 latency per page, and each
page's throughput as a ratio of a trivial Django view through the same
server and middleware (the ceiling for a Django page on this machine).

Every page is measured twice: from a server with the page cache ("cached")
and from one without it ("uncached", DJANGO_PAGE_CACHE_SECONDS=0), with the
queries each costs; then the agenda again with 20, 100 and 400 sessions, warm
(sessions from the fragment cache) and cold (the first rendering after a
content edit, timed in-process).

Everything it starts is stopped at the end; all traffic stays on 127.0.0.1.
"""

import datetime
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
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


class Rows(list):
    """The table's rows, each also printed as soon as it is measured."""

    def append(self, row):
        name, figures = row
        say(f"  {name}: {figures['rps']:.0f} req/s, p99 {figures['p99'] / 1000:.1f} ms")
        super().append(row)


def table(rows, ceiling):
    header = (
        f"{'what':<44} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7} {'queries':>8} {'× trivial':>10}"
    )
    say(header)
    say("-" * len(header))
    for name, figures in rows:
        errors = figures["errors"] + figures["non2xx"]
        queries = figures.get("queries", "")
        say(
            f"{name:<44} {figures['rps']:>8.0f} {figures['p50'] / 1000:>8.1f} "
            f"{figures['p95'] / 1000:>8.1f} {figures['p99'] / 1000:>8.1f} {errors:>7} "
            f"{queries:>8} {figures['rps'] / ceiling:>10.2f}"
        )


PAGES = [
    ("home", "/{language}/"),
    ("agenda", "/{language}/agenda/"),
    ("speakers", "/{language}/speakers/"),
    ("results", "/{language}/results/"),
    ("conference .ics", "/{language}/conference.ics"),
    ("agenda .ics", "/{language}/agenda.ics"),
    ("schedule JSON", "/{language}/schedule.json"),
]


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


class ProxiedCookiePolicy(http.cookiejar.DefaultCookiePolicy):
    """Send the Secure cookies back: HTTPS ends at the (simulated) proxy."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    """A visitor behind the HTTPS proxy, with a cookie jar, who posts forms
    with their CSRF token, as a browser does."""

    headers = {"X-Forwarded-Proto": "https"}

    def __init__(self):
        jar = http.cookiejar.CookieJar(policy=ProxiedCookiePolicy())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )

    def get(self, url):
        request = urllib.request.Request(url, headers=self.headers)
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, url, form, data):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode(data | {"csrfmiddlewaretoken": token}).encode()
        referer = "https://" + url.split("://", 1)[1]
        headers = self.headers | {"Referer": referer}
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def cyrillic_suffix(number):
    """A distinct suffix in letters (names may not contain digits)."""
    return chr(0x430 + number % 32) + chr(0x430 + number // 32 % 32)


def registration_form(number):
    return {
        "first_name": "Мария",
        "last_name": f"Иванова-{cyrillic_suffix(number)}",
        "email": f"bench{number}@example.org",
        "organisation": "Фондация „Асоциация Анимус“",
        "position": "Социален работник",
        "country": "България",
        "organisation_type": "ngo",
        "language": "bg",
        "consent": "on",
    }


def submit_registrations(base):
    """SUBMISSIONS visitors each load the form and submit it."""

    def one(number):
        visitor = Browser()
        _status, form = visitor.get(f"{base}/bg/register/")
        started = time.perf_counter()
        status = visitor.post(f"{base}/bg/register/", form, registration_form(number))
        return status, (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=SUBMITTERS) as pool:
        results = list(pool.map(one, range(SUBMISSIONS)))
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for _status, latency in results)
    errors = sum(1 for status, _latency in results if status != 302)
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": SUBMISSIONS,
        "seconds": elapsed,
        "rps": SUBMISSIONS / elapsed,
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
        "p99": quantiles[98] * 1000,
        "errors": errors,
        "non2xx": 0,
    }


SETUP_BURST = """
import json
from django.utils import timezone
from conference.models import Event
from registrations.models import (
    Registration, RegistrationStatus, RegistrationToken, TokenPurpose,
    hash_token, new_token,
)
event = Event.objects.get(is_current=True)
tokens = []
for number in range({burst}):
    registration = Registration.objects.create(
        event=event, first_name="Burst", last_name=str(number),
        email=f"burst{{number}}@example.org", organisation="Bench",
        position="Bench", country="Bulgaria", organisation_type="ngo",
        language="en", consent_given_at=timezone.now(),
        privacy_notice_version="bench",
    )
    token = new_token()
    RegistrationToken.objects.create(
        registration=registration, purpose=TokenPurpose.MANAGE,
        token_hash=hash_token(token),
    )
    tokens.append(token)
confirmed = Registration.objects.filter(
    event=event, status=RegistrationStatus.CONFIRMED
).count()
Event.objects.filter(pk=event.pk).update(capacity=confirmed + {seats})
print(json.dumps(tokens))
"""

COUNT_BURST = """
import json
from registrations.models import Registration
rows = Registration.objects.filter(email__startswith="burst").order_by("pk")
print(json.dumps([row.status for row in rows]))
"""


COUNT_QUERIES = """
import json, statistics, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from conference.page_cache import bump_content_version
client = Client(SERVER_NAME="localhost")
counts = {{}}
for path in {paths!r}:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts[path] = len(queries)
cold = []
for _ in range({cold_runs}):
    bump_content_version()  # this process re-reads the version at once
    started = time.perf_counter()
    client.get("/bg/agenda/")
    cold.append((time.perf_counter() - started) * 1000)
bump_content_version()
with CaptureQueriesContext(connection) as queries:
    client.get("/bg/agenda/")
counts["cold agenda"] = len(queries)
counts["cold agenda ms"] = statistics.median(cold) if cold else 0
print(json.dumps(counts))
"""

SYNTHETIC_AGENDA = """
import datetime, json
from django.utils import timezone
from conference.models import Event
from programme.models import Room, Session, SessionSpeaker, Speaker
from programme.services import publish_agenda
event = Event.objects.get(is_current=True)
Session.objects.filter(event=event).delete()
rooms = [
    Room.objects.get_or_create(
        event=event, name_bg=f"Зала {{number}}",
        defaults={{"name_en": f"Hall {{number}}"}},
    )[0]
    for number in range(1, 5)
]
speakers = list(Speaker.objects.all())
start = timezone.make_aware(datetime.datetime.combine(event.date, datetime.time(9)))
for number in range({sessions}):
    begins = start + datetime.timedelta(minutes=15 * (number // 4))
    session = Session.objects.create(
        event=event, slug=f"session-{{number}}", kind="presentation",
        title_bg=f"Сесия {{number}}: сътрудничество срещу трафика на хора",
        title_en=f"Session {{number}}: cooperation against human trafficking",
        starts_at=begins, ends_at=begins + datetime.timedelta(minutes=14),
        room=rooms[number % 4],
        language="bg", interpretation=True,
    )
    for order, speaker in enumerate(speakers[number % 3 : number % 3 + 2]):
        SessionSpeaker.objects.create(
            session=session, speaker=speaker, role="speaker", order=order
        )
publish_agenda(event=event, changelog="benchmark")
print(json.dumps(Session.objects.filter(event=event).count()))
"""


def count_queries(paths, *, cold_runs=0):
    """Queries per page with the page cache off and on (a hit), and the
    agenda's first rendering after a content edit (median ms of cold_runs)."""
    return {
        "uncached": django_shell(
            COUNT_QUERIES.format(paths=list(paths), cold_runs=cold_runs),
            DJANGO_PAGE_CACHE_SECONDS="0",
        ),
        "cached": django_shell(COUNT_QUERIES.format(paths=list(paths), cold_runs=0)),
    }


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


def confirmation_burst(servers):
    """BURST pending registrations confirm at once, split across both servers,
    for the last SEATS seats: exactly SEATS must be confirmed."""
    tokens = django_shell(SETUP_BURST.format(burst=BURST, seats=SEATS))
    barrier = threading.Barrier(BURST)

    def confirm(index):
        base = servers[index % len(servers)]
        visitor = Browser()
        url = f"{base}/en/registration/{tokens[index]}/confirm/"
        _status, form = visitor.get(url)
        barrier.wait()
        return visitor.post(url, form, {})

    with ThreadPoolExecutor(max_workers=BURST) as pool:
        statuses = list(pool.map(confirm, range(BURST)))
    outcome = django_shell(COUNT_BURST)
    return {
        "confirmed": outcome.count("confirmed"),
        "waitlisted": outcome.count("waitlisted"),
        "http_errors": sum(1 for status in statuses if status != 302),
    }


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "report.lua").write_text(WRK_REPORT)
    ensure_tools()
    prepare_database()
    rows = Rows()
    paths = [path.format(language=lang) for lang in ("bg", "en") for _n, path in PAGES]
    queries = count_queries(paths)
    agendas = []
    with ExitStack() as servers:
        servers.enter_context(smtp_sink())
        cached = servers.enter_context(gunicorn(CACHED_PORT))
        uncached = servers.enter_context(
            gunicorn(UNCACHED_PORT, DJANGO_PAGE_CACHE_SECONDS="0")
        )
        say(
            f"Measuring: {SECONDS} s per row, {CONNECTIONS} connections, "
            f"{WORKERS} gunicorn workers, {os.cpu_count()} cores."
        )
        say_rss("after boot", [cached, uncached])
        ceiling = wrk(f"{cached}/bench/trivial")
        rows.append(("trivial Django view (the ceiling)", ceiling | {"queries": 0}))
        rows.append(
            (
                "static file (site.css through WhiteNoise)",
                wrk(f"{cached}{static_url(cached, 'css/site.css')}") | {"queries": 0},
            )
        )
        for language in ("bg", "en"):
            for name, path in PAGES:
                url = path.format(language=language)
                for kind, base in (("cached", cached), ("uncached", uncached)):
                    figures = wrk(f"{base}{url}") | {"queries": queries[kind][url]}
                    rows.append((f"{name} [{language}] {kind}", figures))
                figures = wrk(f"{cached}{url}", gzip=True) | {"queries": 0}
                rows.append((f"{name} [{language}] cached, gzip", figures))
        registrations = submit_registrations(cached)
        rows.append((f"registration POST (×{SUBMISSIONS})", registrations))
        burst = confirmation_burst([cached, uncached])
        for size in AGENDA_SIZES:
            django_shell(SYNTHETIC_AGENDA.format(sessions=size))
            counted = count_queries(["/bg/agenda/"], cold_runs=5)
            agenda = wrk(f"{uncached}/bg/agenda/")
            agenda["queries"] = counted["uncached"]["/bg/agenda/"]
            rows.append(
                (
                    f"agenda [bg] {size} sessions, cached",
                    wrk(f"{cached}/bg/agenda/")
                    | {"queries": counted["cached"]["/bg/agenda/"]},
                )
            )
            rows.append((f"agenda [bg] {size} sessions, uncached", agenda))
            agendas.append((size, agenda, counted["uncached"]))
        say_rss("after load", [cached, uncached])
    say("")
    table(rows, ceiling["rps"])
    say("")
    say_agenda_scaling(agendas)
    say(
        f"\n{SUBMISSIONS} registration submissions took "
        f"{registrations['seconds']:.1f} s (target: within 60 s, p95 under 500 ms)."
    )
    exact = burst["confirmed"] == SEATS and burst["waitlisted"] == BURST - SEATS
    verdict = "exact" if exact and not burst["http_errors"] else "WRONG"
    say(
        f"Confirmation burst: {BURST} confirmations at once, split across two "
        f"gunicorn servers, for the last {SEATS} seats: {burst['confirmed']} "
        f"confirmed, {burst['waitlisted']} waitlisted, {burst['http_errors']} HTTP "
        f"errors: {verdict}."
    )
    failures = [
        name for name, figures in rows if figures["errors"] or figures["non2xx"]
    ]
    if failures:
        say(f"\nErrors in: {', '.join(failures)}")
    return 0 if not failures and verdict == "exact" else 1


def say_agenda_scaling(agendas):
    """The uncached agenda by programme size: warm (sessions from the fragment
    cache) against the goals, and cold (first rendering after an edit)."""
    base = agendas[0][1]["rps"]
    say(
        f"{'uncached agenda':<24} {'req/s':>8} {'p99 ms':>8} {'× slower':>9} "
        f"{'queries':>8} {'cold ms':>8} {'cold queries':>13}"
    )
    for size, figures, counted in agendas:
        say(
            f"{f'{size} sessions':<24} {figures['rps']:>8.0f} "
            f"{figures['p99'] / 1000:>8.1f} {base / figures['rps']:>9.2f} "
            f"{figures['queries']:>8} {counted['cold agenda ms']:>8.0f} "
            f"{counted['cold agenda']:>13}"
        )
    say(
        "Goals: ≥ 140 req/s at 20 sessions; 400 sessions no more than 4 × slower "
        "than 20. Cold: one request in-process, no concurrency."
    )


def static_url(base, name):
    """The hashed URL of a static file, as the pages link it."""
    html = urllib.request.urlopen(f"{base}/en/", timeout=10).read().decode()
    marker = f"/static/{name.rsplit('.', 1)[0]}."
    start = html.index(marker)
    return html[start : html.index('"', start)]


if __name__ == "__main__":
    sys.exit(main())
