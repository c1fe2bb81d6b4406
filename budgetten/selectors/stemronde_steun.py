"""Reads of support (steun) for voting candidates, and the count the minimum uses.

How the count adds up: a candidate's supporters are the confirmed addresses that support the
candidate, together with those that support the initiative its aanvraag is linked to (if
any) - one idea, one draagvlak. An address that supports both counts once. The same count
shows on the public round page and in the kernambtenaar's round view, and it is the count
the regeling's minimum (RegelingJaar.min_steun) is checked against, both when the round is
divided and when an aanvraag is decided one by one (`steun_aantal_aanvraag`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Steun

from .. import regels as r
from ..constants import KandidaatStatus
from ..models import Aanvraag, Kandidaat, KandidaatSteun


def steunbare_kandidaat(*, pk: int, vandaag: date) -> Kandidaat | None:
    """An admitted candidate of a round in which residents can vote today: support is
    gathered while the round is open, so the count is settled when it closes."""
    kandidaat = (
        Kandidaat.objects.filter(pk=pk, status=KandidaatStatus.TOEGELATEN)
        .select_related("stemronde__kern")
        .first()
    )
    if kandidaat is None:
        return None
    ronde = kandidaat.stemronde
    if not r.stemmen_mogelijk(
        fase=ronde.fase,
        stemmen_van=ronde.stemmen_van,
        stemmen_tot=ronde.stemmen_tot,
        vandaag=vandaag,
    ):
        return None
    return kandidaat


def kandidaat_steun_qs() -> QuerySet[KandidaatSteun]:
    """The queryset a candidate's steun link is resolved against."""
    return KandidaatSteun.objects.select_related("kandidaat__stemronde__kern")


def steun_aantallen_kandidaten(kandidaat_ids: Iterable[int]) -> dict[int, int]:
    """Confirmed supporters per candidate id (zeros included): the candidate's own and its
    linked initiative's, each address once. One query, whatever the number."""
    ids = {i for i in kandidaat_ids if i is not None}
    if not ids:
        return {}
    adressen: dict[int, set[str]] = {i: set() for i in ids}
    eigen = KandidaatSteun.objects.filter(
        kandidaat_id__in=ids, email_bevestigd_op__isnull=False
    ).values_list("kandidaat_id", "email")
    # The initiative's supporters, reached through the candidate's aanvraag.
    via_initiatief = Steun.objects.filter(
        initiatief__budgetaanvragen__kandidatuur__in=ids, email_bevestigd_op__isnull=False
    ).values_list("initiatief__budgetaanvragen__kandidatuur", "email")
    for kandidaat_id, email in eigen.union(via_initiatief, all=True):
        adressen[kandidaat_id].add(email.lower())
    return {i: len(a) for i, a in adressen.items()}


def steun_aantal_aanvraag(aanvraag: Aanvraag) -> int | None:
    """The supporters the minimum of the regeling is checked against, or None when nobody
    could support this aanvraag (no linked initiative and no candidacy in a round): then
    the minimum does not apply, as nothing could have been gathered."""
    kandidaat_id = (
        Kandidaat.objects.filter(aanvraag=aanvraag, status=KandidaatStatus.TOEGELATEN)
        .values_list("pk", flat=True)
        .first()
    )
    if kandidaat_id is not None:
        return steun_aantallen_kandidaten([kandidaat_id])[kandidaat_id]
    if aanvraag.initiatief_id is not None:
        return initiatieven_selectors.aantal_steun(initiatief_id=aanvraag.initiatief_id)
    return None
