"""The pages of one site (one office): its Thai tree and the English tree beside it.

Every office's home page in each language is a child of Wagtail's root page (`create_office`, the
demo): the Thai one is the site's root page, the English one its translation. A query that lists
pages for visitors (search, sitemap, listings, "nearby") is limited to these trees, or another office's
pages would show under this office's name.
"""

from django.db.models import Q
from wagtail.models import Page, Site


def root_paths(site) -> list[str]:
    """Tree paths of the site's home page in every language (one query; none for no site)."""
    if site is None:
        return []
    return list(
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .order_by("path")
        .values_list("path", flat=True)
    )


def request_root_paths(request) -> list[str]:
    """`root_paths` of the request's site, kept on the request."""
    cached = getattr(request, "_tambon_root_paths", None)
    if cached is None:
        cached = root_paths(Site.find_for_request(request))
        request._tambon_root_paths = cached
    return cached


def in_trees(paths) -> Q:
    """Pages in the trees starting at `paths` (the home pages themselves included); none for no path."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def language_home_path(page) -> str:
    """Tree path of the home page (in `page`'s language) whose tree holds `page`: the pages of one
    office in one language are the pages whose path starts with it. Needs no query."""
    return page.path[: Page.steplen * 2]
