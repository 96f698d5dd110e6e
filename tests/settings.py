"""Settings for the test suite: production settings with test-only tweaks."""

import os
import tempfile

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789"
)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from conference.settings import *  # noqa: F403

# Tests talk plain HTTP to the test client and live server.
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="conference-test-media-")
# Static files from the apps' folders, as in development; no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Links in e-mails point at the test client's host.
SITE_URL = "http://testserver"
# On SQLite the test database is a file, not shared-cache memory, so that the
# concurrency tests' threads meet SQLite's real locking (IMMEDIATE + timeout).
# `make mutants` names the file (TEST_DATABASE_FILE): each mutant's run starts
# from a copy of one database migrated beforehand (pytest --reuse-db).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DATABASE_FILE")
        or os.path.join(tempfile.mkdtemp(prefix="conference-test-db-"), "db.sqlite3")
    }
# A test database need not survive a crash: on PostgreSQL a commit does not
# wait for its write-ahead log to reach the disk (transactional tests commit
# often, and each flush and migration is a commit).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        "-c synchronous_commit=off"
    )
