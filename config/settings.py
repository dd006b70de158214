"""civicgrid settings. Every value comes from the environment (docs/configuration.md)."""

import os
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from civicgrid.core.env import (
    env_bool,
    env_choice,
    env_database,
    env_durations,
    env_int,
    env_list,
    env_networks,
    env_str,
)
from civicgrid.core.security import content_security_policy

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("CIVICGRID_DEBUG", False)
SECRET_KEY = env_str("CIVICGRID_SECRET_KEY", "insecure-demo-key-change-me" if DEBUG else None)
ALLOWED_HOSTS = env_list("CIVICGRID_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CIVICGRID_CSRF_TRUSTED_ORIGINS", [])
SECURE_COOKIES = env_bool("CIVICGRID_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# HTTPS: Strict-Transport-Security, redirecting plain HTTP (load balancers' /healthz excepted) and the header a
# TLS-terminating proxy marks HTTPS requests with (docs/configuration.md, "Production").
SECURE_HSTS_SECONDS = env_int("CIVICGRID_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CIVICGRID_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("CIVICGRID_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("CIVICGRID_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
_PROXY_SSL_HEADER = env_str("CIVICGRID_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = (_PROXY_SSL_HEADER, "https") if _PROXY_SSL_HEADER else None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "civicgrid.core.taskapp.TasksConfig",  # django_tasks_db, with a translated name
    "ninja",
    "civicgrid.core",
    "civicgrid.geo",
    "civicgrid.orgs",
    "civicgrid.cases",
    "civicgrid.notifications",
    "civicgrid.disputes",
    "civicgrid.hazards",
    "civicgrid.petitions",
    "civicgrid.campaigns",
    "civicgrid.households",
    "civicgrid.patrols",
    "civicgrid.care",
    "civicgrid.dashboards",
    "civicgrid.reports",
    "civicgrid.api",
    "civicgrid.open311",
    "civicgrid.demo",
    # Apps that plug into the loop from outside civicgrid (and the test suite's sample kind).
    *env_list("CIVICGRID_EXTRA_APPS", []),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "civicgrid.core.http.middleware.RateLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "civicgrid.core.context_processors.site",
                "civicgrid.core.context_processors.menu_entries",
                "civicgrid.notifications.context_processors.notices",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'civicgrid.sqlite3'}",
                                     conn_max_age=env_int("CIVICGRID_DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # Tests use a file, not the shared in-memory database: concurrent transitions must wait on the write
    # lock as they do in production, and shared-cache memory databases fail at once instead of waiting.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"civicgrid-test-{os.getpid()}.sqlite3")}
elif env_bool("CIVICGRID_DB_PREPARED", True):
    # The writer's statements of fixed shape (core.inserts.prepared_cursor) are kept prepared once a connection has
    # sent one five times: a filing's are then neither parsed nor planned again. Off behind a pooler that cannot
    # carry prepared statements (PgBouncer before 1.21 in transaction mode).
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "orgs.Staff"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
_NODE = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/leaflet", _NODE / "leaflet" / "dist"),
    ("vendor/echarts", _NODE / "echarts" / "dist"),
    ("vendor/htmx", _NODE / "htmx.org" / "dist"),
    ("vendor/bootstrap", _NODE / "bootstrap" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve static files from their sources rather than collectstatic's folder: in debug, and for `make demo`.
WHITENOISE_USE_FINDERS = env_bool("CIVICGRID_STATIC_FROM_SOURCES", DEBUG)
MEDIA_ROOT = Path(env_str("CIVICGRID_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# Base map tiles: empty means outlines and points only (a usable map on an intranet).
CIVICGRID_TILE_URL = env_str("CIVICGRID_TILE_URL", "")
CIVICGRID_TILE_ATTRIBUTION = env_str("CIVICGRID_TILE_ATTRIBUTION", "")
# No inline scripts or styles anywhere; tiles from the tile server (civicgrid.core.security).
SECURE_CSP = content_security_policy(CIVICGRID_TILE_URL)
# The sources of the divisions and outlines every map names; empty: those civicgrid ships and the demo draws.
CIVICGRID_MAP_ATTRIBUTION = env_str("CIVICGRID_MAP_ATTRIBUTION", "")
# Seconds between checks whether another process has changed grid boundaries.
CIVICGRID_LOCATOR_RECHECK_S = env_int("CIVICGRID_LOCATOR_RECHECK_S", 5)
# Seconds each process keeps API keys, published services and time limits it has read (0: not at all).
CIVICGRID_REFERENCE_RECHECK_S = env_int("CIVICGRID_REFERENCE_RECHECK_S", 5)
# Seconds between checks whether another process has changed the working calendar (holidays, hours).
CIVICGRID_CALENDAR_RECHECK_S = env_int("CIVICGRID_CALENDAR_RECHECK_S", 5)
# Seconds between the command-centre screen's refreshes (指挥大屏, dashboards.screen).
CIVICGRID_SCREEN_REFRESH_S = env_int("CIVICGRID_SCREEN_REFRESH_S", 5)

# Photos and files on cases.
CIVICGRID_UPLOAD_MAX_MB = env_int("CIVICGRID_UPLOAD_MAX_MB", 10)
CIVICGRID_UPLOAD_MAX_FILES = env_int("CIVICGRID_UPLOAD_MAX_FILES", 9)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Background work through Django's tasks framework: "immediate" runs it in the request (the embedded
# default, nothing else to start); "database" queues it for `manage.py db_worker`.
_TASK_BACKENDS = {"immediate": "django.tasks.backends.immediate.ImmediateBackend",
                  "database": "django_tasks_db.DatabaseBackend"}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[env_choice("CIVICGRID_TASKS_BACKEND", list(_TASK_BACKENDS),
                                                          "immediate")]}}
# Cron expression of the deadline sweep run by `manage.py run_scheduler`.
CIVICGRID_SWEEP_CRON = env_str("CIVICGRID_SWEEP_CRON", "*/5 * * * *")
# Idempotency records hold answers that name people: hours they are kept, and when the purge runs.
CIVICGRID_IDEMPOTENCY_RETENTION_H = env_int("CIVICGRID_IDEMPOTENCY_RETENTION_H", 24)
if CIVICGRID_IDEMPOTENCY_RETENTION_H < 1:
    raise ImproperlyConfigured("CIVICGRID_IDEMPOTENCY_RETENTION_H must be at least 1 (hours).")
CIVICGRID_IDEMPOTENCY_PURGE_CRON = env_str("CIVICGRID_IDEMPOTENCY_PURGE_CRON", "17 * * * *")
# When the periodic reports of every centre's last complete day, week, month and quarter are queued.
CIVICGRID_REPORTS_CRON = env_str("CIVICGRID_REPORTS_CRON", "30 1 * * *")
# Patrols (巡逻防控): how near a point a check-in by position must be, how many days a patrol route is kept
# (a person's movements: deleted after that by the sweep), and when the sweep runs.
CIVICGRID_PATROL_CHECKIN_RADIUS_M = env_int("CIVICGRID_PATROL_CHECKIN_RADIUS_M", 100)
if CIVICGRID_PATROL_CHECKIN_RADIUS_M < 1:
    raise ImproperlyConfigured("CIVICGRID_PATROL_CHECKIN_RADIUS_M must be at least 1 (metres).")
CIVICGRID_PATROL_ROUTE_RETENTION_D = env_int("CIVICGRID_PATROL_ROUTE_RETENTION_D", 90)
if CIVICGRID_PATROL_ROUTE_RETENTION_D < 1:
    raise ImproperlyConfigured("CIVICGRID_PATROL_ROUTE_RETENTION_D must be at least 1 (days).")
CIVICGRID_PATROL_SWEEP_CRON = env_str("CIVICGRID_PATROL_SWEEP_CRON", "40 2 * * *")
# When the figures' rows of the open states that no case counts on any more are deleted.
CIVICGRID_FIGURES_PURGE_CRON = env_str("CIVICGRID_FIGURES_PURGE_CRON", "50 2 * * *")

# Outbound messages: dotted paths of civicgrid.notifications.backends classes.
CIVICGRID_SMS_BACKEND = env_str("CIVICGRID_SMS_BACKEND", "civicgrid.notifications.backends.ConsoleBackend")
CIVICGRID_EMAIL_BACKEND = env_str("CIVICGRID_EMAIL_BACKEND", "civicgrid.notifications.backends.EmailBackend")
CIVICGRID_OUTBOX_FILE = env_str("CIVICGRID_OUTBOX_FILE", str(BASE_DIR / "var" / "outbox.jsonl"))
# HttpSmsBackend: the gateway that takes each SMS as JSON, an optional bearer token, and how long to wait.
CIVICGRID_SMS_GATEWAY_URL = env_str("CIVICGRID_SMS_GATEWAY_URL", "")
CIVICGRID_SMS_GATEWAY_TOKEN = env_str("CIVICGRID_SMS_GATEWAY_TOKEN", "")
CIVICGRID_SMS_GATEWAY_TIMEOUT_S = env_int("CIVICGRID_SMS_GATEWAY_TIMEOUT_S", 10)
# The outbox (SMS, e-mail, webhooks): how long a worker holds a delivery it is trying (far longer than any
# try's timeout), and for SMS and e-mail the pauses between tries and how many tries before giving up.
CIVICGRID_OUTBOX_LEASE_S = env_int("CIVICGRID_OUTBOX_LEASE_S", 300)
CIVICGRID_OUTBOX_BACKOFF = env_durations("CIVICGRID_OUTBOX_BACKOFF", "1m,5m,15m,1h,4h")
CIVICGRID_OUTBOX_MAX_ATTEMPTS = env_int("CIVICGRID_OUTBOX_MAX_ATTEMPTS", 6)
# The address residents are sent to in SMS (tracking page links).
CIVICGRID_PUBLIC_URL = env_str("CIVICGRID_PUBLIC_URL", "http://127.0.0.1:8000")

# The cache holds rate-limit counters and throttles. "locmem://" counts per process; with several
# processes use "db://" (run `manage.py createcachetable` once) or "redis://host:6379/0".
CIVICGRID_CACHE_URL = env_str("CIVICGRID_CACHE_URL", "locmem://")
_CACHE_BACKENDS = {"locmem": "django.core.cache.backends.locmem.LocMemCache",
                   "db": "django.core.cache.backends.db.DatabaseCache",
                   "redis": "django.core.cache.backends.redis.RedisCache"}
_cache_scheme = CIVICGRID_CACHE_URL.split("://", 1)[0]
if _cache_scheme not in _CACHE_BACKENDS:
    raise ImproperlyConfigured(f"CIVICGRID_CACHE_URL must start with one of {sorted(_CACHE_BACKENDS)}://")
CACHES = {"default": {"BACKEND": _CACHE_BACKENDS[_cache_scheme],
                      "LOCATION": {"locmem": "civicgrid", "db": "civicgrid_cache"}.get(_cache_scheme,
                                                                                      CIVICGRID_CACHE_URL)}}

# The reverse proxies whose word about the client's address counts (addresses or networks; none: the
# connection's own address is the client's), and the header they write it in (civicgrid.core.http.client).
CIVICGRID_TRUSTED_PROXIES = env_networks("CIVICGRID_TRUSTED_PROXIES")
CIVICGRID_CLIENT_IP_HEADER = env_str("CIVICGRID_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")
# Sign-ins (staff and admin): failed ones allowed per account name and per client address before sign-ins
# are locked out, and for how long (failures are counted over the same time).
CIVICGRID_LOGIN_FAILURES_PER_ACCOUNT = env_int("CIVICGRID_LOGIN_FAILURES_PER_ACCOUNT", 10)
CIVICGRID_LOGIN_FAILURES_PER_ADDRESS = env_int("CIVICGRID_LOGIN_FAILURES_PER_ADDRESS", 30)
CIVICGRID_LOGIN_LOCKOUT_MINUTES = env_int("CIVICGRID_LOGIN_LOCKOUT_MINUTES", 15)
# Residents' reports a browser session and a client address may file a day before each further one waits
# a little after the one before (civicgrid.cases.throttles).
CIVICGRID_REPORT_FREE_PER_SESSION = env_int("CIVICGRID_REPORT_FREE_PER_SESSION", 3)
CIVICGRID_REPORT_FREE_PER_ADDRESS = env_int("CIVICGRID_REPORT_FREE_PER_ADDRESS", 10)
# The JSON API and Open311: requests a minute per client address and per key ("" turns a limit off).
CIVICGRID_API_RATE_PER_IP = env_str("CIVICGRID_API_RATE_PER_IP", "600/m")
CIVICGRID_API_RATE_PER_KEY = env_str("CIVICGRID_API_RATE_PER_KEY", "1200/m")
# Open311 reads of public services without a key: requests a minute per client address, besides the above.
CIVICGRID_OPEN311_PUBLIC_RATE = env_str("CIVICGRID_OPEN311_PUBLIC_RATE", "120/m")
# Webhook deliveries: seconds to wait for a receiver before counting the try as failed, the pauses between
# tries (longer than SMS: a department's system is more often down for a night than an SMS gateway is) and
# how many tries before giving up (nine: about three days).
CIVICGRID_WEBHOOK_TIMEOUT_S = env_int("CIVICGRID_WEBHOOK_TIMEOUT_S", 10)
# Networks inside the site's own network that webhook receivers may still be in (intranet receivers);
# none by default: loopback, private, link-local and other internal addresses are refused.
CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = env_networks("CIVICGRID_WEBHOOK_ALLOWED_NETWORKS")
CIVICGRID_WEBHOOK_BACKOFF = env_durations("CIVICGRID_WEBHOOK_BACKOFF", "1m,5m,15m,1h,4h,12h,24h")
CIVICGRID_WEBHOOK_MAX_ATTEMPTS = env_int("CIVICGRID_WEBHOOK_MAX_ATTEMPTS", 9)
# The key of the Open311 client application `load_demo` makes; empty makes a random one (printed).
CIVICGRID_DEMO_API_KEY = env_str("CIVICGRID_DEMO_API_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CIVICGRID_LOG_LEVEL", "INFO")},
    # WeasyPrint reports each layout step of every printed document at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
