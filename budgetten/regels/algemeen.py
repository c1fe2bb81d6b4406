"""The pure rules of the regelingen: shared parts (year, date, criteria, free budget).

The business rules are pure, typed functions: they take plain values (amounts, dates, what
already exists) and return Dutch messages per form field (`Bevindingen`). Forms run them
while the inwoner fills in, services run them again at submission and at decision - the
decision re-check happens inside the transaction that holds the ledger lock.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from core.bedragen import euro_tekst

from ..constants import (
    RegelingCode,
)

CRITERIA: dict[str, dict[str, str]] = {
    RegelingCode.STRAATBIJEENKOMST: {
        "open_voor_iedereen": (
            "Alle bewoners van de straat of buurt zijn welkom (geen besloten feest)."
        ),
        "maakt_straat_beter": (
            "De activiteit maakt de straat of buurt gezelliger, veiliger of schoner."
        ),
        "contact_buren": "De activiteit brengt buren met elkaar in contact.",
    },
    RegelingCode.LEEFBAARHEID: {
        "effect_leefomgeving": "Het initiatief maakt de leefomgeving beter (sociaal en/of fysiek).",
        "brengt_samen": "Het initiatief brengt inwoners samen.",
        "meerdere_inwoners": "Het initiatief is voor meerdere inwoners bedoeld.",
        "open_voor_iedereen": "Alle inwoners van de straat, buurt of kern kunnen meedoen.",
    },
    RegelingCode.BIJZONDER: {
        "eenmalig": "Het is een eenmalig initiatief.",
        "past_bij_kerngericht": "Het past bij de doelen van kerngericht werken.",
        "niet_zonder_geld": "Zonder deze bijdrage gaat het initiatief niet door.",
    },
}


Bevindingen = dict[str, list[str]]


def voeg_toe(bevindingen: Bevindingen, veld: str, melding: str) -> None:
    bevindingen.setdefault(veld, []).append(melding)


# --- Which year -----------------------------------------------------------------------------


def telt_in_jaar(activiteit_datum: date) -> int:
    """An aanvraag counts in the calendar year of its activity (docs/decisions/0004)."""
    return activiteit_datum.year


def controleer_datum(activiteit_datum: date | None, *, vandaag: date) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if activiteit_datum is None:
        voeg_toe(bevindingen, "activiteit_datum", _("Vul de datum van de activiteit in."))
    elif activiteit_datum < vandaag:
        voeg_toe(
            bevindingen,
            "activiteit_datum",
            _("De datum ligt in het verleden. Vraag de bijdrage aan vóór de activiteit."),
        )
    elif activiteit_datum.year > vandaag.year + 1:
        voeg_toe(
            bevindingen,
            "activiteit_datum",
            _("U kunt een bijdrage aanvragen voor dit jaar of volgend jaar."),
        )
    return bevindingen


def controleer_criteria(regeling: str, antwoorden: dict[str, bool]) -> Bevindingen:
    bevindingen: Bevindingen = {}
    for sleutel in CRITERIA.get(regeling, {}):
        if not antwoorden.get(sleutel):
            voeg_toe(
                bevindingen,
                f"criterium_{sleutel}",
                _("Dit is een voorwaarde van de regeling. Zonder dit kunnen wij niet bijdragen."),
            )
    return bevindingen


def controleer_bedrag_binnen_budget(
    *, gevraagd: Decimal, vrij: Decimal | None, veld: str = "gevraagd_bedrag"
) -> Bevindingen:
    """The amount must fit in what is still free in the budget of that scope and year."""
    bevindingen: Bevindingen = {}
    if vrij is not None and gevraagd > vrij:
        voeg_toe(
            bevindingen,
            veld,
            _("Er is dit jaar nog %(vrij)s vrij. Vraag ten hoogste dat bedrag aan.")
            % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen
