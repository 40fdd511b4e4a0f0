"""Payments per office (issue 12): each office's payment settings, its own provider credentials (its
Stripe account, its PromptPay biller ID), its own webhook, and payment screens that show an office's
staff only their office's payments — another office's are as missing as one that does not exist."""

import datetime
import json
import re
from io import StringIO

import pytest
import stripe
from django.contrib.auth.models import Group
from django.core import checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from casework.models import ServiceHandler
from eforms.models import ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from offices.groups import ROLE_NAMES
from offices.lookup import default_office
from offices.models import Office
from payments import checkout, counter, providers, receipts, refunds, reports, scope
from payments.checks import NO_CREDENTIALS
from payments.constants import EventOutcome, PaymentStatus
from payments.models import Payment, PaymentSettings, ProviderEvent
from payments.providers.promptpay_qr import statements
from tests.conftest import make_staff
from tests.payments.conftest import (
    BILLER_ID,
    WEBHOOK_SECRET,
    enable_providers,
    make_garbage_service,
    make_submission,
    on_site,
    pay_url,
    start,
    start_promptpay_qr,
    statement_csv,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _their_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "huainamsai.example"]


CODE = "huainamsai"
OTHER_BILLER_ID = "010555012345102"  # another valid tax ID, suffix 02
OWN_KEY = "sk_test_huainamsai"
OWN_SECRET = "whsec_huainamsai"


@pytest.fixture
def second_office(catalogue):
    """A second office made as an installer would, with a garbage fee of its own."""
    call_command(
        "create_office",
        domain="huainamsai.example",
        code=CODE,
        name_th="องค์การบริหารส่วนตำบลห้วยน้ำใส",
        name_en="Huai Nam Sai SAO",
        stdout=StringIO(),
    )
    office = Office.objects.select_related("site").get(code=CODE)
    office_catalogue = office.site.root_page.get_children().type(ServiceCataloguePage).get().specific
    office.service = make_garbage_service(office_catalogue)
    return office


@pytest.fixture
def theirs(second_office):
    """A request to the second office."""
    submission = make_submission(second_office.service, email="nipa@example.com")
    assert submission.office == second_office
    return submission


@pytest.fixture
def own_keys(settings, fake_stripe):
    """The installation's keys (the default office's) and the second office's own."""
    setattr(settings, f"STRIPE_SECRET_KEY__{CODE.upper()}", OWN_KEY)
    setattr(settings, f"STRIPE_WEBHOOK_SECRET__{CODE.upper()}", OWN_SECRET)
    return fake_stripe


def deliver_to(client, url, event, secret):
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(payload, secret)
    return client.post(url, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


OWN_WEBHOOK = f"/payments/stripe/webhook/{CODE}/"
DEFAULT_WEBHOOK = "/payments/stripe/webhook/"


# Settings per office --------------------------------------------------------------------------------
def test_each_office_offers_what_it_chose_with_its_own_biller_id(client, submission, theirs):
    enable_providers("promptpay_qr")
    enable_providers("promptpay_qr", biller_id=OTHER_BILLER_ID, office=theirs.office)
    mine = start_promptpay_qr(client, submission)
    other = start_promptpay_qr(client, theirs)
    page = client.get(other.checkout_url, **on_site(theirs)).content.decode()
    assert OTHER_BILLER_ID in page and BILLER_ID not in page and "ห้วยน้ำใส" in page
    assert BILLER_ID in client.get(mine.checkout_url).content.decode()
    # The QR code itself carries the office's biller ID (EMVCo tag 30, sub-tag 01).
    payload = providers.get("promptpay_qr", office=theirs.office).payload(other)
    assert f"0115{OTHER_BILLER_ID}" in payload and BILLER_ID not in payload
    # The office stops offering it: its citizens see no QR code choice, the other office's still do.
    enable_providers(office=theirs.office)
    assert checkout.offered_providers(theirs.office) == []
    assert [p.id for p in checkout.offered_providers(submission.office)] == ["promptpay_qr"]
    assert 'value="promptpay_qr"' not in client.get(pay_url(theirs), **on_site(theirs)).content.decode()


def test_refund_limits_and_receipt_notes_are_the_offices(theirs, submission, permit_officer):
    row = PaymentSettings.for_office(theirs.office)
    row.refund_approval_threshold, row.receipt_note_th = 0, "อบต.ห้วยน้ำใส ไม่ใช่ผู้จดทะเบียนภาษีมูลค่าเพิ่ม"
    row.save()
    paid = {
        s.pk: counter.record_counter_payment(
            s, amount=4000, method="cash", note_text="", officer=permit_officer
        )
        for s in (submission, theirs)
    }
    assert refunds.needs_second_officer(paid[theirs.pk], 100)
    assert not refunds.needs_second_officer(paid[submission.pk], 100)  # the default office keeps 1,000 baht
    notes = {pk: receipts.receipt_context(p.receipt)["office_tax_note"] for pk, p in paid.items()}
    assert notes == {submission.pk: "", theirs.pk: "อบต.ห้วยน้ำใส ไม่ใช่ผู้จดทะเบียนภาษีมูลค่าเพิ่ม"}


def test_a_new_office_starts_from_the_defaults_not_from_another_office(second_office):
    enable_providers("promptpay_qr")
    call_command(
        "create_office", domain="nongbua.example", code="nongbua", name_th="หนองบัว", name_en="Nong Bua",
        stdout=StringIO(),
    )  # fmt: skip
    row = PaymentSettings.for_office(Office.objects.get(code="nongbua"))
    assert row.online_providers is None and row.provider_options == {}


# Who edits which office's settings -------------------------------------------------------------------
def settings_url(site=None):
    base = "/admin/settings/payments/paymentsettings/"
    return f"{base}{site.pk}/" if site else base


def form_data(threshold):
    return {
        "online_providers": ["promptpay_qr"],
        "promptpay_qr__biller_id": OTHER_BILLER_ID,
        "promptpay_qr__merchant_name": "",
        "promptpay_qr__column_date": "วันที่",
        "promptpay_qr__column_amount": "จำนวนเงิน",
        "promptpay_qr__column_ref1": "Ref1",
        "promptpay_qr__column_ref2": "",
        "promptpay_qr__column_transaction": "",
        "refund_approval_threshold": threshold,
        "receipt_note_th": "",
        "receipt_note_en": "",
    }


def test_an_office_administrator_edits_only_their_own_offices_settings(
    client, second_office, django_user_model
):
    ours, theirs_site = default_office().site, second_office.site
    admin = make_staff(django_user_model, "hns_admin", f"{CODE}: {ROLE_NAMES[ADMINISTRATORS]}")
    client.force_login(admin)
    # The menu's link opens their office's settings, whatever host they came in on (the default's here).
    response = client.get(settings_url())
    assert response.status_code == 302 and response["Location"] == settings_url(theirs_site)
    page = client.get(settings_url(theirs_site))
    assert (
        page.status_code == 200 and settings_url(ours) not in page.content.decode()
    )  # no site switcher to it
    saved = client.post(settings_url(theirs_site), form_data("5"))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert PaymentSettings.for_site(theirs_site).refund_approval_threshold == 500
    # Another office's settings: refused, to read and to write.
    before = PaymentSettings.for_site(ours).refund_approval_threshold
    assert client.get(settings_url(ours)).status_code != 200
    refused = client.post(settings_url(ours), form_data("1"))
    assert refused.status_code != 200 and refused.get("Location") != settings_url(ours)
    assert PaymentSettings.for_site(ours).refund_approval_threshold == before
    assert PaymentSettings.for_site(ours).online_providers is None


def test_an_officer_edits_no_settings_and_the_platform_administrator_every_office(
    client, second_office, django_user_model, administrator
):
    officer = make_staff(django_user_model, "hns_officer", f"{CODE}: {ROLE_NAMES[PERMIT_OFFICERS]}")
    client.force_login(officer)
    assert client.get(settings_url(second_office.site)).status_code != 200
    client.force_login(administrator)
    for site in (default_office().site, second_office.site):
        assert client.get(settings_url(site)).status_code == 200


def test_the_settings_form_offers_stripe_only_to_an_office_with_its_own_key(
    client, second_office, administrator, own_keys, settings
):
    client.force_login(administrator)
    setattr(settings, f"STRIPE_SECRET_KEY__{CODE.upper()}", "")
    refused = client.post(
        settings_url(second_office.site), {**form_data("5"), "online_providers": ["stripe"]}
    )
    assert refused.status_code == 200 and f"STRIPE_SECRET_KEY__{CODE.upper()}" in refused.content.decode()
    assert PaymentSettings.for_office(second_office).online_providers is None
    # The installation's key is the default office's only: the second office is not offered Stripe.
    assert "stripe" not in [p.id for p in checkout.offered_providers(second_office)]
    assert "stripe" in [p.id for p in checkout.offered_providers(default_office())]


# Credentials per office: Stripe ---------------------------------------------------------------------------
def test_each_office_is_charged_through_its_own_stripe_account(
    client, own_keys, submission, theirs, permit_officer
):
    fake = own_keys
    mine = start(client, submission)
    assert fake.keys[-1] == "sk_test_fake"
    other = start(client, theirs)
    assert fake.keys[-1] == OWN_KEY
    # Checking a payment asks the office's own account (another account would not know the session).
    fake.pay(other.provider_reference)
    checkout.refresh(other)
    other.refresh_from_db()
    assert other.status == PaymentStatus.PAID and fake.keys[-1] == OWN_KEY
    # A refund goes through the same account.
    refunds.request_refund(other, amount=1000, reason="คืนบางส่วน", officer=permit_officer)
    assert fake.requests[-1][1] == "/v1/refunds" and fake.keys[-1] == OWN_KEY
    mine.refresh_from_db()
    assert mine.status == PaymentStatus.PENDING


def test_an_office_webhook_is_verified_with_that_offices_secret(client, own_keys, submission, theirs):
    fake = own_keys
    other = start(client, theirs)
    fake.pay(other.provider_reference)
    event = fake.event("checkout.session.completed", other.provider_reference)
    # Signed with the default office's secret, or sent to the default office's URL: refused.
    assert deliver_to(client, OWN_WEBHOOK, event, WEBHOOK_SECRET).status_code == 400
    assert deliver_to(client, DEFAULT_WEBHOOK, event, OWN_SECRET).status_code == 400
    assert deliver_to(client, "/payments/stripe/webhook/nobody/", event, OWN_SECRET).status_code in (302, 404)
    other.refresh_from_db()
    assert other.status == PaymentStatus.PENDING and not ProviderEvent.objects.exists()
    # Its own URL, its own secret: applied, and recorded as the office's.
    assert deliver_to(client, OWN_WEBHOOK, event, OWN_SECRET).status_code == 200
    other.refresh_from_db()
    assert other.status == PaymentStatus.PAID and hasattr(other, "receipt")
    assert ProviderEvent.objects.get().office == theirs.office


def test_an_office_cannot_mark_another_offices_payment_paid_with_its_own_secret(
    client, own_keys, submission, theirs
):
    """The second office's staff know their own signing secret: an event they sign for the first
    office's payment, sent to their own URL, changes nothing of the first office."""
    fake = own_keys
    mine = start(client, submission)
    fake.pay(mine.provider_reference)
    forged = fake.event("checkout.session.completed", mine.provider_reference)
    response = deliver_to(client, OWN_WEBHOOK, forged, OWN_SECRET)
    assert response.status_code == 200 and response.content.decode() == EventOutcome.IGNORED
    mine.refresh_from_db()
    assert mine.status == PaymentStatus.PENDING and not hasattr(mine, "receipt")
    # The same with the payment's id only in the metadata (no session id stored yet).
    Payment.objects.filter(pk=mine.pk).update(provider_reference=None)
    forged = fake.event("checkout.session.completed", obj={**forged["data"]["object"], "id": "cs_forged"})
    assert deliver_to(client, OWN_WEBHOOK, forged, OWN_SECRET).status_code == 200
    mine.refresh_from_db()
    assert mine.status == PaymentStatus.PENDING and mine.provider_reference is None


def test_the_default_office_keeps_its_old_webhook_url(client, own_keys, submission):
    mine = start(client, submission)
    own_keys.pay(mine.provider_reference)
    event = own_keys.event("checkout.session.completed", mine.provider_reference)
    code = submission.office.code.upper().replace("-", "_")
    assert deliver_to(client, DEFAULT_WEBHOOK, event, WEBHOOK_SECRET).status_code == 200
    mine.refresh_from_db()
    assert mine.status == PaymentStatus.PAID
    assert reverse("payments:stripe_webhook", args=[submission.office.code]).endswith(
        f"/{submission.office.code}/"
    )
    assert code  # its own variables (STRIPE_SECRET_KEY__<CODE>) would take precedence, tested below


def test_an_offices_own_variable_takes_precedence_over_the_installations(settings, db):
    office = default_office()
    from payments.providers.stripe import conf  # noqa: PLC0415 — the module under test

    settings.STRIPE_SECRET_KEY = "sk_installation"
    assert conf.secret_key(office) == "sk_installation"
    setattr(settings, f"STRIPE_SECRET_KEY__{office.code.upper().replace('-', '_')}", "sk_own")
    assert conf.secret_key(office) == "sk_own"


def test_check_deploy_warns_about_an_office_offering_stripe_without_its_keys(settings, second_office):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_x", "whsec_x"
    row = PaymentSettings.for_office(second_office)
    row.online_providers = ["stripe"]  # chosen while the keys were set; they were removed since
    row.save()

    def warnings():
        return [
            m.msg for m in checks.run_checks(include_deployment_checks=True, tags=["security"]) if m.id == NO_CREDENTIALS
        ]  # fmt: skip

    found = warnings()
    assert len(found) == 1 and CODE in found[0] and f"STRIPE_SECRET_KEY__{CODE.upper()}" in found[0]
    setattr(settings, f"STRIPE_SECRET_KEY__{CODE.upper()}", OWN_KEY)
    found = warnings()
    assert (
        len(found) == 1 and f"STRIPE_WEBHOOK_SECRET__{CODE.upper()}" in found[0]
    )  # its webhook cannot be verified
    setattr(settings, f"STRIPE_WEBHOOK_SECRET__{CODE.upper()}", OWN_SECRET)
    assert warnings() == []


# The payments screens ---------------------------------------------------------------------------------------
@pytest.fixture
def staff(django_user_model, garbage_service, second_office):
    officers = Group.objects.get(name=PERMIT_OFFICERS)
    ServiceHandler.objects.create(service=garbage_service, group=officers)
    their_officers = Group.objects.get(name=f"{CODE}: {ROLE_NAMES[PERMIT_OFFICERS]}")
    ServiceHandler.objects.create(service=second_office.service, group=their_officers)
    return {
        "officer": make_staff(django_user_model, "officer_a", PERMIT_OFFICERS),
        "their_officer": make_staff(django_user_model, "officer_b", their_officers.name),
        "their_admin": make_staff(django_user_model, "admin_b", f"{CODE}: {ROLE_NAMES[ADMINISTRATORS]}"),
    }


def _paid(submission, officer):
    return counter.record_counter_payment(
        submission, amount=4000, method="cash", note_text="", officer=officer
    )


def _as_missing(client, url, missing_url):
    """What `url` answers (status, where it redirects, the page), the address itself taken out, beside
    the same for a missing object. (A 404 under /admin/ is sent on to /th/admin/…, Django's
    LocaleMiddleware, which then answers 404 too.)"""

    def answer(path):
        response = client.get(path)
        page = re.sub(r"csrfmiddlewaretoken[^>]*", "", response.content.decode().replace(path, "<path>"))
        return response.status_code, response.get("Location", "").replace(path, "<path>"), page

    return answer(url), answer(missing_url)


def test_an_officer_opening_another_offices_payment_or_receipt_gets_what_a_missing_one_gets(
    client, staff, submission, theirs
):
    their_payment = _paid(theirs, staff["their_officer"])
    client.force_login(staff["officer"])
    seen, missing = _as_missing(
        client,
        reverse("payments_admin:submission", args=[theirs.reference]),
        reverse("payments_admin:submission", args=["GF-69-999999"]),
    )
    assert seen == missing and seen[:2] in ((404, ""), (302, "/th<path>"))
    seen, missing = _as_missing(
        client,
        reverse("payments_admin:receipt", args=[their_payment.pk]),
        reverse("payments_admin:receipt", args=[10**8]),
    )
    assert seen == missing and seen[:2] in ((404, ""), (302, "/th<path>"))


def test_an_office_administrator_sees_every_payment_of_their_office_and_none_of_another(
    client, staff, submission, theirs, garbage_service
):
    other_request = make_submission(theirs.service, email="b2@example.com")  # not one they handle
    mine, their_payment = _paid(submission, staff["officer"]), _paid(theirs, staff["their_officer"])
    client.force_login(staff["their_admin"])
    index = client.get(reverse("payments_admin:index")).content.decode()
    # Rows link to their request's payments (the search box's placeholder is an example reference).
    link = lambda sub: reverse("payments_admin:submission", args=[sub.reference])  # noqa: E731
    assert link(theirs) in index and link(submission) not in index
    assert client.get(reverse("payments_admin:submission", args=[other_request.reference])).status_code == 200
    assert client.get(reverse("payments_admin:receipt", args=[their_payment.pk])).status_code == 200
    assert client.get(reverse("payments_admin:submission", args=[submission.reference])).status_code != 200
    assert client.get(reverse("payments_admin:receipt", args=[mine.pk])).status_code != 200
    # The reconciliation report (for whoever is given it) counts the same payments.
    report = reports.build(submissions=scope.visible_submissions(staff["their_admin"]))
    assert [p.pk for p in report["payments"]] == [their_payment.pk]
    assert report["totals"]["received"] == 4000


def test_a_bank_statement_is_matched_to_its_offices_requests_only(client, staff, submission, theirs):
    enable_providers("promptpay_qr")
    enable_providers("promptpay_qr", biller_id=OTHER_BILLER_ID, office=theirs.office)
    their_qr = start_promptpay_qr(client, theirs)
    ref1 = theirs.reference.replace("-", "")
    client.force_login(staff["officer"])  # the first office's officer imports the first office's statement
    url = reverse("payments_admin:promptpay_qr_statements")
    response = client.post(
        url,
        {"statement": _file(statement_csv([("27/11/2569", "40.00", ref1, str(their_qr.pk), "TX-B1")]))},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "ไม่มีคำขอที่ใช้ Ref1 นี้" in text
    their_qr.refresh_from_db()
    assert their_qr.status == PaymentStatus.PENDING
    event = ProviderEvent.objects.get()
    assert event.office == submission.office and event.payment is None
    # The second office's staff do not see the first office's unmatched line, nor its import.
    client.force_login(staff["their_admin"])
    their_page = client.get(url).content.decode()
    assert "TX-B1" not in their_page and ref1 not in their_page and "a.csv" not in their_page
    # Their own statement with the same bank transaction id is theirs to apply.
    response = client.post(
        url,
        {
            "office": CODE,
            "statement": _file(statement_csv([("27/11/2569", "40.00", ref1, str(their_qr.pk), "TX-B1")])),
        },
    )
    their_qr.refresh_from_db()
    assert response.status_code == 200 and their_qr.status == PaymentStatus.PAID
    assert ProviderEvent.objects.filter(event_id__startswith=f"{CODE}:").count() == 1
    # Another office's account by its code: as an office that does not exist.
    assert client.get(url + f"?office={submission.office.code}").status_code in (302, 404)
    assert client.get(url + "?office=nobody").status_code in (302, 404)


def _file(data, name="a.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_the_statement_line_ids_are_kept_per_office(theirs):
    line = statements.Line(1, datetime.date(2026, 11, 27), "", 4000, "GF69000001", "", "TX1")
    assert statements.event_id(line, theirs.office) == f"{CODE}:txn:TX1"
    assert statements.event_id(line, default_office()) != statements.event_id(line, theirs.office)
