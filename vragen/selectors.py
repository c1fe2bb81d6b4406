"""Every read the vragen pages and hooks use. Querysets come with their joins done."""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Avg, Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Rol
from kernen.models import Kern
from kernen.selectors import kernambtenaar_kern_ids
from vragen.models import Routering, Vraag

from .constants import OPEN_STATUSSEN
from .deadlines import einde_van_dag, lokale_datum


def vragen_zichtbaar_voor(user) -> QuerySet[Vraag]:
    """The questions a member of staff may see: functioneel beheer all; a kernambtenaar those
    of their kernen; a beleidsmedewerker/teammanager those routed to them or their team."""
    qs = Vraag.objects.all()
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
        return qs
    scope = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        scope |= Q(kern_id__in=kernambtenaar_kern_ids(user))
    if user.heeft_rol(Rol.BELEIDSMEDEWERKER) or user.heeft_rol(Rol.TEAMMANAGER):
        scope |= Q(behandelaar=user)
        if user.team_id:
            scope |= Q(team_id=user.team_id)
    return qs.filter(scope)


def inbox(user) -> QuerySet[Vraag]:
    """The inbox: sorted by tracked deadline (answered ones last), with what the rows show."""
    return (
        vragen_zichtbaar_voor(user)
        .select_related("kern", "team", "behandelaar")
        .order_by(F("deadline").asc(nulls_last=True), "ontvangen_op", "pk")
    )


def vragen_voor_detail() -> QuerySet[Vraag]:
    """Vragen with everything the staff detail page shows (history and answers)."""
    return Vraag.objects.select_related(
        "kern", "team", "behandelaar", "geregistreerd_door"
    ).prefetch_related(
        Prefetch(
            "routeringen",
            queryset=Routering.objects.select_related("team", "behandelaar", "door"),
        ),
        "antwoorden__door",
    )


def vraag_voor_inwoner(*, pk: int) -> Vraag:
    return Vraag.objects.select_related("kern").prefetch_related("antwoorden").get(pk=pk)


@dataclass(frozen=True)
class KernVraagCijfers:
    open: int
    te_laat: int


def kern_vraag_cijfers(*, kern: Kern, nu: datetime | None = None) -> KernVraagCijfers:
    nu = nu or timezone.now()
    agg = Vraag.objects.filter(kern=kern, status__in=OPEN_STATUSSEN).aggregate(
        open=Count("pk"), te_laat=Count("pk", filter=Q(deadline__lt=nu))
    )
    return KernVraagCijfers(open=agg["open"], te_laat=agg["te_laat"])


def termijn_filter(status: str, nu: datetime) -> Q:
    """Q for the deadline states shown in the inbox (op tijd / vandaag / te laat)."""
    einde_vandaag = einde_van_dag(lokale_datum(nu))
    return {
        "te-laat": Q(deadline__lt=nu),
        "vandaag": Q(deadline__gte=nu, deadline__lte=einde_vandaag),
        "op-tijd": Q(deadline__gt=einde_vandaag),
    }[status]


# --- figures ------------------------------------------------------------------------------

GROEPERINGEN = {
    "team": ("team_id", ("team__naam",)),
    "behandelaar": (
        "behandelaar_id",
        ("behandelaar__first_name", "behandelaar__last_name", "behandelaar__username"),
    ),
    "kern": ("kern_id", ("kern__naam",)),
}


@dataclass
class CijferRij:
    naam: str
    totaal: int
    beoordeelbaar: int
    op_tijd: int
    open: int
    te_laat: int
    gemiddelde_waardering: float | None
    aantal_waarderingen: int
    mediaan_uren: float | None = None
    p90_uren: float | None = None

    @property
    def percentage_op_tijd(self) -> float | None:
        if not self.beoordeelbaar:
            return None
        return round(100 * self.op_tijd / self.beoordeelbaar, 1)


def percentiel(waarden: list[float], p: float) -> float | None:
    """Linear-interpolated percentile (p between 0 and 100) of a non-empty list, else None."""
    if not waarden:
        return None
    s = sorted(waarden)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def vraag_cijfers(*, groep: str, van: date, tot: date, nu: datetime | None = None) -> list:
    """Figures per team, beleidsmedewerker or kern for questions received van..tot (dates
    inclusive): share answered within the week (content or process answer), median and 90th
    percentile of the time to the first answer, open, overdue, average rating and count.

    Two queries whatever the number of questions; the percentiles are computed here so the
    figures are the same on PostgreSQL and SQLite."""
    nu = nu or timezone.now()
    sleutel, labels = GROEPERINGEN[groep]
    start = einde_van_dag(van - timedelta(days=1))
    einde = einde_van_dag(tot)
    qs = Vraag.objects.filter(ontvangen_op__gt=start, ontvangen_op__lte=einde)
    rijen = (
        qs.values(sleutel, *labels)
        .annotate(
            totaal=Count("pk"),
            beoordeelbaar=Count(
                "pk", filter=Q(eerste_antwoord_op__isnull=False) | Q(termijn_einde__lt=nu)
            ),
            op_tijd=Count("pk", filter=Q(eerste_antwoord_op__lte=F("termijn_einde"))),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSSEN)),
            te_laat=Count("pk", filter=Q(deadline__lt=nu)),
            gemiddelde_waardering=Avg("waardering"),
            aantal_waarderingen=Count("waardering"),
        )
        .order_by(*labels)
    )
    duren: dict = defaultdict(list)
    for key, ontvangen, eerste in qs.filter(eerste_antwoord_op__isnull=False).values_list(
        sleutel, "ontvangen_op", "eerste_antwoord_op"
    ):
        duren[key].append((eerste - ontvangen).total_seconds() / 3600)
    resultaat = []
    for r in rijen:
        key = r[sleutel]
        if groep == "behandelaar":
            naam = " ".join(
                x for x in (r["behandelaar__first_name"], r["behandelaar__last_name"]) if x
            ) or (r["behandelaar__username"] or "")
        else:
            naam = r[labels[0]] or ""
        gem = r["gemiddelde_waardering"]
        resultaat.append(
            CijferRij(
                naam=naam or "(nog niet toegewezen)",
                totaal=r["totaal"],
                beoordeelbaar=r["beoordeelbaar"],
                op_tijd=r["op_tijd"],
                open=r["open"],
                te_laat=r["te_laat"],
                gemiddelde_waardering=round(float(gem), 1) if gem is not None else None,
                aantal_waarderingen=r["aantal_waarderingen"],
                mediaan_uren=_rond(percentiel(duren.get(key, []), 50)),
                p90_uren=_rond(percentiel(duren.get(key, []), 90)),
            )
        )
    return resultaat


def _rond(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


# --- half-yearly monitoring (monitoring.selectors) ---------------------------------------


def monitoring_per_kern(*, begin: datetime, einde: datetime, nu: datetime | None = None) -> dict:
    """Per kern id, for [begin, einde): questions received, how many can be judged (answered,
    or their week is over), answered within the week; and the ratings given in the period
    (count and sum, so averages over several kernen stay exact, and how many were 7 or
    higher). Two queries, each answered from its own covering index (one query with
    `ontvangen OR gewaardeerd` had to read the table)."""
    from django.db.models import Sum

    nu = nu or timezone.now()
    leeg = {
        "ontvangen": 0,
        "beoordeelbaar": 0,
        "op_tijd": 0,
        "aantal_waarderingen": 0,
        "som_waarderingen": 0,
        "waarderingen_voldoende": 0,
    }
    uit: dict[int, dict] = {}
    ontvangen = (
        Vraag.objects.filter(ontvangen_op__gte=begin, ontvangen_op__lt=einde)
        .values("kern_id")
        .annotate(
            # COUNT of a column the filter makes non-null (not of the id, which is not in
            # the index; COUNT(*) takes no FILTER in Django).
            ontvangen=Count("ontvangen_op"),
            beoordeelbaar=Count(
                "ontvangen_op",
                filter=Q(eerste_antwoord_op__isnull=False) | Q(termijn_einde__lt=nu),
            ),
            op_tijd=Count("ontvangen_op", filter=Q(eerste_antwoord_op__lte=F("termijn_einde"))),
        )
        .order_by()
    )
    for r in ontvangen:
        uit.setdefault(r["kern_id"], dict(leeg)).update(
            ontvangen=r["ontvangen"], beoordeelbaar=r["beoordeelbaar"], op_tijd=r["op_tijd"]
        )
    gewaardeerd = (
        Vraag.objects.filter(
            gewaardeerd_op__gte=begin, gewaardeerd_op__lt=einde, waardering__isnull=False
        )
        .values("kern_id")
        .annotate(
            aantal=Count("waardering"),
            som=Sum("waardering"),
            voldoende=Count("waardering", filter=Q(waardering__gte=7)),
        )
        .order_by()
    )
    for r in gewaardeerd:
        uit.setdefault(r["kern_id"], dict(leeg)).update(
            aantal_waarderingen=r["aantal"],
            som_waarderingen=r["som"] or 0,
            waarderingen_voldoende=r["voldoende"],
        )
    return uit
