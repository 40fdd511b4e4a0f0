"""Random and hostile input to the public forms and endpoints: never a 500, never echoed unescaped."""

import datetime
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.models import Submission
from eforms.models import ServiceCataloguePage
from tests.eforms.factories import make_service, three_step_fields
from tests.eforms.wizard_client import Wizard

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "' OR '1'='1' --",
        "'; DROP TABLE eforms_submission; --",
        "{{ settings.SECRET_KEY }}",
        "%(name)s %s %d",
        "\x00\x01\x1b[31m",
        "ก" * 10_000,
        "‮gnp.exe",
        '=HYPERLINK("http://evil.example")',
        "𝕋𝕙𝕒𝕚 ไทย English 中文 العربية",
        "1101700207030",
    ]
)
ANY_TEXT = st.one_of(
    HOSTILE, st.text(max_size=300), st.text(alphabet=st.characters(codec="utf-8"), max_size=50)
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_handled(response):
    assert response.status_code < 500
    body = response.content.decode("utf-8", "replace")
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x onerror" not in body


@FUZZ
@given(query=ANY_TEXT)
def test_search_never_fails(client, site_pages, query):
    assert_handled(client.get("/th/search/", {"query": query, "page": query[:5]}))


@FUZZ
@given(reference=ANY_TEXT)
def test_verification_page_with_any_reference(site_pages, reference):
    response = Client().get(f"/th/verify/{quote(reference, safe='')}/")
    assert_handled(response)


@FUZZ
@given(reference=ANY_TEXT, email=ANY_TEXT)
def test_status_page_with_any_reference_and_email(site_pages, reference, email):
    client = Client()
    assert_handled(client.get(f"/th/status/{quote(reference, safe='')}/"))
    assert_handled(client.post("/th/status/", {"reference": reference, "email": email}))


@FUZZ
@given(code=ANY_TEXT, action=st.sampled_from(["check", "send", "", "other"]), next_url=ANY_TEXT)
def test_verification_form_with_any_code(site_pages, code, action, next_url):
    Submission.objects.get_or_create(
        reference="BS-69-000777",
        defaults={
            "service_title": "x",
            "language": "th",
            "applicant_email": "a@example.com",
            "processing_days": 3,
            "expected_completion": datetime.date(2026, 12, 1),
        },
    )
    response = Client().post("/th/verify/BS-69-000777/", {"action": action, "code": code, "next": next_url})
    assert_handled(response)
    if response.status_code == 302:
        assert response["Location"].startswith("/")
        assert not response["Location"].startswith("//")


@pytest.fixture
def service(site_pages):
    catalogue = ServiceCataloguePage(title="บริการออนไลน์", slug="services")
    site_pages[0].add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return make_service(catalogue, fields=three_step_fields(), reference_prefix="BS")


@FUZZ
@given(name=ANY_TEXT, national_id=ANY_TEXT, email=ANY_TEXT, phone=ANY_TEXT, step=ANY_TEXT)
def test_first_step_of_an_eform_with_any_answers(service, name, national_id, email, phone, step):
    client = Client()
    wizard = Wizard(client, service)
    first = wizard.current_step()
    response = wizard.post(
        first, {"full_name": name, "national_id": national_id, "email": email, "phone": phone}
    )
    assert_handled(response)
    assert_handled(wizard.post(step, {"full_name": name}))
    assert_handled(client.get(wizard.url))  # whatever was stored renders safely


def test_an_oversized_request_is_refused_politely(client, service):
    wizard = Wizard(client, service)
    response = wizard.post(wizard.current_step(), {"full_name": "ก" * (6 * 1024 * 1024)})
    assert response.status_code in (200, 400, 413)
