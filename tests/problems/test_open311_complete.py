"""Open311 beyond the list and the POST: service definitions, service discovery, paging, and every
error in the spec's format (JSON and XML, in the client's language) whatever was wrong — an unknown
service code, paging that is not a number, a method or a path we do not serve, a fault of ours."""

import json
from xml.etree import ElementTree

import pytest
from django.test import Client

from offices.lookup import default_office
from problems import api_keys, open311
from problems.models import Category, OfficeArea, ProblemReport
from tests.problems.factories import make_report

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


def _get(client, url, **headers):
    response = client.get(url, **headers)
    if url.split("?")[0].endswith(".xml"):
        assert response["Content-Type"] == "text/xml; charset=utf-8", response["Content-Type"]
        assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        return response, ElementTree.fromstring(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8", response["Content-Type"]
    return response, json.loads(response.content.decode())


def _error(client, url, status, method="get", **data):
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code == status, (url, response.status_code, response.content[:200])
    if url.split("?")[0].endswith(".xml"):
        root = ElementTree.fromstring(response.content)
        assert root.tag == "errors" and root.find("error/code").text == str(status)
        return root.find("error/description").text
    body = json.loads(response.content.decode())
    assert [set(e) for e in body] == [{"code", "description"}] and body[0]["code"] == status
    return body[0]["description"]


def test_a_service_definition_gives_the_village_and_road_attributes(client, site_pages):
    OfficeArea.objects.create(office=default_office(), latitude="18.79", longitude="98.98", village_count=14)
    response, body = _get(client, "/open311/v2/services/street-light.json")
    assert response.status_code == 200 and body["service_code"] == "street-light"
    village, road = body["attributes"]
    assert (village["code"], village["datatype"], village["required"], village["order"]) == (
        "village", "singlevaluelist", False, 1,
    )  # fmt: skip
    assert [v["key"] for v in village["values"]] == [str(n) for n in range(1, 15)]
    assert village["values"][0]["name"] == "หมู่ 1"
    assert (road["code"], road["datatype"], road["variable"]) == ("road", "string", True)
    english = _get(client, "/open311/v2/services/street-light.json", HTTP_ACCEPT_LANGUAGE="en")[1]
    assert english["attributes"][0]["values"][0]["name"] == "Moo 1"
    response, root = _get(client, "/open311/v2/services/street-light.xml")
    assert root.tag == "service_definition" and root.find("service_code").text == "street-light"
    attributes = root.find("attributes")
    assert [a.find("code").text for a in attributes.findall("attribute")] == ["village", "road"]
    assert attributes.find("attribute/required").text == "false"
    assert len(attributes.findall("attribute/values/value")) == 14


def test_a_service_without_attributes_says_so_as_the_spec_does(client, site_pages, monkeypatch):
    monkeypatch.setattr(open311, "attributes", lambda office, category: [])
    services = _get(client, "/open311/v2/services.json")[1]
    assert {s["metadata"] for s in services} == {False}
    assert _get(client, "/open311/v2/services/garbage.json")[1] == {
        "service_code": "garbage",
        "attributes": [],
    }
    root = _get(client, "/open311/v2/services/garbage.xml")[1]
    assert root.find("attributes") is not None and len(root.find("attributes")) == 0


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_or_sensitive_service_code_is_a_404(client, site_pages, fmt):
    assert "no-such-thing" in _error(client, f"/open311/v2/services/no-such-thing.{fmt}", 404)
    _error(client, f"/open311/v2/services/corruption.{fmt}", 404)
    Category.objects.filter(code="pothole").update(active=False)
    _error(client, f"/open311/v2/services/pothole.{fmt}", 404)


def test_service_discovery_names_the_endpoint_its_formats_and_changeset(client, site_pages):
    response, body = _get(client, "/open311/v2/discovery.json")
    assert set(body) == {"changeset", "contact", "key_service", "endpoints"}
    (endpoint,) = body["endpoints"]
    assert endpoint == {
        "specification": "http://wiki.open311.org/GeoReport_v2",
        "url": "http://testserver/open311/v2",
        "changeset": body["changeset"],
        "type": "production",
        "formats": ["text/xml", "application/json"],
    }
    assert body["changeset"].endswith("Z")
    before = body["changeset"]
    root = _get(client, "/open311/v2/discovery.xml")[1]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == endpoint["formats"]
    assert (
        "API key" in _get(client, "/open311/v2/discovery.json", HTTP_ACCEPT_LANGUAGE="en")[1]["key_service"]
    )
    # Editing a category moves the changeset (clients refresh their cached services).
    category = Category.objects.get(office=default_office(), code="garbage")
    category.name_en = "Rubbish"
    with pytest.MonkeyPatch.context() as patch:
        import datetime  # noqa: PLC0415

        from django.utils import timezone  # noqa: PLC0415

        later = timezone.now() + datetime.timedelta(minutes=5)
        patch.setattr(timezone, "now", lambda: later)
        category.save()
    assert _get(client, "/open311/v2/discovery.json")[1]["changeset"] > before


def test_requests_are_paged_with_page_and_page_size(client, site_pages):
    reports = [make_report() for _ in range(5)]
    newest_first = [str(r.pk) for r in reversed(reports)]

    def page(query):
        response, items = _get(client, f"/open311/v2/requests.json?{query}")
        assert response.status_code == 200
        return [i["service_request_id"] for i in items], response.get("Link", "")

    ids, link = page("page_size=2")
    assert ids == newest_first[:2] and 'rel="next"' in link and "page=2" in link
    assert page("page_size=2&page=2")[0] == newest_first[2:4]
    ids, link = page("page_size=2&page=3")
    assert ids == newest_first[4:] and link == ""
    assert page("limit=3")[0] == newest_first[:3]  # `limit`: the other name of page_size
    assert page("page=9")[0] == []
    first = _get(client, "/open311/v2/requests.json?page_size=1")[1][0]
    photo = reports[-1].photos.get()
    assert first["media_url"] == f"http://testserver/th/reports/{reports[-1].pk}/photos/{photo.pk}.jpg"
    assert client.get(first["media_url"].removeprefix("http://testserver"))["Content-Type"] == "image/jpeg"
    assert page("")[0] == newest_first and page("")[1] == ""


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=0", "page=-1", "page=1.5", "page=1e3", "page=99999999999", "page_size=abc",
     "page_size=0", "page_size=1001", "limit=x", "page_size=%00"],
)  # fmt: skip
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_paging_that_is_not_a_number_is_a_clear_400(client, site_pages, query, fmt):
    make_report()
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    description = _error(english, f"/open311/v2/requests.{fmt}?{query}", 400)
    assert "whole number" in description
    assert "จำนวนเต็ม" in _error(client, f"/open311/v2/requests.{fmt}?{query}", 400)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_every_other_error_is_in_the_spec_format(client, site_pages, fmt):
    assert _error(client, f"/open311/v2/services.{fmt}", 405, method="post")
    assert client.post(f"/open311/v2/services.{fmt}")["Allow"] == "GET"
    _error(client, f"/open311/v2/requests/1.{fmt}", 405, method="delete")
    _error(client, f"/open311/v2/nothing-here.{fmt}", 404)
    _error(client, f"/open311/v2/requests/abc.{fmt}", 404)
    _error(client, f"/open311/v2/requests/{10**30}.{fmt}", 404)
    assert _get(client, f"/open311/v2/requests.{fmt}?service_request_id={10**30},abc")[0].status_code == 200
    _error(client, f"/open311/v2/services.{fmt}?jurisdiction_id=elsewhere.example", 404)
    _error(client, f"/open311/v2/requests.{fmt}?start_date=2026-13-45T00:00:00Z", 400)
    _error(
        client,
        f"/open311/v2/requests.{fmt}?start_date=2026-12-01T00:00:00Z&end_date=2026-11-01T00:00:00Z",
        400,
    )
    if fmt == "json":  # no format to tell: JSON
        _error(client, "/open311/v2/services.html", 404)
        assert set(_get(client, "/open311/v2/")[1]) == {"changeset", "contact", "key_service", "endpoints"}


def test_errors_are_in_thai_by_default_and_english_when_asked(client, site_pages):
    thai = _error(client, "/open311/v2/services/no-such-thing.json", 404)
    english = _error(Client(HTTP_ACCEPT_LANGUAGE="en"), "/open311/v2/services/no-such-thing.json", 404)
    assert english.startswith("service_code not found") and "ไม่พบ" in thai


def test_a_fault_of_ours_is_still_the_spec_format(client, site_pages, monkeypatch):
    def broken(office):
        raise RuntimeError("database gone")

    monkeypatch.setattr(open311, "_public_reports", broken)
    assert _error(client, "/open311/v2/requests.xml", 500)
    assert "database gone" not in client.get("/open311/v2/requests.json").content.decode()


def test_a_post_gives_the_attributes_and_markup_stays_text_in_json_and_xml(client, site_pages):
    key = api_keys.create(default_office(), "LINE bot")[1]
    fields = {
        "api_key": key, "service_code": "street-light", "address_string": HOSTILE,
        "attribute[village]": "4", "attribute[road]": f"ซอย {HOSTILE}", "description": HOSTILE,
    }  # fmt: skip
    response = client.post("/open311/v2/requests.json", fields)
    assert response.status_code == 201, response.content
    report = ProblemReport.objects.get(pk=json.loads(response.content)[0]["service_request_id"])
    assert (report.village, report.road, report.landmark) == ("4", f"ซอย {HOSTILE}", HOSTILE)
    item = _get(client, f"/open311/v2/requests/{report.pk}.json")[1][0]
    assert item["address"] == f"หมู่ 4, ซอย {HOSTILE}, {HOSTILE}" and item["description"] == HOSTILE
    raw = client.get(f"/open311/v2/requests/{report.pk}.xml").content
    assert b"<script>" not in raw and b"&lt;script&gt;" in raw
    root = ElementTree.fromstring(raw)
    assert root.find("request/description").text == HOSTILE
    assert _error(
        client, "/open311/v2/requests.json", 400, method="post", **{**fields, "attribute[village]": "99"}
    )
    # jurisdiction_id may come in the POST's body (the spec's example): another's is a 404.
    _error(
        client, "/open311/v2/requests.xml", 404, method="post", **{**fields, "jurisdiction_id": "elsewhere"}
    )
    assert ProblemReport.objects.count() == 1
