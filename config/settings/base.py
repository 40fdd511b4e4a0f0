"""Settings shared by every environment.

Anything that differs between machines comes from the environment (see `.env.example`).
"""

import os
from pathlib import Path

import dj_database_url
from botocore.config import Config
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "offices",
    "outbox",
    "privacy",
    "security",
    "staff",
    "eforms",
    "casework",
    "payments",
    "documents",
    "tourism",
    "operations",
    "library",
    "national",
    "performance",
    "problems",
    "charter",
    "disclosure",
    "line",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "formtools",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id; then everything after sees the real client's
    # address (behind a proxy too); /healthz is answered before the rest.
    "operations.middleware.RequestIdMiddleware",
    "security.client_address.ClientAddressMiddleware",
    "operations.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A host that names no office gets a 404, before a stored page of another office could answer.
    "offices.middleware.UnknownHostMiddleware",
    # Before sessions: a stored page is served without touching the session, the user or the database.
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.StaffSessionMiddleware",
    "security.middleware.StaffTwoFactorMiddleware",
    "security.middleware.LoginThrottleMiddleware",
    # After authentication, so that the admin can follow the user's preferred language.
    "django.middleware.locale.LocaleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Deleting an office (its site, its home page) that holds citizens' data: the reason, not an error.
    "offices.middleware.ProtectedDeletionMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache, but a stopped Redis does not stop the site (security/failsafe_cache.py).
            "BACKEND": "security.failsafe_cache.FailSafeRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "tambon",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tambon",
        }
    }

# Whole public pages for anonymous visitors (home.page_cache). Without Redis each worker has its own
# cache and a publish clears only the worker that served it, so stored pages live shorter there.
TAMBON_PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS") or ("300" if env("REDIS_URL") else "60"))
# What browsers and a CDN may keep (Cache-Control max-age and s-maxage).
TAMBON_PAGE_CACHE_BROWSER_SECONDS = int(env("PAGE_CACHE_BROWSER_SECONDS") or "60")

# A CDN in front (optional): wagtail.contrib.frontend_cache purges a page's URLs when it is published.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx proxy_cache_purge, or any HTTP PURGE endpoint
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# A CDN keeps pages as long as the page cache when a purge reaches it, else only a minute.
TAMBON_PAGE_CACHE_CDN_SECONDS = int(
    env("PAGE_CACHE_CDN_SECONDS") or (str(TAMBON_PAGE_CACHE_SECONDS) if WAGTAILFRONTENDCACHE else "60")
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai first: Thai is the default language and the fallback for browsers that ask for neither.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
# The admin names content languages for staff, who work in Thai ("Publish in ภาษาอังกฤษ"); the names
# cannot be translated per user: wagtail-localize puts them in JSON with plain json.dumps.
WAGTAIL_CONTENT_LANGUAGES = [("th", "ภาษาไทย"), ("en", "ภาษาอังกฤษ")]
WAGTAIL_I18N_ENABLED = True
# Each language in its own name, so every user finds theirs.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_forms.LoginForm"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Citizens' uploads live outside MEDIA_ROOT so no URL can reach them without a permission check.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Object storage (S3 or compatible: MinIO, Ceph, a cloud's S3 service), so that several application
# servers share files. Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
# Public media: images, documents and renditions that editors publish (a public-read bucket).
# Private: citizens' uploads (a bucket of its own, never public, served only through the app).
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None  # empty: Amazon S3
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
_S3_CLIENT = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "querystring_auth": False,  # plain public URLs, cacheable by browsers and a CDN
            "file_overwrite": False,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "client_config": _S3_CLIENT,
        },
    }
if env("AWS_PRIVATE_STORAGE_BUCKET_NAME"):
    STORAGES["private"] = {
        "BACKEND": "eforms.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_PRIVATE_STORAGE_BUCKET_NAME"),
            "location": "eforms",
            "client_config": _S3_CLIENT,
        },
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
# Staff sessions also end after 15 minutes idle (security.middleware.StaffSessionMiddleware).
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# The site's own page, in the visitor's language, when a form is refused (expired, cookies blocked).
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"  # the admin, which previews pages in a frame, gets SAMEORIGIN (security.headers)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Virus scanning of uploads through clamd, e.g. unix:///run/clamav/clamd.ctl or tcp://127.0.0.1:3310.
# When set, an upload is refused if the scanner finds a threat or cannot be reached.
CLAMAV = env("CLAMAV", "")

# The reverse proxies whose X-Forwarded-For is believed: addresses or networks, comma separated (see
# docs/deployment.md). Loopback by default, for nginx on the same machine; empty trusts none.
TAMBON_TRUSTED_PROXIES = env_list("TAMBON_TRUSTED_PROXIES", "127.0.0.1,::1")
# Or, when set, how many proxies stand in front (their addresses unknown, e.g. a CDN then nginx).
TAMBON_TRUSTED_PROXY_HOPS = int(env("TAMBON_TRUSTED_PROXY_HOPS", "0"))

# Demo payments (a checkout that takes no money, while Stripe has no keys): off unless set to true on
# purpose; every page and receipt then says so, and `check --deploy` warns (docs/payments.md).
PAYMENTS_DEMO = env_bool("PAYMENTS_DEMO", False)

# Every admin user passes a second factor (TOTP or a backup code). Only development may relax it.
TAMBON_STAFF_2FA_REQUIRED = True
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Tambon")
# Map tiles for the tourism map, loaded by the visitor's browser.
TAMBON_CSP_EXTRA_IMG_SRC = ["https://tile.openstreetmap.org", "https://*.tile.openstreetmap.org"]
# Stripe Checkout is reached by a redirect after the citizen posts the payment form.
TAMBON_CSP_EXTRA_FORM_ACTION = ["https://checkout.stripe.com"]

# No avatars from gravatar.com: staff browsers contact no third party (privacy, CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

WAGTAIL_SITE_NAME = "Tambon"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "gif": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# wagtail-localize keeps the English tree in step with the Thai one.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Background work (every message, Wagtail's index updates) waits in the database for the worker:
# `manage.py db_worker` runs beside the web server (`make run` starts both). See docs/outbox.md.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Minutes before each new try of a message that could not be sent; after the last, it has failed.
TAMBON_OUTBOX_RETRY_MINUTES = [float(m) for m in env_list("OUTBOX_RETRY_MINUTES", "1,5,30,120")]
# A message being sent is claimed for this long; a worker that dies mid-send frees it after that.
TAMBON_OUTBOX_CLAIM_SECONDS = int(env("OUTBOX_CLAIM_SECONDS", "600"))
# A dead mail server must fail a try quickly, not hold the worker for minutes.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))

# Every line carries the request's id (operations.logs); LOG_FORMAT=json gives one JSON object a line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if env("LOG_FORMAT", "text").strip().lower() == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Every background task logs its start and end at INFO: too chatty for a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # A failed check is in the /healthz answer already; a load balancer asks every few seconds.
        "health_check": {"level": "ERROR"},
    },
}

# Error reports (operations/errors.py): only when a DSN is set, and without personal data.
SENTRY_DSN = env("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "production")
SENTRY_RELEASE = env("SENTRY_RELEASE", "")
SENTRY_TRACES_SAMPLE_RATE = float(env("SENTRY_TRACES_SAMPLE_RATE", "0"))

# /healthz (operations/health.py): the reasons of failed checks only for `Authorization: Bearer <token>`.
HEALTHZ_TOKEN = env("HEALTHZ_TOKEN", "")
# Seconds without a sign of the background worker before /healthz and the digest report it.
WORKER_HEARTBEAT_MAX_AGE = int(env("WORKER_HEARTBEAT_MAX_AGE", str(15 * 60)))

# A request for a host no office's site names: with one site it is served by it (as before offices);
# with several, False answers 404 (production), True serves the default site (development, tests).
TAMBON_UNKNOWN_HOST_FALLBACK = env_bool("UNKNOWN_HOST_FALLBACK", False)
# Paths that answer on any allowed host: the admin (it may have a platform address of its own), the
# payment providers' callbacks, the language switch.
TAMBON_HOST_INDEPENDENT_PATHS = ["/admin/", "/payments/", "/i18n/"]

# Shown in the admin and on the site when no organisation name has been set yet.
TAMBON_DEFAULT_ORGANISATION_NAME = _("Local government office")
