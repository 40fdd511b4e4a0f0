"""App defaults. Each can be overridden in settings with the same name prefixed by `EFORMS_`."""

from django.conf import settings


def _setting(name, default):
    return getattr(settings, f"EFORMS_{name}", default)


def max_upload_bytes():
    """Default size limit of one uploaded file, when the editor sets none (10 MB)."""
    return _setting("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)


def draft_days():
    """How long a saved draft (save and come back later) lives."""
    return _setting("DRAFT_DAYS", 30)


def temporary_file_hours():
    """Wizard uploads older than this with no submission are deleted (the session has expired)."""
    return _setting("TEMPORARY_FILE_HOURS", settings.SESSION_COOKIE_AGE // 3600)


def submit_rate():
    """Submissions per client address, for django-ratelimit (e.g. "20/h"); staff at the counter are
    not limited (security.limits)."""
    return _setting("SUBMIT_RATE", "20/h")


def draft_email_rate():
    """Resume-link emails per client address: only stops one machine mailing many addresses, since
    the per-recipient limit protects each mailbox (docs/security.md)."""
    return _setting("DRAFT_EMAIL_RATE", "20/h")


def draft_email_rate_per_recipient():
    """Resume-link emails to one email address, whoever asks."""
    return _setting("DRAFT_EMAIL_RATE_PER_RECIPIENT", "3/h")


def private_root():
    return _setting("PRIVATE_ROOT", settings.PRIVATE_MEDIA_ROOT)
