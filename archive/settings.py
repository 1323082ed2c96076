"""Marsad settings, read from the environment with safe defaults.

DEBUG is off unless MARSAD_DEBUG=1; SECRET_KEY is required when it is off.
DATABASE_URL picks the database (SQLite file by default, postgres://... in production).
A `.env` file at the root (MARSAD_ENV_FILE names another, or none when empty) fills in
variables the environment does not set: `scripts/serve` writes one for development.
"""
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from archive.env import database_from_url, env_bool, env_int, env_list, load_env_file

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_FILE = os.environ.get("MARSAD_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_env_file(Path(ENV_FILE))

DEBUG = env_bool("MARSAD_DEBUG", default=False)

SECRET_KEY = os.environ.get("MARSAD_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "MARSAD_SECRET_KEY is required unless MARSAD_DEBUG=1 (for development, "
            "scripts/serve writes both to .env; see the README's Configuration)"
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env_list("MARSAD_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("MARSAD_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "archive",
]

MIDDLEWARE = [
    "archive.middleware.RequestLimitsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "archive.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.page_cache.PageCacheMiddleware",
]

# Public pages are cached until the data changes (archive/page_cache.py). One cache per
# process by default; MARSAD_CACHE_URL=redis://host:6379/1 shares one between servers.
MARSAD_PAGE_CACHE_SECONDS = env_int("MARSAD_PAGE_CACHE_SECONDS", 300)
# Listing rows (archive/templatetags/marsad_rows.py) have a cache of their own, so that
# they never evict whole pages.
CACHES = {"default": {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": os.environ["MARSAD_CACHE_URL"],
}, "rows": {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": os.environ["MARSAD_CACHE_URL"],
    "KEY_PREFIX": "rows",
}} if os.environ.get("MARSAD_CACHE_URL") else {"default": {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}, "rows": {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "rows",
    "OPTIONS": {"MAX_ENTRIES": 10000},
}}

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", "sqlite:///db.sqlite3"), base_dir=BASE_DIR
    )
}
# PostgreSQL: connections kept between requests (checked before reuse). Closing each one
# made every request fork a new server process and fill its catalogue caches again.
# MARSAD_DB_CONN_MAX_AGE=0 closes them after each request (e.g. behind PgBouncer).
if DATABASES["default"]["ENGINE"] == "archive.db":
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("MARSAD_DB_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Arabic unless the reader chose otherwise (the switch sets this cookie).
LANGUAGE_COOKIE_NAME = "marsad_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("MARSAD_TIME_ZONE", "").strip() or "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("MARSAD_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Production: WhiteNoise serves STATIC_ROOT (fill it with `manage.py collectstatic`),
# hashed names cached for ever; development: runserver serves static/ as it is.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
                    if DEBUG else "archive.storage.StaticFilesStorage"},
}

# Uploads: the admin upload streams files to disk past this size, and refuses
# anything larger than MARSAD_UPLOAD_MAX_MB.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
UPLOAD_MAX_BYTES = env_int("MARSAD_UPLOAD_MAX_MB", 50) * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Every other request body: refused (413) before it is read past this size.
MARSAD_MAX_REQUEST_BYTES = env_int("MARSAD_MAX_REQUEST_MB", 5) * 1024 * 1024
# Reading article files (archive.services.readers) and ingesting them.
MARSAD_MAX_RECORD_BYTES = env_int("MARSAD_MAX_RECORD_MB", 5) * 1024 * 1024
MARSAD_MAX_RECORDS_PER_FILE = env_int("MARSAD_MAX_RECORDS_PER_FILE", 1_000_000)
MARSAD_MAX_UNZIPPED_BYTES = env_int("MARSAD_MAX_UNZIPPED_MB", 1024) * 1024 * 1024
MARSAD_MAX_FAILURES_PER_BATCH = env_int("MARSAD_MAX_FAILURES_PER_BATCH", 10_000)

# Background jobs (archive/celery.py). The default broker is a folder (no server);
# production: MARSAD_BROKER_URL=redis://host:6379/0 and workers on any machine.
CELERY_BROKER_URL = os.environ.get("MARSAD_BROKER_URL", "filesystem://")
QUEUE_DIR = Path(os.environ.get("MARSAD_QUEUE_DIR", BASE_DIR / "var" / "queue"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "data_folder_in": str(QUEUE_DIR / "messages"), "data_folder_out": str(QUEUE_DIR / "messages"),
    "control_folder": str(QUEUE_DIR / "control"),
} if CELERY_BROKER_URL.startswith("filesystem") else {}
# Files uploaded in the admin wait here for their job (one folder per batch); with workers
# on other machines this is a shared volume. A file is deleted when its job is done.
MARSAD_UPLOAD_DIR = Path(os.environ.get("MARSAD_UPLOAD_DIR", BASE_DIR / "var" / "uploads"))
CELERY_TASK_IGNORE_RESULT = True  # a job's progress and outcome live on its batch rows
CELERY_TASK_ACKS_LATE = True  # a job whose worker died runs again (ingestion is idempotent)
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

# Security: strict unless DEBUG. `manage.py check --deploy` is clean with these.
SECURE_SSL_REDIRECT = env_bool("MARSAD_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("MARSAD_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool(
    "MARSAD_BEHIND_PROXY", default=False
) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MARSAD_LOG_LEVEL", "WARNING")},
}

# The optional camel-tools NER model (see extraction/ner.py); off unless a path is given.
MARSAD_NER_MODEL = os.environ.get("MARSAD_NER_MODEL", "")
