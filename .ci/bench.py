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
The servers and tools are in bench_site.py, the visitors who register and
confirm in bench_visitors.py; this module measures and prints the figures.
"""

import os
import sys
import urllib.parse
import urllib.request
from contextlib import ExitStack

from bench_site import (
    AGENDA_SIZES,
    BURST,
    CACHED_PORT,
    CONNECTIONS,
    SEATS,
    SECONDS,
    SUBMISSIONS,
    UNCACHED_PORT,
    WORK,
    WORKERS,
    WRK_REPORT,
    django_shell,
    ensure_tools,
    gunicorn,
    prepare_database,
    say,
    say_rss,
    smtp_sink,
    wrk,
)
from bench_visitors import confirmation_burst, submit_registrations


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
