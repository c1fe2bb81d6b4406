"""CSV of the half-yearly monitoring table (one row per kern), for the college's reports."""

import csv
import io
from decimal import Decimal

from .selectors import Monitoring


def _tekst(waarde) -> str:
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}".replace(".", ",")
    if waarde is None:
        return ""
    tekst = str(waarde)
    # Spreadsheet programs run text starting with = + - @ as a formula: neutralise it.
    if tekst[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + tekst
    return tekst


def monitoring_csv(m: Monitoring) -> str:
    koppen = [
        "Kern",
        "Initiatieven ingediend",
        "Initiatieven toegezegd",
        "Vragen ontvangen",
        "Vragen binnen een week beantwoord",
        "Vragen te beoordelen",
        "Binnen een week (%)",
        "Gemiddeld cijfer",
        "Aantal cijfers",
        "Bijeenkomsten gehouden",
        "Aanmeldingen",
        *[f"Toegekend {r.naam}" for r in m.regelingen],
        "Zonder activiteit",
    ]
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(koppen)
    for r in m.rijen:
        schrijver.writerow(
            [
                _tekst(x)
                for x in (
                    r.naam,
                    r.initiatieven_ingediend,
                    r.initiatieven_toegezegd,
                    r.vragen_ontvangen,
                    r.vragen_op_tijd,
                    r.vragen_beoordeelbaar,
                    r.percentage_op_tijd,
                    str(r.gemiddelde_waardering).replace(".", ",")
                    if r.gemiddelde_waardering is not None
                    else None,
                    r.aantal_waarderingen,
                    r.bijeenkomsten,
                    r.aanmeldingen,
                    *r.toegekend,
                    "ja" if r.zonder_activiteit else "nee",
                )
            ]
        )
    return uit.getvalue()
