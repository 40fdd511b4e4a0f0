"""The public board of the host's office: what it lists and never lists, its filters and pages, and a
number of queries that does not grow with the number of cases."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from casework import workflow
from casework.models import Submission
from offices.models import Office
from problems import services
from problems.models import ProblemReport
from tests.problems.factories import make_report

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_the_board_lists_cases_with_category_village_state_and_photo_never_the_reporter(client, site_pages):
    report = make_report(name="สมชาย ใจดี", email="somchai@example.com", road="ถนนเชียงใหม่")
    for lang, words in (
        ("th", ["ไฟฟ้าส่องสว่างดับ", "หมู่ 3", "รับเรื่องแล้ว"]),
        ("en", ["Street light out", "Moo 3", "Received"]),
    ):
        page = client.get(f"/{lang}/reports/").content.decode()
        for word in words:
            assert word in page, (lang, word)
        assert f"/{lang}/reports/{report.pk}/photos/" in page
        assert "สมชาย" not in page and "somchai@example.com" not in page
    case = client.get(f"/en/reports/{report.pk}/").content.decode()
    assert "ถนนเชียงใหม่" in case and "สมชาย" not in case and "somchai" not in case
    assert report.submission.reference not in case
    photo = report.photos.get()
    response = client.get(f"/en/reports/{report.pk}/photos/{photo.pk}.jpg")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_html_and_script_in_every_text_field_is_escaped(client, site_pages):
    report = make_report(road=HOSTILE, landmark=HOSTILE, description=HOSTILE)
    services.answer_in_public(report, actor=None, text=HOSTILE)
    for url in ("/th/reports/", f"/th/reports/{report.pk}/", f"/en/reports/{report.pk}/"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in client.get(f"/th/reports/{report.pk}/").content.decode()


def test_sensitive_categories_are_never_listed_and_404(client, site_pages):
    secret = make_report(code="corruption", description="นายก อบต. รับเงิน")
    assert "corruption" not in client.get("/en/reports/").content.decode().lower()
    assert "Corruption" not in client.get("/en/reports/").content.decode()
    assert client.get(f"/th/reports/{secret.pk}/").status_code == 404
    photo = secret.photos.get()
    assert client.get(f"/th/reports/{secret.pk}/photos/{photo.pk}.jpg").status_code == 404
    assert client.get("/en/reports/?category=corruption").status_code == 200  # an unknown filter, not a 500


def test_a_hidden_case_is_404_with_its_photos_and_its_reason_is_recorded(client, site_pages, admin_user):
    report = make_report()
    services.set_hidden(report, hidden=True, actor=admin_user, reason="ข้อความหยาบคาย")
    report.refresh_from_db()
    assert report.hidden_reason == "ข้อความหยาบคาย" and report.hidden_by == admin_user and report.hidden_at
    assert client.get(f"/th/reports/{report.pk}/").status_code == 404
    assert client.get(f"/th/reports/{report.pk}/photos/{report.photos.get().pk}.jpg").status_code == 404
    assert f"/th/reports/{report.pk}/" not in client.get("/th/reports/").content.decode()
    assert report.submission.events.filter(message__contains="ข้อความหยาบคาย").exists()
    services.set_hidden(report, hidden=False, actor=admin_user)
    assert client.get(f"/th/reports/{report.pk}/").status_code == 200


def test_filters_by_category_and_state(client, site_pages, admin_user):
    light = make_report(code="street-light")
    drain = make_report(code="blocked-drain", village="7")
    workflow.transition(drain.submission, workflow.Action.START_REVIEW, actor=admin_user)
    page = client.get("/en/reports/?category=blocked-drain").content.decode()
    assert f"/en/reports/{drain.pk}/" in page and f"/en/reports/{light.pk}/" not in page
    page = client.get("/en/reports/?state=in_progress").content.decode()
    assert f"/en/reports/{drain.pk}/" in page and f"/en/reports/{light.pk}/" not in page
    page = client.get("/en/reports/?state=received").content.decode()
    assert f"/en/reports/{light.pk}/" in page and f"/en/reports/{drain.pk}/" not in page
    assert client.get("/en/reports/?state=nonsense&page=abc").status_code == 200


def test_another_offices_case_is_404_here(client, site_pages, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "nongbua.example"]
    call_command(
        "create_office", domain="nongbua.example", code="nongbua", name_th="อบต.หนองบัว", name_en="Nong Bua",
        stdout=StringIO(),
    )  # fmt: skip
    theirs = make_report(office=Office.objects.get(code="nongbua"))
    assert client.get(f"/th/reports/{theirs.pk}/").status_code == 404
    assert f"/th/reports/{theirs.pk}/" not in client.get("/th/reports/").content.decode()
    there = Client(HTTP_HOST="nongbua.example")
    assert there.get(f"/th/reports/{theirs.pk}/").status_code == 200


def test_withdrawn_cases_leave_the_board(client, site_pages):
    report = make_report()
    Submission.objects.filter(pk=report.submission_id).update(status="withdrawn")
    assert client.get(f"/th/reports/{report.pk}/").status_code == 404


def test_pages_of_twenty_and_queries_independent_of_the_number_of_cases(
    client, site_pages, django_assert_max_num_queries
):
    for _ in range(3):
        make_report()
    client.get("/th/reports/")  # warm: settings rows, the site's office
    with django_assert_max_num_queries(12) as few:
        client.get("/th/reports/")
    for _ in range(40):
        make_report()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/th/reports/").content.decode()
    assert page.count('class="problems-card"') == 20 and "?page=2" in page
    assert ProblemReport.objects.count() == 43
    last = client.get("/th/reports/?page=3").content.decode()
    assert last.count('class="problems-card"') == 3


def test_the_subject_request_tools_find_and_erase_a_reports_place_and_photos(site_pages):
    """Found through its request (the reporter's email), exported, and erased with it."""
    from django.utils import timezone  # noqa: PLC0415

    from problems.privacy import ProblemReports  # noqa: PLC0415

    report = make_report(email="somchai@example.com", landmark="บ้านเลขที่ 9", description="หน้าบ้านผม")
    declaration = ProblemReports()
    records = declaration.records_of_cases({report.submission_id})
    assert declaration.export(records)[0]["landmark"] == "บ้านเลขที่ 9"
    result = declaration.anonymise_case(report.submission_id, timezone.now())
    result["_after"]()
    report.refresh_from_db()
    assert (report.landmark, report.description, report.latitude) == ("", "", None)
    assert not report.photos.exists() and report.village == "3"
