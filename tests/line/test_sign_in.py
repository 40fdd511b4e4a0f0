"""Sign in with LINE (issue 14, item 3): LINE Login's code flow against the fake platform, the ID
token checked (signature with the channel's key, nonce, state, expiry); "my requests" without a code;
staff never signed in by it."""

import pytest

from line.models import Binding
from tests.line.conftest import (
    OTHER_USER,
    USER,
    bind,
    sign_in,
    status_url,
    verify,
)

pytestmark = pytest.mark.django_db

LOOKUP = "/th/status/"


def test_my_requests_without_a_code(client, submission, line_login, fake_line):
    bind(client, fake_line, submission)
    client.session.flush()
    client.cookies.clear()
    assert "เข้าสู่ระบบด้วย LINE" in client.get(LOOKUP).content.decode()
    response = sign_in(client, fake_line)
    assert response.status_code == 302 and response["Location"] == "/th/line/my-requests/"
    page = client.get("/th/line/my-requests/").content.decode()
    assert submission.reference in page and submission.get_status_display() in page
    opened = client.get(f"/th/line/my-requests/{submission.reference}/", follow=True)
    assert opened.redirect_chain[-1][0] == status_url(submission)
    assert "หยุดรับข่าวสารทาง LINE" in opened.content.decode()  # the status page itself, no code asked


def test_another_users_requests_are_not_mine(client, submission, line_login, fake_line):
    bind(client, fake_line, submission, user=OTHER_USER)
    client.session.flush()
    client.cookies.clear()
    sign_in(client, fake_line, user=USER)
    assert submission.reference not in client.get("/th/line/my-requests/").content.decode()
    response = client.get(f"/th/line/my-requests/{submission.reference}/")
    assert response["Location"] == LOOKUP
    assert client.get(status_url(submission))["Location"] == LOOKUP


@pytest.mark.parametrize(
    "consent",
    [{"signing_key": "not-the-channel-secret"}, {"nonce": "another-nonce"}, {"expires_in": -60}],
    ids=["bad-signature", "wrong-nonce", "expired"],
)
def test_a_bad_id_token_signs_nobody_in(client, line_login, fake_line, consent):
    response = sign_in(client, fake_line, **consent)
    assert response.status_code == 400 and "เข้าสู่ระบบด้วย LINE ไม่สำเร็จ" in response.content.decode()
    assert client.get("/th/line/my-requests/")["Location"] == "/th/line/sign-in/"


def test_a_callback_this_browser_did_not_start_or_a_code_used_twice(client, line_login, fake_line):
    started = client.get("/th/line/sign-in/")["Location"]
    back = fake_line.authorize(started, USER)
    assert client.get(back.replace("state=", "state=x")).status_code == 400  # not this browser's state
    assert client.get(back).status_code == 400  # the flow is over: a second try starts again


def test_signed_in_get_updates_binds_at_once(client, submission, line_login, fake_line):
    sign_in(client, fake_line)
    verify(client, submission)
    response = client.post(f"/th/line/{submission.reference}/link/", follow=True)
    assert "LINE ของท่านจะได้รับข่าวสาร" in response.content.decode()
    assert Binding.objects.get().line_user_id == USER


def test_staff_never_sign_in_with_line(client, line_login, fake_line):
    sign_in(client, fake_line)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_without_a_login_channel_there_is_no_sign_in(client, line_office, fake_line):
    assert "LINE" not in client.get(LOOKUP).content.decode().split("<main", 1)[1].split("</main>")[0]
    assert client.get("/th/line/sign-in/").status_code == 404
