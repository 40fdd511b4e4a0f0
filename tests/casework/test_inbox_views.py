"""The inbox list (filters, search, sort, counts), CSV export, detail and the actions through views."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from casework.constants import SubmissionStatus
from casework.inbox.views import COUNTER_SESSION_KEY, counter_officer_for, safe_cell
from tests.casework.factories import make_submission, on

TODAY = datetime.date(2026, 11, 18)  # a Wednesday


@pytest.fixture
def rows(handled_service, permit_officer):
    with freeze_time(on(TODAY)):
        return {
            "overdue": make_submission(
                handled_service, status="in_review", expected_completion=datetime.date(2026, 11, 10),
                applicant_name="นางสาวมะลิ ทองดี",
            ),
            "soon": make_submission(
                handled_service, expected_completion=datetime.date(2026, 11, 19), assignee=permit_officer
            ),
            "later": make_submission(handled_service, expected_completion=datetime.date(2026, 12, 20)),
            "waiting": make_submission(
                handled_service, status="waiting", expected_completion=datetime.date(2026, 11, 1)
            ),
            "done": make_submission(handled_service, status="completed"),
        }  # fmt: skip


def _list(client, **params):
    with freeze_time(on(TODAY)):
        response = client.get(reverse("inbox:index"), params)
    assert response.status_code == 200
    return response


def _references(response):
    return [s.reference for s, *_due_and_office in response.context["rows"]]


def test_open_requests_sorted_by_due_date_with_counts(client, permit_officer, rows):
    client.force_login(permit_officer)
    response = _list(client)
    expected = [rows[k].reference for k in ("waiting", "overdue", "soon", "later")]
    assert _references(response) == expected
    counts = response.context["counts"]
    assert counts["submitted"] == 2 and counts["in_review"] == 1 and counts["completed"] == 1
    assert counts["overdue"] == 1 and counts["due_soon"] == 1  # waiting is paused, not overdue
    content = response.content.decode()
    assert "เกินกำหนด" in content or "Overdue" in content


@pytest.mark.parametrize(
    ("params", "keys"),
    [
        ({"due": "overdue"}, ["overdue"]),
        ({"due": "soon"}, ["soon"]),
        ({"due": "paused"}, ["waiting"]),
        ({"assignee": "me"}, ["soon"]),
        ({"assignee": "none", "sort": "-due"}, ["later", "overdue", "waiting"]),
        ({"status": "completed"}, ["done"]),
        ({"q": "มะลิ"}, ["overdue"]),
        ({"status": "all", "due": "week"}, ["soon"]),
    ],
)
def test_filters(client, permit_officer, rows, params, keys):
    client.force_login(permit_officer)
    response = _list(client, **params)
    assert _references(response) == [rows[k].reference for k in keys]
    # The total above the list (taken from the state counts, not counted again) matches the rows.
    assert response.context["paginator"].count == len(keys)


def test_the_total_and_pages_follow_the_state_filter(client, permit_officer, handled_service, monkeypatch):
    monkeypatch.setattr("casework.inbox.views.PAGE_SIZE", 2)
    for _ in range(3):
        make_submission(handled_service)
    make_submission(handled_service, status="completed")
    make_submission(handled_service, status="withdrawn")
    client.force_login(permit_officer)
    for params, total, pages in (({}, 3, 2), ({"status": "all"}, 5, 3), ({"status": "completed"}, 1, 1)):
        response = _list(client, **params)
        assert (response.context["paginator"].count, response.context["paginator"].num_pages) == (
            total,
            pages,
        )
    last_page = _list(client, status="all", p="3")
    assert len(_references(last_page)) == 1


def test_search_by_reference_and_bad_filters_are_reported_not_fatal(client, permit_officer, rows):
    client.force_login(permit_officer)
    assert _references(_list(client, q=rows["later"].reference.lower())) == [rows["later"].reference]
    response = _list(client, submitted_from="not-a-date", service="abc", assignee="999999", sort="x")
    assert response.context["form"].errors
    assert len(_references(response)) == 4


def test_date_range(client, permit_officer, handled_service):
    old = make_submission(handled_service, submitted_at=on(datetime.date(2026, 1, 5)))
    make_submission(handled_service, submitted_at=on(datetime.date(2026, 3, 5)))
    client.force_login(permit_officer)
    response = _list(client, submitted_from="2026-01-01", submitted_to="2026-01-31", status="all")
    assert _references(response) == [old.reference]


def test_csv_export_is_safe_against_formula_injection(client, permit_officer, handled_service):
    make_submission(handled_service, applicant_name='=HYPERLINK("http://evil","x")')
    make_submission(handled_service, applicant_name="+66 81 234 5678")
    client.force_login(permit_officer)
    response = client.get(reverse("inbox:export"))
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    names = [row[2] for row in table[1:]]
    assert '\'=HYPERLINK("http://evil","x")' in names and "'+66 81 234 5678" in names
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("ปกติ") == "ปกติ" and safe_cell(None) == ""


def test_detail_shows_answers_timeline_and_actions(client, permit_officer, submission):
    client.force_login(permit_officer)
    response = client.get(reverse("inbox:detail", args=[submission.pk]))
    content = response.content.decode()
    assert "สมชาย ใจดี" in content and submission.reference in content
    assert [a.action for a in response.context["actions"]] == ["start_review", "reject"]
    assert response.context["can_request_information"]


def test_actions_through_the_views(client, permit_officer, submission):
    client.force_login(permit_officer)
    url = reverse("inbox:act", args=[submission.pk])
    client.post(url, {"action": "start_review", "version": 1})
    client.post(reverse("inbox:assign", args=[submission.pk]), {"assignee": "me", "version": 2})
    client.post(url, {"action": "request_information", "version": 3, "reason": "ขอสำเนาทะเบียนบ้าน"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WAITING
    assert submission.assignee == permit_officer and submission.paused_since == timezone.localdate()


def test_the_second_officer_gets_a_clear_message_and_nothing_is_overwritten(
    client, permit_officer, administrator, submission
):
    client.force_login(permit_officer)
    client.post(reverse("inbox:act", args=[submission.pk]), {"action": "start_review", "version": 1})
    client.force_login(administrator)
    response = client.post(
        reverse("inbox:act", args=[submission.pk]),
        {"action": "reject", "version": 1, "reason": "ไม่ผ่าน"},
        follow=True,
    )
    text = " ".join(str(m) for m in response.context["messages"])
    assert "officer" in text
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.IN_REVIEW


def test_a_missing_version_or_reason_is_a_message_not_an_error(client, permit_officer, submission):
    client.force_login(permit_officer)
    url = reverse("inbox:act", args=[submission.pk])
    response = client.post(url, {"action": "start_review"}, follow=True)
    assert response.status_code == 200 and list(response.context["messages"])
    response = client.post(url, {"action": "reject", "version": 1}, follow=True)
    assert response.status_code == 200
    response = client.post(url, {"action": "nonsense", "version": 1}, follow=True)
    assert response.status_code == 200
    response = client.post(reverse("inbox:assign", args=[submission.pk]), {"assignee": "abc"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_dashboard_panel(client, permit_officer, rows):
    client.force_login(permit_officer)
    with freeze_time(on(TODAY)):
        response = client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert reverse("inbox:index") + "?due=overdue" in content


def test_counter_service_marks_the_submission(client, permit_officer, handled_service):
    client.force_login(permit_officer)
    response = client.post(reverse("inbox:counter_start", args=[handled_service.pk]))
    assert response.status_code == 302 and response["Location"].endswith("apply/")
    session = client.session
    assert session[COUNTER_SESSION_KEY]["officer"] == permit_officer.pk

    class FakeRequest:
        user = permit_officer

    FakeRequest.session = session
    assert counter_officer_for(FakeRequest, handled_service) == permit_officer
