"""Signaleringsgroepen: declarations (filed, decided, paid) and the volunteer fee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.fouten import Weigering
from kernen.models import Signaleringsgroep

from .. import regels as r
from .. import selectors
from ..constants import (
    SCOPE_COORDINATOR,
    DeclaratieStatus,
    RegelingCode,
)
from ..models import (
    Declaratie,
    Regeling,
    Vrijwilligersvergoeding,
)
from . import ledger
from ._gedeeld import fout, historie_door

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
    bon: File | None,
    bon_extensie: str,
) -> Declaratie:
    jaar = r.telt_in_jaar(datum)
    vrij = selectors.vrij_budget(_signalering(), jaar, groep=groep)
    bevindingen = r.controleer_declaratie(bedrag=bedrag, vrij=vrij, heeft_bon=bon is not None)
    if bevindingen:
        raise Weigering(bevindingen)
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
    historie_door(declaratie, door)
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
        raise fout("reden", "Over deze declaratie is al besloten.")
    if goedkeuren:
        post = ledger.vergrendelen(
            regeling=_signalering(), jaar=declaratie.jaar, groep=declaratie.groep
        )
        bevindingen = r.controleer_declaratie(
            bedrag=declaratie.bedrag, vrij=post.vrij, heeft_bon=bool(declaratie.bon)
        )
        if bevindingen:
            raise Weigering({"reden": [m for ms in bevindingen.values() for m in ms]})
        ledger.boeken(post, vastgelegd=declaratie.bedrag)
        declaratie.status = DeclaratieStatus.GOEDGEKEURD
    else:
        if not reden.strip():
            raise fout("reden", "Schrijf waarom u de declaratie afwijst.")
        declaratie.status = DeclaratieStatus.AFGEWEZEN
    declaratie.reden = reden.strip()
    declaratie.beoordeeld_door = door
    declaratie.beoordeeld_op = timezone.now()
    historie_door(declaratie, door)
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
        raise fout("reden", "Alleen een goedgekeurde declaratie kan worden betaald.")
    post = ledger.vergrendelen(
        regeling=_signalering(), jaar=declaratie.jaar, groep=declaratie.groep
    )
    ledger.boeken(post, vastgelegd=-declaratie.bedrag, betaald=declaratie.bedrag)
    declaratie.status = DeclaratieStatus.BETAALD
    historie_door(declaratie, door)
    declaratie.save(update_fields=["status"])
    return declaratie


def vrijwilligersvergoeding_toekennen(*, jaar: int, coordinator, door) -> Vrijwilligersvergoeding:
    """The coördinator's volunteer fee, once per calendar year (unique constraint backs it)."""
    try:
        with transaction.atomic():
            regeling = _signalering()
            post = ledger.vergrendelen(regeling=regeling, jaar=jaar, sleutel=SCOPE_COORDINATOR)
            if Vrijwilligersvergoeding.objects.filter(jaar=jaar).exists():
                raise Weigering(r.controleer_vrijwilligersvergoeding(al_toegekend=True))
            if post.budget is None:
                raise fout("jaar", "Voor dit jaar is geen vrijwilligersvergoeding vastgesteld.")
            vergoeding = Vrijwilligersvergoeding(
                jaar=jaar, coordinator=coordinator, bedrag=post.budget, toegekend_door=door
            )
            historie_door(vergoeding, door)
            vergoeding.save()
            ledger.boeken(post, vastgelegd=post.budget)
            return vergoeding
    except IntegrityError as exc:
        raise Weigering(r.controleer_vrijwilligersvergoeding(al_toegekend=True)) from exc
