"""The half-yearly monitoring for the college and functioneel beheer.

It composes read-only figures per kern from the apps' selectors (each one or two queries,
whatever the data size) and adds the plan's action points. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal

from budgetten import selectors as budgetten_selectors
from initiatieven import selectors as initiatieven_selectors
from kernen.selectors import kernen_publiek
from participatie import selectors as trajecten_selectors
from vragen import selectors as vragen_selectors

from .models import Actiepunt, ActiepuntStatus
from .periodes import Halfjaar

# Burgerpeiling: residents rate how they are involved at 7.0 or higher.
DOEL_WAARDERING = Decimal("7.0")


def _gemiddelde(som: int, aantal: int) -> Decimal | None:
    """Average to one decimal, rounded down: 6.95 shows as 6.9, so that the figure shown
    never reaches 7.0 while the target is not met."""
    if not aantal:
        return None
    return (Decimal(som) / Decimal(aantal)).quantize(Decimal("0.1"), rounding=ROUND_DOWN)


@dataclass
class KernRij:
    kern_id: int
    naam: str
    initiatieven_ingediend: int = 0
    initiatieven_toegezegd: int = 0
    vragen_ontvangen: int = 0
    vragen_beoordeelbaar: int = 0
    vragen_op_tijd: int = 0
    aantal_waarderingen: int = 0
    som_waarderingen: int = 0
    waarderingen_voldoende: int = 0  # ratings of 7 or higher
    bijeenkomsten: int = 0
    aanmeldingen: int = 0
    toegekend: list[Decimal] = field(default_factory=list)  # per regeling, same order

    @property
    def percentage_op_tijd(self) -> int | None:
        if not self.vragen_beoordeelbaar:
            return None
        return round(100 * self.vragen_op_tijd / self.vragen_beoordeelbaar)

    @property
    def gemiddelde_waardering(self) -> Decimal | None:
        return _gemiddelde(self.som_waarderingen, self.aantal_waarderingen)

    @property
    def totaal_toegekend(self) -> Decimal:
        return sum(self.toegekend, Decimal("0"))

    @property
    def zonder_activiteit(self) -> bool:
        """No initiative, question, meeting or granted money in the period."""
        return not (
            self.initiatieven_ingediend
            or self.initiatieven_toegezegd
            or self.vragen_ontvangen
            or self.aantal_waarderingen
            or self.bijeenkomsten
            or self.totaal_toegekend
        )


@dataclass
class Waardering:
    aantal: int
    som: int
    voldoende: int = 0  # ratings of 7 or higher

    @property
    def gemiddelde(self) -> Decimal | None:
        return _gemiddelde(self.som, self.aantal)

    @property
    def doel_gehaald(self) -> bool | None:
        """Exactly 7.0 counts as met; compared without rounding (som >= 7 * aantal)."""
        if not self.aantal:
            return None
        return Decimal(self.som) >= DOEL_WAARDERING * self.aantal


@dataclass
class Monitoring:
    halfjaar: Halfjaar
    peildatum: date
    regelingen: list
    rijen: list[KernRij]
    waardering: Waardering
    actiepunten_te_laat: list[Actiepunt]

    @property
    def kernen_zonder_activiteit(self) -> list[KernRij]:
        return [r for r in self.rijen if r.zonder_activiteit]


def actiepunten() -> list[Actiepunt]:
    return list(Actiepunt.objects.order_by("volgorde", "pk"))


def actiepunten_te_laat(*, peildatum: date) -> list[Actiepunt]:
    return list(
        Actiepunt.objects.exclude(status=ActiepuntStatus.GEREED)
        .filter(uiterlijk_op__lt=peildatum)
        .order_by("uiterlijk_op", "volgorde")
    )


def monitoring(*, halfjaar: Halfjaar, vandaag: date) -> Monitoring:
    """All figures of one half year. A fixed number of queries, whatever the data size."""
    begin, einde = halfjaar.begin, halfjaar.einde
    initiatieven = initiatieven_selectors.monitoring_per_kern(begin=begin, einde=einde)
    vragen = vragen_selectors.monitoring_per_kern(begin=begin, einde=einde)
    bijeenkomsten = trajecten_selectors.monitoring_per_kern(begin=begin, einde=einde)
    regelingen, geld = budgetten_selectors.monitoring_per_kern(begin=begin, einde=einde)

    rijen = []
    for kern in kernen_publiek():
        i = initiatieven.get(kern.pk, {})
        v = vragen.get(kern.pk, {})
        b = bijeenkomsten.get(kern.pk, {})
        g = geld.get(kern.pk, {})
        rijen.append(
            KernRij(
                kern_id=kern.pk,
                naam=kern.naam,
                initiatieven_ingediend=i.get("ingediend", 0),
                initiatieven_toegezegd=i.get("toegezegd", 0),
                vragen_ontvangen=v.get("ontvangen", 0),
                vragen_beoordeelbaar=v.get("beoordeelbaar", 0),
                vragen_op_tijd=v.get("op_tijd", 0),
                aantal_waarderingen=v.get("aantal_waarderingen", 0),
                som_waarderingen=v.get("som_waarderingen", 0),
                waarderingen_voldoende=v.get("waarderingen_voldoende", 0),
                bijeenkomsten=b.get("bijeenkomsten", 0),
                aanmeldingen=b.get("aanmeldingen", 0),
                toegekend=[g.get(r.pk, Decimal("0")) for r in regelingen],
            )
        )
    # Ratings of every kern (also kernen no longer active) count for the overall figure.
    waardering = Waardering(
        aantal=sum(v["aantal_waarderingen"] for v in vragen.values()),
        som=sum(v["som_waarderingen"] for v in vragen.values()),
        voldoende=sum(v["waarderingen_voldoende"] for v in vragen.values()),
    )
    peildatum = halfjaar.peildatum(vandaag)
    return Monitoring(
        halfjaar=halfjaar,
        peildatum=peildatum,
        regelingen=regelingen,
        rijen=rijen,
        waardering=waardering,
        actiepunten_te_laat=actiepunten_te_laat(peildatum=peildatum),
    )
