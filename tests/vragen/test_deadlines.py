"""The one-week rule: end (23:59:59 Europe/Amsterdam) of the 7th calendar day after receipt."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from vragen.constants import Termijnstatus
from vragen.deadlines import (
    escalatie_grens,
    escalatie_moment,
    termijn_einde,
    termijnstatus,
    werkdagen_later,
)

AMS = ZoneInfo("Europe/Amsterdam")


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_deadline_is_end_of_seventh_day_after_receipt():
    assert termijn_einde(ams(2026, 6, 10, 14, 30)) == ams(2026, 6, 17, 23, 59, 59)


def test_week_across_start_of_summer_time_keeps_23_59_59_local():
    # Summer time starts Sunday 29 March 2026 (02:00 -> 03:00): the week is an hour shorter.
    deadline = termijn_einde(ams(2026, 3, 25, 9, 0))
    assert deadline == ams(2026, 4, 1, 23, 59, 59)
    assert deadline.astimezone(UTC) == datetime(2026, 4, 1, 21, 59, 59, tzinfo=UTC)


def test_week_across_end_of_summer_time_keeps_23_59_59_local():
    # Summer time ends Sunday 25 October 2026 (03:00 -> 02:00): the week is an hour longer.
    deadline = termijn_einde(ams(2026, 10, 21, 9, 0))
    assert deadline == ams(2026, 10, 28, 23, 59, 59)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 28, 22, 59, 59, tzinfo=UTC)


def test_received_at_23_59_counts_that_day_and_at_00_00_the_next():
    assert termijn_einde(ams(2026, 5, 4, 23, 59)) == ams(2026, 5, 11, 23, 59, 59)
    assert termijn_einde(ams(2026, 5, 5, 0, 0)) == ams(2026, 5, 12, 23, 59, 59)


def test_receipt_given_in_utc_uses_the_local_day():
    # 22:30 UTC on 4 May is 00:30 on 5 May in Amsterdam.
    assert termijn_einde(datetime(2026, 5, 4, 22, 30, tzinfo=UTC)) == ams(2026, 5, 12, 23, 59, 59)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        termijn_einde(datetime(2026, 5, 4, 12, 0))  # noqa: DTZ001


def test_status_texts_around_the_deadline():
    deadline = ams(2026, 3, 30, 23, 59, 59)
    assert termijnstatus(deadline, ams(2026, 3, 29, 23, 0)) == Termijnstatus.OP_TIJD
    assert termijnstatus(deadline, ams(2026, 3, 30, 0, 0)) == Termijnstatus.VANDAAG
    assert termijnstatus(deadline, ams(2026, 3, 30, 23, 59, 59)) == Termijnstatus.VANDAAG
    assert termijnstatus(deadline, ams(2026, 3, 31, 0, 0)) == Termijnstatus.TE_LAAT
    assert termijnstatus(None, ams(2026, 3, 31, 0, 0)) == Termijnstatus.BEANTWOORD


def test_working_days_skip_the_weekend():
    vrijdag = date(2026, 6, 12)
    assert werkdagen_later(vrijdag, 1) == date(2026, 6, 15)
    assert werkdagen_later(vrijdag, 2) == date(2026, 6, 16)
    assert werkdagen_later(date(2026, 6, 13), 1) == date(2026, 6, 15)  # Saturday
    assert werkdagen_later(vrijdag, 0) == vrijdag


def test_escalation_moment_two_working_days_after_a_friday_deadline():
    assert escalatie_moment(ams(2026, 6, 12, 23, 59, 59), 2) == ams(2026, 6, 16, 23, 59, 59)


@pytest.mark.parametrize("dagen", range(0, 21))
@pytest.mark.parametrize("werkdagen", [0, 1, 2, 5])
def test_escalation_cutoff_agrees_with_the_escalation_moment(dagen, werkdagen):
    """For every deadline day D and moment now: D <= cutoff(now) iff now > moment(D)."""
    nu = ams(2026, 6, 1, 10, 0) + timedelta(days=dagen)
    grens = escalatie_grens(nu, werkdagen)
    for offset in range(-25, 1):
        deadline = ams(2026, 6, 1, 23, 59, 59) + timedelta(days=dagen + offset)
        assert (deadline <= grens) == (nu > escalatie_moment(deadline, werkdagen)), (
            deadline,
            nu,
        )


@pytest.mark.django_db
def test_frozen_week_across_both_dst_changes_with_a_real_question(vraag_van):
    for ontvangen, verwacht in [
        (ams(2026, 3, 26, 12, 0), ams(2026, 4, 2, 23, 59, 59)),
        (ams(2026, 10, 22, 12, 0), ams(2026, 10, 29, 23, 59, 59)),
    ]:
        with time_machine.travel(ontvangen, tick=False):
            vraag = vraag_van()
        assert vraag.termijn_einde == verwacht
        assert vraag.deadline == verwacht
        with time_machine.travel(verwacht - timedelta(seconds=1), tick=False):
            assert termijnstatus(vraag.deadline, datetime.now(tz=AMS)) == Termijnstatus.VANDAAG
        with time_machine.travel(verwacht + timedelta(seconds=1), tick=False):
            assert termijnstatus(vraag.deadline, datetime.now(tz=AMS)) == Termijnstatus.TE_LAAT


@pytest.mark.django_db
def test_frozen_receipt_at_23_59_and_00_00(vraag_van):
    with time_machine.travel(ams(2026, 10, 24, 23, 59), tick=False):
        laat = vraag_van()
    with time_machine.travel(ams(2026, 10, 25, 0, 0), tick=False):
        vroeg = vraag_van()
    assert laat.deadline == ams(2026, 10, 31, 23, 59, 59)
    assert vroeg.deadline == ams(2026, 11, 1, 23, 59, 59)
