"""Every page a citizen meets, read in Chromium: no English word on a Thai page, no Thai on an English one.

One walk over a small town built with the test builders: home, information, news, search, the
catalogue, a service's manual, each step of its form (with an error), the review, the confirmation,
the status lookup, the one-time-code page (sent, wrong code), the status page with an officer's
question, the payment pages (choice, PromptPay QR, demo checkout, paid, cancelled), the receipt PDF,
tourism and the 404 page. The visible text is read (with alt, title, aria-label and placeholder
texts). Then the same walk in English, with the content translated, for Thai leaking the other way.

What is allowed is listed below, each for a reason; anything else is a string that lacks a
translation (or a literal that was never marked for translation).
"""

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from casework import workflow
from casework.models import ServiceHandler, Submission
from eforms.models import EFormField, EServicePage
from home.groups import PERMIT_OFFICERS
from home.models import OrganisationSettings
from tests.conftest import build_thai_home, publish_translation
from tests.eforms.factories import PDF_BYTES, VALID_ID, add_catalogue, field, make_service
from tests.home.factories import add_information_page, add_news, add_news_index
from tests.payments.conftest import enable_providers, make_garbage_service
from tests.tourism.conftest import make_attraction, make_event, make_image
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-test-password"
EMAIL = "somchai@example.com"
OFFICER_QUESTION = "กรุณาส่งสำเนาโฉนดที่ดินแปลงที่จะก่อสร้าง"

# Latin-script words a Thai page may show, and why.
ALLOWED_ON_THAI_PAGES = {
    "English",  # the language switch names the other language in that language
    "LINE",  # brand names, written so in Thai too
    "Facebook",
    "PromptPay",
    "Stripe",
    "PDF",  # file formats, as Thai readers see them on the file
    "JPG",
    "JPEG",
    "PNG",
    "Leaflet",  # the map's credits, which the licences require
    "OpenStreetMap",
}
# Codes of the Thai QR payment standard, shown in Latin by every Thai banking app.
ALLOWED_PHRASES_ON_THAI_PAGES = re.compile(r"\(Biller ID\)|\bRef[12]\b")
# Thai an English page may show, and why.
ALLOWED_ON_ENGLISH_PAGES = {"ไทย"}  # the language switch names Thai in Thai
# A Thai office's receipt is titled in both languages and states the amount in Thai words.
RECEIPT_THAI = {"ใบเสร็จรับเงิน"}
AMOUNT_IN_THAI_WORDS = re.compile(r"[\u0e00-\u0e7f]+(?:บาทถ้วน|สตางค์)")
# URLs, email addresses, reference and receipt numbers, file names: data, not words.
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Z]{2,4}-\d{2}-\d{6}\b|\b[A-Z]{2,4}\d{8}\b"
    r"|\b[\w-]+\.(?:pdf|png|jpe?g|csv)\b|\b(?=[a-z]*_)\w+\b",
    re.IGNORECASE,
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+(?:\s+[\u0e00-\u0e7f]+)*")

VISIBLE_TEXT = """() => {
  const parts = [document.title, document.body.innerText];
  const attributes = ['placeholder', 'aria-label', 'alt', 'title'];
  for (const element of document.querySelectorAll('[placeholder], [aria-label], [alt], [title]')) {
    for (const name of attributes) { if (element.getAttribute(name)) parts.push(element.getAttribute(name)); }
  }
  for (const element of document.querySelectorAll('input[type=submit], input[type=button]')) parts.push(element.value);
  return parts.join('\\n');
}"""


def english_words(text):
    found = {}
    for line in text.splitlines():
        for word in LATIN_WORD.findall(NOT_WORDS.sub(" ", ALLOWED_PHRASES_ON_THAI_PAGES.sub(" ", line))):
            if word not in ALLOWED_ON_THAI_PAGES:
                found.setdefault(word, line.strip()[:160])
    return found


def thai_words(text, allowed, receipt=False):
    found = {}
    for line in text.splitlines():
        for run in THAI_RUN.findall(line):
            if run not in allowed and not (receipt and AMOUNT_IN_THAI_WORDS.fullmatch(run)):
                found.setdefault(run, line.strip()[:160])
    return found


class Reader:
    """Reads each page it is shown and remembers the words in the wrong language."""

    def __init__(self, page, language, allowed_thai=()):
        self.page, self.language, self.allowed_thai = page, language, set(allowed_thai)
        self.problems = {}
        self.seen = []

    def read(self, name):
        self.page.wait_for_load_state()
        assert self.page.locator("html").get_attribute("lang") == self.language, name
        text = self.page.evaluate(VISIBLE_TEXT)
        self.check_text(name, text)

    def check_text(self, name, text, receipt=False):
        self.seen.append(name)
        if self.language == "th":
            wrong = english_words(text)
        else:
            wrong = thai_words(text, self.allowed_thai | (RECEIPT_THAI if receipt else set()), receipt)
        if wrong:
            self.problems[name] = wrong

    def report(self):
        return "\n".join(
            f"{name}: " + "; ".join(f"{word!r} in «{line}»" for word, line in words.items())
            for name, words in self.problems.items()
        )


# The town ------------------------------------------------------------------------------------------------
def manual_fields():
    return {
        "introduction": "สำหรับผู้ที่ต้องการก่อสร้างหรือดัดแปลงอาคาร",
        "legal_basis": "พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522",
        "procedure_steps": "ยื่นคำขอ\nเจ้าหน้าที่ตรวจสอบ\nแจ้งผล",
        "documents_required": "สำเนาบัตรประชาชน\nสำเนาโฉนดที่ดิน",
        "responsible_division": "กองช่าง",
        "contact_phone": "053-123-456",
        "contact_email": "permits@example.go.th",
        "confirmation_text": "เจ้าหน้าที่จะตรวจสอบคำขอและแจ้งผลทางอีเมล",
    }


def permit_fields():
    return [
        field("full_name", "singleline", "ชื่อ-นามสกุล"),
        field("national_id", "national_id", "เลขประจำตัวประชาชน", help_text="13 หลัก ไม่ต้องเว้นวรรค"),
        field("email", "email", "อีเมล"),
        field("phone", "phone", "โทรศัพท์", required=False),
        field("details_step", "step", "รายละเอียดคำขอ"),
        field("applicant_type", "radio", "ยื่นในนาม", choices="บุคคลธรรมดา\nนิติบุคคล"),
        field(
            "company_name",
            "singleline",
            "ชื่อนิติบุคคล",
            condition_field="applicant_type",
            condition_value="นิติบุคคล",
        ),
        field("address", "thai_address", "ที่ตั้งอาคาร"),
        field("visit_date", "date", "วันที่สะดวกให้เจ้าหน้าที่ตรวจสถานที่", required=False),
        field("documents_step", "step", "เอกสารประกอบ"),
        field("deed_copy", "file", "สำเนาโฉนดที่ดิน", max_files=2),
        field("consent", "consent", "ข้าพเจ้ายินยอมให้ใช้ข้อมูลเพื่อการพิจารณาคำขอ"),
    ]


def build_town():
    """The smallest site that has every kind of citizen page, in Thai, and its English translation."""
    english = Locale.objects.get(language_code="en")
    home = build_thai_home()
    org = OrganisationSettings.for_site(home.get_site())
    org.name_th, org.name_en = "เทศบาลตำบลดอยงาม", "Doi Ngam Subdistrict Municipality"
    org.address_th, org.address_en = "99 หมู่ 1 ตำบลดอยงาม", "99 Moo 1, Doi Ngam"
    org.phone, org.email = "053-123-499", "saraban@example.go.th"
    org.opening_hours_th, org.opening_hours_en = "จันทร์–ศุกร์ 08:30–16:30", "Mon–Fri 8.30–16.30"
    org.line_url, org.facebook_url = "https://line.me/R/ti/p/@doingam", "https://www.facebook.com/doingam"
    org.save()
    org.emergency_numbers.create(label_th="เหตุด่วนเหตุร้าย", label_en="Police", number="191")
    publish_translation(home, english, title="Doi Ngam", hero_title="Welcome")

    document = get_document_model()(title="แบบคำขออนุญาต")
    document.file.save("form.pdf", ContentFile(PDF_BYTES), save=True)
    image = make_image("สำนักงาน")
    about = add_information_page(
        home,
        "เกี่ยวกับเรา",
        "about",
        introduction="ข้อมูลทั่วไปของเทศบาล",
        body=[
            ("heading", {"text": "ประวัติ", "level": "h2"}),
            ("paragraph", "<p>เทศบาลตำบลดอยงามตั้งอยู่ริมแม่น้ำกก</p>"),
            ("image", {"image": image, "alt_text": "อาคารสำนักงาน", "caption": "สำนักงานเทศบาล"}),
            ("document", {"document": document, "title": "แบบคำขออนุญาตก่อสร้าง"}),
            (
                "contact_card",
                {"name": "กองช่าง", "role": "", "phone": "053-123-456", "email": "", "hours": ""},
            ),
        ],
    )
    news_index = add_news_index(home)
    news = add_news(news_index, "ประกาศวันหยุดเก็บขยะ", "holiday", summary="งดเก็บขยะวันที่ 5 ธันวาคม")
    catalogue = add_catalogue(home)
    permit = make_service(
        catalogue, slug="building-permit", title="ขออนุญาตก่อสร้างอาคาร", reference_prefix="BP",
        fields=permit_fields(), processing_days=15, fee_amount=None, **manual_fields(),
    )  # fmt: skip
    garbage = make_garbage_service(catalogue)
    enable_providers("demo", "promptpay_qr")
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    for service in (permit, garbage):
        ServiceHandler.objects.create(service=service, group=officers)

    tourism = TourismIndexPage(title="ท่องเที่ยว", slug="tourism", introduction="เที่ยวดอยงาม")
    home.add_child(instance=tourism)
    tourism.save_revision().publish()
    attraction = make_attraction(
        tourism, title="วัดพระธาตุดอยงาม", periods=[(0, datetime.time(8), datetime.time(17))], image=image
    )
    event = make_event(tourism, title="งานลอยกระทง", start=datetime.date(2026, 11, 24))
    return {
        "home": home,
        "about": about,
        "news_index": news_index,
        "news": news,
        "catalogue": catalogue,
        "permit": permit,
        "garbage": garbage,
        "tourism": tourism,
        "attraction": attraction,
        "event": event,
        "image": image,
        "document": document,
    }


ENGLISH_LABELS = {
    "full_name": ("Full name",),
    "national_id": ("National ID number", "13 digits, no spaces"),
    "email": ("Email",),
    "phone": ("Phone",),
    "details_step": ("About the request",),
    "applicant_type": ("Applying as", "", "A private person\nA company"),
    "company_name": ("Company name",),
    "address": ("Address of the building",),
    "visit_date": ("A good day for the inspection",),
    "documents_step": ("Documents",),
    "deed_copy": ("Copy of the title deed",),
    "consent": ("I agree that my information is used to handle this request",),
    "house_no": ("House number",),
    "period": ("Period paid", "", "1 month\n6 months\n12 months"),
}


def translate_service(page, english, **fields):
    """The English e-service as a translator leaves it: the page's text and every field's label."""
    translated = page.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    for item in EFormField.objects.filter(page=translated):
        label, help_text, choices = (*ENGLISH_LABELS[item.key], "", "")[:3]
        if item.key == "email" and page.slug == "garbage-fee":
            label = "Email for the receipt"
        EFormField.objects.filter(pk=item.pk).update(label=label, help_text=help_text, choices=choices)
    translated = EServicePage.objects.get(pk=translated.pk)
    translated.save_revision().publish()
    return translated


def translate_town(town):
    english = Locale.objects.get(language_code="en")
    publish_translation(
        town["about"], english, title="About us", introduction="About the municipality",
        body=[
            ("heading", {"text": "History", "level": "h2"}),
            ("paragraph", "<p>Doi Ngam lies on the Kok river.</p>"),
            ("image", {"image": town["image"], "alt_text": "The office building", "caption": "The office"}),
            ("document", {"document": town["document"], "title": "Building permit form"}),
            ("contact_card", {"name": "Public works", "role": "", "phone": "053-123-456", "email": "", "hours": ""}),
        ],
    )  # fmt: skip
    publish_translation(town["news_index"], english, title="News")
    publish_translation(
        town["news"],
        english,
        title="No garbage collection on the holiday",
        summary="No collection on 5 December",
    )
    publish_translation(town["catalogue"], english, title="Online services")
    translate_service(
        town["permit"], english, title="Building permit", introduction="For anyone who builds or alters a building",
        legal_basis="Building Control Act B.E. 2522", procedure_steps="Apply\nCheck\nDecision",
        documents_required="Copy of the ID card\nCopy of the title deed", responsible_division="Public works",
        confirmation_text="An officer checks the request and emails the decision.",
    )  # fmt: skip
    translate_service(town["garbage"], english, title="Garbage collection fee")
    publish_translation(town["tourism"], english, title="Tourism", introduction="Visit Doi Ngam")
    publish_translation(town["attraction"], english, title="Wat Phra That Doi Ngam", summary="A hilltop temple",
        gallery=[("image", {"image": town["image"], "alt_text": "The temple", "caption": ""})])  # fmt: skip
    publish_translation(
        town["event"], english, title="Loy Krathong", summary="Floating lanterns", place_name="The square"
    )


@pytest.fixture
def town(transactional_db, settings):
    settings.PAYMENTS_DEMO = True  # on purpose, as on a training server
    settings.STRIPE_SECRET_KEY = ""  # no Stripe: the demo checkout and PromptPay QR are offered
    settings.STRIPE_WEBHOOK_SECRET = ""
    return build_town()


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", "officer@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=PERMIT_OFFICERS))
    return user


# The walk -----------------------------------------------------------------------------------------------
def latest_code():
    message = [m for m in mail.outbox if EMAIL in m.to][-1]
    return re.search(r"^\s+(\d{6})\s*$", message.body, re.MULTILINE)[1]


def prove_email(page, reader, words, name, wrong_first=False):
    """On the code page: ask for a code and type it; first a wrong one, and the right one too soon."""
    reader.read(f"{name}: code page")
    page.get_by_role("button", name=words["send"]).click()
    reader.read(f"{name}: code sent")
    right = latest_code()
    if wrong_first:
        page.locator("input[name=code]").fill("000000" if right != "000000" else "111111")
        page.get_by_role("button", name=words["confirm"]).click()
        reader.read(f"{name}: wrong code")
        page.locator("input[name=code]").fill(right)
        page.get_by_role("button", name=words["confirm"]).click()
        reader.read(f"{name}: too soon after a wrong code")
        page.wait_for_timeout(1200)  # django-otp's delay after one failure is one second
    page.locator("input[name=code]").fill(right)
    page.get_by_role("button", name=words["confirm"]).click()


def walk(page, base, town, officer, reader, words, tmp_path):
    lang = reader.language
    home = town["home"].get_translation(Locale.objects.get(language_code=lang))

    def visit(name, path):
        page.goto(f"{base}{path}")
        reader.read(name)

    def url(key):
        return town[key].get_translation(Locale.objects.get(language_code=lang)).url

    visit("home", home.url)
    for key in ("about", "news_index", "news", "catalogue", "tourism", "attraction", "event"):
        visit(key, url(key))
    visit("search", f"/{lang}/search/?query={words['search']}")
    visit("search, nothing found", f"/{lang}/search/?query={words['nothing']}")
    visit("404", f"/{lang}/no-such-page/")

    # The building permit: its manual, each step (the first one empty, for the errors), the review.
    visit("service page", url("permit"))
    page.get_by_role("link", name=words["start"]).click()
    reader.read("step 1")
    page.get_by_role("button", name=words["next"]).click()
    reader.read("step 1 with errors")
    for label, value in words["step1"].items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name=words["next"]).click()
    reader.read("step 2")
    page.get_by_label(words["private person"]).check()
    for label, value in words["address"].items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name=words["next"]).click()
    reader.read("step 3")
    deed = tmp_path / "deed.pdf"
    deed.write_bytes(PDF_BYTES)
    page.get_by_label(words["deed"]).set_input_files(str(deed))
    # A building permit rests on the office's legal duty, so the form does not ask for consent.
    assert not page.get_by_label(re.compile(words["consent"])).count()
    page.get_by_role("button", name=words["next"]).click()
    reader.read("review")
    page.get_by_role("button", name=words["send request"]).click()
    reader.read("confirmation")
    reference = page.locator(".eforms-reference").inner_text()

    # The officer asks a question; the citizen finds the request, proves the email, reads it.
    submission = Submission.objects.get(reference=reference)
    workflow.transition(submission, "request_information", actor=officer, reason=words["question"])
    visit("status lookup", f"/{lang}/status/")
    page.get_by_role("button", name=words["next"]).click()
    reader.read("status lookup with errors")
    page.get_by_label(words["reference"]).fill(reference)
    page.get_by_label(words["email"]).fill(EMAIL)
    page.get_by_role("button", name=words["next"]).click()
    prove_email(page, reader, words, "status", wrong_first=True)
    page.wait_for_url(re.compile(rf"/{lang}/status/{reference}/$"))
    reader.read("status with the officer's question")
    assert words["question"] in page.content()

    # The garbage fee: the form, then PromptPay QR, then the demo checkout, the receipt.
    visit("fee service page", url("garbage"))
    page.goto(f"{base}{town['garbage'].get_translation(Locale.objects.get(language_code=lang)).url}apply/")
    page.get_by_label(words["house"]).fill("12/3")
    page.get_by_label(words["six months"]).check()
    page.get_by_label(words["receipt email"]).fill(EMAIL)
    page.get_by_role("button", name=words["next"]).click()
    reader.read("fee review")
    page.get_by_role("button", name=words["send request"]).click()
    reader.read("fee confirmation")
    reference = page.locator(".eforms-reference").inner_text()
    page.get_by_role("link", name=words["pay"]).first.click()
    prove_email(page, reader, words, "payment")
    reader.read("payment choice")
    page.get_by_label(re.compile(words["qr choice"])).check()
    page.get_by_role("button", name=re.compile(words["pay button"])).click()
    page.wait_for_url(re.compile(r"/promptpay-qr/\d+/$"))
    reader.read("PromptPay QR")
    page.get_by_role("link", name=words["printable"]).click()
    reader.read("PromptPay QR to print")
    visit("payment cancelled", f"/{lang}/payments/{reference}/cancelled/")
    visit("payment choice again", f"/{lang}/payments/{reference}/")
    page.get_by_label(re.compile(words["demo choice"])).check()
    page.get_by_role("button", name=re.compile(words["pay button"])).click()
    page.wait_for_url(re.compile(r"/demo/checkout/"))
    reader.read("demo checkout")
    page.get_by_label(words["demo success"]).check()
    page.get_by_role("button", name=words["confirm demo"]).click()
    reader.read("paid")
    with page.expect_download() as download:
        page.get_by_role("link", name=words["receipt"]).click()
    pdf = Path(download.value.path())
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        reader.check_text("receipt (PDF)", text, receipt=True)


THAI_WORDS = {
    "search": "ขยะ",
    "nothing": "ฆฆฆฆ",
    "start": "เริ่มยื่นคำขอ",
    "next": "ถัดไป",
    "step1": {"ชื่อ-นามสกุล": "สมชาย ใจดี", "เลขประจำตัวประชาชน": VALID_ID, "อีเมล": EMAIL},
    "private person": "บุคคลธรรมดา",
    "address": {"บ้านเลขที่": "99", "ตำบล": "ดอยงาม", "อำเภอ": "แม่ฟ้า", "จังหวัด": "เชียงราย", "รหัสไปรษณีย์": "57240"},
    "deed": "สำเนาโฉนดที่ดิน",
    "consent": "ข้าพเจ้ายินยอม",
    "send request": "ส่งคำขอ",
    "question": OFFICER_QUESTION,
    "reference": "เลขที่คำขอ",
    "email": "อีเมลที่ท่านให้ไว้ในแบบฟอร์ม",
    "send": "ส่งรหัสให้ฉัน",
    "confirm": "ยืนยัน",
    "house": "บ้านเลขที่",
    "six months": "6 เดือน",
    "receipt email": "อีเมลสำหรับรับใบเสร็จ",
    "pay": "ชำระค่าธรรมเนียม",
    "qr choice": "คิวอาร์โค้ดพร้อมเพย์",
    "demo choice": "ทดสอบ",
    "pay button": "ชำระ 240 บาท",
    "printable": "ฉบับสำหรับพิมพ์",
    "demo success": "พร้อมเพย์ (ทดสอบ: ชำระสำเร็จ)",
    "confirm demo": "ยืนยันการชำระเงินทดสอบ",
    "receipt": "ดาวน์โหลดใบเสร็จรับเงิน (PDF)",
}  # fmt: skip


def test_every_citizen_page_in_thai_has_no_english(live_server, browser_page, town, officer, tmp_path):
    page = browser_page
    page.set_default_timeout(10_000)
    reader = Reader(page, "th")
    walk(page, live_server.url, town, officer, reader, THAI_WORDS, tmp_path)
    assert len(reader.seen) >= 30
    assert reader.problems == {}, "English on Thai pages:\n" + reader.report()


ENGLISH_WORDS = {
    "search": "garbage",
    "nothing": "zzzzqqq",
    "start": "Start now",
    "next": "Continue",
    "step1": {"Full name": "Somchai Jaidee", "National ID number": VALID_ID, "Email": EMAIL},
    "private person": "A private person",
    "address": {"House number": "99", "Sub-district (tambon)": "Doi Ngam", "District (amphoe)": "Mae Fa", "Province": "Chiang Rai", "Postcode": "57240"},
    "deed": "Copy of the title deed",
    "consent": "I agree",
    "send request": "Send request",
    "question": "Please send a copy of the title deed",
    "reference": "Reference number",
    "email": "The email address you gave on the form",
    "send": "Send me a code",
    "confirm": "Confirm",
    "house": "House number",
    "six months": "6 months",
    "receipt email": "Email for the receipt",
    "pay": "Pay the fee",
    "qr choice": "PromptPay QR code",
    "demo choice": "Test checkout",
    "pay button": "Pay 240 baht",
    "printable": "Printable version",
    "demo success": "PromptPay (test: paid)",
    "confirm demo": "Confirm the test payment",
    "receipt": "Download the receipt (PDF)",
}  # fmt: skip


def test_every_citizen_page_in_english_has_no_thai(live_server, browser_page, town, officer, tmp_path):
    translate_town(town)
    page = browser_page
    page.set_default_timeout(10_000)
    reader = Reader(page, "en", allowed_thai=ALLOWED_ON_ENGLISH_PAGES)
    walk(page, live_server.url, town, officer, reader, ENGLISH_WORDS, tmp_path)
    assert len(reader.seen) >= 30
    assert reader.problems == {}, "Thai on English pages:\n" + reader.report()
