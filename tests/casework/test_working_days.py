import datetime

import pytest

from casework.deadlines import add_working_days, is_working_day

# One calendar: the office's holidays, which a new office starts with from the Thai public holidays.
pytestmark = pytest.mark.django_db


def test_weekend_and_public_holidays_are_skipped():
    # Friday 4 December 2026; Saturday 5 December is King Bhumibol's birthday (substitute Monday 7th).
    friday = datetime.date(2026, 12, 4)
    assert not is_working_day(datetime.date(2026, 12, 5))
    assert not is_working_day(datetime.date(2026, 12, 7))
    assert add_working_days(friday, 1) == datetime.date(2026, 12, 8)


def test_counting_starts_the_day_after():
    monday = datetime.date(2026, 11, 23)
    assert add_working_days(monday, 1) == datetime.date(2026, 11, 24)
    assert add_working_days(monday, 5) == datetime.date(2026, 11, 30)


def test_zero_days_is_the_next_working_day():
    saturday = datetime.date(2026, 11, 28)
    assert add_working_days(saturday, 0) == datetime.date(2026, 11, 30)


def test_songkran_is_not_a_working_day():
    assert not is_working_day(datetime.date(2026, 4, 13))
    assert add_working_days(datetime.date(2026, 4, 10), 1) > datetime.date(2026, 4, 15)


def test_extra_closures_and_negative_days():
    monday = datetime.date(2026, 11, 23)
    assert add_working_days(monday, 1, frozenset({datetime.date(2026, 11, 24)})) == datetime.date(
        2026, 11, 25
    )
    with pytest.raises(ValueError):
        add_working_days(monday, -1)
