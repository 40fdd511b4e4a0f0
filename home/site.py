"""The office as messages and documents name it, and the one address every link in a message starts with.

Links in emails and other outbox messages come from `site_url` (or `absolute_url`), never from a
setting of their own: the citizen follows them back to the site they used. Staff links (the inbox)
start with `admin_url`: Wagtail's `WAGTAILADMIN_BASE_URL` when the server sets it, else the same site.

A message about a request is the request's office's: its name, its links and its sender (`From:`), taken
from the site of the request's service page (`page=`), never the default site's.
"""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from home.models import OrganisationSettings


def _default_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _site_of_page(page):
    """The site whose trees hold `page`: an English page is found through its Thai version when Wagtail
    does not route it by itself (see `offices.lookup.office_for_page`)."""
    site = page.get_site()
    if site is None:
        for translation in page.get_translations().order_by("pk"):
            site = translation.get_site()
            if site is not None:
                break
    return site


def site_for(*, request=None, page=None):
    """The Wagtail Site of a request, else of a page, else the default site (None before one exists)."""
    site = None
    if request is not None:
        site = Site.find_for_request(request)
    elif page is not None:
        site = _site_of_page(page)
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


def office_url(path: str, *, page, request=None) -> str:
    """`path` on the address of the office whose trees hold `page` (a request's service): the address
    the request came to when it is that office's site, else the office's own (a citizen looking at one
    office's request on another office's site still gets that office's link)."""
    if request is not None and page is not None:
        request_site = Site.find_for_request(request)
        if request_site is None or request_site.pk != getattr(_site_of_page(page), "pk", None):
            request = None
    return absolute_url(path, request=request, page=page)


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


def email_sender(organisation_settings) -> str:
    """The `From:` of the office's emails: its name (in the active language) as the display name, at its
    own sender address when its settings give one, else at the installation's (`DEFAULT_FROM_EMAIL`)."""
    default_name, default_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if organisation_settings is None:
        return settings.DEFAULT_FROM_EMAIL
    address = organisation_settings.email_sender or default_address
    name = organisation_settings.name or default_name
    if not address:
        return settings.DEFAULT_FROM_EMAIL
    if not name:
        return address
    return str(Address(display_name=" ".join(name.split()), addr_spec=address))


def message_context(*, request=None, page=None) -> dict:
    """What every message template may use: `organisation` and `base_url` (see `site_url`), and the
    `sender` to give the outbox (see `email_sender`), in the active language."""
    site = site_for(request=request, page=page)
    settings_of_site = organisation(site)
    return {
        "organisation": settings_of_site,
        "base_url": site_url(request=request, page=page),
        "sender": email_sender(settings_of_site),
    }
