"""Reads of aanvragen: checking an application, staff lists, monitoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kernen.models import Kern
from kernen.selectors import kernambtenaar_kern_ids

from .. import regels as r
from ..constants import (
    STATUS_MET_GELD,
    STATUS_TELT_MEE,
    AanvraagStatus,
    RegelingCode,
)
from ..models import (
    Aanvraag,
    Regeling,
)
from .ledger import regelingen, regelingjaar_voor, vrij_budget


def eerdere_straatactiviteiten(
    *, jaar: int, kern: Kern, behalve_pk: int | None = None, alleen_toegekend: bool = False
) -> list[r.EerdereActiviteit]:
    statussen = STATUS_MET_GELD if alleen_toegekend else STATUS_TELT_MEE
    qs = Aanvraag.objects.filter(
        regeling__code=RegelingCode.STRAATBIJEENKOMST, jaar=jaar, kern=kern, status__in=statussen
    )
    if behalve_pk:
        qs = qs.exclude(pk=behalve_pk)
    return [
        r.EerdereActiviteit(straat=s, activiteit_soort=a, doelgroep=d)
        for s, a, d in qs.values_list("straat", "activiteit_soort", "doelgroep")
    ]


@dataclass
class Toetsing:
    """The outcome of checking an application against its regeling, for the form and services."""

    bevindingen: r.Bevindingen = field(default_factory=dict)
    bedrag: Decimal | None = None
    vrij: Decimal | None = None
    berekening: r.StraatBerekening | None = None
    maximum: Decimal | None = None

    @property
    def in_orde(self) -> bool:
        return not self.bevindingen


def aanvraag_toetsen(
    *,
    regeling: Regeling,
    kern: Kern,
    activiteit_datum: date | None,
    vandaag: date,
    criteria: dict[str, bool],
    gevraagd_bedrag: Decimal | None = None,
    kostenposten: list[tuple[str, Decimal]] | None = None,
    straat: str = "",
    activiteit_soort: str = "",
    doelgroep: str = "",
    draagvlak: str = "",
) -> Toetsing:
    t = Toetsing()
    t.bevindingen.update(r.controleer_datum(activiteit_datum, vandaag=vandaag))
    for veld, meldingen in r.controleer_criteria(regeling.code, criteria).items():
        t.bevindingen.setdefault(veld, []).extend(meldingen)
    if activiteit_datum is None:
        return t
    jaar = r.telt_in_jaar(activiteit_datum)
    rj = regelingjaar_voor(regeling, jaar)
    if rj is None:
        t.bevindingen.setdefault("activiteit_datum", []).append(
            "Voor dit jaar zijn de bedragen van deze regeling nog niet bekend."
        )
        return t
    t.maximum = rj.max_per_aanvraag
    if regeling.code == RegelingCode.STRAATBIJEENKOMST:
        t.berekening = r.straat_bijdrage(kostenposten or [], maximum=rj.max_per_aanvraag)
        t.bedrag = t.berekening.bijdrage
        extra = r.controleer_straatbijeenkomst(
            berekening=t.berekening,
            straat=straat,
            activiteit_soort=activiteit_soort,
            doelgroep=doelgroep,
            eerdere=eerdere_straatactiviteiten(jaar=jaar, kern=kern),
        )
    else:
        t.vrij = vrij_budget(regeling, jaar, kern=kern)
        t.bedrag = gevraagd_bedrag
        if gevraagd_bedrag is None:
            extra = {}
        elif regeling.code == RegelingCode.LEEFBAARHEID:
            extra = r.controleer_leefbaarheid(
                gevraagd=gevraagd_bedrag, vrij=t.vrij, draagvlak=draagvlak
            )
        else:
            extra = r.controleer_bijzonder(gevraagd=gevraagd_bedrag, vrij=t.vrij)
    for veld, meldingen in extra.items():
        t.bevindingen.setdefault(veld, []).extend(meldingen)
    return t


# --- Lists ------------------------------------------------------------------------------------


def aanvragen_voor_medewerker(user) -> QuerySet[Aanvraag]:
    from accounts.models import Rol

    qs = Aanvraag.objects.bevestigd().met_relaties()
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
        return qs
    filters = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        # IN (their kern ids) rather than a join over the kernambtenaren: the join repeats
        # rows, and the DISTINCT it then needs sorts every column of every row (issue 12).
        filters |= Q(kern_id__in=kernambtenaar_kern_ids(user))
    # As the rule budgetten.bekijk_aanvraag: the college decides bijzondere initiatieven and
    # a beleidsmedewerker may advise on them; other aanvragen are the kernambtenaar's.
    if user.heeft_rol(Rol.COLLEGE) or user.heeft_rol(Rol.BELEIDSMEDEWERKER):
        filters |= Q(regeling__code=RegelingCode.BIJZONDER)
    return qs.filter(filters)


def aanvragen_lijst(user) -> QuerySet[Aanvraag]:
    """The staff list: what its rows show (regeling, kern, initiative) and no more joins,
    since each join more multiplies PostgreSQL's planning time for the page's query."""
    return (
        aanvragen_voor_medewerker(user)
        .select_related(None)
        .select_related("regeling", "kern", "initiatief")
    )


def college_wachtrij() -> QuerySet[Aanvraag]:
    return (
        Aanvraag.objects.met_relaties()
        .filter(regeling__code=RegelingCode.BIJZONDER, status=AanvraagStatus.BIJ_COLLEGE)
        .order_by("advies_op")
    )


def aanvragen_met_budget_van_jaar(jaar: int, *, user) -> QuerySet[Aanvraag]:
    """Decisions of a year for finance: every decided aanvraag this user may see on the
    pages (the same scope as the list: a kernambtenaar gets their own kernen only)."""
    return (
        aanvragen_voor_medewerker(user)
        .filter(jaar=jaar, besluit_op__isnull=False)
        .order_by("regeling__pk", "kern__naam", "pk")
    )


def aanvragen_met_email(email: str) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(email__iexact=email, email_bevestigd_op__isnull=False)


def aanvragen_van_initiatief(initiatief_id: int) -> QuerySet[Aanvraag]:
    """The applications linked to one initiative (linked only for its own resident), for
    the resident's page of that initiative. One query."""
    return (
        Aanvraag.objects.filter(initiatief_id=initiatief_id)
        .select_related("regeling")
        .order_by("ingediend_op", "pk")
    )


# --- half-yearly monitoring (monitoring.selectors) ---------------------------------------


def monitoring_per_kern(*, begin, einde) -> tuple[list[Regeling], dict[int, dict[int, Decimal]]]:
    """The regelingen, and per kern id per regeling id the money granted by decisions taken
    in [begin, einde) that still hold money (granted or settled). Two queries."""
    alle = list(regelingen())
    rijen = (
        Aanvraag.objects.filter(
            status__in=STATUS_MET_GELD, besluit_op__gte=begin, besluit_op__lt=einde
        )
        .values("kern_id", "regeling_id")
        .annotate(bedrag=Coalesce(Sum("toegekend_bedrag"), Decimal("0")))
        .order_by()
    )
    per_kern: dict[int, dict[int, Decimal]] = {}
    for rij in rijen:
        per_kern.setdefault(rij["kern_id"], {})[rij["regeling_id"]] = rij["bedrag"]
    return alle, per_kern


def rapport_geld_per_kern(*, begin, einde) -> dict[int, dict[int, tuple[Decimal, Decimal]]]:
    """Per kern id per regeling id: (granted, paid so far) of the decisions taken in
    [begin, einde) that still hold money. Granted is counted as the monitoring page counts it
    (the amount of the decision); paid is what has gone out on those applications. One query."""
    rijen = (
        Aanvraag.objects.filter(
            status__in=STATUS_MET_GELD, besluit_op__gte=begin, besluit_op__lt=einde
        )
        .values("kern_id", "regeling_id")
        .annotate(
            toegekend=Coalesce(Sum("toegekend_bedrag"), Decimal("0")),
            betaald=Coalesce(Sum("betaald_bedrag"), Decimal("0")),
        )
        .order_by()
    )
    per_kern: dict[int, dict[int, tuple[Decimal, Decimal]]] = {}
    for rij in rijen:
        per_kern.setdefault(rij["kern_id"], {})[rij["regeling_id"]] = (
            rij["toegekend"],
            rij["betaald"],
        )
    return per_kern
