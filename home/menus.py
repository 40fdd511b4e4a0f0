"""Header and footer menus, resolved for the visitor's language.

The menus are rendered inside a `{% wagtailcache %}` fragment keyed by site and language, so a page
view costs no menu queries once warm; `clear_menu_cache` runs whenever a page or the settings change.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from wagtail.models import Site

#: Fragments cleared with the menus: they show settings or where a page is (the home page's parts too).
MENU_FRAGMENTS = ("header-menu", "footer", "home-news-link", "home-emergency")


def resolved_items(items, request):
    return [link for link in (item.resolve(request) for item in items) if link]


def clear_menu_cache(**kwargs):
    site_ids = list(Site.objects.values_list("pk", flat=True))
    keys = [
        make_template_fragment_key(fragment, [site_id, code])
        for fragment in MENU_FRAGMENTS
        for site_id in site_ids
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)
