"""Every write for following a kern: subscribe, confirm, unsubscribe, the weekly digest.

The digest is sent once per subscription and period however often or concurrently the task
runs: like the question reminders (vragen/herinneringen.py) the run first INSERTs a
Digestverzending per subscription with news, ON CONFLICT DO NOTHING on the unique
(abonnement, periode), stamped with this run's `ronde`; only the rows it inserted itself are
mailed, in the same transaction. A subscription without news gets no row and no mail.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen
from kernen.models import Kern

from . import rules, selectors
from .models import Abonnement, Digestverzending

BEVESTIG_LINK = LinkSoort(
    naam="volgen-bevestigen", url_naam="volgen:bevestigen", geldig_dagen=BEVESTIG_GELDIG_DAGEN
)
# The unsubscribe link of an old mail keeps working for a good while: a fresh one comes with
# every weekly mail, and unsubscribing must never fail on an expired link.
AFMELD_GELDIG_DAGEN = 400
AFMELD_LINK = LinkSoort(
    naam="volgen-afmelden", url_naam="volgen:afmelden", geldig_dagen=AFMELD_GELDIG_DAGEN
)


def afmeld_headers(abonnement: Abonnement) -> dict[str, str]:
    """RFC 2369 / RFC 8058: mail programs offer their own one-click unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{AFMELD_LINK.url(abonnement)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def abonnement_aanmelden(*, kern: Kern, email: str) -> Abonnement:
    """Record a wish to follow `kern` and mail the confirmation link.

    Asking again for an unconfirmed subscription sends the link again; for a confirmed one it
    sends a short note with the unsubscribe link. The page says the same in every case, so it
    never tells whether an address is known.
    """
    email = email.strip().lower()
    with transaction.atomic():
        abonnement = (
            Abonnement.objects.lopend().select_for_update().filter(kern=kern, email=email).first()
        )
        if abonnement is None:
            try:
                with transaction.atomic():
                    abonnement = Abonnement(kern=kern, email=email)
                    abonnement.full_clean()
                    abonnement.save()
            except IntegrityError:
                # A second request for the same address won the race: that one counts.
                abonnement = Abonnement.objects.lopend().get(kern=kern, email=email)
        if abonnement.is_bevestigd:
            mail_versturen(
                aan=email,
                onderwerp=_("U volgt %(kern)s al - Gemeente Buren") % {"kern": kern.naam},
                template="volgen/mail/al_aangemeld.txt",
                context={"abonnement": abonnement, "afmelden": AFMELD_LINK.url(abonnement)},
                headers=afmeld_headers(abonnement),
            )
        else:
            mail_versturen(
                aan=email,
                onderwerp=_("Bevestig dat u %(kern)s wilt volgen - Gemeente Buren")
                % {"kern": kern.naam},
                template="volgen/mail/bevestigen.txt",
                context={
                    "abonnement": abonnement,
                    "link": BEVESTIG_LINK.url(abonnement),
                    "dagen": BEVESTIG_GELDIG_DAGEN,
                },
            )
    return abonnement


def abonnement_bevestigen(*, abonnement_id: int) -> tuple[Abonnement, bool]:
    """Double opt-in: from now on the weekly mail comes. Safe to run twice."""
    with transaction.atomic():
        abonnement = (
            Abonnement.objects.select_for_update().select_related("kern").get(pk=abonnement_id)
        )
        if abonnement.is_bevestigd or abonnement.is_opgezegd:
            return abonnement, False
        abonnement.email_bevestigd_op = timezone.now()
        abonnement.save(update_fields=["email_bevestigd_op"])
    return abonnement, True


def abonnement_opzeggen(*, abonnement_id: int) -> tuple[Abonnement, bool]:
    """Unsubscribe: no more mail from now on. Safe to run twice (one click, no login)."""
    with transaction.atomic():
        abonnement = (
            Abonnement.objects.select_for_update().select_related("kern").get(pk=abonnement_id)
        )
        if abonnement.is_opgezegd:
            return abonnement, False
        abonnement.opgezegd_op = timezone.now()
        abonnement.save(update_fields=["opgezegd_op"])
    return abonnement, True


@dataclass
class DigestResultaat:
    periode: date
    ronde: uuid.UUID
    mails: int = 0


def weekmails_versturen(*, nu: datetime | None = None) -> DigestResultaat:
    """The periodic task's work: the digest of the last finished week to every subscriber
    whose kern has news. Safe to run any number of times, also at the same moment."""
    nu = nu or timezone.now()
    periode = rules.te_versturen_periode(nu)
    begin, eind = rules.periode_grenzen(periode)
    resultaat = DigestResultaat(periode=periode, ronde=uuid.uuid4())
    with transaction.atomic():
        kandidaten = selectors.kandidaten(periode_eind=eind)
        items = selectors.nieuw_per_kern(
            kern_ids={kern_id for _pk, kern_id in kandidaten}, begin=begin, eind=eind
        )
        # Sorted by subscription: two concurrent runs take the unique index in one order and
        # wait for each other instead of deadlocking.
        Digestverzending.objects.bulk_create(
            [
                Digestverzending(
                    abonnement_id=pk,
                    periode=periode,
                    ronde=resultaat.ronde,
                    aantal=len(items[kern_id]),
                    aangemaakt_op=nu,
                )
                for pk, kern_id in kandidaten
                if items.get(kern_id)
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        nieuw = list(
            Digestverzending.objects.filter(ronde=resultaat.ronde)
            .select_related("abonnement__kern")
            .order_by("abonnement_id")
        )
        for verzending in nieuw:
            abonnement = verzending.abonnement
            verzending.mailbericht = mail_versturen(
                luid_falen=True,  # a periodic run that cannot queue must fail loudly
                aan=abonnement.email,
                onderwerp=_("Nieuws uit %(kern)s: week van %(datum)s")
                % {"kern": abonnement.kern.naam, "datum": f"{periode:%d-%m-%Y}"},
                template="volgen/mail/weekmail.txt",
                context={
                    "abonnement": abonnement,
                    "items": items[abonnement.kern_id],
                    "periode": periode,
                    "afmelden": AFMELD_LINK.url(abonnement),
                },
                headers=afmeld_headers(abonnement),
            )
        Digestverzending.objects.bulk_update(nieuw, ["mailbericht"], batch_size=1000)
        resultaat.mails = len(nieuw)
    return resultaat
