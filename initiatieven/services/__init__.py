"""Every write for initiatives. Views, forms, admin, tasks and demo data call these."""

import logging
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Rol
from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort, links_vernieuwen
from core.mail import mail_versturen
from core.models import Mailbericht
from kernen.models import Kern

from .. import rules, workflow
from ..bestanden import bestanden_wissen_na_commit, bijlagen_opslaan, controleer_bestanden
from ..constants import Actor, Afzender, BijlageSoort, HulpSoort, InitiatiefSoort, InitiatiefStatus
from ..models import Bericht, Bijlage, Initiatief, Notitie, StatusWijziging

logger = logging.getLogger(__name__)

# --- links ------------------------------------------------------------------------------

# The inwoner's page for one initiative, and the confirmation link of the first mail.
PERSOONLIJKE_LINK = LinkSoort(naam="initiatief", url_naam="initiatieven:mijn")
BEVESTIG_LINK = LinkSoort(
    naam="initiatief-bevestigen",
    url_naam="initiatieven:bevestigen",
    geldig_dagen=BEVESTIG_GELDIG_DAGEN,
)


def persoonlijke_link(initiatief: Initiatief) -> str:
    """Absolute personal link (valid for the current link version)."""
    return PERSOONLIJKE_LINK.url(initiatief)


# --- helpers ----------------------------------------------------------------------------


def _mail_inwoner(initiatief: Initiatief, *, onderwerp: str, template: str, **context) -> None:
    mail_versturen(
        aan=initiatief.email,
        onderwerp=onderwerp,
        template=template,
        context={"initiatief": initiatief, "link": persoonlijke_link(initiatief), **context},
    )


def _mail_behandelaars(initiatief: Initiatief, *, onderwerp: str, template: str, **context):
    """Tell the staff handling it: the assignee, otherwise the kernambtenaren of the kern."""
    toegewezen = initiatief.toegewezen_aan
    if toegewezen is not None and toegewezen.email:
        ontvangers = [toegewezen.email]
    else:
        ontvangers = [
            e for e in initiatief.kern.kernambtenaren.values_list("email", flat=True) if e
        ]
    url = settings.SITE_URL + initiatief.get_medewerker_url()
    for aan in ontvangers:
        mail_versturen(
            aan=aan,
            onderwerp=onderwerp,
            template=template,
            context={"initiatief": initiatief, "url": url, **context},
        )


# --- submitting and confirming ----------------------------------------------------------


def initiatief_indienen(
    *,
    idempotentie_sleutel: uuid.UUID,
    kern: Kern,
    titel: str,
    omschrijving: str,
    naam: str,
    email: str,
    telefoon: str = "",
    locatie: str = "",
    postcode: str = "",
    doelgroep: str = "",
    wanneer: str = "",
    betrokkenen: str = "",
    hulp: Iterable[str] = (),
    geld_indicatie: Decimal | None = None,
    hulp_toelichting: str = "",
    voornaam_tonen: bool = False,
    fotos_publiceren: bool = False,
    bijlagen: Sequence[UploadedFile] = (),
    soort: str = InitiatiefSoort.IDEE,
    rtc_taak: str = "",
    rtc_waarom_beter: str = "",
    rtc_uitvoerders: str = "",
) -> tuple[Initiatief, bool]:
    """Record a submission and mail the confirmation link. Returns (initiatief, created).

    The same form key twice (double click, back button) returns the first initiative. A
    Right to Challenge (`soort`) must answer its own questions (rules.rtc_fouten); for any
    other kind those answers are not kept.
    """
    bestaand = Initiatief.objects.filter(idempotentie_sleutel=idempotentie_sleutel).first()
    if bestaand is not None:
        return bestaand, False
    controleer_bestanden(bijlagen)
    if soort not in InitiatiefSoort.values:
        raise Weigering({"soort": ["Kies wat voor initiatief het is."]})
    rtc = {
        "rtc_taak": rtc_taak.strip(),
        "rtc_waarom_beter": rtc_waarom_beter.strip(),
        "rtc_uitvoerders": rtc_uitvoerders.strip(),
    }
    if fouten := rules.rtc_fouten(soort=soort, antwoorden=rtc):
        raise Weigering({veld: [melding] for veld, melding in fouten.items()})
    if soort != InitiatiefSoort.RIGHT_TO_CHALLENGE:
        rtc = dict.fromkeys(rtc, "")
    hulp = set(hulp)
    onbekend = hulp - set(HulpSoort.values)
    if onbekend:
        raise Weigering(f"Onbekende soort hulp: {', '.join(sorted(onbekend))}")
    initiatief = Initiatief(
        idempotentie_sleutel=idempotentie_sleutel,
        kern=kern,
        soort=soort,
        **rtc,
        titel=titel.strip(),
        omschrijving=omschrijving.strip(),
        naam=naam.strip(),
        email=email.strip(),
        telefoon=telefoon.strip(),
        locatie=locatie.strip(),
        postcode=postcode.strip(),
        doelgroep=doelgroep.strip(),
        wanneer=wanneer.strip(),
        betrokkenen=betrokkenen.strip(),
        geld_indicatie=geld_indicatie if HulpSoort.GELD in hulp else None,
        hulp_toelichting=hulp_toelichting.strip(),
        voornaam_tonen=voornaam_tonen,
        fotos_publiceren=fotos_publiceren,
        privacy_akkoord_op=timezone.now(),
        status=InitiatiefStatus.INGEDIEND,
        **{f"hulp_{s}": s in hulp for s in HulpSoort.values},
    )
    initiatief.full_clean(exclude=["idempotentie_sleutel", "bevestigingsmail"])
    try:
        with transaction.atomic():
            initiatief.save()
            bijlagen_opslaan(initiatief, bijlagen, BijlageSoort.AANVRAAG)
            bericht = mail_versturen(
                aan=initiatief.email,
                onderwerp="Bevestig uw initiatief - Gemeente Buren",
                template="initiatieven/mail/bevestigen.txt",
                context={"initiatief": initiatief, "link": BEVESTIG_LINK.url(initiatief)},
            )
            initiatief.bevestigingsmail = bericht
            initiatief.save(update_fields=["bevestigingsmail"])
    except IntegrityError:
        # A second request with the same key won the race: that one counts.
        bestaand = Initiatief.objects.filter(idempotentie_sleutel=idempotentie_sleutel).first()
        if bestaand is None:
            raise
        return bestaand, False
    return initiatief, True


def initiatief_bevestigen(*, initiatief_id: int) -> tuple[Initiatief, bool]:
    """The inwoner confirmed the email address: now it counts. Safe to run twice."""
    with transaction.atomic():
        initiatief = (
            Initiatief.objects.select_for_update().select_related("kern").get(pk=initiatief_id)
        )
        if initiatief.is_bevestigd:
            return initiatief, False
        nu = timezone.now()
        initiatief.email_bevestigd_op = nu
        initiatief.status_sinds = nu
        initiatief.save(update_fields=["email_bevestigd_op", "status_sinds", "gewijzigd_op"])
        StatusWijziging.objects.create(
            initiatief=initiatief,
            van_status="",
            naar_status=InitiatiefStatus.INGEDIEND,
            op=nu,
            actor=Actor.INWONER,
        )
        _mail_inwoner(
            initiatief,
            onderwerp="Wij hebben uw initiatief ontvangen - Gemeente Buren",
            template="initiatieven/mail/ontvangen.txt",
        )
        _mail_behandelaars(
            initiatief,
            onderwerp=f"Nieuw initiatief in {initiatief.kern.naam}",
            template="initiatieven/mail/nieuw_voor_medewerker.txt",
        )
    return initiatief, True


def persoonlijke_links_vernieuwen(*, email: str) -> list[Initiatief]:
    """New links for every confirmed initiative of this address; old ones stop once one is used."""
    return links_vernieuwen(
        Initiatief.objects.bevestigd()
        .filter(email__iexact=email.strip())
        .order_by("-aangemaakt_op")
    )


# --- the status flow --------------------------------------------------------------------

STATUS_ONDERWERP: dict[str, str] = {
    InitiatiefStatus.IN_BEHANDELING: "Uw initiatief is in behandeling",
    InitiatiefStatus.INFORMATIE_GEVRAAGD: "Wij hebben meer informatie nodig over uw initiatief",
    InitiatiefStatus.TOEGEZEGD: "Goed nieuws over uw initiatief",
    InitiatiefStatus.AFGEWEZEN: "Besluit over uw initiatief",
    InitiatiefStatus.INGETROKKEN: "Uw initiatief is ingetrokken",
    InitiatiefStatus.UITGEVOERD: "Uw initiatief is uitgevoerd",
    InitiatiefStatus.AFGEROND: "Uw initiatief is afgerond",
}


def initiatief_status_wijzigen(
    *,
    initiatief_id: int,
    naar: str,
    actor: str,
    door=None,
    toelichting: str = "",
    verslag: str = "",
    fotos: Sequence[UploadedFile] = (),
) -> Initiatief:
    """Move an initiative one step in the flow (initiatieven.workflow); refuses steps the
    flow does not allow with Weigering."""
    if actor == Actor.MEDEWERKER and door is None:
        raise ValueError("Een stap van een medewerker heeft een medewerker nodig.")
    with transaction.atomic():
        initiatief = (
            Initiatief.objects.select_for_update().select_related("kern").get(pk=initiatief_id)
        )
        if not initiatief.is_bevestigd:
            raise Weigering("Dit initiatief is nog niet bevestigd.")
        workflow.controleer_overgang(
            van=initiatief.status, naar=naar, actor=actor, toelichting=toelichting
        )
        if fotos:
            if naar != InitiatiefStatus.AFGEROND:
                raise Weigering("Foto's horen bij het afronden.")
            controleer_bestanden(fotos)
        nu = timezone.now()
        van = initiatief.status
        initiatief.status = naar
        initiatief.status_sinds = nu
        velden = ["status", "status_sinds", "gewijzigd_op"]
        if naar == InitiatiefStatus.AFGEROND:
            initiatief.verslag = verslag.strip()
            velden.append("verslag")
        initiatief.full_clean(exclude=["idempotentie_sleutel", "bevestigingsmail"])
        initiatief.save(update_fields=velden)
        StatusWijziging.objects.create(
            initiatief=initiatief,
            van_status=van,
            naar_status=naar,
            op=nu,
            actor=actor,
            door=door if actor == Actor.MEDEWERKER else None,
            toelichting=toelichting.strip(),
        )
        bijlagen_opslaan(initiatief, fotos, BijlageSoort.VERSLAG)
        if workflow.mailt_inwoner(naar=naar, actor=actor):
            _mail_inwoner(
                initiatief,
                onderwerp=f"{STATUS_ONDERWERP[naar]} - Gemeente Buren",
                template="initiatieven/mail/status.txt",
                toelichting=toelichting.strip(),
                door_inwoner=actor == Actor.INWONER,
                informatie_gevraagd=naar == InitiatiefStatus.INFORMATIE_GEVRAAGD,
            )
        if actor == Actor.INWONER and naar == InitiatiefStatus.INGETROKKEN:
            _mail_behandelaars(
                initiatief,
                onderwerp=f"Initiatief ingetrokken: {initiatief.titel}",
                template="initiatieven/mail/inwoner_actie.txt",
                actie="heeft het initiatief ingetrokken",
            )
    return initiatief


def initiatief_intrekken(*, initiatief_id: int, toelichting: str = "") -> Initiatief:
    """The inwoner withdraws through their personal link."""
    return initiatief_status_wijzigen(
        initiatief_id=initiatief_id,
        naar=InitiatiefStatus.INGETROKKEN,
        actor=Actor.INWONER,
        toelichting=toelichting,
    )


# --- messages, notes, assignment --------------------------------------------------------


def initiatief_aanvullen(
    *, initiatief_id: int, tekst: str, bijlagen: Sequence[UploadedFile] = ()
) -> Bericht:
    """The inwoner adds information; when it was asked for, the initiative goes back to
    'in behandeling'."""
    with transaction.atomic():
        initiatief = (
            Initiatief.objects.select_for_update().select_related("kern").get(pk=initiatief_id)
        )
        if not initiatief.is_bevestigd or not workflow.kan_aanvullen(initiatief.status):
            raise Weigering("U kunt bij dit initiatief niets meer toevoegen.")
        controleer_bestanden(bijlagen, al_aanwezig=initiatief.bijlagen.count())
        bericht = Bericht(initiatief=initiatief, afzender=Afzender.INWONER, tekst=tekst.strip())
        bericht.full_clean()
        bericht.save()
        bijlagen_opslaan(initiatief, bijlagen, BijlageSoort.AANVULLING)
        if initiatief.status == InitiatiefStatus.INFORMATIE_GEVRAAGD:
            initiatief_status_wijzigen(
                initiatief_id=initiatief.pk,
                naar=InitiatiefStatus.IN_BEHANDELING,
                actor=Actor.INWONER,
                toelichting="Aanvullende informatie gestuurd.",
            )
        _mail_behandelaars(
            initiatief,
            onderwerp=f"Aanvulling op initiatief: {initiatief.titel}",
            template="initiatieven/mail/inwoner_actie.txt",
            actie="heeft informatie toegevoegd",
        )
    return bericht


def bericht_sturen(*, initiatief_id: int, door, tekst: str) -> Bericht:
    """A message from the municipality to the inwoner: on their page and by email."""
    with transaction.atomic():
        initiatief = Initiatief.objects.select_for_update().get(pk=initiatief_id)
        if not initiatief.is_bevestigd:
            raise Weigering("Dit initiatief is nog niet bevestigd.")
        bericht = Bericht(
            initiatief=initiatief, afzender=Afzender.GEMEENTE, door=door, tekst=tekst.strip()
        )
        bericht.full_clean()
        bericht.save()
        _mail_inwoner(
            initiatief,
            onderwerp="Nieuw bericht over uw initiatief - Gemeente Buren",
            template="initiatieven/mail/bericht.txt",
            bericht=bericht,
        )
    return bericht


def notitie_toevoegen(*, initiatief_id: int, door, tekst: str) -> Notitie:
    with transaction.atomic():
        initiatief = Initiatief.objects.select_for_update().get(pk=initiatief_id)
        notitie = Notitie(initiatief=initiatief, auteur=door, tekst=tekst.strip())
        notitie.full_clean()
        notitie.save()
    return notitie


def initiatief_toewijzen(
    *, initiatief_id: int, door, toegewezen_aan=None, beleidsmedewerker=None
) -> Initiatief:
    """Assign a colleague (kernambtenaar) and/or link a beleidsmedewerker. A note records it."""
    if toegewezen_aan is not None and not toegewezen_aan.heeft_rol(Rol.KERNAMBTENAAR):
        raise Weigering("Alleen een kernambtenaar kan een initiatief behandelen.")
    if beleidsmedewerker is not None and not beleidsmedewerker.heeft_rol(Rol.BELEIDSMEDEWERKER):
        raise Weigering("Kies een beleidsmedewerker.")
    with transaction.atomic():
        initiatief = (
            Initiatief.objects.select_for_update().select_related("kern").get(pk=initiatief_id)
        )
        wijzigingen = []
        nieuw = []
        if initiatief.toegewezen_aan_id != getattr(toegewezen_aan, "pk", None):
            initiatief.toegewezen_aan = toegewezen_aan
            wijzigingen.append(f"Behandeld door: {toegewezen_aan or 'niemand'}")
            if toegewezen_aan is not None and toegewezen_aan != door:
                nieuw.append(toegewezen_aan)
        if initiatief.beleidsmedewerker_id != getattr(beleidsmedewerker, "pk", None):
            initiatief.beleidsmedewerker = beleidsmedewerker
            wijzigingen.append(f"Beleidsmedewerker: {beleidsmedewerker or 'geen'}")
            if beleidsmedewerker is not None and beleidsmedewerker != door:
                nieuw.append(beleidsmedewerker)
        if not wijzigingen:
            return initiatief
        initiatief.save(update_fields=["toegewezen_aan", "beleidsmedewerker", "gewijzigd_op"])
        Notitie.objects.create(initiatief=initiatief, auteur=door, tekst="\n".join(wijzigingen))
        url = settings.SITE_URL + initiatief.get_medewerker_url()
        for medewerker in nieuw:
            if medewerker.email:
                mail_versturen(
                    aan=medewerker.email,
                    onderwerp=f"Initiatief voor u: {initiatief.titel}",
                    template="initiatieven/mail/toegewezen.txt",
                    context={"initiatief": initiatief, "url": url, "door": door},
                )
    return initiatief


# --- expiry -----------------------------------------------------------------------------


def onbevestigde_initiatieven_verwijderen(*, nu: datetime | None = None) -> int:
    """Delete submissions not confirmed within 7 days, with their files and the
    confirmation email (which holds the name and address). Safe to run twice."""
    grens = rules.verloop_grens(nu or timezone.now())
    with transaction.atomic():
        qs = Initiatief.objects.onbevestigd().filter(aangemaakt_op__lte=grens)
        ids = list(qs.select_for_update().values_list("pk", flat=True))
        if not ids:
            return 0
        bestanden = list(
            Bijlage.objects.filter(initiatief_id__in=ids).values_list("bestand", flat=True)
        )
        mail_ids = list(
            Initiatief.objects.filter(pk__in=ids, bevestigingsmail__isnull=False).values_list(
                "bevestigingsmail_id", flat=True
            )
        )
        Initiatief.objects.filter(pk__in=ids).delete()
        Mailbericht.objects.filter(pk__in=mail_ids).delete()
        bestanden_wissen_na_commit([b for b in bestanden if b])
    logger.info("%d onbevestigde initiatieven verwijderd", len(ids))
    return len(ids)


# Steun lives in its own module; its writes are part of this app's public services.
from .steun import (  # noqa: E402
    INITIATIEF_STEUN,
    STEUN_BEVESTIG_LINK,
    STEUN_LINK,
    STEUN_ONTVANGEN,
    SteunSoort,
    steun_bevestigen,
    steun_bevestigen_van,
    steun_geven,
    steun_geven_van,
    steun_intrekken,
    steun_intrekken_van,
)

__all__ = [
    "STEUN_ONTVANGEN",
    "INITIATIEF_STEUN",
    "STEUN_BEVESTIG_LINK",
    "STEUN_LINK",
    "SteunSoort",
    "steun_bevestigen_van",
    "steun_geven_van",
    "steun_intrekken_van",
    "steun_bevestigen",
    "steun_geven",
    "steun_intrekken",
]


from .verhalen import verhaal_opslaan as verhaal_opslaan  # noqa: E402  (re-export)
