"""Applying, advice, decision, payment, settlement and withdrawal of aanvragen.

Each write locks the aanvraag (so nobody decides twice) and books money only through
`ledger`, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen
from kernen.models import Kern

from .. import regels as r
from .. import selectors, workflow
from ..constants import (
    AanvraagStatus,
    RegelingCode,
)
from ..models import (
    Aanvraag,
    Kostenpost,
    Regeling,
)
from . import ledger
from ._gedeeld import fout, historie_door


def vergrendel_aanvraag(aanvraag_id: int) -> Aanvraag:
    return (
        Aanvraag.objects.select_for_update(of=("self",))
        .select_related("regeling", "kern")
        .get(pk=aanvraag_id)
    )


# --- Links and mail ---------------------------------------------------------------------------

AANVRAAG_LINK = LinkSoort("budgetaanvraag", "budgetten:mijn_aanvraag")
AANVRAAG_BEVESTIGEN = LinkSoort(
    "budgetaanvraag-bevestigen", "budgetten:bevestigen", geldig_dagen=BEVESTIG_GELDIG_DAGEN
)

# Another process may hold an aanvraag for a while (the voting round decides its candidates
# together). It registers a check here that says why the aanvraag cannot be decided now;
# `toekennen` says whether the decision is a grant (a refusal may be allowed where a grant is not).
BesluitBlokkade = Callable[[Aanvraag, bool], str | None]
_besluit_blokkades: list[BesluitBlokkade] = []


def besluit_blokkade(check: BesluitBlokkade) -> BesluitBlokkade:
    """Register `check(aanvraag, toekennen) -> reason or None`, run by aanvraag_besluiten."""
    _besluit_blokkades.append(check)
    return check


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
        raise Weigering(toetsing.bevindingen)
    if toetsing.bedrag is None:
        raise fout("gevraagd_bedrag", "Vul een bedrag in.")
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
        context={"aanvraag": aanvraag, "link": AANVRAAG_BEVESTIGEN.url(aanvraag)},
    )
    return aanvraag


@transaction.atomic
def aanvraag_bevestigen(*, aanvraag_id: int) -> Aanvraag:
    """The inwoner clicked the confirmation link. Safe to click twice."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if not workflow.mag(aanvraag, workflow.BEVESTIGEN):
        return aanvraag
    aanvraag.status = AanvraagStatus.INGEDIEND
    aanvraag.email_bevestigd_op = timezone.now()
    aanvraag.ingediend_op = timezone.now()
    aanvraag.save(update_fields=["status", "email_bevestigd_op", "ingediend_op"])
    mail_versturen(
        aan=aanvraag.email,
        onderwerp="Uw aanvraag is ontvangen - Gemeente Buren",
        template="budgetten/mail/ontvangen.txt",
        context={"aanvraag": aanvraag, "link": AANVRAAG_LINK.url(aanvraag)},
    )
    return aanvraag


# --- Advice and decision ----------------------------------------------------------------------


@transaction.atomic
def aanvraag_adviseren(*, aanvraag_id: int, door, advies: str, bedrag: Decimal | None) -> Aanvraag:
    """The kernambtenaar's advice on a bijzonder initiatief puts it in the college's queue."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if aanvraag.regeling.code != RegelingCode.BIJZONDER:
        raise fout("advies", "Alleen bijzondere initiatieven gaan met advies naar het college.")
    if not workflow.mag(aanvraag, workflow.ADVISEREN):
        raise fout("advies", "Over deze aanvraag is al geadviseerd of besloten.")
    if not advies.strip():
        raise fout("advies", "Schrijf uw advies voor het college.")
    if bedrag is not None and bedrag > aanvraag.gevraagd_bedrag:
        raise fout("bedrag", "Adviseer niet meer dan er is gevraagd.")
    aanvraag.advies = advies.strip()
    aanvraag.advies_bedrag = bedrag
    aanvraag.advies_door = door
    aanvraag.advies_op = timezone.now()
    aanvraag.status = AanvraagStatus.BIJ_COLLEGE
    historie_door(aanvraag, door)
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
) -> Aanvraag:
    """Grant (fully or partly) or refuse. Locks the aanvraag, re-checks every rule, locks the
    ledger row and re-checks the free amount there - all in this one transaction.

    A process that holds the aanvraag (see `besluit_blokkade`) refuses the decision."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    for blokkade in _besluit_blokkades:
        if reden := blokkade(aanvraag, toekennen):
            raise fout("motivering", reden)
    bijzonder = aanvraag.regeling.code == RegelingCode.BIJZONDER
    if not workflow.mag(aanvraag, workflow.BESLUITEN):
        if aanvraag.besluit_op:
            raise fout("motivering", "Over deze aanvraag is al besloten.")
        raise fout("motivering", "Deze aanvraag kan nu niet worden besloten.")
    motivering = motivering.strip()
    if not motivering and (bijzonder or not toekennen):
        raise fout("motivering", "Schrijf de motivering van het besluit.")
    if toekennen:
        if bedrag is None:
            raise fout("bedrag", "Vul het bedrag in dat u toekent.")
        if bedrag < aanvraag.gevraagd_bedrag and not motivering:
            raise fout("motivering", "Leg uit waarom u minder toekent dan is gevraagd.")
        # The ledger row first: it serialises every grant from this pot, so the check below
        # sees a grant that a parallel decision committed a moment ago.
        post = ledger.post_van_aanvraag(aanvraag)
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
                raise fout(
                    "motivering",
                    "Deze straat of buurt kreeg dit jaar al een bijdrage voor dezelfde activiteit "
                    "of doelgroep.",
                )
        rj = selectors.regelingjaar_voor(aanvraag.regeling, aanvraag.jaar)
        # The supporters of the linked initiative and, for a voting candidate, of the
        # candidate, each address once (selectors.steun_aantal_aanvraag); None: nobody
        # could support this aanvraag, so no minimum applies.
        steun_aantal = selectors.steun_aantal_aanvraag(aanvraag) if rj is not None else None
        if rj is not None and steun_aantal is not None:
            tekort = r.steun_tekort(minimum=rj.min_steun, aantal=steun_aantal)
            if tekort:
                raise fout("motivering", tekort)
        bevindingen = r.controleer_toekenning(
            bedrag=bedrag,
            gevraagd=aanvraag.gevraagd_bedrag,
            vrij=post.vrij,
            maximum=rj.max_per_aanvraag if rj else None,
        )
        if bevindingen:
            raise Weigering(bevindingen)
        ledger.boeken(post, vastgelegd=bedrag)
        aanvraag.toegekend_bedrag = bedrag
        aanvraag.status = AanvraagStatus.TOEGEKEND
    else:
        aanvraag.toegekend_bedrag = None
        aanvraag.status = AanvraagStatus.AFGEWEZEN
    aanvraag.motivering = motivering
    aanvraag.besluit_door = door
    aanvraag.besluit_op = timezone.now()
    historie_door(aanvraag, door)
    aanvraag.save(
        update_fields=["toegekend_bedrag", "status", "motivering", "besluit_door", "besluit_op"]
    )
    mail_versturen(
        aan=aanvraag.email,
        onderwerp="Besluit over uw aanvraag - Gemeente Buren",
        template="budgetten/mail/besluit.txt",
        context={
            "aanvraag": aanvraag,
            "voortgang": workflow.voortgang(aanvraag),
            "link": AANVRAAG_LINK.url(aanvraag),
        },
    )
    return aanvraag


@transaction.atomic
def aanvraag_betalen(*, aanvraag_id: int, door, bedrag: Decimal) -> Aanvraag:
    """Record a payment: money moves from committed to paid in the ledger."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if not workflow.mag(aanvraag, workflow.BETALEN):
        raise fout("bedrag", "Alleen een toegekende aanvraag kan worden betaald.")
    bevindingen = r.controleer_betaling(
        bedrag=bedrag, nog_te_betalen=aanvraag.actueel_bedrag - aanvraag.betaald_bedrag
    )
    if bevindingen:
        raise Weigering(bevindingen)
    post = ledger.post_van_aanvraag(aanvraag)
    ledger.boeken(post, vastgelegd=-bedrag, betaald=bedrag)
    aanvraag.betaald_bedrag += bedrag
    historie_door(aanvraag, door)
    aanvraag.save(update_fields=["betaald_bedrag"])
    return aanvraag


@transaction.atomic
def aanvraag_vaststellen(
    *, aanvraag_id: int, door, bedrag: Decimal, verantwoording: str
) -> Aanvraag:
    """Settle after the activity (verantwoording). A lower amount releases the difference."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if not workflow.mag(aanvraag, workflow.VASTSTELLEN):
        raise fout("bedrag", "Alleen een toegekende aanvraag kan worden afgerekend.")
    if not verantwoording.strip():
        raise fout("verantwoording", "Beschrijf kort hoe het geld is besteed.")
    toegekend = aanvraag.toegekend_bedrag or Decimal("0")
    bevindingen = r.controleer_vaststelling(
        nieuw=bedrag, toegekend=toegekend, betaald=aanvraag.betaald_bedrag
    )
    if bevindingen:
        raise Weigering(bevindingen)
    post = ledger.post_van_aanvraag(aanvraag)
    ledger.boeken(post, vastgelegd=bedrag - toegekend)
    aanvraag.vastgesteld_bedrag = bedrag
    aanvraag.verantwoording = verantwoording.strip()
    aanvraag.status = AanvraagStatus.VASTGESTELD
    historie_door(aanvraag, door)
    aanvraag.save(update_fields=["vastgesteld_bedrag", "verantwoording", "status"])
    return aanvraag


@transaction.atomic
def aanvraag_intrekken(*, aanvraag_id: int, door, reden: str) -> Aanvraag:
    """Withdraw a grant (or an open application): committed money is released."""
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if not workflow.mag(aanvraag, workflow.INTREKKEN):
        if aanvraag.status == AanvraagStatus.VASTGESTELD:
            raise fout("reden", "Deze aanvraag is al afgerekend.")
        raise fout("reden", "Deze aanvraag is al afgesloten.")
    if aanvraag.betaald_bedrag > 0:
        raise fout("reden", "Er is al betaald; stel het bedrag vast in plaats van in te trekken.")
    if not reden.strip():
        raise fout("reden", "Schrijf waarom de aanvraag wordt ingetrokken.")
    if aanvraag.status == AanvraagStatus.TOEGEKEND:
        post = ledger.post_van_aanvraag(aanvraag)
        ledger.boeken(post, vastgelegd=-(aanvraag.toegekend_bedrag or Decimal("0")))
    aanvraag.status = AanvraagStatus.INGETROKKEN
    aanvraag.motivering = (aanvraag.motivering + "\n\nIngetrokken: " + reden.strip()).strip()
    historie_door(aanvraag, door)
    aanvraag.save(update_fields=["status", "motivering"])
    return aanvraag
