import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from config.settings import base
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.TAMBON_STAFF_2FA_REQUIRED = True


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password=PASSWORD)
    user.groups.add(Group.objects.get(name=PERMIT_OFFICERS))
    return user


def sign_in(client, username):
    return client.post("/admin/login/", {"username": username, "password": PASSWORD})


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_password_alone_does_not_open_the_admin(client, officer):
    sign_in(client, "officer")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    assert client.get("/admin/pages/").status_code == 302  # no way around it by another URL


def test_enrolment_shows_a_qr_code_then_backup_codes_and_opens_the_admin(client, officer):
    sign_in(client, "officer")
    page = client.get("/admin/two-factor/setup/")
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    response = client.post("/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/"})
    codes = re.findall(r"<code>(\d{8})</code>", response.text)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_next_sign_in_asks_for_the_code_and_a_wrong_code_is_refused(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    sign_in(client, "officer")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/")
    response = client.post(
        "/admin/two-factor/", {"token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes the next try wait a second after a failure
    client.post("/admin/two-factor/", {"token": current_code(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once(client, officer):
    TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)

    backup = StaticDevice.objects.create(user=officer, name="backup")
    StaticToken.objects.create(device=backup, token="12345678")
    sign_in(client, "officer")
    client.post("/admin/two-factor/", {"token": "1234 5678"})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client, "officer")
    client.post("/admin/two-factor/", {"token": "12345678"})
    assert client.get("/admin/").status_code == 302


def test_an_administrator_resets_a_colleagues_devices(client, officer, django_user_model):
    TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    admin = django_user_model.objects.create_user("boss", password=PASSWORD)
    admin.groups.add(Group.objects.get(name=ADMINISTRATORS))
    device = TOTPDevice.objects.create(user=admin, name="authenticator", confirmed=True)
    sign_in(client, "boss")
    client.post("/admin/two-factor/", {"token": current_code(device)})
    assert "officer" in client.get("/admin/two-factor/staff/").text
    client.post(f"/admin/two-factor/staff/{officer.pk}/reset/")
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_an_officer_cannot_reset_anyones_devices(client, officer, django_user_model):
    victim = django_user_model.objects.create_user("victim", password=PASSWORD)
    TOTPDevice.objects.create(user=victim, name="authenticator", confirmed=True)
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    sign_in(client, "officer")
    client.post("/admin/two-factor/", {"token": current_code(device)})
    assert client.post(f"/admin/two-factor/staff/{victim.pk}/reset/").status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=victim).exists()


def test_production_settings_require_the_second_factor():
    assert base.TAMBON_STAFF_2FA_REQUIRED is True
