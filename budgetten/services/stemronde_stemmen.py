"""Ballots of the residents' voting round: online (confirmed by mail) and on paper.

docs/decisions/0008-leefbaarheid-stemronde.md. Every ballot is checked under the round's row
lock (`vergrendel_stemronde`), so two ballots for one address cannot both pass the check; the
unique constraints on Stembiljet back it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN
from core.mail import mail_versturen
from kernen import selectors as kernen_selectors

from .. import regels as r
from .. import selectors
from ..constants import KandidaatStatus
from ..models import Kandidaat, Stembiljet, Stemronde
from ._gedeeld import fout
from .stemronde import STEM_BEVESTIGEN, vergrendel_stemronde

AL_GESTEMD_ADRES = (
    "Voor dit adres is in deze stemronde al gestemd. Per adres telt één stem. "
    "Uw stem is niet opgeslagen en de eerdere stem blijft zoals hij was."
)
AL_GESTEMD_EMAIL = (
    "Met dit e-mailadres is in deze stemronde al gestemd. Per e-mailadres telt één stem. "
    "Uw stem is niet opgeslagen en de eerdere stem blijft zoals hij was. Nog niet bevestigd? "
    "Gebruik de link in de e-mail die u kreeg."
)


@dataclass(frozen=True)
class Adres:
    postcode: str
    huisnummer: int
    toevoeging: str

    @property
    def sleutel(self) -> str:
        return r.adres_sleutel(
            postcode=self.postcode, huisnummer=self.huisnummer, toevoeging=self.toevoeging
        )


def _kan_stemmen(ronde: Stemronde, vandaag: date) -> None:
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        raise fout("kandidaten", "Stemmen kan nu niet in deze stemronde.")


def _gekozen(ronde: Stemronde, kandidaat_ids: list[int]) -> tuple[list[int], list[Kandidaat]]:
    keuze = sorted(set(kandidaat_ids))
    if not keuze:
        raise fout("kandidaten", "Kies ten minste één initiatief dat u steunt.")
    gekozen = list(
        ronde.kandidaten.filter(status=KandidaatStatus.TOEGELATEN, pk__in=keuze).order_by("titel")
    )
    if len(gekozen) != len(keuze):
        raise fout("kandidaten", "Kies alleen initiatieven uit de lijst.")
    return keuze, gekozen


def _adres(ronde: Stemronde, *, postcode: str, huisnummer: int | None, toevoeging: str) -> Adres:
    """The normalised address, refused unless it lies in the kern's postcode ranges."""
    pc = kernen_selectors.postcode_normaliseren(postcode)
    toev = r.toevoeging_normaliseren(toevoeging)
    bevindingen = r.controleer_adres(
        postcode=pc,
        huisnummer=huisnummer,
        toevoeging=toev,
        in_kern=bool(pc) and kernen_selectors.postcode_in_kern(kern=ronde.kern, postcode=pc),
        kern_naam=ronde.kern.naam,
    )
    if bevindingen or huisnummer is None:
        raise Weigering(bevindingen)
    return Adres(pc, huisnummer, toev)


def _controleer_uniek(ronde: Stemronde, *, email: str, adres: Adres) -> str | None:
    """The adres_sleutel to store (None when the round counts per person). Refuses a second
    ballot for the same email address, or for the same address in a round per address."""
    sleutel = adres.sleutel if ronde.per_adres else None
    botsing = selectors.stembiljet_bestaat(
        stemronde_id=ronde.pk, email=email, adres_sleutel=sleutel or ""
    )
    if botsing == "email":
        raise fout("email", AL_GESTEMD_EMAIL)
    if botsing == "adres":
        raise fout("huisnummer", AL_GESTEMD_ADRES)
    return sleutel


def _opslaan(biljet: Stembiljet, *, email: str) -> None:
    """Save a new ballot. The round lock makes the check above exact; the constraints are the
    backstop should anything write ballots without it."""
    # A paper ballot has no waiting choice; the constraints are checked by the save below.
    biljet.full_clean(exclude=["voorlopige_keuze"], validate_constraints=False)
    try:
        with transaction.atomic():
            biljet.save()
    except IntegrityError as exc:
        if "een_stembiljet_per_email_per_ronde" in str(exc):
            raise fout("email", AL_GESTEMD_EMAIL) from exc
        raise fout("huisnummer", AL_GESTEMD_ADRES) from exc


@transaction.atomic
def stem_uitbrengen(
    *,
    stemronde_id: int,
    email: str,
    kandidaat_ids: list[int],
    postcode: str,
    huisnummer: int | None,
    toevoeging: str = "",
    vandaag: date | None = None,
) -> Stembiljet:
    """Record a vote that waits for confirmation and mail the link.

    The address must lie in the kern's postcode ranges. One ballot per email address per
    round, and one per address when the round counts per address. A second ballot replaces
    nothing: it is refused, and the first ballot stays as it was."""
    vandaag = vandaag or timezone.localdate()
    ronde = vergrendel_stemronde(stemronde_id)
    _kan_stemmen(ronde, vandaag)
    keuze, gekozen = _gekozen(ronde, kandidaat_ids)
    adres = _adres(ronde, postcode=postcode, huisnummer=huisnummer, toevoeging=toevoeging)
    email = email.strip().lower()
    if not email:
        raise fout("email", "Vul uw e-mailadres in.")
    sleutel = _controleer_uniek(ronde, email=email, adres=adres)
    biljet = Stembiljet(
        stemronde=ronde,
        email=email,
        postcode=adres.postcode,
        huisnummer=adres.huisnummer,
        toevoeging=adres.toevoeging,
        adres_sleutel=sleutel,
        voorlopige_keuze=keuze,
    )
    _opslaan(biljet, email=email)
    mail_versturen(
        aan=email,
        onderwerp="Bevestig uw stem - Gemeente Buren",
        template="budgetten/mail/stem_bevestigen.txt",
        context={
            "ronde": ronde,
            "gekozen": gekozen,
            "link": STEM_BEVESTIGEN.url(biljet),
            "geldig_dagen": BEVESTIG_GELDIG_DAGEN,
        },
    )
    return biljet


@transaction.atomic
def papieren_stem_invoeren(
    *,
    stemronde_id: int,
    door,
    kandidaat_ids: list[int],
    postcode: str,
    huisnummer: int | None,
    toevoeging: str = "",
    vandaag: date | None = None,
) -> Stembiljet:
    """A member of staff enters a paper ballot (a resident without email). The same rules as
    online - open round, address in the kern, one ballot per address - and it counts at once;
    the ballot records who entered it. Permission (kernambtenaar of the kern) is the view's."""
    vandaag = vandaag or timezone.localdate()
    ronde = vergrendel_stemronde(stemronde_id)
    _kan_stemmen(ronde, vandaag)
    _keuze, gekozen = _gekozen(ronde, kandidaat_ids)
    adres = _adres(ronde, postcode=postcode, huisnummer=huisnummer, toevoeging=toevoeging)
    # A paper ballot has no email, so in a round per person the address is all there is to
    # check: a second paper ballot for the same address is refused there too.
    sleutel = adres.sleutel
    if selectors.stembiljet_bestaat(stemronde_id=ronde.pk, adres_sleutel=sleutel) or (
        not ronde.per_adres
        and Stembiljet.objects.filter(
            stemronde=ronde,
            ingevoerd_door__isnull=False,
            geannuleerd_op__isnull=True,
            postcode=adres.postcode,
            huisnummer=adres.huisnummer,
            toevoeging=adres.toevoeging,
        ).exists()
    ):
        raise fout("huisnummer", AL_GESTEMD_ADRES)
    biljet = Stembiljet(
        stemronde=ronde,
        email="",
        postcode=adres.postcode,
        huisnummer=adres.huisnummer,
        toevoeging=adres.toevoeging,
        adres_sleutel=sleutel if ronde.per_adres else None,
        ingevoerd_door=door,
        bevestigd_op=timezone.now(),
    )
    _opslaan(biljet, email="")
    biljet.steunt.set(gekozen)
    return biljet


@transaction.atomic
def stem_bevestigen(*, stembiljet_id: int, vandaag: date | None = None) -> Stembiljet:
    """The voter clicked the link: the waiting choice becomes the counted one. Only while
    the round is open; safe to click twice."""
    vandaag = vandaag or timezone.localdate()
    ronde_id = Stembiljet.objects.values_list("stemronde_id", flat=True).get(pk=stembiljet_id)
    ronde = vergrendel_stemronde(ronde_id)
    biljet = Stembiljet.objects.select_for_update().get(pk=stembiljet_id)
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        raise fout("stem", "Stemmen is gesloten. Uw stem telt niet mee.")
    if not biljet.voorlopige_keuze:
        return biljet
    biljet.steunt.set(
        ronde.kandidaten.filter(status=KandidaatStatus.TOEGELATEN, pk__in=biljet.voorlopige_keuze)
    )
    biljet.voorlopige_keuze = []
    biljet.bevestigd_op = timezone.now()
    biljet.save(update_fields=["voorlopige_keuze", "bevestigd_op"])
    return biljet


@transaction.atomic
def papieren_stem_annuleren(
    *, stembiljet_id: int, door, reden: str, vandaag: date | None = None
) -> Stembiljet:
    """Annul a disputed paper ballot: it stops counting at once, and stays (never deleted
    while the round is open) with who annulled it, when and why - the audit of the round.

    Only paper ballots (an online ballot is the resident's own, confirmed by mail), only
    while residents can vote (after closing the count is what the division uses), and a
    reason is required. Irreversible: an annulled ballot is not restored. The address is
    freed (adres_sleutel cleared, postcode and number kept for the audit), so the correct
    ballot can be entered or the resident can vote online. Permission (kernambtenaar of
    the round's kern) is the view's."""
    vandaag = vandaag or timezone.localdate()
    ronde_id = Stembiljet.objects.values_list("stemronde_id", flat=True).get(pk=stembiljet_id)
    ronde = vergrendel_stemronde(ronde_id)
    biljet = Stembiljet.objects.select_for_update().get(pk=stembiljet_id)
    if not door.has_perm("budgetten.beheer_stemronde", ronde):
        # The view refuses first; this keeps the rule true for any other caller.
        raise fout("reden", "Alleen de kernambtenaar van deze kern annuleert hier een stem.")
    if not biljet.is_papier:
        raise fout("reden", "Alleen een papieren stem kunt u annuleren.")
    if biljet.is_geannuleerd:
        raise fout("reden", "Deze papieren stem is al geannuleerd.")
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        raise fout(
            "reden",
            "Een papieren stem annuleert u alleen zolang het stemmen open is. "
            "Na het sluiten telt de uitslag zoals hij is.",
        )
    reden = (reden or "").replace("\x00", "").strip()
    if not reden:
        raise fout("reden", "Schrijf waarom u deze papieren stem annuleert.")
    biljet.geannuleerd_op = timezone.now()
    biljet.geannuleerd_door = door
    biljet.annuleer_reden = reden
    biljet.adres_sleutel = None
    biljet.save(
        update_fields=["geannuleerd_op", "geannuleerd_door", "annuleer_reden", "adres_sleutel"]
    )
    return biljet
