from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.site_pages import in_trees, request_root_paths


class BilingualSitemap(Sitemap):
    """Every live public page of the request's site in every language, and no other site's.

    Wagtail's own sitemap lists only the pages under the site's root page, which is the Thai
    home page; the English tree hangs from the root page's translation (`home.site_pages`).
    """

    def items(self):
        pages = Page.objects.filter(in_trees(request_root_paths(self.request)))
        return pages.live().public().specific().order_by("path")
