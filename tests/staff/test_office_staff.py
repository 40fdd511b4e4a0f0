"""An office's administrators manage their own office's staff (Settings → Office staff): they see,
invite, regroup, remove and deactivate only their own office's people, change only their own office's
groups, never themselves nor the platform's accounts, and every change is in the personal-data log."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from freezegun import freeze_time
from wagtail.users.models import UserProfile

from home.groups import ADMINISTRATORS, COMMUNICATIONS_STAFF, JUNIOR_EDITORS, PERMIT_OFFICERS
from privacy.models import AccessLog
from staff.services import offices_managed_by
from tests.staff.conftest import office_group

pytestmark = pytest.mark.django_db


def signed_in(user, language="th"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def groups_of(user):
    return set(user.groups.values_list("name", flat=True))


def missing(response):
    """Answered as a URL that does not exist: a 404 (outside the language prefixes Django first tries the
    same path under /th/, where it is missing too)."""
    if response.status_code == 302:
        return response["Location"] == "/th" + response.request["PATH_INFO"]
    return response.status_code == 404


def list_url(office):
    return reverse("office_staff:list", args=[office.code])


def member_url(office, user, action=""):
    name = f"office_staff:{action}" if action else "office_staff:member"
    return reverse(name, args=[office.code, user.pk])


# Who sees whom --------------------------------------------------------------------------------------------
def test_the_list_shows_only_the_offices_own_staff_in_thai_and_in_english(people, second_office):
    client = signed_in(people["admin"])
    index = text(client.get(reverse("office_staff:index")))  # their one office's list at once
    assert "somchai@nongbua.example" in index and "third_officer" not in index
    thai = text(client.get(list_url(second_office)))
    assert "เจ้าหน้าที่ของสำนักงาน" in thai and "เชิญเจ้าหน้าที่" in thai and "การเข้าสู่ระบบสองขั้นตอน" in thai
    for shown in ("สมชาย รับคำขอ", "somchai@nongbua.example", "two_offices_clerk", "นภา ผู้ดูแล"):
        assert shown in thai
    for hidden in ("third_officer", "platform_admin", "root"):
        assert hidden not in thai
    # Only Nong Bua's groups of the colleague of two offices are named.
    assert "third: " not in thai
    english = text(signed_in(people["admin"], "en").get(list_url(second_office)))
    assert (
        "Office staff" in english
        and "Invite a member of staff" in english
        and "Two-factor sign-in" in english
    )


def test_only_administrators_holding_the_permission_manage_staff(people, second_office, third_office):
    assert list(offices_managed_by(people["admin"])) == [second_office]
    assert not offices_managed_by(people["officer"]).exists()
    assert set(offices_managed_by(people["platform"])) >= {second_office, third_office}
    for user in (people["officer"], people["both"]):
        client = signed_in(user)
        assert client.get(reverse("office_staff:index")).status_code in (302, 403)
        assert missing(client.get(list_url(second_office)))
    # Taking the permission from the office's administrators' group takes the screens away.
    office_group(second_office, ADMINISTRATORS).permissions.remove(
        *office_group(second_office, ADMINISTRATORS).permissions.filter(codename="manage_office_staff")
    )
    assert not offices_managed_by(people["admin"]).exists()


def test_another_offices_user_and_the_platforms_accounts_are_missing_by_url(
    people, second_office, third_office
):
    client = signed_in(people["admin"])
    before = {key: (groups_of(user), user.is_active) for key, user in people.items()}
    assert missing(client.get(list_url(third_office)))
    assert missing(client.get(reverse("office_staff:invite", args=[third_office.code])))
    for key in ("third", "platform", "root"):
        target = people[key]
        assert missing(client.get(member_url(second_office, target)))
        assert missing(client.get(member_url(third_office, target)))
        nb_admins = office_group(second_office, ADMINISTRATORS).pk
        assert missing(client.post(member_url(second_office, target), {"groups": [nb_admins]}))
        for action in ("deactivate", "remove", "reactivate", "resend"):
            assert missing(client.post(member_url(second_office, target, action)))
    after = {key: (groups_of(user), user.is_active) for key, user in people.items()}
    assert after == before
    assert not AccessLog.objects.filter(object_type="auth.user").exists()


# Crafted forms ---------------------------------------------------------------------------------------------
def test_a_crafted_post_with_another_offices_group_is_refused(people, second_office, third_office):
    client = signed_in(people["admin"])
    officer = people["officer"]
    before = groups_of(officer)
    foreign = office_group(third_office, ADMINISTRATORS)
    installation = Group.objects.get(name=ADMINISTRATORS)
    for group in (foreign, installation):
        response = client.post(member_url(second_office, officer), {"groups": [group.pk]})
        assert response.status_code == 200 and "help-critical" in text(response) or "error" in text(response)
        assert groups_of(officer) == before
        response = client.post(
            reverse("office_staff:invite", args=[second_office.code]),
            {"first_name": "ก", "last_name": "ข", "email": "new@nongbua.example", "groups": [group.pk]},
        )
        assert response.status_code == 200
        assert not officer.__class__.objects.filter(email="new@nongbua.example").exists()
    # Mixed with one of the office's own: still nothing.
    mixed = [office_group(second_office, JUNIOR_EDITORS).pk, foreign.pk]
    assert client.post(member_url(second_office, officer), {"groups": mixed}).status_code == 200
    assert groups_of(officer) == before
    # Nonsense is a form error too, never a 500.
    for junk in (["x"], ["99999999"], [""], ["1;DROP"]):
        assert client.post(member_url(second_office, officer), {"groups": junk}).status_code == 200
    assert client.post(member_url(second_office, officer), {}).status_code == 200
    assert groups_of(officer) == before
    assert not AccessLog.objects.filter(object_type="auth.user").exists()


def test_no_one_changes_their_own_account_here_nor_becomes_a_platform_administrator(people, second_office):
    admin = people["admin"]
    client = signed_in(admin)
    before = groups_of(admin)
    refused = client.get(member_url(second_office, admin), follow=True)
    assert refused.redirect_chain == [(list_url(second_office), 302)]
    assert "ท่านเปลี่ยนแปลงบัญชีของตนเองที่นี่ไม่ได้" in text(refused)
    every_group = list(Group.objects.values_list("pk", flat=True))
    assert client.post(member_url(second_office, admin), {"groups": every_group})["Location"] == list_url(
        second_office
    )
    for action in ("deactivate", "remove"):
        assert client.post(member_url(second_office, admin, action))["Location"] == list_url(second_office)
    admin.refresh_from_db()
    assert groups_of(admin) == before and admin.is_active and not admin.is_superuser and not admin.is_staff
    # A form posting superuser or staff flags is ignored: the forms know only the office's groups.
    officer = people["officer"]
    client.post(
        member_url(second_office, officer),
        {"groups": [office_group(second_office, ADMINISTRATORS).pk], "is_superuser": "on", "is_staff": "on"},
    )
    officer.refresh_from_db()
    assert not officer.is_superuser and not officer.is_staff
    assert not officer.has_perm("offices.change_office") and not officer.has_perm("auth.change_user")
    # Wagtail's own user and group screens stay the platform administrators'.
    for url in ("/admin/users/", f"/admin/users/{officer.pk}/", "/admin/users/add/", "/admin/groups/"):
        assert client.get(url).status_code in (302, 403), url
    client.post(
        f"/admin/users/{admin.pk}/",
        {"username": "nb_admin", "is_superuser": "on", "groups": every_group, "is_active": "on"},
    )
    admin.refresh_from_db()
    assert not admin.is_superuser and groups_of(admin) == before


# Changing groups, removing, deactivating --------------------------------------------------------------------
def test_changing_groups_of_a_colleague_of_two_offices_touches_only_this_offices(
    people, second_office, third_office
):
    client = signed_in(people["admin"])
    both = people["both"]
    page = text(client.get(member_url(second_office, both)))
    assert "สำนักงานอื่น" in page  # "also works for another office"
    response = client.post(
        member_url(second_office, both), {"groups": [office_group(second_office, PERMIT_OFFICERS).pk]}
    )
    assert response.status_code == 302 and response["Location"] == list_url(second_office)
    assert groups_of(both) == {
        office_group(second_office, PERMIT_OFFICERS).name,
        office_group(third_office, PERMIT_OFFICERS).name,
    }
    entry = AccessLog.objects.get(action=AccessLog.Action.STAFF_GROUPS)
    assert (entry.username, entry.office, entry.object_type, entry.object_id) == (
        "nb_admin",
        second_office,
        "auth.user",
        str(both.pk),
    )
    assert "เจ้าหน้าที่ผู้รับคำขอ" in entry.detail and "เจ้าหน้าที่ประชาสัมพันธ์" in entry.detail
    # Not theirs to deactivate: a clear message, the account stays active.
    response = client.post(member_url(second_office, both, "deactivate"), follow=True)
    assert "ผู้ดูแลระบบของแพลตฟอร์ม" in text(response)
    both.refresh_from_db()
    assert both.is_active
    # Removed from Nong Bua: the third office's group stays, the account too.
    client.post(member_url(second_office, both, "remove"))
    both.refresh_from_db()
    assert both.is_active and groups_of(both) == {office_group(third_office, PERMIT_OFFICERS).name}
    assert AccessLog.objects.filter(action=AccessLog.Action.STAFF_REMOVE, office=second_office).count() == 1
    assert "two_offices_clerk" in text(client.get(list_url(second_office)))  # the message that says so
    assert "two_offices_clerk" not in text(client.get(list_url(second_office)))


def test_deactivating_an_account_of_this_office_only(people, second_office):
    client = signed_in(people["admin"], "en")
    officer = people["officer"]
    assert client.get(member_url(second_office, officer, "deactivate")).status_code == 405
    response = client.post(member_url(second_office, officer, "deactivate"), follow=True)
    assert "can no longer sign in" in text(response) and "Deactivated" in text(response)
    officer.refresh_from_db()
    assert not officer.is_active
    officer_client = Client()
    assert not officer_client.login(username="nb_officer", password="a-long-test-password")
    entry = AccessLog.objects.get(action=AccessLog.Action.STAFF_DEACTIVATE)
    assert (entry.username, entry.office_id, entry.object_id) == (
        "nb_admin",
        second_office.pk,
        str(officer.pk),
    )
    client.post(member_url(second_office, officer, "reactivate"))
    officer.refresh_from_db()
    assert officer.is_active
    assert AccessLog.objects.filter(action=AccessLog.Action.STAFF_REACTIVATE, office=second_office).exists()
    # Removing an account that belonged to this office only deactivates it too.
    client.post(member_url(second_office, officer, "remove"))
    officer.refresh_from_db()
    assert not officer.is_active and groups_of(officer) == set()
    assert "account deactivated" in AccessLog.objects.get(action=AccessLog.Action.STAFF_REMOVE).detail


def test_the_log_entries_are_in_the_offices_personal_data_log(people, second_office):
    client = signed_in(people["admin"], "en")
    client.post(member_url(second_office, people["officer"], "deactivate"))
    log = text(client.get("/admin/personal_data_log/"))
    assert "Deactivated a staff account" in log and "nb_officer" in log
    assert text(signed_in(people["admin"]).get("/admin/personal_data_log/")).count("ปิดบัญชีเจ้าหน้าที่") >= 1


# Inviting ---------------------------------------------------------------------------------------------------
def invite(client, office, email="malee@nongbua.example", groups=None):
    groups = groups or [office_group(office, COMMUNICATIONS_STAFF).pk]
    return client.post(
        reverse("office_staff:invite", args=[office.code]),
        {"first_name": "มาลี", "last_name": "ใจงาม", "email": email, "groups": groups},
    )


def test_an_invitation_sets_a_password_once_and_the_second_factor_follows(
    people, second_office, settings, django_capture_on_commit_callbacks
):
    client = signed_in(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, second_office, email="Malee@NongBua.example")
    assert response.status_code == 302 and response["Location"] == list_url(second_office)
    new = people["admin"].__class__.objects.get(email="malee@nongbua.example")
    assert new.username == "malee@nongbua.example" and not new.has_usable_password() and new.is_active
    assert groups_of(new) == {office_group(second_office, COMMUNICATIONS_STAFF).name}
    entry = AccessLog.objects.get(action=AccessLog.Action.STAFF_INVITE)
    assert (entry.username, entry.office, entry.object_id) == ("nb_admin", second_office, str(new.pk))
    [message] = mail.outbox
    assert message.to == ["malee@nongbua.example"]
    assert "องค์การบริหารส่วนตำบลหนองบัว" in message.subject and "staff account" in message.subject
    assert "ตั้งรหัสผ่าน" in message.body and "Choose your password" in message.body
    assert "48" in message.body
    links = re.findall(r"http://nongbua\.example\S*/staff/invitation/\S+", message.body)
    assert {link.split("/")[3] for link in links} == {"th", "en"}
    # The list says the invitation waits.
    assert "ยังไม่ได้ตั้งรหัสผ่าน" in text(client.get(list_url(second_office)))

    visitor = Client(HTTP_HOST="nongbua.example")
    path = links[0].removeprefix("http://nongbua.example")
    form = visitor.get(path, follow=True)
    assert "เลือกรหัสผ่าน" in text(form)
    short = visitor.post(form.redirect_chain[-1][0], {"new_password1": "123", "new_password2": "123"})
    assert short.status_code == 200
    new.refresh_from_db()
    assert not new.has_usable_password()
    done = visitor.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-pass-2569", "new_password2": "a-brand-new-pass-2569"},
    )
    assert done.status_code == 302 and done["Location"] == reverse("wagtailadmin_login")
    # Single use: the same link no longer works.
    again = Client(HTTP_HOST="nongbua.example").get(path, follow=True)
    assert "ลิงก์เชิญนี้ใช้ไม่ได้แล้ว" in text(again)
    # Signing in with the new password leads to the two-factor set-up, never into the admin.
    settings.TAMBON_STAFF_2FA_REQUIRED = True
    staff = Client()
    assert staff.login(username="malee@nongbua.example", password="a-brand-new-pass-2569")
    response = staff.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/setup/")
    assert staff.get(list_url(second_office)).status_code == 302


def test_an_invitation_link_expires_and_sending_again_ends_the_earlier_link(
    people, second_office, django_capture_on_commit_callbacks
):
    signed_in(people["admin"], "en")
    with freeze_time("2026-12-01 09:00"):
        client = signed_in(people["admin"], "en")
        with django_capture_on_commit_callbacks(execute=True):
            invite(client, second_office)
        first = re.findall(r"http://nongbua\.example(/en/staff/invitation/\S+)", mail.outbox[-1].body)[0]
    new = people["admin"].__class__.objects.get(email="malee@nongbua.example")
    with freeze_time("2026-12-03 09:01"):
        assert "no longer works" in text(Client(HTTP_HOST="nongbua.example").get(first, follow=True))
    with freeze_time("2026-12-02 09:00"):
        client = signed_in(people["admin"], "en")  # a staff session ends after 15 idle minutes
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(member_url(second_office, new, "resend"), follow=True)
        assert "A new invitation is on its way" in text(response)
        second = re.findall(r"http://nongbua\.example(/en/staff/invitation/\S+)", mail.outbox[-1].body)[0]
        assert "no longer works" in text(Client(HTTP_HOST="nongbua.example").get(first, follow=True))
        assert "Choose your password" in text(Client(HTTP_HOST="nongbua.example").get(second, follow=True))
    assert AccessLog.objects.filter(action=AccessLog.Action.STAFF_INVITE, object_id=str(new.pk)).count() == 2


def test_an_invitation_with_bad_input_says_what_is_wrong(people, second_office):
    client = signed_in(people["admin"], "en")
    existing = invite(client, second_office, email="somchai@nongbua.example")
    assert existing.status_code == 200 and "already exists" in text(existing)
    own = invite(client, second_office, email="NB_ADMIN")
    assert own.status_code == 200
    no_group = client.post(
        reverse("office_staff:invite", args=[second_office.code]),
        {"first_name": "ก", "last_name": "ข", "email": "x@nongbua.example"},
    )
    assert "Choose at least one group" in text(no_group)
    bad = client.post(
        reverse("office_staff:invite", args=[second_office.code]),
        {"first_name": "", "last_name": "x" * 500, "email": "not an email", "groups": ["abc"]},
    )
    assert bad.status_code == 200 and "Enter a valid email address" in text(bad)
    thai = invite(signed_in(people["admin"]), second_office, email="somchai@nongbua.example")
    assert "มีบัญชีที่ใช้อีเมลนี้อยู่แล้ว" in text(thai)
    assert people["admin"].__class__.objects.count() == len(people)
    assert not mail.outbox


def test_a_hostile_invitation_link_is_a_page_not_an_error(second_office):
    visitor = Client(HTTP_HOST="nongbua.example")
    for uid, token in (("x", "y"), ("MQ", "set-password"), ("%00", "a-b"), ("AAAAAAAAAAAAAAAA", "zz-zz")):
        response = visitor.get(f"/th/staff/invitation/{uid}/{token}/")
        assert response.status_code == 200 and "ลิงก์เชิญนี้ใช้ไม่ได้แล้ว" in text(response)


# Permissions given to offices ---------------------------------------------------------------------------------
def test_every_offices_administrators_and_only_they_hold_the_permission(second_office, third_office):
    for office in (second_office, third_office):
        assert (
            office_group(office, ADMINISTRATORS).permissions.filter(codename="manage_office_staff").exists()
        )
        for role in (PERMIT_OFFICERS, COMMUNICATIONS_STAFF, JUNIOR_EDITORS):
            assert not office_group(office, role).permissions.filter(codename="manage_office_staff").exists()
        assert (
            not office_group(office, ADMINISTRATORS)
            .permissions.filter(content_type__app_label="auth")
            .exists()
        )


# The screens in Thai -------------------------------------------------------------------------------------------
def test_the_office_staff_screens_show_no_english_word_in_thai(
    people, second_office, django_capture_on_commit_callbacks
):
    from tests.home.test_admin_thai import english_on  # noqa: PLC0415 — the admin-in-Thai check itself

    client = signed_in(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, second_office)
    invited = people["admin"].__class__.objects.get(email="malee@nongbua.example")
    bad_invite = client.post(
        reverse("office_staff:invite", args=[second_office.code]),
        {"first_name": "", "last_name": "", "email": "not an email", "groups": ["x1"]},
    )
    screens = {
        "list": client.get(list_url(second_office)),
        "invite": client.get(reverse("office_staff:invite", args=[second_office.code])),
        "invite with errors": bad_invite,
        "member of two offices": client.get(member_url(second_office, people["both"])),
        "invited member": client.get(member_url(second_office, invited)),
        "refused deactivation": client.post(
            member_url(second_office, people["both"], "deactivate"), follow=True
        ),
        "invitation page": Client(HTTP_HOST="nongbua.example").get(
            re.findall(r"http://nongbua\.example(/th/staff/invitation/\S+)", mail.outbox[-1].body)[0],
            follow=True,
        ),
        "used invitation": Client().get("/th/staff/invitation/x/y/"),
    }
    # Data, not interface: addresses, user names, office codes; "Open311 API" is a standard's name.
    data = [
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        "nb_admin",
        "nb_officer",
        "two_offices_clerk",
        "nongbua",
        "third",
    ]
    data += ["Third SAO", "Open311", "API"]
    found = {}
    for name, response in screens.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        for value in data:
            html = re.sub(value, " ", html)
        if words := english_on(html):
            found[name] = words
    assert found == {}
