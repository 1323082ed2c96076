"""Settings for the test suite: production settings with a throwaway key, plain HTTP
and a fast password hasher. The database still comes from DATABASE_URL."""
import os
import tempfile

os.environ.setdefault("MARSAD_SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("MARSAD_ENV_FILE", "")  # a developer's .env must not change the tests
# Jobs queued by tests go to a broker folder of this run's own, not to var/queue.
os.environ.setdefault("MARSAD_QUEUE_DIR", tempfile.mkdtemp(prefix="marsad-queue-"))

from archive.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
# Pages find static files where they are (tests/site/test_production.py collects them).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages are rendered afresh for each test (tests/archive/test_page_cache.py turns the
# cache on where it is the subject).
MARSAD_PAGE_CACHE_SECONDS = 0
MARSAD_PAGE_CACHE_CHECK_SECONDS = 0
# Uploads wait for their job in a folder of this test run's own.
MARSAD_UPLOAD_DIR = Path(tempfile.mkdtemp(prefix="marsad-uploads-"))  # noqa: F405
