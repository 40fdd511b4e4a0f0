import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage, InformationPage, NewsItemPage, OrganisationSettings

# Real commits: wagtail-localize publishes each translation when its transaction commits.
# serialized_rollback restores what the migrations created (locales, groups, root page) first.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def count_by_language():
    return {
        code: Page.objects.filter(locale__language_code=code, depth__gt=1).count() for code in ("th", "en")
    }


def test_demo_builds_a_bilingual_municipality_and_can_run_twice(client):
    call_command("load_demo")
    first = count_by_language()
    assert first["th"] == first["en"] >= 16
    assert InformationPage.objects.filter(locale__language_code="th").count() >= 6
    assert NewsItemPage.objects.filter(locale__language_code="th").count() >= 8
    assert OrganisationSettings.objects.get().is_demo

    call_command("load_demo")
    assert count_by_language() == first
    assert HomePage.objects.count() == 2

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


def test_demo_admin_is_only_created_in_development(settings):
    settings.DEBUG = False
    call_command("load_demo", "--demo-admin")
    assert not get_user_model().objects.filter(username="admin").exists()
