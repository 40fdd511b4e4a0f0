"""A reporter without contact details follows the case with the secret code given at the end (never
with the reference alone), and says "fixed" or "not fixed" there: not fixed reopens the case once,
with a reason, and only within the allowed time."""

import datetime
import re

import pytest
from django.utils import timezone
from freezegun import freeze_time

from casework import workflow
from casework.constants import SubmissionStatus
from casework.models import SatisfactionRating
from problems import follow
from problems import workflow as report_workflow
from problems.constants import VERDICT_DAYS
from problems.models import ProblemReport
from problems.photos import CleanPhoto
from tests.problems.factories import jpeg_bytes, make_report, upload
from tests.problems.test_report_flow import walk_to_photos

pytestmark = pytest.mark.django_db


def _close(report, officer, when=None):
    return report_workflow.act(
        report,
        report_workflow.ReportAction.CLOSE,
        actor=officer,
        text="เปลี่ยนหลอดไฟแล้ว",
        photo=CleanPhoto(jpeg_bytes(colour=(10, 200, 10)), 64, 48, None),
        now=when,
    )


def test_an_anonymous_reporter_gets_a_code_and_follows_the_case_with_it(client, site_pages):
    walk_to_photos(client)
    client.post("/th/reports/new/photos/", {"photos": [upload()]})
    page = client.get("/th/reports/new/done/").content.decode()
    code = re.search(r"problems-follow__code\">([A-Z0-9-]{19})<", page).group(1)
    report = ProblemReport.objects.get()
    assert report.follow_hash == follow.digest(code) and code not in str(report.__dict__)
    followed = client.get(f"/th/reports/follow/{code}/")
    assert followed.status_code == 200 and report.submission.reference in followed.content.decode()
    assert followed["Referrer-Policy"] == "no-referrer"
    # Typed by hand, in lower case with spaces: the same page.
    typed = client.post("/th/reports/follow/", {"code": code.lower().replace("-", " ")})
    assert typed.status_code == 302 and typed["Location"] == f"/th/reports/follow/{code.replace('-', '')}/"


@pytest.mark.parametrize("guess", ["RP-69-000001", "AAAA-AAAA-AAAA-AAAA", "x" * 200, "<script>", "1"])
def test_the_reference_or_a_guess_opens_nothing(client, site_pages, guess):
    make_report()
    response = client.get(f"/th/reports/follow/{guess}/")
    assert response.status_code == 404
    assert "ไฟฟ้าส่องสว่างดับ" not in response.content.decode()  # nothing of the case


def test_fixed_is_shown_on_the_board(client, site_pages, admin_user):
    report = make_report()
    _close(report, admin_user)
    response = client.post(f"/en/reports/follow/{report.follow_code}/", {"verdict": "fixed"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.verdict == "fixed"
    assert "The reporter says it is fixed" in client.get(f"/en/reports/{report.pk}/").content.decode()
    # Said once.
    again = client.post(f"/en/reports/follow/{report.follow_code}/", {"verdict": "not_fixed", "reason": "x"})
    assert again.status_code == 400
    assert ProblemReport.objects.get(pk=report.pk).verdict == "fixed"


def test_not_fixed_needs_a_reason_and_reopens_once(client, site_pages, admin_user):
    report = make_report()
    _close(report, admin_user)
    url = f"/th/reports/follow/{report.follow_code}/"
    assert client.post(url, {"verdict": "not_fixed"}).status_code == 400
    assert client.post(url, {"verdict": "not_fixed", "reason": "ไฟยังดับอยู่"}).status_code == 302
    report.refresh_from_db()
    assert report.submission.status == SubmissionStatus.IN_REVIEW and report.reopenings == 1
    assert report.submission.completed_at is None
    page = client.get(f"/th/reports/{report.pk}/").content.decode()
    assert "ไฟยังดับอยู่" not in page  # the reason goes to the office, not the board
    assert "ผู้แจ้งแจ้งว่ายังไม่ได้รับการแก้ไข" in page
    _close(report, admin_user)
    refused = client.post(url, {"verdict": "not_fixed", "reason": "ยังไม่ได้"})
    assert refused.status_code == 400 and "เปิดเรื่องใหม่แล้วหนึ่งครั้ง" in refused.content.decode()
    assert ProblemReport.objects.get(pk=report.pk).submission.status == SubmissionStatus.COMPLETED
    # "Fixed" is still possible.
    assert client.post(url, {"verdict": "fixed"}).status_code == 302


def test_not_fixed_after_the_allowed_period_is_refused(client, site_pages, admin_user):
    report = make_report()
    _close(report, admin_user)
    later = timezone.now() + datetime.timedelta(days=VERDICT_DAYS + 1)
    with freeze_time(later):
        response = client.post(
            f"/th/reports/follow/{report.follow_code}/", {"verdict": "not_fixed", "reason": "ยังดับ"}
        )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.submission.status == SubmissionStatus.COMPLETED and report.reopenings == 0
    # Nor through the request's own workflow.
    with freeze_time(later), pytest.raises(workflow.WorkflowError):
        workflow.transition(report.submission, workflow.Action.REOPEN, reason="x")


def test_too_many_follow_up_tries_from_one_address_are_refused(client, site_pages):
    report = make_report()
    for _ in range(60):
        client.get("/th/reports/follow/AAAA-AAAA-AAAA-AAAA/")
    assert client.get(f"/th/reports/follow/{report.follow_code}/").status_code == 429


def test_a_reporter_without_an_email_rates_the_response_from_the_follow_up_page(
    client, site_pages, admin_user
):
    report = make_report()  # no contact at all
    url = f"/th/reports/follow/{report.follow_code}/"
    assert "ประเมินบริการของเรา" not in client.get(url).content.decode()  # not before the office closes it
    _close(report, admin_user)
    page = client.get(url).content.decode()
    rate = re.search(r'href="(/th/status/rate/[^"]+/)"', page)[1]
    answers = {name: "4" for name in ("speed", "staff", "clarity", "ease", "overall")}
    assert client.post(rate, answers).status_code == 200
    assert SatisfactionRating.objects.get(submission=report.submission).score == 4
    assert "ประเมินบริการของเรา" not in client.get(url).content.decode()  # once
