import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "heading"), [("th", "ไม่พบหน้าที่ต้องการ"), ("en", "Page not found")])
def test_missing_page_gets_a_styled_404_in_the_visitors_language(client, site_pages, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert heading in response.text
    assert f'<html lang="{language}">' in response.text
    assert 'class="site-header"' in response.text  # the site's own layout, not a bare error


def test_server_error_page_is_bilingual_and_needs_no_database(settings, site_pages):
    settings.ROOT_URLCONF = "tests.home.failing_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in response.text
    assert "Sorry, something went wrong" in response.text
