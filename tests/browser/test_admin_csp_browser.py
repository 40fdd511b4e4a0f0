"""The admin works under the Content-Security-Policy: no script or style refused on the busiest screens."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from home.models import InformationPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def watch_csp(page):
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    return violations


def test_page_editor_and_translation_editor_run_without_csp_violations(
    live_server, browser_page, django_user_model
):
    call_command("load_demo")
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-test-password")
    page = browser_page
    violations = watch_csp(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").or_(page.get_by_label("ชื่อผู้ใช้")).first.fill("editor")
    page.locator("input[name=password]").fill("a-long-test-password")
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    about = InformationPage.objects.get(slug="about", locale__language_code="th")
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The StreamField editor is drawn by Wagtail's scripts: if they were blocked it would be empty.
    assert page.locator("[data-contentpath='body']").count() >= 1
    assert (
        page.locator("[data-streamfield-stream-container]").count() >= 1
        or page.locator(".w-stream").count() >= 1
    )

    english = about.get_translation(Locale.objects.get(language_code="en"))
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # wagtail-localize's React editor renders into this element only if its scripts ran.
    assert page.locator(".js-translation-editor > *").count() >= 1

    page.goto(f"{live_server.url}/admin/images/")
    page.wait_for_load_state("networkidle")
    assert violations == []
