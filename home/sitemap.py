from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class BilingualSitemap(Sitemap):
    """Every live public page of the site in every language.

    Wagtail's own sitemap lists only the pages under the site's root page, which is the Thai
    home page; the English tree hangs from the root page's translation.
    """

    def items(self):
        site = Site.find_for_request(self.request)
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().specific().order_by("path")
