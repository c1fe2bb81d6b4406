"""How long the portal keeps personal data, and the daily task that keeps to it (AVG).

Each app that holds residents' personal data has a module `privacy.py` with
- `BEWAARTERMIJNEN: list[Bewaartermijn]`: what it keeps and for how long (shown, in this
  order, in the privacy statement), and
- `opruimen(*, nu) -> dict[str, int]`: anonymise or delete what is past its term; safe to run
  twice (a second run finds nothing).
The number of days of every term can be set in settings.BEWAARTERMIJNEN (by `sleutel`).
This module is core's own `privacy.py` as well: the mails the portal sent.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .discovery import app_modules

VERWIJDERD = "(verwijderd)"


@dataclass(frozen=True)
class Bewaartermijn:
    sleutel: str
    wat: str
    standaard_dagen: int
    na: str  # "na het afronden van het initiatief"
    dan: str  # "geanonimiseerd", "verwijderd", "geleegd"

    @property
    def dagen(self) -> int:
        return int(getattr(settings, "BEWAARTERMIJNEN", {}).get(self.sleutel, self.standaard_dagen))

    def grens(self, nu: datetime) -> datetime:
        return nu - timedelta(days=self.dagen)

    @property
    def termijn_tekst(self) -> str:
        dagen = self.dagen
        if dagen % 365 == 0 and dagen >= 365:
            jaren = dagen // 365
            return f"{jaren} jaar" if jaren > 1 else "1 jaar"
        if dagen % 30 == 0 and dagen >= 60:
            return f"{dagen // 30} maanden"
        if dagen % 7 == 0 and dagen >= 14:
            return f"{dagen // 7} weken"
        return f"{dagen} dagen" if dagen != 1 else "1 dag"


def alle_termijnen() -> list[Bewaartermijn]:
    return [t for module in app_modules("privacy") for t in module.BEWAARTERMIJNEN]


def alles_opruimen(*, nu: datetime | None = None) -> dict[str, int]:
    """Run every app's clean-up at `nu` (default: now); returns what each did."""
    nu = nu or timezone.now()
    resultaat: dict[str, int] = {}
    for module in app_modules("privacy"):
        with transaction.atomic():
            resultaat.update(module.opruimen(nu=nu))
    return resultaat


def verwijderen(queryset: models.QuerySet) -> int:
    """Delete every object in `queryset` (with what cascades); returns how many of them."""
    _totaal, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)


def contact_anonimiseren(queryset: models.QuerySet, *, extra: dict | None = None) -> int:
    """Blank the InwonerContact fields (and their history rows) of every object in
    `queryset` that still has them. Returns how many objects changed."""
    model = queryset.model
    ids = list(queryset.exclude(naam=VERWIJDERD).values_list("pk", flat=True))
    if not ids:
        return 0
    leeg = {"naam": VERWIJDERD, "email": "", "telefoon": "", **(extra or {})}
    model.objects.filter(pk__in=ids).update(**leeg)
    historie = getattr(model, "history", None)
    if historie is not None:
        velden = {f.name for f in historie.model._meta.fields}
        historie.filter(id__in=ids).update(**{k: v for k, v in leeg.items() if k in velden})
    return len(ids)


# --- core's own personal data: the mails ------------------------------------------------

MAIL_TEKST = Bewaartermijn(
    sleutel="mail_tekst",
    wat="De tekst van e-mails die het portaal u stuurde (met uw persoonlijke link)",
    standaard_dagen=28,
    na="na het versturen",
    dan="geleegd; alleen aan wie, wanneer en het onderwerp blijven bewaard",
)
MAIL_ADRES = Bewaartermijn(
    sleutel="mail_adres",
    wat="Aan wie een e-mail ging en het onderwerp",
    standaard_dagen=365,
    na="na het versturen",
    dan="verwijderd",
)
PRIVACYVERZOEK = Bewaartermijn(
    sleutel="privacyverzoek",
    wat="Uw verzoek om uw gegevens in te zien, als u niet om verwijdering vroeg",
    standaard_dagen=30,
    na="na het verzoek",
    dan="verwijderd (een afgehandeld verwijderverzoek bewaart alleen wie het wanneer deed)",
)
BEWAARTERMIJNEN = [MAIL_TEKST, MAIL_ADRES, PRIVACYVERZOEK]


def opruimen(*, nu: datetime) -> dict[str, int]:
    from .models import Mailbericht, MailStatus, Privacyverzoek

    klaar = Mailbericht.objects.exclude(status=MailStatus.IN_WACHTRIJ)
    geleegd = (
        klaar.filter(aangemaakt_op__lt=MAIL_TEKST.grens(nu))
        .exclude(tekst="", bijlagen=[])
        .update(tekst="", bijlagen=[])
    )
    verwijderd, _ = klaar.filter(aangemaakt_op__lt=MAIL_ADRES.grens(nu)).delete()
    inzage = verwijderen(
        Privacyverzoek.objects.filter(
            verwijderen_gevraagd_op__isnull=True, aangevraagd_op__lt=PRIVACYVERZOEK.grens(nu)
        )
    )
    return {
        "mail_tekst_geleegd": geleegd,
        "mail_verwijderd": verwijderd,
        "privacyverzoek_verwijderd": inzage,
    }
