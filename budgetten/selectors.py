"""Every read the budget pages use: already joined and annotated, so lists do not N+1."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kernen.models import Kern, Signaleringsgroep

from . import rules as r
from .constants import (
    SCOPE_COORDINATOR,
    SCOPE_GEMEENTE,
    STATUS_MET_GELD,
    STATUS_TELT_MEE,
    AanvraagStatus,
    DeclaratieStatus,
    KandidaatStatus,
    RegelingCode,
    Scope,
    StemrondeFase,
)
from .models import (
    Aanvraag,
    Budgetpost,
    Declaratie,
    Kandidaat,
    Regeling,
    RegelingJaar,
    Stembiljet,
    Stemronde,
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
        return f"kern-{kern.pk}"
    if regeling.scope == Scope.GROEP:
        return f"groep-{groep.pk}"
    return SCOPE_GEMEENTE


@dataclass(frozen=True)
class Pot:
    """One budget year of a regeling for one scope (a kern, or the whole municipality): the
    ledger row that a decision on an application of that year books against
    (services._post_van_aanvraag). Pages label the amount with `jaar`, because in December
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
    from accounts.constants import Rol

    qs = Aanvraag.objects.bevestigd().met_relaties()
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER):
        return qs
    filters = Q(pk__in=[])
    if user.heeft_rol(Rol.KERNAMBTENAAR):
        filters |= Q(kern__kernambtenaren=user)
    # As the rule budgetten.bekijk_aanvraag: the college decides bijzondere initiatieven and
    # a beleidsmedewerker may advise on them; other aanvragen are the kernambtenaar's.
    if user.heeft_rol(Rol.COLLEGE) or user.heeft_rol(Rol.BELEIDSMEDEWERKER):
        filters |= Q(regeling__code=RegelingCode.BIJZONDER)
    return qs.filter(filters).distinct()


def college_wachtrij() -> QuerySet[Aanvraag]:
    return (
        Aanvraag.objects.met_relaties()
        .filter(regeling__code=RegelingCode.BIJZONDER, status=AanvraagStatus.BIJ_COLLEGE)
        .order_by("advies_op")
    )


def aanvragen_met_budget_van_jaar(jaar: int) -> QuerySet[Aanvraag]:
    """Decisions of a year for finance: every decided aanvraag."""
    return (
        Aanvraag.objects.met_relaties()
        .filter(jaar=jaar, besluit_op__isnull=False)
        .order_by("regeling__pk", "kern__naam", "pk")
    )


def declaraties_voor_medewerker(user) -> QuerySet[Declaratie]:
    qs = Declaratie.objects.select_related("groep", "ingediend_door", "beoordeeld_door")
    # Whoever may see declarations sees them all (rule budgetten.view_declaraties).
    return qs if user.has_perm("budgetten.view_declaraties") else qs.none()


# --- The ledger -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grootboekregel:
    regeling: Regeling
    scope: str
    budget: Decimal | None
    vastgelegd: Decimal
    betaald: Decimal

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
    tabel = [
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


def aanvragen_met_email(email: str) -> QuerySet[Aanvraag]:
    return Aanvraag.objects.filter(email__iexact=email, email_bevestigd_op__isnull=False)


# --- The residents' voting round --------------------------------------------------------------

# The only columns public pages read: no applicant's name, email, phone or street.
PUBLIEKE_KANDIDAAT_VELDEN = (
    "pk",
    "stemronde_id",
    "titel",
    "omschrijving",
    "gevraagd_bedrag",
    "stemmen",
    "plaats",
    "uitkomst",
    "toegekend_bedrag",
)


def stemrondes_voor_medewerker(user) -> QuerySet[Stemronde]:
    return (
        Stemronde.objects.filter(kern__kernambtenaren=user)
        .select_related("kern")
        .annotate(
            aantal_kandidaten=Count(
                "kandidaten", filter=Q(kandidaten__status=KandidaatStatus.TOEGELATEN)
            )
        )
        .order_by("-jaar", "kern__naam")
    )


def publieke_stemrondes() -> QuerySet[Stemronde]:
    """Rounds residents can see: open for voting, closed, or divided (not in preparation)."""
    return (
        Stemronde.objects.exclude(fase=StemrondeFase.VOORBEREIDING)
        .select_related("kern")
        .only("pk", "jaar", "fase", "stemmen_van", "stemmen_tot", "kern__naam", "kern__slug")
        .order_by("-jaar", "kern__naam")
    )


def publieke_stemronde(pk: int) -> Stemronde | None:
    return (
        Stemronde.objects.exclude(fase=StemrondeFase.VOORBEREIDING)
        .select_related("kern")
        .filter(pk=pk)
        .first()
    )


def publieke_kandidaten(ronde: Stemronde) -> list[Kandidaat]:
    """The admitted initiatives of a round, public columns only (one query)."""
    return list(
        Kandidaat.objects.filter(stemronde=ronde, status=KandidaatStatus.TOEGELATEN)
        .only(*PUBLIEKE_KANDIDAAT_VELDEN)
        .order_by("plaats", "titel", "pk")
    )


def kandidaten_met_stemmen(ronde: Stemronde) -> QuerySet[Kandidaat]:
    """Candidates with the number of confirmed ballots that support them."""
    return (
        Kandidaat.objects.filter(stemronde=ronde)
        .select_related("aanvraag")
        .annotate(
            aantal_stemmen=Count(
                "stembiljetten", filter=Q(stembiljetten__bevestigd_op__isnull=False)
            )
        )
        .order_by("plaats", "-aantal_stemmen", "titel", "pk")
    )


def aanvragen_voor_stemronde(ronde: Stemronde) -> QuerySet[Aanvraag]:
    """The leefbaarheid aanvragen of the round's kern and year that wait for a decision, plus
    those already assessed for this round."""
    return (
        Aanvraag.objects.filter(
            regeling__code=RegelingCode.LEEFBAARHEID, kern_id=ronde.kern_id, jaar=ronde.jaar
        )
        .filter(Q(status=AanvraagStatus.INGEDIEND) | Q(kandidatuur__stemronde=ronde))
        .select_related("kandidatuur")
        .order_by("ingediend_op", "pk")
    )


def stembiljetten_telling(ronde: Stemronde) -> dict[str, int]:
    telling = Stembiljet.objects.filter(stemronde=ronde).aggregate(
        bevestigd=Count("pk", filter=Q(bevestigd_op__isnull=False)),
        totaal=Count("pk"),
    )
    return {
        "bevestigd": telling["bevestigd"],
        "onbevestigd": telling["totaal"] - telling["bevestigd"],
    }


def stemronde_van_kern(*, kern: Kern, jaar: int) -> Stemronde | None:
    return Stemronde.objects.filter(kern=kern, jaar=jaar).first()


def open_stemronde_van_kern(*, kern: Kern, vandaag: date) -> Stemronde | None:
    """The round of this kern in which residents can vote today (rules.stemmen_mogelijk)."""
    for ronde in Stemronde.objects.filter(
        kern=kern, fase=StemrondeFase.OPEN, stemmen_tot__gte=vandaag
    ).only("pk", "jaar", "fase", "stemmen_van", "stemmen_tot"):
        if r.stemmen_mogelijk(
            fase=ronde.fase,
            stemmen_van=ronde.stemmen_van,
            stemmen_tot=ronde.stemmen_tot,
            vandaag=vandaag,
        ):
            return ronde
    return None


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
