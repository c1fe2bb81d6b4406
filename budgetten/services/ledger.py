"""The ledger: the only code that writes money amounts (Budgetpost.vastgelegd / betaald).

Every booking runs inside the caller's transaction on a row locked by `vergrendelen`
(select_for_update), re-checks the free amount and is backed by the database constraint.
Lock order: the aanvraag/declaratie/stemronde first, the ledger row second, so two writers
cannot deadlock.
"""

from __future__ import annotations

from decimal import Decimal

from kernen.models import Kern, Signaleringsgroep

from .. import selectors
from ..constants import (
    SCOPE_COORDINATOR,
)
from ..models import (
    Aanvraag,
    Budgetpost,
    Regeling,
)
from ._gedeeld import fout


def vergrendelen(
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
        raise fout("bedrag", "Voor dit jaar zijn de bedragen van deze regeling nog niet bekend.")
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
            raise fout(
                "bedrag",
                "Het budget voor dit jaar is lager dan wat al is toegekend. "
                "Neem contact op met functioneel beheer.",
            )
        post.budget = budget
        post.save(update_fields=["budget"])
    return post


def boeken(
    post: Budgetpost, *, vastgelegd: Decimal = Decimal("0"), betaald: Decimal = Decimal("0")
):
    """Move money on a locked ledger row; the database constraint backs the check."""
    post.vastgelegd += vastgelegd
    post.betaald += betaald
    if post.vrij is not None and post.vrij < 0:
        raise fout("bedrag", "Er is niet genoeg budget meer vrij.")
    post.full_clean()
    post.save(update_fields=["vastgelegd", "betaald"])


def post_van_aanvraag(aanvraag: Aanvraag) -> Budgetpost:
    return vergrendelen(regeling=aanvraag.regeling, jaar=aanvraag.jaar, kern=aanvraag.kern)
