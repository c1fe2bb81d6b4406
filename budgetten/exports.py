"""CSV and XLSX of the decisions of one year, for finance."""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook

KOPPEN = [
    "Nummer",
    "Regeling",
    "Kern",
    "Activiteit",
    "Datum activiteit",
    "Aanvrager",
    "Status",
    "Gevraagd",
    "Toegekend",
    "Vastgesteld",
    "Betaald",
    "Besluit door",
    "Besluit op",
    "Motivering",
]


def _veilig(waarde):
    """Spreadsheet programs run text that starts with = + - @ as a formula: neutralise it."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


def rijen(aanvragen):
    for a in aanvragen:
        yield [
            a.pk,
            a.regeling.naam,
            a.kern.naam,
            _veilig(a.titel),
            a.activiteit_datum,
            _veilig(a.naam),
            a.get_status_display(),
            a.gevraagd_bedrag,
            a.toegekend_bedrag,
            a.vastgesteld_bedrag,
            a.betaald_bedrag,
            str(a.besluit_door) if a.besluit_door else "",
            a.besluit_op.astimezone().strftime("%Y-%m-%d %H:%M") if a.besluit_op else "",
            _veilig(a.motivering),
        ]


def _tekst(waarde) -> str:
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}".replace(".", ",")
    return "" if waarde is None else str(waarde)


def als_csv(aanvragen) -> str:
    uit = io.StringIO()
    writer = csv.writer(uit, delimiter=";")
    writer.writerow(KOPPEN)
    for rij in rijen(aanvragen):
        writer.writerow([_tekst(w) for w in rij])
    return "\ufeff" + uit.getvalue()


def als_xlsx(aanvragen, *, jaar: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Besluiten {jaar}"
    ws.append(KOPPEN)
    for rij in rijen(aanvragen):
        ws.append(rij)
    for kolom in "HIJK":
        for cel in ws[kolom][1:]:
            cel.number_format = "#,##0.00"
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
