"""Site search across both languages' pages, with Thai word segmentation of the query."""

from wagtail.models import Page

from home.thai_text import segment

MAX_RESULTS = 200


def search_pages(query, locale=None):
    """Live, public pages matching every word of the query, best first; the visitor's language first.

    Returns a list so results from the active locale can come before those in the other language.
    """
    words = segment(query).split()
    if not words:
        return []
    pages = Page.objects.live().public().specific().search(" ".join(words), operator="and")
    results = list(pages[:MAX_RESULTS])
    if locale is not None:
        results.sort(key=lambda page: page.locale_id != locale.pk)
    return results
