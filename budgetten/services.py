"""Every write of the budgetten app. Money moves only here, each time in one transaction that
locks the aanvraag (so nobody decides twice) and then the ledger row (Budgetpost) for
(regeling, scope, jaar), re-checks the free amount and books. The order of locks is always
aanvraag/declaratie first, ledger row second, so two writers cannot deadlock."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.links import maak_token
from core.mail import mail_versturen
from kernen.models import Kern, Signaleringsgroep

from . import rules as r
from . import selectors
from .constants import (
    SCOPE_COORDINATOR,
    STATUS_MET_GELD,
    AanvraagStatus,
    DeclaratieStatus,
    KandidaatStatus,
    KandidaatUitkomst,
    RegelingCode,
    StemrondeFase,
)
from .models import (
    Aanvraag,
    Budgetpost,
    Declaratie,
    Kandidaat,
    Kostenpost,
    Regeling,
    Stembiljet,
    Stemronde,
    Vrijwilligersvergoeding,
)

LINK_SOORT = "budgetaanvraag"
BEVESTIG_SOORT = "budgetaanvraag-bevestigen"
BEVESTIG_GELDIG_DAGEN = 7


class RegelFout(Exception):
    """A rule refused the write. `bevindingen` holds Dutch messages per form field."""

    def __init__(self, bevindingen: r.Bevindingen):
        self.bevindingen = bevindingen
        super().__init__("; ".join(m for ms in bevindingen.values() for m in ms))


def _fout(veld: str, melding: str) -> RegelFout:
    return RegelFout({veld: [melding]})


# --- The ledger -------------------------------------------------------------------------------


def _budgetpost_vergrendelen(
    *,
    regeling: Regeling,
    jaar: int,
    kern: Kern | None = None,
    groep: Signaleringsgroep | None = None,
    sleutel: str | None = None,
) -> Budgetpost:
    """Get (or create) the ledger row and lock it until the transaction ends.

    The budget is taken from the regeling's amounts for that year each time, so a change by
    functioneel beheer applies at the next booking (and the constraint refuses lowering a
    budget below what is already booked).
    """
    rj = selectors.regelingjaar_voor(regeling, jaar)
    if rj is None:
        raise _fout("bedrag", "Voor dit jaar zijn de bedragen van deze regeling nog niet bekend.")
    sleutel = sleutel or selectors.scope_sleutel(regeling, kern=kern, groep=groep)
    budget = rj.vrijwilligersvergoeding if sleutel == SCOPE_COORDINATOR else rj.plafond
    Budgetpost.objects.get_or_create(
        regeling=regeling,
        jaar=jaar,
        scope_sleutel=sleutel,
        defaults={
            "kern": kern if regeling.scope == "kern" else None,
            "groep": groep,
            "budget": budget,
        },
    )
    post = Budgetpost.objects.select_for_update().get(
        regeling=regeling, jaar=jaar, scope_sleutel=sleutel
    )
    if post.budget != budget:
        if budget is not None and budget < post.vastgelegd + post.betaald:
            raise _fout(
                "bedrag",
                "Het budget voor dit jaar is lager dan wat al is toegekend. "
                "Neem contact op met functioneel beheer.",
            )
        post.budget = budget
        post.save(update_fields=["budget"])
    return post


def _boeken(
    post: Budgetpost, *, vastgelegd: Decimal = Decimal("0"), betaald: Decimal = Decimal("0")
):
    """Move money on a locked ledger row; the database constraint backs the check."""
    post.vastgelegd += vastgelegd
    post.betaald += betaald
    if post.vrij is not None and post.vrij < 0:
        raise _fout("bedrag", "Er is niet genoeg budget meer vrij.")
    post.full_clean()
    post.save(update_fields=["vastgelegd", "betaald"])


def _post_van_aanvraag(aanvraag: Aanvraag) -> Budgetpost:
    return _budgetpost_vergrendelen(
        regeling=aanvraag.regeling, jaar=aanvraag.jaar, kern=aanvraag.kern
    )


def _vergrendel_aanvraag(aanvraag_id: int) -> Aanvraag:
    return (
        Aanvraag.objects.select_for_update(of=("self",))
        .select_related("regeling", "kern")
        .get(pk=aanvraag_id)
    )


# --- Links and mail ---------------------------------------------------------------------------


def persoonlijk_pad(aanvraag: Aanvraag) -> str:
    token = maak_token(soort=LINK_SOORT, pk=aanvraag.pk, versie=aanvraag.link_versie)
    return reverse("budgetten:mijn_aanvraag", kwargs={"token": token})


def persoonlijke_link(aanvraag: Aanvraag) -> str:
    return settings.SITE_URL + persoonlijk_pad(aanvraag)


def bevestig_link(aanvraag: Aanvraag) -> str:
    token = maak_token(soort=BEVESTIG_SOORT, pk=aanvraag.pk, versie=aanvraag.link_versie)
    return settings.SITE_URL + reverse("budgetten:bevestigen", kwargs={"token": token})


def persoonlijke_link_vernieuwen(*, aanvraag_id: int) -> str:
    """A fresh personal link; older links stop working."""
    with transaction.atomic():
        aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag_id)
        aanvraag.link_versie += 1
        aanvraag.save(update_fields=["link_versie"])
    return persoonlijke_link(aanvraag)


# --- Applying ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NieuweKostenpost:
    categorie: str
    omschrijving: str
    bedrag: Decimal


@transaction.atomic
def aanvraag_indienen(
    *,
    regeling: Regeling,
    kern: Kern,
    naam: str,
    email: str,
    titel: str,
    omschrijving: str,
    activiteit_datum: date,
    criteria: dict[str, bool],
    telefoon: str = "",
    initiatief=None,
    gevraagd_bedrag: Decimal | None = None,
    kostenposten: list[NieuweKostenpost] | None = None,
    straat: str = "",
    activiteit_soort: str = "",
    doelgroep: str = "",
    draagvlak: str = "",
    vandaag: date | None = None,
) -> Aanvraag:
    """Record an application (unconfirmed) and mail the confirmation link. Checks every rule."""
    vandaag = vandaag or timezone.localdate()
    kostenposten = kostenposten or []
    toetsing = selectors.aanvraag_toetsen(
        regeling=regeling,
        kern=kern,
        activiteit_datum=activiteit_datum,
        vandaag=vandaag,
        criteria=criteria,
        gevraagd_bedrag=gevraagd_bedrag,
        kostenposten=[(k.categorie, k.bedrag) for k in kostenposten],
        straat=straat,
        activiteit_soort=activiteit_soort,
        doelgroep=doelgroep,
        draagvlak=draagvlak,
    )
    if not toetsing.in_orde:
        raise RegelFout(toetsing.bevindingen)
    if toetsing.bedrag is None:
        raise _fout("gevraagd_bedrag", "Vul een bedrag in.")
    aanvraag = Aanvraag(
        regeling=regeling,
        kern=kern,
        initiatief=initiatief,
        naam=naam,
        email=email,
        telefoon=telefoon,
        titel=titel,
        omschrijving=omschrijving,
        activiteit_datum=activiteit_datum,
        jaar=r.telt_in_jaar(activiteit_datum),
        straat=straat,
        activiteit_soort=activiteit_soort,
        doelgroep=doelgroep,
        criteria={k: bool(v) for k, v in criteria.items()},
        draagvlak=draagvlak,
        gevraagd_bedrag=toetsing.bedrag,
    )
    aanvraag.full_clean()
    aanvraag.save()
    for k in kostenposten:
        post = Kostenpost(
            aanvraag=aanvraag, categorie=k.categorie, omschrijving=k.omschrijving, bedrag=k.bedrag
        )
        post.full_clean()
        post.save()
    mail_versturen(
        aan=aanvraag.email,
        onderwerp="Bevestig uw aanvraag - Gemeente Buren",
        template="budgetten/mail/bevestigen.txt",
        context={"aanvraag": aanvraag, "link": bevestig_link(aanvraag)},
    )
    return aanvraag


@transaction.atomic
def aanvraag_bevestigen(*, aanvraag_id: int) -> Aanvraag:
    """The inwoner clicked the confirmation link. Safe to click twice."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if aanvraag.status != AanvraagStatus.ONBEVESTIGD:
        return aanvraag
    aanvraag.status = AanvraagStatus.INGEDIEND
    aanvraag.email_bevestigd_op = timezone.now()
    aanvraag.ingediend_op = timezone.now()
    aanvraag.save(update_fields=["status", "email_bevestigd_op", "ingediend_op"])
    mail_versturen(
        aan=aanvraag.email,
        onderwerp="Uw aanvraag is ontvangen - Gemeente Buren",
        template="budgetten/mail/ontvangen.txt",
        context={"aanvraag": aanvraag, "link": persoonlijke_link(aanvraag)},
    )
    return aanvraag


# --- Advice and decision ----------------------------------------------------------------------


@transaction.atomic
def aanvraag_adviseren(*, aanvraag_id: int, door, advies: str, bedrag: Decimal | None) -> Aanvraag:
    """The kernambtenaar's advice on a bijzonder initiatief puts it in the college's queue."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if aanvraag.regeling.code != RegelingCode.BIJZONDER:
        raise _fout("advies", "Alleen bijzondere initiatieven gaan met advies naar het college.")
    if aanvraag.status != AanvraagStatus.INGEDIEND:
        raise _fout("advies", "Over deze aanvraag is al geadviseerd of besloten.")
    if not advies.strip():
        raise _fout("advies", "Schrijf uw advies voor het college.")
    if bedrag is not None and bedrag > aanvraag.gevraagd_bedrag:
        raise _fout("bedrag", "Adviseer niet meer dan er is gevraagd.")
    aanvraag.advies = advies.strip()
    aanvraag.advies_bedrag = bedrag
    aanvraag.advies_door = door
    aanvraag.advies_op = timezone.now()
    aanvraag.status = AanvraagStatus.BIJ_COLLEGE
    aanvraag._history_user = door
    aanvraag.save(update_fields=["advies", "advies_bedrag", "advies_door", "advies_op", "status"])
    return aanvraag


@transaction.atomic
def aanvraag_besluiten(
    *,
    aanvraag_id: int,
    door,
    toekennen: bool,
    bedrag: Decimal | None,
    motivering: str,
    via_stemronde: bool = False,
) -> Aanvraag:
    """Grant (fully or partly) or refuse. Locks the aanvraag, re-checks every rule, locks the
    ledger row and re-checks the free amount there - all in this one transaction.

    An aanvraag admitted to a voting round is decided by that round (stemronde_verdelen
    passes `via_stemronde=True`), not one by one."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if not via_stemronde and _in_lopende_stemronde(aanvraag):
        raise _fout(
            "motivering",
            "Deze aanvraag doet mee aan de stemronde van de kern. De inwoners verdelen het geld.",
        )
    bijzonder = aanvraag.regeling.code == RegelingCode.BIJZONDER
    verwacht = AanvraagStatus.BIJ_COLLEGE if bijzonder else AanvraagStatus.INGEDIEND
    if aanvraag.status != verwacht:
        if aanvraag.besluit_op:
            raise _fout("motivering", "Over deze aanvraag is al besloten.")
        raise _fout("motivering", "Deze aanvraag kan nu niet worden besloten.")
    motivering = motivering.strip()
    if not motivering and (bijzonder or not toekennen):
        raise _fout("motivering", "Schrijf de motivering van het besluit.")
    if toekennen:
        if bedrag is None:
            raise _fout("bedrag", "Vul het bedrag in dat u toekent.")
        if bedrag < aanvraag.gevraagd_bedrag and not motivering:
            raise _fout("motivering", "Leg uit waarom u minder toekent dan is gevraagd.")
        if aanvraag.regeling.code == RegelingCode.STRAATBIJEENKOMST:
            eerdere = selectors.eerdere_straatactiviteiten(
                jaar=aanvraag.jaar,
                kern=aanvraag.kern,
                behalve_pk=aanvraag.pk,
                alleen_toegekend=True,
            )
            if r.is_herhaling(
                straat=aanvraag.straat,
                activiteit_soort=aanvraag.activiteit_soort,
                doelgroep=aanvraag.doelgroep,
                eerdere=eerdere,
            ):
                raise _fout(
                    "motivering",
                    "Deze straat of buurt kreeg dit jaar al een bijdrage voor dezelfde activiteit "
                    "of doelgroep.",
                )
        post = _post_van_aanvraag(aanvraag)
        rj = selectors.regelingjaar_voor(aanvraag.regeling, aanvraag.jaar)
        bevindingen = r.controleer_toekenning(
            bedrag=bedrag,
            gevraagd=aanvraag.gevraagd_bedrag,
            vrij=post.vrij,
            maximum=rj.max_per_aanvraag if rj else None,
        )
        if bevindingen:
            raise RegelFout(bevindingen)
        _boeken(post, vastgelegd=bedrag)
        aanvraag.toegekend_bedrag = bedrag
        aanvraag.status = AanvraagStatus.TOEGEKEND
    else:
        aanvraag.toegekend_bedrag = None
        aanvraag.status = AanvraagStatus.AFGEWEZEN
    aanvraag.motivering = motivering
    aanvraag.besluit_door = door
    aanvraag.besluit_op = timezone.now()
    aanvraag._history_user = door
    aanvraag.save(
        update_fields=["toegekend_bedrag", "status", "motivering", "besluit_door", "besluit_op"]
    )
    mail_versturen(
        aan=aanvraag.email,
        onderwerp="Besluit over uw aanvraag - Gemeente Buren",
        template="budgetten/mail/besluit.txt",
        context={"aanvraag": aanvraag, "link": persoonlijke_link(aanvraag)},
    )
    return aanvraag


@transaction.atomic
def aanvraag_betalen(*, aanvraag_id: int, door, bedrag: Decimal) -> Aanvraag:
    """Record a payment: money moves from committed to paid in the ledger."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if aanvraag.status not in STATUS_MET_GELD:
        raise _fout("bedrag", "Alleen een toegekende aanvraag kan worden betaald.")
    bevindingen = r.controleer_betaling(
        bedrag=bedrag, nog_te_betalen=aanvraag.actueel_bedrag - aanvraag.betaald_bedrag
    )
    if bevindingen:
        raise RegelFout(bevindingen)
    post = _post_van_aanvraag(aanvraag)
    _boeken(post, vastgelegd=-bedrag, betaald=bedrag)
    aanvraag.betaald_bedrag += bedrag
    aanvraag._history_user = door
    aanvraag.save(update_fields=["betaald_bedrag"])
    return aanvraag


@transaction.atomic
def aanvraag_vaststellen(
    *, aanvraag_id: int, door, bedrag: Decimal, verantwoording: str
) -> Aanvraag:
    """Settle after the activity (verantwoording). A lower amount releases the difference."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if aanvraag.status != AanvraagStatus.TOEGEKEND:
        raise _fout("bedrag", "Alleen een toegekende aanvraag kan worden afgerekend.")
    if not verantwoording.strip():
        raise _fout("verantwoording", "Beschrijf kort hoe het geld is besteed.")
    bevindingen = r.controleer_vaststelling(
        nieuw=bedrag, toegekend=aanvraag.toegekend_bedrag, betaald=aanvraag.betaald_bedrag
    )
    if bevindingen:
        raise RegelFout(bevindingen)
    post = _post_van_aanvraag(aanvraag)
    _boeken(post, vastgelegd=bedrag - aanvraag.toegekend_bedrag)
    aanvraag.vastgesteld_bedrag = bedrag
    aanvraag.verantwoording = verantwoording.strip()
    aanvraag.status = AanvraagStatus.VASTGESTELD
    aanvraag._history_user = door
    aanvraag.save(update_fields=["vastgesteld_bedrag", "verantwoording", "status"])
    return aanvraag


@transaction.atomic
def aanvraag_intrekken(*, aanvraag_id: int, door, reden: str) -> Aanvraag:
    """Withdraw a grant (or an open application): committed money is released."""
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if aanvraag.status in (AanvraagStatus.AFGEWEZEN, AanvraagStatus.INGETROKKEN):
        raise _fout("reden", "Deze aanvraag is al afgesloten.")
    if aanvraag.status == AanvraagStatus.VASTGESTELD:
        raise _fout("reden", "Deze aanvraag is al afgerekend.")
    if aanvraag.betaald_bedrag > 0:
        raise _fout("reden", "Er is al betaald; stel het bedrag vast in plaats van in te trekken.")
    if not reden.strip():
        raise _fout("reden", "Schrijf waarom de aanvraag wordt ingetrokken.")
    if aanvraag.status == AanvraagStatus.TOEGEKEND:
        post = _post_van_aanvraag(aanvraag)
        _boeken(post, vastgelegd=-aanvraag.toegekend_bedrag)
    aanvraag.status = AanvraagStatus.INGETROKKEN
    aanvraag.motivering = (aanvraag.motivering + "\n\nIngetrokken: " + reden.strip()).strip()
    aanvraag._history_user = door
    aanvraag.save(update_fields=["status", "motivering"])
    return aanvraag


# --- Signaleringsgroepen ----------------------------------------------------------------------


def _signalering() -> Regeling:
    return Regeling.objects.get(code=RegelingCode.SIGNALERING)


@transaction.atomic
def declaratie_indienen(
    *,
    groep: Signaleringsgroep,
    door,
    datum: date,
    omschrijving: str,
    bedrag: Decimal,
    bon: UploadedFile | None,
    bon_extensie: str,
) -> Declaratie:
    jaar = r.telt_in_jaar(datum)
    vrij = selectors.vrij_budget(_signalering(), jaar, groep=groep)
    bevindingen = r.controleer_declaratie(bedrag=bedrag, vrij=vrij, heeft_bon=bon is not None)
    if bevindingen:
        raise RegelFout(bevindingen)
    declaratie = Declaratie(
        groep=groep,
        datum=datum,
        jaar=jaar,
        omschrijving=omschrijving,
        bedrag=bedrag,
        bon=bon,
        bon_extensie=bon_extensie,
        ingediend_door=door,
    )
    declaratie._history_user = door
    declaratie.save()
    return declaratie


@transaction.atomic
def declaratie_beoordelen(
    *, declaratie_id: int, door, goedkeuren: bool, reden: str = ""
) -> Declaratie:
    declaratie = (
        Declaratie.objects.select_for_update(of=("self",))
        .select_related("groep")
        .get(pk=declaratie_id)
    )
    if declaratie.status != DeclaratieStatus.INGEDIEND:
        raise _fout("reden", "Over deze declaratie is al besloten.")
    if goedkeuren:
        post = _budgetpost_vergrendelen(
            regeling=_signalering(), jaar=declaratie.jaar, groep=declaratie.groep
        )
        bevindingen = r.controleer_declaratie(
            bedrag=declaratie.bedrag, vrij=post.vrij, heeft_bon=bool(declaratie.bon)
        )
        if bevindingen:
            raise RegelFout({"reden": [m for ms in bevindingen.values() for m in ms]})
        _boeken(post, vastgelegd=declaratie.bedrag)
        declaratie.status = DeclaratieStatus.GOEDGEKEURD
    else:
        if not reden.strip():
            raise _fout("reden", "Schrijf waarom u de declaratie afwijst.")
        declaratie.status = DeclaratieStatus.AFGEWEZEN
    declaratie.reden = reden.strip()
    declaratie.beoordeeld_door = door
    declaratie.beoordeeld_op = timezone.now()
    declaratie._history_user = door
    declaratie.save(update_fields=["status", "reden", "beoordeeld_door", "beoordeeld_op"])
    return declaratie


@transaction.atomic
def declaratie_betalen(*, declaratie_id: int, door) -> Declaratie:
    declaratie = (
        Declaratie.objects.select_for_update(of=("self",))
        .select_related("groep")
        .get(pk=declaratie_id)
    )
    if declaratie.status != DeclaratieStatus.GOEDGEKEURD:
        raise _fout("reden", "Alleen een goedgekeurde declaratie kan worden betaald.")
    post = _budgetpost_vergrendelen(
        regeling=_signalering(), jaar=declaratie.jaar, groep=declaratie.groep
    )
    _boeken(post, vastgelegd=-declaratie.bedrag, betaald=declaratie.bedrag)
    declaratie.status = DeclaratieStatus.BETAALD
    declaratie._history_user = door
    declaratie.save(update_fields=["status"])
    return declaratie


def vrijwilligersvergoeding_toekennen(*, jaar: int, coordinator, door) -> Vrijwilligersvergoeding:
    """The coördinator's volunteer fee, once per calendar year (unique constraint backs it)."""
    try:
        with transaction.atomic():
            regeling = _signalering()
            post = _budgetpost_vergrendelen(regeling=regeling, jaar=jaar, sleutel=SCOPE_COORDINATOR)
            if Vrijwilligersvergoeding.objects.filter(jaar=jaar).exists():
                raise RegelFout(r.controleer_vrijwilligersvergoeding(al_toegekend=True))
            if post.budget is None:
                raise _fout("jaar", "Voor dit jaar is geen vrijwilligersvergoeding vastgesteld.")
            vergoeding = Vrijwilligersvergoeding(
                jaar=jaar, coordinator=coordinator, bedrag=post.budget, toegekend_door=door
            )
            vergoeding._history_user = door
            vergoeding.save()
            _boeken(post, vastgelegd=post.budget)
            return vergoeding
    except IntegrityError as exc:
        raise RegelFout(r.controleer_vrijwilligersvergoeding(al_toegekend=True)) from exc


# --- The residents' voting round (leefbaarheidsbudget) ----------------------------------------
# docs/decisions/0008-leefbaarheid-stemronde.md. Lock order: stemronde, then aanvragen (pk
# order), then the ledger row - the same "object first, ledger second" as above.

STEM_BEVESTIG_SOORT = "stembiljet-bevestigen"
STEM_BEVESTIG_GELDIG_DAGEN = 7

STEMRONDE_OVERGANGEN: dict[str, frozenset[str]] = {
    StemrondeFase.VOORBEREIDING: frozenset({StemrondeFase.OPEN}),
    StemrondeFase.OPEN: frozenset({StemrondeFase.GESLOTEN}),
    StemrondeFase.GESLOTEN: frozenset({StemrondeFase.VERDEELD}),
    StemrondeFase.VERDEELD: frozenset(),
}


def _leefbaarheid() -> Regeling:
    return Regeling.objects.get(code=RegelingCode.LEEFBAARHEID)


def _in_lopende_stemronde(aanvraag: Aanvraag) -> bool:
    return (
        Kandidaat.objects.filter(aanvraag=aanvraag, status=KandidaatStatus.TOEGELATEN)
        .exclude(stemronde__fase=StemrondeFase.VERDEELD)
        .exists()
    )


def _vergrendel_stemronde(stemronde_id: int) -> Stemronde:
    return (
        Stemronde.objects.select_for_update(of=("self",))
        .select_related("kern")
        .get(pk=stemronde_id)
    )


def _datum_tekst(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def stemronde_aanmaken(
    *,
    kern: Kern,
    jaar: int,
    stemmen_van: date,
    stemmen_tot: date,
    door,
    toelichting: str = "",
    vandaag: date | None = None,
) -> Stemronde:
    """A new round for a kern and budget year, in preparation. One per kern per year."""
    vandaag = vandaag or timezone.localdate()
    bevindingen = r.controleer_stemronde_periode(
        jaar=jaar, stemmen_van=stemmen_van, stemmen_tot=stemmen_tot, vandaag=vandaag
    )
    if bevindingen:
        raise RegelFout(bevindingen)
    dubbel = _fout("jaar", f"{kern.naam} heeft al een stemronde voor {jaar}.")
    if Stemronde.objects.filter(kern=kern, jaar=jaar).exists():
        raise dubbel
    ronde = Stemronde(
        kern=kern,
        jaar=jaar,
        stemmen_van=stemmen_van,
        stemmen_tot=stemmen_tot,
        toelichting=toelichting.strip(),
        aangemaakt_door=door,
    )
    ronde._history_user = door
    try:
        with transaction.atomic():
            ronde.save()
    except IntegrityError as exc:  # two officials at the same moment
        raise dubbel from exc
    return ronde


@transaction.atomic
def stemronde_data_wijzigen(
    *,
    stemronde_id: int,
    stemmen_van: date,
    stemmen_tot: date,
    door,
    vandaag: date | None = None,
) -> Stemronde:
    """Change the voting dates of a round that is still in preparation (not after opening:
    applicants and residents have then been told the dates)."""
    vandaag = vandaag or timezone.localdate()
    ronde = _vergrendel_stemronde(stemronde_id)
    bevindingen = r.controleer_stemronde_datums_wijzigen(
        fase=ronde.fase,
        jaar=ronde.jaar,
        stemmen_van=stemmen_van,
        stemmen_tot=stemmen_tot,
        vandaag=vandaag,
    )
    if bevindingen:
        raise RegelFout(bevindingen)
    ronde.stemmen_van = stemmen_van
    ronde.stemmen_tot = stemmen_tot
    ronde._history_user = door
    ronde.full_clean()
    ronde.save(update_fields=["stemmen_van", "stemmen_tot"])
    return ronde


@transaction.atomic
def kandidaat_beoordelen(
    *,
    stemronde_id: int,
    aanvraag_id: int,
    door,
    toelaten: bool,
    reden: str = "",
    titel: str = "",
    omschrijving: str = "",
) -> Kandidaat:
    """Admit an aanvraag to the round (with the texts residents will see) or not (with a
    reason). Can be changed while the round is in preparation."""
    ronde = _vergrendel_stemronde(stemronde_id)
    if ronde.fase != StemrondeFase.VOORBEREIDING:
        raise _fout("status", "Kandidaten kiest u alleen zolang de stemronde in voorbereiding is.")
    aanvraag = _vergrendel_aanvraag(aanvraag_id)
    if (
        aanvraag.regeling.code != RegelingCode.LEEFBAARHEID
        or aanvraag.kern_id != ronde.kern_id
        or aanvraag.jaar != ronde.jaar
    ):
        raise _fout("status", "Deze aanvraag hoort niet bij deze stemronde.")
    if aanvraag.status != AanvraagStatus.INGEDIEND:
        raise _fout("status", "Over deze aanvraag is al besloten.")
    reden, titel, omschrijving = reden.strip(), titel.strip(), omschrijving.strip()
    if toelaten:
        rj = selectors.regelingjaar_voor(aanvraag.regeling, aanvraag.jaar)
        bevindingen = r.controleer_kandidaat(
            criteria=aanvraag.criteria,
            draagvlak=aanvraag.draagvlak,
            gevraagd=aanvraag.gevraagd_bedrag,
            plafond=rj.plafond if rj else None,
        )
        if not titel:
            bevindingen.setdefault("titel", []).append("Geef het initiatief een naam.")
        if not omschrijving:
            bevindingen.setdefault("omschrijving", []).append("Schrijf kort wat het initiatief is.")
        if bevindingen:
            raise RegelFout(bevindingen)
    elif not reden:
        raise _fout("reden", "Schrijf waarom dit initiatief niet meedoet.")
    kandidaat = Kandidaat.objects.filter(aanvraag=aanvraag).first() or Kandidaat(
        aanvraag=aanvraag, stemronde=ronde
    )
    kandidaat.status = KandidaatStatus.TOEGELATEN if toelaten else KandidaatStatus.NIET_TOEGELATEN
    kandidaat.reden = "" if toelaten else reden
    kandidaat.titel = titel or aanvraag.titel
    kandidaat.omschrijving = omschrijving or aanvraag.omschrijving
    kandidaat.gevraagd_bedrag = aanvraag.gevraagd_bedrag
    kandidaat.beoordeeld_door = door
    kandidaat.beoordeeld_op = timezone.now()
    kandidaat._history_user = door
    kandidaat.full_clean()
    kandidaat.save()
    return kandidaat


@transaction.atomic
def stemronde_fase_wijzigen(
    *, stemronde_id: int, naar: str, door, vandaag: date | None = None
) -> Stemronde:
    """The one transition service of a round: voorbereiding -> open -> gesloten -> verdeeld.
    Refuses every other move, so a round is never opened, closed or divided twice."""
    vandaag = vandaag or timezone.localdate()
    ronde = _vergrendel_stemronde(stemronde_id)
    if naar not in STEMRONDE_OVERGANGEN[ronde.fase]:
        if ronde.fase == StemrondeFase.VERDEELD:
            raise _fout("fase", "Deze stemronde is al verdeeld.")
        raise _fout(
            "fase",
            f"Deze stap kan nu niet. De stemronde is: {StemrondeFase(ronde.fase).label}.",
        )
    if naar == StemrondeFase.OPEN:
        _stemronde_openen(ronde, vandaag=vandaag)
    elif naar == StemrondeFase.GESLOTEN:
        _stemronde_sluiten(ronde, vandaag=vandaag)
    else:
        _stemronde_verdelen(ronde, door=door)
    ronde._history_user = door
    ronde.save(
        update_fields=[
            "fase",
            "geopend_op",
            "gesloten_op",
            "verdeeld_op",
            "verdeeld_door",
            "beschikbaar_bij_verdeling",
        ]
    )
    return ronde


def _stemronde_openen(ronde: Stemronde, *, vandaag: date) -> None:
    nog_te_doen = selectors.aanvragen_voor_stemronde(ronde).filter(kandidatuur__isnull=True)
    if nog_te_doen.exists():
        raise _fout(
            "fase",
            f"Beoordeel eerst alle aanvragen ({nog_te_doen.count()} nog niet). "
            "Dan weet elke aanvrager of het initiatief meedoet.",
        )
    kandidaten = list(ronde.kandidaten.select_related("aanvraag"))
    if not any(k.status == KandidaatStatus.TOEGELATEN for k in kandidaten):
        raise _fout("fase", "Laat ten minste één initiatief meedoen.")
    if ronde.stemmen_tot < vandaag:
        raise _fout("fase", "De einddatum om te stemmen ligt in het verleden.")
    ronde.fase = StemrondeFase.OPEN
    ronde.geopend_op = timezone.now()
    pagina = settings.SITE_URL + ronde.get_absolute_url()
    for k in kandidaten:
        mail_versturen(
            aan=k.aanvraag.email,
            onderwerp="Stemronde leefbaarheidsbudget - Gemeente Buren",
            template="budgetten/mail/stemronde_kandidaat.txt",
            context={"kandidaat": k, "aanvraag": k.aanvraag, "ronde": ronde, "pagina": pagina},
        )


def _stemronde_sluiten(ronde: Stemronde, *, vandaag: date) -> None:
    if vandaag <= ronde.stemmen_tot:
        raise _fout(
            "fase",
            f"Stemmen kan nog tot en met {_datum_tekst(ronde.stemmen_tot)}. "
            "Sluit de stemronde daarna.",
        )
    ronde.fase = StemrondeFase.GESLOTEN
    ronde.gesloten_op = timezone.now()


def _motivering_uit_stemronde(ronde: Stemronde, t: r.Toewijzing) -> str:
    stemmen = "1 stem" if t.stemmen == 1 else f"{t.stemmen} stemmen"
    basis = (
        f"De inwoners van {ronde.kern.naam} hebben het leefbaarheidsbudget {ronde.jaar} "
        f"verdeeld. Uw initiatief kreeg {stemmen} (plaats {t.plaats})."
    )
    if t.uitkomst == KandidaatUitkomst.TOEGEKEND:
        return f"{basis} U krijgt het bedrag dat u vroeg."
    if t.uitkomst == KandidaatUitkomst.GEEN_STEUN:
        return f"{basis} Zonder stemmen krijgt een initiatief geen geld uit de stemronde."
    return (
        f"{basis} Wat er over was van het budget, was niet genoeg voor het bedrag dat u vroeg. "
        "Initiatieven met meer stemmen gingen voor."
    )


def _stemronde_verdelen(ronde: Stemronde, *, door) -> None:
    """Rank by confirmed votes and grant in that order until the money is spent. Every grant
    goes through aanvraag_besluiten, which locks the ledger row and re-checks the free amount
    in this same transaction, so the kern's EUR 2000 cap holds."""
    kandidaten = {
        k.pk: k
        for k in selectors.kandidaten_met_stemmen(ronde).filter(status=KandidaatStatus.TOEGELATEN)
    }
    aanvragen = {
        a.pk: a
        for a in Aanvraag.objects.select_for_update(of=("self",))
        .filter(pk__in=[k.aanvraag_id for k in kandidaten.values()])
        .order_by("pk")
    }
    post = _budgetpost_vergrendelen(regeling=_leefbaarheid(), jaar=ronde.jaar, kern=ronde.kern)
    if post.vrij is None:
        raise _fout("fase", "Voor dit jaar is geen leefbaarheidsbudget vastgesteld.")
    toewijzingen = r.verdeel_budget(
        [
            r.StemKandidaat(
                id=k.pk,
                stemmen=k.aantal_stemmen,
                gevraagd=k.gevraagd_bedrag,
                ingediend_op=aanvragen[k.aanvraag_id].ingediend_op,
                vervallen=aanvragen[k.aanvraag_id].status != AanvraagStatus.INGEDIEND,
            )
            for k in kandidaten.values()
        ],
        beschikbaar=post.vrij,
    )
    for t in toewijzingen:
        k = kandidaten[t.id]
        if t.uitkomst != KandidaatUitkomst.VERVALLEN:
            aanvraag_besluiten(
                aanvraag_id=k.aanvraag_id,
                door=door,
                toekennen=t.bedrag > 0,
                bedrag=t.bedrag if t.bedrag > 0 else None,
                motivering=_motivering_uit_stemronde(ronde, t),
                via_stemronde=True,
            )
        k.stemmen = t.stemmen
        k.plaats = t.plaats
        k.uitkomst = t.uitkomst
        k.toegekend_bedrag = t.bedrag
        k._history_user = door
        k.save(update_fields=["stemmen", "plaats", "uitkomst", "toegekend_bedrag"])
    ronde.beschikbaar_bij_verdeling = post.vrij
    ronde.fase = StemrondeFase.VERDEELD
    ronde.verdeeld_op = timezone.now()
    ronde.verdeeld_door = door


# --- Voting -----------------------------------------------------------------------------------


def stem_bevestig_link(biljet: Stembiljet) -> str:
    token = maak_token(soort=STEM_BEVESTIG_SOORT, pk=biljet.pk, versie=biljet.link_versie)
    return settings.SITE_URL + reverse("budgetten:stem_bevestigen", kwargs={"token": token})


def _email_normaal(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def stem_uitbrengen(
    *,
    stemronde_id: int,
    email: str,
    kandidaat_ids: list[int],
    postcode: str = "",
    vandaag: date | None = None,
) -> Stembiljet:
    """Record a vote that waits for confirmation and mail the link.

    One ballot per email address per round. Voting again with the same address keeps the
    ballot and its counted choice; the new choice replaces it only when the new link is
    confirmed (and older links stop working). The answer is the same whether or not the
    address voted before, so the page reveals nothing about other people's votes."""
    vandaag = vandaag or timezone.localdate()
    ronde = _vergrendel_stemronde(stemronde_id)
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        raise _fout("kandidaten", "Stemmen kan nu niet in deze stemronde.")
    keuze = sorted(set(kandidaat_ids))
    if not keuze:
        raise _fout("kandidaten", "Kies ten minste één initiatief dat u steunt.")
    gekozen = list(
        ronde.kandidaten.filter(status=KandidaatStatus.TOEGELATEN, pk__in=keuze).order_by("titel")
    )
    if len(gekozen) != len(keuze):
        raise _fout("kandidaten", "Kies alleen initiatieven uit de lijst.")
    email = _email_normaal(email)
    biljet = (
        Stembiljet.objects.select_for_update().filter(stemronde=ronde, email__iexact=email).first()
    )
    if biljet is None:
        biljet = Stembiljet(stemronde=ronde, email=email, postcode=postcode, voorlopige_keuze=keuze)
        biljet.full_clean()
        biljet.save()
    else:
        biljet.voorlopige_keuze = keuze
        biljet.postcode = postcode
        biljet.link_versie += 1
        biljet.full_clean()
        biljet.save(update_fields=["voorlopige_keuze", "postcode", "link_versie"])
    mail_versturen(
        aan=email,
        onderwerp="Bevestig uw stem - Gemeente Buren",
        template="budgetten/mail/stem_bevestigen.txt",
        context={
            "ronde": ronde,
            "gekozen": gekozen,
            "link": stem_bevestig_link(biljet),
            "geldig_dagen": STEM_BEVESTIG_GELDIG_DAGEN,
        },
    )
    return biljet


@transaction.atomic
def stem_bevestigen(*, stembiljet_id: int, vandaag: date | None = None) -> Stembiljet:
    """The voter clicked the link: the waiting choice becomes the counted one. Only while
    the round is open; safe to click twice."""
    vandaag = vandaag or timezone.localdate()
    ronde_id = Stembiljet.objects.values_list("stemronde_id", flat=True).get(pk=stembiljet_id)
    ronde = _vergrendel_stemronde(ronde_id)
    biljet = Stembiljet.objects.select_for_update().get(pk=stembiljet_id)
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        raise _fout("stem", "Stemmen is gesloten. Uw stem telt niet mee.")
    if not biljet.voorlopige_keuze:
        return biljet
    biljet.steunt.set(
        ronde.kandidaten.filter(status=KandidaatStatus.TOEGELATEN, pk__in=biljet.voorlopige_keuze)
    )
    biljet.voorlopige_keuze = []
    biljet.bevestigd_op = timezone.now()
    biljet.save(update_fields=["voorlopige_keuze", "bevestigd_op"])
    return biljet


# --- Privacy: ballots after the division -------------------------------------------------------
# docs/decisions/0008-leefbaarheid-stemronde.md ("Na de verdeling")

ANONIMISEREN_NA_DAGEN = 30
ANONIEM_DOMEIN = "geanonimiseerd.invalid"


def _pseudoniem(*, sleutel: bytes, email: str) -> str:
    digest = hmac.new(sleutel, email.strip().lower().encode(), hashlib.sha256).hexdigest()
    return f"{digest}@{ANONIEM_DOMEIN}"


def stembiljetten_anonimiseren(*, nu: datetime | None = None) -> int:
    """Replace the email address (and postcode) of every ballot of rounds divided more than
    ANONIMISEREN_NA_DAGEN days ago by a keyed hash. The key is random per round and per run
    and is never stored, so nobody can link a ballot back to an address; distinct addresses
    keep distinct values, so the unique constraint (stemronde, lower(email)) still holds and
    still says "one ballot per address". Vote counts (steunt, Kandidaat.stemmen) stay.
    Safe to run twice: anonymised ballots are skipped; one round per transaction."""
    nu = nu or timezone.now()
    grens = nu - timedelta(days=ANONIMISEREN_NA_DAGEN)
    ronde_ids = list(
        Stemronde.objects.filter(
            fase=StemrondeFase.VERDEELD,
            verdeeld_op__lte=grens,
            stembiljetten__geanonimiseerd_op__isnull=True,
        )
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    aantal = 0
    for ronde_id in ronde_ids:
        with transaction.atomic():
            _vergrendel_stemronde(ronde_id)
            biljetten = list(
                Stembiljet.objects.select_for_update()
                .filter(stemronde_id=ronde_id, geanonimiseerd_op__isnull=True)
                .order_by("pk")
            )
            sleutel = secrets.token_bytes(32)
            for biljet in biljetten:
                biljet.email = _pseudoniem(sleutel=sleutel, email=biljet.email)
                biljet.postcode = ""
                biljet.voorlopige_keuze = []
                biljet.geanonimiseerd_op = nu
            Stembiljet.objects.bulk_update(
                biljetten, ["email", "postcode", "voorlopige_keuze", "geanonimiseerd_op"]
            )
            aantal += len(biljetten)
    return aantal
