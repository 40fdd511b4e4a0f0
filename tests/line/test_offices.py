"""Each office its own LINE account (issue 14, items 1 and 6): one office's links, secrets and
requests never work on another's; an office without LINE shows none; the confirmation page offers it."""

import re

import pytest

from line.models import Binding, LinkToken
from privacy import registry
from tests.eforms.factories import field, make_service
from tests.eforms.wizard_client import Wizard
from tests.line.conftest import SECRET, USER, bind, connect, deliver, get_link
from tests.offices.conftest import SECOND_HOST, create_second_office
from tests.problems.factories import upload
from tests.problems.test_report_flow import walk_to_photos

pytestmark = pytest.mark.django_db

SECOND_SECRET = "second-office-secret"


@pytest.fixture
def second_line_office(settings, line_office):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, SECOND_HOST]
    office = create_second_office()
    return office


def test_another_office_without_its_own_keys_has_no_line(client, second_line_office, fake_line):
    connect(second_line_office, basic_id="@nongbua")  # settings, but no secret or token of its own
    body = fake_line.body(fake_line.text_event(USER, "hello"))
    response = deliver(client, fake_line, body=body, HTTP_HOST=SECOND_HOST)
    assert response.status_code == 403  # the first office's keys are never used for it


def test_one_offices_link_and_secret_do_nothing_on_another(
    client, settings, submission, second_line_office, fake_line
):
    settings.LINE_CHANNEL_SECRET__NONGBUA = SECOND_SECRET
    settings.LINE_CHANNEL_ACCESS_TOKEN__NONGBUA = "second-token"
    fake_line.tokens.add("second-token")
    connect(second_line_office, basic_id="@nongbua")
    text, _page = get_link(client, submission)
    event = fake_line.text_event(USER, text)
    # Signed with the first office's secret, sent to the second office: refused.
    assert deliver(client, fake_line, event, secret=SECRET, HTTP_HOST=SECOND_HOST).status_code == 400
    # Properly signed by the second office's channel: the first office's link binds nothing there.
    assert deliver(client, fake_line, event, secret=SECOND_SECRET, HTTP_HOST=SECOND_HOST).status_code == 200
    assert not Binding.objects.exists()
    assert fake_line.replied[-1]["token"] == "second-token"
    assert "หมดอายุ" in "".join(fake_line.texts(fake_line.replied[-1:]))
    # …and a reference of the first office typed there tells nothing either.
    bind(client, fake_line, submission)
    deliver(client, fake_line, fake_line.text_event(USER, submission.reference), secret=SECOND_SECRET,
            HTTP_HOST=SECOND_HOST)  # fmt: skip
    assert submission.service_title not in "".join(fake_line.texts(fake_line.replied[-1:]))


def test_the_confirmation_page_offers_line_without_a_code(client, catalogue, line_office, fake_line):
    service = make_service(catalogue, slug="line-service", fields=[field("email", "email", "อีเมล")])
    wizard = Wizard(client, service)
    assert wizard.post(wizard.current_step(), {"email": "somchai@example.com"}).status_code == 302
    wizard.post("review", {"website": ""})
    page = client.get(service.url + "done/").content.decode()
    assert "รับข่าวสารทาง LINE" in page
    action = re.search(r'<form method="post" action="([^"]+/link/)">', page)[1]
    proof = re.search(r'name="proof" value="([^"]+)"', page)[1]
    response = client.post(action, {"proof": proof})
    assert (
        response.status_code == 200 and "https://line.me/R/oaMessage/%40tambon1/" in response.content.decode()
    )


def test_the_confirmation_page_of_an_office_without_line_has_none(client, catalogue, fake_line):
    service = make_service(catalogue, slug="no-line", fields=[field("email", "email", "อีเมล")])
    wizard = Wizard(client, service)
    wizard.post(wizard.current_step(), {"email": "somchai@example.com"})
    wizard.post("review", {"website": ""})
    page = client.get(service.url + "done/").content.decode()
    assert "ส่งคำขอแล้ว" in page or "eforms-reference" in page
    assert "LINE" not in page[page.index("<main") : page.index("</main>")]


def test_the_bindings_are_personal_data_erased_with_the_request(client, submission, line_office, fake_line):
    bind(client, fake_line, submission)
    (declaration,) = [d for d in registry.declarations() if d.name == "line_bindings"]
    (record,) = declaration.records_of_cases([submission.pk])
    assert declaration.export([record])[0]["line_user_id"] == USER
    declaration.anonymise_case(submission.pk, None)
    assert not Binding.objects.exists() and not LinkToken.objects.exists()


def test_a_problem_reports_done_page_offers_line(client, line_office, fake_line):
    walk_to_photos(client)
    sent = client.post("/th/reports/new/photos/", {"photos": [upload()], "email": "somchai@example.com"})
    assert sent.status_code == 302
    page = client.get("/th/reports/new/done/").content.decode()
    action = re.search(r'<form method="post" action="([^"]+/link/)">', page)[1]
    proof = re.search(r'name="proof" value="([^"]+)"', page)[1]
    response = client.post(action, {"proof": proof})
    assert response.status_code == 200 and "oaMessage" in response.content.decode()
