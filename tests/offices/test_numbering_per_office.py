"""Each office keeps its own receipt book and its own reference counters: numbers start at 1 per office
(and fiscal year, or prefix and Buddhist Era year), with no gaps and no duplicates even when two
offices take payments or receive requests at the same moment."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from casework import services as casework_services
from casework.models import ReferenceCounter, Submission
from casework.references import parse_reference, year_code
from eforms.models import ServiceCataloguePage
from payments import receipts
from payments.constants import PaymentStatus
from payments.models import Payment, Receipt, ReceiptCounter
from payments.transitions import transition
from tests.eforms.factories import make_service
from tests.migrations import latest, migrate
from tests.offices.conftest import SECOND_TH, create_second_office
from tests.payments.conftest import make_garbage_service, make_submission

PAID_AT = datetime.datetime(2026, 1, 15, 3, tzinfo=datetime.UTC)  # fiscal year 2569


def _pay(service, when=PAID_AT):
    payment = Payment.objects.create(
        submission=make_submission(service), channel="counter", amount=4000, description="x"
    )
    transition(
        payment,
        PaymentStatus.PAID,
        source="officer",
        changes={"amount_received": 4000, "method": "cash", "paid_at": when},
    )
    return Receipt.objects.get(payment=payment)


def _second_office_service():
    office = create_second_office()
    catalogue = ServiceCataloguePage.objects.descendant_of(office.site.root_page).get()
    return office, make_garbage_service(catalogue)


@pytest.mark.django_db
def test_each_office_numbers_its_own_receipts_from_one(first_office, catalogue):
    first_service = make_garbage_service(catalogue)
    second, second_service = _second_office_service()
    numbers = [
        (r.office.code, r.number)
        for r in (_pay(first_service), _pay(second_service), _pay(first_service), _pay(second_service))
    ]
    assert numbers == [
        (first_office.code, "2569/000001"),
        ("nongbua", "2569/000001"),
        (first_office.code, "2569/000002"),
        ("nongbua", "2569/000002"),
    ]
    next_year = _pay(second_service, PAID_AT.replace(month=10))
    assert next_year.number == "2570/000001"


@pytest.mark.django_db
def test_a_receipt_prints_the_name_of_the_office_that_issued_it(first_office, catalogue):
    _second, second_service = _second_office_service()
    receipt = _pay(second_service)
    assert receipts.receipt_context(receipt, "th")["office_name"] == SECOND_TH


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_offices_taking_payments_at_once_get_no_gap_and_no_duplicate(first_office, catalogue):
    services = {"first": make_garbage_service(catalogue), "second": _second_office_service()[1]}
    per_office = 6
    barrier = threading.Barrier(2)
    errors = []

    def take_payments(name):
        try:
            barrier.wait()
            for _ in range(per_office):
                _pay(services[name])
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_payments, args=(name,)) for name in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for office in (first_office, services["second"].get_site().office):
        sequences = list(Receipt.objects.filter(office=office).values_list("sequence", flat=True))
        assert sorted(sequences) == list(range(1, per_office + 1))
        assert ReceiptCounter.objects.get(office=office).last_number == per_office


# The migration ------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_puts_receipts_and_counters_on_their_office(first_office, catalogue):
    first_service = make_garbage_service(catalogue)
    second, second_service = _second_office_service()
    submissions = [make_submission(first_service), make_submission(second_service)]
    old = migrate([("payments", "0006_bank_statements")])
    OldPayment, OldReceipt = old.get_model("payments", "Payment"), old.get_model("payments", "Receipt")
    # Before offices, one installation-wide book: the first office had 1 and 3, the second 2.
    for sequence, submission in ((1, submissions[0]), (2, submissions[1]), (3, submissions[0])):
        payment = OldPayment.objects.create(
            submission_id=submission.pk, channel="counter", amount=4000, description="x", status="paid"
        )
        OldReceipt.objects.create(
            payment=payment, fiscal_year=2569, sequence=sequence, number=f"2569/{sequence:06d}"
        )
    old.get_model("payments", "ReceiptCounter").objects.create(fiscal_year=2569, last_number=3)

    # Forward to the latest state of every app: going back to payments 0006 also undid what depends on
    # it (offices, privacy), which later tests need.
    migrate(latest())

    assert sorted(Receipt.objects.values_list("office__code", "number")) == [
        (first_office.code, "2569/000001"),
        (first_office.code, "2569/000003"),
        ("nongbua", "2569/000002"),
    ]
    assert sorted(ReceiptCounter.objects.values_list("office__code", "last_number")) == [
        (first_office.code, 3),
        ("nongbua", 2),
    ]
    assert _pay(second_service).number == "2569/000003"  # continues its own book; unique per office


# References ---------------------------------------------------------------------------------------
# A reference is unique within its office and counted per office, prefix and year: two offices using
# the same prefix both count from 1 (tests/offices/test_references_per_office.py: where each is found).


def _send(service):
    return casework_services.submit(service, answers={}, shown_steps=[], files={}, language="th").reference


def _services_in_two_offices(catalogue, first_prefix, second_prefix):
    first = make_service(catalogue, slug="building", title="ขออนุญาตก่อสร้าง", reference_prefix=first_prefix)
    office = create_second_office()
    second_catalogue = ServiceCataloguePage.objects.descendant_of(office.site.root_page).get()
    second = make_service(
        second_catalogue, slug="building", title="ขออนุญาตก่อสร้าง", reference_prefix=second_prefix
    )
    return first, second


@pytest.mark.django_db
def test_an_office_with_its_own_prefix_counts_its_references_from_one(first_office, catalogue):
    first, second = _services_in_two_offices(catalogue, "BP", "NBP")
    year = year_code(timezone.localdate().year)
    assert [_send(first), _send(second), _send(first), _send(second)] == [
        f"BP-{year}-000001",
        f"NBP-{year}-000001",
        f"BP-{year}-000002",
        f"NBP-{year}-000002",
    ]


@pytest.mark.django_db
def test_offices_sharing_a_prefix_each_count_it_from_one(first_office, catalogue):
    first, second = _services_in_two_offices(catalogue, "BP", "BP")
    references = [_send(first), _send(second), _send(first)]
    year = year_code(timezone.localdate().year)
    assert references == [f"BP-{year}-000001", f"BP-{year}-000001", f"BP-{year}-000002"]
    office = second.get_site().office
    assert Submission.objects.by_reference(references[1], office=office).service.pk == second.pk


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.parametrize("prefixes", [("BP", "NBP"), ("BP", "BP")], ids=["own prefixes", "shared prefix"])
def test_two_offices_receiving_requests_at_once_get_no_gap_and_no_duplicate(
    first_office, catalogue, prefixes
):
    services = _services_in_two_offices(catalogue, *prefixes)
    per_office = 6
    barrier = threading.Barrier(2)
    errors = []

    def send_requests(service):
        try:
            barrier.wait()
            for _ in range(per_office):
                _send(service)
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send_requests, args=(service,)) for service in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for service, prefix in zip(services, prefixes, strict=True):
        office = service.get_site().office
        references = Submission.objects.filter(office=office).values_list("reference", flat=True)
        assert {parse_reference(reference)[0] for reference in references} == {prefix}
        assert sorted(parse_reference(reference)[2] for reference in references) == list(
            range(1, per_office + 1)
        )
        assert ReferenceCounter.objects.get(office=office).last_number == per_office
