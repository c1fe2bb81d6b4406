"""Bench data: budget applications and the ledger (see monitoring/benchdata.py).

The ledger follows budgetten.services.aanvragen: a grant books `vastgelegd`, a payment moves
it to `betaald`, settling lower releases the difference. Grants are made in the order the
applications came in, while the yearly cap of the pot has room; what does not fit is refused,
as a kernambtenaar would have to.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum

from budgetten.models import Aanvraag, Budgetpost, Kostenpost, RegelingJaar
from budgetten.models.aanvragen import (
    AanvraagStatus,
    ActiviteitSoort,
    Doelgroep,
    KostenCategorie,
)
from kernen.models import Kern

from .benchdata import Wereld, _bulk, _moment

STRAAT, LEEFBAAR, BIJZONDER = "straatbijeenkomst", "leefbaarheid", "bijzonder"
SUBSIDIABEL = ["geluid", "versiering", "spel", "prijzen", "organisatie"]
NIET_SUBSIDIABEL = ["eten", "drinken", "barbecue"]
MET_GELD = (AanvraagStatus.TOEGEKEND, AanvraagStatus.VASTGESTELD)


def _sleutel(code: str, kern_id: int) -> str:
    return f"kern-{kern_id}" if code == LEEFBAAR else "gemeente"


def aanvragen_maken(w: Wereld, aantal: int, rng: random.Random) -> None:
    plafonds = {
        (rj.regeling.code, rj.jaar): rj.plafond
        for rj in RegelingJaar.objects.select_related("regeling")
    }
    regels: list[dict[str, Any]] = []
    for i in range(aantal):
        code = rng.choices([STRAAT, LEEFBAAR, BIJZONDER], [60, 36, 4])[0]
        kern = rng.choice(w.kernen)
        ingediend = _moment(rng, w.nu)
        lokaal = ingediend.date()
        activiteit = min(lokaal + timedelta(days=rng.randint(14, 60)), date(lokaal.year, 12, 31))
        if code == STRAAT:
            subsidiabel = Decimal(rng.randint(30, 160))
            kosten = [
                (rng.choice(SUBSIDIABEL), subsidiabel),
                (rng.choice(NIET_SUBSIDIABEL), Decimal(rng.randint(20, 90))),
            ]
            gevraagd = min(Decimal("100"), subsidiabel)
        else:
            kosten = []
            gevraagd = Decimal(
                rng.randint(50, 400) if code == LEEFBAAR else rng.choice([500, 1000, 1500, 2500])
            )
        regels.append(
            {
                "code": code,
                "kern": kern,
                "ingediend": ingediend,
                "activiteit": activiteit,
                "gevraagd": gevraagd,
                "kosten": kosten,
                "i": i,
            }
        )
    regels.sort(key=lambda r: r["ingediend"])

    geboekt: dict[tuple, Decimal] = defaultdict(Decimal)  # (code, jaar, sleutel) -> in use
    rijen = []
    for r in regels:
        code, kern, ingediend = r["code"], r["kern"], r["ingediend"]
        jaar = r["activiteit"].year
        leeftijd = (w.nu - ingediend).days
        ka = w.ka_van(kern)
        velden: dict = {"status": AanvraagStatus.INGEDIEND}
        if leeftijd < 3 and rng.random() < 0.3:
            velden = {"status": AanvraagStatus.ONBEVESTIGD}
        elif leeftijd < 21:
            if code == BIJZONDER and rng.random() < 0.6:
                velden = {
                    "status": AanvraagStatus.BIJ_COLLEGE,
                    "advies": "Past bij kerngericht werken.",
                    "advies_bedrag": r["gevraagd"],
                    "advies_door": ka,
                    "advies_op": ingediend + timedelta(days=2),
                }
        elif rng.random() < 0.04:
            velden = {
                "status": AanvraagStatus.INGETROKKEN,
                "motivering": "Ingetrokken: gaat niet door.",
            }
        else:
            sleutel = (code, jaar, _sleutel(code, kern.pk))
            plafond = plafonds.get((code, jaar))
            bedrag = r["gevraagd"]
            besluit = {
                "besluit_door": w.college if code == BIJZONDER else ka,
                "besluit_op": ingediend + timedelta(days=rng.randint(3, 14)),
            }
            if code != STRAAT:
                besluit.update(
                    advies="Draagvlak is aangetoond.",
                    advies_bedrag=bedrag,
                    advies_door=ka,
                    advies_op=ingediend + timedelta(days=2),
                )
            if plafond is None or geboekt[sleutel] + bedrag <= plafond:
                geboekt[sleutel] += bedrag
                velden = {**besluit, "status": AanvraagStatus.TOEGEKEND, "toegekend_bedrag": bedrag}
                if code == BIJZONDER:
                    velden["motivering"] = "Eenmalig en zonder deze bijdrage gaat het niet door."
                if leeftijd > 90:
                    vastgesteld = (
                        bedrag
                        if rng.random() < 0.8
                        else (bedrag * Decimal("0.8")).quantize(Decimal("0.01"))
                    )
                    geboekt[sleutel] -= bedrag - vastgesteld  # settling lower releases the rest
                    velden.update(
                        status=AanvraagStatus.VASTGESTELD,
                        vastgesteld_bedrag=vastgesteld,
                        betaald_bedrag=vastgesteld,
                        verantwoording="Bonnetjes en foto's zijn ingeleverd.",
                    )
                elif leeftijd > 45:
                    velden["betaald_bedrag"] = bedrag
            else:
                velden = {
                    **besluit,
                    "status": AanvraagStatus.AFGEWEZEN,
                    "motivering": "Het budget van dit jaar is op.",
                }
        rijen.append(
            Aanvraag(
                regeling=w.regelingen[code],
                kern=kern,
                naam=f"Aanvrager {r['i']}",
                email=f"aanvrager{r['i']}@bench.invalid",
                email_bevestigd_op=None
                if velden["status"] == AanvraagStatus.ONBEVESTIGD
                else ingediend + timedelta(minutes=5),
                titel=f"{'Burendag' if code == STRAAT else 'Initiatief'} {kern.naam} {r['i']}",
                omschrijving="Samen de buurt gezelliger maken.",
                activiteit_datum=r["activiteit"],
                jaar=jaar,
                straat=f"Straat {r['i']}" if code == STRAAT else "",
                activiteit_soort=rng.choice(ActiviteitSoort.values) if code == STRAAT else "",
                doelgroep=rng.choice(Doelgroep.values) if code == STRAAT else "",
                gevraagd_bedrag=r["gevraagd"],
                ingediend_op=ingediend,
                **velden,
            )
        )
    aanvragen = _bulk(Aanvraag, rijen)
    posten = [
        Kostenpost(
            aanvraag=a, categorie=cat, omschrijving=str(KostenCategorie(cat).label), bedrag=b
        )
        for a, r in zip(aanvragen, regels, strict=True)
        for cat, b in r["kosten"]
    ]
    _bulk(Kostenpost, posten)
    ledger_opbouwen(w, plafonds)
    w.telling.update(aanvragen=len(aanvragen), kostenposten=len(posten))


def ledger_opbouwen(w: Wereld, plafonds: dict) -> None:
    """One Budgetpost per pot and year with what the applications hold: every kern's
    leefbaarheidsbudget, the municipality's bijzondere pot, the (uncapped) street events."""
    per_post = {
        (row["regeling__code"], row["jaar"], row["kern_id"]): row
        for row in Aanvraag.objects.filter(status__in=MET_GELD)
        .values("regeling__code", "jaar", "kern_id")
        .annotate(
            toegekend=Sum("toegekend_bedrag", filter=Q(vastgesteld_bedrag__isnull=True)),
            vastgesteld=Sum("vastgesteld_bedrag"),
            betaald=Sum("betaald_bedrag"),
        )
    }
    totaal: dict[tuple, list[Decimal]] = defaultdict(lambda: [Decimal("0"), Decimal("0")])
    for (code, jaar, kern_id), row in per_post.items():
        actueel = (row["toegekend"] or Decimal("0")) + (row["vastgesteld"] or Decimal("0"))
        pot = (code, jaar, _sleutel(code, kern_id))
        totaal[pot][0] += actueel - row["betaald"]
        totaal[pot][1] += row["betaald"]
    rijen = []
    for jaar in w.jaren:
        for code, regeling in w.regelingen.items():
            if code == LEEFBAAR:
                sleutels: list[tuple[str, Kern | None]] = [(f"kern-{k.pk}", k) for k in w.kernen]
            elif code in (STRAAT, BIJZONDER):
                sleutels = [("gemeente", None)]
            else:
                continue
            for sleutel, kern in sleutels:
                vastgelegd, betaald = totaal[(code, jaar, sleutel)]
                rijen.append(
                    Budgetpost(
                        regeling=regeling,
                        jaar=jaar,
                        scope_sleutel=sleutel,
                        kern=kern,
                        budget=plafonds.get((code, jaar)),
                        vastgelegd=vastgelegd,
                        betaald=betaald,
                    )
                )
    _bulk(Budgetpost, rijen)


def ledger_verschillen() -> list[str]:
    """Every Budgetpost whose figures differ from its applications, or exceed its cap."""
    fouten = []
    for post in Budgetpost.objects.select_related("regeling"):
        aanvragen = Aanvraag.objects.filter(
            regeling=post.regeling, jaar=post.jaar, status__in=MET_GELD
        )
        if post.kern_id:
            aanvragen = aanvragen.filter(kern_id=post.kern_id)
        betaald = Decimal("0")
        actueel = Decimal("0")
        for a in aanvragen.only(
            "status", "toegekend_bedrag", "vastgesteld_bedrag", "betaald_bedrag"
        ):
            betaald += a.betaald_bedrag
            actueel += a.actueel_bedrag
        if post.betaald != betaald or post.vastgelegd != actueel - betaald:
            fouten.append(
                f"{post}: {post.vastgelegd}/{post.betaald} != {actueel - betaald}/{betaald}"
            )
        if post.vrij is not None and post.vrij < 0:
            fouten.append(f"{post}: over het plafond ({post.vrij})")
    return fouten
