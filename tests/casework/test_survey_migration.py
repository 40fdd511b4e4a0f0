"""casework 0010/0011: a rating made before the survey keeps its score as the "overall" answer and takes
its request's office; the four new questions stay empty (on SQLite and PostgreSQL)."""

import datetime

import pytest
from django.utils import timezone

from casework import satisfaction
from casework.models import SatisfactionRating
from tests.migrations import latest, migrate


@pytest.mark.django_db(transaction=True)
def test_an_old_rating_becomes_the_overall_answer_of_its_office():
    newest = latest()
    try:
        old = migrate([("casework", "0009_document_event_kind")])
        Office = old.get_model("offices", "Office")
        Submission = old.get_model("casework", "Submission")
        Rating = old.get_model("casework", "SatisfactionRating")
        office = Office.objects.order_by("pk").first()
        assert office is not None
        submission = Submission.objects.create(
            reference="GF-69-000001",
            service_title="ค่าธรรมเนียมเก็บขยะ",
            office=office,
            language="th",
            status="completed",
            processing_days=1,
            expected_completion=datetime.date(2026, 11, 3),
            submitted_at=timezone.now(),
        )
        Rating.objects.create(submission=submission, score=4, comment="ดีมาก")
    finally:
        migrate(newest)
    rating = SatisfactionRating.objects.get()
    assert rating.office_id == office.pk and rating.overall == 4 and rating.comment == "ดีมาก"
    assert (rating.speed, rating.staff, rating.clarity, rating.ease) == (None, None, None, None)
    figures = satisfaction.summary(SatisfactionRating.objects.all())
    assert (
        figures.overall.answers == 1 and figures.overall.satisfied == 1 and figures.questions[0].answers == 0
    )
