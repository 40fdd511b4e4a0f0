"""The office as messages and documents name it: its organisation settings and the site's address."""

from django.conf import settings
from wagtail.models import Site

from home.models import OrganisationSettings


def base_url() -> str:
    """The public address links in emails start with (no trailing slash)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def organisation():
    """The organisation settings of the default site, or None before a site exists."""
    site = Site.objects.filter(is_default_site=True).first()
    return OrganisationSettings.for_site(site) if site else None


def message_context() -> dict:
    """What every email template may use: `organisation` and `base_url`."""
    return {"organisation": organisation(), "base_url": base_url()}
