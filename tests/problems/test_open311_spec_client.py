"""A small Open311 GeoReport v2 client written from the published spec, not from our code: plain HTTP
(urllib against the live server), xml.etree and json. It starts from Service Discovery and follows what
each answer says, as a third-party app would: discovery → services → a service definition → POST a
request with an API key → GET that request → GET requests with the spec's filters.

Quoted lines are from wiki.open311.org/GeoReport_v2 and wiki.open311.org/Service_Discovery.
"""

import datetime
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from xml.etree import ElementTree

import pytest

from offices.lookup import default_office
from problems import api_keys

# "All date/time fields must be formatted in a common subset of ISO 8601 as per the w3 note. Timezone
# information (either Z meaning UTC, or an HH:MM offset from UTC) must be included."
W3_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2"
# GET Service Definition, datatype: "Options: string, number, datetime, text, singlevaluelist, multivaluelist."
DATATYPES = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}
# GET Service Requests, Response: the fields of each request.
REQUEST_FIELDS = [
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
]  # fmt: skip


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def media_type(self):
        return self.headers.get("Content-Type", "").split(";")[0].strip()

    @property
    def charset(self):
        match = re.search(r"charset=([\w-]+)", self.headers.get("Content-Type", ""), re.I)
        return match.group(1).lower() if match else ""

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def xml(self):
        # "the root element must be preceded with the XML declaration including the encoding="UTF-8"
        # attribute"
        assert re.match(rb'<\?xml version="1\.0" encoding="utf-8"\?>', self.body, re.I), self.body[:60]
        return ElementTree.fromstring(self.body)


class GeoReportClient:
    """Knows only URLs and the spec's formats."""

    def __init__(self, base):
        self.base = base.rstrip("/")

    def _open(self, request):
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 — our live server
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as failure:
            return Answer(failure.code, dict(failure.headers), failure.read())

    def get(self, path, **params):
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return self._open(urllib.request.Request(f"{self.base}/{path}{query}"))

    def post(self, path, fields):
        # "POST Service Request: Content-Type: application/x-www-form-urlencoded; charset=utf-8"
        data = urllib.parse.urlencode(fields).encode("utf-8")
        request = urllib.request.Request(
            f"{self.base}/{path}",
            data=data,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        return self._open(request)


def xml_items(root, container, item):
    assert root.tag == container, root.tag
    assert all(child.tag == item for child in root), [c.tag for c in root]
    return [{child.tag: child for child in element} for element in root]


def assert_format_headers(answer, fmt):
    # "XML: Content-Type: text/xml; charset=utf-8" / "JSON: Content-Type: application/json; charset=utf-8"
    assert answer.media_type == {"xml": "text/xml", "json": "application/json"}[fmt], answer.headers
    # "UTF-8 is required everywhere."
    assert answer.charset == "utf-8", answer.headers


def assert_errors(answer, fmt, status):
    """Errors: "code … In most cases, this should match the HTTP status code" and "description: A human
    readable description of the error"; "the response is an array"."""
    assert answer.status == status, (answer.status, answer.body[:200])
    assert_format_headers(answer, fmt)
    if fmt == "json":
        errors = answer.json()
        assert isinstance(errors, list) and errors
        assert all(set(e) == {"code", "description"} and e["description"] for e in errors), errors
        assert int(errors[0]["code"]) == status
    else:
        rows = xml_items(answer.xml(), "errors", "error")
        assert rows and all(set(r) == {"code", "description"} and r["description"].text for r in rows)
        assert int(rows[0]["code"].text) == status


@pytest.fixture
def key(site_pages):
    return api_keys.create(default_office(), "spec client")[1]


def test_a_client_that_follows_the_published_spec(live_server, key):
    # Service Discovery: "This url must end in /discovery.<format>", "Format must be both: xml, json".
    discovery_base = GeoReportClient(f"{live_server.url}/open311/v2")
    found = discovery_base.get("discovery.json")
    assert found.status == 200
    assert_format_headers(found, "json")
    document = found.json()
    # "Fields for All Versions. All fields are required." changeset, contact, key_service, endpoints.
    assert {"changeset", "contact", "key_service", "endpoints"} <= set(document)
    assert document["contact"] and document["key_service"]
    endpoint = next(e for e in document["endpoints"] if e["specification"] == GEOREPORT_V2)
    # endpoint: specification, url, changeset, type ("Either production or test"), formats (MIME types).
    assert {"specification", "url", "changeset", "type", "formats"} <= set(endpoint)
    assert endpoint["type"] in {"production", "test"}
    # "XML is a required format, but JSON can be provided at the discretion of the API provider."
    assert "text/xml" in endpoint["formats"] and "application/json" in endpoint["formats"]
    root = discovery_base.get("discovery.xml").xml()
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints").find("endpoint").find("formats")] == endpoint["formats"]
    assert root.find("changeset").text == document["changeset"]

    api = GeoReportClient(endpoint["url"])  # from here on, only what discovery said

    # GET Service List: service_code, service_name, description, metadata ("true", "false"), type
    # ("realtime, batch, blackbox"), keywords, group.
    services_json = api.get("services.json")
    assert services_json.status == 200
    assert_format_headers(services_json, "json")
    services = services_json.json()
    assert services, "no service offered"
    for service in services:
        assert {
            "service_code",
            "service_name",
            "description",
            "metadata",
            "type",
            "keywords",
            "group",
        } <= set(service)
        assert service["metadata"] in (True, False) and service["type"] in {"realtime", "batch", "blackbox"}
    services_xml = api.get("services.xml")
    assert_format_headers(services_xml, "xml")
    xml_services = xml_items(services_xml.xml(), "services", "service")
    assert [s["service_code"].text for s in xml_services] == [s["service_code"] for s in services]
    assert {s["metadata"].text for s in xml_services} <= {"true", "false"}

    # GET Service Definition: "This call is only necessary if the Service selected has metadata set as
    # true"; "URL: [API endpoint]/services/[service_code].[format]".
    service = next(s for s in services if s["metadata"] is True)
    code = service["service_code"]
    definition = api.get(f"services/{urllib.parse.quote(str(code))}.json")
    assert definition.status == 200
    body = definition.json()
    # "service_code: Returns the service_code associated with the definition, the same one submitted"
    assert body["service_code"] == code
    orders = []
    for attribute in body["attributes"]:
        assert {
            "variable",
            "code",
            "datatype",
            "required",
            "datatype_description",
            "order",
            "description",
        } <= set(attribute)
        assert attribute["variable"] in (True, False) and attribute["required"] in (True, False)
        assert attribute["datatype"] in DATATYPES
        # order: "Any positive integer not used for other attributes in the same service_code"
        assert int(attribute["order"]) > 0 and attribute["order"] not in orders
        orders.append(attribute["order"])
        if attribute["datatype"] in {"singlevaluelist", "multivaluelist"}:
            assert attribute["values"] and all({"key", "name"} <= set(v) for v in attribute["values"])
    definition_xml = api.get(f"services/{urllib.parse.quote(str(code))}.xml").xml()
    assert definition_xml.tag == "service_definition" and definition_xml.find("service_code").text == code
    xml_attributes = xml_items(definition_xml.find("attributes"), "attributes", "attribute")
    assert [a["code"].text for a in xml_attributes] == [a["code"] for a in body["attributes"]]

    # POST Service Request with "api_key", "service_code", a location ("One of lat & long or
    # address_string or address_id") and "attribute[code]=value" for the definition's attributes.
    fields = {
        "api_key": key,
        "service_code": code,
        "lat": "18.7950",
        "long": "98.9830",
        "description": "Lamp out at the corner",
        "email": "reporter@example.com",
        "first_name": "Somchai",
        "last_name": "Jaidee",
    }
    listed = [a for a in body["attributes"] if a["datatype"] == "singlevaluelist"]
    if listed:
        fields[f"attribute[{listed[0]['code']}]"] = listed[0]["values"][0]["key"]
    created = api.post("requests.json", fields)
    assert created.status in (200, 201), created.body
    assert_format_headers(created, "json")
    # Response: service_requests → request: service_request_id (or token), service_notice, account_id.
    (made,) = created.json()
    assert "token" not in made and made["service_request_id"]
    request_id = str(made["service_request_id"])

    # GET Service Request: "[API endpoint]/requests/[service_request_id].[format]"
    one = api.get(f"requests/{request_id}.json")
    assert one.status == 200
    (item,) = one.json()
    assert set(REQUEST_FIELDS) <= set(item)
    assert str(item["service_request_id"]) == request_id and item["service_code"] == code
    # status: "Options: open, closed"
    assert item["status"] == "open"
    assert item["description"] == "Lamp out at the corner"
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert W3_DATETIME.match(item[name]), (name, item[name])
    # lat/long: "latitude using the (WGS84) projection"
    assert (round(float(item["lat"]), 4), round(float(item["long"]), 4)) == (18.795, 98.983)
    # Never the reporter's name or email in what anyone can read.
    assert "Somchai" not in one.body.decode() and "reporter@example.com" not in one.body.decode()
    xml_request = xml_items(api.get(f"requests/{request_id}.xml").xml(), "service_requests", "request")
    assert [r["service_request_id"].text for r in xml_request] == [request_id]
    assert [c.tag for c in api.get(f"requests/{request_id}.xml").xml()[0]][:2] == REQUEST_FIELDS[:2]

    # GET Service Requests with the spec's filters: service_code, status ("can be declared multiple
    # times, comma delimited"), start_date/end_date ("may not span more than 90 days"; w3 format).
    now = datetime.datetime.now(datetime.UTC)
    window = {
        "start_date": (now - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end_date": (now + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    matching = api.get("requests.json", service_code=code, status="open", **window).json()
    assert request_id in {str(r["service_request_id"]) for r in matching}
    assert request_id in {
        str(r["service_request_id"]) for r in api.get("requests.json", status="open,closed").json()
    }
    assert request_id not in {
        str(r["service_request_id"]) for r in api.get("requests.json", status="closed").json()
    }
    # "service_request_id … This overrides all other arguments."
    overridden = api.get("requests.json", service_request_id=request_id, status="closed").json()
    assert [str(r["service_request_id"]) for r in overridden] == [request_id]
    listed_xml = xml_items(api.get("requests.xml", **window).xml(), "service_requests", "request")
    assert request_id in {r["service_request_id"].text for r in listed_xml}

    # Errors: "403 - Missing or Invalid API Key", "404 for resources that don't exist", "400 for any other
    # error where the request can not be fulfilled as expected" — in both formats.
    assert_errors(api.post("requests.json", {**fields, "api_key": "wrong"}), "json", 403)
    assert_errors(api.post("requests.xml", {**fields, "api_key": "wrong"}), "xml", 403)
    assert_errors(api.post("requests.json", {**fields, "service_code": "no-such-code"}), "json", 404)
    assert_errors(api.get("services/no-such-code.xml"), "xml", 404)
    assert_errors(api.get("requests/987654321.json"), "json", 404)
    over_90 = {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}
    assert_errors(api.get("requests.xml", **over_90), "xml", 400)
    # "404 - jurisdiction_id provided was not found"
    assert_errors(api.get("services.json", jurisdiction_id="elsewhere.example"), "json", 404)
