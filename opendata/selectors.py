"""The reads of the open-data API, composed from the other apps' selectors and models.

Every collection is a fixed number of queries, whatever the data size
(tests/opendata/test_queries.py). Nothing personal leaves here: no names, addresses, e-mail
or phone numbers of residents, no staff names, no meeting video links or dial-in numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from budgetten import selectors as budgetten_selectors
from budgetten.models import Aanvraag, Declaratie, Kandidaat, Regeling, RegelingJaar, Stemronde
from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Initiatief, Verhaal
from kernen.models import Gebied, Kern
from kernen.selectors import kernen_publiek
from monitoring import selectors as monitoring_selectors
from monitoring.selectors import Halfjaar
from participatie import selectors as participatie_selectors
from participatie.models import Bijeenkomst, Traject

BIJZONDER = "bijzonder"
SIGNALERING = "signalering"
DECLARATIE_MET_GELD = ("goedgekeurd", "betaald")


def kernen() -> QuerySet[Kern]:
    return kernen_publiek()


def gebieden() -> QuerySet[Gebied]:
    return Gebied.objects.prefetch_related(
        Prefetch("kernen", queryset=Kern.objects.actief().only("pk", "slug", "gebied_id"))
    ).order_by("naam")


def regelingen() -> QuerySet[Regeling]:
    return budgetten_selectors.regelingen().prefetch_related(
        Prefetch("jaren", queryset=RegelingJaar.objects.order_by("jaar"))
    )


def initiatieven() -> QuerySet[Initiatief]:
    return initiatieven_selectors.publieke_initiatieven()


def verhalen() -> QuerySet[Verhaal]:
    return initiatieven_selectors.gepubliceerde_verhalen()


def bijeenkomsten() -> QuerySet[Bijeenkomst]:
    """Every meeting, past and coming (the site lists only coming ones), with its counts."""
    return Bijeenkomst.objects.met_aantallen().order_by("-begint_op", "-pk")


def trajecten() -> QuerySet[Traject]:
    return participatie_selectors.trajecten_publiek().order_by("-gewijzigd_op", "-pk")


def stemrondes() -> QuerySet[Stemronde]:
    """Rounds residents can see, each with its admitted candidates (public columns only) and
    the number of confirmed ballots."""
    kandidaten = Kandidaat.objects.filter(status="toegelaten").only(
        *budgetten_selectors.PUBLIEKE_KANDIDAAT_VELDEN
    )
    return (
        budgetten_selectors.publieke_stemrondes()
        .annotate(
            aantal_stembiljetten=Count(
                "stembiljetten",
                filter=Q(
                    stembiljetten__bevestigd_op__isnull=False,
                    stembiljetten__geannuleerd_op__isnull=True,
                ),
            )
        )
        .prefetch_related(
            Prefetch("kandidaten", queryset=kandidaten.order_by("plaats", "titel", "pk"))
        )
        .order_by("-jaar", "kern__naam", "pk")
    )


# --- Besluiten: every decision about money, aanvragen and declaraties in one list ----------

_TEKST = CharField()
_GELD = DecimalField(max_digits=10, decimal_places=2)
BESLUIT_KOLOMMEN = (
    "b_soort",
    "b_id",
    "b_regeling",
    "b_kern",
    "b_groep",
    "b_jaar",
    "b_gevraagd",
    "b_toegekend",
    "b_vastgesteld",
    "b_betaald",
    "b_status",
    "b_datum",
    "b_motivering",
)


def _aanvraag_besluiten(*, kern: str, jaar: int | None, regeling: str, status: str):
    qs = Aanvraag.objects.filter(besluit_op__isnull=False)
    if kern:
        qs = qs.filter(kern__slug=kern)
    if jaar:
        qs = qs.filter(jaar=jaar)
    if regeling:
        qs = qs.filter(regeling__code=regeling)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        b_soort=Value("aanvraag", output_field=_TEKST),
        b_id=F("pk"),
        b_regeling=F("regeling__code"),
        b_kern=F("kern__slug"),
        b_groep=Value(None, output_field=_TEKST),
        b_jaar=F("jaar"),
        b_gevraagd=F("gevraagd_bedrag"),
        b_toegekend=F("toegekend_bedrag"),
        b_vastgesteld=F("vastgesteld_bedrag"),
        b_betaald=F("betaald_bedrag"),
        b_status=F("status"),
        b_datum=F("besluit_op"),
        # Only the college's motivation for bijzondere initiatieven is published.
        b_motivering=Case(
            When(regeling__code=BIJZONDER, then=F("motivering")),
            default=Value(""),
            output_field=_TEKST,
        ),
    ).values(*BESLUIT_KOLOMMEN)


def _declaratie_besluiten(*, kern: str, jaar: int | None, regeling: str, status: str):
    qs = Declaratie.objects.filter(beoordeeld_op__isnull=False)
    if kern or (regeling and regeling != SIGNALERING):
        return None
    if jaar:
        qs = qs.filter(jaar=jaar)
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        b_soort=Value("declaratie", output_field=_TEKST),
        b_id=F("pk"),
        b_regeling=Value(SIGNALERING, output_field=_TEKST),
        b_kern=Value(None, output_field=_TEKST),
        b_groep=F("groep__naam"),
        b_jaar=F("jaar"),
        b_gevraagd=F("bedrag"),
        b_toegekend=Case(
            When(status__in=DECLARATIE_MET_GELD, then=F("bedrag")),
            default=Value(None),
            output_field=_GELD,
        ),
        b_vastgesteld=Value(None, output_field=_GELD),
        b_betaald=Case(
            When(status="betaald", then=F("bedrag")),
            default=Value(Decimal("0")),
            output_field=_GELD,
        ),
        b_status=F("status"),
        b_datum=F("beoordeeld_op"),
        b_motivering=Value("", output_field=_TEKST),
    ).values(*BESLUIT_KOLOMMEN)


def besluiten(*, kern: str = "", jaar: int | None = None, regeling: str = "", status: str = ""):
    """Decided aanvragen (every regeling of a kern) and assessed declaraties (signalering,
    per group), newest decision first. One UNION query per page and one for the count."""
    filters = {"kern": kern, "jaar": jaar, "regeling": regeling, "status": status}
    aanvragen = _aanvraag_besluiten(**filters)
    declaraties = _declaratie_besluiten(**filters)
    qs = aanvragen if declaraties is None else aanvragen.union(declaraties, all=True)
    return qs.order_by("-b_datum", "b_soort", "-b_id")


# --- Computed collections: the ledger and the half-yearly monitoring --------------------


def grootboek(*, jaar: int, kern: str = "", regeling: str = "") -> list[dict]:
    """Every pot of a year: regeling, scope, budget, committed, paid, free."""
    slugs = dict(Kern.objects.values_list("pk", "slug"))
    rijen = []
    for regel in budgetten_selectors.grootboek(jaar):
        kern_slug = None
        if regel.sleutel.startswith("kern-"):
            kern_slug = slugs.get(int(regel.sleutel.removeprefix("kern-")))
        if kern and kern_slug != kern:
            continue
        if regeling and regel.regeling.code != regeling:
            continue
        rijen.append(
            {
                "regeling": regel.regeling.code,
                "jaar": jaar,
                "pot": regel.sleutel,
                "naam": regel.scope,
                "kern": kern_slug,
                "budget": regel.budget,
                "vastgelegd": regel.vastgelegd,
                "betaald": regel.betaald,
                "vrij": regel.vrij,
            }
        )
    return rijen


@dataclass(frozen=True)
class MonitoringRij:
    halfjaar: str
    kern: str
    naam: str
    initiatieven_ingediend: int
    initiatieven_toegezegd: int
    vragen_ontvangen: int
    vragen_beoordeelbaar: int
    vragen_op_tijd: int
    percentage_op_tijd: int | None
    aantal_waarderingen: int
    gemiddelde_waardering: Decimal | None
    bijeenkomsten: int
    aanmeldingen: int
    toegekend: dict[str, Decimal]


def monitoring(*, halfjaar: Halfjaar, vandaag: date, kern: str = "") -> list[MonitoringRij]:
    """The half-yearly figures per kern, as the monitoring page shows them."""
    uitkomst = monitoring_selectors.monitoring(halfjaar=halfjaar, vandaag=vandaag)
    slugs = dict(Kern.objects.values_list("pk", "slug"))
    codes = [r.code for r in uitkomst.regelingen]
    rijen = []
    for rij in uitkomst.rijen:
        slug = slugs.get(rij.kern_id, "")
        if kern and slug != kern:
            continue
        rijen.append(
            MonitoringRij(
                halfjaar=halfjaar.code,
                kern=slug,
                naam=rij.naam,
                initiatieven_ingediend=rij.initiatieven_ingediend,
                initiatieven_toegezegd=rij.initiatieven_toegezegd,
                vragen_ontvangen=rij.vragen_ontvangen,
                vragen_beoordeelbaar=rij.vragen_beoordeelbaar,
                vragen_op_tijd=rij.vragen_op_tijd,
                percentage_op_tijd=rij.percentage_op_tijd,
                aantal_waarderingen=rij.aantal_waarderingen,
                gemiddelde_waardering=rij.gemiddelde_waardering,
                bijeenkomsten=rij.bijeenkomsten,
                aanmeldingen=rij.aanmeldingen,
                toegekend=dict(zip(codes, rij.toegekend, strict=True)),
            )
        )
    return rijen
