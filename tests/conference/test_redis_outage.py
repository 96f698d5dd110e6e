"""Redis stopped, hanging or gone mid-run: the site degrades, never breaks.

A real redis-server on a free port serves as the shared cache; the test
freezes it (SIGSTOP: connections hang until the socket time-out), kills it,
and starts it again, asking for public pages and registering throughout.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

from conference import cache as resilient_cache
from conference.management.commands.fill_development_values import (
    DEVELOPMENT_VALUES,
)
from conference.models import Event
from tests.public_pages import public_paths
from tests.registrations.test_views import form_data

pytestmark = pytest.mark.django_db
REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(port: int, directory: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            *("--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--dir", directory),
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=0.1),
        ):
            return server
        time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


@pytest.fixture
def redis_cache(settings):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed: the Redis outage is not tested")
    port = free_port()
    directory = tempfile.mkdtemp(prefix="conference-redis-")
    server = start_redis(port, directory)
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "conference.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.5,
                "retry": None,
            },
        }
    }
    state = {"server": server, "port": port, "directory": directory}
    yield state
    with contextlib.suppress(ProcessLookupError):
        state["server"].send_signal(signal.SIGCONT)
    state["server"].kill()
    state["server"].wait()
    shutil.rmtree(directory, ignore_errors=True)


def visit(client, paths, number):
    """Every public page once and one registration; the status codes."""
    statuses = [client.get(path).status_code for path in paths]
    registered = client.post(
        "/en/register/", form_data(email=f"redis{number}@example.org")
    )
    return [*statuses, registered.status_code]


def test_public_pages_and_registration_survive_redis_stopping(
    client, real_content, redis_cache, settings, monkeypatch
):
    settings.REGISTRATION_RATE_LIMIT = 10_000
    # As `make run` leaves it: a controller and a contact, so registration opens.
    Event.objects.update(**DEVELOPMENT_VALUES)
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.5)
    paths = public_paths("bg", with_forms=False) + public_paths("en", with_forms=False)
    answered = []

    answered += visit(client, paths, 1)  # Redis up
    os.kill(redis_cache["server"].pid, signal.SIGSTOP)  # Redis hangs
    started = time.perf_counter()
    answered += visit(client, paths, 2)
    hanging_seconds = time.perf_counter() - started
    health = client.get("/healthz")
    os.kill(redis_cache["server"].pid, signal.SIGCONT)
    redis_cache["server"].kill()  # Redis is gone
    redis_cache["server"].wait()
    answered += visit(client, paths, 3)
    redis_cache["server"] = start_redis(redis_cache["port"], redis_cache["directory"])
    time.sleep(0.6)  # the fallback's pause before Redis is tried again
    answered += visit(client, paths, 4)

    print(
        f"\nRedis stopped mid-run: {sum(s in (200, 302) for s in answered)} of "
        f"{len(answered)} requests answered; {len(paths) + 1} requests while "
        f"Redis hung took {hanging_seconds:.2f} s"
    )
    assert set(answered) <= {200, 302}
    assert answered.count(302) == 4  # four registrations
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    from django.core.cache import cache

    assert cache.redis_available()


def test_without_the_fallback_a_stopped_redis_breaks_the_pages(
    client, real_content, redis_cache, settings
):
    """Negative control: Django's own RedisCache answers 500 when Redis is
    gone, which is what the test above would catch."""
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
        }
    }
    client.raise_request_exception = False
    assert client.get("/en/").status_code == 200
    redis_cache["server"].kill()
    redis_cache["server"].wait()

    assert client.get("/en/agenda/").status_code == 500
