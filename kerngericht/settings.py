"""Settings for the Kerngericht portal.

Every value comes from the environment with a safe development default; production
differs only in environment variables (see README, "Configuratie").
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Without DEBUG there is no default: the web server refuses to start without it (wsgi.py),
# while commands that need no secret (makemigrations --check) still run.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own widget templates for FORM_RENDERER = TemplatesSetting (below).
    "django.forms",
    "crispy_forms",
    "django_filters",
    "django_otp",
    # django-otp's and django-axes's apps under Dutch names in the admin (accounts.apps)
    "accounts.apps.TotpConfig",
    "accounts.apps.ReservecodesConfig",
    "accounts.apps.InlogpogingenConfig",
    "django_ratelimit",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # our apps; the order is also the order of seed, demo data and dashboard panels
    "kerngericht",
    "core",
    "accounts",
    "kernen",
    "initiatieven",
    "budgetten",
    "participatie",
    "vragen",
    "monitoring",
    "opendata",
    "volgen",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS only for the open-data API (CORS_URLS_REGEX), before anything that answers early.
    "corsheaders.middleware.CorsMiddleware",
    # /api/: the API-Version header and problem+json errors (opendata.api).
    "opendata.api.ApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed (static files come compressed from whitenoise). CSRF tokens are masked
    # anew in every response, which is what keeps BREACH from reading them.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # after auth and messages; before anything reads the request body
    "core.beveiliging.BeveiligingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # inside the header middleware: a page from the cache gets the same headers
    "core.publiek_cache.PubliekeCacheMiddleware",
    # every write ends the cached staff pages (core.medewerker_cache)
    "core.medewerker_cache.WijzigingMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kerngericht.urls"
WSGI_APPLICATION = "kerngericht.wsgi.application"

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
                "core.context_processors.portal",
            ],
            # |datum, |datumtijd, |tijd: one Dutch notation per kind, in every template.
            "builtins": ["core.templatetags.datums"],
        },
    },
]

# Widgets' templates are found like every other template, so templates/ can replace one of
# Django's: admin/widgets/split_datetime.html (a label for the date and for the time) and
# django/forms/widgets/select.html (the options written out: cheaper filter forms, issue 12).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Medewerker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:staff_start"
LOGOUT_REDIRECT_URL = "core:home"

# Brute-force protection (django-axes): 5 failures for one username from one address
# lock that pair for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_USERNAME_FORM_FIELD = "username"
# Behind the proxy every request comes from the proxy: count per real client address.
AXES_CLIENT_IP_CALLABLE = "core.beveiliging.client_ip"
RATELIMIT_IP_META_KEY = "core.beveiliging.client_ip"
RATELIMIT_VIEW = "core.views.te_veel_verzoeken"
# django-ratelimit 4.1 knows django-redis but not Django's own RedisCache, whose incr is
# the same atomic Redis INCR: the warning does not apply.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not os.environ.get("REDIS_URL"):
    # `make run` without Redis: one process, so its local-memory cache counts correctly.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
if "sqlite" in DATABASES["default"].get("ENGINE", ""):
    # The monitoring indexes carry extra columns (INCLUDE) so PostgreSQL counts from the
    # index alone; the embedded SQLite of `make run` builds them without those columns.
    SILENCED_SYSTEM_CHECKS.append("models.W040")

OTP_TOTP_ISSUER = "Gemeente Buren - Kerngericht"
# Functioneel beheer manages second-factor devices in the admin but never sees their secrets:
# no key on a saved device's form, no QR-code pages, no reserve codes (accounts.tweede_factor).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
# Uploads: files larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = ["nlds"]
CRISPY_TEMPLATE_PACK = "nlds"
CRISPY_FAIL_SILENTLY = not DEBUG

# Email
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Gemeente Buren <kerngericht@buren.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis when REDIS_URL is set, otherwise kombu's filesystem transport so that
# `make run` has a real worker and beat without any server (see docs/decisions/0002).
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_FS_FOLDER = BASE_DIR / "var" / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # max_retries/interval_*: when Redis is down, queuing a task fails after a few seconds
    # (and the caller sees the error) instead of kombu retrying the connection forever.
    CELERY_BROKER_TRANSPORT_OPTIONS: dict = {
        "visibility_timeout": 3600,
        "max_retries": 3,
        "interval_start": 0,
        "interval_step": 0.5,
        "interval_max": 2,
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    # The folders must exist before the first task is queued (seed/demo data send mail).
    for _folder in ("queue", "processed", "control"):
        (CELERY_FS_FOLDER / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FS_FOLDER / "queue"),
        "data_folder_out": str(CELERY_FS_FOLDER / "queue"),
        "processed_folder": str(CELERY_FS_FOLDER / "processed"),
        # kombu's default is "control" relative to the working directory.
        "control_folder": str(CELERY_FS_FOLDER / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# Mail delivery (core/tasks.py): retry backoff from 30 s up to 30 minutes; the outbox task
# runs every 10 minutes. Only scripts/chaos_mail.py changes these, to compress time.
MAIL_RETRY_BACKOFF = int(os.environ.get("MAIL_RETRY_BACKOFF", "30"))
MAIL_RETRY_BACKOFF_MAX = int(os.environ.get("MAIL_RETRY_BACKOFF_MAX", str(30 * 60)))
MAIL_OPNIEUW_NA = int(os.environ.get("MAIL_OPNIEUW_NA", str(10 * 60)))

# Retention terms in days, by key (core/privacy.py and each app's privacy.py list the keys
# and their defaults; the privacy statement shows the terms in force).
BEWAARTERMIJNEN: dict[str, int] = {}

CELERY_BEAT_SCHEDULE_FILENAME = str(BASE_DIR / "var" / "celerybeat-schedule")
# Apps add their periodic tasks here; tests/test_celery_schedule.py checks every entry.
CELERY_BEAT_SCHEDULE: dict = {
    # Emails recorded while the broker was unreachable are queued again (nothing is lost).
    "mail-wachtrij-opnieuw": {
        "task": "core.tasks.mail_wachtrij_opnieuw",
        "schedule": MAIL_OPNIEUW_NA,
    },
    # AVG: personal data past its retention term is anonymised or deleted (core/privacy.py).
    "persoonsgegevens-opruimen": {
        "task": "core.tasks.persoonsgegevens_opruimen",
        "schedule": 24 * 60 * 60,
    },
    "initiatieven-onbevestigde-opruimen": {
        "task": "initiatieven.tasks.onbevestigde_initiatieven_opruimen",
        "schedule": 60 * 60,  # hourly; a submission expires 7 days after it was made
    },
    # participatie: reminders the day before a meeting (once per registration, see the task).
    "participatie-herinneringen-bijeenkomsten": {
        "task": "participatie.tasks.bijeenkomst_herinneringen_versturen",
        "schedule": 15 * 60,
    },
    # Vragen: the one-week answer tracker's reminder sweep (vragen/herinneringen.py).
    "vragen-herinneringen": {
        "task": "vragen.herinneringen_versturen",
        "schedule": 15 * 60,
    },
    # Budgetten: ballots of voting rounds divided > 30 days ago lose their email (ADR 0008).
    "budgetten-stembiljetten-anonimiseren": {
        "task": "budgetten.tasks.stembiljetten_anonimiseren",
        "schedule": 24 * 60 * 60,
    },
    # Budgetten: a voting round closes itself after its last day; unconfirmed votes get one
    # reminder after two days (both once, see budgetten/services/stemronde_klok.py).
    "budgetten-stemrondes-sluiten": {
        "task": "budgetten.tasks.stemrondes_sluiten",
        "schedule": 60 * 60,
    },
    "budgetten-stem-herinneringen": {
        "task": "budgetten.tasks.stem_herinneringen",
        "schedule": 60 * 60,
    },
    # Volgen: the weekly mail per kern; hourly, each week once per subscriber (volgen/services).
    "volgen-weekmails": {
        "task": "volgen.weekmails_versturen",
        "schedule": 60 * 60,
    },
}
# Working days after a passed deadline before the teammanager is told.
VRAGEN_ESCALATIE_WERKDAGEN = int(os.environ.get("VRAGEN_ESCALATIE_WERKDAGEN", "2"))

CACHES = {
    "default": (
        {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Read-only staff lists kept per user and session for this long (core.medewerker_cache); 0: off.
MEDEWERKER_CACHE_SECONDEN = int(os.environ.get("MEDEWERKER_CACHE_SECONDEN", "60"))

# Security. Production (DEBUG off) gets the strict set; `manage.py check --deploy` is clean.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A staff session ends after 30 minutes without a request, and after 12 hours in any case.
SESSION_COOKIE_AGE = 12 * 60 * 60
# Read from Redis, written to both: no session query per staff request, nothing lost when
# Redis restarts (it keeps nothing on disk).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_IDLE_SECONDEN = int(os.environ.get("SESSION_IDLE_SECONDEN", str(30 * 60)))
# Money decisions ask for password and code again after this (core.herbevestiging).
HERBEVESTIGEN_NA_SECONDEN = int(os.environ.get("HERBEVESTIGEN_NA_SECONDEN", str(15 * 60)))
# How to reach the data protection officer, shown in the privacy statement.
FUNCTIONARIS_GEGEVENSBESCHERMING = os.environ.get("FUNCTIONARIS_GEGEVENSBESCHERMING", "")
# Larger request bodies are refused (413) before they are read: five attachments of 5 MB
# plus the form.
MAX_VERZOEK_BYTES = 26 * 1024 * 1024
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# The platform's probes call the container over plain HTTP, past the TLS proxy.
SECURE_REDIRECT_EXEMPT = [r"^status/"]
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# How many proxies of our own stand in front of the portal; the client is the address the
# outermost of them saw (X-Forwarded-For read from the right, never the client's own claim).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Personal-link tokens never reach a log line (core.logfilter.TokensUitLogs).
    "filters": {"zonder_tokens": {"()": "core.logfilter.TokensUitLogs"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["zonder_tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Personal links for inwoners (signed tokens) stay valid this many days.
PERSOONLIJKE_LINK_GELDIG_DAGEN = int(os.environ.get("PERSOONLIJKE_LINK_GELDIG_DAGEN", "90"))

# --- The open-data API (/api/v1/, app opendata; README "Open data") ------------------------
# Public and read-only: no authentication, so no session or CSRF is involved.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "opendata.api.CsvRenderer",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "opendata.api.Onderhandeling",
    "DEFAULT_FILTER_BACKENDS": ["opendata.filters.StrengeFilters"],
    "DEFAULT_PAGINATION_CLASS": "opendata.api.Paginering",
    "DEFAULT_THROTTLE_CLASSES": ["opendata.api.AnoniemeLimiet"],
    "DEFAULT_SCHEMA_CLASS": "opendata.schema.OpenDataSchema",
    "EXCEPTION_HANDLER": "opendata.api.problem_handler",
    "COERCE_DECIMAL_TO_STRING": True,
    "PAGE_SIZE": 50,
}
# Requests per client address; empty switches the limit off (the test settings do).
API_ANONIEM_LIMIET = os.environ.get("API_ANONIEM_LIMIET", "120/minute")
API_VERSIE = "1.0.0"
SPECTACULAR_SETTINGS = {
    "TITLE": "Kerngericht werken Buren - open data",
    "DESCRIPTION": (
        "Openbare gegevens van kerngericht werken in de gemeente Buren (Wet open overheid): "
        "kernen, regelingen, besluiten over geld, initiatieven, bijeenkomsten, trajecten, "
        "stemrondes en de halfjaarlijkse monitoring. Zonder persoonsgegevens."
    ),
    "VERSION": API_VERSIE,
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Without deep links: Swagger UI puts them as links inside buttons (axe: nested-interactive).
    # Syntax colours off: their red on dark grey fails WCAG AA contrast.
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": False,
        "defaultModelsExpandDepth": 0,
        "syntaxHighlight": {"activated": False},
    },
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["API-Version", "Link", "X-Total-Count"]
