"""The pure rules of budgetten, one module per process (plain functions, no django-rules)."""

from core.bedragen import OngeldigBedrag, bedrag_lezen, euro_tekst

from .aanvragen import (
    EerdereActiviteit,
    StraatBerekening,
    controleer_betaling,
    controleer_bijzonder,
    controleer_leefbaarheid,
    controleer_straatbijeenkomst,
    controleer_toekenning,
    controleer_vaststelling,
    is_herhaling,
    steun_tekort,
    straat_bijdrage,
    straat_sleutel,
)
from .algemeen import (
    CRITERIA,
    Bevindingen,
    controleer_bedrag_binnen_budget,
    controleer_criteria,
    controleer_datum,
    telt_in_jaar,
    voeg_toe,
)
from .signalering import (
    controleer_declaratie,
    controleer_vrijwilligersvergoeding,
)
from .stemronde import (
    StemKandidaat,
    Toewijzing,
    controleer_kandidaat,
    controleer_stemronde_datums_wijzigen,
    controleer_stemronde_periode,
    rangschikken,
    stemmen_mogelijk,
    verdeel_budget,
)

__all__ = [
    "Bevindingen",
    "CRITERIA",
    "EerdereActiviteit",
    "OngeldigBedrag",
    "StemKandidaat",
    "StraatBerekening",
    "Toewijzing",
    "bedrag_lezen",
    "controleer_bedrag_binnen_budget",
    "controleer_betaling",
    "controleer_bijzonder",
    "controleer_criteria",
    "controleer_datum",
    "controleer_declaratie",
    "controleer_kandidaat",
    "controleer_leefbaarheid",
    "controleer_stemronde_datums_wijzigen",
    "controleer_stemronde_periode",
    "controleer_straatbijeenkomst",
    "controleer_toekenning",
    "steun_tekort",
    "controleer_vaststelling",
    "controleer_vrijwilligersvergoeding",
    "euro_tekst",
    "is_herhaling",
    "rangschikken",
    "stemmen_mogelijk",
    "straat_bijdrage",
    "straat_sleutel",
    "telt_in_jaar",
    "verdeel_budget",
    "voeg_toe",
]
