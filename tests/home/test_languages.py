import re

import pytest

from tests.home.factories import add_information_page, translate

pytestmark = pytest.mark.django_db


def test_root_redirects_to_thai_by_default(client, site_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/th/"


def test_root_redirects_to_english_for_a_browser_that_asks_for_english(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_root_redirects_to_thai_for_a_language_we_do_not_have(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Location"] == "/th/"


def test_both_home_pages_serve_in_their_language(client, site_pages):
    thai = client.get("/th/")
    english = client.get("/en/")
    assert thai.status_code == english.status_code == 200
    assert '<html lang="th">' in thai.text
    assert '<html lang="en">' in english.text
    assert "ข้ามไปยังเนื้อหาหลัก" in thai.text  # the interface itself is translated
    assert "Skip to main content" in english.text
    assert "ยินดีต้อนรับ" in thai.text
    assert "Welcome" in english.text


def test_language_switch_leads_to_the_same_page_in_the_other_language(client, thai_home, english):
    page = add_information_page(thai_home, "การเก็บขยะ", "waste")
    translate(page, english, title="Waste collection")
    response = client.get("/th/waste/")
    switch = re.search(r'<nav class="language-switch".*?</nav>', response.text, re.S).group(0)
    assert 'href="/en/waste/"' in switch
    assert client.get("/en/waste/").status_code == 200


def test_hreflang_alternates_name_both_versions(client, thai_home, english):
    page = add_information_page(thai_home, "การเก็บขยะ", "waste")
    translate(page, english, title="Waste collection")
    html = client.get("/en/waste/").text
    assert re.search(r'<link rel="alternate" hreflang="th" href="http://testserver/th/waste/">', html)
    assert re.search(r'<link rel="alternate" hreflang="en" href="http://testserver/en/waste/">', html)


def test_switch_on_an_untranslated_page_leads_to_the_other_home_page(client, thai_home):
    add_information_page(thai_home, "หน้าที่ยังไม่แปล", "thai-only")
    html = client.get("/th/thai-only/").text
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    assert 'href="/en/"' in switch


def test_switch_on_the_search_page_keeps_the_query(client, site_pages):
    html = client.get("/th/search/", {"query": "garbage"}).text
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    assert 'href="/en/search/?query=garbage"' in switch
