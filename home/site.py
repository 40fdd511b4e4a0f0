"""The office as messages and documents name it, and the one address every link in a message starts with.

Links in emails and other outbox messages come from `site_url` (or `absolute_url`), never from a
setting of their own: the citizen follows them back to the site they used. Staff links (the inbox)
start with `admin_url`: Wagtail's `WAGTAILADMIN_BASE_URL` when the server sets it, else the same site.
"""

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from home.models import OrganisationSettings


def _default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def site_for(*, request=None, page=None):
    """The Wagtail Site of a request, else of a page, else the default site (None before one exists)."""
    site = None
    if request is not None:
        site = Site.find_for_request(request)
    elif page is not None:
        site = page.get_site()
    return site or _default_site()


def _site_names_request(site, request) -> bool:
    """Whether the request came to the site's own host name (and port), not to a default site that
    answers for any name (as on a developer's machine, where the site says localhost:80)."""
    domain, port = split_domain_port(request.get_host())
    if domain != site.hostname:
        return False
    return not port or int(port) == site.port


def site_url(*, request=None, page=None) -> str:
    """The public address (scheme and host, no trailing slash) that links in messages start with.

    With the request that triggered the message: its own Wagtail Site when the request names it, else
    the address the request came to. Without a request (a background task, an officer's action): the
    site of `page` (a submission's service), else the default site.
    """
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None and _site_names_request(site, request):
            return site.root_url
        return f"{request.scheme}://{request.get_host()}"
    site = site_for(page=page)
    return site.root_url if site else ""


def absolute_url(path: str, *, request=None, page=None) -> str:
    """`path` (from `reverse` or a page's url) on the site's address: see `site_url`."""
    return site_url(request=request, page=page) + path


def page_url(page, *, request=None) -> str:
    """A page's full address on the site's address (see `site_url`), or "" if it has no URL."""
    parts = page.get_url_parts(request) if page is not None else None
    if not parts:
        return ""
    return site_url(request=request, page=page) + parts[2]


def admin_url(path: str, *, page=None) -> str:
    """A link for staff: the admin's base URL (`WAGTAILADMIN_BASE_URL`) when set, else the site's."""
    base = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return (base or site_url(page=page)) + path


def organisation(site=None):
    """The organisation settings of `site` (default: the default site), or None before a site exists."""
    site = site or _default_site()
    return OrganisationSettings.for_site(site) if site else None


def message_context(*, request=None, page=None) -> dict:
    """What every message template may use: `organisation` and `base_url` (see `site_url`)."""
    site = site_for(request=request, page=page)
    return {"organisation": organisation(site), "base_url": site_url(request=request, page=page)}
