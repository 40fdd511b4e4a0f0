"""What a visitor of /th/statistics/ sees beyond the tables: charts drawn on the server beside their
tables, the satisfaction survey per question against the office's target (answers on the counter's
tablet included), and each table as CSV — with the small-count rule everywhere."""

import csv
import datetime
import io
import json
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from casework.constants import SurveySource
from casework.models import SatisfactionRating
from tests.casework.factories import on
from tests.offices.conftest import SECOND_HOST
from tests.offices.test_overview import COMMENT, GARBAGE, PERMIT, _decided

pytestmark = pytest.mark.django_db

URL = "/th/statistics/"
MONDAY, TUESDAY = datetime.date(2026, 11, 2), datetime.date(2026, 11, 3)
TODAY = "2026-12-06 12:00:00+07:00"


@pytest.fixture
def answered(offices):
    """Nine decided permits in the first office, each answered online (overall 5, 5, 4, 4, 4, 3, 3, 2,
    5; speed on the first six only), plus two anonymous answers on its tablet (overall 5 and 1)."""
    first, second, a_permit, *_ = offices
    overall = [5, 5, 4, 4, 4, 3, 3, 2, 5]
    for n, score in enumerate(overall):
        done = _decided(a_permit, MONDAY, TUESDAY, name=n)
        SatisfactionRating.objects.create(
            submission=done,
            score=score,
            speed=4 if n < 6 else None,
            comment=COMMENT,
            created_at=on(TUESDAY),
        )
    for score in (5, 1):
        SatisfactionRating.objects.create(
            office=first, score=score, source=SurveySource.COUNTER, created_at=on(TUESDAY)
        )
    return offices


@freeze_time(TODAY)
def test_each_chart_is_an_image_with_a_title_beside_its_table(answered):
    html = Client().get(URL).content.decode()
    charts = re.findall(r"<svg[^>]*>.*?</svg>", html, flags=re.S)
    assert len(charts) == 3
    for chart in charts:
        assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
        assert "style=" not in chart and "<script" not in chart
        assert len(chart) < 12_000  # small and light
    months, channels, survey = charts
    # Buddhist Era labels: October and January carry the year.
    assert "ต.ค." in months and "2569" in months and "2570" in months and "ก.ย." in months
    assert "คำขอที่รับและที่พิจารณาแล้วรายเดือน ปีงบประมาณ 2570" in months
    assert "เป้าหมาย 80 %" in survey
    # Each figure is followed by the table with the same figures.
    for chart, caption in ((months, "คำขอแยกตามเดือน"), (channels, "คำขอแยกตามช่องทางที่ยื่น")):
        after = html[html.index(chart) + len(chart) :]
        assert after.index(f"<caption>{caption}</caption>") < after.index("<svg") if "<svg" in after else True


@freeze_time(TODAY)
def test_the_english_page_has_gregorian_years_in_its_charts(answered):
    html = Client().get("/en/statistics/").content.decode()
    assert "Requests received and decided per month, fiscal year 2027" in html
    assert ">Oct</text>" in html and ">2026</text>" in html and ">2569</text>" not in html


@freeze_time(TODAY)
def test_the_survey_per_question_against_the_target(answered):
    page = Client().get(URL)
    survey = {question.name: question for question in page.context["survey"]}
    # Overall: 11 answers (9 online, 2 on the tablet), satisfied 5,5,4,4,4,5 + 5 = 7 → 63.6 %.
    assert (survey["overall"].answers, survey["overall"].satisfied_percent) == (11, 63.6)
    assert survey["overall"].mean == round((5 + 5 + 4 + 4 + 4 + 3 + 3 + 2 + 5 + 5 + 1) / 11, 2)
    # Speed answered six times, all 4: shown. Clarity never: 0, nothing else.
    assert (survey["speed"].answers, survey["speed"].mean, survey["speed"].satisfied_percent) == (6, 4, 100)
    assert (survey["clarity"].answers, survey["clarity"].mean) == (0, None)
    total = page.context["total"]
    assert (total.ratings, total.satisfied_percent, total.target_met) == (11, 63.6, False)
    html = page.content.decode()
    assert "พึงพอใจ 63.6 % — ยังไม่บรรลุเป้าหมาย 80 %" in html
    assert COMMENT not in html
    # The anonymous answers are the office's, not a service of their own.
    assert [row.title for row in page.context["rows"] if not row.title] == []


@freeze_time(TODAY)
def test_small_counts_in_the_survey_and_another_office(answered):
    page = Client(HTTP_HOST=SECOND_HOST).get(URL)
    assert page.context["survey_answers"] == 0
    first, _second, a_permit, *_ = answered
    two = SatisfactionRating.objects.filter(speed__isnull=False).values("pk")[:2]
    SatisfactionRating.objects.filter(pk__in=[item["pk"] for item in two]).update(
        speed=None
    )  # 4 speed answers left
    page = Client().get(URL)
    speed = next(question for question in page.context["survey"] if question.name == "speed")
    assert (speed.answers, speed.mean, speed.satisfied_percent) == (None, None, None)
    assert "น้อยกว่า 5" in page.content.decode()


@freeze_time(TODAY)
def test_every_table_downloads_as_csv_and_json_without_personal_data(answered):
    client = Client()
    for table, header in (
        ("months", ["month", "received", "decided"]),
        ("channels", ["channel", "received"]),
        ("survey", ["question", "answers", "mean_1_to_5", "satisfied_percent"]),
    ):
        response = client.get(URL, {"format": "csv", "table": table})
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == header and COMMENT not in response.content.decode()
    survey = list(
        csv.reader(
            io.StringIO(client.get(URL, {"format": "csv", "table": "survey"}).content.decode("utf-8-sig"))
        )
    )
    assert survey[5] == ["overall", "11", "3.73", "63.6"] and survey[3] == ["clarity", "0", "", ""]
    assert client.get(URL, {"format": "csv", "table": "people"}).status_code == 404
    data = json.loads(client.get(URL, {"format": "json"}).content)
    assert data["survey"]["answers"] == 11
    assert data["survey"]["questions"][-1] == {
        "question": "overall",
        "answers": 11,
        "mean": 3.73,
        "satisfied_percent": 63.6,
    }


@freeze_time(TODAY)
def test_the_page_works_without_javascript(answered):
    html = Client().get(URL).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<script" not in main and "<canvas" not in main
    assert PERMIT in main


@freeze_time(TODAY)
def test_each_services_requests_by_month_with_small_counts_hidden(offices):
    """Six permits in November and two garbage fees in October: per service and month, the permit's
    November shows 6, a count from 1 to 4 says "fewer than 5"; the other office's requests are not here."""
    _first, _second, a_permit, a_garbage, b_permit = offices
    for n in range(6):
        _decided(a_permit, MONDAY, TUESDAY, name=n)
    for n in range(2):
        _decided(a_garbage, datetime.date(2026, 10, 6), datetime.date(2026, 10, 7), name=n)
    for n in range(7):
        _decided(b_permit, MONDAY, TUESDAY, name=n)
    html = Client().get(URL).content.decode()
    table = html.split("คำขอที่ได้รับ แยกตามบริการและเดือน</caption>")[1].split("</table>")[0]
    rows = {
        re.search(r'<th scope="row">([^<]+)</th>', row)[1]: re.findall(r"<td>([^<]*)</td>", row)
        for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, flags=re.S)
    }
    assert set(rows) == {PERMIT, GARBAGE}
    permit, garbage = rows[PERMIT], rows[GARBAGE]
    assert len(permit) == 12 and permit[1] == "6"  # October, then November
    assert garbage[0] == "น้อยกว่า 5" and permit[0] == garbage[1] == "0"  # none is not a small count
    lines = list(
        csv.reader(
            io.StringIO(Client().get(URL, {"format": "csv", "table": "service_months"}).text.lstrip("\ufeff"))
        )
    )
    assert lines[0] == ["service", "month", "received", "decided"]
    assert [PERMIT, "2026-11", "6", "6"] in lines
    assert [GARBAGE, "2026-10", "", ""] in lines  # hidden, not zero
