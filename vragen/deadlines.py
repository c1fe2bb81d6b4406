"""The one-week answer rule and the dates the reminder sweep works with. Pure and typed.

DOMAIN: a question must be answered by the end (23:59:59 Europe/Amsterdam) of the 7th
calendar day after the day it was received. Everything is computed on local calendar dates
and only then turned into an aware datetime, so daylight-saving changes never move it.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .constants import Termijnstatus

TZ = ZoneInfo("Europe/Amsterdam")
TERMIJN_DAGEN = 7
EINDE_DAG = time(23, 59, 59)


def lokale_datum(moment: datetime) -> date:
    if moment.tzinfo is None:
        raise ValueError("moment moet een tijdzone hebben")
    return moment.astimezone(TZ).date()


def einde_van_dag(dag: date) -> datetime:
    """23:59:59 Europe/Amsterdam on `dag`, whatever the UTC offset of that day."""
    return datetime.combine(dag, EINDE_DAG, tzinfo=TZ)


def termijn_einde(ontvangen_op: datetime) -> datetime:
    """The one-week deadline of a question received at `ontvangen_op`."""
    return einde_van_dag(lokale_datum(ontvangen_op) + timedelta(days=TERMIJN_DAGEN))


def toezegging_einde(toegezegd_op: date) -> datetime:
    """A promised content-answer date is met when answered by the end of that day."""
    return einde_van_dag(toegezegd_op)


def is_werkdag(dag: date) -> bool:
    """Monday to Friday. (Public holidays are not subtracted; see docs/decisions.)"""
    return dag.weekday() < 5


def werkdagen_later(dag: date, aantal: int) -> date:
    """The date `aantal` working days after `dag` (dag itself does not count)."""
    if aantal < 0:
        raise ValueError("aantal werkdagen mag niet negatief zijn")
    huidig = dag
    over = aantal
    while over > 0:
        huidig += timedelta(days=1)
        if is_werkdag(huidig):
            over -= 1
    return huidig


def escalatie_moment(deadline: datetime, werkdagen: int) -> datetime:
    """When an unanswered question goes to the teammanager: the end of the `werkdagen`-th
    working day after the day of the deadline."""
    return einde_van_dag(werkdagen_later(lokale_datum(deadline), werkdagen))


def escalatie_grens(nu: datetime, werkdagen: int) -> datetime:
    """The latest deadline that is due for escalation at `nu`.

    A deadline on day D escalates once `nu` is past the end of werkdagen_later(D, n), i.e. once
    werkdagen_later(D, n) < today. That function never decreases in D, so the due deadlines
    are exactly those up to the end of the latest such D: one comparison in SQL.
    """
    vandaag = lokale_datum(nu)
    dag = vandaag - timedelta(days=1)
    while werkdagen_later(dag, werkdagen) >= vandaag:
        dag -= timedelta(days=1)
    return einde_van_dag(dag)


def termijnstatus(deadline: datetime | None, nu: datetime) -> Termijnstatus:
    """op tijd / vandaag / te laat for an open deadline; beantwoord when none is tracked."""
    if deadline is None:
        return Termijnstatus.BEANTWOORD
    if nu > deadline:
        return Termijnstatus.TE_LAAT
    if lokale_datum(deadline) == lokale_datum(nu):
        return Termijnstatus.VANDAAG
    return Termijnstatus.OP_TIJD


def op_tijd_beantwoord(eerste_antwoord_op: datetime | None, termijn: datetime) -> bool:
    """A content or process answer given by the end of the week meets the deadline."""
    return eerste_antwoord_op is not None and eerste_antwoord_op <= termijn
