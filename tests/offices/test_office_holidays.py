"""Holidays per office (issue 12): national holidays shared by every office, local ones counted only in
their own office's deadlines and kept only by that office's administrators."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time

from casework import deadlines, reports, workflow
from casework.inbox.filters import status_counts
from casework.models import Holiday, ServiceHandler, Submission
from eforms.models import ServiceCataloguePage
from offices.models import LocalHoliday
from tests.casework.factories import make_submission, on
from tests.conftest import make_staff
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.migrations import latest, migrate
from tests.offices.conftest import SECOND_HOST

pytestmark = pytest.mark.django_db

D = datetime.date
MONDAY = D(2027, 3, 1)  # no public holiday that week
FOUNDATION_DAY = D(2027, 3, 2)  # the second office's own holiday (Tuesday)


@pytest.fixture
def services(catalogue, second_office, officers_group):
    """(first office's service, second office's service), one working day each."""
    second_catalogue = second_office.site.root_page.get_children().type(ServiceCataloguePage).first().specific
    made = []
    for parent, prefix in ((catalogue, "FA"), (second_catalogue, "NB")):
        service = make_service(
            parent,
            slug="complaint",
            reference_prefix=prefix,
            processing_days=1,
            fields=[field("full_name", "singleline", "ชื่อ-นามสกุล"), field("email", "email", "อีเมล")],
        )
        ServiceHandler.objects.create(service=service, group=officers_group)
        made.append(service)
    LocalHoliday.objects.create(office=second_office, date=FOUNDATION_DAY, name="วันสถาปนา อบต.หนองบัว")
    return made


def submit(service, host):
    wizard = Wizard(Client(HTTP_HOST=host), service)
    wizard.post("start", {"full_name": "สมชาย ใจดี", "email": "somchai@example.com"})
    wizard.post("review", {"website": ""})
    return Submission.objects.get(service=service)


def test_a_local_holiday_moves_only_its_own_offices_deadlines(services):
    first_service, second_service = services
    with freeze_time(on(MONDAY)):
        first = submit(first_service, "localhost")
        second = submit(second_service, SECOND_HOST)
    assert first.expected_completion == D(2027, 3, 2)
    assert second.expected_completion == D(2027, 3, 3)  # the foundation day is not a working day there
    assert "3 มีนาคม 2570" in mail.outbox[-1].body  # the second office's acknowledgement says so


def test_national_holidays_count_for_every_office(services):
    Holiday.objects.create(date=D(2027, 3, 1), name="วันหยุดราชการเพิ่มเป็นกรณีพิเศษ")
    first_service, second_service = services
    with freeze_time(on(D(2027, 2, 26))):  # Friday
        first = submit(first_service, "localhost")
        second = submit(second_service, SECOND_HOST)
    assert (first.expected_completion, second.expected_completion) == (D(2027, 3, 2), D(2027, 3, 3))


def test_a_pause_counts_the_days_lost_in_the_offices_own_calendar(services, permit_officer):
    first_service, second_service = services
    paused = {}
    for service in services:
        with freeze_time(on(MONDAY)):
            submission = make_submission(service, processing_days=5, assignee=permit_officer)
            workflow.transition(submission, "request_information", actor=permit_officer, reason="ขอสำเนา")
        with freeze_time(on(D(2027, 3, 4))):  # Thursday: the citizen replies
            workflow.transition(submission, "citizen_reply", reason="ส่งแล้ว")
        submission.refresh_from_db()
        paused[service.reference_prefix] = submission.paused_days
    assert paused == {"FA": 3, "NB": 2}  # Tue, Wed, Thu lost; the foundation day is not a working day


def test_the_report_counts_each_request_in_its_own_offices_working_days(services):
    for service in services:
        make_submission(
            service,
            status="completed",
            submitted_at=on(MONDAY),
            completed_at=on(D(2027, 3, 4)),
            expected_completion=D(2027, 3, 10),
        )
    median = {}
    for service in services:
        rows = reports.monthly(Submission.objects.filter(service=service), 2027)
        median[service.reference_prefix] = rows[2].median_days
    assert median == {"FA": 3, "NB": 2}


# The admin ---------------------------------------------------------------------------------------------


@pytest.fixture
def second_admin(client, django_user_model, second_office):
    user = make_staff(django_user_model, "nongbua-admin", "nongbua: ผู้ดูแลระบบ")
    client.force_login(user)
    return user


def test_an_offices_administrator_keeps_only_its_own_local_holidays(
    client, second_admin, first_office, second_office
):
    own = LocalHoliday.objects.create(office=second_office, date=FOUNDATION_DAY, name="วันสถาปนา อบต.หนองบัว")
    other = LocalHoliday.objects.create(office=first_office, date=D(2027, 3, 5), name="งานประจำปีดอยงาม")

    listing = client.get(reverse("local_holidays:index"))
    assert listing.status_code == 200
    assert "วันสถาปนา อบต.หนองบัว" in listing.content.decode()
    assert "งานประจำปีดอยงาม" not in listing.content.decode()

    missing = LocalHoliday.objects.order_by("-pk").first().pk + 100
    for name in ("edit", "delete", "history", "usage"):
        opened = client.get(reverse(f"local_holidays:{name}", args=[other.pk]))
        absent = client.get(reverse(f"local_holidays:{name}", args=[missing]))
        refused = (opened.status_code, opened.get("Location"))
        assert refused == (absent.status_code, absent.get("Location")) == (302, "/admin/"), name
        assert "งานประจำปีดอยงาม" not in client.get("/admin/").content.decode()
        assert client.get(reverse(f"local_holidays:{name}", args=[own.pk])).status_code == 200
    client.post(reverse("local_holidays:delete", args=[other.pk]))
    client.post(
        reverse("local_holidays:edit", args=[other.pk]), {"office": second_office.pk, "date": "2027-03-05"}
    )
    other.refresh_from_db()
    assert (other.office, other.name) == (first_office, "งานประจำปีดอยงาม")

    form = client.get(reverse("local_holidays:add")).context["form"]
    assert list(form.fields["office"].queryset) == [second_office]
    refused = client.post(
        reverse("local_holidays:add"), {"office": first_office.pk, "date": "2027-03-08", "name": "แอบเพิ่ม"}
    )
    assert refused.status_code == 200 and not LocalHoliday.objects.filter(name="แอบเพิ่ม").exists()
    client.post(
        reverse("local_holidays:add"), {"office": second_office.pk, "date": "2027-03-08", "name": "งานบุญ"}
    )
    assert LocalHoliday.objects.get(name="งานบุญ").office == second_office


def test_national_holidays_stay_with_platform_administrators(client, second_admin, administrator):
    assert client.get(reverse("wagtailsnippets_casework_holiday:list")).status_code in (302, 403)
    client.force_login(administrator)
    assert client.get(reverse("wagtailsnippets_casework_holiday:list")).status_code == 200
    assert client.get(reverse("local_holidays:index")).status_code == 200


def test_staff_of_no_office_do_not_see_local_holidays(client, permit_officer):
    client.force_login(permit_officer)
    assert client.get(reverse("local_holidays:index")).status_code in (302, 403)


# The migration -----------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_existing_days_split_into_national_and_the_default_offices_local_ones():
    newest = latest()
    try:
        old = migrate([("offices", "0005_office_administrators")])
        old.get_model("casework", "Holiday").objects.create(date=D(2027, 3, 2), name="วันสถาปนาเทศบาล")
        migrate(newest)
        national = set(Holiday.objects.values_list("date", flat=True))
        assert D(2027, 4, 13) in national  # Songkran: every office's
        assert D(2027, 3, 2) not in national
        local = LocalHoliday.objects.get(date=D(2027, 3, 2))
        assert local.name == "วันสถาปนาเทศบาล" and local.office.site.is_default_site
    finally:
        migrate(newest)


def test_due_soon_counts_in_each_offices_own_calendar(services, client, administrator):
    """On Monday, "due soon" reaches Thursday nationally, Friday at Nong Bua (its foundation day on
    Tuesday is closed): both requests are due on Friday, only Nong Bua's is due soon."""
    first_service, second_service = services
    friday = D(2027, 3, 5)
    first = make_submission(first_service, reference="FA-70-000001", expected_completion=friday)
    second = make_submission(second_service, reference="NB-70-000001", expected_completion=friday)
    with freeze_time(on(MONDAY)):
        assert deadlines.due_state(first) == "on_time" and deadlines.due_state(second) == "due_soon"
        client.force_login(administrator)
        listed = client.get(reverse("inbox:index") + "?due=soon").text
        assert second.reference in listed and first.reference not in listed
        counts = status_counts(Submission.objects.all())
        assert counts["due_soon"] == 1
