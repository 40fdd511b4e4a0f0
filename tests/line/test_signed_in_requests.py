"""A request sent while signed in with LINE is bound to that LINE user at once (issue 14, item 3): it is
in "my requests" and its messages come to LINE, the acknowledgement included; not signed in, nothing."""

import pytest

from line.models import Binding
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.line.conftest import USER, sign_in
from tests.problems.factories import upload
from tests.problems.test_report_flow import walk_to_photos

pytestmark = pytest.mark.django_db


def send_form(client, catalogue):
    service = make_service(catalogue, slug="line-service", fields=[field("email", "email", "อีเมล")])
    wizard = Wizard(client, service)
    assert wizard.post(wizard.current_step(), {"email": "somchai@example.com"}).status_code == 302
    wizard.post("review", {"website": ""})
    return service


def test_a_form_sent_signed_in_is_in_my_requests_and_its_acknowledgement_on_line(
    client, catalogue, line_login, fake_line, django_capture_on_commit_callbacks
):
    sign_in(client, fake_line)
    with django_capture_on_commit_callbacks(execute=True):
        send_form(client, catalogue)
    binding = Binding.objects.get()
    assert binding.line_user_id == USER and binding.changes.get().by == "citizen:line-login"
    page = client.get("/th/line/my-requests/").content.decode()
    assert binding.submission.reference in page
    assert [p["to"] for p in fake_line.pushed] == [USER]  # the acknowledgement's LINE copy
    assert any(binding.submission.reference in t for t in fake_line.texts(fake_line.pushed))


def test_a_form_sent_without_signing_in_is_not_bound(client, catalogue, line_login, fake_line):
    send_form(client, catalogue)
    assert not Binding.objects.exists() and fake_line.pushed == []


def test_a_problem_report_sent_signed_in_is_bound(client, line_login, fake_line):
    sign_in(client, fake_line)
    walk_to_photos(client)
    sent = client.post("/th/reports/new/photos/", {"photos": [upload()], "email": "somchai@example.com"})
    assert sent.status_code == 302
    assert Binding.objects.get().line_user_id == USER
    assert "ข่าวสารทาง LINE" in client.get("/th/reports/new/done/").content.decode()
