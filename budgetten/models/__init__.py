"""The models of budgetten, one module per process; app_label stays `budgetten`."""

from .aanvragen import Aanvraag, AanvraagQuerySet, Kostenpost
from .ledger import Budgetpost
from .regelingen import NIET_NEGATIEF, Regeling, RegelingJaar
from .signalering import Declaratie, Vrijwilligersvergoeding, bon_pad
from .stemronde import Kandidaat, KandidaatSteun, Stembiljet, Stemronde

__all__ = [
    "NIET_NEGATIEF",
    "Aanvraag",
    "AanvraagQuerySet",
    "Budgetpost",
    "Declaratie",
    "Kandidaat",
    "KandidaatSteun",
    "Kostenpost",
    "Regeling",
    "RegelingJaar",
    "Stembiljet",
    "Stemronde",
    "Vrijwilligersvergoeding",
    "bon_pad",
]
