"""The satisfaction survey (issue 15, part 3): five questions on 1–5 and a comment, once per request,
after the office's decision — on the status page's link, in the decision's email and on the counter's
tablet — and the administrators' before/after comparison."""

import csv
import datetime
import io

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from casework import satisfaction, workflow
from casework.constants import SurveySource
from casework.models import SatisfactionRating
from casework.notices import rating_token
from home.groups import ADMINISTRATORS
from offices.models import Office
from outbox.models import Message
from tests.casework.factories import make_submission, on
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

FIVE = {"speed": "4", "staff": "5", "clarity": "3", "ease": "4", "overall": "5"}
NAME, EMAIL = "สมชาย ใจดี", "citizen@example.com"  # the factory's applicant


def _rate_url(submission, language="th"):
    return f"/{language}/status/rate/{rating_token(submission)}/"


# On the status page's link -----------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["approved", "rejected", "completed"])
def test_the_survey_is_asked_once_the_office_has_decided(client, handled_service, status):
    submission = make_submission(handled_service, status=status)
    page = client.get(_rate_url(submission))
    html = page.content.decode()
    assert page.status_code == 200
    for question in ("รวดเร็ว", "เจ้าหน้าที่", "ชัดเจน", "สะดวก", "โดยรวม"):
        assert question in html
    assert html.count('type="radio"') == 25
    response = client.post(_rate_url(submission), {**FIVE, "comment": "ขอบคุณค่ะ"})
    assert response.status_code == 200 and response.context["thanks"]
    answer = SatisfactionRating.objects.get(submission=submission)
    assert (answer.speed, answer.staff, answer.clarity, answer.ease, answer.overall) == (4, 5, 3, 4, 5)
    assert answer.office == submission.office and answer.source == SurveySource.ONLINE


def test_not_before_the_decision(client, submission):
    assert client.get(_rate_url(submission)).context["already"] is False
    with pytest.raises(workflow.WorkflowError):
        satisfaction.rate(submission, {name: 5 for name in satisfaction.COLUMNS})
    assert not SatisfactionRating.objects.exists()


def test_every_question_must_be_answered_and_the_error_says_which(client, handled_service):
    submission = make_submission(handled_service, status="approved")
    response = client.post(_rate_url(submission), {**FIVE, "clarity": "", "ease": "9"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "ความชัดเจน" in html and 'href="#id_clarity_0"' in html and 'href="#id_ease_0"' in html
    assert not SatisfactionRating.objects.exists()


def test_one_answer_per_request_is_kept_by_the_database(handled_service):
    submission = make_submission(handled_service, status="completed")
    SatisfactionRating.objects.create(submission=submission, score=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        SatisfactionRating.objects.create(submission=submission, score=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SatisfactionRating.objects.create(submission=None, office=submission.office, score=3, speed=6)
    with pytest.raises(satisfaction.AlreadyRated):
        satisfaction.rate(submission, {name: 2 for name in satisfaction.COLUMNS})


def test_an_old_single_rating_still_reads_as_overall(client, handled_service):
    submission = make_submission(handled_service, status="completed")
    SatisfactionRating.objects.create(submission=submission, score=2)  # as before the survey
    result = satisfaction.summary(SatisfactionRating.objects.all())
    assert result.answers == 1 and result.overall.answers == 1 and result.overall.mean == 2
    assert [q.answers for q in result.questions[:4]] == [0, 0, 0, 0]
    assert client.get(_rate_url(submission)).context["already"]


def test_the_decision_email_carries_the_survey_link(
    handled_service, permit_officer, django_capture_on_commit_callbacks
):
    submission = make_submission(handled_service, status="in_review")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(submission, "reject", actor=permit_officer, reason="เอกสารไม่ครบ")
    body = Message.objects.filter(submission_id=submission.pk).latest("pk").body
    assert "/status/rate/" in body and "5 ข้อ" in body


# The counter's tablet ------------------------------------------------------------------------------------
@pytest.fixture
def officer_client(client, permit_officer, handled_service):
    client.force_login(permit_officer)
    return client


def test_at_the_counter_the_officer_picks_the_request_and_the_citizen_sees_no_personal_data(
    officer_client, handled_service
):
    submission = make_submission(handled_service, status="approved")
    start = officer_client.post(reverse("inbox:survey"), {"reference": submission.reference.lower()})
    assert start.status_code == 302 and start["Location"] == reverse("inbox:survey_answer")
    page = officer_client.get(reverse("inbox:survey_answer"))
    html = page.content.decode()
    assert submission.reference in html and handled_service.title in html
    assert NAME not in html and EMAIL not in html and "sidebar" not in html.split("<main", 1)[1]
    done = officer_client.post(reverse("inbox:survey_answer"), FIVE, follow=True)
    assert done.redirect_chain == [(reverse("inbox:survey_done"), 302)] and "ขอบคุณ" in done.content.decode()
    answer = SatisfactionRating.objects.get(submission=submission)
    assert answer.source == SurveySource.COUNTER and answer.score == 5
    # The next citizen starts from the officer's step again.
    assert officer_client.get(reverse("inbox:survey_answer"))["Location"] == reverse("inbox:survey")


def test_an_anonymous_answer_at_the_counter_belongs_to_the_office(officer_client, first_office_of):
    officer_client.post(reverse("inbox:survey"), {"reference": ""})
    officer_client.post(reverse("inbox:survey_answer"), {**FIVE, "overall": "2"})
    answer = SatisfactionRating.objects.get()
    assert answer.submission is None and answer.office == first_office_of and answer.score == 2


@pytest.mark.parametrize(
    ("status", "message"),
    [("in_review", "ยังไม่ได้พิจารณา"), ("completed_and_rated", "ประเมินแล้ว"), ("unknown", "ไม่มีคำขอ")],
)
def test_the_officer_is_told_why_a_request_cannot_be_surveyed(
    officer_client, handled_service, status, message
):
    reference = "BS-69-999999"
    if status != "unknown":
        submission = make_submission(handled_service, status=status.split("_and_")[0])
        reference = submission.reference
        if status.endswith("rated"):
            SatisfactionRating.objects.create(submission=submission, score=5)
    response = officer_client.post(reverse("inbox:survey"), {"reference": reference})
    assert response.status_code == 400 and message in response.content.decode()


def test_the_tablet_is_for_the_offices_staff_only(client, django_user_model, handled_service):
    assert client.get(reverse("inbox:survey"))["Location"].startswith("/admin/login/")
    outsider = make_staff(django_user_model, "outsider")  # staff of no office, no service
    client.force_login(outsider)
    assert client.get(reverse("inbox:survey")).status_code in (302, 403)
    assert client.post(reverse("inbox:survey_answer"), FIVE).status_code in (302, 403)
    assert not SatisfactionRating.objects.exists()


# Before and after ---------------------------------------------------------------------------------------
@pytest.fixture
def first_office_of(site_pages):
    return Office.objects.get(site__is_default_site=True)


def _answers(office, day, overall, n, speed=None):
    for _ in range(n):
        SatisfactionRating.objects.create(
            office=office, score=overall, speed=speed, source=SurveySource.COUNTER, created_at=on(day)
        )


def test_the_administrator_compares_two_periods(client, django_user_model, first_office_of):
    office = first_office_of
    _answers(office, datetime.date(2026, 3, 2), 3, 4, speed=2)  # before: 4 × overall 3
    _answers(office, datetime.date(2026, 3, 3), 4, 2, speed=3)  # and 2 × 4: 6 answers, 2 satisfied
    _answers(office, datetime.date(2026, 11, 2), 5, 5, speed=5)  # after: 5 × 5
    _answers(office, datetime.date(2026, 12, 1), 1, 1)  # outside both periods
    client.force_login(make_staff(django_user_model, "boss", ADMINISTRATORS))
    response = client.get(
        reverse("inbox:survey_compare"),
        {
            "before_from": "2026-03-01",
            "before_to": "2026-03-31",
            "after_from": "2026-11-01",
            "after_to": "2026-11-30",
        },
    )
    assert response.status_code == 200
    rows = {str(label): (before, after) for label, before, after in response.context["rows"]}
    assert rows["โดยรวม"] == ((6, 3.33, 33.3), (5, 5.0, 100.0))
    assert rows["ความรวดเร็ว"] == ((6, 2.33, 0.0), (5, 5.0, 100.0))  # speed 2 and 3: none satisfied
    assert rows["ความชัดเจน"] == ((0, None, None), (0, None, None))
    html = response.content.decode()
    assert "33.3 %" in html and "100 %" in html


def test_the_comparison_hides_small_counts_and_is_for_administrators(
    client, django_user_model, permit_officer, first_office_of
):
    _answers(first_office_of, datetime.date(2026, 11, 2), 5, 3)
    client.force_login(make_staff(django_user_model, "boss", ADMINISTRATORS))
    period = {
        "before_from": "2026-10-01",
        "before_to": "2026-10-31",
        "after_from": "2026-11-01",
        "after_to": "2026-11-30",
    }
    response = client.get(reverse("inbox:survey_compare"), period)
    rows = {str(label): after for label, _before, after in response.context["rows"]}
    assert rows["โดยรวม"] == (None, None, None)  # 3 answers: "fewer than 5", no mean, no share
    assert "น้อยกว่า 5" in response.content.decode()
    wrong = client.get(reverse("inbox:survey_compare"), {**period, "after_to": "2026-10-01"})
    assert wrong.status_code == 400
    client.force_login(permit_officer)
    assert client.get(reverse("inbox:survey_compare"), period).status_code in (302, 403)


def test_the_office_is_set_from_the_request_of_an_answer(handled_service):
    submission = make_submission(handled_service, status="completed")
    answer = SatisfactionRating.objects.create(submission=submission, score=5)
    assert answer.office_id == submission.office_id


def test_the_comparison_downloads_as_csv_with_the_same_hidden_small_counts(
    client, django_user_model, first_office_of
):
    _answers(first_office_of, datetime.date(2026, 3, 2), 4, 6, speed=2)  # before: 6 answers
    _answers(first_office_of, datetime.date(2026, 11, 2), 5, 3)  # after: 3, "fewer than 5"
    client.force_login(make_staff(django_user_model, "boss", ADMINISTRATORS))
    period = {
        "before_from": "2026-03-01",
        "before_to": "2026-03-31",
        "after_from": "2026-11-01",
        "after_to": "2026-11-30",
    }
    page = client.get(reverse("inbox:survey_compare"), period).content.decode()
    assert "format=csv" in page and "ดาวน์โหลด CSV" in page
    response = client.get(reverse("inbox:survey_compare"), {**period, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "satisfaction-2026-03-01-2026-11-30.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel shows the Thai
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert lines[0][0] == "คำถาม" and "2026-03-01 – 2026-03-31" in lines[0][1]
    rows = {line[0]: line[1:] for line in lines[1:]}
    assert rows["โดยรวม"] == ["6", "4.0", "100.0", "น้อยกว่า 5", "", ""]
    assert rows["ความรวดเร็ว"] == ["6", "2.0", "0.0", "0", "", ""]
    assert rows["ทุกคำตอบ"] == ["6", "", "", "น้อยกว่า 5", "", ""]
    wrong = client.get(reverse("inbox:survey_compare"), {**period, "after_to": "2026-10-01", "format": "csv"})
    assert wrong.status_code == 400 and wrong["Content-Type"].startswith("text/html")
