"""The board's map data (`/th/reports/map.json`) and its village filter: the board's own cases only
(never hidden, sensitive or withdrawn ones, never the reporter's details), the list's filters, a bounded
answer however many cases there are, and text escaped; and the board page offers the map only with the
office's own tile server, loading nothing before the citizen opens it."""

import json
import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casework import workflow
from casework.constants import SubmissionStatus
from casework.models import Submission
from offices.lookup import default_office
from problems import board_map, services
from problems.models import OfficeArea, ProblemReport
from tests.problems.factories import category, make_report

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _placed(lat="19.910000", lon="99.830000", **extra):
    report = make_report(**extra)
    ProblemReport.objects.filter(pk=report.pk).update(latitude=Decimal(lat), longitude=Decimal(lon))
    report.refresh_from_db()
    return report


def _data(client, query=""):
    response = client.get(f"/th/reports/map.json{query}")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content), response.content.decode()


def test_the_map_data_has_the_boards_cases_never_the_reporter_nor_hidden_or_sensitive(
    client, site_pages, admin_user
):
    shown = _placed(name="สมชาย ใจดี", email="somchai@example.com", road="ถนนเชียงใหม่")
    hidden = _placed(lat="19.920000")
    services.set_hidden(hidden, hidden=True, actor=admin_user, reason="หยาบคาย")
    _placed(code="corruption", lat="19.930000", description="นายก อบต. รับเงิน")
    withdrawn = _placed(lat="19.940000")
    Submission.objects.filter(pk=withdrawn.submission_id).update(status=SubmissionStatus.WITHDRAWN)
    make_report(village="5")  # no position: counted, not on the map

    data, text = _data(client, "?zoom=18")
    assert data["total"] == 2 and data["placed"] == 1 and data["without_position"] == 1
    [point] = data["points"]
    assert point["id"] == shown.pk and point["category"] == "street-light" and point["state"] == "received"
    assert point["place"] == "หมู่ 3, ถนนเชียงใหม่"
    assert data["categories"]["street-light"] == {"name": "ไฟฟ้าส่องสว่างดับ", "icon": "💡"}
    assert "corruption" not in data["categories"]  # a sensitive category is not even named
    assert data["states"]["received"] == "รับเรื่องแล้ว"
    for secret in ("สมชาย", "somchai", shown.submission.reference, "ไฟดับสามคืน", "รับเงิน", "หยาบคาย"):
        assert secret not in text
    english = json.loads(client.get("/en/reports/map.json?zoom=18").content)
    assert english["categories"]["street-light"]["name"] == "Street light out"
    assert english["states"]["received"] == "Received"


def test_text_in_the_map_data_cannot_become_markup(client, site_pages):
    _placed(road=HOSTILE)
    data, text = _data(client, "?zoom=18")
    assert "<" not in text and ">" not in text and "\\u003Cscript\\u003E" in text
    assert data["points"][0]["place"].endswith(HOSTILE)  # the same text once decoded


def test_the_map_data_follows_the_lists_filters(client, site_pages, admin_user):
    light = _placed(village="3")
    drain = _placed(code="blocked-drain", village="7", lat="19.950000")
    workflow.transition(drain.submission, workflow.Action.START_REVIEW, actor=admin_user)
    ids = lambda query: {p.get("id") for p in _data(client, query)[0]["points"]}  # noqa: E731
    assert ids("?zoom=18&category=blocked-drain") == {drain.pk}
    assert ids("?zoom=18&state=received") == {light.pk}
    assert ids("?zoom=18&village=7") == {drain.pk}
    assert ids("?zoom=18&village=7&state=received") == set()
    assert ids("?zoom=18&village=99&category=nothing") == {light.pk, drain.pk}  # unknown values: ignored
    assert ids("?zoom=18&bbox=99.8,19.94,99.9,19.96") == {drain.pk}
    assert ids("?zoom=18&bbox=not,a,box") == {light.pk, drain.pk}


def test_nearby_cases_are_grouped_with_their_count_at_a_low_zoom(client, site_pages):
    for n in range(3):
        _placed(lat=f"19.91{n}000")
    far = _placed(lat="18.800000", lon="98.900000")
    data, _text = _data(client, "?zoom=10")
    counts = sorted(p["count"] for p in data["points"])
    assert counts == [1, 3]
    group = next(p for p in data["points"] if p["count"] == 3)
    assert "id" not in group and "category" not in group  # a group names no case
    assert next(p for p in data["points"] if p["count"] == 1)["id"] == far.pk
    assert {p["count"] for p in _data(client, "?zoom=19")[0]["points"]} == {1}


def _bulk(count, seed=1):
    """`count` board cases at random positions over ~40 km, with bulk_create (no photos)."""
    office = default_office()
    light = category()
    rng = random.Random(seed)
    submissions = Submission.objects.bulk_create(
        Submission(
            reference=f"RP-69-{900000 + n}", office=office, service_title="ไฟฟ้าส่องสว่างดับ", language="th",
            status=SubmissionStatus.SUBMITTED, processing_days=7, expected_completion="2026-12-31",
        )
        for n in range(count)
    )  # fmt: skip
    ProblemReport.objects.bulk_create(
        ProblemReport(
            submission=submission, office=office, category=light, village=str(1 + n % 14),
            latitude=Decimal(f"{19.7 + rng.random() * 0.4:.6f}"),
            longitude=Decimal(f"{99.6 + rng.random() * 0.4:.6f}"), respond_by="2026-12-20",
        )
        for n, submission in enumerate(submissions)
    )  # fmt: skip


@pytest.mark.parametrize("zoom", [8, 13, 16, 19])
def test_the_answer_is_bounded_whatever_the_number_of_cases(client, site_pages, zoom, monkeypatch):
    monkeypatch.setattr(board_map, "MAX_POINTS", 40)
    _bulk(1200)
    with CaptureQueriesContext(connection) as queries:
        data, text = _data(client, f"?zoom={zoom}")
    assert len(data["points"]) <= 40
    assert data["total"] == data["placed"] == 1200
    assert data["shown"] == sum(p["count"] for p in data["points"])
    assert data["shown"] == 1200 or data["truncated"]
    assert len(queries) <= 3 + 3  # counts, groups, details; site, categories, area: never per case
    assert len(text) < 40 * 400


def test_ten_thousand_cases_fit_in_one_small_answer(client, site_pages):
    _bulk(10_000)
    data, text = _data(client, "?zoom=13")
    assert len(data["points"]) <= board_map.MAX_POINTS and data["shown"] == 10_000
    assert len(text.encode()) < 100_000


def test_the_board_filters_by_village_without_script(client, site_pages):
    three = make_report(village="3")
    seven = make_report(village="7", road="ซอย 7")
    for lang, label in (("th", "หมู่ที่"), ("en", "Village (moo)")):
        page = client.get(f"/{lang}/reports/?village=7").content.decode()
        assert f"/{lang}/reports/{seven.pk}/" in page and f"/{lang}/reports/{three.pk}/" not in page
        assert label in page and '<option value="7" selected>' in page
    assert f"/th/reports/{three.pk}/" in client.get("/th/reports/?village=x").content.decode()


def test_the_board_offers_the_map_only_with_the_offices_tile_server(client, site_pages):
    make_report()
    page = client.get("/th/reports/").content.decode()
    assert "data-board-map" not in page and "board_map.js" not in page
    OfficeArea.objects.create(
        office=default_office(), latitude="19.91", longitude="99.83",
        tile_url="https://tiles.doingam.example/{z}/{x}/{y}.png", tile_attribution="© OpenStreetMap",
    )  # fmt: skip
    response = client.get("/en/reports/?village=3")
    page = response.content.decode()
    assert "data-board-map" in page and "/static/problems/board_map.js" in page
    assert 'data-url="/en/reports/map.json?village=3"' in page and 'data-case="/en/reports/0/"' in page
    assert "Show the reports on a map" in page
    # Nothing of the map is loaded with the page: Leaflet and the tiles only once it is opened.
    assert '<script src="/static/tourism/vendor/leaflet' not in page and 'leaflet.css" rel' not in page
    assert "img-src 'self' https://tiles.doingam.example" in response["Content-Security-Policy"]
    assert "แสดงรายงานบนแผนที่" in client.get("/th/reports/?state=").content.decode()
