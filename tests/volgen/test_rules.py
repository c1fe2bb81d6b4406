from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from volgen.rules import periode_grenzen, te_versturen_periode

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("moment", "periode"),
    [
        # Monday before 07:00: the week just ended is not due yet.
        (datetime(2026, 3, 23, 6, 59, tzinfo=AMS), date(2026, 3, 9)),
        (datetime(2026, 3, 23, 7, 0, tzinfo=AMS), date(2026, 3, 16)),
        (datetime(2026, 3, 29, 23, 59, tzinfo=AMS), date(2026, 3, 16)),
        # Tuesday: a missed Monday run still sends the week just ended.
        (datetime(2026, 3, 24, 12, 0, tzinfo=AMS), date(2026, 3, 16)),
        # 06:30 Amsterdam is 05:30 UTC in winter: the local clock decides, not UTC.
        (datetime(2026, 3, 23, 5, 30, tzinfo=ZoneInfo("UTC")), date(2026, 3, 9)),
        # New year: the week of 28 December belongs to no calendar year in particular.
        (datetime(2027, 1, 4, 8, 0, tzinfo=AMS), date(2026, 12, 28)),
    ],
)
def test_the_period_is_the_last_finished_week_from_monday_seven(moment, periode):
    assert te_versturen_periode(moment) == periode


def test_a_week_with_the_switch_to_summer_time_is_167_hours():
    begin, eind = periode_grenzen(date(2026, 3, 23))
    assert begin == datetime(2026, 3, 23, tzinfo=AMS)
    utc = ZoneInfo("UTC")
    assert (eind.astimezone(utc) - begin.astimezone(utc)).total_seconds() == 167 * 3600
