"""Small horizontal bar charts, laid out here and drawn as SVG by a template.

The report's charts are drawn on the server so that the page, the PDF and a printed copy show
the same picture without JavaScript. The geometry is computed here and handed to the template
as ready strings: Django would otherwise localise floats ("12,5") inside SVG attributes.
Every chart carries the table with its figures (`tabel`), for screen readers and for print.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .rapport_tabellen import Cel, Kolom, Tabel

# The municipality's blue; the target line in a dark orange that keeps 4.5:1 on white.
KLEUR_BALK = "#004c80"
KLEUR_DOEL = "#a33a00"

LABEL_BREEDTE = 150  # room for the kern's name left of the bars
BALK_RUIMTE = 380  # the longest bar
WAARDE_RUIMTE = 110  # room for the figure right of a bar
RIJ_HOOGTE = 24
BALK_HOOGTE = 16
BOVEN = 8
ONDER = 28  # room for the target's label


def _px(x: float) -> str:
    return f"{x:.1f}"


@dataclass(frozen=True)
class Balk:
    label: str
    tekst: str
    y: str
    tekst_y: str
    breedte: str
    waarde_x: str


@dataclass(frozen=True)
class Staafdiagram:
    sleutel: str  # unique on the page: ids of title and description
    titel: str
    beschrijving: str
    balken: tuple[Balk, ...]
    breedte: int
    hoogte: int
    label_x: str
    balk_x: str
    doel_x: str | None
    doel_tekst: str
    doel_lijn_einde: str
    tabel: Tabel
    kleur_balk: str = KLEUR_BALK
    kleur_doel: str = KLEUR_DOEL

    @property
    def leeg(self) -> bool:
        return not self.balken


def staafdiagram(
    *,
    sleutel: str,
    titel: str,
    beschrijving: str,
    kop_label: str,
    kop_waarde: str,
    soort: str,
    waarden: list[tuple[str, int | Decimal | None]],
    doel: Decimal | None = None,
    doel_tekst: str = "",
    schaal: Decimal | None = None,
) -> Staafdiagram:
    """One bar per (label, value); rows without a value (None) stay in the table only.
    `schaal` fixes the value of a full-length bar (10 for a rating); otherwise the largest
    value (or the target) is."""
    getekend = [(label, w) for label, w in waarden if w is not None]
    grootste = max([Decimal(w) for _, w in getekend] + [Decimal(doel or 0), Decimal(1)])
    if schaal is not None:
        grootste = max(grootste, schaal)
    balken = []
    for i, (label, w) in enumerate(getekend):
        breedte = float(Decimal(w) / grootste) * BALK_RUIMTE
        y = BOVEN + i * RIJ_HOOGTE
        balken.append(
            Balk(
                label=label,
                tekst=Cel(w, soort).tekst,
                y=_px(y + (RIJ_HOOGTE - BALK_HOOGTE) / 2),
                tekst_y=_px(y + RIJ_HOOGTE / 2 + 4),
                breedte=_px(breedte),
                waarde_x=_px(LABEL_BREEDTE + breedte + 6),
            )
        )
    hoogte = BOVEN + len(balken) * RIJ_HOOGTE + ONDER
    doel_x = None
    if doel is not None and balken:
        doel_x = _px(LABEL_BREEDTE + float(doel / grootste) * BALK_RUIMTE)
    tabel = Tabel(
        sleutel=f"{sleutel}-tabel",
        titel=titel,
        kolommen=[Kolom(kop_label, "tekst"), Kolom(kop_waarde, soort)],
        rijen=[[Cel(label, "tekst"), Cel(w, soort)] for label, w in waarden],
    )
    return Staafdiagram(
        sleutel=sleutel,
        titel=titel,
        beschrijving=beschrijving,
        balken=tuple(balken),
        breedte=LABEL_BREEDTE + BALK_RUIMTE + WAARDE_RUIMTE,
        hoogte=hoogte,
        label_x=_px(LABEL_BREEDTE - 6),
        balk_x=_px(LABEL_BREEDTE),
        doel_x=doel_x,
        doel_tekst=doel_tekst,
        doel_lijn_einde=_px(hoogte - ONDER + 4),
        tabel=tabel,
    )
