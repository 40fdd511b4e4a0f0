"""Development: the settings `make run` uses. Never for a server on the internet."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,.localhost,[::1]")  # .localhost: the second demo office
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Static files straight from the source folders; media as configured (local disk unless a bucket is set).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Staff links in messages (the inbox) on the port `make run PORT=…` serves.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env('PORT', '8000')}")
# `make run` without Stripe keys pays through the demo checkout.
PAYMENTS_DEMO = env_bool("PAYMENTS_DEMO", True)
# The demo administrator signs in without a phone; set STAFF_2FA_REQUIRED=true to try the real flow.
TAMBON_STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", False)
# Any allowed host (127.0.0.1, localhost, a LAN address) shows the default office when it names none.
TAMBON_UNKNOWN_HOST_FALLBACK = env_bool("UNKNOWN_HOST_FALLBACK", True)
