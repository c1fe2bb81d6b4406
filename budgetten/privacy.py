"""Retention of residents' data in applications and ballots (core.privacy).

Amounts and decisions stay (the municipality's financial records); the applicant's contact
details go. Confirmed ballots are anonymised by their own task 30 days after the division."""

from datetime import datetime

from django.db.models.functions import Coalesce

from core.privacy import Bewaartermijn, contact_anonimiseren, verwijderen

from .constants import AanvraagStatus
from .models import Aanvraag, KandidaatSteun, Stembiljet

ONBEVESTIGD = Bewaartermijn(
    sleutel="aanvraag_onbevestigd",
    wat="Een aanvraag of stem die u niet per e-mail bevestigde",
    standaard_dagen=7,
    na="na het indienen",
    dan="verwijderd",
)
CONTACT = Bewaartermijn(
    sleutel="aanvraag_contact",
    wat="Uw naam, e-mailadres en telefoonnummer bij een aanvraag",
    standaard_dagen=2 * 365,
    na="na het besluit (afgewezen of ingetrokken) of het afrekenen",
    dan="geanonimiseerd (bedragen en besluit blijven bewaard)",
)
KANDIDAAT_STEUN = Bewaartermijn(
    sleutel="kandidaat_steun",
    wat="Uw e-mailadres bij uw steun voor een initiatief in een stemronde",
    standaard_dagen=30,
    na="na het verdelen van het budget (niet bevestigd: 7 dagen na het invullen)",
    dan="verwijderd (de uitslag blijft)",
)
BEWAARTERMIJNEN = [ONBEVESTIGD, CONTACT, KANDIDAAT_STEUN]
GESLOTEN = (AanvraagStatus.AFGEWEZEN, AanvraagStatus.INGETROKKEN, AanvraagStatus.VASTGESTELD)


def opruimen(*, nu: datetime) -> dict[str, int]:
    grens = ONBEVESTIGD.grens(nu)
    aanvragen = verwijderen(
        Aanvraag.objects.filter(status=AanvraagStatus.ONBEVESTIGD, ingediend_op__lt=grens)
    )
    biljetten = verwijderen(
        Stembiljet.objects.filter(bevestigd_op__isnull=True, aangemaakt_op__lt=grens)
    )
    steun = verwijderen(
        KandidaatSteun.objects.filter(email_bevestigd_op__isnull=True, aangemaakt_op__lt=grens)
    ) + verwijderen(
        KandidaatSteun.objects.filter(
            kandidaat__stemronde__verdeeld_op__lt=KANDIDAAT_STEUN.grens(nu)
        )
    )
    gesloten = Aanvraag.objects.annotate(klaar_op=Coalesce("besluit_op", "ingediend_op")).filter(
        status__in=GESLOTEN, klaar_op__lt=CONTACT.grens(nu)
    )
    return {
        "aanvraag_onbevestigd_verwijderd": aanvragen,
        "stembiljet_onbevestigd_verwijderd": biljetten,
        "kandidaat_steun_verwijderd": steun,
        "aanvraag_contact_geanonimiseerd": contact_anonimiseren(gesloten),
    }
