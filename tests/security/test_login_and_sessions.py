import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from home.groups import PERMIT_OFFICERS

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def officer(django_user_model):
    user = django_user_model.objects.create_user("officer", password=PASSWORD)
    user.groups.add(Group.objects.get(name=PERMIT_OFFICERS))
    return user


def attempt(client, username, password, ip="198.51.100.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_an_account_is_paused_after_repeated_failures_then_unlocks_by_itself(client, officer):
    with freeze_time("2026-11-23 09:00:00"):
        for _ in range(8):
            attempt(client, "officer", "wrong-password")
        refused = attempt(client, "officer", PASSWORD)
        assert refused.status_code == 429
        assert "กรุณารอ 15 นาที" in refused.text
    with freeze_time("2026-11-23 09:16:00"):
        # The pause is short: an attacker cannot lock an officer out for days.
        assert attempt(client, "officer", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_paused(client, officer):
    for number in range(30):
        attempt(client, f"guess{number}", "wrong-password", ip="203.0.113.50")
    assert attempt(client, "officer", PASSWORD, ip="203.0.113.50").status_code == 429
    assert attempt(client, "officer", PASSWORD, ip="198.51.100.8").status_code == 302


def test_staff_session_ends_after_fifteen_idle_minutes(client, officer):
    with freeze_time("2026-11-23 09:00:00"):
        attempt(client, "officer", PASSWORD)
        assert client.get("/admin/").status_code == 200
    with freeze_time("2026-11-23 09:14:00"):
        assert client.get("/admin/").status_code == 200
    with freeze_time("2026-11-23 09:30:00"):
        response = client.get("/admin/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_session_ends_twelve_hours_after_sign_in_however_busy(client, officer):
    with freeze_time("2026-11-23 08:00:00") as clock:
        attempt(client, "officer", PASSWORD)
        for _ in range(12 * 6):
            clock.tick(600)
            client.get("/admin/")
        clock.tick(600)
        assert client.get("/admin/").status_code == 302


def test_passwords_must_be_long_and_uncommon():
    for weak in ("short1", "password123", "1234567890"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("ดอยงาม-เก็บขยะ-2569")
