"""Open311 GeoReport v2 POST Service Request with an office's API key: a report in the office's inbox;
every bad input an Open311 error (JSON or XML) with the right status, never a 500; a key of another
office refused; keys stored hashed and limited per hour."""

import json
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client

from offices.lookup import default_office
from offices.models import Office
from problems import api_keys
from problems.models import ApiKey, OfficeArea, ProblemReport

pytestmark = pytest.mark.django_db

VALID = {"service_code": "street-light", "lat": "18.7950", "long": "98.9830", "description": "ไฟดับ"}


@pytest.fixture
def key(site_pages):
    return api_keys.create(default_office(), "LINE bot")[1]


def _post(client, data, fmt="json"):
    response = client.post(f"/open311/v2/requests.{fmt}", data)
    if fmt == "json":
        return response.status_code, json.loads(response.content.decode())
    return response.status_code, ElementTree.fromstring(response.content)


def test_a_client_reports_a_problem_with_its_key(client, key):
    status, body = _post(
        client, {**VALID, "api_key": key, "email": "somchai@example.com", "first_name": "สมชาย"}
    )
    assert status == 201, body
    report = ProblemReport.objects.get(pk=int(body[0]["service_request_id"]))
    assert set(body[0]) == {"service_request_id", "service_notice", "account_id"}
    assert report.office == default_office() and report.category.code == "street-light"
    assert report.submission.applicant_email == "somchai@example.com"
    assert str(report.latitude) == "18.795000"
    # Then readable like any case on the board.
    served = json.loads(client.get(f"/open311/v2/requests/{report.pk}.json").content)
    assert served[0]["service_request_id"] == str(report.pk)
    stored = ApiKey.objects.get()
    assert key not in (stored.key_hash, stored.prefix) and len(stored.key_hash) == 64 and stored.last_used_at


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({**VALID, "api_key": ""}, 403),
        ({**VALID, "api_key": "t311_not-a-real-key"}, 403),
        ({**VALID, "service_code": ""}, 400),
        ({**VALID, "service_code": "no-such-thing"}, 404),
        ({**VALID, "service_code": "corruption"}, 404),  # sensitive: not offered through the API
        ({"service_code": "street-light", "description": "x"}, 400),  # no place
        ({**VALID, "lat": "abc"}, 400),
        ({**VALID, "lat": "95"}, 400),
        ({**VALID, "long": "NaN"}, 400),
        ({**VALID, "email": "not an email"}, 400),
        ({**VALID, "description": "ก" * 2001}, 400),
        ({**VALID, "lat": "1e999"}, 400),
    ],
    ids=[
        "no-key", "unknown-key", "no-service", "unknown-service", "sensitive-service", "no-place",
        "lat-not-a-number", "lat-off-earth", "nan", "bad-email", "long-description", "huge-exponent",
    ],
)  # fmt: skip
def test_bad_input_is_an_open311_error_in_json_and_xml(client, key, data, status):
    data = {"api_key": key, **data} if "api_key" not in data else data
    got, body = _post(client, data)
    assert got == status and body[0]["code"] == status and body[0]["description"]
    got, root = _post(client, data, "xml")
    assert got == status and root.tag == "errors" and root.find("error/code").text == str(status)
    assert not ProblemReport.objects.exists()


def test_a_position_far_outside_the_office_is_refused(client, key):
    OfficeArea.objects.create(office=default_office(), latitude="18.79", longitude="98.98", radius_km=20)
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    status, body = _post(english, {**VALID, "api_key": key, "lat": "13.7563", "long": "100.5018"})
    assert status == 400 and "outside" in body[0]["description"]
    assert not ProblemReport.objects.exists()


def test_a_key_of_another_office_is_refused(client, site_pages, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nongbua.example"]
    call_command(
        "create_office", domain="nongbua.example", code="nongbua", name_th="อบต.หนองบัว", name_en="Nong Bua",
        stdout=StringIO(),
    )  # fmt: skip
    theirs = api_keys.create(Office.objects.get(code="nongbua"), "their bot")[1]
    status, body = _post(client, {**VALID, "api_key": theirs})
    assert status == 403
    assert not ProblemReport.objects.exists()
    there = Client(HTTP_HOST="nongbua.example")
    assert (
        _post(there, {**VALID, "api_key": theirs, "lat": "", "long": "", "address_string": "หน้าวัด"})[0] == 201
    )


def test_a_revoked_key_is_refused_and_a_key_is_limited_per_hour(client, key):
    for _ in range(60):
        assert _post(client, {**VALID, "api_key": key})[0] == 201
    status, body = _post(client, {**VALID, "api_key": key})
    assert status == 429
    ApiKey.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert _post(client, {**VALID, "api_key": key})[0] == 403


def test_an_office_administrator_makes_a_key_seen_once(client, site_pages, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/problem_api_keys/new/", {"office": default_office().pk, "name": "LINE bot"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    stored = ApiKey.objects.get()
    shown = page.split("t311_", 1)[1].split(" ", 1)[0].split("<", 1)[0]
    assert api_keys.find("t311_" + shown) == stored
    assert "t311_" + shown not in client.get("/admin/problem_api_keys/").content.decode()
