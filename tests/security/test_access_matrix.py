"""The access matrix: every admin, inbox, file, export and payment URL × every role → the expected answer.

One small scenario (services A and B, a request on A with a file and a paid payment with a receipt, a
second unpaid request on A, a request on B with a file) and one table of URLs. A role is either allowed
(200, or for a POST the documented redirect) or denied: a redirect to the login, the admin home, the
citizen's code page or the status look-up, a 403 or a 404 — never 200 and never a 500. A denied POST
changes nothing; a 200 never shows a request the role may not see. A failure reads
"officer_of_other_service × GET /admin/payments/<A>/ expected deny got 200".
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import get_resolver, resolve, reverse
from django.utils import translation
from django.views.static import serve
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework.models import SatisfactionRating, ServiceHandler, Submission, SubmissionEvent, SubmissionFile
from disclosure.models import DisclosureItem
from documents import services as document_services
from documents.models import DocumentTemplate, IssuedDocument, ServiceDocument
from eforms.models import ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from library import services as library_services
from library.models import Adoption, ModelService
from library.sync import sync_library
from offices.groups import ROLE_NAMES
from offices.models import LocalHoliday, Office, ProcessingAgreement
from outbox.models import Message
from payments import counter, refunds
from payments.constants import RefundStatus
from payments.models import Payment, PaymentSettings, Refund
from privacy.models import AccessLog
from problems import api_keys
from problems.models import ApiKey, Category, OfficeArea, ProblemPhoto, ProblemReport
from security.citizen_verification import verification_url
from tests.casework.factories import make_submission
from tests.conftest import make_staff
from tests.eforms.factories import PDF_BYTES, make_service
from tests.problems.factories import make_report, upload
from tests.security.urlconf import all_urls

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
CITIZEN = "citizen_without_code"
VERIFIED = "citizen_with_verified_code"
COMMS = "communications_staff"
OFFICER = "officer_of_the_service"
OTHER = "officer_of_other_service"
ADMIN = "administrator"
# Staff of a second office (made by create_office), handling a service of their own office.
OFFICE_OFFICER = "officer_of_another_office"
OFFICE_ADMIN = "administrator_of_another_office"
ROLES = [ANONYMOUS, CITIZEN, VERIFIED, COMMS, OFFICER, OTHER, ADMIN, OFFICE_OFFICER, OFFICE_ADMIN]
STAFF_ROLES = [COMMS, OFFICER, OTHER, ADMIN, OFFICE_OFFICER, OFFICE_ADMIN]

HANDLE_A = {OFFICER, ADMIN}
HANDLE_B = {OTHER, ADMIN}
# An office's administrators see every request of their own office (casework.access).
INBOX = {OFFICER, OTHER, ADMIN, OFFICE_OFFICER, OFFICE_ADMIN}
# The payments screens follow the payment permissions and show only the requests the role may see.
PAYMENTS = INBOX
# Shared processing: platform administrators, and an office's administrators for their own services.
AGREEMENTS = {ADMIN, OFFICE_ADMIN}
LIBRARY = {ADMIN, OFFICE_ADMIN}
# The installation's communications staff and administrators keep every office's disclosure checklist.
OIT = {COMMS, ADMIN}
# An office's staff (Settings → Office staff): platform administrators for every office, an office's
# administrators for their own; Wagtail's own user and group screens stay the platform's.
OFFICE_STAFF = {ADMIN, OFFICE_ADMIN}
# The second office's request: its officer (who handles its service), its administrators (every request
# of their office) and the platform's administrators.
OF_NB = {OFFICE_OFFICER, OFFICE_ADMIN, ADMIN}
# The counter's tablet of the first office: its officers and the platform's administrators.
TABLET = {OFFICER, OTHER, ADMIN}

# Where a refusal may send the browser: the login, the admin home (Wagtail's "no permission"), the
# two-factor step, the citizen's code page, the status look-up.
DENY_REDIRECTS = re.compile(
    r"^(/admin/login/|/admin/$|/admin/two-factor/|/(th|en)/verify/|/(th|en)/status/$)"
)


@dataclass
class Scenario:
    users: dict
    a: Submission  # service A: waiting for the citizen, a PDF, a paid counter payment with a receipt
    a2: Submission  # service A: unpaid (for the counter payment action)
    b: Submission  # service B, with a PDF
    file_a: SubmissionFile
    file_b: SubmissionFile
    payment: Payment
    qr_payment: Payment  # a PromptPay QR code of A still open
    refund: Refund  # awaiting a second officer's approval
    notification: Message  # a failed email, for "send again"
    page_a: object
    log_entry: AccessLog
    agreement: ProcessingAgreement  # Nong Bua's service shared with the first office
    adoption: Adoption  # Nong Bua's copy of the library's garbage fee
    nb: Submission  # the second office's request, paid at its counter (its own receipt book)
    nb_payment: Payment
    pr: ProblemReport  # a street light reported to the first office, routed to its permit officers
    document_a: IssuedDocument  # service A issues a licence; one was issued for A
    oit_a: DisclosureItem  # an item of the first office's disclosure checklist
    oit_nb: DisclosureItem  # an item of Nong Bua's


def _pdf(submission, name):
    record = SubmissionFile(
        submission=submission, field_key="id_card_copy", original_name=name, file_type="pdf", size=10
    )
    record.file.save("card.pdf", ContentFile(PDF_BYTES), save=False)
    record.save()
    return record


@pytest.fixture
def scenario(site_pages, catalogue, django_user_model):  # noqa: F811
    page_a = make_service(catalogue, slug="service-a", title="ขออนุญาตก่อสร้าง", reference_prefix="BA")
    page_b = make_service(catalogue, slug="service-b", title="ขอใช้ตลาด", reference_prefix="MK")
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    market = Group.objects.create(name="Market officers")
    market.permissions.set(officers.permissions.all())  # the same duties, another service
    ServiceHandler.objects.create(service=page_a, group=officers)
    ServiceHandler.objects.create(service=page_b, group=market)
    call_command(
        "create_office",
        domain="nongbua.example",
        code="nongbua",
        name_th="องค์การบริหารส่วนตำบลหนองบัว",
        name_en="Nong Bua SAO",
        stdout=StringIO(),
    )
    office_home = Office.objects.get(code="nongbua").site.root_page
    office_catalogue = office_home.get_children().type(ServiceCataloguePage).get()
    office_service = make_service(office_catalogue, slug="nongbua-service", reference_prefix="NB")
    office_officers = Group.objects.get(name=f"nongbua: {ROLE_NAMES[PERMIT_OFFICERS]}")
    ServiceHandler.objects.create(service=office_service, group=office_officers)
    nb = make_submission(
        office_service, fee_amount=40, applicant_name="นิภา หนองบัว", applicant_email="nipa@example.com"
    )
    sync_library()
    adoption = library_services.adopt(
        Office.objects.get(code="nongbua"), ModelService.objects.get(code="garbage-fee")
    )
    agreement = ProcessingAgreement.objects.create(
        service=office_service,
        handled_by=Office.objects.get(site__is_default_site=True),
        starts_on=date(2026, 1, 1),
    )
    users = {
        OFFICE_OFFICER: make_staff(django_user_model, "nongbua_officer", office_officers.name),
        OFFICE_ADMIN: make_staff(
            django_user_model, "nongbua_admin", f"nongbua: {ROLE_NAMES[ADMINISTRATORS]}"
        ),
        COMMS: make_staff(django_user_model, "comms", "Communications staff"),
        OFFICER: make_staff(django_user_model, "officer_a", PERMIT_OFFICERS),
        OTHER: make_staff(django_user_model, "officer_b", market.name),
        ADMIN: make_staff(django_user_model, "admin", "Administrators"),
    }
    a = make_submission(
        page_a,
        status="waiting",
        information_requests=1,
        fee_amount=40,
        applicant_name="อารีย์ เอกชัย",
        applicant_email="aree@example.com",
    )
    a2 = make_submission(
        page_a, fee_amount=40, applicant_name="อัมพร สองแสง", applicant_email="amporn@example.com"
    )
    b = make_submission(page_b, applicant_name="บุญมี บางบ่อ", applicant_email="boonmee@example.com")
    payment = counter.record_counter_payment(
        a, amount=4000, method="cash", note_text="ใบนำส่ง 1", officer=users[OFFICER]
    )
    assert hasattr(payment, "receipt")
    limits = PaymentSettings.for_office(a.office)
    limits.refund_approval_threshold = 1000
    limits.online_providers = ["promptpay_qr"]
    limits.provider_options = {"promptpay_qr": {"biller_id": "099400016551001"}}
    limits.save()
    qr_payment = Payment.objects.create(
        submission=a, channel="online", provider="promptpay_qr", amount=4000, description="x"
    )
    Payment.objects.filter(pk=qr_payment.pk).update(
        provider_reference=f"{a.reference.replace('-', '')}/{qr_payment.pk}"
    )
    refund = refunds.request_refund(payment, amount=2000, reason="ชำระเกิน", officer=users[OFFICER])
    assert refund.status == RefundStatus.AWAITING_APPROVAL
    notification = Message.objects.create(
        reference=a.reference,
        kind="status",
        to=a.applicant_email,
        language="th",
        subject="s",
        body="b",
        state="failed",
    )
    TOTPDevice.objects.create(user=users[OFFICER], name="phone", confirmed=True)
    log_entry = AccessLog.objects.create(
        username="admin", action=AccessLog.Action.VIEW, object_type="submission", object_label="x"
    )
    # A problem report: its category's division is the permit officers' group (the officer of A).
    Category.objects.filter(office=a.office, code="street-light").update(division=officers)
    pr = make_report(office=a.office, name="ประพันธ์ แจ้งไฟ", email="prapan@example.com")
    for office in Office.objects.all():
        OfficeArea.objects.create(office=office, latitude="19.91", longitude="99.83")
    # The first office's own holiday: kept by platform administrators, not by another office's.
    LocalHoliday.objects.create(
        office=Office.objects.get(site=page_a.get_site()), date="2027-03-02", name="x"
    )
    # Service A issues a licence on approval; one was issued for A already (to suspend, download).
    licence = ServiceDocument.objects.create(
        service=page_a,
        template=DocumentTemplate.objects.create(
            office=a.office,
            title_th="ใบอนุญาตก่อสร้าง",
            document_type="licence",
            body_th="อนุญาตให้ {holder}",
            signer_name="นายก",
            signer_position_th="นายกเทศมนตรี",
        ),
    )
    document_a = document_services.issue(a, licence)
    oit = {"fiscal_year": 2570, "code": "O1", "title_th": "โครงสร้าง"}
    return Scenario(
        oit_a=DisclosureItem.objects.create(office=Office.objects.get(site__is_default_site=True), **oit),
        oit_nb=DisclosureItem.objects.create(office=Office.objects.get(code="nongbua"), **oit),
        document_a=document_a,
        users=users,
        a=a,
        a2=a2,
        b=b,
        file_a=_pdf(a, "บัตร-ก.pdf"),
        file_b=_pdf(b, "บัตร-ข.pdf"),
        payment=payment,
        qr_payment=qr_payment,
        refund=refund,
        notification=notification,
        page_a=page_a,
        log_entry=log_entry,
        agreement=agreement,
        adoption=adoption,
        nb=nb,
        nb_payment=counter.record_counter_payment(
            nb, amount=4000, method="cash", note_text="ใบนำส่ง นบ.1", officer=users[OFFICE_OFFICER]
        ),
        pr=pr,
    )


# Who may see which request at all (checked on every 200 response) ---------------------------------------
def visible(s, role):
    return {
        VERIFIED: [s.a],
        OFFICER: [s.a, s.a2, s.pr.submission],
        OTHER: [s.b],
        ADMIN: [s.a, s.a2, s.b, s.nb, s.pr.submission],
        OFFICE_OFFICER: [s.nb],
        OFFICE_ADMIN: [s.nb],
    }.get(role, [])


def markers(submission):
    return [submission.reference, submission.applicant_name, submission.applicant_email]


# The table -------------------------------------------------------------------------------------------------
@dataclass
class Case:
    label: str  # the URL with placeholders, for messages
    url: str
    allow: set
    method: str = "get"
    data: dict | Callable[[], dict] = field(default_factory=dict)
    then: str | Callable[[], str] = ""  # a POST's documented redirect when allowed (or made after it)
    changes: bool = True  # an allowed POST changes something


def _th(name, *args):
    with translation.override("th"):
        return reverse(name, args=args)


def _api_key(office):
    """An Open311 key of `office` (its id)."""
    key = ApiKey.objects.filter(office=office).first()
    return (key or api_keys.create(office, "test client")[0]).pk


def cases(s):
    a, b = s.a, s.b
    ra, rb = a.reference, b.reference
    qr = s.qr_payment.pk
    detail_a = reverse("inbox:detail", args=[a.pk])
    pay_a = reverse("payments_admin:submission", args=[ra])

    def version(submission):
        return lambda: {"version": Submission.objects.get(pk=submission.pk).version}

    return [
        # The inbox
        Case("GET /admin/inbox/", reverse("inbox:index"), INBOX),
        Case("GET /admin/inbox/?q=<prefix of A>", reverse("inbox:index") + "?q=BA-69", INBOX),
        Case("GET /admin/inbox/export.csv", reverse("inbox:export"), INBOX),
        Case("GET /admin/inbox/counter/", reverse("inbox:counter"), INBOX),
        Case("GET /admin/inbox/reports/", reverse("inbox:report"), INBOX),
        Case("GET /admin/inbox/reports/?format=csv", reverse("inbox:report") + "?format=csv", INBOX),
        # The satisfaction survey on the counter's tablet: the office's own staff (this is the first
        # office's site); the officer's step, then the citizen's, then thanks.
        Case("GET /admin/inbox/survey/", reverse("inbox:survey"), TABLET),
        Case(
            "POST /admin/inbox/survey/ (anonymous answer)",
            reverse("inbox:survey"),
            TABLET,
            "post",
            {"reference": ""},
            then=reverse("inbox:survey_answer"),
            changes=False,  # only the session: which request the next answer is about
        ),
        Case("GET /admin/inbox/survey/answer/", reverse("inbox:survey_answer"), TABLET),
        Case(
            "POST /admin/inbox/survey/answer/",
            reverse("inbox:survey_answer"),
            TABLET,
            "post",
            {"speed": "5", "staff": "4", "clarity": "4", "ease": "5", "overall": "5"},
            then=reverse("inbox:survey_done"),
        ),
        Case("GET /admin/inbox/survey/thanks/", reverse("inbox:survey_done"), TABLET),
        # Before and after: the office's administrators (here: the platform's; the other office's
        # administrators compare their own office on its own site).
        Case("GET /admin/inbox/survey/compare/", reverse("inbox:survey_compare"), {ADMIN}),
        Case("GET /admin/messages/", reverse("outbox:failed"), {ADMIN}),
        # One's own LINE notices: staff who use the inbox (none of the offices here is on LINE, so the
        # page says so, and a link asked for an office is refused with a message).
        Case("GET /admin/line/notices/", reverse("line_admin:notices"), INBOX),
        Case(
            "POST /admin/line/notices/ (link to an office not on LINE)",
            reverse("line_admin:notices"),
            INBOX,
            "post",
            {"office": str(Office.objects.order_by("pk").first().pk), "action": "link"},
            then=reverse("line_admin:notices"),
            changes=False,
        ),
        # The office's LINE menu: those who may change its LINE settings (no office here is on LINE).
        Case("GET /admin/line/menu/", reverse("line_admin:rich_menu"), {ADMIN, OFFICE_ADMIN}),
        Case(
            "POST /admin/line/menu/ (an office not on LINE)",
            reverse("line_admin:rich_menu"),
            {ADMIN, OFFICE_ADMIN},
            "post",
            {"office": str(Office.objects.order_by("pk").first().pk)},
            then=reverse("line_admin:rich_menu"),
            changes=False,
        ),
        # The national overview: platform administrators only, never an office's administrators.
        Case("GET /admin/national/", reverse("national:overview"), {ADMIN}),
        Case("GET /admin/national/?format=json", reverse("national:overview") + "?format=json", {ADMIN}),
        Case(
            "GET /admin/national/?format=csv&table=offices",
            reverse("national:overview") + "?format=csv&table=offices",
            {ADMIN},
        ),
        Case("GET /admin/inbox/<A>/", detail_a, HANDLE_A),
        Case("GET /admin/inbox/<B>/", reverse("inbox:detail", args=[b.pk]), HANDLE_B),
        Case("GET /admin/inbox/<missing>/", reverse("inbox:detail", args=[10**8]), set()),
        Case("GET /admin/inbox/files/<file of A>/", reverse("inbox:file", args=[s.file_a.pk]), HANDLE_A),
        Case("GET /admin/inbox/files/<file of B>/", reverse("inbox:file", args=[s.file_b.pk]), HANDLE_B),
        Case("GET /eforms/files/<file of A>/", reverse("casework:file", args=[s.file_a.pk]), HANDLE_A),
        Case("GET /eforms/files/<file of B>/", reverse("casework:file", args=[s.file_b.pk]), HANDLE_B),
        # Citizen pages (the code proves the address of A only)
        Case("GET /th/status/<A>/", _th("status:detail", ra), {VERIFIED}),
        Case("GET /th/status/<B>/", _th("status:detail", rb), set()),
        Case("GET /th/status/<A>/withdraw/", _th("status:withdraw", ra), {VERIFIED}),
        Case("GET /th/status/<A>/proof-of-filing/", _th("status:proof_of_filing", ra), {VERIFIED}),
        Case("GET /th/status/<B>/proof-of-filing/", _th("status:proof_of_filing", rb), set()),
        Case("GET /th/status/<A>/document/", _th("documents:download", ra), {VERIFIED}),
        Case("GET /th/status/<B>/document/", _th("documents:download", rb), set()),
        Case("GET /th/status/<A>/renew/", _th("documents:renew", ra), {VERIFIED}),
        Case("GET /th/status/<B>/renew/", _th("documents:renew", rb), set()),
        # The register of issued documents: inbox users, each seeing the documents of their requests only
        Case("GET /admin/issued-documents/", reverse("documents_admin:register"), INBOX),
        Case(
            "GET /admin/issued-documents/?export=csv",
            reverse("documents_admin:register") + "?export=csv",
            INBOX,
        ),
        Case(
            "GET /admin/issued-documents/?state=valid&expiring=90",
            reverse("documents_admin:register") + "?state=valid&expiring=90",
            INBOX,
        ),
        # Issued documents: the officers of the request's service (preview before approving, the PDF)
        Case(
            "GET /admin/issued-documents/preview/<A>/",
            reverse("documents_admin:preview", args=[a.pk]),
            HANDLE_A,
        ),
        Case(
            "GET /admin/issued-documents/preview/<B>/ (service B issues no document: 404)",
            reverse("documents_admin:preview", args=[b.pk]),
            set(),
        ),
        Case(
            "GET /admin/issued-documents/preview/<NB>/",
            reverse("documents_admin:preview", args=[s.nb.pk]),
            set(),
        ),
        Case(
            "GET /admin/issued-documents/<document of A>/pdf/",
            reverse("documents_admin:pdf", args=[s.document_a.pk]),
            HANDLE_A,
        ),
        Case("GET /th/payments/<A>/", _th("payments_citizen:pay", ra), {VERIFIED}),
        Case("GET /th/payments/<A>/receipt/", _th("payments_citizen:receipt", ra), {VERIFIED}),
        Case("GET /th/payments/<A>/done/", _th("payments_citizen:returned", ra), {VERIFIED}),
        Case("GET /th/payments/<A>/cancelled/", _th("payments_citizen:cancelled", ra), {VERIFIED}),
        Case("GET /th/payments/<B>/", _th("payments_citizen:pay", rb), set()),
        Case(
            "GET /th/payments/<A>/promptpay-qr/<id>/",
            _th("payments_citizen:promptpay_qr", ra, qr),
            {VERIFIED},
        ),
        Case(
            "GET /th/payments/<A>/promptpay-qr/<id>/code.png",
            _th("payments_citizen:promptpay_qr_image", ra, qr),
            {VERIFIED},
        ),
        Case(
            "GET /th/payments/<A>/promptpay-qr/<id>/print/",
            _th("payments_citizen:promptpay_qr_print", ra, qr),
            {VERIFIED},
        ),
        Case("GET /th/payments/<B>/receipt/", _th("payments_citizen:receipt", rb), set()),
        # Payments in the admin
        Case("GET /admin/payments/", reverse("payments_admin:index"), PAYMENTS),
        Case("GET /admin/payments/<A>/", pay_a, HANDLE_A),
        Case("GET /admin/payments/<B>/", reverse("payments_admin:submission", args=[rb]), HANDLE_B),
        Case(
            "GET /admin/payments/receipt/<payment of A>/",
            reverse("payments_admin:receipt", args=[s.payment.pk]),
            HANDLE_A,
        ),
        Case("GET /admin/payments/report/", reverse("payments_admin:report"), {ADMIN}),
        # The second office's payments: its staff and the platform's administrators only; to anyone
        # else they are as missing as a request that does not exist.
        Case(
            "GET /admin/payments/<NB>/",
            reverse("payments_admin:submission", args=[s.nb.reference]),
            OF_NB,
        ),
        Case(
            "GET /admin/payments/receipt/<payment of NB>/",
            reverse("payments_admin:receipt", args=[s.nb_payment.pk]),
            OF_NB,
        ),
        Case(
            "GET /admin/payments/promptpay-qr/statements/?office=<NB's office>",
            reverse("payments_admin:promptpay_qr_statements") + "?office=nongbua",
            OF_NB,
        ),
        Case(
            "GET /admin/payments/promptpay-qr/statements/?office=<A's office>",
            reverse("payments_admin:promptpay_qr_statements") + f"?office={s.a.office.code}",
            {OFFICER, OTHER, ADMIN},
        ),
        Case(
            "GET /admin/payments/promptpay-qr/statements/",
            reverse("payments_admin:promptpay_qr_statements"),
            PAYMENTS,
        ),
        Case(
            "GET /admin/payments/report/?format=csv",
            reverse("payments_admin:report") + "?format=csv",
            {ADMIN},
        ),
        # Personal-data log and two-factor administration
        # An office's administrators read their own office's entries (the scenario's entry has none).
        Case("GET /admin/personal_data_log/", "/admin/personal_data_log/", {ADMIN, OFFICE_ADMIN}),
        Case(
            "GET /admin/personal_data_log/?export=csv",
            "/admin/personal_data_log/?export=csv",
            {ADMIN, OFFICE_ADMIN},
        ),
        Case(
            "GET /admin/personal_data_log/results/",
            reverse("personal_data_log:index_results"),
            {ADMIN, OFFICE_ADMIN},
        ),
        Case(
            "GET /admin/personal_data_log/inspect/<id>/",
            f"/admin/personal_data_log/inspect/{s.log_entry.pk}/",
            {ADMIN},
        ),
        Case(
            "GET /admin/personal_data_log/edit/<id>/",
            f"/admin/personal_data_log/edit/{s.log_entry.pk}/",
            set(),
        ),
        Case("GET /admin/two-factor/staff/", reverse("security:staff_devices"), {ADMIN}),
        Case(
            "GET /admin/subject-requests/", reverse("privacy_subject_requests:search"), {ADMIN, OFFICE_ADMIN}
        ),
        Case("GET /admin/offices/new/", reverse("offices:add"), {ADMIN}),
        # The disclosure checklist: communications staff and administrators, each office's for its own.
        Case("GET /admin/disclosure_items/", reverse("disclosure_items:index"), OIT | {OFFICE_ADMIN}),
        *[
            Case(
                f"GET /admin/disclosure_items/{name}/<A's item>/",
                reverse(f"disclosure_items:{name}", args=[s.oit_a.pk]),
                OIT,
            )
            for name in ("edit", "delete", "history", "history_results", "usage")
        ],
        Case(
            "GET /admin/disclosure_items/edit/<Nong Bua's item>/",
            reverse("disclosure_items:edit", args=[s.oit_nb.pk]),
            OIT | {OFFICE_ADMIN},
        ),
        Case("GET /admin/disclosure_items/add/", reverse("disclosure_items:add"), OIT | {OFFICE_ADMIN}),
        Case(
            "GET /admin/disclosure_items/results/",
            reverse("disclosure_items:index_results"),
            OIT | {OFFICE_ADMIN},
        ),
        Case("GET /admin/disclosure/report/", reverse("disclosure_report"), OIT | {OFFICE_ADMIN}),
        # An office's organisation and menus: its own administrators, and the installation's.
        Case(
            "GET /admin/settings/home/organisationsettings/<A's site>/",
            f"/admin/settings/home/organisationsettings/{Office.objects.get(site__is_default_site=True).site_id}/",
            {ADMIN},
        ),
        Case(
            "GET /admin/settings/home/organisationsettings/<Nong Bua's site>/",
            f"/admin/settings/home/organisationsettings/{Office.objects.get(code='nongbua').site_id}/",
            {ADMIN, OFFICE_ADMIN},
        ),
        # The service library: platform administrators, and an office's administrators for their office.
        Case("GET /admin/library/", reverse("library:index"), LIBRARY),
        Case("GET /admin/library/services/<code>/", reverse("library:detail", args=["complaint"]), LIBRARY),
        Case(
            "GET /admin/library/adoptions/<Nong Bua's copy>/",
            reverse("library:compare", args=[s.adoption.pk]),
            LIBRARY,
        ),
        Case("GET /admin/shared-processing/", reverse("offices_agreements:index"), AGREEMENTS),
        Case("GET /admin/shared-processing/add/", reverse("offices_agreements:add"), AGREEMENTS),
        Case(
            "GET /admin/snippets/casework/servicehandler/",
            "/admin/snippets/casework/servicehandler/",
            {ADMIN},
        ),
        # Document templates and links: an office's administrators keep their own office's (issue 17);
        # the first office's are not theirs (tests/offices/test_office_documents.py).
        Case(
            "GET /admin/snippets/documents/documenttemplate/",
            "/admin/snippets/documents/documenttemplate/",
            {ADMIN, OFFICE_ADMIN},
        ),
        *[
            Case(
                f"GET /admin/snippets/documents/{model}/{view}/<the first office's>/",
                reverse(f"wagtailsnippets_documents_{model}:{view}", args=[pk]),
                {ADMIN},
            )
            for model, pk in (
                ("documenttemplate", s.document_a.template_id),
                (
                    "servicedocument",
                    ServiceDocument.objects.get(service=s.document_a.submission.service_id).pk,
                ),
            )
            for view in ("edit", "delete", "usage", "history", "history_results")
        ],
        # Local holidays: each office's administrators list and add their own; another office's is
        # refused as a missing one (tests/offices/test_office_holidays.py).
        Case("GET /admin/local_holidays/", reverse("local_holidays:index"), {ADMIN, OFFICE_ADMIN}),
        Case(
            "GET /admin/local_holidays/results/",
            reverse("local_holidays:index_results"),
            {ADMIN, OFFICE_ADMIN},
        ),
        Case("GET /admin/local_holidays/new/", reverse("local_holidays:add"), {ADMIN, OFFICE_ADMIN}),
        *[
            Case(
                f"GET /admin/local_holidays/{name}/<first office's>/",
                reverse(f"local_holidays:{name}", args=[day]),
                {ADMIN},
            )
            for name in ("edit", "delete", "history", "history_results", "usage")
            for day in [LocalHoliday.objects.get(name="x").pk]
        ],
        # Problem reports: the category's division (the officer of A) and administrators of its office.
        Case("GET /admin/problems/<PR>/", reverse("problems_admin:manage", args=[s.pr.pk]), HANDLE_A),
        Case(
            "GET /admin/problems/<PR>/photos/<photo>.jpg",
            reverse("problems_admin:photo", args=[s.pr.pk, s.pr.photos.get().pk]),
            HANDLE_A,
        ),
        Case("GET /admin/problems/<missing>/", reverse("problems_admin:manage", args=[10**8]), set()),
        # Problem categories: each office's administrators keep their own office's, as local holidays.
        Case("GET /admin/problem_categories/", reverse("problem_categories:index"), {ADMIN, OFFICE_ADMIN}),
        Case(
            "GET /admin/problem_categories/results/",
            reverse("problem_categories:index_results"),
            {ADMIN, OFFICE_ADMIN},
        ),
        Case("GET /admin/problem_categories/new/", reverse("problem_categories:add"), {ADMIN, OFFICE_ADMIN}),
        *[
            Case(
                f"GET /admin/problem_categories/{name}/<{label} category>/",
                reverse(f"problem_categories:{name}", args=[category]),
                allowed,
            )
            for name in ("edit", "delete", "history", "history_results", "usage")
            for label, category, allowed in (
                ("first office's", Category.objects.get(office=a.office, code="garbage").pk, {ADMIN}),
                ("Nong Bua's", Category.objects.get(office__code="nongbua", code="garbage").pk, LIBRARY),
            )
        ],
        # Reporting areas: the same rule as categories (an office's administrators, their own office's).
        Case("GET /admin/problem_areas/", reverse("problem_areas:index"), {ADMIN, OFFICE_ADMIN}),
        Case(
            "GET /admin/problem_areas/results/", reverse("problem_areas:index_results"), {ADMIN, OFFICE_ADMIN}
        ),
        Case("GET /admin/problem_areas/new/", reverse("problem_areas:add"), {ADMIN, OFFICE_ADMIN}),
        *[
            Case(
                f"GET /admin/problem_areas/{name}/<{label} area>/",
                reverse(f"problem_areas:{name}", args=[area]),
                allowed,
            )
            for name in ("edit", "delete", "history", "history_results", "usage")
            for label, area, allowed in (
                ("first office's", OfficeArea.objects.get(office=a.office).pk, {ADMIN}),
                ("Nong Bua's", OfficeArea.objects.get(office__code="nongbua").pk, LIBRARY),
            )
        ],
        # Open311 API keys: the same rule (an office's administrators make their own office's keys).
        Case("GET /admin/problem_api_keys/", reverse("problem_api_keys:index"), {ADMIN, OFFICE_ADMIN}),
        Case(
            "GET /admin/problem_api_keys/results/",
            reverse("problem_api_keys:index_results"),
            {ADMIN, OFFICE_ADMIN},
        ),
        Case("GET /admin/problem_api_keys/new/", reverse("problem_api_keys:add"), {ADMIN, OFFICE_ADMIN}),
        *[
            Case(
                f"GET /admin/problem_api_keys/{name}/<{label} key>/",
                reverse(f"problem_api_keys:{name}", args=[key]),
                allowed,
            )
            for name in ("edit", "delete", "history", "history_results", "usage")
            for label, key, allowed in (
                ("first office's", _api_key(a.office), {ADMIN}),
                ("Nong Bua's", _api_key(Office.objects.get(code="nongbua")), LIBRARY),
            )
        ],
        # Office staff: Nong Bua's administrator manages Nong Bua's staff only (tests/staff/); the first
        # office's, another office's user and the platform's accounts are missing to them.
        *office_staff_reads(s),
        # Actions (last: they change the scenario for the role that may do them)
        Case(
            "POST /admin/problems/<PR>/contact/ (not a sensitive report: nothing sealed)",
            reverse("problems_admin:contact", args=[s.pr.pk]),
            set(),
            "post",
        ),
        Case(
            "POST /admin/problems/<PR>/close/",
            reverse("problems_admin:close", args=[s.pr.pk]),
            HANDLE_A,
            "post",
            lambda: {"text": "เปลี่ยนหลอดไฟแล้ว", "photo": upload()},
            then=reverse("problems_admin:manage", args=[s.pr.pk]),
        ),
        Case(
            "POST /admin/problems/<PR>/answer/",
            reverse("problems_admin:answer", args=[s.pr.pk]),
            HANDLE_A,
            "post",
            {"text": "ช่างจะเข้าซ่อมพรุ่งนี้"},
            then=reverse("problems_admin:manage", args=[s.pr.pk]),
        ),
        Case(
            "POST /admin/problems/<PR>/hide/",
            reverse("problems_admin:hide", args=[s.pr.pk]),
            HANDLE_A,
            "post",
            {"reason": "รูปมีใบหน้าบุคคล"},
            then=reverse("problems_admin:manage", args=[s.pr.pk]),
        ),
        Case(
            "POST /admin/problems/<PR>/show/",
            reverse("problems_admin:show", args=[s.pr.pk]),
            HANDLE_A,
            "post",
            then=reverse("problems_admin:manage", args=[s.pr.pk]),
        ),
        Case(
            "POST /th/status/<A>/ (reply)",
            _th("status:detail", ra),
            {VERIFIED},
            "post",
            {"message": "ส่งเอกสารเพิ่มแล้ว"},
            then=_th("status:detail", ra),
        ),
        Case(
            "POST /th/status/<B>/ (reply)",
            _th("status:detail", rb),
            set(),
            "post",
            {"message": "x"},
        ),
        Case(
            "POST /admin/inbox/<A>/act/",
            reverse("inbox:act", args=[a.pk]),
            HANDLE_A,
            "post",
            lambda: {"action": "reject", "reason": "ไม่ครบ", **version(a)()},
            then=detail_a,
        ),
        Case(
            "POST /admin/inbox/<A>/assign/",
            reverse("inbox:assign", args=[a.pk]),
            HANDLE_A,
            "post",
            lambda: {"assignee": "me", **version(a)()},
            then=detail_a,
        ),
        Case(
            "POST /admin/inbox/<A>/comment/",
            reverse("inbox:comment", args=[a.pk]),
            HANDLE_A,
            "post",
            {"text": "ตรวจแล้ว"},
            then=detail_a,
        ),
        Case(
            "POST /admin/inbox/<A>/message/",
            reverse("inbox:message", args=[a.pk]),
            HANDLE_A,
            "post",
            {"text": "โปรดรอ"},
            then=detail_a,
        ),
        Case(
            "POST /admin/inbox/<B>/comment/",
            reverse("inbox:comment", args=[b.pk]),
            HANDLE_B,
            "post",
            {"text": "ตรวจแล้ว"},
            then=reverse("inbox:detail", args=[b.pk]),
        ),
        Case(
            "POST /admin/inbox/counter/<service A>/",
            reverse("inbox:counter_start", args=[s.page_a.pk]),
            HANDLE_A,
            "post",
            then=s.page_a.url + s.page_a.reverse_subpage("apply"),
            changes=False,  # opens the form for a walk-in citizen: only the session changes
        ),
        Case(
            "POST /admin/issued-documents/<document of A>/state/ (suspend)",
            reverse("documents_admin:state", args=[s.document_a.pk]),
            HANDLE_A,
            "post",
            {"action": "suspend", "reason": "ร้องเรียนเรื่องความสะอาด"},
            then=detail_a,
        ),
        Case(
            "POST /admin/messages/<id>/retry/",
            reverse("outbox:retry", args=[s.notification.pk]),
            {ADMIN},
            "post",
            then=reverse("outbox:failed"),
        ),
        Case(
            "POST /admin/payments/<A>/refund/<payment>/",
            reverse("payments_admin:refund", args=[a.reference, s.payment.pk]),
            HANDLE_A,
            "post",
            {"amount": "5", "reason": "คืนส่วนเกิน"},
            then=pay_a,
        ),
        Case(
            "POST /admin/payments/<A2>/counter/",
            reverse("payments_admin:counter", args=[s.a2.reference]),
            HANDLE_A,
            "post",
            {"amount": "40", "method": "cash", "note": "เงินสด"},
            then=reverse("payments_admin:submission", args=[s.a2.reference]),
        ),
        Case(
            "POST /admin/payments/<A>/assess/",
            reverse("payments_admin:assess", args=[a.reference]),
            HANDLE_A,
            "post",
            {"amount": "100", "note": "ค่าตรวจ"},
            then=pay_a,
            changes=False,  # service A has a fixed fee: refused with a message, back to the page
        ),
        Case(
            "POST /admin/payments/promptpay-qr/transfer/ <Ref1 of A>",
            reverse("payments_admin:promptpay_qr_transfer"),
            HANDLE_A,
            "post",
            {"ref1": a.reference, "amount": "40", "paid_on": "2026-11-27", "transaction_id": "TX-MATRIX"},
            then=reverse("payments_admin:promptpay_qr_statements"),
        ),
        Case(
            "POST /admin/payments/refunds/<refund of A>/approve/",
            reverse("payments_admin:decide_refund", args=[s.refund.pk, "approve"]),
            {ADMIN},
            "post",
            then=pay_a,
        ),
        Case(
            "POST /admin/personal_data_log/delete/<id>/",
            f"/admin/personal_data_log/delete/{s.log_entry.pk}/",
            set(),
            "post",
        ),
        Case(
            "POST /admin/subject-requests/erase/ <citizen of A, request still open>",
            reverse("privacy_subject_requests:erase"),
            {ADMIN, OFFICE_ADMIN},  # Nong Bua's administrator finds nothing of A's to erase
            "post",
            {"q": s.a.applicant_email, "confirm": "on"},
            then=reverse("privacy_subject_requests:search"),
            changes=False,  # refused while the request is in progress: nothing is erased
        ),
        Case(
            "POST /admin/library/adoptions/<Nong Bua's copy>/take-newest/ (already the newest)",
            reverse("library:take_newest", args=[s.adoption.pk]),
            LIBRARY,
            "post",
            then=reverse("library:compare", args=[s.adoption.pk]),
            changes=False,
        ),
        Case(
            "POST /admin/library/services/<code>/adopt/ <Nong Bua>",
            reverse("library:adopt", args=["complaint"]),
            LIBRARY,
            "post",
            {"office": s.adoption.office_id},
            then=lambda: reverse("wagtailadmin_pages:edit", args=[Adoption.objects.latest("pk").page_id]),
        ),
        Case(
            "POST /admin/shared-processing/<Nong Bua's agreement>/end/",
            reverse("offices_agreements:end", args=[s.agreement.pk]),
            AGREEMENTS,
            "post",
            then=reverse("offices_agreements:index"),
        ),
        *office_staff_actions(s),
        Case(
            "POST /admin/two-factor/staff/<officer>/reset/",
            reverse("security:reset_devices", args=[s.users[OFFICER].pk]),
            {ADMIN},
            "post",
            then=reverse("security:staff_devices"),
        ),
    ]


def _staff_url(name, *args):
    return reverse(f"office_staff:{name}", args=args)


def office_staff_reads(s):
    first = Office.objects.get(site__is_default_site=True).code
    nb_officer, officer_a = s.users[OFFICE_OFFICER].pk, s.users[OFFICER].pk
    nb_admins = Group.objects.get(name=f"nongbua: {ROLE_NAMES[ADMINISTRATORS]}").pk
    return [
        Case("GET /admin/office-staff/", _staff_url("index"), OFFICE_STAFF),
        Case("GET /admin/office-staff/nongbua/", _staff_url("list", "nongbua"), OFFICE_STAFF),
        Case("GET /admin/office-staff/<first office>/", _staff_url("list", first), {ADMIN}),
        Case("GET /admin/office-staff/nongbua/invite/", _staff_url("invite", "nongbua"), OFFICE_STAFF),
        Case("GET /admin/office-staff/<first office>/invite/", _staff_url("invite", first), {ADMIN}),
        Case(
            "GET /admin/office-staff/nongbua/<Nong Bua's officer>/",
            _staff_url("member", "nongbua", nb_officer),
            OFFICE_STAFF,
        ),
        Case(
            "GET /admin/office-staff/nongbua/<the first office's officer>/",
            _staff_url("member", "nongbua", officer_a),
            set(),
        ),
        Case(
            "GET /admin/office-staff/nongbua/<platform administrator>/",
            _staff_url("member", "nongbua", s.users[ADMIN].pk),
            set(),
        ),
        Case(
            "GET /admin/office-staff/<first office>/<the first office's officer> (no office groups)",
            _staff_url("member", first, officer_a),
            set(),
        ),
        # Wagtail's own user and group screens: the platform's administrators only.
        Case("GET /admin/users/", reverse("wagtailusers_users:index"), {ADMIN}),
        Case("GET /admin/users/add/", reverse("wagtailusers_users:add"), {ADMIN}),
        Case(
            "GET /admin/users/<Nong Bua's officer>/",
            reverse("wagtailusers_users:edit", args=[nb_officer]),
            {ADMIN},
        ),
        Case(
            "GET /admin/users/<Nong Bua's officer>/delete/",
            reverse("wagtailusers_users:delete", args=[nb_officer]),
            {ADMIN},
        ),
        Case("GET /admin/groups/", reverse("wagtailusers_groups:index"), {ADMIN}),
        Case(
            "GET /admin/groups/<Nong Bua's administrators>/",
            reverse("wagtailusers_groups:edit", args=[nb_admins]),
            {ADMIN},
        ),
    ]


def office_staff_actions(s):
    nb_officer, officer_a = s.users[OFFICE_OFFICER].pk, s.users[OFFICER].pk
    nb_group = Group.objects.get(name=f"nongbua: {ROLE_NAMES[PERMIT_OFFICERS]}").pk
    nb_admins = Group.objects.get(name=f"nongbua: {ROLE_NAMES[ADMINISTRATORS]}").pk
    listing = _staff_url("list", "nongbua")
    return [
        Case(
            "POST /admin/office-staff/nongbua/invite/",
            _staff_url("invite", "nongbua"),
            OFFICE_STAFF,
            "post",
            {
                "first_name": "มาลี",
                "last_name": "ใจงาม",
                "email": "malee@nongbua.example",
                "groups": [nb_group],
            },
            then=listing,
        ),
        Case(
            "POST /admin/office-staff/nongbua/<Nong Bua's officer>/ (to Nong Bua's administrators)",
            _staff_url("member", "nongbua", nb_officer),
            OFFICE_STAFF,
            "post",
            {"groups": [nb_group, nb_admins]},
            then=listing,
        ),
        Case(
            "POST /admin/office-staff/nongbua/<the first office's officer>/ (into Nong Bua)",
            _staff_url("member", "nongbua", officer_a),
            set(),
            "post",
            {"groups": [nb_group]},
        ),
        Case(
            "POST /admin/office-staff/nongbua/<Nong Bua's officer>/resend/ (has a password already)",
            _staff_url("resend", "nongbua", nb_officer),
            OFFICE_STAFF,
            "post",
            then=_staff_url("member", "nongbua", nb_officer),
            changes=False,
        ),
        Case(
            "POST /admin/office-staff/nongbua/<Nong Bua's officer>/deactivate/",
            _staff_url("deactivate", "nongbua", nb_officer),
            OFFICE_STAFF,
            "post",
            then=listing,
        ),
        Case(
            "POST /admin/office-staff/nongbua/<the first office's officer>/deactivate/",
            _staff_url("deactivate", "nongbua", officer_a),
            set(),
            "post",
        ),
        Case(
            "POST /admin/office-staff/nongbua/<platform administrator>/deactivate/",
            _staff_url("deactivate", "nongbua", s.users[ADMIN].pk),
            set(),
            "post",
        ),
        Case(
            "POST /admin/office-staff/nongbua/<Nong Bua's officer>/reactivate/",
            _staff_url("reactivate", "nongbua", nb_officer),
            OFFICE_STAFF,
            "post",
            then=listing,
        ),
        Case(
            "POST /admin/office-staff/nongbua/<Nong Bua's officer>/remove/",
            _staff_url("remove", "nongbua", nb_officer),
            OFFICE_STAFF,
            "post",
            then=listing,
        ),
    ]


# Roles -------------------------------------------------------------------------------------------------------
def _ask_for_code(client, submission):
    response = client.post(verification_url(submission, "/th/status/"), {"action": "send", "next": "/"})
    assert response.status_code == 302
    return re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.M).group(1)


def client_for(role, s):
    client = Client()
    if role in s.users:
        client.force_login(s.users[role])
    elif role == CITIZEN:
        _ask_for_code(client, s.a)  # the code is on its way, but not typed in
    elif role == VERIFIED:
        code = _ask_for_code(client, s.a)
        response = client.post(
            verification_url(s.a, "/th/status/"), {"action": "check", "code": code, "next": "/"}
        )
        assert response.status_code == 302 and response["Location"] == "/"
    return client


def state():
    """Everything a POST in the table could change."""
    return (
        list(Submission.objects.order_by("pk").values_list("pk", "status", "version", "assignee_id")),
        SubmissionEvent.objects.count(),
        list(Message.objects.order_by("pk").values_list("pk", "state", "attempts")),
        list(Payment.objects.order_by("pk").values_list("pk", "status", "amount_refunded")),
        list(Refund.objects.order_by("pk").values_list("pk", "status")),
        TOTPDevice.objects.count(),
        AccessLog.objects.count(),
        SatisfactionRating.objects.count(),
        list(IssuedDocument.objects.order_by("pk").values_list("pk", "state")),
        list(ProcessingAgreement.objects.order_by("pk").values_list("pk", "ends_on")),
        Adoption.objects.count(),
        list(
            get_user_model().objects.order_by("pk").values_list("pk", "is_active", "is_superuser", "is_staff")
        ),
        list(get_user_model().groups.through.objects.order_by("pk").values_list("user_id", "group_id")),
    )


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "ignore")


def request(client, case):
    data = case.data() if callable(case.data) else case.data
    try:
        return getattr(client, case.method)(case.url, data)
    except Exception as error:  # a 500 in production
        return error


def judge(role, case, response, s, before):
    """The problem with `response`, or None."""
    if isinstance(response, Exception):
        return f"got 500 ({type(response).__name__}: {response})"
    status = response.status_code
    location = response.get("Location", "")
    if role in case.allow:
        if case.method == "get":
            if status != 200:
                return f"expected allow got {status} {location}"
        elif status not in (302, 303) or location != (
            then := case.then() if callable(case.then) else case.then
        ):
            return f"expected allow (redirect to {then}) got {status} {location}"
        elif case.changes and state() == before:
            return "expected allow but nothing changed"
        if status == 200:
            text = body(response)
            seen = {x.pk for x in visible(s, role)}
            for other in (s.a, s.a2, s.b, s.nb, s.pr.submission):
                leaked = [m for m in markers(other) if other.pk not in seen and m in text]
                if leaked:
                    return f"allowed, but shows a request it may not see: {leaked}"
        return None
    if status == 200:
        return "expected deny got 200"
    if status >= 500 or status not in (302, 303, 403, 404):
        return f"expected deny got {status}"
    changed = case.method == "post" and state() != before
    # A 404 outside the language prefixes is redirected to the same path under one (LocaleMiddleware).
    if status in (302, 303) and not (DENY_REDIRECTS.match(location) or location == f"/th{case.url}"):
        return f"expected deny got {status} to {location}" + (" and something changed" if changed else "")
    if changed:
        return "denied, but something changed"
    return None


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, scenario):
    s = scenario
    client = client_for(role, s)
    failures = []
    table = cases(s)
    for case in table:
        before = state() if case.method == "post" else None
        problem = judge(role, case, request(client, case), s, before)
        if problem:
            failures.append(f"{role} × {case.label} {problem}")
    assert not failures, "\n".join(failures)


# The second factor on every staff URL ---------------------------------------------------------------------
# Open to a member of staff before the second factor: signing in and out, their own code and enrolment
# pages, the admin's translations. Everything else under /admin/, and every `staff_view` outside it,
# waits for the code.
OPEN_BEFORE_THE_CODE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "security:verify",
    "security:setup",
}
TOKEN_PAGE = re.compile(r"^/admin/two-factor/(setup/)?\?next=")


def is_staff_url(url) -> bool:
    """Under /admin/, or a view outside it marked `security.middleware.staff_view`."""
    return url.route.startswith("admin/") or getattr(url.view, "staff_view", False)


def staff_urls():
    return [url for url in all_urls() if is_staff_url(url) and url.name not in OPEN_BEFORE_THE_CODE]


def password_only(role, s, settings):
    """A member of staff signed in with their password, in production (codes required), before the code."""
    settings.TAMBON_STAFF_2FA_REQUIRED = True
    return client_for(role, s)


def to_the_token_page(response) -> bool:
    return response.status_code == 302 and TOKEN_PAGE.match(response["Location"]) is not None


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_no_staff_url_in_the_table_opens_before_the_second_factor(role, scenario, settings):
    """With two-factor sign-in required (production), a signed-in member of staff who has not given
    a code reaches none of the staff URLs above — files, exports, receipts, reports, the privacy
    tools, payments, colleagues' devices — administrators included: each sends them to the code."""
    s = scenario
    client = password_only(role, s, settings)
    failures = []
    for case in cases(s):
        url = resolve(case.url.split("?")[0])
        if not (case.url.startswith("/admin/") or getattr(url.func, "staff_view", False)):
            continue
        before = state() if case.method == "post" else None
        response = request(client, case)
        problem = judge(role, Case(case.label, case.url, set(), case.method), response, s, before)
        if problem or not to_the_token_page(response):
            failures.append(f"{role} (no code yet) × {case.label} {problem or response.get('Location')}")
    assert not failures, "\n".join(failures)


def test_every_staff_url_in_the_urlconf_waits_for_the_second_factor(scenario, settings):
    """Every staff URL the site has — Wagtail's own admin too, read from the URLconf so a URL added later
    is covered — answers an administrator's password-only session with the token page, never with
    data. (The guard does not look at the method: the table's POSTs above show it for them.)"""
    s = scenario
    client = password_only(ADMIN, s, settings)
    values = {
        "file_id": s.file_a.pk,
        "pk": s.a.pk,
        "reference": s.a.reference,
        "payment_id": s.payment.pk,
        "refund_id": s.refund.pk,
        "decision": "approve",
        "user_id": s.users[OFFICER].pk,
        "page_id": s.page_a.pk,
    }
    urls = staff_urls()
    assert len(urls) > 300 and any(not url.route.startswith("admin/") for url in urls)
    failures = []
    for url in urls:
        path = url.path(**values)
        response = client.get(path)
        if not to_the_token_page(response):
            failures.append(
                f"GET {path} ({url.name}) gave {response.status_code} {response.get('Location', '')}"
            )
    assert not failures, "\n".join(failures)
    # A member with a device is asked for the code, one without it to enrol; both come back afterwards.
    file_url = reverse("casework:file", args=[s.file_a.pk])
    assert client.get(file_url)["Location"] == "/admin/two-factor/setup/?next=" + quote(file_url, safe="")
    officer = password_only(OFFICER, s, settings)
    assert officer.get(file_url)["Location"] == "/admin/two-factor/?next=" + quote(file_url, safe="")


# Public pages: a URL that is not a staff URL must be known to be public ----------------------------------
# Each name here is open to visitors by design; what it shows a role is decided by the view (tested in the
# table above and in the citizens' tests). A new URL that is neither here nor a staff URL fails below.
PUBLIC = {
    "wagtail_serve": "the pages of the site",
    "public_statistics": "the office's service statistics: counts only, small counts hidden",
    "charter": "the citizen's charter: the office's live e-services, their times and fees",
    "staff_invitation": "a new member of staff sets their password with the invitation's single-use link",
    "oit_index": "the office's ITA/OIT disclosure index: public items and published links only",
    "procurement_summary": "the office's procurement summary, from its published procurement notices",
    "wagtaildocs_serve": "documents editors publish (Wagtail checks a collection's restrictions)",
    "wagtaildocs_authenticate_with_password": "a password-protected document's password form",
    "wagtailcore_authenticate_with_password": "a password-protected page's password form",
    "wagtailcore_login": "the sign-in form for pages restricted to signed-in users",
    "sitemap": "the sitemap",
    "robots_txt": "robots.txt",
    "set_language": "the language switch",
    "search": "site search",
    "eforms:resume": "a citizen's signed resume link",
    "eforms:qr": "an e-service's QR code",
    "payments:stripe_webhook": "Stripe's webhook, signed",
    "payments_citizen:pay": "the citizen's payment page, behind the one-time code",
    "payments_citizen:returned": "back from the payment provider, behind the one-time code",
    "payments_citizen:cancelled": "the payment was cancelled, behind the one-time code",
    "payments_citizen:receipt": "the citizen's receipt, behind the one-time code",
    "payments_citizen:promptpay_qr": "the PromptPay QR page, behind the one-time code",
    "payments_citizen:promptpay_qr_image": "the PromptPay QR image, behind the one-time code",
    "payments_citizen:promptpay_qr_print": "the PromptPay QR to print, behind the one-time code",
    "payments_citizen:demo_checkout": "the demo checkout (only with PAYMENTS_DEMO)",
    "status:lookup": "the status look-up form",
    "status:detail": "the citizen's status page, behind the one-time code",
    "status:withdraw": "withdrawing a request, behind the one-time code",
    "status:proof_of_filing": "the citizen's proof of filing (PDF), behind the one-time code",
    "documents:download": "the citizen's issued document (PDF), behind the one-time code",
    "documents:verify": "the public check of a document by its QR code (no personal data)",
    "documents:renew": "renewing the citizen's document, behind the one-time code of its request",
    "status:rate": "a citizen's signed rating link",
    "citizen_verify": "the one-time code page",
    "problems:board": "the public board of reported problems (never the reporter's details)",
    "problems:board_map": "the public board's cases for its map: no hidden or sensitive case, no reporter",
    "problems:case": "a reported problem's public page (hidden and sensitive ones are 404)",
    "problems:photo": "a reported problem's photo, while its report is public",
    "problems:new": "reporting a problem: what",
    "problems:where": "reporting a problem: where (this browser's own answers)",
    "problems:photos": "reporting a problem: photos and contact (this browser's own answers)",
    "problems:done": "the confirmation, for the browser that sent the report",
    "problems:similar": "reporting a problem: open reports like this browser's own answers, to support",
    "problems:support": '"I have this problem too" on a public open case, once per session',
    "problems:follow_lookup": "the form for a report's follow-up code",
    "problems:follow": "a report's follow-up page, only with its secret code (rate-limited)",
    "problems:figures": "figures per category and division, small counts hidden",
    "problems:figures_csv": "the monthly figures per category as CSV, small counts hidden",
    "open311:services": "Open311 GeoReport v2: the office's public problem categories",
    "open311:requests": "Open311 GeoReport v2: what the public board shows, no reporter's details",
    "open311:request": "Open311 GeoReport v2: one case the public board shows",
    "open311:root": "Open311 GeoReport v2: the service discovery document (no personal data)",
    "open311:discovery": "Open311 GeoReport v2: the service discovery document (no personal data)",
    "open311:service": "Open311 GeoReport v2: a public category's service definition",
    "open311:unknown": "Open311 GeoReport v2: any other path, the spec's 404",
    "open311:unknown_format": "Open311 GeoReport v2: any other path, the spec's 404",
    "line_webhook:webhook": "LINE's webhook, signed with the office's channel secret",
    "line:link": "a single-use LINE link for a request, behind the one-time code or the confirmation page",
    "line:unbind": "stopping a request's LINE updates, behind the one-time code",
    "line:sign_in": "sign in with LINE (a citizen identity only, never staff)",
    "line:login_callback": "back from LINE Login: state, nonce and the ID token's signature checked",
    "line:sign_out": "signing out of LINE",
    "line:my_requests": "the requests bound to the LINE user signed in on this browser",
    "line:open_request": "one of those requests' status page, for the LINE user bound to it",
}


def test_every_url_is_a_staff_url_or_known_to_be_public():
    unknown = sorted(
        f"/{url.route} ({url.name or url.view.__module__})"
        for url in all_urls()
        if not is_staff_url(url) and url.name not in PUBLIC
    )
    assert unknown == [], (
        "New URLs: mark a view that shows staff data with security.middleware.staff_view (and add it to "
        "the table), or add a public one to PUBLIC with the reason"
    )
    assert set(PUBLIC) <= {url.name for url in all_urls()}  # nothing stale


def test_no_public_url_shows_a_password_only_member_of_staff_more_than_a_visitor(scenario, settings):
    """A view listed as public that nevertheless answers staff differently would be a staff URL without
    the second factor: a password-only administrator gets what an anonymous visitor gets."""
    s = scenario
    admin = password_only(ADMIN, s, settings)
    visitor = Client()
    values = {"reference": s.a.reference, "payment_id": s.qr_payment.pk, "token": "x", "file_id": s.file_a.pk}
    differ = []
    for url in all_urls():
        if is_staff_url(url) or url.name in ("wagtail_serve", "set_language", "payments:stripe_webhook"):
            continue
        path = url.path(**values)
        seen = [
            (r.status_code, r.get("Location", "").split("?")[0]) for r in (admin.get(path), visitor.get(path))
        ]
        if seen[0] != seen[1]:
            differ.append(f"{path} ({url.name}): administrator {seen[0]}, visitor {seen[1]}")
    assert differ == []


def test_the_table_covers_every_staff_url_of_our_apps(scenario):
    """A staff URL any of our apps adds (not Wagtail's own) must be in the role table, so that who may
    open it is decided on purpose."""
    ours = {path.parent.name for path in Path(settings.BASE_DIR).glob("*/apps.py")}
    in_table = {resolve(case.url.split("?")[0]).view_name for case in cases(scenario)}
    missing = sorted(
        url.name or url.route
        for url in staff_urls()
        if getattr(url.view, "__module__", "").split(".")[0] in ours and url.name not in in_table
    )
    assert missing == [
        # Answered with a file, not a page or a redirect; its refusals are in test_subject_requests.py.
        "privacy_subject_requests:export",
        # One's own backup codes, after the code (tests/security/test_staff_two_factor.py).
        "security:new_backup_codes",
    ]


# No guessable URL leads to a file -----------------------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
def test_an_unknown_file_id_looks_like_a_forbidden_one(role, scenario):
    """A random id answers as a file of another service does: no hint that an id exists."""
    s = scenario
    client = client_for(role, s)
    for name in ("casework:file", "inbox:file"):
        response = client.get(reverse(name, args=[uuid.uuid4()]))
        assert response.status_code in (302, 403, 404), (role, name, response.status_code)
        if response.status_code == 302:
            assert DENY_REDIRECTS.match(response["Location"]), (role, name, response["Location"])
        if role not in HANDLE_B:
            forbidden = client.get(reverse(name, args=[s.file_b.pk]))
            assert (forbidden.status_code, forbidden.get("Location", "").split("?")[0]) == (
                response.status_code,
                response.get("Location", "").split("?")[0],
            ), (role, name)


def test_no_private_file_is_served_by_path(scenario):
    """Every file under PRIVATE_MEDIA_ROOT, asked for under /media/ (by its path, with or without the
    folder names) by an administrator and by a visitor: never served. Even the development static
    view for MEDIA_ROOT cannot reach them, because the private root is outside it."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not private.is_relative_to(media) and not media.is_relative_to(private)
    # The files this scenario stored (the private root also holds earlier tests' files on this worker).
    stored = [*SubmissionFile.objects.exclude(file=""), *ProblemPhoto.objects.exclude(file="")]
    files = [Path(record.file.path).resolve() for record in stored]
    assert len(files) >= 2 and all(path.is_file() and path.is_relative_to(private) for path in files)
    admin = client_for(ADMIN, scenario)
    visitor = Client()
    factory = RequestFactory()
    for path in files:
        relative = path.relative_to(private).as_posix()
        inner = path.relative_to(private / "eforms").as_posix()
        for guess in (
            f"/media/{relative}",
            f"/media/{inner}",
            f"/media/private_media/{relative}",
            f"/private_media/{relative}",
            f"/media/../private_media/{relative}",
        ):
            for client in (admin, visitor):
                response = client.get(guess)
                assert response.status_code != 200 or PDF_BYTES not in body(response), guess
        for name in (relative, inner, f"../{private.name}/{relative}"):
            with pytest.raises((Http404, SuspiciousFileOperation)):
                serve(factory.get("/media/x"), name, document_root=settings.MEDIA_ROOT)


def test_the_table_covers_every_inbox_payment_and_security_url(scenario):
    """A new URL in these apps must be added to the table (or here, with the reason it is left out)."""
    in_table = {resolve(case.url.split("?")[0]).view_name for case in cases(scenario)}
    personal = {"security:verify", "security:setup", "security:new_backup_codes"}  # one's own device
    resolver = get_resolver()
    missing = []
    for namespace in (
        "inbox",
        "payments_admin",
        "security",
        "eforms",
        "casework",
        "outbox",
        "status",
        "payments_citizen",
        "privacy_subject_requests",
    ):
        names = {n for n in resolver.namespace_dict[namespace][1].reverse_dict if isinstance(n, str)}
        missing += sorted(f"{namespace}:{n}" for n in names if f"{namespace}:{n}" not in in_table | personal)
    assert missing == [
        # Public or token-protected pages, not role-dependent: the resume and rating links are signed,
        # the QR codes public, the look-up form open to all, the demo checkout only in demo mode.
        "eforms:qr",
        "eforms:resume",
        "status:lookup",
        "status:rate",
        "payments_citizen:demo_checkout",
        # Answered with a file, not a page or a redirect; its refusals are in test_subject_requests.py.
        "privacy_subject_requests:export",
    ]
