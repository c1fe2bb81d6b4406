"""Retention of residents' data in initiatives (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, contact_anonimiseren

from .constants import InitiatiefStatus
from .models import Initiatief

ONBEVESTIGD = Bewaartermijn(
    sleutel="initiatief_onbevestigd",
    wat="Een initiatief dat u niet per e-mail bevestigde, met uw gegevens",
    standaard_dagen=7,
    na="na het indienen",
    dan="verwijderd",
)
CONTACT = Bewaartermijn(
    sleutel="initiatief_contact",
    wat="Uw naam, e-mailadres en telefoonnummer bij een initiatief",
    standaard_dagen=365,
    na="na afronden, afwijzen of intrekken",
    dan="geanonimiseerd (het initiatief zelf blijft, zonder uw gegevens)",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, CONTACT]
GESLOTEN = (InitiatiefStatus.AFGEROND, InitiatiefStatus.AFGEWEZEN, InitiatiefStatus.INGETROKKEN)


def opruimen(*, nu: datetime) -> dict[str, int]:
    # Unconfirmed initiatives are deleted by their own hourly task (initiatieven.tasks).
    verlopen = Initiatief.objects.filter(status__in=GESLOTEN, status_sinds__lt=CONTACT.grens(nu))
    return {"initiatief_contact_geanonimiseerd": contact_anonimiseren(verlopen)}
