"""Every write of participation trajectories and meetings (the one entry point other apps,
views, tasks and tests import): trajecten in .trajecten, meetings in .bijeenkomsten."""

from .bijeenkomsten import (
    AANMELDING_LINK,
    BIJEENKOMST_VELDEN,
    AanmeldResultaat,
    AfmeldResultaat,
    AnnuleerResultaat,
    aanmelden,
    aanmelding_link,
    afmelden,
    bijeenkomst_annuleren,
    bijeenkomst_opslaan,
    bijeenkomst_verslag_opslaan,
    herinnering_versturen,
)
from .trajecten import (
    BetrokkeneGegevens,
    traject_aanmaken,
    traject_afronden,
    traject_basis_bijwerken,
    traject_publiceren,
    traject_stap_opslaan,
)

__all__ = [
    "AANMELDING_LINK",
    "BIJEENKOMST_VELDEN",
    "AanmeldResultaat",
    "AfmeldResultaat",
    "AnnuleerResultaat",
    "BetrokkeneGegevens",
    "aanmelden",
    "aanmelding_link",
    "afmelden",
    "bijeenkomst_annuleren",
    "bijeenkomst_opslaan",
    "bijeenkomst_verslag_opslaan",
    "herinnering_versturen",
    "traject_aanmaken",
    "traject_afronden",
    "traject_basis_bijwerken",
    "traject_publiceren",
    "traject_stap_opslaan",
]
