"""The admin in Thai: the screens officers and communications staff use show no English word.

Much of Wagtail's and wagtail-localize's own Thai is missing or poor; our catalogue translates those
strings anew (it wins for the same msgid). This signs in as each of them, with the second factor,
opens the screens they work on and lists every English word in what the screen shows (text, button
values, titles, labels for screen readers, the sidebar's menu). The translation editor, drawn by
React, is read in Chromium by tests/browser/test_admin_csp_browser.py; its strings come from the
JavaScript catalogues, checked here.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from casework.models import ServiceHandler
from home.groups import COMMUNICATIONS_STAFF, PERMIT_OFFICERS
from tests.casework.factories import make_submission
from tests.conftest import build_thai_home, make_staff, publish_translation
from tests.eforms.factories import PDF_BYTES, add_catalogue, make_service, three_step_fields
from tests.home.factories import add_information_page
from tests.payments.conftest import enable_providers, make_garbage_service
from tests.payments.conftest import make_submission as make_fee_submission
from tests.tourism.conftest import make_image
from tourism.models import AttractionCategory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"

# Latin words an admin screen in Thai may show, and why.
ALLOWED = {
    "Wagtail",  # the admin's brand, in titles and the editor guide
    "Tambon",  # this system's name (WAGTAIL_SITE_NAME)
    "JavaScript",  # named in the no-JavaScript warning
    "PDF",  # file formats and kinds of file, as staff see them on the files
    "CSV",
    "PO",
    "Excel",
    "JPEG",
    "JPG",
    "PNG",
    "GIF",
    "WEBP",
    "AVIF",
    "MB",
    "PromptPay",  # brands
    "Stripe",
    "LINE",
    "Ref",  # the Thai QR payment standard's Ref1/Ref2, as in every Thai bank's statement
    "Bill",  # "Bill Payment", the name Thai banks give their statement of bill payments
    "Payment",
    "yes",  # the value an editor types for a consent field's condition
    "ITA",  # the integrity assessment and its open-data part, named so in every Thai office's papers
    "OIT",
}
# Content and data, not interface: the English pages' titles, Wagtail's root page, user names,
# reference numbers, addresses, file names and model labels.
DATA = re.compile(
    r"Test Municipality|About us|Root|Welcome to your new Wagtail site!|\b(?:officer|comms)\b"
    r"|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Z]{2,4}-\d{2}-\d{6}\b|\b[\w-]+\.(?:pdf|png|jpe?g|csv)\b"
    r"|\b[a-z_]+\.[a-z_]+\b|\bBP\b|\?category=\w+|\btemple\b"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Option lists whose entries are names, not interface: time zones, and languages in their own names.
DATA_SELECTS = {"locale-current_time_zone", "locale-preferred_language"}


class VisibleText(HTMLParser):
    """What a screen shows a sighted or screen-reader user, from the HTML the server sends."""

    HIDDEN = {"script", "style", "template"}
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.stack, self.select, self.sidebar = [], [], None, False

    def hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID:
            hidden = tag in self.HIDDEN or "hidden" in attrs
            self.sidebar = attrs.get("id") == "wagtail-sidebar-props"  # the sidebar, drawn by React from it
            self.stack.append((tag, hidden and not self.sidebar))
        if tag == "select":
            self.select = attrs.get("name")
        if self.hidden():
            return
        for name in ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"):
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass  # an element left open (HTML allows it for some)
        if tag == "select":
            self.select = None
        self.sidebar = False

    def handle_data(self, data):
        if self.sidebar:
            self.parts.extend(sidebar_labels(json.loads(data)))
        elif not self.hidden() and self.select not in DATA_SELECTS and data.strip():
            self.parts.append(data.strip())


def sidebar_labels(value):
    if isinstance(value, dict):
        own = [value["label"]] if isinstance(value.get("label"), str) else []
        return own + [label for item in value.values() for label in sidebar_labels(item)]
    if isinstance(value, list):
        return [label for item in value for label in sidebar_labels(item)]
    return []


def english_on(html):
    parser = VisibleText()
    parser.feed(html)
    found = {}
    for part in parser.parts:
        for word in WORD.findall(DATA.sub(" ", part)):
            if word not in ALLOWED:
                found.setdefault(word, part[:120])
    return found


# The office ----------------------------------------------------------------------------------------------
@pytest.fixture
def office(english, django_capture_on_commit_callbacks):
    home = build_thai_home(site_name="ทดสอบ")
    publish_translation(home, english, title="Test Municipality", hero_title="Welcome")
    image = make_image("สำนักงาน")
    document = get_document_model()(title="แบบคำขออนุญาต")
    document.file.save("form.pdf", ContentFile(PDF_BYTES), save=True)
    about = add_information_page(
        home,
        "เกี่ยวกับเรา",
        "about",
        introduction="ข้อมูลทั่วไปของเทศบาล",
        body=[
            ("heading", {"text": "ประวัติ", "level": "h2"}),
            ("paragraph", "<p>เทศบาลตำบลดอยงาม</p>"),
            ("image", {"image": image, "alt_text": "อาคารสำนักงาน", "caption": ""}),
            ("document", {"document": document, "title": "แบบคำขอ"}),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(user=None, target_locales=[english]).create_translations(about)
    catalogue = add_catalogue(home)
    service = make_service(catalogue, fields=three_step_fields(), reference_prefix="BS")
    garbage = make_garbage_service(catalogue)
    enable_providers("demo", "promptpay_qr")
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    for page in (service, garbage):
        ServiceHandler.objects.create(service=page, group=officers)
    AttractionCategory.objects.create(locale=Locale.objects.get(language_code="th"), name="วัด", slug="temple")
    return {
        "home": home,
        "about": about,
        "service": service,
        "image": image,
        "document": document,
        "submission": make_submission(service),
        "fee_submission": make_fee_submission(garbage),
    }


def sign_in_with_second_factor(client, user, settings):
    """Wagtail's sign-in, then the authenticator code, as staff do; returns the code page's HTML."""
    settings.TAMBON_STAFF_2FA_REQUIRED = True
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    code_page = client.get("/admin/two-factor/?next=/admin/")
    assert code_page.status_code == 200
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post("/admin/two-factor/", {"token": code, "next": "/admin/"})
    assert client.get("/admin/").status_code == 200
    return code_page.content.decode()


def screens_of_communications_staff(office):
    home, about, service = office["home"], office["about"], office["service"]
    english_about = about.get_translation(Locale.objects.get(language_code="en"))
    source = TranslationSource.objects.get(object_id=about.translation_key)
    return {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{home.pk}/",
        "page search": "/admin/pages/search/?q=เกี่ยว",
        "information page editor": f"/admin/pages/{about.pk}/edit/",
        "e-service editor with its form fields": f"/admin/pages/{service.pk}/edit/",
        "new page: choose its type": f"/admin/pages/{home.pk}/add_subpage/",
        "new information page": f"/admin/pages/add/home/informationpage/{home.pk}/",
        "page history": f"/admin/pages/{about.pk}/history/",
        "move a page": f"/admin/pages/{about.pk}/move/",
        "delete a page": f"/admin/pages/{about.pk}/delete/",
        "unpublish a page": f"/admin/pages/{about.pk}/unpublish/",
        "translate a page": f"/admin/localize/submit/page/{about.pk}/",
        "translation editor (its frame)": f"/admin/pages/{english_about.pk}/edit/",
        "sync translations": f"/admin/localize/update/{source.pk}/",
        "kinds of place": "/admin/snippets/tourism/attractioncategory/",
        "new kind of place": "/admin/snippets/tourism/attractioncategory/add/",
        "images": "/admin/images/",
        "an image": f"/admin/images/{office['image'].pk}/",
        "upload images": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "a document": f"/admin/documents/edit/{office['document'].pk}/",
        "upload documents": "/admin/documents/multiple/add/",
        "report: locked pages": "/admin/reports/locked/",
        "report: workflows": "/admin/reports/workflow/",
        "report: workflow tasks": "/admin/reports/workflow_tasks/",
        "report: site history": "/admin/reports/site-history/",
        "report: aging pages": "/admin/reports/aging-pages/",
        "report: page types": "/admin/reports/page-types-usage/",
        "account": "/admin/account/",
    }


def screens_of_officers(office):
    submission, fee_submission = office["submission"], office["fee_submission"]
    return {
        "dashboard": "/admin/",
        "inbox": "/admin/inbox/",
        "a request": f"/admin/inbox/{submission.pk}/",
        "a request with a fee": f"/admin/inbox/{fee_submission.pk}/",
        "e-service report": "/admin/inbox/reports/",
        "counter": "/admin/inbox/counter/",
        "payments": "/admin/payments/",
        "a request's payments": f"/admin/payments/{fee_submission.reference}/",
        "bank statements": "/admin/payments/promptpay-qr/statements/",
        "account": "/admin/account/",
    }


def english_on_screens(client, screens):
    found = {}
    for name, url in screens.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        if words := english_on(response.content.decode()):
            found[name] = words
    return found


def report(found):
    return "\n".join(
        f"{screen}: " + "; ".join(f"{word!r} in «{text}»" for word, text in words.items())
        for screen, words in found.items()
    )


def test_the_sign_in_screens_are_in_thai(client, office, django_user_model, settings):
    make_staff(django_user_model, "comms", COMMUNICATIONS_STAFF)
    found = {}
    for name, url in {"sign-in": "/admin/login/", "forgotten password": "/admin/password_reset/"}.items():
        if words := english_on(client.get(url).content.decode()):
            found[name] = words
    user = django_user_model.objects.get(username="comms")
    if words := english_on(sign_in_with_second_factor(client, user, settings)):
        found["second factor"] = words
    assert found == {}, "English on the sign-in screens:\n" + report(found)


def test_communications_staff_work_in_thai(client, office, django_user_model, settings):
    user = make_staff(django_user_model, "comms", COMMUNICATIONS_STAFF)
    sign_in_with_second_factor(client, user, settings)
    found = english_on_screens(client, screens_of_communications_staff(office))
    assert found == {}, "English on communications staff's screens:\n" + report(found)


def test_officers_work_in_thai(client, office, django_user_model, settings):
    user = make_staff(django_user_model, "officer", PERMIT_OFFICERS)
    sign_in_with_second_factor(client, user, settings)
    found = english_on_screens(client, screens_of_officers(office))
    assert found == {}, "English on officers' screens:\n" + report(found)


# The JavaScript catalogues: the translation editor and Wagtail's own scripts ---------------------------------
def javascript_msgids():
    """Every msgid of Wagtail's admin scripts and wagtail-localize's translation editor."""
    msgids = set()
    for app in ("wagtailadmin", "wagtail_localize"):
        path = Path(apps.get_app_config(app).path) / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
        msgids |= {entry.msgid for entry in polib.pofile(str(path))}
    return msgids


def test_every_string_of_the_admin_scripts_has_our_thai():
    ours = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "djangojs.po"))
    translated = {entry.msgid for entry in ours.translated_entries()}
    assert sorted(javascript_msgids() - translated) == []


def test_the_translation_editor_gets_its_strings_in_thai(client, django_user_model):
    user = make_staff(django_user_model, "comms", COMMUNICATIONS_STAFF)
    client.force_login(user)
    catalogue = client.get("/admin/localize/jsi18n/").content.decode()
    for english, thai in (("Translate", "แปล"), ("Save", "บันทึก"), ("Publish in ", "เผยแพร่เป็น")):
        assert f"{json.dumps(english)}: {json.dumps(thai)}" in catalogue  # as Django writes it, \\u escaped
    assert (
        f"{json.dumps('Dashboard')}: {json.dumps('แผงควบคุม')}"
        in client.get("/admin/jsi18n/").content.decode()
    )
