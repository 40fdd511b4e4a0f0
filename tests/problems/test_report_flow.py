"""Reporting in three plain steps (no script), with photos made safe, and every bad input answered
with a message in the citizen's language, never a 500."""

import io
import re

import pytest
from django.core import mail
from freezegun import freeze_time
from PIL import Image

from casework.models import Submission
from offices.lookup import default_office
from outbox.models import Message
from problems.models import OfficeArea, ProblemPhoto, ProblemReport
from tests.problems.factories import GPS, bomb_png, category, jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def walk_to_photos(client, lang="th", *, where=None, code="street-light"):
    chosen = category(code)
    response = client.post(f"/{lang}/reports/new/", {"category": chosen.pk, "description": "ไฟดับ"})
    assert response.status_code == 302 and response["Location"] == f"/{lang}/reports/new/where/"
    where = where or {"village": "3", "road": "ซอย 5", "landmark": "หน้าวัด"}
    response = client.post(f"/{lang}/reports/new/where/", where)
    assert response.status_code == 302 and response["Location"] == f"/{lang}/reports/new/photos/", (
        response.content
    )
    return chosen


def test_three_steps_make_a_request_in_the_inbox_with_its_deadline(client, site_pages):
    chosen = walk_to_photos(client)
    response = client.post(
        "/th/reports/new/photos/",
        {"photos": [upload(), upload(name="second.jpg")], "email": "somchai@example.com", "name": "สมชาย"},
    )
    assert response.status_code == 302 and response["Location"] == "/th/reports/new/done/"
    report = ProblemReport.objects.get()
    submission = report.submission
    assert submission.reference == "RP-69-000001" or submission.reference.startswith("RP-")
    assert submission.office == default_office() and submission.service is None
    assert submission.processing_days == chosen.resolution_days
    assert submission.applicant_email == "somchai@example.com"
    assert report.village == "3" and report.road == "ซอย 5" and report.photos.count() == 2
    page = client.get("/th/reports/new/done/")
    assert submission.reference in page.content.decode()
    # The acknowledgement, from the office, with the status page's link on its own address.
    message = Message.objects.get(submission_id=submission.pk)
    assert "/th/status/" in message.body and message.to == "somchai@example.com"


def test_the_same_report_sent_again_after_a_dropped_connection_is_not_made_twice(client, site_pages):
    walk_to_photos(client)
    sent = {"photos": [upload()], "email": "somchai@example.com"}
    assert client.post("/th/reports/new/photos/", sent)["Location"] == "/th/reports/new/done/"
    # The answer never reached the phone, which sends the same form again when the signal returns.
    again = client.post("/th/reports/new/photos/", {"photos": [upload()], "email": "somchai@example.com"})
    assert again.status_code == 302 and again["Location"] == "/th/reports/new/done/"
    assert ProblemReport.objects.count() == 1 and Submission.objects.count() == 1
    assert (
        ProblemReport.objects.get().submission.reference
        in client.get("/th/reports/new/done/").content.decode()
    )
    # A new report starts from the first step as before.
    walk_to_photos(client, code="pothole")
    assert (
        client.post("/th/reports/new/photos/", {"photos": [upload()]})["Location"] == "/th/reports/new/done/"
    )
    assert ProblemReport.objects.count() == 2


def test_the_steps_work_in_english_and_start_again_when_skipped(client, site_pages):
    assert client.get("/en/reports/new/photos/")["Location"] == "/en/reports/new/"
    page = client.get("/en/reports/new/").content.decode()
    assert "What is the problem?" in page and "Street light out" in page
    # A plain form: the only script is this site's weak-signal helper (report.js), never inline.
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/problems/report.js" defer>']
    walk_to_photos(client, "en")
    response = client.post("/en/reports/new/photos/", {})
    assert response.status_code == 200
    assert "Add at least one photo of the problem." in response.content.decode()


def test_photos_are_re_encoded_without_exif_and_the_gps_is_read_only_when_asked(client, site_pages):
    walk_to_photos(client, where={"village": "1"})
    client.post(
        "/th/reports/new/photos/", {"photos": [upload(jpeg_bytes(gps=GPS))], "use_photo_position": "on"}
    )
    report = ProblemReport.objects.get()
    assert (float(report.latitude), float(report.longitude)) == pytest.approx((18.795, 98.983889), abs=1e-4)
    assert report.position_source == "photo"
    stored = report.photos.get().file.open("rb").read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()  # no GPS, no camera
    assert b"PhoneMaker" not in stored

    walk_to_photos(client, where={"village": "2"})
    client.post("/th/reports/new/photos/", {"photos": [upload(jpeg_bytes(gps=GPS))]})
    second = ProblemReport.objects.order_by("-pk").first()
    assert second.latitude is None and second.position_source == ""


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([upload(b"%PDF-1.4 not a picture", name="doc.jpg")], "ไม่ใช่รูปภาพ"),
        ([upload(b"\x89PNG\r\n\x1a\n" + b"\0" * 40, name="broken.png")], "ไม่ใช่รูปภาพ"),
        ([upload(bomb_png(), name="bomb.png", content_type="image/png")], "จำนวนพิกเซลมากเกิน"),
        ([upload(b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1), name="big.jpg")], "ใหญ่กว่า 10 MB"),
        ([upload() for _ in range(5)], "ไม่เกิน 4 รูป"),
    ],
    ids=["not-an-image", "broken", "bomb", "too-large", "five-photos"],
)
def test_bad_photos_are_refused_with_a_thai_message(client, site_pages, files, message):
    walk_to_photos(client)
    response = client.post("/th/reports/new/photos/", {"photos": files})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists() and not ProblemPhoto.objects.exists()


def test_a_position_far_outside_the_area_must_be_confirmed(client, site_pages):
    OfficeArea.objects.create(office=default_office(), latitude="18.79", longitude="98.98", radius_km=20)
    chosen = category()
    client.post("/en/reports/new/", {"category": chosen.pk})
    far = {"village": "1", "latitude": "13.7563", "longitude": "100.5018"}  # Bangkok
    response = client.post("/en/reports/new/where/", far)
    assert response.status_code == 200
    page = response.content.decode()
    assert "far outside our area" in page and 'name="confirm_far"' in page
    response = client.post("/en/reports/new/where/", {**far, "confirm_far": "on"})
    assert response.status_code == 302
    near = {"village": "1", "latitude": "18.80", "longitude": "98.99"}
    assert client.post("/en/reports/new/where/", near).status_code == 302


@pytest.mark.parametrize(
    "where",
    [
        {},
        {"latitude": "18.7"},
        {"latitude": "95", "longitude": "98"},
        {"latitude": "abc", "longitude": "98"},
        {"village": "999"},
    ],
)
def test_a_place_that_is_missing_or_wrong_is_explained(client, site_pages, where):
    client.post("/th/reports/new/", {"category": category().pk})
    response = client.post("/th/reports/new/where/", where)
    assert response.status_code == 200
    assert 'class="eforms-error-summary"' in response.content.decode()


@pytest.mark.parametrize("value", ["", "999999", "abc", "<script>"])
def test_an_unknown_category_is_refused(client, site_pages, value):
    response = client.post("/th/reports/new/", {"category": value})
    assert response.status_code == 200 and "eforms-error-summary" in response.content.decode()


def test_no_email_means_no_message_and_the_reference_is_shown(client, site_pages):
    walk_to_photos(client)
    client.post("/th/reports/new/photos/", {"photos": [upload()]})
    page = client.get("/th/reports/new/done/").content.decode()
    assert ProblemReport.objects.get().submission.reference in page
    assert not Message.objects.exists() and not mail.outbox


# One instant: django-ratelimit's hour starts at a point of its own, which a slow run could cross.
@freeze_time("2026-12-06 10:00:00+07:00")
def test_fifty_reports_from_one_address_are_stopped_after_ten_an_hour(client, site_pages):
    answers = []
    for number in range(12):  # different roads: the same one would be offered as a duplicate
        walk_to_photos(client, where={"village": "3", "road": f"ซอย {number}"})
        answers.append(client.post("/th/reports/new/photos/", {"photos": [upload()]}))
    assert [a.status_code for a in answers] == [302] * 10 + [429] * 2
    assert "ท่านส่งเรื่องจำนวนมาก" in answers[-1].content.decode()
    assert ProblemReport.objects.count() == 10
