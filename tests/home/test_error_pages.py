"""Every error page is the site's own, in the visitor's language: Thai on /th/…, English on /en/…."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db

THAI, ENGLISH = "th", "en"
HEADINGS = {
    400: {THAI: "ไม่สามารถดำเนินการตามคำขอของท่านได้", ENGLISH: "Your request could not be handled"},
    403: {THAI: "ท่านไม่มีสิทธิ์เปิดหน้านี้", ENGLISH: "You cannot open this page"},
    "csrf": {THAI: "แบบฟอร์มนี้หมดอายุแล้ว", ENGLISH: "This form has expired"},
    500: {THAI: "ขออภัย ระบบขัดข้องชั่วคราว", ENGLISH: "Sorry, something went wrong"},
}


@pytest.fixture
def failing(settings, site_pages):
    settings.ROOT_URLCONF = "tests.home.failing_urls"
    return Client(raise_request_exception=False)


def in_layout(response, language):
    return f'<html lang="{language}">' in response.text and 'class="site-header"' in response.text


@pytest.mark.parametrize(("language", "heading"), [("th", "ไม่พบหน้าที่ต้องการ"), ("en", "Page not found")])
def test_missing_page_gets_a_styled_404_in_the_visitors_language(client, site_pages, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert heading in response.text
    assert f'<html lang="{language}">' in response.text
    assert 'class="site-header"' in response.text  # the site's own layout, not a bare error


@pytest.mark.parametrize("language", [THAI, ENGLISH])
def test_bad_request_forbidden_and_an_expired_form_get_the_sites_page_in_the_visitors_language(
    failing, language
):
    other = ENGLISH if language == THAI else THAI
    bad = failing.get(f"/{language}/bad/")
    forbidden = failing.get(f"/{language}/forbidden/")
    csrf_client = Client(enforce_csrf_checks=True)
    expired = csrf_client.post(f"/{language}/form/", {"name": "สมชาย"})
    for response, kind, status in [(bad, 400, 400), (forbidden, 403, 403), (expired, "csrf", 403)]:
        assert response.status_code == status
        assert in_layout(response, language), kind
        assert HEADINGS[kind][language] in response.text and HEADINGS[kind][other] not in response.text
    assert "Bad Request" not in bad.text and "CSRF" not in expired.text


@pytest.mark.parametrize("language", [THAI, ENGLISH])
def test_the_server_error_page_is_in_the_visitors_language_and_needs_no_database(failing, language):
    other = ENGLISH if language == THAI else THAI

    def database_down(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(database_down):
        response = failing.get(f"/{language}/boom/")
    assert response.status_code == 500
    assert f'<html lang="{language}">' in response.text
    assert HEADINGS[500][language] in response.text and HEADINGS[500][other] not in response.text


def test_the_server_error_page_without_a_language_in_the_address_is_in_both_thai_first(failing):
    response = failing.get("/boom/")
    assert response.status_code == 500
    assert '<html lang="th">' in response.text
    assert response.text.index(HEADINGS[500][THAI]) < response.text.index(HEADINGS[500][ENGLISH])


def test_a_bad_request_while_the_database_is_down_still_gets_a_page_in_the_visitors_language(failing):
    def database_down(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(database_down):
        response = failing.get("/en/bad/")
    assert response.status_code == 400
    assert '<html lang="en">' in response.text and HEADINGS[400][ENGLISH] in response.text
    assert 'class="site-header"' not in response.text  # the plain layout: the header needs the database
