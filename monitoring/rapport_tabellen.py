"""The building blocks of the half-yearly report: typed cells, tables and sections.

The page, the PDF and the XLSX are all drawn from the same tables, so their figures cannot
drift apart: a cell keeps its value (for the spreadsheet) and knows its Dutch notation (for
the page and the PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.bedragen import euro_tekst

# The kinds of cell: how a value is written and which number format the spreadsheet gets.
AANTAL = "aantal"
GELD = "geld"
CIJFER = "cijfer"
PROCENT = "procent"
TEKST = "tekst"
NUMERIEK = {AANTAL, GELD, CIJFER, PROCENT}


@dataclass(frozen=True)
class Cel:
    waarde: Any
    soort: str = AANTAL

    @property
    def tekst(self) -> str:
        w = self.waarde
        if w is None:
            return "-"
        if self.soort == GELD:
            return euro_tekst(w).replace(" ", "\u00a0", 1)
        if self.soort == CIJFER:
            return f"{w:.1f}".replace(".", ",")
        if self.soort == PROCENT:
            return f"{w}%"
        return str(w)

    @property
    def numeriek(self) -> bool:
        return self.soort in NUMERIEK


@dataclass(frozen=True)
class Kolom:
    kop: str
    soort: str = AANTAL

    @property
    def numeriek(self) -> bool:
        return self.soort in NUMERIEK


@dataclass
class Tabel:
    """A table whose first column names the row (a kern, a level, a subject)."""

    sleutel: str
    titel: str
    kolommen: list[Kolom]
    rijen: list[list[Cel]]
    totaal: list[Cel] | None = None

    def rij(self, label: str) -> list[Cel]:
        """The row with this label (the total row is labelled too)."""
        for r in [*self.rijen, *([self.totaal] if self.totaal else [])]:
            if r[0].waarde == label:
                return r
        raise KeyError(label)


@dataclass
class Sectie:
    """One part of the report: a sheet in the spreadsheet, a heading on the page."""

    sleutel: str
    titel: str
    inleiding: str
    tabellen: list[Tabel]
    grafieken: list = field(default_factory=list)  # grafieken.Staafdiagram
    voetnoot: str = ""


def som_geld(waarden) -> Decimal:
    return sum(waarden, Decimal("0"))
