"""Each page's own sites' root paths, instead of Wagtail's list of every site's.

Wagtail makes a page's URL from `Site.get_site_root_paths()`: the root path of every site (and of
every translation of its home page) in one cache entry, which every page that makes a link reads and
unpickles, and which is rebuilt with one query per site after any site or home page changes. At 7,850
offices that is ~0.9 MB read per rendered page and ~8,000 queries per change (docs/scale.md).

A page needs only the sites whose home page is one of its ancestors (or itself). Here each ancestor's
path has its own small cache entry: the sites rooted at that page, read together with one `get_many`
and kept on the request for its other links. So reading stays the same size, and building costs a
query or two, whatever the number of offices. When Wagtail clears its own entry (a site saved or
deleted, a site's home page saved), a new generation is started and the old entries are left to
expire.

`install()` (from `offices.apps`) puts these in place of `Page._get_relevant_site_root_paths` and
`Page._get_site_root_paths`. Wagtail calls the second only to count sites, to choose a local URL when
there is only one (`Page.get_url`); `tests/offices/test_root_paths.py` checks that it still does.
Wagtail's admin (the page chooser, redirects) still reads its full list.
"""

import functools
import hashlib
import time
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

GENERATION = "tambon:site-roots:generation"
KEEP = 24 * 60 * 60  # an entry of an old generation is gone after a day
_wagtail_clear = Site.clear_site_root_paths_cache


def _generation() -> int:
    generation = cache.get(GENERATION)
    if generation is None:
        cache.add(GENERATION, time.time_ns(), None)  # two processes at once: the first one's wins
        generation = cache.get(GENERATION)
    return generation


def forget():
    """Start a new generation: every entry is built again from the database when next read."""
    cache.delete(GENERATION)


def _clear_both():
    _wagtail_clear()
    forget()


def _key(generation, path) -> str:
    return f"tambon:site-roots:{generation}:{hashlib.sha256(path.encode()).hexdigest()[:32]}"


def _sites_rooted_at(path) -> tuple:
    """The root paths of the sites whose home page (or one of its translations) is the page at `path`,
    in Wagtail's order: the default site first, then by host name."""
    page = Page.objects.filter(url_path=path).select_related("locale").first()
    if page is None:
        return ()
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        sites = Site.objects.filter(root_page__translation_key=page.translation_key)
    else:
        sites = Site.objects.filter(root_page=page)
    return tuple(
        SiteRootPath(site.id, path, site.root_url, page.locale.language_code)
        for site in sites.order_by("-is_default_site", "hostname")
    )


def for_page(page, cache_object=None) -> tuple:
    """What Wagtail's `_get_relevant_site_root_paths` gives, most specific root first."""
    url_path = page.url_path or ""
    ancestors = tuple(url_path[: i + 1] for i, char in enumerate(url_path) if char == "/")
    memo = _memo(cache_object)
    if ancestors not in memo:
        memo[ancestors] = _read(ancestors)
    return memo[ancestors]


def _memo(cache_object):
    if cache_object is None:
        return {}
    try:
        return cache_object._tambon_site_roots
    except AttributeError:
        cache_object._tambon_site_roots = {}
        return cache_object._tambon_site_roots


def _read(ancestors) -> tuple:
    generation = _generation()
    keys = {path: _key(generation, path) for path in ancestors}
    found = cache.get_many(keys.values())
    result = []
    for path in reversed(ancestors):  # the longest first, as Wagtail orders them
        entry = found.get(keys[path])
        if entry is None:
            entry = _sites_rooted_at(path)
            cache.set(keys[path], entry, KEEP)
        result.extend(entry)
    return tuple(result)


def site_count_up_to_two(cache_object=None) -> int:
    memo = _memo(cache_object)
    if "count" not in memo:
        key = f"tambon:site-roots:{_generation()}:count"
        memo["count"] = cache.get(key)
        if memo["count"] is None:
            memo["count"] = min(Site.objects.count(), 2)
            cache.set(key, memo["count"], KEEP)
    return memo["count"]


class _EverySite(Sequence):
    """Wagtail's full list, read only if something asks for it. Wagtail's page chooser and redirects
    look for it on the request, where Wagtail's `_get_site_root_paths` would have left it."""

    @functools.cached_property
    def _paths(self):
        return Site.get_site_root_paths()

    def __getitem__(self, index):
        return self._paths[index]

    def __len__(self):
        return len(self._paths)


def _relevant_site_root_paths(self, cache_object=None):
    if cache_object is not None and not hasattr(cache_object, "_wagtail_cached_site_root_paths"):
        cache_object._wagtail_cached_site_root_paths = _EverySite()
    return for_page(self, cache_object)


def _site_root_paths(self, cache_object=None, **kwargs):
    """For `Page.get_url`, which only counts the distinct sites in it: one or "more than one"."""
    return [(site,) for site in range(site_count_up_to_two(cache_object or kwargs.get("request")))]


def install():
    Page._get_relevant_site_root_paths = _relevant_site_root_paths
    Page._get_site_root_paths = _site_root_paths
    Site.clear_site_root_paths_cache = staticmethod(_clear_both)
