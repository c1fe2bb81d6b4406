"""Retention of the addresses of residents who follow a kern (core.privacy)."""

from datetime import datetime

from core.privacy import Bewaartermijn, verwijderen

from .models import Abonnement

ONBEVESTIGD = Bewaartermijn(
    sleutel="volgen_onbevestigd",
    wat="Uw e-mailadres als u zich aanmeldde om een kern te volgen en dat niet bevestigde",
    standaard_dagen=7,
    na="na het aanmelden",
    dan="verwijderd",
)
OPGEZEGD = Bewaartermijn(
    sleutel="volgen_opgezegd",
    wat="Uw e-mailadres nadat u zich afmeldde voor de wekelijkse e-mail van een kern",
    standaard_dagen=1,
    na="na het afmelden",
    dan="verwijderd, met de lijst van e-mails die u kreeg",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, OPGEZEGD]


def opruimen(*, nu: datetime) -> dict[str, int]:
    onbevestigd = Abonnement.objects.lopend().filter(
        email_bevestigd_op__isnull=True, aangemaakt_op__lt=ONBEVESTIGD.grens(nu)
    )
    opgezegd = Abonnement.objects.filter(opgezegd_op__lt=OPGEZEGD.grens(nu))
    return {
        "volgen_onbevestigd_verwijderd": verwijderen(onbevestigd),
        "volgen_opgezegd_verwijderd": verwijderen(opgezegd),
    }
