"""Reads of the signaleringsgroepen."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from ..constants import DeclaratieStatus, RegelingCode
from ..models import (
    Declaratie,
    Regeling,
    Vrijwilligersvergoeding,
)


def declaraties_voor_medewerker(user) -> QuerySet[Declaratie]:
    qs = Declaratie.objects.select_related("groep", "ingediend_door", "beoordeeld_door")
    # Whoever may see declarations sees them all (rule budgetten.view_declaraties).
    return qs if user.has_perm("budgetten.view_declaraties") else qs.none()


def rapport_signalering(*, begin, einde) -> dict[int, tuple[Decimal, Decimal]]:
    """Money of the signaleringsgroepen in [begin, einde), keyed by the regeling's id:
    (granted, paid). Declarations count when judged in the period (approved or paid); the
    coordinator's fee when granted in it (the ledger books it as committed, not as paid).
    Groups may cover several kernen, so this is a total for the whole municipality, not per
    kern. Three queries."""
    declaraties = Declaratie.objects.filter(
        beoordeeld_op__gte=begin,
        beoordeeld_op__lt=einde,
        status__in=[DeclaratieStatus.GOEDGEKEURD, DeclaratieStatus.BETAALD],
    ).aggregate(
        toegekend=Coalesce(Sum("bedrag"), Decimal("0")),
        betaald=Coalesce(Sum("bedrag", filter=Q(status=DeclaratieStatus.BETAALD)), Decimal("0")),
    )
    vergoeding = Vrijwilligersvergoeding.objects.filter(
        toegekend_op__gte=begin, toegekend_op__lt=einde
    ).aggregate(totaal=Coalesce(Sum("bedrag"), Decimal("0")))["totaal"]
    regeling = Regeling.objects.filter(code=RegelingCode.SIGNALERING).first()
    if regeling is None:
        return {}
    return {regeling.pk: (declaraties["toegekend"] + vergoeding, declaraties["betaald"])}
