"""The page cache: anonymous visitors share stored pages; nobody gets a page meant for someone else; an
editor's change shows at once."""

import datetime
import http.server
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from wagtail.models import Page, Site

from home import page_cache
from home.models import HomePage, OrganisationSettings
from tests.home.factories import add_information_page, add_news, add_news_index
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def organisation(thai_home):
    """Every site has its settings (the first page view would make them, a change that counts)."""
    return OrganisationSettings.objects.create(site=Site.objects.get(), name_th="เทศบาลเดิม")


def get(client, url, **extra):
    """(response, number of queries)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, len(captured)


def served_from_cache(client, url, **extra):
    response, queries = get(client, url, **extra)
    return response.get(page_cache.HIT_HEADER) == "hit" and queries == 0


def test_second_anonymous_visit_is_served_from_the_cache_with_headers_for_a_cdn(client, thai_home):
    first, queries = get(client, "/th/")
    assert first.status_code == 200 and queries > 0
    second, queries = get(client, "/th/")
    assert queries == 0 and second[page_cache.HIT_HEADER] == "hit"
    assert second.content == first.content
    for response in (first, second):
        assert "Cookie" not in response.get("Vary", "")
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=60"
        assert not response.cookies
        assert "Content-Security-Policy" in response  # added above the cache, on hits too
    head = client.head("/th/")
    assert head[page_cache.HIT_HEADER] == "hit" and head.content == b""


def test_a_signed_in_user_never_gets_the_stored_page_and_their_page_is_private(
    client, thai_home, communications_user
):
    client.get("/th/")
    assert served_from_cache(client, "/th/")
    client.force_login(communications_user)
    response, queries = get(client, "/th/")
    assert queries > 0 and page_cache.HIT_HEADER not in response
    assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]
    client.logout()
    client.cookies.clear()
    assert served_from_cache(client, "/th/")


def test_any_session_or_pending_message_bypasses_the_cache(client, thai_home):
    client.get("/th/")
    client.cookies["sessionid"] = "whatever"
    response, queries = get(client, "/th/")
    assert page_cache.HIT_HEADER not in response and queries > 0
    client.cookies.clear()
    client.cookies["messages"] = "x"
    assert not served_from_cache(client, "/th/")
    client.cookies.clear()
    assert served_from_cache(client, "/th/")


def test_publishing_unpublishing_moving_and_deleting_refresh_the_stored_pages(client, thai_home):
    news = add_news_index(thai_home)
    item = add_news(news, "ข่าวเดิม", "item")
    page = add_information_page(thai_home, "เกี่ยวกับเรา", "about")
    for url in ("/th/", "/th/news/", "/th/about/"):
        client.get(url)
        assert served_from_cache(client, url)

    item.title = "ข่าวใหม่"
    item.save_revision().publish()
    assert "ข่าวใหม่" in client.get("/th/").text  # the home page lists the news
    assert "ข่าวใหม่" in client.get("/th/news/").text

    page.unpublish()
    assert client.get("/th/about/").status_code == 404
    page.save_revision().publish()
    assert client.get("/th/about/").status_code == 200

    page.move(news, pos="last-child")
    assert client.get("/th/about/")["Location"] == "/th/news/about/"  # Wagtail's automatic redirect
    assert client.get("/th/news/about/").status_code == 200

    Page.objects.get(pk=item.pk).delete()
    assert "ข่าวใหม่" not in client.get("/th/news/").text


def test_organisation_settings_and_menus_refresh_the_stored_pages(
    client, thai_home, organisation, django_capture_on_commit_callbacks
):
    settings = organisation
    client.get("/th/")
    assert "เทศบาลเดิม" in client.get("/th/").text
    target = add_information_page(thai_home, "ภาษีป้าย", "signboard-tax")
    client.get("/th/")
    assert served_from_cache(client, "/th/")
    with django_capture_on_commit_callbacks(execute=True):
        settings.name_th = "เทศบาลใหม่"
        settings.header_menu_items.create(link_page=target, label_th="เมนูใหม่", sort_order=0)
        settings.save()
    html = client.get("/th/").text
    assert "เทศบาลใหม่" in html and "เมนูใหม่" in html


def test_each_language_and_each_site_has_its_own_entry(client, thai_home, english_home):
    assert 'lang="th"' in client.get("/th/").text
    assert 'lang="en"' in client.get("/en/").text
    assert served_from_cache(client, "/th/") and served_from_cache(client, "/en/")
    assert 'lang="en"' in client.get("/en/").text

    other = HomePage(title="อบต.อื่น", slug="other", locale=thai_home.locale, hero_title="อีกแห่ง")
    Page.get_first_root_node().add_child(instance=other)
    other.save_revision().publish()
    site = Site.objects.create(hostname="other.example", port=80, root_page=other, site_name="Other")
    OrganisationSettings.objects.create(site=site, name_th="อบต.อื่น")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.ALLOWED_HOSTS", ["testserver", "other.example"])
        response = client.get("/th/", HTTP_HOST="other.example")
        assert (
            "อีกแห่ง" in response.text
            and page_cache.HIT_HEADER not in response
            or response[page_cache.HIT_HEADER] == "miss"
        )
        assert served_from_cache(client, "/th/", HTTP_HOST="other.example")
        assert "ยินดีต้อนรับ" in client.get("/th/").text


def test_filters_share_entries_only_when_they_show_the_same(client, thai_home):
    news = add_news_index(thai_home)
    add_news(news, "รับสมัครงาน", "announcement", kind="announcement")
    add_news(news, "น้ำท่วม", "news-item", kind="news")
    only_news = client.get("/th/news/?kind=news").text
    assert "น้ำท่วม" in only_news and "รับสมัครงาน" not in only_news
    assert served_from_cache(client, "/th/news/?kind=news")
    assert not served_from_cache(client, "/th/news/?kind=announcement")
    assert "รับสมัครงาน" in client.get("/th/news/?kind=announcement").text
    # Tracking parameters from shared links leave the page as it is.
    assert served_from_cache(client, "/th/news/?utm_source=line&kind=news&fbclid=abc")
    # Parameters the page does not read are rendered, never stored: random queries cannot fill the cache.
    client.get("/th/news/?anything=1")
    assert not served_from_cache(client, "/th/news/?anything=1")


def test_a_404_is_not_stored(client, thai_home):
    assert client.get("/th/later/").status_code == 404
    response, queries = get(client, "/th/later/")
    assert response.status_code == 404 and page_cache.HIT_HEADER not in response and queries > 0
    assert "public" not in response.get("Cache-Control", "")
    add_information_page(thai_home, "ภายหลัง", "later")
    assert client.get("/th/later/").status_code == 200


def test_pages_with_personal_data_or_a_form_are_never_stored(client, service):
    # The e-service's own page (its citizen's manual) is the same for everyone: stored.
    client.get(service.url)
    assert served_from_cache(client, service.url)
    # Its form carries a CSRF token and starts a session: rendered for each citizen, private.
    response = client.get(service.url + "apply/")
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.text
    assert page_cache.HIT_HEADER not in response and "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    client.cookies.clear()
    assert page_cache.HIT_HEADER not in client.get(service.url + "apply/")
    # Search results (any words), the status page: never stored.
    for url in ("/th/search/?query=ขยะ", "/th/status/"):
        client.get(url)
        assert not served_from_cache(client, url)


def test_time_dependent_pages_live_short_and_nothing_outlives_midnight(thai_home):
    with freeze_time(datetime.datetime(2026, 11, 27, 5, 0, tzinfo=datetime.UTC)):  # noon in Bangkok
        assert page_cache.entry_lifetime(TourismIndexPage()) == 60
        assert page_cache.entry_lifetime(HomePage()) == 300
    with freeze_time(datetime.datetime(2026, 11, 27, 16, 59, 30, tzinfo=datetime.UTC)):  # 23:59:30 in Bangkok
        assert page_cache.entry_lifetime(HomePage()) == 30


@pytest.fixture
def purge_server():
    """A CDN's purge endpoint on loopback (Varnish-style HTTP PURGE), recording the paths purged."""
    purged = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 — the HTTP method's name
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", purged
    server.shutdown()


def test_a_cdn_is_told_to_purge_the_listings_and_home_pages_of_a_published_page(thai_home, purge_server):
    location, purged = purge_server
    news = add_news_index(thai_home)
    item = add_news(news, "ข่าว", "item")
    backend = {
        "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
    }
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        item.save_revision().publish()
    assert {"/th/news/", "/th/"} <= set(purged)


def test_a_workers_own_copies_follow_changes_from_this_worker_at_once_and_from_others_soon(client, thai_home):
    page = add_information_page(thai_home, "เกี่ยวกับเรา", "about")
    with override_settings(TAMBON_PAGE_CACHE_LOCAL_SECONDS=2), freeze_time("2026-11-27 03:00:00") as clock:
        page_cache.local_copies.clear()
        client.get("/th/about/")
        cache.delete(page_cache.request_key(RequestFactory().get("/th/about/")))
        assert served_from_cache(client, "/th/about/")  # from this worker's memory: Redis lost it
        page.title = "เกี่ยวกับเทศบาล"
        page.save_revision().publish()  # through this worker: seen at once
        assert "เกี่ยวกับเทศบาล" in client.get("/th/about/").text
        assert served_from_cache(client, "/th/about/")
        cache.set(page_cache.GENERATION_KEY, "changed-by-another-worker")
        assert served_from_cache(client, "/th/about/")  # still trusted for up to 2 seconds
        clock.tick(3)
        assert not served_from_cache(client, "/th/about/")
    page_cache.local_copies.clear()
