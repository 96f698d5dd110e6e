"""The site survives PostgreSQL going away and coming back, without a restart."""

import contextlib
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# The real WSGI handler, as under gunicorn (the test client does not close
# broken connections between requests the way the handler does).
SERVE_REQUESTS = """
import sys
from wsgiref.util import setup_testing_defaults
from django.core.wsgi import get_wsgi_application
application = get_wsgi_application()
for line in sys.stdin:
    environ = {"PATH_INFO": line.strip(), "HTTP_HOST": "localhost"}
    setup_testing_defaults(environ)
    statuses = []
    response = application(environ, lambda status, headers: statuses.append(status))
    b"".join(response)
    response.close()
    print(statuses[0].split()[0], flush=True)
"""


def hang_up(end):
    """Close a socket so that a thread blocked reading it wakes up too."""
    with contextlib.suppress(OSError):
        end.shutdown(socket.SHUT_RDWR)
    end.close()


class DatabaseLink:
    """A TCP relay to PostgreSQL that can be cut and restored, like a network."""

    def __init__(self, target):
        self.target = target
        self.up = False
        self.open_sockets = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.open_sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                hang_up(end)

    def cut(self):
        self.up = False
        for open_socket in self.open_sockets:
            hang_up(open_socket)
        self.open_sockets.clear()

    def restore(self):
        self.up = True

    def close(self):
        self.cut()
        self.listener.close()


@pytest.mark.postgresql
@pytest.mark.django_db
def test_site_recovers_when_the_database_comes_back():
    database = connection.settings_dict
    link = DatabaseLink(
        (database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
    )
    url = f"postgres://{database['USER']}@127.0.0.1:{link.port}/{database['NAME']}"
    site = subprocess.Popen(
        [sys.executable, "-c", SERVE_REQUESTS],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DJANGO_LOG_LEVEL": "CRITICAL",  # only status codes on stdout
            "DATABASE_URL": f"{url}?connect_timeout=2",
        },
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )

    def get(path):
        site.stdin.write(f"{path}\n")
        site.stdin.flush()
        return int(site.stdout.readline())

    try:
        assert get("/healthz") == 503
        assert get("/en/") == 503
        link.restore()
        assert get("/healthz") == 200
        assert get("/en/about/") != 503
        link.cut()
        assert get("/healthz") == 503
        link.restore()
        assert get("/healthz") == 200
    finally:
        site.stdin.close()
        site.wait(timeout=30)
        link.close()
        wait_for_other_sessions_to_end()


def wait_for_other_sessions_to_end(seconds=10):
    """Let PostgreSQL notice the relayed session has gone, so that the test
    database can be dropped at the end of the run."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.1)
