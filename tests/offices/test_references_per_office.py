"""References per office: each office counts its own references (two offices using the same prefix both
have BP-69-000001), and a reference only ever finds a request of the office it is typed at — on the
citizen's pages by the site's host, in the staff's tools by the request's id or an office chosen."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from casework import notices
from casework import services as casework_services
from casework.constants import EventKind
from casework.models import ReferenceCounter, Submission
from casework.references import year_code
from eforms.models import ServiceCataloguePage
from outbox import services as outbox
from outbox.models import Message
from payments import admin_views
from payments.models import Payment
from privacy import subjects
from security.citizen_verification import SESSION_KEY
from security.models import CitizenDevice
from tests.casework.factories import make_submission
from tests.eforms.factories import make_service
from tests.migrations import latest, migrate
from tests.offices.conftest import SECOND_HOST, create_second_office
from tests.payments.conftest import make_garbage_service
from tests.payments.conftest import make_submission as make_fee_submission

FIRST_HOST = "localhost"
SAME = "BP-69-000777"


def _url(name, *args):
    with translation.override("th"):
        return reverse(name, args=args)


def _second_catalogue():
    office = create_second_office()
    return office, ServiceCataloguePage.objects.descendant_of(office.site.root_page).get()


def _building(catalogue):
    return make_service(catalogue, slug="building", title="ขออนุญาตก่อสร้าง", reference_prefix="BP")


@pytest.fixture
def two_offices(first_office, catalogue):
    """Both offices' building permit, prefix BP, and a request BP-69-000777 in each (different emails)."""
    second, second_catalogue = _second_catalogue()
    services = {"first": _building(catalogue), "second": _building(second_catalogue)}
    requests = {
        "first": make_submission(services["first"], reference=SAME, applicant_email="first@example.com"),
        "second": make_submission(
            services["second"],
            reference=SAME,
            applicant_email="second@example.com",
            service_title="ขออนุญาตก่อสร้าง หนองบัว",
        ),
    }
    assert requests["first"].office == first_office and requests["second"].office == second
    return requests


def _verify(client, *submissions):
    session = client.session
    session[SESSION_KEY] = {str(s.pk): time.time() for s in submissions}
    session.save()


# Counting ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_two_offices_with_the_same_prefix_each_count_from_one(first_office, catalogue):
    first = _building(catalogue)
    second = _building(_second_catalogue()[1])

    def send(service):
        return casework_services.submit(service, answers={}, shown_steps=[], files={}, language="th")

    made = [send(first), send(second), send(first), send(second), send(second)]
    year = year_code(timezone.localdate().year)
    assert [(s.office.code, s.reference) for s in made] == [
        (first_office.code, f"BP-{year}-000001"),
        ("nongbua", f"BP-{year}-000001"),
        (first_office.code, f"BP-{year}-000002"),
        ("nongbua", f"BP-{year}-000002"),
        ("nongbua", f"BP-{year}-000003"),
    ]
    assert Submission.objects.by_reference(f"bp-{year}-000003", office=made[1].office) == made[4]
    assert Submission.objects.by_reference(f"BP-{year}-000003", office=first_office) is None


# The citizen's pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_status_lookup_finds_only_the_request_of_the_site_it_is_typed_at(client, two_offices):
    lookup = _url("status:lookup")
    # The second office's reference and email, typed on the first office's site: "not found", exactly
    # as a wrong reference is.
    other = client.post(lookup, {"reference": SAME, "email": "second@example.com"}, HTTP_HOST=FIRST_HOST)
    wrong = client.post(
        lookup, {"reference": "BP-69-999999", "email": "first@example.com"}, HTTP_HOST=FIRST_HOST
    )
    assert other.status_code == wrong.status_code == 400
    assert other.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()
    # On its own office's site the same typing leads to the code page.
    found = client.post(lookup, {"reference": SAME, "email": "second@example.com"}, HTTP_HOST=SECOND_HOST)
    assert found.status_code == 302 and f"/verify/{SAME}/" in found["Location"]


@pytest.mark.django_db
def test_a_code_is_sent_only_for_the_request_of_the_site_it_is_asked_at(client, two_offices):
    verify = _url("citizen_verify", SAME)
    client.post(verify, {"action": "send", "next": "/"}, HTTP_HOST=SECOND_HOST)
    assert [m.to for m in mail.outbox] == [["second@example.com"]]
    code = re.search(r"^\s+(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE).group(1)
    message = Message.objects.get(kind="citizen_code")
    assert message.submission_id == two_offices["second"].pk

    # The second office's code typed on the first office's site proves nothing there.
    on_first = client.post(verify, {"action": "check", "code": code, "next": "/"}, HTTP_HOST=FIRST_HOST)
    assert on_first.status_code == 200 and on_first.context["form"].errors
    assert client.get(_url("status:detail", SAME), HTTP_HOST=FIRST_HOST)["Location"] == _url("status:lookup")
    on_second = client.post(verify, {"action": "check", "code": code, "next": "/"}, HTTP_HOST=SECOND_HOST)
    assert on_second.status_code == 302
    page = client.get(_url("status:detail", SAME), HTTP_HOST=SECOND_HOST)
    assert page.status_code == 200 and page.context["submission"] == two_offices["second"]
    assert list(CitizenDevice.objects.values_list("submission_id", flat=True)) == [two_offices["second"].pk]


@pytest.mark.django_db
def test_a_verified_request_does_not_open_the_other_offices_request_with_the_same_number(client, two_offices):
    _verify(client, two_offices["second"])
    detail = _url("status:detail", SAME)
    assert client.get(detail, HTTP_HOST=FIRST_HOST)["Location"] == _url("status:lookup")
    page = client.get(detail, HTTP_HOST=SECOND_HOST)
    assert page.status_code == 200 and "หนองบัว" in page.content.decode()
    _verify(client, two_offices["first"])
    page = client.get(detail, HTTP_HOST=FIRST_HOST)
    assert page.context["submission"] == two_offices["first"] and "หนองบัว" not in page.content.decode()


@pytest.mark.django_db
def test_the_per_reference_limit_counts_each_office_apart(client, two_offices):
    lookup = _url("status:lookup")
    for _ in range(10):
        client.post(lookup, {"reference": SAME, "email": "x@example.com"}, HTTP_HOST=FIRST_HOST)
    assert (
        client.post(lookup, {"reference": SAME, "email": "x@example.com"}, HTTP_HOST=FIRST_HOST).status_code
        == 429
    )
    second = client.post(lookup, {"reference": SAME, "email": "second@example.com"}, HTTP_HOST=SECOND_HOST)
    assert second.status_code == 302


@pytest.mark.django_db
def test_the_payment_page_finds_only_the_request_of_its_site(client, first_office, catalogue):
    second_service = make_garbage_service(_second_catalogue()[1])
    theirs = make_fee_submission(second_service, reference="GF-69-000001")
    _verify(client, theirs)
    pay = _url("payments_citizen:pay", theirs.reference)
    # On the first office's site, the same answer as a reference nobody has: prove your email first.
    elsewhere = client.get(pay, HTTP_HOST=FIRST_HOST)
    missing = client.get(_url("payments_citizen:pay", "GF-69-999999"), HTTP_HOST=FIRST_HOST)
    assert elsewhere.status_code == missing.status_code == 302
    assert elsewhere["Location"].startswith(_url("citizen_verify", theirs.reference))
    page = client.get(pay, HTTP_HOST=SECOND_HOST)
    assert page.status_code == 200 and page.context["submission"] == theirs


# Messages, the timeline, the data-subject tools -------------------------------------------------------


@pytest.mark.django_db
def test_a_failed_email_goes_on_the_timeline_of_its_own_request(two_offices):
    theirs = two_offices["second"]
    message = outbox.queue(
        to="second@example.com",
        subject="s",
        body="b",
        kind="k",
        reference=theirs.reference,
        submission_id=theirs.pk,
    )
    message.last_error = "550 no such mailbox"
    notices.record_failed_message(sender=None, message=message)
    assert theirs.events.filter(kind=EventKind.EMAIL_FAILED).count() == 1
    assert not two_offices["first"].events.filter(kind=EventKind.EMAIL_FAILED).exists()


@pytest.mark.django_db
def test_a_message_about_a_request_must_name_it_by_id(db):
    with pytest.raises(ValueError):
        outbox.queue(to="a@example.com", subject="s", body="b", kind="k", reference=SAME)


@pytest.mark.django_db
def test_erasing_a_person_leaves_the_other_offices_request_with_the_same_reference(two_offices):
    for submission in two_offices.values():
        Message.objects.create(
            reference=SAME,
            submission_id=submission.pk,
            kind="acknowledgement",
            to=submission.applicant_email,
            language="th",
            subject="ได้รับคำขอแล้ว",
            body="b",
        )
        CitizenDevice.objects.create(
            submission_id=submission.pk, address=submission.applicant_email, name="c"
        )
    Submission.objects.update(status="completed")
    found = subjects.find(subjects.classify("second@example.com"))
    assert found.cases == [two_offices["second"].pk]
    assert [s.pk for s in found.records("submissions")] == [two_offices["second"].pk]
    subjects.erase(found)
    ours, theirs = (Submission.objects.get(pk=two_offices[name].pk) for name in ("first", "second"))
    assert theirs.applicant_email == "" and theirs.anonymised_at is not None
    assert ours.applicant_email == "first@example.com" and ours.anonymised_at is None
    assert list(Message.objects.values_list("submission_id", flat=True)) == [ours.pk]
    assert list(CitizenDevice.objects.values_list("submission_id", flat=True)) == [ours.pk]


# The payments admin ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_payments_admin_asks_which_office_when_two_have_the_reference(
    admin_client, admin_user, first_office, catalogue
):
    ours = make_fee_submission(make_garbage_service(catalogue), reference="GF-69-000001")
    theirs = make_fee_submission(make_garbage_service(_second_catalogue()[1]), reference="GF-69-000001")
    url = reverse("payments_admin:submission", args=["GF-69-000001"])
    choice = admin_client.get(url)
    assert choice.status_code == 200 and "choose_office" in choice.templates[0].name
    assert {s.pk for s in choice.context["matches"]} == {ours.pk, theirs.pk}
    searched = admin_client.get(reverse("payments_admin:index"), {"q": "gf-69-000001"})
    assert searched.status_code == 200 and len(searched.context["matches"]) == 2
    page = admin_client.get(url, {"office": theirs.office_id})
    assert page.status_code == 200 and page.context["submission"] == theirs
    assert f"?office={theirs.office_id}" in page.content.decode()  # its forms name the office
    # An action never guesses between the two: "not found" (Django's language redirect of a 404).
    counter = reverse("payments_admin:counter", args=["GF-69-000001"])
    refused = admin_client.post(counter, {"amount": "40", "method": "cash"})
    assert refused.status_code == 302 and refused["Location"].startswith("/th/admin/")
    assert not Payment.objects.exists()
    request = RequestFactory().get(url, {"office": "x"})
    request.user = admin_user
    with pytest.raises(Http404):
        admin_views._submission(request, "GF-69-000001")


# The migration --------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_each_office_its_counters_and_links_messages(first_office, catalogue):
    first = _building(catalogue)
    second_office, second_catalogue = _second_catalogue()
    second = _building(second_catalogue)
    old = migrate([("casework", "0004_submission_office")])
    OldSubmission = old.get_model("casework", "Submission")
    # Before: one BP count for the installation; the first office had 1 and 3, the second 2.
    made = {}
    for number, service, office in (
        (1, first, first_office),
        (2, second, second_office),
        (3, first, first_office),
    ):
        made[number] = OldSubmission.objects.create(
            reference=f"BP-69-{number:06d}",
            service_id=service.pk,
            office_id=office.pk,
            service_title="ขออนุญาตก่อสร้าง",
            language="th",
            processing_days=5,
            expected_completion=datetime.date(2026, 1, 30),
        )
    old.get_model("casework", "ReferenceCounter").objects.create(prefix="BP", year_code="69", last_number=3)
    # The outbox's own migrations stay applied: a message from before names its request by reference.
    Message.objects.create(
        reference="BP-69-000002",
        kind="acknowledgement",
        to="a@example.com",
        language="th",
        subject="s",
        body="b",
    )

    migrate(latest())  # every app's latest, for later tests

    assert sorted(
        ReferenceCounter.objects.values_list("office__code", "prefix", "year_code", "last_number")
    ) == [
        (first_office.code, "BP", "69", 3),
        ("nongbua", "BP", "69", 2),
    ]
    assert Message.objects.get().submission_id == made[2].pk
    when = datetime.datetime(2026, 1, 15, 3, tzinfo=datetime.UTC)
    with transaction.atomic():
        assert casework_services.next_reference("BP", office=second_office, when=when) == "BP-69-000003"
        assert casework_services.next_reference("BP", office=first_office, when=when) == "BP-69-000004"
