"""The weekly period of the digest: pure, no request, no database."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The digest of a week goes out from Monday this hour (local time), not in the night.
VERSTUUR_UUR = 7


def te_versturen_periode(nu: datetime) -> date:
    """The Monday that starts the last week whose digest may go out at `nu`.

    A week runs Monday 00:00 to Monday 00:00 Europe/Amsterdam. Its digest may go out from the
    next Monday VERSTUUR_UUR; before that hour the week before it is still the last one.
    """
    lokaal = nu.astimezone(AMSTERDAM)
    maandag = lokaal.date() - timedelta(days=lokaal.weekday())
    if lokaal.weekday() == 0 and lokaal.time() < time(VERSTUUR_UUR):
        maandag -= timedelta(days=7)
    return maandag - timedelta(days=7)


def periode_grenzen(periode: date) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of the week that starts on `periode`, aware."""
    begin = datetime.combine(periode, time(), tzinfo=AMSTERDAM)
    eind = datetime.combine(periode + timedelta(days=7), time(), tzinfo=AMSTERDAM)
    return begin, eind
