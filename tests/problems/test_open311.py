"""Open311 GeoReport v2 (read-only), checked against the published spec (wiki.open311.org/GeoReport_v2):
the formats, the fields and their names, ISO 8601 times with a zone, comma-separated filters, the
default 90 days, errors as a list of code and description, jurisdiction = the host's office; and never
more than the public board shows."""

import datetime
import json
from io import StringIO
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from casework.models import Submission
from offices.models import Office
from problems import open311, services
from problems import workflow as report_workflow
from problems.models import ProblemReport
from problems.photos import CleanPhoto
from tests.problems.factories import jpeg_bytes, make_report

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
}  # fmt: skip
HOSTILE = '<script>alert("x")</script>'


def _json(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.status_code, json.loads(response.content.decode("utf-8"))


def _xml(client, url):
    response = client.get(url)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return response.status_code, ElementTree.fromstring(response.content)


def test_services_list_the_public_categories_in_json_and_xml(client, site_pages):
    status, services_list = _json(client, "/open311/v2/services.json")
    assert status == 200
    assert [s["service_code"] for s in services_list] == [
        "street-light", "garbage", "pothole", "blocked-drain", "fallen-tree", "mosquito",
    ]  # fmt: skip
    assert all(
        set(s) == SERVICE_FIELDS and s["type"] == "realtime" and s["metadata"] is True for s in services_list
    )
    assert services_list[0]["service_name"] == "ไฟฟ้าส่องสว่างดับ"
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert _json(english, "/open311/v2/services.json")[1][0]["service_name"] == "Street light out"
    status, root = _xml(client, "/open311/v2/services.xml")
    assert root.tag == "services" and [c.tag for c in root] == ["service"] * 6
    assert {c.tag for c in root[0]} == SERVICE_FIELDS and root[0].find("metadata").text == "true"


def test_requests_carry_the_spec_fields_and_only_what_the_board_shows(client, site_pages, admin_user):
    public = make_report(name="สมชาย ใจดี", email="somchai@example.com", description=HOSTILE)
    services.answer_in_public(public, actor=admin_user, text="กำลังซ่อม")
    ProblemReport.objects.filter(pk=public.pk).update(latitude="19.9101", longitude="99.8302")
    hidden = make_report()
    services.set_hidden(hidden, hidden=True, actor=admin_user, reason="ซ้ำ")
    secret = make_report(code="corruption")
    status, items = _json(client, "/open311/v2/requests.json")
    assert status == 200 and [i["service_request_id"] for i in items] == [str(public.pk)]
    item = items[0]
    assert set(item) == REQUEST_FIELDS
    assert item["status"] == "open" and item["status_notes"] == "กำลังซ่อม"
    assert item["service_code"] == "street-light" and item["description"] == HOSTILE  # JSON data, not markup
    assert (item["lat"], item["long"]) == (19.9101, 99.8302)
    assert item["media_url"].startswith("http://testserver/th/reports/") or "/reports/" in item["media_url"]
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        parsed = datetime.datetime.fromisoformat(item[name])
        assert parsed.tzinfo is not None, name
    text = json.dumps(items, ensure_ascii=False)
    assert "สมชาย" not in text and "somchai" not in text and public.submission.reference not in text
    for report in (hidden, secret):
        assert _json(client, f"/open311/v2/requests/{report.pk}.json")[0] == 404
    # XML: escaped by the XML writer, one <request> with the same fields.
    status, root = _xml(client, "/open311/v2/requests.xml")
    assert root.tag == "service_requests" and len(root) == 1 and root[0].tag == "request"
    assert {c.tag for c in root[0]} == REQUEST_FIELDS and root[0].find("description").text == HOSTILE
    assert b"<script>" not in client.get("/open311/v2/requests.xml").content


def test_one_request_by_id_and_errors_as_the_spec_writes_them(client, site_pages):
    report = make_report()
    status, items = _json(client, f"/open311/v2/requests/{report.pk}.json")
    assert status == 200 and len(items) == 1 and items[0]["service_request_id"] == str(report.pk)
    status, errors = _json(client, "/open311/v2/requests/999999.json")
    assert status == 404 and set(errors[0]) == {"code", "description"} and errors[0]["code"] == 404
    status, root = _xml(client, "/open311/v2/requests/999999.xml")
    assert status == 404 and root.tag == "errors" and root[0].find("code").text == "404"
    assert client.get("/open311/v2/services.html").status_code == 404
    assert client.post("/open311/v2/requests.json").status_code == 403  # no api_key
    assert client.post("/open311/v2/services.json").status_code == 405


def test_filters_status_service_code_ids_and_dates(client, site_pages, admin_user):
    light = make_report(code="street-light")
    drain = make_report(code="blocked-drain")
    tree = make_report(code="fallen-tree")
    report_workflow.act(
        drain, report_workflow.ReportAction.CLOSE, actor=admin_user, text="ลอกท่อแล้ว",
        photo=CleanPhoto(jpeg_bytes(), 64, 48, None),
    )  # fmt: skip

    def ids(query):
        status, items = _json(client, f"/open311/v2/requests.json?{query}")
        assert status == 200, items
        return {int(i["service_request_id"]) for i in items}

    assert ids("status=closed") == {drain.pk}
    assert ids("status=open") == {light.pk, tree.pk}
    assert ids("status=open,closed") == {light.pk, drain.pk, tree.pk}
    assert ids("service_code=street-light,fallen-tree") == {light.pk, tree.pk}
    assert ids(f"service_request_id={light.pk},{tree.pk}&status=closed") == {
        light.pk,
        tree.pk,
    }  # others ignored
    # 90 days by default: a report of 100 days ago is left out unless asked for by its dates.
    old = make_report()
    ProblemReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=100))
    assert old.pk not in ids("")
    start = (timezone.now() - datetime.timedelta(days=120)).isoformat()
    end = (timezone.now() - datetime.timedelta(days=60)).isoformat()
    assert ids(urlencode({"start_date": start, "end_date": end})) == {old.pk}
    for bad in (
        "status=pending",
        "start_date=yesterday",
        "start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z",
    ):
        status, errors = _json(client, f"/open311/v2/requests.json?{bad}")
        assert status == 400 and errors[0]["code"] == 400, bad


def test_the_jurisdiction_is_the_hosts_office(client, site_pages, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nongbua.example"]
    call_command(
        "create_office", domain="nongbua.example", code="nongbua", name_th="อบต.หนองบัว", name_en="Nong Bua",
        stdout=StringIO(),
    )  # fmt: skip
    ours = make_report()
    theirs = make_report(office=Office.objects.get(code="nongbua"))
    assert {i["service_request_id"] for i in _json(client, "/open311/v2/requests.json")[1]} == {str(ours.pk)}
    assert _json(client, f"/open311/v2/requests/{theirs.pk}.json")[0] == 404
    there = Client(HTTP_HOST="nongbua.example")
    assert {i["service_request_id"] for i in _json(there, "/open311/v2/requests.json")[1]} == {str(theirs.pk)}
    assert _json(there, "/open311/v2/requests.json?jurisdiction_id=nongbua")[0] == 200
    assert _json(there, f"/open311/v2/requests.json?jurisdiction_id={ours.office.code}")[0] == 404


def test_the_api_is_rate_limited_and_its_query_count_does_not_grow(
    client, site_pages, settings, django_assert_max_num_queries
):
    for _ in range(3):
        make_report()
    client.get("/open311/v2/requests.json")
    with django_assert_max_num_queries(10) as few:
        client.get("/open311/v2/requests.json")
    for _ in range(20):
        make_report()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(_json(client, "/open311/v2/requests.json")[1]) == 23
    original, open311.RATE = open311.RATE, "3/m"
    try:
        answers = [client.get("/open311/v2/services.json").status_code for _ in range(5)]
    finally:
        open311.RATE = original
    assert 429 in answers


def test_withdrawn_reports_are_not_served(client, site_pages):
    report = make_report()
    Submission.objects.filter(pk=report.submission_id).update(status="withdrawn")
    assert _json(client, f"/open311/v2/requests/{report.pk}.json")[0] == 404
