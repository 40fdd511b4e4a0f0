"""The national overview: every office's figures for platform administrators, without personal data."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import F
from django.db.models.functions import TruncDate
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from casework import deadlines
from casework.models import Holiday, SatisfactionRating, Submission
from eforms.models import ServiceCataloguePage
from home.groups import ADMINISTRATORS, PERMIT_OFFICERS
from library.models import ModelService
from library.services import adopt
from library.sync import sync_library
from national import working_days
from national.figures import FiscalYear, compute
from offices.groups import ROLE_NAMES
from tests.casework.factories import make_submission, on
from tests.conftest import make_staff
from tests.eforms.factories import make_service
from tests.offices.conftest import create_second_office

pytestmark = pytest.mark.django_db

URL = "/admin/national/"
PERMIT = "ขออนุญาตก่อสร้างอาคาร"
GARBAGE = "ชำระค่าธรรมเนียมขยะ"
FY = FiscalYear(2570)  # 1 October 2026 to 30 September 2027
NAMES = ["อารีย์ เอกชัย", "บุญมี บางบ่อ", "นิภา หนองบัว"]
EMAILS = ["aree@example.com", "boonmee@example.com", "nipa@example.com"]
COMMENT = "เจ้าหน้าที่สุภาพมาก คุณสมศรีช่วยเหลือดี"


def _catalogue(office):
    return office.site.root_page.get_children().type(ServiceCataloguePage).get().specific


def _decided(service, submitted, decided, *, paused=0, name=0, **extra):
    """A request submitted and approved at noon on the given days, its deadline from the service."""
    submission = make_submission(
        service,
        status="approved",
        submitted_at=on(submitted),
        applicant_name=NAMES[name % 3],
        applicant_email=EMAILS[name % 3],
        **extra,
    )
    Submission.objects.filter(pk=submission.pk).update(decided_at=on(decided), paused_days=paused)
    return submission


@pytest.fixture
def offices(first_office, catalogue):
    """Two offices offering the same building permit; the first also the garbage fee."""
    second = create_second_office()
    a_permit = make_service(catalogue, slug="permit", title=PERMIT, processing_days=3, reference_prefix="BP")
    a_garbage = make_service(
        catalogue, slug="garbage", title=GARBAGE, processing_days=1, reference_prefix="GF"
    )
    b_permit = make_service(
        _catalogue(second), slug="permit", title=PERMIT, processing_days=3, reference_prefix="BP"
    )
    return first_office, second, a_permit, a_garbage, b_permit


@pytest.fixture
def platform_admin(django_user_model):
    return make_staff(django_user_model, "platform", ADMINISTRATORS)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


# Working days ----------------------------------------------------------------------------------------------
def test_the_database_counts_working_days_as_the_deadlines_do(offices):
    """Every pair of days over five weeks around holidays and weekends, minus the days spent waiting:
    the database's count is `casework.deadlines`' count."""
    *_, a_permit, _garbage, _b = offices
    # A Monday, a Thursday, a Saturday (changes nothing) and a Thursday.
    for day in (datetime.date(2026, 12, 7), datetime.date(2026, 12, 10), datetime.date(2026, 12, 12)):
        Holiday.objects.get_or_create(date=day, defaults={"name": "วันหยุด"})
    Holiday.objects.get_or_create(date=datetime.date(2026, 12, 31), defaults={"name": "วันสิ้นปี"})
    deadlines.forget_holidays()
    first = datetime.date(2026, 12, 2)
    days = [first + datetime.timedelta(days=n) for n in range(0, 36, 3)]
    pairs = [(start, end, (start.day + end.day) % 3) for start in days for end in days if end >= start]
    for start, end, paused in pairs:
        _decided(a_permit, start, end, paused=paused)
    holidays = working_days.weekday_holidays(deadlines.holidays())
    counted = Submission.objects.annotate(
        days=working_days.working_days_between(
            TruncDate("submitted_at"), TruncDate("decided_at"), holidays, less=F("paused_days")
        )
    ).values_list("submitted_at", "decided_at", "paused_days", "days")
    assert len(counted) == len(pairs)
    for submitted, decided, paused, days in counted:
        expected = max(
            deadlines.working_days_between(timezone.localdate(submitted), timezone.localdate(decided))
            - paused,
            0,
        )
        assert days == expected, (timezone.localdate(submitted), timezone.localdate(decided), paused)


# The figures -----------------------------------------------------------------------------------------------
def test_the_median_is_of_the_requests_not_of_the_offices_medians(offices):
    """Office A decides three permits in 1 working day, office B one in 9: across offices the median
    request took 1 day (a median of the two offices' medians would say 5)."""
    first, second, a_permit, a_garbage, b_permit = offices
    for _ in range(3):
        _decided(a_permit, datetime.date(2026, 11, 2), datetime.date(2026, 11, 3))  # Monday -> Tuesday
    _decided(b_permit, datetime.date(2026, 11, 2), datetime.date(2026, 11, 13))  # 9 working days, late
    _decided(a_garbage, datetime.date(2026, 11, 2), datetime.date(2026, 11, 4))  # 2 days, late
    figures = compute(FY, today=datetime.date(2026, 11, 20))
    permit = next(row for row in figures.services if row.title == PERMIT)
    assert (permit.received, permit.decided, permit.median_days) == (4, 4, 1)
    assert (permit.offices_offering, permit.offices_with_requests) == (2, 2)
    assert permit.within_share == 0.75
    garbage = next(row for row in figures.services if row.title == GARBAGE)
    assert (garbage.decided, garbage.median_days, garbage.within_share, garbage.offices_offering) == (
        1,
        2,
        0,
        1,
    )
    assert figures.total.decided == 5 and figures.total.median_days == 1  # 1, 1, 1, 2, 9
    # Office B alone: its one request.
    only_b = compute(FY, second, today=datetime.date(2026, 11, 20))
    assert [(r.title, r.decided, r.median_days) for r in only_b.services] == [(PERMIT, 1, 9)]
    assert [row.code for row in only_b.office_rows] == ["nongbua"]


def test_an_even_count_takes_the_mean_of_the_two_middle_requests(offices):
    *_, a_permit, _garbage, b_permit = offices
    _decided(a_permit, datetime.date(2026, 11, 2), datetime.date(2026, 11, 3))  # 1
    _decided(b_permit, datetime.date(2026, 11, 2), datetime.date(2026, 11, 6))  # 4
    permit = next(row for row in compute(FY).services if row.title == PERMIT)
    assert permit.median_days == 2.5


def test_waiting_for_the_citizen_does_not_count(offices):
    *_, a_permit, _garbage, _b = offices
    _decided(a_permit, datetime.date(2026, 11, 2), datetime.date(2026, 11, 13), paused=5)  # 9 - 5
    permit = next(row for row in compute(FY).services if row.title == PERMIT)
    assert permit.median_days == 4


def test_fiscal_year_starts_on_the_first_of_october(offices):
    first, second, a_permit, *_ = offices
    make_submission(a_permit, submitted_at=on(datetime.date(2026, 9, 30)))  # FY 2569
    make_submission(a_permit, submitted_at=on(datetime.date(2026, 10, 1)))  # FY 2570
    make_submission(a_permit, submitted_at=on(datetime.date(2027, 9, 30)))  # FY 2570
    assert FiscalYear.of(datetime.date(2026, 9, 30)).number == 2569
    assert FiscalYear.of(datetime.date(2026, 10, 1)).number == 2570
    figures = compute(FY, today=datetime.date(2026, 10, 15))
    assert [m.month for m in figures.months][:2] == [datetime.date(2026, 10, 1), datetime.date(2026, 11, 1)]
    assert figures.months[-1].month == datetime.date(2027, 9, 1)
    assert [m.received for m in figures.months] == [1] + [0] * 10 + [1]
    row = next(row for row in figures.offices if row.code == first.code)
    assert (row.requests_this_month, row.requests_in_year, row.services) == (1, 2, 2)
    assert compute(FiscalYear(2569)).total.received == 1


def test_satisfaction_across_offices(offices):
    *_, a_permit, _garbage, b_permit = offices
    for service, score in ((a_permit, 5), (a_permit, 4), (b_permit, 2)):
        done = _decided(service, datetime.date(2026, 11, 2), datetime.date(2026, 11, 3))
        SatisfactionRating.objects.create(
            submission=done, score=score, comment=COMMENT, created_at=on(datetime.date(2026, 11, 20))
        )
    permit = next(row for row in compute(FY).services if row.title == PERMIT)
    assert (permit.ratings, permit.mean_score, permit.satisfied_share) == (3, 11 / 3, 2 / 3)


# The page and its exports ------------------------------------------------------------------------------------
def _everything(client, query=""):
    """The page, the JSON and every CSV, as text."""
    texts = [client.get(f"{URL}?year=2570{query}").content.decode()]
    texts.append(client.get(f"{URL}?year=2570&format=json{query}").content.decode())
    for table in ("offices", "months", "services"):
        texts.append(
            client.get(f"{URL}?year=2570&format=csv&table={table}{query}").content.decode("utf-8-sig")
        )
    return texts


def test_no_personal_data_on_the_page_or_in_the_exports(offices, platform_admin):
    first, second, a_permit, a_garbage, b_permit = offices
    made = []
    for number, service in enumerate((a_permit, a_garbage, b_permit)):
        done = _decided(
            service,
            datetime.date(2026, 11, 2),
            datetime.date(2026, 11, 5),
            name=number,
            answers=[{"key": "full_name", "label": "ชื่อ", "value": NAMES[number], "display": NAMES[number]}],
        )
        SatisfactionRating.objects.create(submission=done, score=5, comment=COMMENT)
        made.append(done)
    client = _client(platform_admin)
    for query in ("", "&office=nongbua"):
        for text in _everything(client, query):
            assert len(text.splitlines()) > 1
            for secret in [*NAMES, *EMAILS, COMMENT, *(s.reference for s in made)]:
                assert secret not in text, (query, secret)
    document = json.loads(client.get(f"{URL}?year=2570&format=json").content)
    assert {"fiscal_year", "offices", "months", "services", "total"} <= set(document)
    permit = next(row for row in document["services"] if row["title"] == PERMIT)
    assert permit["decided"] == 2 and permit["median_working_days"] == 3
    offices_csv = list(csv.reader(io.StringIO(_everything(client)[2])))
    assert [row[0] for row in offices_csv[1:]] == sorted([first.code, "nongbua"])


def test_the_page_is_in_thai_and_english(offices, platform_admin):
    client = _client(platform_admin)
    thai = client.get(f"{URL}?year=2570").content.decode()
    assert "ภาพรวมระดับประเทศ" in thai and "ปีงบประมาณ 2570" in thai and "ต.ค. 2569" in thai
    profile = UserProfile.get_for_user(platform_admin)
    profile.preferred_language = "en"
    profile.save()
    english = client.get(f"{URL}?year=2570").content.decode()
    assert "National overview" in english and "Fiscal year 2027 (Oct 2026 – Sep 2027)" in english


# Who may open it -------------------------------------------------------------------------------------------
def _answer(client, url=URL):
    response = client.get(url)
    return response.status_code, response.get("Location", "")


def test_only_platform_administrators_open_it(offices, platform_admin, django_user_model):
    first, second, *_ = offices
    superuser = django_user_model.objects.create_superuser("root", password="a-long-test-password")
    officer = make_staff(django_user_model, "officer", PERMIT_OFFICERS)
    office_admin = make_staff(django_user_model, "nongbua_admin", f"nongbua: {ROLE_NAMES[ADMINISTRATORS]}")
    # An installation administrator who also works in an office is still the installation's (one rule:
    # offices.scope.is_platform_administrator).
    both = make_staff(django_user_model, "both", ADMINISTRATORS)
    both.groups.add(Group.objects.get(name=f"nongbua: {ROLE_NAMES[PERMIT_OFFICERS]}"))
    for user in (platform_admin, superuser, both):
        for url in (URL, f"{URL}?format=json", f"{URL}?format=csv&table=offices"):
            assert _answer(_client(user), url)[0] == 200, (user, url)
    refusal = _answer(_client(officer))
    assert refusal[0] != 200
    for user in (office_admin,):
        for url in (URL, f"{URL}?format=json", f"{URL}?format=csv&table=offices"):
            assert _answer(_client(user), url) == _answer(_client(officer), url), (user, url)
    assert _answer(Client())[1].startswith("/admin/login/")


def test_the_menu_shows_it_to_platform_administrators_only(offices, platform_admin, django_user_model):
    office_admin = make_staff(django_user_model, "nongbua_admin", f"nongbua: {ROLE_NAMES[ADMINISTRATORS]}")
    assert reverse("national:overview") in _client(platform_admin).get("/admin/").content.decode()
    assert reverse("national:overview") not in _client(office_admin).get("/admin/").content.decode()


# Queries do not grow with offices --------------------------------------------------------------------------
def _add_offices(count, start):
    for number in range(start, start + count):
        office = create_second_office(
            domain=f"office{number}.example",
            code=f"office{number}",
            name_th=f"อบต. {number}",
            name_en=f"SAO {number}",
        )
        service = make_service(_catalogue(office), slug="permit", title=PERMIT, reference_prefix="BP")
        _decided(service, datetime.date(2026, 11, 2), datetime.date(2026, 11, 4))
        done = _decided(service, datetime.date(2026, 11, 3), datetime.date(2026, 11, 9))
        SatisfactionRating.objects.create(submission=done, score=4)


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_offices(offices, platform_admin, settings):
    settings.ALLOWED_HOSTS = ["*"]
    client = _client(platform_admin)
    urls = [f"{URL}?year=2570", f"{URL}?year=2570&format=json", f"{URL}?year=2570&office=nongbua"]
    two = [_queries(client, url) for url in urls]
    _add_offices(4, 3)
    assert compute(FY).total.decided == 8
    six = [_queries(client, url) for url in urls]
    assert six == two


def test_copies_of_one_library_service_count_together_whatever_each_office_calls_its_own(offices):
    first, second, *_ = offices
    sync_library()
    garbage = ModelService.objects.get(code="garbage-fee")
    own = adopt(first, garbage).page
    renamed = adopt(second, garbage).page
    renamed.title = "ค่าขยะ อบต.หนองบัว"
    renamed.save_revision().publish()
    _decided(own, datetime.date(2026, 11, 2), datetime.date(2026, 11, 3))
    _decided(renamed, datetime.date(2026, 11, 2), datetime.date(2026, 11, 4))

    rows = {row.title: row for row in compute(FY, today=datetime.date(2026, 12, 1)).services}
    assert "ค่าขยะ อบต.หนองบัว" not in rows
    row = rows[garbage.title_th]
    assert (row.offices_offering, row.received) == (2, 2)
