"""The admin works under the Content-Security-Policy: no script or style refused on the busiest screens,
wagtail-localize's "select all" on its Translate page included. The translation editor, drawn by React
from the JavaScript catalogues, reads in Thai; the dashboard's counts are readable and easy to tap."""

import json
import re

import pytest
from wagtail.models import Locale

from home.models import InformationPage
from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Latin words the Thai translation editor may show: the PO file format it offers for offline work.
ALLOWED_IN_EDITOR = {"PO"}
EDITOR_TEXT = """() => {
  const editor = document.querySelector('.js-translation-editor');
  const parts = [editor.innerText];
  for (const element of editor.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder']) {
      if (element.getAttribute(name)) parts.push(element.getAttribute(name));
    }
  }
  return parts.join('\\n');
}"""


def content_words(page):
    """The words of the English page's own content, which the editor shows beside the Thai."""
    fields = [page.title, page.seo_title, page.search_description, getattr(page, "introduction", "")]
    fields.append(json.dumps(page.body.get_prep_value(), ensure_ascii=False))
    return set(re.findall(r"[A-Za-z]{2,}", " ".join(fields)))


def watch_csp(page):
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message.text),
    )
    return violations


def test_page_editor_and_translation_editor_run_without_csp_violations(
    live_server, browser_page, django_user_model, demo_site
):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-test-password")
    page = browser_page
    violations = watch_csp(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").or_(page.get_by_label("ชื่อผู้ใช้")).first.fill("editor")
    page.locator("input[name=password]").fill("a-long-test-password")
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # The dashboard's counts: "3 งาน…" with a space, each link a tap target of at least 24 px.
    counts = page.locator(".inbox-dashboard li a")
    assert counts.count() >= 4
    for link in counts.all():
        assert re.fullmatch(r"\d+ \S.*", " ".join(link.text_content().split()))
        box = link.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
    save_screenshot(page, "admin-dashboard-th")

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
    text = page.evaluate(EDITOR_TEXT)
    assert "แปลจากภาษาไทยเป็นภาษาอังกฤษ" in text and "เผยแพร่เป็นภาษาอังกฤษ" in text
    words = set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED_IN_EDITOR
    assert words - content_words(english.specific) == set()
    save_screenshot(page, "admin-translation-editor-th")

    # The Translate page with two languages still to translate into: "select all" ticks both.
    for code in ("my", "km"):  # an office serving Burmese and Khmer speakers adds their languages
        Locale.objects.create(language_code=code)
    page.goto(f"{live_server.url}/admin/localize/submit/page/{about.pk}/")
    page.wait_for_load_state("networkidle")
    select_all = page.locator("input[type=checkbox][name=select_all]")
    locales = page.locator("input[type=checkbox][name=locales]")
    assert locales.count() == 2
    select_all.check()
    assert all(box.is_checked() for box in locales.all())
    save_screenshot(page, "admin-translate-select-all")
    select_all.uncheck()
    assert not any(box.is_checked() for box in locales.all())

    page.goto(f"{live_server.url}/admin/images/")
    page.wait_for_load_state("networkidle")
    assert violations == []
