"""Every read the budget pages use: already joined and annotated, so lists do not N+1.

One module per process; other apps import only this package."""

from .aanvragen import (
    Toetsing,
    aanvraag_toetsen,
    aanvragen_met_budget_van_jaar,
    aanvragen_met_email,
    aanvragen_voor_medewerker,
    college_wachtrij,
    eerdere_straatactiviteiten,
    monitoring_per_kern,
)
from .ledger import (
    NUL,
    Grootboekregel,
    Pot,
    grootboek,
    kern_budget_overzicht,
    pot,
    pot_van_aanvraag,
    potten,
    publieke_cijfers,
    regelingen,
    regelingjaar_voor,
    scope_sleutel,
    vrij_budget,
)
from .signalering import (
    declaraties_voor_medewerker,
)
from .stemronde import (
    PUBLIEKE_KANDIDAAT_VELDEN,
    aanvragen_voor_stemronde,
    kandidaten_met_stemmen,
    open_stemronde_van_kern,
    publieke_kandidaten,
    publieke_stemronde,
    publieke_stemrondes,
    stembiljetten_telling,
    stemronde_van_kern,
    stemrondes_voor_medewerker,
)

__all__ = [
    "Grootboekregel",
    "NUL",
    "PUBLIEKE_KANDIDAAT_VELDEN",
    "Pot",
    "Toetsing",
    "aanvraag_toetsen",
    "aanvragen_met_budget_van_jaar",
    "aanvragen_met_email",
    "aanvragen_voor_medewerker",
    "aanvragen_voor_stemronde",
    "college_wachtrij",
    "declaraties_voor_medewerker",
    "eerdere_straatactiviteiten",
    "grootboek",
    "kandidaten_met_stemmen",
    "kern_budget_overzicht",
    "monitoring_per_kern",
    "open_stemronde_van_kern",
    "pot",
    "pot_van_aanvraag",
    "potten",
    "publieke_cijfers",
    "publieke_kandidaten",
    "publieke_stemronde",
    "publieke_stemrondes",
    "regelingen",
    "regelingjaar_voor",
    "scope_sleutel",
    "stembiljetten_telling",
    "stemronde_van_kern",
    "stemrondes_voor_medewerker",
    "vrij_budget",
]
