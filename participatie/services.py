"""Every write of participation trajectories and meetings.

Keyword-only arguments, one transaction each; a meeting's registrations are changed only
while the meeting row is locked (select_for_update), so that capacity holds under load.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import maak_token
from core.mail import Bijlage, mail_versturen
from kernen.models import Kanaal, Kern
from participatie.models import (
    Aanmelding,
    Betrokkene,
    Bijeenkomst,
    BijeenkomstHerinnering,
    Traject,
    TrajectStap,
)

from . import rules
from .constants import AanmeldingStatus, BijeenkomstStatus, Stap, TrajectStatus
from .ics import bijeenkomst_ics

LINK_SOORT = "bijeenkomst-aanmelding"
LINK_GELDIG_DAGEN = 400  # a meeting may be planned months ahead

# The fields each step writes (beside kanalen and betrokkenen).
STAP_VELDEN: dict[str, tuple[str, ...]] = {
    Stap.AFWEGING: ("geschikt_voor_participatie", "kaders"),
    Stap.BETROKKENEN: (),
    Stap.NIVEAU: ("ladder", "niveau_toelichting", "minder_betrokken", "minder_betrokken_reden"),
    Stap.COMMUNICATIEPLAN: ("communicatieplan",),
    Stap.MIDDELEN: ("middelen", "hoe_meedoen"),
    Stap.GESCHIEDENIS: ("geschiedenis",),
    Stap.HOUDING: ("belang", "slagingskans", "houding"),
    Stap.ROL: ("rol_gemeente", "rol_toelichting"),
    Stap.DUIDELIJKHEID: ("afspraken_gemeente", "afspraken_inwoners"),
    Stap.EVALUATIE: ("resultaten", "wat_ging_goed", "wat_kan_beter", "lessen"),
}


# Trajectories


@transaction.atomic
def traject_aanmaken(
    *,
    titel: str,
    onderwerp: str,
    soort: str,
    kernen: Iterable[Kern],
    eigenaar,
    kernambtenaar=None,
) -> Traject:
    kernen = list(kernen)
    if not kernen:
        raise ValidationError({"kernen": _("Kies ten minste één kern.")})
    traject = Traject(
        titel=titel,
        onderwerp=onderwerp,
        soort=soort,
        eigenaar=eigenaar,
        kernambtenaar=kernambtenaar,
    )
    traject.full_clean()
    traject.save()
    traject.kernen.set(kernen)
    return traject


@transaction.atomic
def traject_basis_bijwerken(
    *, traject: Traject, titel: str, onderwerp: str, kernen: Iterable[Kern], kernambtenaar=None
) -> Traject:
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    kernen = list(kernen)
    if not kernen:
        raise ValidationError({"kernen": _("Kies ten minste één kern.")})
    traject.titel, traject.onderwerp, traject.kernambtenaar = titel, onderwerp, kernambtenaar
    traject.full_clean()
    traject.save(update_fields=["titel", "onderwerp", "kernambtenaar", "gewijzigd_op"])
    traject.kernen.set(kernen)
    # Channels of kernen no longer concerned drop out of the communication plan.
    traject.kanalen.remove(*traject.kanalen.exclude(kern__in=kernen))
    return traject


@dataclass(frozen=True)
class BetrokkeneGegevens:
    doelgroep: str
    belangen: str
    informatiebehoefte: str


@transaction.atomic
def traject_stap_opslaan(
    *,
    traject: Traject,
    stap: str,
    gegevens: dict[str, Any],
    door,
    kanalen: Sequence[Kanaal] | None = None,
    betrokkenen: Sequence[BetrokkeneGegevens] | None = None,
) -> Traject:
    """Save one step of the method and mark it complete. Refuses a step whose earlier steps
    are not complete, and a step with required answers missing."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    voltooid = set(traject.voltooide_stappen.values_list("stap", flat=True))
    mag, reden = rules.stap_beschikbaar(soort=traject.soort, stap=stap, voltooid=voltooid)
    if not mag:
        raise ValidationError(reden)
    if traject.status == TrajectStatus.AFGEROND:
        raise ValidationError(_("Dit traject is afgerond en kan niet meer worden gewijzigd."))
    velden = STAP_VELDEN[stap]
    waarden = {veld: gegevens.get(veld, getattr(traject, veld)) for veld in velden}
    ontbreekt = rules.ontbrekende_velden(stap=stap, waarden=waarden)
    if ontbreekt:
        raise ValidationError({veld: _("Vul dit in.") for veld in ontbreekt})
    if stap == Stap.NIVEAU and not waarden["minder_betrokken"]:
        waarden["minder_betrokken_reden"] = ""
    if stap == Stap.BETROKKENEN:
        rijen = [b for b in betrokkenen or [] if b.doelgroep.strip()]
        if not rijen:
            raise ValidationError(_("Noem ten minste één doelgroep of stakeholder."))
        traject.betrokkenen.all().delete()
        for rij in rijen:
            betrokkene = Betrokkene(traject=traject, **rij.__dict__)
            betrokkene.full_clean()
            betrokkene.save()
    if stap == Stap.COMMUNICATIEPLAN and kanalen is not None:
        toegestaan = set(
            Kanaal.objects.filter(kern__in=traject.kernen.all()).values_list("pk", flat=True)
        )
        if any(k.pk not in toegestaan for k in kanalen):
            raise ValidationError(_("Kies alleen kanalen uit de toolbox van de kernen."))
        traject.kanalen.set(kanalen)
    for veld, waarde in waarden.items():
        setattr(traject, veld, waarde)
    traject.full_clean()
    traject.save(update_fields=[*velden, "gewijzigd_op"])
    nu = timezone.now()
    record, created = TrajectStap.objects.get_or_create(
        traject=traject, stap=stap, defaults={"voltooid_door": door, "voltooid_op": nu}
    )
    if not created:
        record.bijgewerkt_op = nu
        record.save(update_fields=["bijgewerkt_op"])
    return traject


def _traject_status_zetten(*, traject: Traject, check, nieuw: str) -> Traject:
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    voltooid = set(traject.voltooide_stappen.values_list("stap", flat=True))
    mag, reden = check(soort=traject.soort, status=traject.status, voltooid=voltooid)
    if not mag:
        raise ValidationError(reden)
    traject.status = nieuw
    traject.save(update_fields=["status", "gewijzigd_op"])
    return traject


@transaction.atomic
def traject_publiceren(*, traject: Traject) -> Traject:
    return _traject_status_zetten(
        traject=traject, check=rules.mag_publiceren, nieuw=TrajectStatus.LOPEND
    )


@transaction.atomic
def traject_afronden(*, traject: Traject) -> Traject:
    return _traject_status_zetten(
        traject=traject, check=rules.mag_afronden, nieuw=TrajectStatus.AFGEROND
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
            raise ValidationError(
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
        raise ValidationError({"eindigt_op": _("Het einde moet na het begin liggen.")})
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
        raise ValidationError({"reden": _("Schrijf waarom de bijeenkomst niet doorgaat.")})
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    mag, waarom = rules.annuleren_mogelijk(
        status=bijeenkomst.status, begint_op=bijeenkomst.begint_op, nu=nu
    )
    if not mag:
        raise ValidationError(waarom)
    bijeenkomst.status = BijeenkomstStatus.GEANNULEERD
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
    token = maak_token(soort=LINK_SOORT, pk=aanmelding.pk, versie=aanmelding.link_versie)
    return settings.SITE_URL + reverse("participatie:aanmelding", kwargs={"token": token})


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
        },
        bijlagen=bijlagen,
    )


def _bevestigen(aanmelding: Aanmelding) -> None:
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
    """Register a resident. A second registration with the same email address returns the
    first one (and mails its confirmation again); a full meeting puts them on the waiting list;
    a past meeting is closed."""
    nu = nu or timezone.now()
    email = email.strip().lower()
    validate_email(email)
    naam = naam.strip()
    if not naam:
        raise ValidationError({"naam": _("Vul uw naam in.")})
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    open_, reden = rules.inschrijving_open(
        begint_op=bijeenkomst.begint_op, nu=nu, geannuleerd=bijeenkomst.geannuleerd
    )
    if not open_:
        raise ValidationError(reden)
    bestaand = (
        bijeenkomst.aanmeldingen.exclude(status=AanmeldingStatus.AFGEMELD)
        .filter(email=email)
        .first()
    )
    if bestaand is not None:
        _bevestigen(bestaand)
        return AanmeldResultaat(aanmelding=bestaand, nieuw=False)
    aantal = bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count()
    aanmelding = Aanmelding(
        bijeenkomst=bijeenkomst,
        naam=naam,
        email=email,
        telefoon=telefoon,
        onderwerp=onderwerp.strip(),
        status=rules.status_voor_nieuwe_aanmelding(
            capaciteit=bijeenkomst.capaciteit, aantal_aangemeld=aantal
        ),
        aangemeld_op=nu,
    )
    aanmelding.full_clean(validate_constraints=False)
    aanmelding.save()
    _bevestigen(aanmelding)
    return AanmeldResultaat(aanmelding=aanmelding, nieuw=True)


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
        aanmelding.status = AanmeldingStatus.AANGEMELD
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
    mag, reden = rules.afmelden_mogelijk(
        status=aanmelding.status,
        begint_op=bijeenkomst.begint_op,
        nu=nu,
        geannuleerd=bijeenkomst.geannuleerd,
    )
    if not mag:
        raise ValidationError(reden)
    aanmelding.status = AanmeldingStatus.AFGEMELD
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


@transaction.atomic
def aanmelding_links_vernieuwen(*, email: str) -> list[tuple[Aanmelding, str]]:
    """Fresh personal links for an email's live registrations of coming meetings (old ones
    stop working)."""
    email = email.strip().lower()
    result = []
    qs = (
        Aanmelding.objects.select_for_update()
        .select_related("bijeenkomst")
        .filter(email=email, bijeenkomst__begint_op__gt=timezone.now())
        .exclude(status=AanmeldingStatus.AFGEMELD)
    )
    for aanmelding in qs:
        aanmelding.link_versie += 1
        aanmelding.save(update_fields=["link_versie"])
        result.append((aanmelding, aanmelding_link(aanmelding)))
    return result
