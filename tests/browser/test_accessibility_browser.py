"""Every kind of public page of the demo, in Thai and English, at 1280 px and on a 360×640 phone:
no axe-core finding at all (best practice included), valid HTML by the Nu checker, the page's
heading on the phone's first screen, and Thai that never breaks inside a word, a date, an amount or
a phone number, nor slants.

Each page is loaded once: axe runs at 1280 px, then the window narrows to 360 px and the checks run
again on the same page. The server's HTML of every page goes to the Nu checker in one run at the end.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Error as PlaywrightError
from pythainlp.tokenize import word_tokenize

from documents import services as document_services
from documents.models import ServiceDocument
from eforms.models import EServicePage
from home.thai_text import LONGEST_UNBREAKABLE
from tests.browser.conftest import ROOT, accessibility_findings
from tests.casework.factories import make_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VNU_JAR = Path(
    os.environ.get("TAMBON_VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
)
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 360, "height": 640}

# One of each page type, in both languages (the journey's pages are added as the test walks it).
PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/about/",  # information page: contact cards under a section heading
    "/{lang}/one-stop-service/",  # a contact card straight after the page's heading
    "/{lang}/taxes-and-fees/",  # questions and answers, a table
    "/{lang}/news/",
    "/{lang}/news/garbage-fee-online/",
    "/{lang}/contact/",
    "/{lang}/services/",
    "/{lang}/services/food-shop-licence/",
    "/{lang}/tourism/",
    "/{lang}/tourism/wat-phra-that-doi-ngam/",
    "/{lang}/tourism/tea-harvest-festival/",
    "/{lang}/tourism/map/",
    "/{lang}/status/",
    "/{lang}/statistics/",  # tables of figures, a year to choose
    "/{lang}/no-such-page/",
    "/{lang}/verify-document/no-such-code/",  # the same page for every unknown or malformed code
]
SEARCHES = {"th": "ขยะ", "en": "garbage"}

# Where a line of Thai may break, the elements it is checked in, and what the phone must show.
TEXT_CHECKS = """() => {
  const thai = /[\\u0E00-\\u0E7F]/;
  const lines = (element) => {
    // Character offsets in textContent where a new line starts (Range boxes of each character).
    const breaks = []; const range = document.createRange(); let offset = 0; let top = null;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); offset += node.data.length) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const boxes = range.getClientRects();
        if (!boxes.length) continue;
        if (top !== null && boxes[0].top > top + 3) breaks.push(offset + i);
        if (top === null || boxes[0].top > top + 3) top = boxes[0].top;
      }
    }
    return breaks;
  };
  const probe = document.createElement('div');
  document.body.append(probe);
  const texts = [];
  for (const element of document.querySelectorAll(
      'h1, h2, h3, h4, button, label, legend, summary, th, dt, nav a, a.button, .shortcut, .brand__name')) {
    if (!element.getClientRects().length || !thai.test(element.textContent)) continue;
    // The same text without our word marks, in the same font and width: where would it break?
    const style = getComputedStyle(element);
    probe.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;white-space:normal;` +
      `width:${element.getBoundingClientRect().width}px;font:${style.font};letter-spacing:${style.letterSpacing}`;
    probe.textContent = element.textContent;
    texts.push({tag: element.tagName, text: element.textContent, breaks: lines(element), plain: lines(probe)});
  }
  probe.remove();
  const h1 = document.querySelector('h1');
  const slanted = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    if (thai.test(node.data) && node.parentElement.getClientRects().length
        && getComputedStyle(node.parentElement).fontStyle !== 'normal') slanted.push(node.data.trim());
  }
  return {
    texts,
    headingBottom: h1 ? h1.getClientRects()[0].top + parseFloat(getComputedStyle(h1).lineHeight) : null,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    split: [...document.querySelectorAll('.nobr, .tw, a[href^="tel:"]:not(:has(*))')]
      .filter((e) => e.getClientRects().length > 1).map((e) => e.textContent),
    styledMarks: [...document.querySelectorAll('.tw, .nobr')].filter((e) => {
      const style = getComputedStyle(e);  // a rule meant for another span (".menu span") caught them
      return style.display !== 'inline' || style.paddingLeft !== '0px' || style.borderLeftWidth !== '0px'
        || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    }).map((e) => e.textContent),
    flexWords: [...document.querySelectorAll('.tw')]
      .filter((e) => /flex|grid/.test(getComputedStyle(e.parentElement).display)).map((e) => e.textContent),
    slanted,
  };
}"""


def breaks_inside_words(text, breaks):
    """The line breaks that fall inside a Thai word (PyThaiNLP's words), as "word|part" strings."""
    bad, start = [], 0
    for word in word_tokenize(text, keep_whitespace=True):
        end = start + len(word)
        if re.search(r"[\u0E00-\u0E7F]", word) and len(word) <= LONGEST_UNBREAKABLE:
            bad += [f"{word[: b - start]}|{word[b - start :]}" for b in breaks if start < b < end]
        start = end
    return bad


class Audit:
    """Runs every check on the page as it is now, at both widths, and keeps the server's HTML."""

    def __init__(self, page, tmp_path):
        self.page, self.html_dir = page, tmp_path / "html"
        self.html_dir.mkdir()
        self.problems, self.checked, self.plain_bad_breaks = [], [], 0
        self.html = {}
        page.on("response", self._keep_html)

    def _keep_html(self, response):
        if response.request.resource_type == "document" and "text/html" in response.headers.get(
            "content-type", ""
        ):
            try:
                self.html[response.url] = response.text()
            except PlaywrightError:  # a redirect: its body is not kept
                pass

    def __call__(self, label):
        page = self.page
        page.set_viewport_size(WIDE)
        self._report(label, "1280", accessibility_findings(page))
        page.set_viewport_size(PHONE)
        self._report(label, "360", accessibility_findings(page))
        result = page.evaluate(TEXT_CHECKS)
        if result["headingBottom"] is None or result["headingBottom"] > PHONE["height"]:
            self._report(label, "360", f"the h1 ends at {result['headingBottom']} px, below the first screen")
        for key in ("split", "styledMarks", "flexWords", "slanted"):
            self._report(label, "360", result[key] and f"{key}: {result[key][:5]}")
        self._report(
            label, "360", result["overflow"] > 0 and f"{result['overflow']} px wider than the screen"
        )
        for item in result["texts"]:
            self._report(label, "360", breaks_inside_words(item["text"], item["breaks"]))
            self.plain_bad_breaks += len(breaks_inside_words(item["text"], item["plain"]))
        self.checked.append(label)
        html = self.html.get(page.url) or page.content()  # the server's HTML, else the page's
        (self.html_dir / f"{len(self.checked):02d}.html").write_text(html, encoding="utf-8")

    def _report(self, label, width, finding):
        if finding:
            self.problems.append(f"{label} at {width} px: {finding}")


def nu_errors(html_dir):
    """The Nu HTML checker's errors (and warnings) for every file, or None when it cannot run here."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        if os.environ.get("TAMBON_REQUIRE_BROWSER"):
            pytest.fail(f"the Nu HTML checker needs java and {VNU_JAR} (`make checkers`)")
        return None
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", *sorted(map(str, html_dir.iterdir()))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] != "info" or m.get("subType") == "warning"  # errors and warnings, not notes
    ]


FILL_THE_FORM = """() => {
  for (const field of document.querySelectorAll('main input, main select, main textarea')) {
    if (field.type === 'email') field.value = 'somchai@example.com';
    else if (['text', 'tel', 'number'].includes(field.type) || field.tagName === 'TEXTAREA') field.value ||= '12';
    else if (field.tagName === 'SELECT') field.selectedIndex = field.options.length - 1;
    else if (field.type === 'radio' && !document.querySelector(`input[name="${field.name}"]:checked`)) field.checked = true;
    else if (field.type === 'checkbox' && field.required) field.checked = true;
  }
}"""


def press_the_main_button(page):
    page.locator("main form button[type=submit]:not([name])").first.click()
    page.wait_for_load_state()


def walk_a_request_and_its_payment(page, base, audit):
    """The garbage fee in Thai: form, review, confirmation, code, payment, status, demo checkout.

    The form is filled whatever its questions are, as the demo's wording may change."""
    page.goto(f"{base}/th/services/garbage-fee/apply/")
    audit("wizard step (th)")
    for _step in range(6):
        if page.locator(".eforms-review").count():
            break
        page.evaluate(FILL_THE_FORM)
        press_the_main_button(page)
    audit("wizard review (th)")
    press_the_main_button(page)
    audit("confirmation (th)")
    reference = page.locator(".eforms-reference").inner_text()

    page.goto(f"{base}/th/verify/{reference}/?next=/th/payments/{reference}/")
    audit("code page (th)")
    press_the_main_button(page)
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE)[1]
    page.locator("input[name=code]").fill(code)
    press_the_main_button(page)
    audit("pay (th)")
    page.goto(f"{base}/en/payments/{reference}/")
    audit("pay (en)")
    for lang in ("th", "en"):
        page.goto(f"{base}/{lang}/status/{reference}/")
        audit(f"status ({lang})")
    page.goto(f"{base}/th/payments/{reference}/")
    press_the_main_button(page)
    audit("demo checkout (th)")
    press_the_main_button(page)  # the first choice: paid
    audit("paid (th)")


def issue_a_demo_licence() -> str:
    """A food shop licence issued from the demo's template (`load_demo` without its administrator
    approves none): its verification code."""
    service = EServicePage.objects.get(slug="food-shop-licence", locale__language_code="th")
    submission = make_submission(service, status="in_review", applicant_name="ร้านข้าวแกงป้าศรี")
    document = document_services.issue(submission, ServiceDocument.objects.get(service=service))
    return document.verification_code


def test_public_pages_have_no_accessibility_finding_and_valid_html(
    live_server, chromium, settings, tmp_path, demo_site
):
    settings.TAMBON_TYPESET = True  # the real pages' markup (the test settings turn it off)
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""  # the demo checkout, on purpose
    settings.PAYMENTS_DEMO = True
    context = chromium.new_context(viewport=WIDE, locale="th-TH")
    page = context.new_page()
    audit = Audit(page, tmp_path)
    base = live_server.url

    for lang in ("th", "en"):
        for path in PAGE_TYPES:
            page.goto(base + path.format(lang=lang))
            audit(path.format(lang=lang))
        page.goto(f"{base}/{lang}/search/?query={SEARCHES[lang]}")
        audit(f"search ({lang})")
    code = issue_a_demo_licence()
    for lang in ("th", "en"):
        page.goto(f"{base}/{lang}/verify-document/{code}/")
        audit(f"document verification ({lang})")
    page.goto(f"{base}/en/services/garbage-fee/apply/")
    audit("wizard step (en)")
    walk_a_request_and_its_payment(page, base, audit)

    # The menu, behind its button on a phone, opens without script and holds the search.
    page.goto(f"{base}/th/")
    menu = page.get_by_role("navigation", name="เมนูหลัก")
    assert not menu.is_visible()
    page.get_by_text("เมนู", exact=True).click()
    assert menu.is_visible() and page.get_by_role("searchbox", name="ค้นหาในเว็บไซต์").is_visible()
    context.close()

    assert audit.problems == []
    assert len(audit.checked) == 2 * (len(PAGE_TYPES) + 1) + 13  # + 2 document verification pages
    # Without the word marks the same texts do break inside words: the check above can fail.
    assert audit.plain_bad_breaks > 0
    errors = nu_errors(audit.html_dir)
    errors = errors and [f"{audit.checked[int(e[:2]) - 1]}: {e[8:]}" for e in errors]  # "01.html:12: …"
    if errors is None:
        pytest.skip("the Nu HTML checker needs java and node_modules (`make checkers`); axe found nothing")
    assert errors == []
