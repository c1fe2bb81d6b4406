"""Reads of the ledger: amounts per year, pots, free money, the grootboek, public figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kernen.models import Kern, Signaleringsgroep

from ..constants import (
    SCOPE_COORDINATOR,
    SCOPE_GEMEENTE,
    STATUS_MET_GELD,
    AanvraagStatus,
    DeclaratieStatus,
    RegelingCode,
    Scope,
)
from ..models import (
    Aanvraag,
    Budgetpost,
    Declaratie,
    Regeling,
    RegelingJaar,
    Vrijwilligersvergoeding,
)

NUL = Decimal("0")


def regelingen() -> QuerySet[Regeling]:
    return Regeling.objects.order_by("pk")


def regelingjaar_voor(regeling: Regeling, jaar: int) -> RegelingJaar | None:
    """The amounts for that year; until the council sets new ones, the latest earlier year
    applies (docs/decisions/0004-budgetjaar.md)."""
    return regeling.jaren.filter(jaar__lte=jaar).order_by("-jaar").first()


def scope_sleutel(
    regeling: Regeling, *, kern: Kern | None = None, groep: Signaleringsgroep | None = None
) -> str:
    if regeling.scope == Scope.KERN:
        if kern is None:
            raise ValueError(f"{regeling} geldt per kern: geef de kern mee.")
        return f"kern-{kern.pk}"
    if regeling.scope == Scope.GROEP:
        if groep is None:
            raise ValueError(f"{regeling} geldt per groep: geef de groep mee.")
        return f"groep-{groep.pk}"
    return SCOPE_GEMEENTE


@dataclass(frozen=True)
class Pot:
    """One budget year of a regeling for one scope (a kern, or the whole municipality): the
    ledger row that a decision on an application of that year books against
    (services.ledger.post_van_aanvraag). Pages label the amount with `jaar`, because in December
    the pending applications may be for next year's pot. `vrij` is None without a cap."""

    jaar: int
    budget: Decimal | None
    vrij: Decimal | None


def _vrij(plafond: Decimal | None, post: Budgetpost | None) -> Decimal | None:
    """The one formula for free money: the year's cap minus what is committed and paid. The
    cap is read from the regeling's amounts, as the services do when they book, not from the
    ledger row's copy (that is only brought up to date at the next booking)."""
    if plafond is None:
        return None
    if post is None:
        return plafond
    return plafond - post.vastgelegd - post.betaald


def pot(
    regeling: Regeling,
    jaar: int,
    *,
    kern: Kern | None = None,
    groep: Signaleringsgroep | None = None,
) -> Pot:
    """Free money now (no lock: for showing; services re-check under a lock)."""
    rj = regelingjaar_voor(regeling, jaar)
    plafond = rj.plafond if rj else None
    post = None
    if plafond is not None:
        post = Budgetpost.objects.filter(
            regeling=regeling,
            jaar=jaar,
            scope_sleutel=scope_sleutel(regeling, kern=kern, groep=groep),
        ).first()
    return Pot(jaar=jaar, budget=plafond, vrij=_vrij(plafond, post))


def vrij_budget(
    regeling: Regeling,
    jaar: int,
    *,
    kern: Kern | None = None,
    groep: Signaleringsgroep | None = None,
) -> Decimal | None:
    """Free money now (no lock: for showing; services re-check under a lock)."""
    return pot(regeling, jaar, kern=kern, groep=groep).vrij


def pot_van_aanvraag(aanvraag: Aanvraag) -> Pot:
    """The pot a decision on this application books against: its own budget year
    (aanvraag.jaar, the year of the activity), not the current one."""
    return pot(aanvraag.regeling, aanvraag.jaar, kern=aanvraag.kern)


def potten(
    regeling: Regeling,
    *,
    dit_jaar: int,
    open_jaren: Iterable[int] = (),
    kern: Kern | None = None,
) -> list[Pot]:
    """The pots to show beside pending decisions, oldest year first: this year, the budget
    year of every pending application (`open_jaren`), and every later year that already has
    money booked, so that what was granted from next year's pot stays in view once nothing
    is pending. Two queries, however many years."""
    sleutel = scope_sleutel(regeling, kern=kern)
    jaren = {dit_jaar, *open_jaren}
    posten = {
        p.jaar: p
        for p in Budgetpost.objects.filter(
            regeling=regeling, scope_sleutel=sleutel, jaar__gte=min(jaren)
        )
    }
    jaren |= {j for j, p in posten.items() if j > dit_jaar and (p.vastgelegd or p.betaald)}
    # Newest first, so the first one not after a year is the one that applies to it.
    bedragen = list(regeling.jaren.order_by("-jaar"))
    resultaat = []
    for jaar in sorted(jaren):
        rj = next((b for b in bedragen if b.jaar <= jaar), None)
        plafond = rj.plafond if rj else None
        resultaat.append(Pot(jaar=jaar, budget=plafond, vrij=_vrij(plafond, posten.get(jaar))))
    return resultaat


# --- The ledger -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grootboekregel:
    regeling: Regeling
    scope: str
    budget: Decimal | None
    vastgelegd: Decimal
    betaald: Decimal
    # The ledger row's scope key (kern-<id>, groep-<id>, gemeente, coordinator): the open-data
    # API filters on it.
    sleutel: str = ""

    @property
    def vrij(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.vastgelegd - self.betaald


def grootboek(jaar: int) -> list[Grootboekregel]:
    """Every ledger line of a year, also for scopes that have no booking yet (budget free)."""
    posten = {
        (p.regeling_id, p.scope_sleutel): p
        for p in Budgetpost.objects.filter(jaar=jaar).select_related("regeling")
    }
    regels: list[Grootboekregel] = []
    kernen = list(Kern.objects.actief().order_by("naam"))
    groepen = list(Signaleringsgroep.objects.filter(actief=True).order_by("naam"))
    for regeling in regelingen().prefetch_related("jaren"):
        rj = next(
            (j for j in sorted(regeling.jaren.all(), key=lambda j: -j.jaar) if j.jaar <= jaar), None
        )
        plafond = rj.plafond if rj else None
        if regeling.scope == Scope.KERN:
            scopes = [(f"kern-{k.pk}", k.naam) for k in kernen]
        elif regeling.scope == Scope.GROEP:
            scopes = [(f"groep-{g.pk}", g.naam) for g in groepen]
            scopes.append((SCOPE_COORDINATOR, "Vrijwilligersvergoeding coördinator"))
        else:
            scopes = [(SCOPE_GEMEENTE, "Hele gemeente")]
        for sleutel, naam in scopes:
            post = posten.get((regeling.pk, sleutel))
            budget = plafond
            if sleutel == SCOPE_COORDINATOR:
                budget = rj.vrijwilligersvergoeding if rj else None
            regels.append(
                Grootboekregel(
                    regeling=regeling,
                    scope=naam,
                    budget=budget,
                    vastgelegd=post.vastgelegd if post else NUL,
                    betaald=post.betaald if post else NUL,
                    sleutel=sleutel,
                )
            )
    return regels


def kern_budget_overzicht(*, kern: Kern, jaar: int) -> dict:
    """The kern's leefbaarheidsbudget beside its applications waiting for a decision: the pot
    of this year and of every other budget year with pending applications (in December often
    next year's), each with the number pending for that year. Four queries."""
    leef = Regeling.objects.filter(code=RegelingCode.LEEFBAARHEID).first()
    open_per_jaar = dict(
        Aanvraag.objects.filter(
            kern=kern, status__in=[AanvraagStatus.INGEDIEND, AanvraagStatus.BIJ_COLLEGE]
        )
        .order_by()
        .values_list("jaar")
        .annotate(aantal=Count("pk"))
    )
    if leef is None:
        lijst = [Pot(jaar=j, budget=None, vrij=None) for j in sorted({jaar, *open_per_jaar})]
    else:
        lijst = potten(leef, dit_jaar=jaar, open_jaren=open_per_jaar, kern=kern)
    return {
        "jaar": jaar,
        "potten": [{"pot": p, "open_aanvragen": open_per_jaar.get(p.jaar, 0)} for p in lijst],
    }


def publieke_cijfers(jaar: int) -> dict:
    """Amounts per kern and regeling for one year, without any personal data (Woo)."""
    bedrag = Coalesce(
        Sum("vastgesteld_bedrag", filter=Q(vastgesteld_bedrag__isnull=False)), NUL
    ) + Coalesce(Sum("toegekend_bedrag", filter=Q(vastgesteld_bedrag__isnull=True)), NUL)
    rijen = (
        Aanvraag.objects.filter(jaar=jaar, status__in=STATUS_MET_GELD)
        .values("kern__naam", "regeling__naam", "regeling_id")
        .annotate(totaal=bedrag, aantal=Count("pk"))
        .order_by("kern__naam", "regeling_id")
    )
    regs = list(regelingen().exclude(code=RegelingCode.SIGNALERING))
    per_kern: dict[str, dict[int, Decimal]] = {}
    for rij in rijen:
        per_kern.setdefault(rij["kern__naam"], {})[rij["regeling_id"]] = rij["totaal"]
    tabel: list[dict[str, Any]] = [
        {"kern": naam, "bedragen": [per_kern[naam].get(reg.pk, NUL) for reg in regs]}
        for naam in sorted(per_kern)
    ]
    totalen = [sum((rij["bedragen"][i] for rij in tabel), NUL) for i in range(len(regs))]
    groepen = (
        Declaratie.objects.filter(
            jaar=jaar, status__in=[DeclaratieStatus.GOEDGEKEURD, DeclaratieStatus.BETAALD]
        )
        .values("groep__naam")
        .annotate(totaal=Sum("bedrag"))
        .order_by("groep__naam")
    )
    vergoeding = Vrijwilligersvergoeding.objects.filter(jaar=jaar).values_list("bedrag", flat=True)
    return {
        "regelingen": regs,
        "tabel": tabel,
        "totalen": totalen,
        "groepen": list(groepen),
        "vergoeding": next(iter(vergoeding), None),
    }
