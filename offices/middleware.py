"""Hosts and offices: a request for no office's host is not answered with another office's pages; a
refused deletion in the admin says why."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.http.request import split_domain_port
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home import page_cache
from home.views import plain_page
from offices import protection
from offices.models import Office

logger = logging.getLogger(__name__)

UNKNOWN_HOST_TITLE = _("No office at this address")
UNKNOWN_HOST_MESSAGE = _(
    "This address is not the website of any local government office on this service. Check the address "
    "you typed, or find the office's website on its notices or letters."
)


def _site_hostnames():
    """The host names of all sites, kept in the cache until a site changes (it bumps the generation)."""
    return page_cache.remember(
        "offices:site-hostnames",
        lambda: sorted({h.lower() for h in Site.objects.values_list("hostname", flat=True)}),
    )


def host_is_known(request) -> bool:
    """Whether a site answers for the request's host, or the default site may (see the setting)."""
    if getattr(settings, "TAMBON_UNKNOWN_HOST_FALLBACK", False):
        return True
    hostnames = _site_hostnames()
    if len(hostnames) <= 1:
        return True  # one office only: nothing of another office can be shown
    domain, _port = split_domain_port(request.get_host())
    return domain.lower() in hostnames


def unknown_host_response(request):
    """A small platform page, in Thai first (or the language of the address), without any office's
    layout, name or links."""
    return plain_page(
        request, title=UNKNOWN_HOST_TITLE, message=UNKNOWN_HOST_MESSAGE, status=404, home_link=False
    )


class UnknownHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        exempt = tuple(getattr(settings, "TAMBON_HOST_INDEPENDENT_PATHS", ()))
        if not request.path_info.startswith(exempt):
            try:
                known = host_is_known(request)
            except DisallowedHost:
                known = True  # CommonMiddleware answers 400 for it, as before
            if not known:
                return unknown_host_response(request)
        return self.get_response(request)


class ProtectedDeletionMiddleware:
    """An admin deletion refused because an office holds citizens' data: back to where the user was,
    with the reason, rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ProtectedError) or not request.path_info.startswith("/admin/"):
            return None
        offices = [obj for obj in exception.protected_objects if isinstance(obj, Office)]
        if not offices:
            return None
        reason = protection.refusal_reason(offices[0]) or str(exception.args[0])
        logger.info("Deletion refused: %s", reason)
        messages.error(request, reason)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/admin/"
        return HttpResponseRedirect(back)
