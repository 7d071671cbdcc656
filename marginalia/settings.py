"""Marginalia's settings, read from the environment with plain defaults.

DATABASE_URL          a database URL (default: a SQLite file beside manage.py)
DJANGO_DEBUG          "1"/"true" turns debug on (default off; `make run` turns it on)
DJANGO_SECRET_KEY     required when DJANGO_DEBUG is off
DJANGO_HTTPS          with debug off, "0" serves plain HTTP: no redirect to HTTPS, no HSTS, no
                      secure-only cookies (default "1": HTTPS only, as `check --deploy` asks)
DJANGO_HSTS_SECONDS   how long browsers keep to HTTPS (default a year; with DJANGO_HTTPS)
DJANGO_PROXY_SSL_HEADER  behind a proxy that ends TLS, the header it sets to "https", e.g.
                      HTTP_X_FORWARDED_PROTO (default: none; trust it only behind such a proxy)
DJANGO_ALLOWED_HOSTS  comma-separated host names (default: localhost names)
EMAIL_HOST            an SMTP server (default: email is printed to the console); with EMAIL_PORT,
                      EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, DEFAULT_FROM_EMAIL
REDIS_URL             a Redis server for the cache and sessions, shared by every process
                      (default: each process caches in its own memory)
"""

import os
from pathlib import Path

import dj_database_url
from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_flag(name, default):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_flag("DJANGO_DEBUG", "0")

# With debug off, serving requires DJANGO_SECRET_KEY (marginalia.secret_key); commands that sign
# nothing run without it. With debug on, a development key stands in.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "") or (
    "insecure-key-for-local-development-only" if DEBUG else ""
)

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "crispy_forms",
    "crispy_forms_gds",
    "rest_framework",
    "drf_spectacular",
    "axes",  # locks out repeated failed sign-ins: see the end of this file
    "django_tasks",
    "django_tasks_db",  # background work, queued in the database: `manage.py db_worker`
    "marginalia",  # only for its template tags, shared by every app's pages
    # Our apps, each using only those listed before it (tests/test_app_layers.py):
    "plans",  # the document
    "plan_import",  # a plan brought in from its document
    "responses",  # who said what about which part, and the respondent's journey
    "accounts",  # sign-up and sign-in; the groups that may respond and may read responses
    "officers",  # officers' annotations and publication
    "intake",  # responses brought in from documents, in bulk, in the background
    "revisions",  # the revised plan beside what was asked of it ("You said, we did")
    "coding",  # the coding frame: codes, suggested themes, agreement between officers
    "reports",  # the summary report
    "opendata",  # the API and the W3C Web Annotation collection
    "critique",  # the pages that show the plan beside its critique
    "work",  # an officer's home: what waits for them in each plan
    "privacy",  # respondents' personal data: erasure, retention and subject access
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "marginalia.middleware.NulCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marginalia.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "marginalia.urls"

# A plan, a section, a theme and a response are read on the critique app's pages. The project
# says so here, and Django gives each model its get_absolute_url from it, so the apps that hold
# them need not know the pages above them.
ABSOLUTE_URL_OVERRIDES = {
    "plans.plan": lambda plan: reverse("critique:plan", kwargs={"slug": plan.slug}),
    "plans.section": lambda section: reverse(
        "critique:section", kwargs={"slug": section.plan.slug, "number": section.number}
    ),
    "plans.theme": lambda theme: reverse(
        "critique:theme", kwargs={"slug": theme.plan.slug, "pk": theme.pk}
    ),
    "responses.response": lambda response: reverse("critique:response", kwargs={"pk": response.pk}),
}
WSGI_APPLICATION = "marginalia.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'marginalia.sqlite3'}",
        conn_max_age=60,
        # A connection PostgreSQL dropped (a restart) is noticed and replaced, not reused.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait their turn instead of failing with "database is locked": each
    # transaction takes the write lock when it begins (IMMEDIATE), waits up to 20 s for it, and
    # readers do not block the writer (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages and sessions are cached: in Redis when REDIS_URL names one (every gunicorn worker
# on every machine then shares it), else in each process's memory, which `make run` needs.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "marginalia",
        "OPTIONS": {"MAX_ENTRIES": 5_000},
    }
}
# Background work (reading and importing documents) is queued in the database, on SQLite and
# PostgreSQL alike, and run by `manage.py db_worker` processes: `make run` starts one beside the
# server; in production run as many as the load needs, on any machines that reach the database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Work a worker took this many seconds ago and has not finished (a document to import, a report
# to make) is taken as lost with its worker and given to another.
TASK_CLAIM_TIMEOUT = int(os.environ.get("TASK_CLAIM_TIMEOUT", "300"))

# Sessions read from the cache, written through to the database, so a signed-in page costs no
# query for its session and survives a cache restart.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# GOV.UK Frontend comes from npm; `make` builds our stylesheet from its Sass into static/build/.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    ("accessible-autocomplete", BASE_DIR / "node_modules" / "accessible-autocomplete" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["opendata.api.parsers.DepthLimitedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Marginalia open data",
    "DESCRIPTION": "Plans, their sections in natural order, and the comments that critique them: "
    "only what the caller may read.",
    "VERSION": "1",
}

# No inline scripts or styles anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: it refuses a locked-out sign-in
    "accounts.backends.ModelBackendReadingPermissionsOnce",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "responses:mine"
LOGOUT_REDIRECT_URL = "plans:plan_list"

# Email goes to the console unless EMAIL_HOST names an SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_flag("EMAIL_USE_TLS", "1")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Marginalia <noreply@localhost>")

# Uploaded responses (.txt, .docx) are read in memory and never stored; 2 MB is the limit we tell
# users, the request may be a little larger for the form around the file.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A plan's document (a PDF with its images) is read in memory too, then only its text is kept.
MAX_PLAN_UPLOAD_BYTES = 20 * 1024 * 1024
# A coding frame's or its codings' CSV read back (coding.files): 100,000 codings are about 15 MB.
MAX_CODING_CSV_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Each document a user sends is read in a child process (marginalia.documents.sandbox) with at
# most this much CPU time and this much more address space; past either it is "takes too long
# to read" or "too large to read", and the page that read it answers well within 10 seconds.
DOCUMENT_READ_SECONDS = float(os.environ.get("DOCUMENT_READ_SECONDS", "6"))
DOCUMENT_READ_MEMORY = int(os.environ.get("DOCUMENT_READ_MEMORY_MB", "400")) * 1024 * 1024

# A draft of 300 comments, each with its stance, sections, themes and quoted wording, is posted
# as one form: Django's default of 1,000 fields stopped it at about 165 comments.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000
# An import takes up to 1,000 documents in one upload (intake.services.MAX_BATCH_DOCUMENTS), as
# its page says: Django's default of 100 files refused more with a bare "Bad Request".
DATA_UPLOAD_MAX_NUMBER_FILES = 1_000

SECURE_CONTENT_TYPE_NOSNIFF = True
HTTPS = not DEBUG and _env_flag("DJANGO_HTTPS", "1")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A load balancer asks for /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
if os.environ.get("DJANGO_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_PROXY_SSL_HEADER"], "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# -- Throttling sign-in (django-axes) and the client's address -----------------------------------
# Five failed sign-ins lock out that username from that address, and five from one address lock
# out the address whatever the usernames, for 15 minutes after the last attempt (an attempt while
# locked out starts them again); even the right password is refused until then.
# accounts.views.locked_out draws the page that says so, with status 429; a new password set from
# a reset link ends the lock on its account. Attempts are kept in the database, not the cache:
# without REDIS_URL each process has its own cache, and a lockout must hold for every worker on
# every machine (the admin lists attempts, and deleting one unlocks). A success does not reset the
# count, or one account of the attacker's own would wipe the address's tally.
from datetime import timedelta  # noqa: E402  (this block keeps to itself)

AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = False
# Failures are kept to lock, not every successful sign-in: addresses we have no use for.
AXES_DISABLE_ACCESS_LOG = True
# DJANGO_CLIENT_IP_HEADER: behind a proxy, where REMOTE_ADDR is the proxy's own, the request.META
# name of the header the proxy writes the client's address to, e.g. HTTP_X_FORWARDED_FOR (its last
# address is used: the one the proxy added). Default: none, REMOTE_ADDR. Trust a header only
# behind a proxy that sets it: a client can send any. accounts.throttle.client_address reads it,
# for django-axes (instead of django-ipware) and for the sign-up, password reset and
# link-suggestions limits alike.
CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "accounts.throttle.client_address"
