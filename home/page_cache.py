"""Whole public pages for anonymous visitors, from the default cache (Redis in production).

A page is stored only when nothing in it can belong to one visitor: the request carries no session or
messages cookie and no credentials, the response sets no cookie, used no CSRF token (a form that posts)
and was served by a Wagtail page's own route with a 200. Everything else is rendered as before and,
when it is a page, marked `private` so that no shared cache (a CDN) keeps it either.

Invalidation is a generation: a random token stored beside the entries. Every change that can show on
a public page (a page published, unpublished, moved, saved or deleted; organisation settings and their
menus; snippets, images, documents, sites, locales) replaces it, so every stored page becomes stale at
once. One generation for all sites rather than one per site: finding every site a change shows on (a
shared image, a snippet, a page's parents, the home page's news and menus) costs queries and is easy to
get wrong; a publish is rare next to visits, and one office runs one site. Time-dependent pages get a
short lifetime (`page_cache_seconds` on the page class) and no entry outlives the local midnight after
which date-based listings ("this month's events", "open today") change.

Page classes may declare:
- `page_cache_seconds`: lifetime of their entries (default `TAMBON_PAGE_CACHE_SECONDS`).
- `page_cache_query_params`: query parameters that select what they show (filters, page number);
  a request with any other parameter (except tracking ones such as `utm_*` and `fbclid`, which are
  left out of the key) is rendered and not stored, so random query strings cannot fill the cache.
- `page_cache_routes`: for routable pages, the names of sub-routes that are public and the same for
  everyone (the page's own route, at its own URL, always is).
"""

import datetime
import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from functools import cache as memoize
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Locale, Page, Site
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
#: Query parameters added by sharing and advertising links; they never change a page.
TRACKING_PARAMS = ("fbclid", "gclid", "igshid", "mc_cid", "mc_eid")
TRACKING_PREFIXES = ("utm_",)
#: Vary values a stored page may carry (Cookie is removed: only cookie-less requests share entries).
SHAREABLE_VARY = {"cookie", "accept-encoding"}
#: Headers set per response that must not be replayed from the cache.
UNSTORED_HEADERS = {"set-cookie", "date", "x-page-cache"}
HIT_HEADER = "X-Page-Cache"


# Settings ---------------------------------------------------------------------------------------------
def lifetime() -> int:
    """Seconds a stored page lives at most; 0 turns the page cache off."""
    return int(getattr(settings, "TAMBON_PAGE_CACHE_SECONDS", 300))


def browser_seconds() -> int:
    return int(getattr(settings, "TAMBON_PAGE_CACHE_BROWSER_SECONDS", 60))


def cdn_seconds() -> int:
    return int(getattr(settings, "TAMBON_PAGE_CACHE_CDN_SECONDS", 60))


def personal_cookies() -> tuple[str, ...]:
    """Cookies that make a request personal: a session (signed in, a form in progress, a verified
    citizen) or pending messages ("your request was sent")."""
    return (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages"))


# Generation -------------------------------------------------------------------------------------------
def bump(**kwargs):
    """Make every stored page stale, now and again when the current transaction commits.

    Now, so that the editor's next view shows the change; after commit too, because a visitor's
    request between the two may have stored what the database showed before the commit.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def current_generation():
    """The generation stored pages must carry to be served, created if the cache lost it (None when
    the cache cannot be reached)."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
            generation = cache.get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 — without the cache, everything is computed as before
        logger.warning("Page cache unavailable", exc_info=True)
        return None
    return generation


def remember(key, compute, timeout=None):
    """`compute()`, kept in the cache until the content changes (the same generation as the pages)."""
    generation = current_generation()
    if generation is None:
        return compute()
    full_key = f"{key}:{generation}"
    try:
        value = cache.get(full_key)
    except Exception:  # noqa: BLE001
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, timeout=timeout or max(lifetime(), 60))
        except Exception:  # noqa: BLE001
            logger.warning("Could not store %s in the cache", key, exc_info=True)
    return value


def _new_generation():
    generation = secrets.token_hex(8)
    local_copies.set_generation(generation)
    try:
        cache.set(GENERATION_KEY, generation, timeout=None)
    except Exception:  # noqa: BLE001 — a cache outage must not stop an editor from publishing
        logger.exception("Could not invalidate the page cache")


@memoize
def shows_on_pages(model) -> bool:
    """Whether saving or deleting a row of `model` can change a public page."""
    if issubclass(model, AbstractRendition):
        return False  # made while a page renders: never a reason to render it again
    if issubclass(model, (Page, BaseSiteSetting, AbstractImage, AbstractDocument, Site, Locale)):
        return True
    if model in get_snippet_models():
        return True
    # Menu items, emergency numbers, opening hours: rows that belong to one of the above.
    return any(
        isinstance(field, ParentalKey)
        and field.related_model is not model
        and shows_on_pages(field.related_model)
        for field in model._meta.get_fields()
    )


def model_changed(sender, **kwargs):
    if shows_on_pages(sender):
        bump()


def purge_cdn_listings(instance, **kwargs):
    """With a CDN configured, Wagtail purges a published page's own URLs; its parent (a listing) and
    the home pages (latest news, shortcuts) show it too. Settings and menus are left to the CDN's
    short lifetime (`TAMBON_PAGE_CACHE_CDN_SECONDS`)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    pages = [instance.get_parent()]
    for site in Site.objects.select_related("root_page"):
        pages += list(site.root_page.get_translations(inclusive=True).live())
    batch = PurgeBatch()
    batch.add_pages([page for page in pages if page is not None and page.depth > 1])
    batch.purge()


# Keys and entries -------------------------------------------------------------------------------------
def request_key(request):
    """The cache key of an anonymous GET/HEAD request, or None when it must not be looked up."""
    if lifetime() <= 0 or request.method not in ("GET", "HEAD"):
        return None
    if any(name in request.COOKIES for name in personal_cookies()):
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    if not get_language_from_path(request.path_info):
        return None  # the admin, files, redirects to a language: only pages under /th/ and /en/
    try:
        host = request.get_host().lower()
    except DisallowedHost:
        return None
    query = normalised_query(request)
    raw = f"{host}|{get_language_from_path(request.path_info)}|{request.path}|{query}"
    return "pagecache:" + hashlib.sha256(raw.encode()).hexdigest()


def normalised_query(request) -> str:
    """The query without tracking parameters, in a fixed order: `?b=2&a=1` and `?a=1&b=2` share."""
    pairs = sorted(
        (name, value) for name, values in request.GET.lists() if not is_tracking(name) for value in values
    )
    return urlencode(pairs)


def is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def seconds_to_midnight(now=None) -> int:
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(int((midnight - now).total_seconds()), 1)


def entry_lifetime(page) -> int:
    return min(getattr(page, "page_cache_seconds", None) or lifetime(), lifetime(), seconds_to_midnight())


def public_headers(response, seconds):
    """Headers for a response every anonymous visitor shares: no `Vary: Cookie`, public for a CDN."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
    patch_cache_control(
        response, public=True, max_age=min(browser_seconds(), seconds), s_maxage=min(cdn_seconds(), seconds)
    )


# Hook: which pages may be stored ------------------------------------------------------------------------
@hooks.register("before_serve_page")
def remember_page(page, request, serve_args, serve_kwargs):
    """Marks the request with the page it serves, if its route is one that may be stored."""
    request._page_served = True
    request._page_cache_page = page if _route_is_public(page, serve_args) else None


def _route_is_public(page, serve_args) -> bool:
    if not serve_args or not callable(serve_args[0]):
        return True
    view = serve_args[0]
    name = getattr(view, "__name__", "")
    if name in getattr(page, "page_cache_routes", ()):
        return True
    # A routable page's own URL (the empty pattern) is the page itself.
    for pattern in getattr(page, "get_subpage_urls", list)():
        if getattr(pattern.callback, "__name__", None) == name:
            return str(pattern.pattern) == ""
    return False


def storable(request, response) -> bool:
    page = getattr(request, "_page_cache_page", None)
    if page is None or response.status_code != 200 or getattr(response, "streaming", False):
        return False
    if getattr(request, "is_preview", False) or getattr(
        getattr(request, "user", None), "is_authenticated", False
    ):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a cookie was set, or a form's CSRF token was rendered
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store", "max-age=0")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= SHAREABLE_VARY:
        return False
    allowed = set(getattr(page, "page_cache_query_params", ()))
    return all(is_tracking(name) or name in allowed for name in request.GET)


# The worker's own copies ------------------------------------------------------------------------------
class LocalCopies:
    """The most visited pages kept in this worker's memory, so that a hit needs no round trip to Redis.

    The worker trusts its copy of the generation for `TAMBON_PAGE_CACHE_LOCAL_SECONDS` (2 by default):
    a change made through another worker shows here within that time; one made through this worker at
    once. 0 turns these copies off (the tests do, so that one test's pages never meet another's).
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = OrderedDict()
        self.generation, self.checked_at = None, 0.0

    def trusted_generation(self):
        if time.time() - self.checked_at < local_seconds():
            return self.generation
        return None

    def set_generation(self, generation):
        with self.lock:
            if generation != self.generation:
                self.entries.clear()
            self.generation, self.checked_at = generation, time.time()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > local_entries():
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.generation, self.checked_at = None, 0.0


local_copies = LocalCopies()


def local_seconds() -> float:
    return float(getattr(settings, "TAMBON_PAGE_CACHE_LOCAL_SECONDS", 2))


def local_entries() -> int:
    return int(getattr(settings, "TAMBON_PAGE_CACHE_LOCAL_ENTRIES", 200))


def fresh(entry, generation) -> bool:
    """An entry is (generation, expires at, status, headers, content)."""
    return entry is not None and generation is not None and entry[0] == generation and entry[1] > time.time()


# Middleware ------------------------------------------------------------------------------------------
class PageCacheMiddleware:
    """Place after WhiteNoise and before the session middleware: a hit costs no session, no user, no
    database query. Headers set by middleware above it (security headers) are added to hits too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request_key(request)
        if key is None:
            return self._mark_private(request, self.get_response(request))
        generation, entry = self._lookup(key)
        if fresh(entry, generation):
            return self._replay(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and storable(request, response):
            seconds = entry_lifetime(request._page_cache_page)
            public_headers(response, seconds)
            self._store(key, generation, response, seconds)
            response[HIT_HEADER] = "miss"
            return response
        return self._mark_private(request, response)

    @staticmethod
    def _lookup(key):
        """(current generation, stored entry or None): from this worker's copies when it may trust
        them, else one round trip to the shared cache for both."""
        generation = local_copies.trusted_generation()
        if generation is not None:
            entry = local_copies.get(key)
            if fresh(entry, generation):
                return generation, entry
            keys = [key]
        else:
            keys = [GENERATION_KEY, key]
        try:
            found = cache.get_many(keys)
        except Exception:  # noqa: BLE001 — without the cache the site still serves every page
            logger.warning("Page cache unavailable: pages are rendered for every visitor", exc_info=True)
            return None, None
        if generation is None:
            generation = found.get(GENERATION_KEY) or current_generation()
            if generation is not None and local_seconds() > 0:
                local_copies.set_generation(generation)
        entry = found.get(key)
        if fresh(entry, generation) and local_seconds() > 0:
            local_copies.put(key, entry)
        return generation, entry

    @staticmethod
    def _store(key, generation, response, seconds):
        if generation is None:
            return
        headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
        entry = (generation, time.time() + seconds, response.status_code, headers, response.content)
        if local_seconds() > 0:
            local_copies.put(key, entry)
        try:
            cache.set(key, entry, timeout=seconds)
        except Exception:  # noqa: BLE001
            logger.warning("Could not store a page in the page cache", exc_info=True)

    @staticmethod
    def _replay(request, entry):
        _generation, _expires, status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response

    @staticmethod
    def _mark_private(request, response):
        """A page rendered for one visitor (signed in, a form with its CSRF token, a session): no shared
        cache may keep it."""
        if getattr(request, "_page_served", False) and "Cache-Control" not in response:
            patch_cache_control(response, private=True)
        return response
