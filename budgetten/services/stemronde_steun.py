"""Support (steun) for a voting candidate: the initiatives' steun mechanism, for a Kandidaat.

One SteunSoort (initiatieven.services.steun): the same confirmation mail, personal link to
withdraw, one row per address per candidate (KandidaatSteun's unique constraint) and only
confirmed rows count. A resident supports an admitted candidate while the round is open;
withdrawing works at any time (it deletes the address).
"""

from __future__ import annotations

from datetime import date
from typing import cast

from django.utils import timezone

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from initiatieven import services as initiatieven_services

from .. import selectors
from ..models import KandidaatSteun

KANDIDAAT_STEUN_BEVESTIGEN = LinkSoort(
    naam="kandidaat-steun-bevestigen",
    url_naam="budgetten:kandidaat_steun_bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)
# The link to withdraw; it lives as long as every personal link.
KANDIDAAT_STEUN_LINK = LinkSoort(naam="kandidaat-steun", url_naam="budgetten:kandidaat_steun_mijn")

KANDIDAAT_STEUN = initiatieven_services.SteunSoort(
    model=KandidaatSteun,
    doel_veld="kandidaat",
    bevestig_link=KANDIDAAT_STEUN_BEVESTIGEN,
    intrek_link=KANDIDAAT_STEUN_LINK,
    onderwerp="Uw steun voor een initiatief in de stemronde - Gemeente Buren",
)


def kandidaat_steunen(
    *, kandidaat_id: int, email: str, vandaag: date | None = None
) -> KandidaatSteun:
    """Record a support of an admitted candidate of an open round and mail the link; the
    same answer and mail whether or not the address already supports it."""
    vandaag = vandaag or timezone.localdate()
    kandidaat = selectors.steunbare_kandidaat(pk=kandidaat_id, vandaag=vandaag)
    if kandidaat is None:
        raise Weigering("Dit initiatief kunt u nu niet steunen: de stemronde is niet open.")
    steun = initiatieven_services.steun_geven_van(
        KANDIDAAT_STEUN,
        doel=kandidaat,
        email=email,
        titel=kandidaat.titel,
        kern_naam=kandidaat.stemronde.kern.naam,
    )
    return cast(KandidaatSteun, steun)


def kandidaat_steun_bevestigen(*, steun_id: int, vandaag: date | None = None) -> KandidaatSteun:
    """The resident confirmed: the support counts. Safe to run twice. Only while the round
    is open (like a vote), so the count is settled when voting closes."""
    vandaag = vandaag or timezone.localdate()
    kandidaat_id = KandidaatSteun.objects.values_list("kandidaat_id", flat=True).get(pk=steun_id)
    if selectors.steunbare_kandidaat(pk=kandidaat_id, vandaag=vandaag) is None:
        raise Weigering("De stemronde is gesloten. Uw steun telt niet meer mee.")
    steun = initiatieven_services.steun_bevestigen_van(KANDIDAAT_STEUN, steun_id=steun_id)
    return cast(KandidaatSteun, steun)


def kandidaat_steun_intrekken(*, steun_id: int) -> None:
    """Withdraw through the personal link: the row and the address are deleted."""
    initiatieven_services.steun_intrekken_van(KANDIDAAT_STEUN, steun_id=steun_id)
