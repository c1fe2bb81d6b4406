"""Retention of residents' data in meeting registrations (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, contact_anonimiseren, verwijderen

from .constants import AanmeldingStatus
from .models import Aanmelding

ONBEVESTIGD = Bewaartermijn(
    sleutel="aanmelding_onbevestigd",
    wat="Een aanmelding voor een bijeenkomst die u niet per e-mail bevestigde",
    standaard_dagen=7,
    na="na het aanmelden",
    dan="verwijderd",
)
AANMELDING = Bewaartermijn(
    sleutel="aanmelding_contact",
    wat="Uw naam, e-mailadres en telefoonnummer bij een aanmelding voor een bijeenkomst",
    standaard_dagen=30,
    na="na de bijeenkomst",
    dan="geanonimiseerd (het aantal aanmeldingen blijft)",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, AANMELDING]


def opruimen(*, nu: datetime) -> dict[str, int]:
    onbevestigd = verwijderen(
        Aanmelding.objects.filter(
            status=AanmeldingStatus.ONBEVESTIGD, aangemeld_op__lt=ONBEVESTIGD.grens(nu)
        )
    )
    voorbij = Aanmelding.objects.filter(bijeenkomst__eindigt_op__lt=AANMELDING.grens(nu))
    return {
        "aanmelding_onbevestigd_verwijderd": onbevestigd,
        "aanmelding_geanonimiseerd": contact_anonimiseren(voorbij),
    }
