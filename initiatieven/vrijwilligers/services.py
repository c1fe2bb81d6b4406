"""Nominations for the volunteer prizes: every write.

The nominator confirms the address through core's one confirmation mechanism (a LinkSoort
and BevestigView); only then does the nomination reach the kernambtenaren of the kern.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen
from kernen.models import Kern

from ..models import Nominatie

BEVESTIG_LINK = LinkSoort(
    naam="nominatie-bevestigen",
    url_naam="initiatieven:nominatie_bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)


def nominatie_indienen(
    *,
    kern: Kern,
    genomineerde: str,
    waarom: str,
    naam: str,
    email: str,
    naam_noemen: bool = False,
) -> Nominatie:
    """Record a nomination and mail the confirmation link to the nominator."""
    nominatie = Nominatie(
        kern=kern,
        genomineerde=genomineerde.strip(),
        waarom=waarom.strip(),
        naam=naam.strip(),
        email=email.strip(),
        naam_noemen=naam_noemen,
        privacy_akkoord_op=timezone.now(),
    )
    nominatie.full_clean()
    with transaction.atomic():
        nominatie.save()
        mail_versturen(
            aan=nominatie.email,
            onderwerp="Bevestig uw voordracht voor een vrijwilligersprijs - Gemeente Buren",
            template="initiatieven/mail/nominatie_bevestigen.txt",
            context={
                "nominatie": nominatie,
                "link": BEVESTIG_LINK.url(nominatie),
                "dagen": BEVESTIG_GELDIG_DAGEN,
            },
        )
    return nominatie


def nominatie_bevestigen(*, nominatie_id: int) -> tuple[Nominatie, bool]:
    """The nominator confirmed: the kernambtenaren of the kern are told. Safe to run twice."""
    with transaction.atomic():
        nominatie = (
            Nominatie.objects.select_for_update().select_related("kern").get(pk=nominatie_id)
        )
        if nominatie.is_bevestigd:
            return nominatie, False
        nominatie.email_bevestigd_op = timezone.now()
        nominatie.save(update_fields=["email_bevestigd_op"])
        url = settings.SITE_URL + reverse("initiatieven:nominaties")
        for aan in sorted(
            e for e in nominatie.kern.kernambtenaren.values_list("email", flat=True) if e
        ):
            mail_versturen(
                aan=aan,
                onderwerp=f"Nieuwe voordracht vrijwilligersprijs in {nominatie.kern.naam}",
                template="initiatieven/mail/nominatie_voor_medewerker.txt",
                context={"nominatie": nominatie, "url": url},
            )
    return nominatie, True
