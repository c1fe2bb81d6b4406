"""Every write of budgetten, one module per process. Other apps import only this package.

ledger: the only code that writes money amounts; aanvragen: applying to settlement;
signalering: declarations and the volunteer fee; stemronde: the residents' voting round.
"""

from .aanvragen import (
    AANVRAAG_BEVESTIGEN,
    AANVRAAG_LINK,
    BesluitBlokkade,
    NieuweKostenpost,
    aanvraag_adviseren,
    aanvraag_besluiten,
    aanvraag_betalen,
    aanvraag_bevestigen,
    aanvraag_indienen,
    aanvraag_intrekken,
    aanvraag_vaststellen,
    besluit_blokkade,
    vergrendel_aanvraag,
)
from .signalering import (
    declaratie_beoordelen,
    declaratie_betalen,
    declaratie_indienen,
    vrijwilligersvergoeding_toekennen,
)
from .stemronde import (
    STEM_BEVESTIGEN,
    STEMRONDE_OVERGANGEN,
    kandidaat_beoordelen,
    lopende_stemronde_voor,
    stemronde_aanmaken,
    stemronde_data_wijzigen,
    stemronde_fase_wijzigen,
    toekennen_wacht_op_stemronde,
    vergrendel_stemronde,
)
from .stemronde_klok import (
    stem_herinnering_versturen,
    stem_herinneringen_versturen,
    stemronde_sluiten_als_verlopen,
    stemrondes_automatisch_sluiten,
)
from .stemronde_privacy import (
    ANONIEM_DOMEIN,
    ANONIMISEREN_NA_DAGEN,
    stembiljetten_anonimiseren,
)
from .stemronde_stemmen import (
    AL_GESTEMD_ADRES,
    AL_GESTEMD_EMAIL,
    papieren_stem_annuleren,
    papieren_stem_invoeren,
    stem_bevestigen,
    stem_uitbrengen,
)
from .stemronde_steun import (
    KANDIDAAT_STEUN,
    KANDIDAAT_STEUN_BEVESTIGEN,
    KANDIDAAT_STEUN_LINK,
    kandidaat_steun_bevestigen,
    kandidaat_steun_intrekken,
    kandidaat_steunen,
)

__all__ = [
    "AL_GESTEMD_ADRES",
    "AL_GESTEMD_EMAIL",
    "lopende_stemronde_voor",
    "papieren_stem_annuleren",
    "papieren_stem_invoeren",
    "KANDIDAAT_STEUN",
    "KANDIDAAT_STEUN_BEVESTIGEN",
    "KANDIDAAT_STEUN_LINK",
    "kandidaat_steun_bevestigen",
    "kandidaat_steun_intrekken",
    "kandidaat_steunen",
    "stem_herinnering_versturen",
    "stem_herinneringen_versturen",
    "stemronde_sluiten_als_verlopen",
    "stemrondes_automatisch_sluiten",
    "toekennen_wacht_op_stemronde",
    "AANVRAAG_BEVESTIGEN",
    "AANVRAAG_LINK",
    "ANONIEM_DOMEIN",
    "ANONIMISEREN_NA_DAGEN",
    "BesluitBlokkade",
    "NieuweKostenpost",
    "STEMRONDE_OVERGANGEN",
    "STEM_BEVESTIGEN",
    "aanvraag_adviseren",
    "aanvraag_besluiten",
    "aanvraag_betalen",
    "aanvraag_bevestigen",
    "aanvraag_indienen",
    "aanvraag_intrekken",
    "aanvraag_vaststellen",
    "besluit_blokkade",
    "declaratie_beoordelen",
    "declaratie_betalen",
    "declaratie_indienen",
    "kandidaat_beoordelen",
    "stem_bevestigen",
    "stem_uitbrengen",
    "stembiljetten_anonimiseren",
    "stemronde_aanmaken",
    "stemronde_data_wijzigen",
    "stemronde_fase_wijzigen",
    "vergrendel_aanvraag",
    "vergrendel_stemronde",
    "vrijwilligersvergoeding_toekennen",
]
