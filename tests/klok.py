"""The clock every test runs on: a fixed moment, never the real date.

`KG_TEST_NOW` chooses the moment (ISO 8601; without an offset it is read as Europe/Amsterdam
time), so the same suite can be run on 31 December 23:30, a daylight-saving night or
29 February (scripts/date_matrix.py does exactly that). Without it the suite runs on
DEFAULT_MOMENT. The clock ticks from that moment (tick=True), so timeouts and ordering by
time still work; tests that need a still clock travel again with tick=False.
"""

import datetime
import os
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# An ordinary weekday in the middle of a half year: nothing special about it on purpose.
DEFAULT_MOMENT = "2026-03-18T10:00:00"
ENV_VAR = "KG_TEST_NOW"


def parse_moment(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment


def test_moment() -> datetime.datetime:
    return parse_moment(os.environ.get(ENV_VAR) or DEFAULT_MOMENT)
