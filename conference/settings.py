"""Settings for the conference site, driven by environment variables.

Every variable is documented in docs/configuration.md. Development
defaults apply only when DJANGO_DEBUG=1; production refuses to start without
a secret key.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG=0) refuses to "
            "start without a secret key: set DJANGO_SECRET_KEY to a long random "
            "value, or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-used-only-when-DJANGO_DEBUG-is-1"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else ""
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # django.contrib.admin, with a site that refuses actions on ids that name no row.
    "conference.admin_actions.ConferenceAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "conference.sign_in_protection.SignInProtectionConfig",  # django-axes
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "conference",
    "programme",
    "registrations",
    "invitations",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside every middleware that writes the body; never a page with a secret.
    "conference.compression.CompressPublicPagesMiddleware",
    # Above everything that can answer early (a bad Host header is refused by
    # CommonMiddleware), so that every page carries these headers.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "conference.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "conference.middleware.LocaleMiddleware",
    "conference.middleware.RememberLanguageMiddleware",
    "conference.middleware.RejectUnreadableInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "conference.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "conference.urls"
WSGI_APPLICATION = "conference.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "conference.context_processors.site_context",
            ],
        },
    },
]

# The embedded SQLite default opens write transactions IMMEDIATE with a busy
# timeout, so concurrent confirmations queue instead of failing with
# "database is locked" (select_for_update is a no-op on SQLite).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
# How long a change waits for a row another change holds (PostgreSQL's
# lock_timeout, set by conference.locks) before the visitor is asked to try
# again: far longer than any of our transactions, far shorter than gunicorn's
# timeout.
DATABASE_LOCK_TIMEOUT_SECONDS = 5

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out login never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Local memory by default; Redis, shared by every app server, when REDIS_URL is
# set (page cache and rate limits then work across servers). Short socket
# time-outs and no retries: when Redis fails, conference.cache answers from
# the process's memory instead (see docs/caching.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "conference.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.5,
                "retry_on_timeout": False,
                "retry": None,
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
BENCHMARK_VIEW = env_bool("DJANGO_BENCHMARK_VIEW", default=False)
PUBLIC_PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_VERSION_CHECK_SECONDS = 1.0
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Flash messages travel in a cookie, which tells the page cache to step aside.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{validator}"}
    for validator in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Internationalisation: Bulgarian first, English second, both with a URL prefix.
LANGUAGE_CODE = "bg"
LANGUAGES = [
    ("bg", "Български"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["conference.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Sofia"

MODELTRANSLATION_DEFAULT_LANGUAGE = "bg"
MODELTRANSLATION_LANGUAGES = ("bg", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("bg", "en")}

# Static files are served by WhiteNoise from our own origin; media from a
# directory every application server shares.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail through Django 6.1's MAILERS: in development, unless an SMTP host is
# given, each message is saved as readable files under var/mail/ (see
# conference/development_mail.py); SMTP in production.
SMTP_HOST = os.environ.get("DJANGO_SMTP_HOST", "")
if DEBUG and not SMTP_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "conference.development_mail.MailFolderBackend",
            "OPTIONS": {"directory": BASE_DIR / "var" / "mail"},
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": SMTP_HOST or "localhost",
                "port": env_int("DJANGO_SMTP_PORT", 587),
                "username": os.environ.get("DJANGO_SMTP_USER", ""),
                "password": os.environ.get("DJANGO_SMTP_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_SMTP_TLS", default=True),
                "timeout": env_int("DJANGO_SMTP_TIMEOUT", 20),
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Conference <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Behind the reverse proxy, HTTPS is announced by X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# The visitor's address behind the reverse proxy: how many proxies append to
# X-Forwarded-For (0: use REMOTE_ADDR). 0 by default, so that a server reached
# directly is never fooled by a header the client wrote; the deployment with
# nginx in front sets 1 (.env.example).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Admin login guessing: after 5 failures a username is locked for 15 minutes,
# from that IP address only, so an attacker cannot lock staff out elsewhere.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "conference.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "axes_locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "conference.logging.JSONFormatter"},
    },
    "filters": {"redact": {"()": "conference.logging.RedactPersonalData"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "filters": ["redact"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get(
                "DJANGO_LOG_FORMAT", "line" if DEBUG else "json"
            ),
        },
    },
    "root": {
        "handlers": ["stdout"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    # fontTools reports every table it subsets while a certificate PDF is
    # drawn: dozens of lines and a fifth of the time, for nothing.
    "loggers": {"fontTools": {"level": "WARNING"}},
}
CSRF_FAILURE_VIEW = "conference.views.csrf_failure"
LOGIN_URL = "admin:login"

# The site's public address, for links in e-mails (sent outside any request).
SITE_URL = os.environ.get(
    "DJANGO_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "http://localhost"
)

# Registrations: see docs/registration.md.
REGISTRATION_CONFIRMATION_HOURS = env_int("DJANGO_REGISTRATION_CONFIRMATION_HOURS", 48)
REGISTRATION_RETENTION_DAYS = env_int("DJANGO_REGISTRATION_RETENTION_DAYS", 90)
REGISTRATION_RATE_LIMIT = env_int("DJANGO_REGISTRATION_RATE_LIMIT", 20)
REGISTRATION_RATE_WINDOW = env_int("DJANGO_REGISTRATION_RATE_WINDOW", 600)
# The mail worker retries an e-mail for this many days before giving up.
REGISTRATION_EMAIL_RETRY_DAYS = env_int("DJANGO_REGISTRATION_EMAIL_RETRY_DAYS", 5)
# The reminder goes to confirmed attendees this many days before the event.
REGISTRATION_REMINDER_DAYS = env_int("DJANGO_REGISTRATION_REMINDER_DAYS", 3)
