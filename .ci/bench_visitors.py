"""The benchmark's visitors (`make bench`, .ci/bench.py): people who load the
registration form and submit it, and a burst of confirmations for the last
seats, each through the HTTPS proxy as a browser would."""

import http.cookiejar
import re
import statistics
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from bench_site import BURST, SEATS, SUBMISSIONS, SUBMITTERS, django_shell


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
