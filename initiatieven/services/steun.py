"""Steun: residents support a published initiative (or a voting candidate) with their e-mail
address.

A support counts once the address is confirmed through the link in the mail; there is one
per address per item (a database constraint, so two clicks at once make one row); the same
mail holds the personal link to withdraw it. Nothing here says whether an address already
supports an item: every request gets the same answer and a mail.

The mechanism is one (`SteunSoort` and the three `steun_*_van` functions); each kind of
item declares its SteunSoort once: an initiative here, a voting candidate in
budgetten.services.stemronde_steun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen

from .. import selectors
from ..models import Steun, SteunBasis

# What the page says after any support is given: the same whether or not the address already
# supports the item, so the answer tells nobody who supports what.
STEUN_ONTVANGEN = _(
    "Dank u wel. Wij hebben u een e-mail gestuurd. Bevestig uw steun via de link in die "
    "e-mail; pas dan telt hij mee."
)


@dataclass(frozen=True)
class SteunSoort:
    """One kind of support: its model (a SteunBasis), the field naming the supported item,
    the two links of its mail (confirm, withdraw) and the mail's subject."""

    model: type[SteunBasis]
    doel_veld: str
    bevestig_link: LinkSoort
    intrek_link: LinkSoort
    onderwerp: str


STEUN_BEVESTIG_LINK = LinkSoort(
    naam="steun-bevestigen",
    url_naam="initiatieven:steun_bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)
# The link to withdraw a support; it lives as long as every personal link.
STEUN_LINK = LinkSoort(naam="steun", url_naam="initiatieven:steun_mijn")

INITIATIEF_STEUN = SteunSoort(
    model=Steun,
    doel_veld="initiatief",
    bevestig_link=STEUN_BEVESTIG_LINK,
    intrek_link=STEUN_LINK,
    onderwerp="Uw steun voor een initiatief - Gemeente Buren",
)


def _normaal(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise Weigering({"email": "Vul een geldig e-mailadres in."}) from exc
    return email


def steun_geven_van(
    soort: SteunSoort, *, doel: models.Model, email: str, titel: str, kern_naam: str
) -> SteunBasis:
    """Record a support of `doel` (unconfirmed) and mail the confirmation link. For an
    address that already supports it, the mail says so and holds the link to withdraw.
    Whether `doel` may be supported now is the caller's check."""
    email = _normaal(email)
    model = soort.model
    velden = {soort.doel_veld: doel, "email": email}
    with transaction.atomic():
        steun = model._default_manager.filter(**velden).first()
        if steun is None:
            try:
                with transaction.atomic():
                    steun = model(**velden)
                    steun.full_clean(validate_constraints=False)
                    steun.save()
            except IntegrityError:
                # A parallel request for the same address won: that row counts.
                steun = model._default_manager.get(**velden)
        mail_versturen(
            aan=email,
            onderwerp=soort.onderwerp,
            template="initiatieven/mail/steun_bevestigen.txt",
            context={
                "titel": titel,
                "kern_naam": kern_naam,
                "al_bevestigd": steun.email_bevestigd_op is not None,
                "link": soort.bevestig_link.url(steun),
                "intrekken": soort.intrek_link.url(steun),
            },
        )
    return steun


def steun_bevestigen_van(soort: SteunSoort, *, steun_id: int) -> SteunBasis:
    """The resident confirmed: now the support counts. Safe to run twice."""
    with transaction.atomic():
        steun = soort.model._default_manager.select_for_update().get(pk=steun_id)
        if steun.email_bevestigd_op is None:
            steun.email_bevestigd_op = timezone.now()
            steun.save(update_fields=["email_bevestigd_op"])
    return steun


def steun_intrekken_van(soort: SteunSoort, *, steun_id: int) -> None:
    """Withdraw through the personal link: the row (and the address) is deleted."""
    with transaction.atomic():
        soort.model._default_manager.filter(pk=steun_id).delete()


# --- support for an initiative ------------------------------------------------------------


def steun_geven(*, initiatief_id: int, email: str) -> Steun:
    """Support a published initiative (see steun_geven_van)."""
    email = _normaal(email)
    initiatief = selectors.steunbaar_initiatief(pk=initiatief_id)
    if initiatief is None:
        raise Weigering("Dit initiatief kunt u niet (meer) steunen.")
    steun = steun_geven_van(
        INITIATIEF_STEUN,
        doel=initiatief,
        email=email,
        titel=initiatief.titel,
        kern_naam=initiatief.kern.naam,
    )
    return cast(Steun, steun)


def steun_bevestigen(*, steun_id: int) -> Steun:
    steun = steun_bevestigen_van(INITIATIEF_STEUN, steun_id=steun_id)
    return cast(Steun, steun)


def steun_intrekken(*, steun_id: int) -> None:
    steun_intrekken_van(INITIATIEF_STEUN, steun_id=steun_id)
