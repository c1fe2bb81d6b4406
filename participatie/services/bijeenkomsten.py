"""Every write of meetings and registrations.

Keyword-only arguments, one transaction each; a meeting's registrations are changed only
while the meeting row is locked (select_for_update), so that capacity holds under load.
Refusals are `core.fouten.Weigering`; status steps follow participatie.workflow.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import Bijlage, mail_versturen
from participatie import rules, workflow
from participatie.constants import AanmeldingStatus
from participatie.ics import bijeenkomst_ics
from participatie.models import Aanmelding, Bijeenkomst, BijeenkomstHerinnering

# The resident's personal link to a registration; a meeting may be planned months ahead,
# so it lives longer than the default personal link.
AANMELDING_LINK = LinkSoort(
    naam="bijeenkomst-aanmelding", url_naam="participatie:aanmelding", geldig_dagen=400
)
# The link in the first mail: only a confirmed address takes a place (or the waiting list),
# so nobody can fill a meeting with made-up or someone else's addresses.
AANMELDING_BEVESTIG_LINK = LinkSoort(
    naam="bijeenkomst-aanmelding-bevestigen",
    url_naam="participatie:aanmelding_bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)


# Meetings

BIJEENKOMST_VELDEN = (
    "soort",
    "titel",
    "omschrijving",
    "kern",
    "traject",
    "begint_op",
    "eindigt_op",
    "locatie",
    "videolink",
    "telefoon",
    "capaciteit",
    "kernwethouder",
)


@transaction.atomic
def bijeenkomst_opslaan(
    *, gegevens: dict[str, Any], organisator=None, bijeenkomst: Bijeenkomst | None = None
) -> Bijeenkomst:
    """Create a meeting, or change one. More seats move people up from the waiting list;
    fewer seats than people already registered is refused."""
    if bijeenkomst is None:
        bijeenkomst = Bijeenkomst(organisator=organisator)
    else:
        bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
        aangemeld = bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count()
        if gegevens.get("capaciteit", bijeenkomst.capaciteit) < aangemeld:
            raise Weigering(
                {
                    "capaciteit": _(
                        "Er zijn al %(n)s aanmeldingen. Minder plaatsen dan dat kan niet."
                    )
                    % {"n": aangemeld}
                }
            )
    for veld in BIJEENKOMST_VELDEN:
        if veld in gegevens:
            setattr(bijeenkomst, veld, gegevens[veld])
    if (
        bijeenkomst.eindigt_op
        and bijeenkomst.begint_op
        and bijeenkomst.eindigt_op <= bijeenkomst.begint_op
    ):
        raise Weigering({"eindigt_op": _("Het einde moet na het begin liggen.")})
    bijeenkomst.full_clean()
    if bijeenkomst.pk:
        bijeenkomst.save(update_fields=[v for v in BIJEENKOMST_VELDEN if v in gegevens])
        _wachtlijst_doorschuiven(bijeenkomst)
    else:
        bijeenkomst.save()
    return bijeenkomst


@transaction.atomic
def bijeenkomst_verslag_opslaan(*, bijeenkomst: Bijeenkomst, verslag: str) -> Bijeenkomst:
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    bijeenkomst.verslag = verslag
    bijeenkomst.save(update_fields=["verslag"])
    return bijeenkomst


@dataclass(frozen=True)
class AnnuleerResultaat:
    bijeenkomst: Bijeenkomst
    gemaild: int


@transaction.atomic
def bijeenkomst_annuleren(
    *,
    bijeenkomst: Bijeenkomst,
    reden: str,
    door,
    alternatief: str = "",
    nu: datetime.datetime | None = None,
) -> AnnuleerResultaat:
    """Cancel a whole meeting, once. Everyone registered or on the waiting list gets one
    email (after commit) with the reason and, if given, a new date or link. Registration and
    the day-before reminder stop. A second attempt is refused, so nobody is mailed twice."""
    nu = nu or timezone.now()
    reden, alternatief = reden.strip(), alternatief.strip()
    if not reden:
        raise Weigering({"reden": _("Schrijf waarom de bijeenkomst niet doorgaat.")})
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    stap = workflow.controleer(bijeenkomst, "annuleren", nu=nu)
    bijeenkomst.status = stap.naar
    bijeenkomst.geannuleerd_op = nu
    bijeenkomst.geannuleerd_door = door
    bijeenkomst.annulering_reden = reden
    bijeenkomst.annulering_alternatief = alternatief
    bijeenkomst.full_clean()
    bijeenkomst.save(
        update_fields=[
            "status",
            "geannuleerd_op",
            "geannuleerd_door",
            "annulering_reden",
            "annulering_alternatief",
        ]
    )
    betrokken = list(
        bijeenkomst.aanmeldingen.filter(
            status__in=[AanmeldingStatus.AANGEMELD, AanmeldingStatus.WACHTLIJST]
        ).order_by("aangemeld_op", "pk")
    )
    for aanmelding in betrokken:
        aanmelding.bijeenkomst = bijeenkomst
        _mail_status(
            aanmelding,
            template="participatie/mail/geannuleerd.txt",
            onderwerp=_("Gaat niet door: %(titel)s"),
            agenda=False,
        )
    return AnnuleerResultaat(bijeenkomst=bijeenkomst, gemaild=len(betrokken))


def aanmelding_link(aanmelding: Aanmelding) -> str:
    return AANMELDING_LINK.url(aanmelding)


def _mail_status(
    aanmelding: Aanmelding, *, template: str, onderwerp: str, agenda: bool = True
) -> None:
    bijeenkomst = aanmelding.bijeenkomst
    link = aanmelding_link(aanmelding)
    bijlagen = []
    if agenda and aanmelding.status == AanmeldingStatus.AANGEMELD:
        bijlagen.append(
            Bijlage(
                naam="bijeenkomst.ics",
                mimetype="text/calendar; charset=utf-8; method=PUBLISH",
                inhoud=bijeenkomst_ics(bijeenkomst, afmeldlink=link, voor_deelnemer=True),
            )
        )
    mail_versturen(
        aan=aanmelding.email,
        onderwerp=onderwerp % {"titel": bijeenkomst.titel},
        template=template,
        context={
            "aanmelding": aanmelding,
            "bijeenkomst": bijeenkomst,
            "link": link,
            "pagina": settings.SITE_URL + bijeenkomst.get_absolute_url(),
            "heeft_plaats": aanmelding.status == AanmeldingStatus.AANGEMELD,
        },
        bijlagen=bijlagen,
    )


def _bevestiging_vragen(aanmelding: Aanmelding) -> None:
    bijeenkomst = aanmelding.bijeenkomst
    mail_versturen(
        aan=aanmelding.email,
        onderwerp=_("Bevestig uw aanmelding: %(titel)s") % {"titel": bijeenkomst.titel},
        template="participatie/mail/aanmelding_bevestigen.txt",
        context={
            "aanmelding": aanmelding,
            "bijeenkomst": bijeenkomst,
            "link": AANMELDING_BEVESTIG_LINK.url(aanmelding),
            "dagen": BEVESTIG_GELDIG_DAGEN,
        },
    )


def _bevestigen(aanmelding: Aanmelding) -> None:
    if aanmelding.status == AanmeldingStatus.ONBEVESTIGD:
        _bevestiging_vragen(aanmelding)
        return
    _mail_status(
        aanmelding,
        template="participatie/mail/aanmelding.txt",
        onderwerp=_("Uw aanmelding: %(titel)s"),
    )


@dataclass(frozen=True)
class AanmeldResultaat:
    aanmelding: Aanmelding
    nieuw: bool


@transaction.atomic
def aanmelden(
    *,
    bijeenkomst: Bijeenkomst,
    naam: str,
    email: str,
    onderwerp: str = "",
    telefoon: str = "",
    nu: datetime.datetime | None = None,
) -> AanmeldResultaat:
    """Sign a resident up, unconfirmed: they get a mail with a confirmation link and hold no
    place until they confirm (`aanmelding_bevestigen`). A second sign-up with the same email
    address returns the first one (and mails again what it is waiting for); a past meeting is
    closed."""
    nu = nu or timezone.now()
    email = email.strip().lower()
    validate_email(email)
    naam = naam.strip()
    if not naam:
        raise Weigering({"naam": _("Vul uw naam in.")})
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    open_, reden = rules.inschrijving_open(
        begint_op=bijeenkomst.begint_op, nu=nu, geannuleerd=bijeenkomst.geannuleerd
    )
    if not open_:
        raise Weigering(reden)
    bestaand = (
        bijeenkomst.aanmeldingen.exclude(status=AanmeldingStatus.AFGEMELD)
        .filter(email=email)
        .first()
    )
    if bestaand is not None:
        _bevestigen(bestaand)
        return AanmeldResultaat(aanmelding=bestaand, nieuw=False)
    aanmelding = Aanmelding(
        bijeenkomst=bijeenkomst,
        naam=naam,
        email=email,
        telefoon=telefoon,
        onderwerp=onderwerp.strip(),
        status=AanmeldingStatus.ONBEVESTIGD,
        aangemeld_op=nu,
    )
    aanmelding.full_clean(validate_constraints=False)
    aanmelding.save()
    _bevestigen(aanmelding)
    return AanmeldResultaat(aanmelding=aanmelding, nieuw=True)


@transaction.atomic
def aanmelding_bevestigen(*, aanmelding_id: int, nu: datetime.datetime | None = None) -> Aanmelding:
    """The resident confirmed their address: a free place, else the waiting list. The meeting
    row is locked first (as every change of its registrations), so two confirmations of the
    last place never both get it. Confirming twice changes nothing; a meeting that has begun
    or is cancelled takes no one any more."""
    nu = nu or timezone.now()
    bijeenkomst_id = Aanmelding.objects.values_list("bijeenkomst_id", flat=True).get(
        pk=aanmelding_id
    )
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst_id)
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding_id)
    aanmelding.bijeenkomst = bijeenkomst
    if aanmelding.status != AanmeldingStatus.ONBEVESTIGD:
        return aanmelding
    open_, reden = rules.inschrijving_open(
        begint_op=bijeenkomst.begint_op, nu=nu, geannuleerd=bijeenkomst.geannuleerd
    )
    if not open_:
        raise Weigering(reden)
    aantal = bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count()
    doel = rules.status_voor_nieuwe_aanmelding(
        capaciteit=bijeenkomst.capaciteit, aantal_aangemeld=aantal
    )
    stap = "bevestigen" if doel == AanmeldingStatus.AANGEMELD else "bevestigen_vol"
    aanmelding.status = workflow.overgang(aanmelding, stap).naar
    aanmelding.email_bevestigd_op = nu
    # The waiting list goes in order of confirmation: that is when one asks for a place.
    aanmelding.aangemeld_op = nu
    aanmelding.save(update_fields=["status", "email_bevestigd_op", "aangemeld_op"])
    _bevestigen(aanmelding)
    return aanmelding


def _wachtlijst_doorschuiven(bijeenkomst: Bijeenkomst) -> list[Aanmelding]:
    """Move people up from the waiting list while seats are free (meeting row locked)."""
    if bijeenkomst.geannuleerd:
        return []
    vrij = (
        bijeenkomst.capaciteit
        - bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count()
    )
    if vrij <= 0:
        return []
    wachtenden = list(
        bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.WACHTLIJST).order_by(
            "aangemeld_op", "pk"
        )[:vrij]
    )
    for aanmelding in wachtenden:
        aanmelding.status = workflow.overgang(aanmelding, "doorschuiven").naar
        aanmelding.save(update_fields=["status"])
        _mail_status(
            aanmelding,
            template="participatie/mail/doorgeschoven.txt",
            onderwerp=_("Er is een plaats vrij: %(titel)s"),
        )
    return wachtenden


@dataclass(frozen=True)
class AfmeldResultaat:
    aanmelding: Aanmelding
    doorgeschoven: list[Aanmelding]
    was_al_afgemeld: bool


@transaction.atomic
def afmelden(*, aanmelding: Aanmelding, nu: datetime.datetime | None = None) -> AfmeldResultaat:
    """Cancel a registration; the first on the waiting list gets the seat. Using the cancel
    link again changes nothing."""
    nu = nu or timezone.now()
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=aanmelding.bijeenkomst_id)
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if aanmelding.status == AanmeldingStatus.AFGEMELD:
        return AfmeldResultaat(aanmelding=aanmelding, doorgeschoven=[], was_al_afgemeld=True)
    aanmelding.bijeenkomst = bijeenkomst
    stap = workflow.controleer(aanmelding, "afmelden", nu=nu)
    aanmelding.status = stap.naar
    aanmelding.afgemeld_op = nu
    aanmelding.save(update_fields=["status", "afgemeld_op"])
    _mail_status(
        aanmelding,
        template="participatie/mail/afgemeld.txt",
        onderwerp=_("U bent afgemeld: %(titel)s"),
    )
    doorgeschoven = _wachtlijst_doorschuiven(bijeenkomst)
    return AfmeldResultaat(
        aanmelding=aanmelding, doorgeschoven=doorgeschoven, was_al_afgemeld=False
    )


def herinnering_versturen(*, aanmelding_id: int) -> bool:
    """Queue the day-before reminder of one registration, at most once ever: the reminder
    row (one per registration, unique) is written in the same transaction as the mail."""
    try:
        with transaction.atomic():
            aanmelding = (
                Aanmelding.objects.select_related("bijeenkomst").filter(pk=aanmelding_id).first()
            )
            if (
                aanmelding is None
                or aanmelding.status != AanmeldingStatus.AANGEMELD
                or aanmelding.bijeenkomst.geannuleerd
            ):
                return False
            _herinnering, created = BijeenkomstHerinnering.objects.get_or_create(
                aanmelding=aanmelding
            )
            if not created:
                return False
            _mail_status(
                aanmelding,
                template="participatie/mail/herinnering.txt",
                onderwerp=_("Morgen: %(titel)s"),
            )
            return True
    except IntegrityError:
        # Another worker recorded it at the same moment: that one sends.
        return False
