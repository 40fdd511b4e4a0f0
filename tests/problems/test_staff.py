"""A report lands in its category's division's inbox with its clock; the officer hides it with a
reason or answers in public; nobody else sees it."""

import time

import pytest
from django.contrib.auth.models import Group, Permission

from casework.models import Submission
from offices.lookup import default_office
from problems import services
from problems.models import Category, ProblemReport
from security.citizen_verification import SESSION_KEY
from tests.conftest import make_staff
from tests.problems.factories import make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def roads_division(site_pages):
    group = Group.objects.create(name="กองช่าง")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    Category.objects.filter(office=default_office(), code="street-light").update(division=group)
    return group


@pytest.fixture
def roads_officer(django_user_model, roads_division):
    return make_staff(django_user_model, "roads", roads_division.name)


@pytest.fixture
def health_officer(django_user_model, site_pages):
    group = Group.objects.create(name="กองสาธารณสุข")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    Category.objects.filter(office=default_office(), code="mosquito").update(division=group)
    return make_staff(django_user_model, "health", group.name)


def test_the_division_sees_its_reports_in_the_inbox_with_the_deadline(client, roads_officer, health_officer):
    light = make_report(code="street-light", name="สมชาย")
    mosquito = make_report(code="mosquito")
    assert list(Submission.objects.visible_to(roads_officer)) == [light.submission]
    assert list(Submission.objects.visible_to(health_officer)) == [mosquito.submission]
    client.force_login(roads_officer)
    inbox = client.get("/admin/inbox/").content.decode()
    assert light.submission.reference in inbox and mosquito.submission.reference not in inbox
    detail = client.get(f"/admin/inbox/{light.submission_id}/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert f"/admin/problems/{light.pk}/" in page and "สมชาย" in page
    assert light.submission.processing_days == light.category.resolution_days == 7
    assert client.get(f"/admin/problems/{light.pk}/").status_code == 200
    # Another division's report is refused as a missing one.
    assert client.get(f"/admin/problems/{mosquito.pk}/").status_code in (302, 403)
    assert client.get("/admin/problems/999999/").status_code in (302, 403)


def test_hiding_needs_a_reason_and_answers_go_public(client, roads_officer):
    report = make_report()
    client.force_login(roads_officer)
    refused = client.post(f"/admin/problems/{report.pk}/hide/", {"reason": ""})
    assert refused.status_code == 400
    assert not ProblemReport.objects.get(pk=report.pk).hidden
    assert client.post(f"/admin/problems/{report.pk}/hide/", {"reason": "รูปมีใบหน้าบุคคล"}).status_code == 302
    report.refresh_from_db()
    assert report.hidden and report.hidden_reason == "รูปมีใบหน้าบุคคล" and report.hidden_by == roads_officer
    client.post(f"/admin/problems/{report.pk}/show/")
    client.post(f"/admin/problems/{report.pk}/answer/", {"text": "ช่างจะเข้าซ่อมวันพรุ่งนี้"})
    client.logout()
    assert "ช่างจะเข้าซ่อมวันพรุ่งนี้" in client.get(f"/th/reports/{report.pk}/").content.decode()


def test_an_officer_without_the_division_cannot_hide(client, health_officer):
    report = make_report(code="street-light")
    client.force_login(health_officer)
    response = client.post(f"/admin/problems/{report.pk}/hide/", {"reason": "x"})
    assert response.status_code in (302, 403)
    assert not ProblemReport.objects.get(pk=report.pk).hidden


def test_the_reporter_follows_the_case_on_the_status_page(client, roads_officer):
    """The same status page as e-services (reference, email, one-time code), with the public answer."""
    report = make_report(email="somchai@example.com")
    services.answer_in_public(report, actor=roads_officer, text="รับเรื่องแล้ว จะซ่อมภายในสัปดาห์นี้")
    reference = report.submission.reference
    assert client.get(f"/th/status/{reference}/").status_code == 302  # the code first
    session = client.session
    session[SESSION_KEY] = {str(report.submission_id): time.time()}
    session.save()
    page = client.get(f"/th/status/{reference}/")
    assert page.status_code == 200
    assert "จะซ่อมภายในสัปดาห์นี้" in page.content.decode()
