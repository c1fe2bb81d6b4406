"""Steun: residents support a published initiative with their e-mail address.

A support counts once the address is confirmed through the link in the mail; there is one
per address per initiative (a database constraint, so two clicks at once make one row); the
same mail holds the personal link to withdraw it. Nothing here says whether an address
already supports an initiative: every request gets the same answer and a mail.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen

from .. import selectors
from ..models import Steun

STEUN_BEVESTIG_LINK = LinkSoort(
    naam="steun-bevestigen",
    url_naam="initiatieven:steun_bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)
# The link to withdraw a support; it lives as long as every personal link.
STEUN_LINK = LinkSoort(naam="steun", url_naam="initiatieven:steun_mijn")


def _normaal(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise Weigering({"email": "Vul een geldig e-mailadres in."}) from exc
    return email


def steun_geven(*, initiatief_id: int, email: str) -> Steun:
    """Record a support (unconfirmed) and mail the confirmation link. For an address that
    already supports it, the mail says so and holds the link to withdraw."""
    email = _normaal(email)
    initiatief = selectors.steunbaar_initiatief(pk=initiatief_id)
    if initiatief is None:
        raise Weigering("Dit initiatief kunt u niet (meer) steunen.")
    with transaction.atomic():
        steun = Steun.objects.filter(initiatief=initiatief, email=email).first()
        if steun is None:
            try:
                with transaction.atomic():
                    steun = Steun(initiatief=initiatief, email=email)
                    steun.full_clean(validate_constraints=False)
                    steun.save()
            except IntegrityError:
                # A parallel request for the same address won: that row counts.
                steun = Steun.objects.get(initiatief=initiatief, email=email)
        mail_versturen(
            aan=email,
            onderwerp="Uw steun voor een initiatief - Gemeente Buren",
            template="initiatieven/mail/steun_bevestigen.txt",
            context={
                "initiatief": initiatief,
                "al_bevestigd": steun.email_bevestigd_op is not None,
                "link": STEUN_BEVESTIG_LINK.url(steun),
                "intrekken": STEUN_LINK.url(steun),
            },
        )
    return steun


def steun_bevestigen(*, steun_id: int) -> Steun:
    """The resident confirmed: now the support counts. Safe to run twice."""
    with transaction.atomic():
        steun = Steun.objects.select_for_update().get(pk=steun_id)
        if steun.email_bevestigd_op is None:
            steun.email_bevestigd_op = timezone.now()
            steun.save(update_fields=["email_bevestigd_op"])
    return steun


def steun_intrekken(*, steun_id: int) -> None:
    """Withdraw through the personal link: the row (and the address) is deleted."""
    with transaction.atomic():
        Steun.objects.filter(pk=steun_id).delete()
