"""PromptPay QR to the office's account: the citizen's QR code, the officer's statement import (match,
duplicate, wrong amount, twice, bad files), transfers recorded by hand, refunds and expiry."""

import datetime
import io
import re

import pytest
import zxingcpp
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from casework.models import ServiceHandler
from home.groups import PERMIT_OFFICERS
from payments import checkout, refunds
from payments.constants import EventOutcome, PaymentStatus, RefundStatus
from payments.models import Payment, ProviderEvent, Receipt
from payments.providers.promptpay_qr import payload
from payments.providers.promptpay_qr.models import StatementImport
from payments.providers.promptpay_qr.statements import StatementError, import_statement, parse
from tests.conftest import make_staff
from tests.eforms.factories import field, make_service
from tests.payments.conftest import (
    BILLER_ID,
    enable_providers,
    make_submission,
    pay_url,
    start_promptpay_qr,
    statement_csv,
    verify,
)

pytestmark = pytest.mark.django_db
STATEMENTS_URL = "/admin/payments/promptpay-qr/statements/"


def ref1(submission):
    return submission.reference.replace("-", "")


def upload(client, data, name="statement.csv"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(STATEMENTS_URL, {"statement": file})


@pytest.fixture
def officer(permit_officer, garbage_service):
    """A permit officer who handles the garbage-fee service."""
    ServiceHandler.objects.create(service=garbage_service, group=Group.objects.get(name=PERMIT_OFFICERS))
    return permit_officer


# The citizen ------------------------------------------------------------------------------------------
def test_the_citizen_chooses_among_the_ways_the_office_offers(client, fake_stripe, submission):
    enable_providers("stripe", "promptpay_qr")
    verify(client, submission)
    page = client.get(pay_url(submission)).content.decode()
    assert 'name="provider" value="stripe"' in page and 'name="provider" value="promptpay_qr"' in page
    assert client.post(pay_url(submission)).status_code == 400  # a choice is needed
    response = client.post(pay_url(submission), {"provider": "promptpay_qr"})
    payment = submission.payments.get()
    assert response.status_code == 303 and response["Location"] == payment.checkout_url
    assert payment.provider == "promptpay_qr" and not fake_stripe.requests
    assert payment.provider_reference == f"{ref1(submission)}/{payment.pk}"


def test_a_provider_the_office_does_not_offer_cannot_be_used(client, fake_stripe, submission, promptpay_qr):
    verify(client, submission)
    response = client.post(pay_url(submission), {"provider": "stripe"})
    assert response.status_code == 400 and not Payment.objects.exists() and not fake_stripe.requests


def test_counter_only_offers_no_online_payment(client, fake_stripe, submission):
    enable_providers()
    verify(client, submission)
    page = client.get(pay_url(submission)).content.decode()
    assert '<form method="post">' not in page
    assert "ชำระที่สำนักงาน" in page or "pay at the office" in page
    assert client.post(pay_url(submission)).status_code == 400


def test_the_qr_code_page_shows_a_valid_code_amount_and_ref1(client, submission, promptpay_qr):
    payment = start_promptpay_qr(client, submission)
    page = client.get(payment.checkout_url)
    text = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert ref1(submission) in text and "40 บาท" in text and BILLER_ID in text
    image_url = reverse("payments_citizen:promptpay_qr_image", args=[submission.reference, payment.pk])
    assert f'src="{image_url}"' in text
    for html in (text, client.get(payment.checkout_url + "print/").content.decode()):
        [alt] = re.findall(r'<img src="[^"]*" [^>]*alt="([^"]*)"', html)
        assert "40 บาท" in alt and "<" not in alt and "&lt;" not in alt  # what a screen reader says
    image = client.get(image_url)
    assert image["Content-Type"] == "image/png" and "no-store" in image["Cache-Control"]
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.content)))
    fields = payload.decode(code.text)  # checks the CRC
    assert fields["30"]["00"] == "A000000677010112" and fields["30"]["01"] == BILLER_ID
    assert fields["30"]["02"] == ref1(submission) and fields["30"]["03"] == str(payment.pk)
    assert (fields["54"], fields["53"], fields["58"], fields["59"]) == ("40.00", "764", "TH", "TAMBON")
    printable = client.get(
        reverse("payments_citizen:promptpay_qr_print", args=[submission.reference, payment.pk])
    ).content.decode()
    assert image_url in printable and ref1(submission) in printable and "payments-print" in printable


def test_the_qr_code_needs_the_one_time_code(client, submission, promptpay_qr):
    payment = start_promptpay_qr(client, submission)
    client.logout()
    for name in ("promptpay_qr", "promptpay_qr_image", "promptpay_qr_print"):
        response = client.get(reverse(f"payments_citizen:{name}", args=[submission.reference, payment.pk]))
        assert response.status_code == 302 and "/verify/" in response["Location"]


def test_going_back_reuses_the_same_qr_code(client, submission, promptpay_qr):
    first = start_promptpay_qr(client, submission)
    page = client.get(pay_url(submission)).content.decode()
    assert first.checkout_url in page  # "show the QR code again"
    second = client.post(pay_url(submission), {"provider": "promptpay_qr"})
    assert second["Location"] == first.checkout_url and Payment.objects.count() == 1


def test_switching_to_stripe_closes_the_qr_code(client, fake_stripe, submission):
    enable_providers("stripe", "promptpay_qr")
    qr_payment = start_promptpay_qr(client, submission)
    client.post(pay_url(submission), {"provider": "stripe"})
    qr_payment.refresh_from_db()
    assert qr_payment.status == PaymentStatus.EXPIRED
    image = reverse("payments_citizen:promptpay_qr_image", args=[submission.reference, qr_payment.pk])
    assert client.get(image).status_code == 404  # a closed code is no longer shown


# The statement import -----------------------------------------------------------------------------------
def test_match_duplicate_and_wrong_amount(
    client, garbage_service, promptpay_qr, officer, django_capture_on_commit_callbacks
):
    first = make_submission(garbage_service)
    second = make_submission(garbage_service)
    a = start_promptpay_qr(client, first)
    b = start_promptpay_qr(client, second)
    data = statement_csv(
        [
            ("27/11/2569 10:31", "40.00", ref1(first), a.pk, "TX1001"),
            ("27/11/2569 10:31", "40.00", ref1(first), a.pk, "TX1001"),  # the same line again
            ("27/11/2569 11:02", "1,000.00", ref1(second), b.pk, "TX1002"),  # wrong amount
        ]
    )
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, data)
    assert response.status_code == 200
    text = response.content.decode()
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.amount_received, a.method, a.provider_payment_reference) == (
        PaymentStatus.PAID,
        4000,
        "promptpay",
        "TX1001",
    )
    assert b.status == PaymentStatus.NEEDS_REVIEW and "amount 100000" in b.review_reason
    assert Receipt.objects.count() == 1
    assert [line.outcome for line in ProviderEvent.objects.order_by("pk")] == [
        EventOutcome.APPLIED,
        EventOutcome.FLAGGED,
    ]
    statement = StatementImport.objects.get()
    assert (statement.lines, statement.paid, statement.duplicates, statement.flagged) == (3, 1, 1, 1)
    assert statement.uploaded_by == officer
    assert "statement-line--paid" in text and "statement-line--duplicate" in text
    assert "statement-line--flagged" in text and ("จำนวนเงินไม่ตรง" in text or "Wrong amount" in text)
    # The citizen gets the receipt by email; the timeline says paid; the officer is the actor.
    assert any(a.receipt.number in m.body for m in mail.outbox)
    assert a.log.get(to_status=PaymentStatus.PAID).actor == officer
    # The flagged line waits on the statements page and on the payments page.
    page = client.get(STATEMENTS_URL).content.decode()
    assert second.reference in page
    assert second.reference in client.get(reverse("payments_admin:index")).content.decode()

    # The same file again changes nothing.
    before = list(Payment.objects.order_by("pk").values_list("status", "amount_received"))
    again = upload(client, data).content.decode()
    assert list(Payment.objects.order_by("pk").values_list("status", "amount_received")) == before
    assert ProviderEvent.objects.count() == 2 and Receipt.objects.count() == 1
    assert set(ProviderEvent.objects.values_list("deliveries", flat=True)) == {1}
    assert "statement-line--paid" not in again and again.count("statement-line--duplicate") == 3


def test_lines_of_other_services_are_left_for_their_officers(
    client, garbage_service, catalogue, promptpay_qr, officer, administrator
):
    other_service = make_service(
        catalogue,
        slug="other",
        title="อื่น",
        reference_prefix="OT",
        fee_amount=40,
        fields=[field("email", "email", "อีเมล")],
    )
    mine, theirs = make_submission(garbage_service), make_submission(other_service, reference="OT-69-000001")
    a, b = start_promptpay_qr(client, mine), start_promptpay_qr(client, theirs)
    data = statement_csv(
        [("27/11/2569", "40.00", ref1(mine), "", "TX1"), ("27/11/2569", "40.00", ref1(theirs), "", "TX2")]
    )
    client.force_login(officer)
    text = upload(client, data).content.decode()
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == PaymentStatus.PAID and b.status == PaymentStatus.PENDING
    assert theirs.reference not in text and ref1(theirs) not in text
    assert not ProviderEvent.objects.filter(event_id="txn:TX2").exists()
    # An administrator importing the same statement applies the rest.
    client.force_login(administrator)
    upload(client, data)
    b.refresh_from_db()
    assert b.status == PaymentStatus.PAID


def test_a_transfer_for_an_unknown_ref1_is_kept_and_shown(client, administrator, promptpay_qr):
    client.force_login(administrator)
    text = upload(client, statement_csv([("27/11/2569", "40.00", "ZZ69000999", "", "TX9")])).content.decode()
    event = ProviderEvent.objects.get()
    assert event.outcome == EventOutcome.FLAGGED and event.payment is None
    assert "ZZ69000999" in client.get(STATEMENTS_URL).content.decode() and "statement-line--flagged" in text


def test_a_second_transfer_for_a_paid_fee_is_held_not_lost(client, submission, promptpay_qr, administrator):
    payment = start_promptpay_qr(client, submission)
    client.force_login(administrator)
    upload(client, statement_csv([("27/11/2569", "40.00", ref1(submission), "", "TX1")]))
    upload(client, statement_csv([("28/11/2569", "40.00", ref1(submission), "", "TX2")]))
    payment.refresh_from_db()
    second = Payment.objects.exclude(pk=payment.pk).get()
    assert payment.status == PaymentStatus.PAID
    assert second.status == PaymentStatus.NEEDS_REVIEW and "already paid" in second.review_reason
    assert second.amount_received == 4000 and second.provider_payment_reference == "TX2"


def test_a_transfer_after_the_qr_code_expired_still_counts(client, submission, promptpay_qr, administrator):
    payment = start_promptpay_qr(client, submission)
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert checkout.sync_pending()["expired"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED
    closed = client.get(payment.checkout_url).content.decode()
    assert "ปิดแล้ว" in closed or "is closed" in closed
    client.force_login(administrator)
    upload(client, statement_csv([("05/12/2569", "40.00", ref1(submission), "", "TX5")]))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_a_fresh_qr_code_is_not_expired_by_the_daily_check(client, submission, promptpay_qr):
    payment = start_promptpay_qr(client, submission)
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    checkout.sync_pending()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_a_transfer_recorded_by_hand(client, submission, promptpay_qr, officer):
    payment = start_promptpay_qr(client, submission)
    client.force_login(officer)
    form = {"ref1": submission.reference, "amount": "40", "paid_on": "2026-11-27", "transaction_id": ""}
    response = client.post(reverse("payments_admin:promptpay_qr_transfer"), form)
    assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    client.post(reverse("payments_admin:promptpay_qr_transfer"), form)  # the same transfer twice
    assert Payment.objects.count() == 1 and ProviderEvent.objects.count() == 1


def test_refunding_a_promptpay_qr_payment(client, submission, promptpay_qr, administrator, officer):
    payment = start_promptpay_qr(client, submission)
    client.force_login(administrator)
    upload(client, statement_csv([("27/11/2569", "40.00", ref1(submission), "", "TX1")]))
    page = client.get(reverse("payments_admin:submission", args=[submission.reference])).content.decode()
    assert "โอนเงินคืน" in page or "transfer the money back" in page
    refund = refunds.request_refund(payment, amount=1000, reason="ชำระเกิน", officer=officer)
    payment.refresh_from_db()
    assert refund.status == RefundStatus.SUCCEEDED and refund.provider == "promptpay_qr"
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTLY_REFUNDED, 1000)


# Permissions ---------------------------------------------------------------------------------------------
def test_importing_needs_its_permission(client, django_user_model, promptpay_qr, officer):
    clerk = make_staff(django_user_model, "clerk")
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_payment")
    )
    client.force_login(clerk)
    assert client.get(STATEMENTS_URL).status_code in (302, 403)
    assert upload(client, statement_csv([])).status_code in (302, 403)
    client.force_login(officer)  # permit officers got it with record_counter_payment (migration 0006)
    assert officer.has_perm("payments.import_bank_statement")
    assert client.get(STATEMENTS_URL).status_code == 200
    assert STATEMENTS_URL in client.get(reverse("payments_admin:index")).content.decode()


# Bad files ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ["ว่างเปล่า", "empty"]),
        (b"PK\x03\x04\x14\x00\x00\x00", ["Excel"]),
        (b"date;amount\n1;2\n", ["ไม่พบคอลัมน์", "were not found"]),
        ("วันที่ทำรายการ,จำนวนเงิน,Ref1\n31/02/2569,40.00,GF69000001\n".encode(), ["บรรทัดที่ 2", "Line 2"]),
        ("วันที่ทำรายการ,จำนวนเงิน,Ref1\n27/11/2569,สี่สิบ,GF69000001\n".encode(), ["บรรทัดที่ 2", "Line 2"]),
        (b"\x81\x82\xfc\xfd\xfe\n", ["อ่านตัวอักษร", "could not be read"]),
    ],
)
def test_bad_files_get_a_clear_error_in_thai_and_change_nothing(
    client, administrator, promptpay_qr, data, expected
):
    client.force_login(administrator)
    response = upload(client, data)
    text = response.content.decode()
    assert response.status_code == 400 and "statement-errors" in text
    assert any(word in text for word in expected), text[-3000:]
    assert not ProviderEvent.objects.exists() and not StatementImport.objects.exists()


COLUMNS = {
    "date": ["วันที่ทำรายการ"],
    "amount": ["จำนวนเงิน"],
    "ref1": ["ref1"],
    "ref2": ["ref2"],
    "transaction": ["เลขที่รายการ"],
}


def test_thai_bank_files_are_read(db):
    rows = [
        ("27/11/2569 10:31", "1,234.50", "gf-69-000001", "", "TX1"),
        ("1 ธ.ค. 2569", "฿ 40", "GF69000002", "7", ""),
    ]
    expected = [
        (datetime.date(2026, 11, 27), "10:31", 123450, "GF69000001", "", "TX1"),
        (datetime.date(2026, 12, 1), "", 4000, "GF69000002", "7", ""),
    ]
    for data in (
        statement_csv(rows),  # UTF-8
        b"\xef\xbb\xbf" + statement_csv(rows),  # UTF-8 with a BOM (Excel)
        statement_csv(rows, encoding="cp874"),  # Windows-874
        statement_csv(rows, encoding="tis-620"),  # TIS-620
        b"Bill payment report\nAccount 123-4-56789-0\n\n" + statement_csv(rows),  # a title above the header
        statement_csv(rows).replace(b",", b";").replace(b"1;234.50", b"1234.50"),  # semicolons
    ):
        lines, without_ref1 = parse(data, COLUMNS)
        assert [(x.paid_on, x.time, x.amount, x.ref1, x.ref2, x.transaction_id) for x in lines] == expected
        assert without_ref1 == 0


def test_lines_without_ref1_are_other_transactions(db):
    data = statement_csv(
        [("27/11/2569", "500.00", "", "", "TX7"), ("27/11/2569", "40.00", "GF69000001", "", "")]
    )
    lines, without_ref1 = parse(data, COLUMNS)
    assert len(lines) == 1 and without_ref1 == 1


def test_the_office_names_its_columns(client, administrator, submission):
    enable_providers(
        "promptpay_qr", column_date="Posting date", column_amount="Credit", column_ref1="Customer ref"
    )
    payment = start_promptpay_qr(client, submission)
    client.force_login(administrator)
    data = statement_csv(
        [("2026-11-27", "40.00", ref1(submission))], header=("Posting date", "Credit", "Customer ref")
    )
    upload(client, data)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_a_file_with_one_bad_line_applies_nothing(client, submission, promptpay_qr, administrator):
    payment = start_promptpay_qr(client, submission)
    with pytest.raises(StatementError):
        import_statement(
            statement_csv(
                [
                    ("27/11/2569", "40.00", ref1(submission), "", "TX1"),
                    ("??", "40.00", "GF69000009", "", "TX2"),
                ]
            ),
            office=submission.office,
            file_name="x.csv",
            officer=administrator,
            visible_submissions=payment.submission.__class__.objects.all(),
            columns=COLUMNS,
        )
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and not ProviderEvent.objects.exists()


def test_a_file_too_large_is_refused_before_it_is_read(client, administrator, promptpay_qr, settings):
    settings.PAYMENTS_STATEMENT_MAX_BYTES = 100
    client.force_login(administrator)
    response = upload(
        client, statement_csv([("27/11/2569", "40.00", "GF69000001", "", f"TX{n}") for n in range(10)])
    )
    assert response.status_code == 400 and (
        "ใหญ่เกินไป" in response.content.decode() or "too large" in response.content.decode()
    )
    assert not StatementImport.objects.exists()
