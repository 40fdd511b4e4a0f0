"""Late reports: the first answer is read from the request's timeline; a report past its response or
resolution time is flagged on the officer's page, the inbox's page and the admin's home page; its
division is told by email once when the first answer is late and every 7 days while the fix is late
(the daily `eforms_notify`), a category without a division telling the office's administrators."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from freezegun import freeze_time
from wagtail.users.models import UserProfile

from casework import workflow
from home.groups import ADMINISTRATORS
from offices.lookup import default_office
from offices.models import OfficeGroup
from outbox.models import Message
from problems import overdue, services
from problems.models import Category, ProblemReport
from tests.conftest import make_staff
from tests.problems.factories import make_report

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(
    2026, 11, 2, 9, tzinfo=datetime.UTC
)  # street light: answer by Wed, fix by Wed 11th


def _division(name, code):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    Category.objects.filter(office=default_office(), code=code).update(division=group)
    return group


@pytest.fixture
def roads(site_pages, django_user_model):
    group = _division("กองช่าง", "street-light")
    return make_staff(django_user_model, "roads", group.name, email="roads@example.com")


def _notify(when):
    with freeze_time(when):
        out = StringIO()
        call_command("eforms_notify", stdout=out)
    return out.getvalue()


def _late_mail(to):
    return list(Message.objects.filter(kind=overdue.KIND, to=to).order_by("pk"))


def test_the_first_answer_is_read_from_the_timeline(site_pages, admin_user):
    answered, reviewed, untouched = make_report(), make_report(), make_report()
    assert answered.first_response_at is None
    services.answer_in_public(answered, actor=admin_user, text="รับเรื่องแล้ว")
    workflow.transition(reviewed.submission, workflow.Action.START_REVIEW, actor=admin_user)
    workflow.comment(
        untouched.submission, "ภายใน: ไม่ใช่คำตอบ", actor=admin_user
    )  # the reporter does not see it
    first = {r.pk: r.first_response_at for r in ProblemReport.objects.all()}
    assert first[answered.pk] and first[reviewed.pk] and first[untouched.pk] is None
    services.answer_in_public(reviewed, actor=admin_user, text="อีกครั้ง")
    assert ProblemReport.objects.get(pk=reviewed.pk).first_response_at == first[reviewed.pk]  # set once


def test_a_late_report_is_flagged_for_its_officers(client, roads):
    with freeze_time(MONDAY):
        report = make_report(code="street-light")
    client.force_login(roads)
    with freeze_time(MONDAY + datetime.timedelta(days=3)):  # Thursday: the answer was due Wednesday
        page = client.get(f"/admin/problems/{report.pk}/").content.decode()
        assert "ล่าช้า" in page and "ยังไม่มีผู้ใดตอบผู้แจ้ง" in page
        inbox = client.get(f"/admin/inbox/{report.submission_id}/").content.decode()
        assert "ล่าช้า: ยังไม่มีผู้ใดตอบผู้แจ้ง" in inbox
        home = client.get("/admin/").content.decode()
        assert "การแจ้งปัญหาที่เกินมาตรฐานเวลาให้บริการ (1)" in home and report.submission.reference in home
        services.answer_in_public(report, actor=roads, text="กำลังไปดู")
        assert "ล่าช้า" not in client.get(f"/admin/problems/{report.pk}/").content.decode()
        assert "การแจ้งปัญหาที่เกินมาตรฐาน" not in client.get("/admin/").content.decode()
    with freeze_time(MONDAY + datetime.timedelta(days=10)):  # the fix was due on the 11th
        client.force_login(roads)
        english = client.get(f"/admin/problems/{report.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        page = client.get(f"/admin/problems/{report.pk}/").content.decode()
        assert "ล่าช้า" in page
        home = client.get("/admin/").content.decode()
        assert "ต้องแก้ไขเสร็จภายใน" in home
    assert english.status_code == 200


def test_the_division_is_told_once_for_the_answer_and_weekly_for_the_fix(
    site_pages, roads, django_user_model
):
    other = _division("กองสาธารณสุข", "mosquito")
    make_staff(django_user_model, "health", other.name, email="health@example.com")
    with freeze_time(MONDAY):
        report = make_report(code="street-light")
    assert "notices to staff: 0" in _notify(MONDAY + datetime.timedelta(days=2))  # Wednesday: not late yet
    assert "notices to staff: 1" in _notify(MONDAY + datetime.timedelta(days=3))
    (mail,) = _late_mail("roads@example.com")
    assert mail.language == "th" and "การแจ้งปัญหาล่าช้า 1 เรื่อง" in mail.subject
    assert report.submission.reference in mail.body and "ยังไม่มีผู้ใดตอบผู้แจ้ง" in mail.body
    assert f"/admin/problems/{report.pk}/" in mail.body
    assert not _late_mail("health@example.com")
    assert "notices to staff: 0" in _notify(MONDAY + datetime.timedelta(days=4))  # told once
    # The fix is late from Thursday the 12th: told again, then every 7 days while it stays late.
    assert "notices to staff: 1" in _notify(MONDAY + datetime.timedelta(days=10))
    assert "แก้ไขเสร็จ" in _late_mail("roads@example.com")[-1].body
    assert "notices to staff: 0" in _notify(MONDAY + datetime.timedelta(days=13))
    assert "notices to staff: 1" in _notify(MONDAY + datetime.timedelta(days=17))
    assert len(_late_mail("roads@example.com")) == 3


def test_without_a_division_the_office_administrators_are_told_in_their_language(
    site_pages, django_user_model
):
    group = Group.objects.create(name="ผู้ดูแลของสำนักงาน")
    OfficeGroup.objects.filter(office=default_office(), role=ADMINISTRATORS).delete()
    OfficeGroup.objects.create(office=default_office(), group=group, role=ADMINISTRATORS)
    chief = make_staff(django_user_model, "chief", group.name, email="chief@example.com")
    UserProfile.get_for_user(chief).__class__.objects.filter(user=chief).update(preferred_language="en")
    with freeze_time(MONDAY):
        make_report(code="garbage")  # answer due Tuesday, no division
        make_report(code="corruption")  # sensitive, no division: the office's administrators handle it
    assert overdue.notify_divisions(MONDAY + datetime.timedelta(days=4)) == 1  # Friday: both late
    (mail,) = _late_mail("chief@example.com")
    assert (
        mail.subject == "2 problem reports are late" and "nobody has answered the reporter yet" in mail.body
    )
