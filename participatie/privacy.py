"""Retention of residents' data in meeting registrations (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, contact_anonimiseren

from .models import Aanmelding

AANMELDING = Bewaartermijn(
    sleutel="aanmelding_contact",
    wat="Uw naam, e-mailadres en telefoonnummer bij een aanmelding voor een bijeenkomst",
    standaard_dagen=30,
    na="na de bijeenkomst",
    dan="geanonimiseerd (het aantal aanmeldingen blijft)",
)
BEWAARTERMIJNEN = [AANMELDING]


def opruimen(*, nu: datetime) -> dict[str, int]:
    voorbij = Aanmelding.objects.filter(bijeenkomst__eindigt_op__lt=AANMELDING.grens(nu))
    return {"aanmelding_geanonimiseerd": contact_anonimiseren(voorbij)}
