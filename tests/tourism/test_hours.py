"""Opening hours: "open now" across midnight, on closed days, and when the hours change."""

import datetime as dt

from tourism.hours import Period, has_hours, is_open_at, status_at, weekly_table

T = dt.time
# 23 November 2026 is a Monday.
MONDAY = dt.date(2026, 11, 23)


def at(day_offset, hour, minute=0):
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day_offset), T(hour, minute))


OFFICE = [Period(day, T(8, 30), T(16, 30)) for day in range(5)]
# Friday and Saturday 17:00 to 01:00 the next morning.
NIGHT_MARKET = [Period(4, T(17), T(1)), Period(5, T(17), T(1))]


def test_open_inside_a_period_and_closed_outside():
    assert is_open_at(at(0, 9), OFFICE)
    assert is_open_at(at(0, 8, 30), OFFICE)  # opening minute is open
    assert not is_open_at(at(0, 16, 30), OFFICE)  # closing minute is closed
    assert not is_open_at(at(0, 7), OFFICE)
    assert not is_open_at(at(5, 10), OFFICE)  # Saturday: no period, closed


def test_a_period_past_midnight_is_open_after_midnight_on_the_next_day():
    assert is_open_at(at(4, 23, 59), NIGHT_MARKET)  # Friday night
    assert is_open_at(at(5, 0, 30), NIGHT_MARKET)  # Saturday 00:30, still Friday's market
    assert not is_open_at(at(5, 1), NIGHT_MARKET)
    assert not is_open_at(at(5, 12), NIGHT_MARKET)
    assert is_open_at(at(6, 0, 59), NIGHT_MARKET)  # Sunday 00:59, Saturday's market
    assert not is_open_at(at(6, 17, 30), NIGHT_MARKET)  # Sunday evening: no market
    assert not is_open_at(at(0, 0, 30), NIGHT_MARKET)  # Monday 00:30: Sunday had none


def test_midnight_to_midnight_is_the_whole_day():
    all_sunday = [Period(6, T(0), T(0))]
    assert is_open_at(at(6, 0), all_sunday)
    assert is_open_at(at(6, 23, 59), all_sunday)
    assert not is_open_at(at(7, 0), all_sunday)


def test_a_closed_date_cancels_the_periods_starting_that_day():
    friday = MONDAY + dt.timedelta(days=4)
    assert not is_open_at(at(4, 9), OFFICE, closed_dates=[friday])
    assert not is_open_at(at(4, 20), NIGHT_MARKET, closed_dates=[friday])
    # ...and so the early hours of Saturday too, since that opening started on the closed Friday.
    assert not is_open_at(at(5, 0, 30), NIGHT_MARKET, closed_dates=[friday])


def test_a_closed_date_does_not_cut_short_an_opening_from_the_evening_before():
    saturday = MONDAY + dt.timedelta(days=5)
    assert is_open_at(at(5, 0, 30), NIGHT_MARKET, closed_dates=[saturday])
    assert not is_open_at(at(5, 20), NIGHT_MARKET, closed_dates=[saturday])


def test_always_open_except_closed_dates():
    assert is_open_at(at(2, 3), always_open=True)
    assert not is_open_at(at(2, 3), always_open=True, closed_dates=[MONDAY + dt.timedelta(days=2)])


def test_status_says_when_it_closes_or_opens_next():
    assert status_at(at(0, 9), OFFICE).changes_at == at(0, 16, 30)
    assert status_at(at(0, 18), OFFICE).changes_at == at(1, 8, 30)
    # Friday evening after work: the next opening is Monday.
    assert status_at(at(4, 18), OFFICE).changes_at == at(7, 8, 30)
    # During the night market, it closes at 01:00 the next day.
    assert status_at(at(4, 22), NIGHT_MARKET).changes_at == at(5, 1)


def test_touching_periods_are_one_opening():
    split = [Period(0, T(8), T(12)), Period(0, T(12), T(17))]
    assert status_at(at(0, 10), split).changes_at == at(0, 17)


def test_always_open_has_no_closing_time():
    status = status_at(at(0, 10), always_open=True)
    assert status.is_open and status.changes_at is None


def test_no_hours_at_all():
    assert not has_hours([], False)
    assert has_hours([], True)
    assert status_at(at(0, 10)).changes_at is None


def test_weekly_table_lists_every_day_in_order():
    table = weekly_table([Period(2, T(13), T(17)), Period(2, T(8), T(12))])
    assert [day for day, _periods in table] == list(range(7))
    assert [p.opens for p in table[2][1]] == [T(8), T(13)]
    assert table[0][1] == []
