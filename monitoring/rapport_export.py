"""The half-yearly report as a spreadsheet (openpyxl) and as a PDF (WeasyPrint).

Both are drawn from the report's sections, like the page. WeasyPrint needs the Pango system
libraries (scripts/ensure-pdf-libs.sh installs them); it is imported only when a PDF is made,
so the rest of the site runs without them.
"""

from __future__ import annotations

import io
import logging
from decimal import Decimal

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .rapport import Rapport
from .rapport_tabellen import AANTAL, CIJFER, GELD, PROCENT, Cel, Tabel

BUREN_BLAUW = "004C80"
# Numbers stay numbers in the sheet; only their notation differs.
FORMATEN = {
    AANTAL: "0",
    GELD: '"€" #,##0.00',
    CIJFER: "0.0",
    PROCENT: '0"%"',
}


class PdfNietBeschikbaar(Exception):
    """WeasyPrint or the system libraries it needs are missing on this server."""


def _schrijf(ws, rij: int, kolom: int, cel: Cel, *, vet: bool = False) -> None:
    waarde = cel.waarde
    if isinstance(waarde, Decimal) and cel.soort == GELD:
        waarde = waarde.quantize(Decimal("0.01"))
    c = ws.cell(row=rij, column=kolom, value=waarde)
    if isinstance(waarde, str):
        # openpyxl would store text starting with "=" as a formula; a name stays text.
        c.data_type = "s"
    elif cel.soort in FORMATEN and waarde is not None:
        c.number_format = FORMATEN[cel.soort]
    if vet:
        c.font = Font(bold=True)


def _tabel(ws, start: int, tabel: Tabel) -> int:
    """Writes the table from row `start`; returns the next free row."""
    ws.cell(row=start, column=1, value=tabel.titel).font = Font(bold=True, size=12)
    kop = start + 1
    for k, kolom in enumerate(tabel.kolommen, start=1):
        c = ws.cell(row=kop, column=k, value=kolom.kop)
        c.data_type = "s"
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor=BUREN_BLAUW)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    rij = kop + 1
    for cellen in tabel.rijen:
        for k, cel in enumerate(cellen, start=1):
            _schrijf(ws, rij, k, cel)
        rij += 1
    if tabel.totaal:
        for k, cel in enumerate(tabel.totaal, start=1):
            _schrijf(ws, rij, k, cel, vet=True)
        rij += 1
    return rij + 1


def _grafiek(ws, start: int, grafiek) -> int:
    """The chart's table, and beside it the same chart as a spreadsheet bar chart."""
    tabel = grafiek.tabel
    volgende = _tabel(ws, start, tabel)
    eerste, laatste = start + 2, start + 1 + len(tabel.rijen)
    if laatste < eerste:
        return volgende
    chart = BarChart()
    chart.type = "bar"  # horizontal, as on the page
    chart.title = grafiek.titel
    chart.legend = None
    chart.add_data(
        Reference(ws, min_col=2, min_row=start + 1, max_row=laatste), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=eerste, max_row=laatste))
    chart.y_axis.numFmt = FORMATEN.get(tabel.kolommen[1].soort, "General")
    chart.x_axis.scaling.orientation = "maxMin"  # first kern on top, as on the page
    chart.height = max(6.0, 0.6 * len(tabel.rijen) + 2)
    chart.width = 16.0
    ws.add_chart(chart, f"D{start}")
    return max(volgende, start + int(chart.height * 2) + 2)


def rapport_xlsx(rapport: Rapport) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    titel = f"Halfjaarrapport kerngericht werken, {rapport.halfjaar.label.lower()}"
    for sectie in rapport.secties:
        ws = wb.create_sheet(title=sectie.titel[:31])
        ws.cell(row=1, column=1, value=titel).font = Font(bold=True, size=14, color=BUREN_BLAUW)
        ws.cell(row=2, column=1, value=sectie.titel).font = Font(bold=True, size=12)
        ws.cell(row=3, column=1, value=sectie.inleiding)
        rij = 5
        for tabel in sectie.tabellen:
            rij = _tabel(ws, rij, tabel)
        if sectie.voetnoot:
            ws.cell(row=rij, column=1, value=sectie.voetnoot)
            rij += 2
        for grafiek in sectie.grafieken:
            rij = _grafiek(ws, rij, grafiek)
        breedste = max(len(t.kolommen) for t in sectie.tabellen)
        ws.column_dimensions["A"].width = 42
        for k in range(2, breedste + 1):
            ws.column_dimensions[get_column_letter(k)].width = 18
        ws.freeze_panes = "B7" if sectie.sleutel != "overzicht" else None
    wb.properties.title = titel
    wb.properties.creator = "Gemeente Buren"
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def rapport_pdf(rapport: Rapport, *, context: dict) -> bytes:
    """A4, page numbers and the municipality's look come from the template's CSS."""
    # WeasyPrint reports every step (from its import on) at INFO; the server log needs none.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango or HarfBuzz is not installed
        raise PdfNietBeschikbaar(str(exc)) from exc
    html = render_to_string("monitoring/rapport_pdf.html", {**context, "rapport": rapport})
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
