"""Writes about staff: the invitation to set up a second factor, and the setup itself.

The flow (accounts.tweede_factor explains why the admin shows no secrets):
functioneel beheer sends an invitation (`tweede_factor_uitnodigen`); the medewerker gets a
personal link by mail, valid for TWEEDE_FACTOR_GELDIG_DAGEN and signed by core.links. The
link carries the medewerker's `link_versie`, which the invitation raised: an older link
stops working at once. Once the password on the setup page was right (accounts.views), the
page makes (or reuses) one unconfirmed authenticator app for the medewerker, so its key
lives in the database and never in a cookie or URL, and `tweede_factor_instellen` confirms
it once a first code was right; that raises the version again, so the link works once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.fouten import Weigering
from core.links import LinkOngeldig, lees_token, maak_token
from core.mail import mail_versturen
from core.models import Mailbericht

from .models import Medewerker

LINK_SOORT = "tweede-factor-instellen"
TWEEDE_FACTOR_GELDIG_DAGEN = 3
# The name of the device the setup page makes; a confirmed one keeps it.
NIEUW_APPARAAT = "authenticator-app"
ONDERWERP = "Stel uw authenticator-app in voor Kerngericht werken"


@dataclass(frozen=True)
class Uitnodiging:
    medewerker: Medewerker
    versie: int


def tweede_factor_uitnodigen(
    *, medewerker: Medewerker, door: Medewerker | None = None
) -> Mailbericht:
    """Mail the medewerker a new setup link; every older link stops working.

    A device someone began to set up with an older link is removed too: its key may have
    been seen on a screen the new link is meant to replace. Refused (Weigering) for an
    inactive account, one without an e-mail address, and a superuser's account when `door`,
    who sends it, is not a superuser."""
    with transaction.atomic():
        medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
        if medewerker.is_superuser and door is not None and not door.is_superuser:
            raise Weigering(
                _("%(naam)s is superuser: alleen een superuser kan die uitnodigen.")
                % {"naam": medewerker}
            )
        if not medewerker.is_active:
            raise Weigering(
                _("%(naam)s is niet actief: geen uitnodiging verstuurd.") % {"naam": medewerker}
            )
        if not medewerker.email:
            raise Weigering(
                _("%(naam)s heeft geen e-mailadres: geen uitnodiging verstuurd.")
                % {"naam": medewerker}
            )
        medewerker.link_versie += 1
        medewerker.save(update_fields=["link_versie"])
        TOTPDevice.objects.filter(user=medewerker, confirmed=False).delete()
        token = maak_token(soort=LINK_SOORT, pk=medewerker.pk, versie=medewerker.link_versie)
        url = settings.SITE_URL + reverse(
            "accounts:tweede_factor_instellen", kwargs={"token": token}
        )
        return mail_versturen(
            aan=medewerker.email,
            onderwerp=ONDERWERP,
            template="accounts/mail/tweede_factor_uitnodiging.txt",
            context={
                "medewerker": medewerker,
                "url": url,
                "geldig_dagen": TWEEDE_FACTOR_GELDIG_DAGEN,
            },
        )


def uitnodiging_lezen(*, token: str) -> Uitnodiging:
    """The invitation behind a link, or LinkOngeldig / LinkVerlopen.

    Only the version of the latest invitation counts (not the next one, as for inwoners in
    core.links.haal_object): a link here is single-use and a new one revokes the old."""
    inhoud = lees_token(token, soort=LINK_SOORT, max_age_days=TWEEDE_FACTOR_GELDIG_DAGEN)
    medewerker = Medewerker.objects.filter(pk=inhoud.pk, is_active=True).first()
    if medewerker is None or medewerker.link_versie != inhoud.versie:
        raise LinkOngeldig
    return Uitnodiging(medewerker=medewerker, versie=inhoud.versie)


def nieuw_apparaat(*, medewerker: Medewerker) -> TOTPDevice:
    """The unconfirmed authenticator app being set up: the same one on every reload, so the
    key the app scanned stays the key that is checked."""
    with transaction.atomic():
        Medewerker.objects.select_for_update().filter(pk=medewerker.pk).first()
        apparaat = (
            TOTPDevice.objects.filter(user=medewerker, confirmed=False, name=NIEUW_APPARAAT)
            .order_by("pk")
            .first()
        )
        if apparaat is None:
            apparaat = TOTPDevice.objects.create(
                user=medewerker, name=NIEUW_APPARAAT, confirmed=False
            )
        return apparaat


def tweede_factor_instellen(*, uitnodiging: Uitnodiging, apparaat: TOTPDevice) -> TOTPDevice:
    """Confirm the new app, remove the medewerker's other apps and use the link up.

    Under the medewerker's row lock, with the version checked again: two tabs posting the
    same link at once set up one app, the second gets LinkOngeldig."""
    with transaction.atomic():
        medewerker = Medewerker.objects.select_for_update().get(pk=uitnodiging.medewerker.pk)
        if medewerker.link_versie != uitnodiging.versie or apparaat.user_id != medewerker.pk:
            raise LinkOngeldig
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=medewerker).exclude(pk=apparaat.pk).delete()
        medewerker.link_versie += 1
        medewerker.save(update_fields=["link_versie"])
    return apparaat
