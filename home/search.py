"""Site search across both languages' pages, with Thai word segmentation of the query."""

import unicodedata

from wagtail.models import Locale, Page

from home.site_pages import in_trees
from home.thai_text import segment

MAX_RESULTS = 200


def search_words(query: str) -> list[str]:
    """The words to look for: Thai split at word boundaries, punctuation and control characters dropped.

    Only letters, combining marks (Thai vowels and tone marks are marks) and digits can match
    anything in the index, and stray quotes or NUL bytes upset SQLite's full-text query parser.
    """
    kept = "".join(
        char if unicodedata.category(char)[0] in "LMN" else " "
        for char in unicodedata.normalize("NFC", query)
    )
    return segment(kept).split()


def search_pages(query, root_paths, locale=None):
    """Live, public pages matching every word of the query, best first; the visitor's language first.

    `root_paths` (`home.site_pages.request_root_paths`): only the pages of those trees, the site's own
    in both languages, never another office's.
    """
    words = search_words(query)
    if not words:
        return []
    pages = (
        Page.objects.live()
        .public()
        .filter(in_trees(root_paths))
        .specific()
        .search(" ".join(words), operator="and")
    )
    results = list(pages[:MAX_RESULTS])
    # Each result's language is shown (its `lang`): one query for the few locales, not one per result.
    locales = {item.pk: item for item in Locale.objects.all()}
    for page in results:
        page.locale = locales[page.locale_id]
    if locale is not None:
        results.sort(key=lambda page: page.locale_id != locale.pk)
    return results
