"""Retention of residents' data in initiatives (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, contact_anonimiseren, verwijderen

from .constants import InitiatiefStatus
from .models import Initiatief, Nominatie, Steun

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
STEUN_ONBEVESTIGD = Bewaartermijn(
    sleutel="steun_onbevestigd",
    wat="Uw e-mailadres als u een initiatief wilde steunen maar dat niet bevestigde",
    standaard_dagen=7,
    na="na het invullen",
    dan="verwijderd",
)
STEUN = Bewaartermijn(
    sleutel="steun",
    wat="Uw e-mailadres bij uw steun voor een initiatief",
    standaard_dagen=365,
    na="na afronden, afwijzen of intrekken van het initiatief",
    dan="verwijderd (het aantal steunbetuigingen telt dan niet meer)",
)
NOMINATIE_ONBEVESTIGD = Bewaartermijn(
    sleutel="nominatie_onbevestigd",
    wat="Een voordracht voor een vrijwilligersprijs die u niet per e-mail bevestigde",
    standaard_dagen=7,
    na="na het versturen",
    dan="verwijderd",
)
NOMINATIE = Bewaartermijn(
    sleutel="nominatie",
    wat="Een voordracht voor een vrijwilligersprijs, met uw naam en e-mailadres",
    standaard_dagen=365,
    na="na het versturen",
    dan="verwijderd",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, CONTACT, STEUN_ONBEVESTIGD, STEUN, NOMINATIE_ONBEVESTIGD, NOMINATIE]
GESLOTEN = (InitiatiefStatus.AFGEROND, InitiatiefStatus.AFGEWEZEN, InitiatiefStatus.INGETROKKEN)


def opruimen(*, nu: datetime) -> dict[str, int]:
    # Unconfirmed initiatives are deleted by their own hourly task (initiatieven.tasks).
    verlopen = Initiatief.objects.filter(status__in=GESLOTEN, status_sinds__lt=CONTACT.grens(nu))
    steun_weg, _ = Steun.objects.filter(
        email_bevestigd_op__isnull=True, aangemaakt_op__lt=STEUN_ONBEVESTIGD.grens(nu)
    ).delete()
    steun_oud, _ = Steun.objects.filter(
        initiatief__status__in=GESLOTEN, initiatief__status_sinds__lt=STEUN.grens(nu)
    ).delete()
    onbevestigd = Nominatie.objects.filter(
        email_bevestigd_op__isnull=True, aangemaakt_op__lt=NOMINATIE_ONBEVESTIGD.grens(nu)
    )
    nominaties = Nominatie.objects.filter(aangemaakt_op__lt=NOMINATIE.grens(nu))
    return {
        "initiatief_contact_geanonimiseerd": contact_anonimiseren(verlopen),
        "steun_verwijderd": steun_weg + steun_oud,
        "nominatie_onbevestigd_verwijderd": verwijderen(onbevestigd),
        "nominatie_verwijderd": verwijderen(nominaties),
    }
