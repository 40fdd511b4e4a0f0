"""Each page's URL comes from its own sites' root paths (`offices/root_paths.py`), not from Wagtail's
list of every office's: the same URLs as that list gives, for every page in both languages and from
any office; what a page reads does not grow with the number of offices; a changed site shows at once."""

import inspect
import pickle

import pytest
import wagtail.models.pages
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from offices import root_paths
from tests.offices.conftest import SECOND_HOST, create_second_office

pytestmark = pytest.mark.django_db


def wagtails_own(page):
    """What Wagtail's `_get_relevant_site_root_paths` gives: its full list, filtered."""
    return tuple(srp for srp in Site.get_site_root_paths() if page.url_path.startswith(srp.root_path))


def test_every_page_gets_the_root_paths_wagtails_list_gives(first_office):
    create_second_office()
    create_second_office(domain="third.example", code="third", name_th="เทศบาลที่สาม", name_en="Third")
    pages = list(Page.objects.filter(depth__gte=2))
    assert len({page.locale_id for page in pages}) == 2 and Site.objects.count() == 3
    for page in pages:
        cache.clear()
        assert root_paths.for_page(page) == wagtails_own(page), page.url_path
        assert root_paths.for_page(page) == wagtails_own(page), page.url_path  # read from the cache


def test_links_are_local_on_their_own_office_and_full_on_another(first_office):
    second = create_second_office()
    home = second.site.root_page
    english = home.get_translation(Locale.objects.get(language_code="en"))
    on_second = RequestFactory().get("/", HTTP_HOST=SECOND_HOST)
    on_first = RequestFactory().get("/")
    assert home.get_url(on_second) == "/th/" and english.get_url(on_second) == "/en/"
    assert home.get_url(on_first) == f"http://{SECOND_HOST}/th/"
    assert english.get_url(on_first) == f"http://{SECOND_HOST}/en/"
    first_home = first_office.site.root_page
    assert first_home.get_url(on_first) == "/th/" and first_home.full_url == "http://localhost/th/"


def test_with_one_office_every_link_is_local(site_pages):
    home, english = site_pages
    elsewhere = RequestFactory().get("/", HTTP_HOST="testserver")
    assert home.get_url(elsewhere) == "/th/" and english.get_url(elsewhere) == "/en/"


def test_what_a_page_reads_does_not_grow_with_the_offices(first_office):
    page = first_office.site.root_page
    sizes, queries = [], []
    for code in ("office-a", "office-b", "office-c", "office-d", "office-e", "office-f"):
        create_second_office(domain=f"{code}.example", code=code, name_th=f"ตำบล {code}", name_en=code)
        cache.clear()
        root_paths.for_page(page)  # built
        with CaptureQueriesContext(connection) as read:
            found = root_paths.for_page(page)
        queries.append(len(read))
        sizes.append(len(pickle.dumps(found)))
    assert queries == [0] * 6 and len(set(sizes)) == 1
    cache.clear()
    with CaptureQueriesContext(connection) as built:
        root_paths.for_page(page)
    assert len(built) <= 4  # the home page and its sites; the root's path has no page of a site


def test_a_changed_site_shows_at_once(first_office):
    second = create_second_office()
    home = second.site.root_page
    assert home.full_url == f"http://{SECOND_HOST}/th/"
    site = second.site
    site.hostname, site.port = "nongbua.go.th", 443
    site.save()
    home = Page.objects.get(pk=home.pk)
    assert home.full_url == "https://nongbua.go.th/th/"
    site.delete()
    assert Page.objects.get(pk=home.pk).full_url is None  # no site: not routable


def test_wagtail_still_uses_the_full_list_only_to_count_sites():
    """If a Wagtail upgrade reads `_get_site_root_paths` somewhere else, this replacement must be
    looked at again."""
    source = inspect.getsource(wagtail.models.pages)
    assert source.count("self._get_site_root_paths(") == 2
    assert (
        "num_sites = len(\n            {root_path[0] for root_path in self._get_site_root_paths(request)}"
        in source
    )
