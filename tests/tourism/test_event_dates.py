"""Event date rules: single days, ranges, and yearly festivals (also across the new year)."""

import datetime as dt

from tourism.event_dates import RANGE, SINGLE, YEARLY, DateRule, Occurrence, month_bounds

D = dt.date


def test_single_day():
    rule = DateRule(SINGLE, D(2026, 12, 5))
    assert rule.next_occurrence(D(2026, 12, 1)) == Occurrence(D(2026, 12, 5), D(2026, 12, 5))
    assert rule.next_occurrence(D(2026, 12, 5)) is not None
    assert rule.next_occurrence(D(2026, 12, 6)) is None
    assert rule.happens_in_month(2026, 12)
    assert not rule.happens_in_month(2026, 11)


def test_a_single_day_ignores_an_end_date():
    assert DateRule(SINGLE, D(2026, 12, 5), D(2026, 12, 9)).last_day == D(2026, 12, 5)


def test_range_is_running_until_its_last_day():
    rule = DateRule(RANGE, D(2026, 11, 28), D(2026, 12, 2))
    assert rule.next_occurrence(D(2026, 12, 2)).days == 5
    assert rule.next_occurrence(D(2026, 12, 3)) is None
    assert rule.happens_in_month(2026, 11) and rule.happens_in_month(2026, 12)
    assert not rule.happens_in_month(2027, 1)


def test_yearly_festival_comes_back_every_year():
    songkran = DateRule(YEARLY, D(2026, 4, 13), D(2026, 4, 15))
    assert songkran.next_occurrence(D(2026, 11, 23)) == Occurrence(D(2027, 4, 13), D(2027, 4, 15))
    assert songkran.next_occurrence(D(2027, 4, 14)) == Occurrence(D(2027, 4, 13), D(2027, 4, 15))
    assert songkran.happens_in_month(2030, 4)
    assert not songkran.happens_in_month(2030, 5)


def test_yearly_festival_never_before_its_first_year():
    rule = DateRule(YEARLY, D(2026, 4, 13), D(2026, 4, 15))
    assert not rule.happens_in_month(2025, 4)
    assert rule.next_occurrence(D(2020, 1, 1)) == Occurrence(D(2026, 4, 13), D(2026, 4, 15))


def test_yearly_festival_across_the_new_year():
    countdown = DateRule(YEARLY, D(2025, 12, 31), D(2026, 1, 1))
    # On 1 January the festival that started on 31 December is still on.
    assert countdown.next_occurrence(D(2027, 1, 1)) == Occurrence(D(2026, 12, 31), D(2027, 1, 1))
    assert countdown.next_occurrence(D(2027, 1, 2)) == Occurrence(D(2027, 12, 31), D(2028, 1, 1))
    assert countdown.happens_in_month(2027, 1)
    assert countdown.happens_in_month(2027, 12)


def test_yearly_festival_on_29_february_moves_to_28_february():
    rule = DateRule(YEARLY, D(2024, 2, 29))
    assert rule.next_occurrence(D(2025, 1, 1)).start == D(2025, 2, 28)
    assert rule.next_occurrence(D(2028, 1, 1)).start == D(2028, 2, 29)


def test_problems_of_badly_entered_dates():
    assert DateRule(RANGE, D(2026, 5, 2), D(2026, 5, 1)).problems() == ["end_before_start"]
    assert DateRule(RANGE, D(2026, 5, 2)).problems() == ["range_needs_end"]
    assert DateRule(YEARLY, D(2026, 1, 1), D(2027, 1, 1)).problems() == ["yearly_too_long"]
    assert DateRule(YEARLY, D(2026, 4, 13), D(2026, 4, 15)).problems() == []


def test_month_bounds():
    assert month_bounds(D(2028, 2, 10)) == (D(2028, 2, 1), D(2028, 2, 29))
