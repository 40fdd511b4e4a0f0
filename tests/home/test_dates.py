import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from home.dates import format_date


@pytest.mark.parametrize(
    ("value", "thai", "english"),
    [
        (datetime.date(2026, 11, 23), "23 พฤศจิกายน 2569", "23 November 2026"),
        (datetime.date(2026, 12, 31), "31 ธันวาคม 2569", "31 December 2026"),
        (datetime.date(2027, 1, 1), "1 มกราคม 2570", "1 January 2027"),
        (datetime.date(2024, 2, 29), "29 กุมภาพันธ์ 2567", "29 February 2024"),
    ],
)
def test_dates_show_the_buddhist_era_in_thai_and_the_gregorian_year_in_english(value, thai, english):
    assert format_date(value, "th") == thai
    assert format_date(value, "en") == english


def test_a_moment_just_after_midnight_in_bangkok_is_dated_by_the_thai_calendar_day():
    # 31 Dec 2026 17:30 UTC is already 1 January 2570 in Thailand.
    moment = datetime.datetime(2026, 12, 31, 17, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert format_date(moment, "th") == "1 มกราคม 2570"


def test_template_filter_follows_the_active_language():
    template = Template(
        "{% load tambon_tags %}{% autoescape off %}{{ day|local_date }}|{{ day|local_date:'short' }}{% endautoescape %}"
    )
    context = Context({"day": datetime.date(2026, 11, 23)})
    with translation.override("th"):
        assert template.render(context) == "23 พฤศจิกายน 2569|23 พ.ย. 2569"
    with translation.override("en"):
        assert template.render(context) == "23 November 2026|23 Nov 2026"


def test_in_html_a_date_never_breaks_across_lines_and_in_plain_text_it_is_as_written():
    """ "27 | พฤศจิกายน 2569" split over two lines of a phone is hard to read; an email stays plain text."""
    html = Template("{% load tambon_tags %}<p>{{ day|local_date }}</p>")
    text = Template("{% load tambon_tags %}{% autoescape off %}{{ day|local_date }}{% endautoescape %}")
    context = Context({"day": datetime.date(2026, 11, 27)})
    with translation.override("th"):
        assert html.render(context) == '<p><span class="nobr">27 พฤศจิกายน 2569</span></p>'
        assert text.render(context) == "27 พฤศจิกายน 2569"


def test_empty_date_renders_nothing():
    assert format_date(None, "th") == ""
