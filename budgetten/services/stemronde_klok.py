"""What happens to voting rounds on the clock (Celery beat, budgetten.tasks): a round closes
itself after its last voting day and its kernambtenaren are told once; voters who did not
confirm get one reminder. Safe to run twice, by several workers at once."""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import mail_versturen

from .. import regels as r
from .. import selectors
from ..constants import KandidaatStatus, StemrondeFase
from ..models import Stembiljet, Stemronde
from .stemronde import STEM_BEVESTIGEN, stemronde_sluiten_na_einddatum


def stemrondes_automatisch_sluiten(*, vandaag: date | None = None) -> int:
    """Close every open round whose last voting day has passed. Returns how many closed."""
    vandaag = vandaag or timezone.localdate()
    ids = list(
        Stemronde.objects.filter(fase=StemrondeFase.OPEN, stemmen_tot__lt=vandaag).values_list(
            "pk", flat=True
        )
    )
    return sum(stemronde_sluiten_als_verlopen(stemronde_id=pk, vandaag=vandaag) for pk in ids)


@transaction.atomic
def stemronde_sluiten_als_verlopen(*, stemronde_id: int, vandaag: date | None = None) -> bool:
    """One round: re-read under lock (another worker or the kernambtenaar may have closed it
    a moment ago), close it, and mail its kernambtenaren - once, recorded in
    `sluiting_gemeld_op` in the same transaction as the mails."""
    vandaag = vandaag or timezone.localdate()
    ronde = (
        Stemronde.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("kern")
        .filter(pk=stemronde_id, fase=StemrondeFase.OPEN, stemmen_tot__lt=vandaag)
        .first()
    )
    if ronde is None:
        return False
    stemronde_sluiten_na_einddatum(ronde, vandaag=vandaag)
    ronde.sluiting_gemeld_op = timezone.now()
    ronde.save(update_fields=["fase", "gesloten_op", "sluiting_gemeld_op"])
    telling = selectors.stembiljetten_telling(ronde)
    pagina = settings.SITE_URL + reverse(
        "budgetten:stemronde_beheer", kwargs={"stemronde_pk": ronde.pk}
    )
    for ambtenaar in ronde.kern.kernambtenaren.filter(is_active=True).exclude(email=""):
        mail_versturen(
            aan=ambtenaar.email,
            onderwerp=f"Stemronde {ronde.kern.naam} {ronde.jaar} is gesloten",
            template="budgetten/mail/stemronde_gesloten.txt",
            context={
                "naam": ambtenaar.get_full_name() or ambtenaar.get_username(),
                "ronde": ronde,
                "telling": telling,
                "pagina": pagina,
            },
            luid_falen=True,
        )
    return True


def stem_herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """Remind every voter who has not confirmed after HERINNEREN_NA, once, while voting is
    still possible. Returns how many reminders were sent."""
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    ids = list(
        Stembiljet.objects.filter(
            bevestigd_op__isnull=True,
            herinnerd_op__isnull=True,
            geanonimiseerd_op__isnull=True,
            aangemaakt_op__lte=nu - r.HERINNEREN_NA,
            stemronde__fase=StemrondeFase.OPEN,
            stemronde__stemmen_van__lte=vandaag,
            stemronde__stemmen_tot__gte=vandaag,
        )
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    return sum(stem_herinnering_versturen(stembiljet_id=pk, nu=nu) for pk in ids)


@transaction.atomic
def stem_herinnering_versturen(*, stembiljet_id: int, nu: datetime | None = None) -> bool:
    nu = nu or timezone.now()
    biljet = (
        Stembiljet.objects.select_for_update(skip_locked=True)
        .select_related("stemronde__kern")
        .filter(pk=stembiljet_id, bevestigd_op__isnull=True, herinnerd_op__isnull=True)
        .exclude(email="")
        .first()
    )
    if biljet is None or not r.herinnering_nodig(aangemaakt_op=biljet.aangemaakt_op, nu=nu):
        return False
    ronde = biljet.stemronde
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=timezone.localdate(nu),
    ):
        return False
    biljet.herinnerd_op = nu
    biljet.save(update_fields=["herinnerd_op"])
    gekozen = ronde.kandidaten.filter(
        status=KandidaatStatus.TOEGELATEN, pk__in=biljet.voorlopige_keuze
    ).order_by("titel")
    mail_versturen(
        aan=biljet.email,
        onderwerp="Herinnering: bevestig uw stem - Gemeente Buren",
        template="budgetten/mail/stem_herinnering.txt",
        context={"ronde": ronde, "gekozen": list(gekozen), "link": STEM_BEVESTIGEN.url(biljet)},
        luid_falen=True,
    )
    return True
