"""The data migration gives every office already there the default categories, and keeps what an
office already has."""

import pytest

from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _back_to_latest():
    yield
    migrate(latest())


def test_offices_already_there_get_the_categories_once(site_pages):
    old = migrate([("problems", "0001_categories_and_reports")])
    Office = old.get_model("offices", "Office")
    Category = old.get_model("problems", "Category")
    office = Office.objects.get()
    Category.objects.filter(office=office).delete()
    Category.objects.create(office=office, code="garbage", name_th="ขยะ (แก้ไขแล้ว)", resolution_days=2)
    new = migrate([("problems", "0002_default_categories")])
    Category = new.get_model("problems", "Category")
    rows = Category.objects.filter(office_id=office.pk)
    assert rows.count() == 7 and rows.filter(sensitive=True).count() == 1
    assert rows.get(code="garbage").name_th == "ขยะ (แก้ไขแล้ว)"  # the office's own edit is kept


def test_reports_already_there_take_their_first_answer_from_their_timeline(site_pages, admin_user):
    from problems import services  # noqa: PLC0415
    from problems.models import ProblemReport  # noqa: PLC0415
    from tests.problems.factories import make_report  # noqa: PLC0415

    answered, untouched = make_report(), make_report()
    services.answer_in_public(answered, actor=admin_user, text="รับเรื่องแล้ว")
    when = ProblemReport.objects.get(pk=answered.pk).first_response_at
    ProblemReport.objects.update(first_response_at=None)  # as before the field was filled
    migrate([("problems", "0005_late_reports_first_answer")])
    new = migrate([("problems", "0006_first_answers_from_timelines")])
    Report = new.get_model("problems", "ProblemReport")
    assert Report.objects.get(pk=answered.pk).first_response_at == when
    assert Report.objects.get(pk=untouched.pk).first_response_at is None
