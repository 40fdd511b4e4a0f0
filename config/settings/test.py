"""Settings for pytest: fast hashing, in-memory email and cache, files in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
_tmp = Path(tempfile.mkdtemp(prefix="tambon-test-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private_media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
DATABASES["default"].setdefault("TEST", {})  # noqa: F405
if env("DATABASE_URL", "").startswith("postgres"):
    # test_<database>: two checkouts with their own DATABASE_URL never share a test database.
    _default_test_name = f"test_{DATABASES['default']['NAME']}"  # noqa: F405
    DATABASES["default"]["TEST"]["NAME"] = env("TEST_DATABASE_NAME", _default_test_name)  # noqa: F405
    # A throw-away database need not wait for the disk at each commit (the demo loader commits per page).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
# Static files straight from the source folders: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run at once in tests; tests/outbox/test_worker.py runs the database backend and a real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Admin tests sign in with force_login; the two-factor tests turn this back on.
TAMBON_STAFF_2FA_REQUIRED = False
# The page cache is on, as in production: a test that changes content without a signal must say so.
TAMBON_PAGE_CACHE_SECONDS = 300
# Workers' own copies of stored pages stay off: one test's pages must never meet another's.
TAMBON_PAGE_CACHE_LOCAL_SECONDS = 0
# Tests look for plain text in the HTML; tests/browser/test_accessibility_browser.py turns it on.
TAMBON_TYPESET = False
# testserver names no site: tests reach the default office, as before (tests/offices turn it off).
TAMBON_UNKNOWN_HOST_FALLBACK = True
