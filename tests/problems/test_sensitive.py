"""A sensitive category's reports are seen only by its named group — not by other officers, not by
the office's or the installation's administrators — never on the board, and the reporter's contact is
sealed from everyone but the group allowed to open it (each opening logged)."""

import pytest
from django.contrib.auth.models import Group, Permission

from casework.models import Submission
from home.groups import ADMINISTRATORS
from offices.lookup import default_office
from offices.models import OfficeGroup
from outbox.models import Message
from privacy.models import AccessLog
from problems.models import Category, SealedContact
from tests.conftest import make_staff
from tests.problems.factories import make_report

pytestmark = pytest.mark.django_db


def _office_admin(django_user_model):
    """An administrator of the office (not of the installation)."""
    group = _group("ผู้ดูแลระบบของสำนักงาน")
    OfficeGroup.objects.filter(office=default_office(), role=ADMINISTRATORS).delete()
    OfficeGroup.objects.create(office=default_office(), group=group, role=ADMINISTRATORS)
    return make_staff(django_user_model, "officeadmin", group.name)


def _group(name):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@pytest.fixture
def integrity(site_pages, django_user_model):
    """The integrity unit handles corruption complaints; its head may open the reporter's contact."""
    unit, heads = _group("ศูนย์ปฏิบัติการต่อต้านการทุจริต"), _group("หัวหน้าศูนย์ต่อต้านการทุจริต")
    Category.objects.filter(office=default_office(), code="corruption").update(
        division=unit, identity_group=heads
    )
    investigator = make_staff(django_user_model, "investigator", unit.name)
    head = make_staff(django_user_model, "head", unit.name)
    head.groups.add(heads)
    return investigator, head


def test_only_the_named_group_sees_a_sensitive_report(client, integrity, django_user_model, admin_user):
    investigator, _head = integrity
    secret = make_report(code="corruption", name="ผู้แจ้ง ลับ", email="whistle@example.com")
    light = make_report(code="street-light")
    office_admin = _office_admin(django_user_model)
    assert Submission.objects.visible_to(investigator).filter(pk=secret.submission_id).exists()
    assert not Submission.objects.visible_to(office_admin).filter(pk=secret.submission_id).exists()
    assert not Submission.objects.visible_to(admin_user).filter(pk=secret.submission_id).exists()
    assert Submission.objects.visible_to(office_admin).filter(pk=light.submission_id).exists()
    client.force_login(office_admin)
    assert secret.submission.reference not in client.get("/admin/inbox/").content.decode()
    assert client.get(f"/admin/inbox/{secret.submission_id}/").status_code in (302, 403, 404)
    assert client.get(f"/admin/problems/{secret.pk}/").status_code in (302, 403)
    client.force_login(investigator)
    assert secret.submission.reference in client.get("/admin/inbox/").content.decode()
    assert client.get(f"/admin/problems/{secret.pk}/").status_code == 200
    # Never on the public board.
    client.logout()
    assert client.get(f"/th/reports/{secret.pk}/").status_code == 404


def test_a_sensitive_category_without_a_division_is_seen_by_the_office_administrators_only(
    site_pages, django_user_model, admin_user
):
    secret = make_report(code="corruption")
    office_admin = _office_admin(django_user_model)
    assert Submission.objects.visible_to(office_admin).filter(pk=secret.submission_id).exists()
    assert not Submission.objects.visible_to(admin_user).filter(pk=secret.submission_id).exists()


def test_the_reporters_contact_is_sealed_and_opened_only_by_the_identity_group(client, integrity):
    investigator, head = integrity
    secret = make_report(code="corruption", name="ผู้แจ้ง ลับ", email="whistle@example.com")
    submission = secret.submission
    assert (submission.applicant_name, submission.applicant_email) == ("", "")
    assert "ผู้แจ้ง ลับ" not in str(submission.answers)
    assert SealedContact.objects.get(report=secret).email == "whistle@example.com"
    # The acknowledgement goes to the sealed address, with the private follow-up link.
    message = Message.objects.get(submission_id=submission.pk)
    assert message.to == "whistle@example.com" and "/th/reports/follow/" in message.body
    client.force_login(investigator)
    for url in (f"/admin/inbox/{submission.pk}/", f"/admin/problems/{secret.pk}/", "/admin/inbox/?q=ผู้แจ้ง"):
        page = client.get(url).content.decode()
        assert "ผู้แจ้ง ลับ" not in page and "whistle@example.com" not in page, url
    assert client.post(f"/admin/problems/{secret.pk}/contact/").status_code in (302, 403)
    client.force_login(head)
    page = client.post(f"/admin/problems/{secret.pk}/contact/").content.decode()
    assert "ผู้แจ้ง ลับ" in page and "whistle@example.com" in page
    assert AccessLog.objects.filter(user=head, detail__contains="sealed contact").count() == 1


def test_an_ordinary_report_keeps_the_contact_in_the_request(site_pages):
    report = make_report(name="สมชาย", email="somchai@example.com")
    assert report.submission.applicant_name == "สมชาย"
    assert not SealedContact.objects.exists()


def test_a_sealed_contact_is_found_exported_and_erased_by_the_subject_tools(site_pages):
    from django.utils import timezone  # noqa: PLC0415

    from privacy.subjects import classify  # noqa: PLC0415
    from problems.privacy import ProblemReports  # noqa: PLC0415

    secret = make_report(code="corruption", name="ผู้แจ้ง", email="Whistle@Example.com")
    SealedContact.objects.filter(report=secret).update(phone="+66 81 234 5678")
    declaration = ProblemReports()
    for text in ("whistle@example.com", "081-234-5678"):
        person = classify(text)
        found = declaration.find(person)
        assert [r.pk for r in found] == [secret.pk], text
    assert declaration.export(found)[0]["sealed_email"] == "Whistle@Example.com"
    declaration.anonymise_case(secret.submission_id, timezone.now())["_after"]()
    assert not SealedContact.objects.exists()
