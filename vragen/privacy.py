"""Retention of residents' data in questions (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, contact_anonimiseren, verwijderen

from .constants import Kanaal, VraagStatus
from .models import Vraag

ONBEVESTIGD = Bewaartermijn(
    sleutel="vraag_onbevestigd",
    wat="Een vraag via de website die u niet per e-mail bevestigde",
    standaard_dagen=7,
    na="na het stellen",
    dan="verwijderd",
)
CONTACT = Bewaartermijn(
    sleutel="vraag_contact",
    wat="Uw naam, e-mailadres en telefoonnummer bij een vraag",
    standaard_dagen=365,
    na="na het inhoudelijke antwoord",
    dan="geanonimiseerd (vraag en antwoord blijven voor de cijfers, zonder uw gegevens)",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, CONTACT]


def opruimen(*, nu: datetime) -> dict[str, int]:
    verwijderd = verwijderen(
        Vraag.objects.filter(
            kanaal=Kanaal.PORTAAL,
            status=VraagStatus.NIEUW,
            email_bevestigd_op__isnull=True,
            ontvangen_op__lt=ONBEVESTIGD.grens(nu),
        )
    )
    beantwoord = Vraag.objects.filter(
        status=VraagStatus.BEANTWOORD, beantwoord_op__lt=CONTACT.grens(nu)
    )
    return {
        "vraag_onbevestigd_verwijderd": verwijderd,
        "vraag_contact_geanonimiseerd": contact_anonimiseren(beantwoord),
    }
