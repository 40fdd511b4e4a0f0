import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site

from documents.models import IssuedDocument
from home.models import HomePage, InformationPage, NewsIndexPage, NewsItemPage, OrganisationSettings
from tests.home.factories import add_information_page, add_news
from tests.tourism.conftest import make_attraction
from tourism.models import TourismIndexPage

# Real commits: wagtail-localize publishes each translation when its transaction commits.
# serialized_rollback restores what the migrations created (locales, groups, root page) first.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def count_by_language():
    return {
        code: Page.objects.filter(locale__language_code=code, depth__gt=1).count() for code in ("th", "en")
    }


def load_demo(*args):
    """Run `load_demo`; what it printed, and the lines that count what each app made ready."""
    out, err = io.StringIO(), io.StringIO()
    call_command("load_demo", *args, stdout=out, stderr=err)
    counts = [line for line in out.getvalue().splitlines() if " ready: " in line]
    return out.getvalue() + err.getvalue(), counts


def add_staff_pages():
    """Pages an editor adds beside the demo's (Thai only, words the demo's word list does not have)."""
    home = HomePage.objects.get(
        locale__language_code="th", slug="home"
    )  # Doi Ngam's, not the second office's
    news = NewsIndexPage.objects.child_of(home).get()
    tourism = TourismIndexPage.objects.get(locale__language_code="th")
    pages = [
        add_information_page(home, "ประกาศรับสมัครพนักงานจ้าง", "jobs", introduction="รับสมัครถึงสิ้นเดือน"),
        add_news(news, "ประชุมสภาเทศบาลสมัยสามัญ", "council-meeting", summary="วาระการประชุม"),
        make_attraction(tourism, "น้ำตกที่เจ้าหน้าที่เพิ่ม"),
    ]
    return {page.pk: (page.title, page.latest_revision_id) for page in pages}


def test_demo_builds_a_bilingual_municipality_and_can_run_again_beside_staff_pages(client, settings):
    settings.DEBUG = False
    printed, first_counts = load_demo("--demo-admin", "--port", "8123")
    assert "Refusing to create a demo administrator" in printed  # a known password only in development
    assert not get_user_model().objects.filter(username="admin").exists()
    first = count_by_language()
    assert first["th"] == first["en"] >= 16
    assert InformationPage.objects.filter(locale__language_code="th").count() >= 6
    assert NewsItemPage.objects.filter(locale__language_code="th").count() >= 8
    assert all(organisation.is_demo for organisation in OrganisationSettings.objects.all())
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8123"  # links in the demo's emails reach the running server

    # An editor adds pages in Thai; `make run` again must neither translate, change nor count them.
    staff_pages = add_staff_pages()
    settings.DEBUG = True
    printed, second_counts = load_demo("--demo-admin", "--port", "8124")
    settings.DEBUG = False
    assert len(first_counts) == 5 and second_counts == first_counts
    assert "Admin: http://127.0.0.1:8124/admin/" in printed
    assert (
        "Doi Ngam Subdistrict Municipality: http://127.0.0.1:8124/  ·  "
        "Huai Nam Sai Subdistrict Administrative Organisation: http://huainamsai.localhost:8124/"
    ) in printed
    assert count_by_language() == {"th": first["th"] + 3, "en": first["en"]}
    for pk, (title, revision) in staff_pages.items():
        page = Page.objects.get(pk=pk)
        assert (page.title, page.latest_revision_id, page.live) == (title, revision, True)
        assert not page.get_translations().exists()
    assert HomePage.objects.count() == 4  # two offices, each in Thai and English
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8124"
    # With its administrator the demo approves three licences of a year ago: one ended, two end soon.
    today = timezone.localdate()
    ends = sorted((d.valid_until - today).days for d in IssuedDocument.objects.filter(renews=None))
    assert ends == [-5, 12, 45]

    thai = client.get("/th/")
    english = client.get("/en/")
    assert "เทศบาลตำบลดอยงาม" in thai.text
    assert "Doi Ngam Subdistrict Municipality" in english.text
    assert "เว็บไซต์สาธิต" in thai.text  # labelled as a demo
    assert client.get("/en/news/").status_code == 200
    news = client.get("/th/news/").text
    assert "พฤศจิกายน 2569" in news  # Buddhist Era dates on Thai pages
    about = client.get("/en/about/").text
    assert "Population by village" in about  # table cells are translated too
    assert client.get("/th/search/", {"query": "ขยะ"}).context["results_page"].paginator.count >= 2

    # The second office: its own address, name, catalogue and staff groups, none of Doi Ngam's.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "huainamsai.localhost"]
    small = client.get("/th/", HTTP_HOST="huainamsai.localhost:8124").text
    assert "องค์การบริหารส่วนตำบลห้วยน้ำใส" in small and "053-765-432" in small
    assert "เทศบาลตำบลดอยงาม" not in small and "053-123-456" not in small
    assert "Huai Nam Sai Subdistrict" in client.get("/en/", HTTP_HOST="huainamsai.localhost:8124").text
    assert "Huai Nam Sai Subdistrict" not in client.get("/en/", HTTP_HOST="127.0.0.1:8124").text
    services = client.get("/th/services/", HTTP_HOST="huainamsai.localhost:8124").text
    assert "ชำระค่าธรรมเนียมเก็บขยะมูลฝอย" in services and "ร้องเรียน ร้องทุกข์" in services
    assert "ขออนุญาตก่อสร้างอาคาร" not in services
    assert "ขออนุญาตก่อสร้างอาคาร" in client.get("/th/services/", HTTP_HOST="127.0.0.1:8124").text
    assert "Garbage is collected" in client.get("/en/news/", HTTP_HOST="huainamsai.localhost:8124").text
    assert Group.objects.filter(name__startswith="huainamsai: ").count() == 4
    # Its administrator (development only, printed with the demo's password) administers it alone.
    assert "user: huainamsai-admin" in printed
    office_admin = get_user_model().objects.get(username="huainamsai-admin")
    assert list(office_admin.groups.values_list("name", flat=True)) == ["huainamsai: ผู้ดูแลระบบ"]
