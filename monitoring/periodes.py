"""Periods the monitoring works with: half years (local time) and the plan's due periods."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True, order=True)
class Halfjaar:
    """First (1 January - 30 June) or second (1 July - 31 December) half of a year."""

    jaar: int
    helft: int  # 1 or 2

    @classmethod
    def van_datum(cls, datum: date) -> Halfjaar:
        return cls(datum.year, 1 if datum.month <= 6 else 2)

    @classmethod
    def uit_code(cls, code: str) -> Halfjaar | None:
        """'2025-1' -> Halfjaar(2025, 1); anything else -> None."""
        m = re.fullmatch(r"(\d{4})-([12])", code or "")
        if not m:
            return None
        jaar = int(m.group(1))
        if not 2000 <= jaar <= 2100:
            return None
        return cls(jaar, int(m.group(2)))

    @property
    def code(self) -> str:
        return f"{self.jaar}-{self.helft}"

    @property
    def label(self) -> str:
        return f"{'Eerste' if self.helft == 1 else 'Tweede'} helft {self.jaar}"

    @property
    def eerste_dag(self) -> date:
        return date(self.jaar, 1 if self.helft == 1 else 7, 1)

    @property
    def laatste_dag(self) -> date:
        return date(self.jaar, 6, 30) if self.helft == 1 else date(self.jaar, 12, 31)

    @property
    def begin(self) -> datetime:
        """Start (inclusive) as an aware datetime: midnight in Europe/Amsterdam."""
        return datetime.combine(self.eerste_dag, time.min, tzinfo=_tz())

    @property
    def einde(self) -> datetime:
        """End (exclusive): midnight at the start of the next half year, local time."""
        return self.volgende().begin

    def vorige(self) -> Halfjaar:
        return Halfjaar(self.jaar - 1, 2) if self.helft == 1 else Halfjaar(self.jaar, 1)

    def volgende(self) -> Halfjaar:
        return Halfjaar(self.jaar, 2) if self.helft == 1 else Halfjaar(self.jaar + 1, 1)

    def peildatum(self, vandaag: date) -> date:
        """The day on which 'overdue' is judged: the last day, or today if not over yet."""
        return min(vandaag, self.laatste_dag)

    def bevat(self, moment: datetime) -> bool:
        return self.begin <= moment < self.einde


def halfjaren_tot(vandaag: date, aantal: int = 10) -> list[Halfjaar]:
    """The current half year and the `aantal - 1` before it, newest first."""
    h = Halfjaar.van_datum(vandaag)
    result = []
    for _ in range(aantal):
        result.append(h)
        h = h.vorige()
    return result


def planning_naar_datum(label: str) -> date | None:
    """'Q1 2021' -> 31 March 2021, '2025' -> 31 December 2025, 'Doorlopend' -> None."""
    tekst = label.strip().upper().replace(" ", "")
    if m := re.fullmatch(r"Q([1-4])(\d{4})", tekst):
        kwartaal, jaar = int(m.group(1)), int(m.group(2))
        maand = kwartaal * 3
        return date(jaar, maand, calendar.monthrange(jaar, maand)[1])
    if re.fullmatch(r"\d{4}", tekst):
        return date(int(tekst), 12, 31)
    return None
