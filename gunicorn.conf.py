"""gunicorn settings for production: `gunicorn conference.wsgi` reads this file.

Workers: the site's requests are short and mostly wait on PostgreSQL, so the
classic (2 × cores) + 1 sync workers keep every core busy while some wait;
override with GUNICORN_WORKERS. Each worker holds one database connection
(CONN_MAX_AGE), so workers × servers must stay below PostgreSQL's
max_connections.

E-mail is not sent here: the mail worker, `manage.py send_queued_emails
--loop`, runs as its own service next to gunicorn (docs/deployment.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never take the site down
# (rarely: a restart costs a moment of latency under load). The jitter is half
# of max_requests, so workers started together are recycled far apart (after
# 20,000 to 30,000 requests each), never all at once.
max_requests = 20000
max_requests_jitter = 10000
# The reverse proxy on the same host is the only one allowed to say the
# request came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "0") == "1" else None
errorlog = "-"
