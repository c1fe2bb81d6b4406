"""Five years of portal data in bulk, for the benchmark (`make bench`, `manage.py bench_data`).

Rows are valid (they pass the model constraints and follow the lifecycles: an answered
question has its content answer, a granted application its ledger booking) but skip the
services, their mails and their history rows: a service call per row would take hours for
300,000 rows. The ledger is built with the ledger's own rules (budgetten.services.ledger):
per regeling, scope and year, `vastgelegd` is what granted applications hold and have not
been paid yet, `betaald` what was paid; grants stop where the yearly cap is reached, so every
Budgetpost passes its constraint. `ledger_verschillen()` checks that the figures add up.

The random generator has a fixed seed: the same sizes give the same data.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.db import connection

from accounts.models import Medewerker, Rol, Team
from budgetten.models import Aanvraag, Budgetpost, Regeling, RegelingJaar
from initiatieven.models import Actor, Initiatief, InitiatiefStatus, StatusWijziging, Thema, Verhaal
from kernen.models import Kern
from participatie.models import Bijeenkomst, Traject
from vragen.models import Vraag

BATCH = 5000
JAREN = 5
TZ = ZoneInfo("Europe/Amsterdam")
PREFIX = "bench-"
WACHTWOORD_ONBRUIKBAAR = "!"  # noqa: S105 - an unusable password: bench users sign in by session

TITELS = ["Speeltuin", "Buurtmoestuin", "Bankjes", "Kerstmarkt", "Opschoondag", "Jeu de boules"]

# Tables the bench fills, emptied first (CASCADE takes the rows that hang off them).
TABELLEN = [
    Initiatief._meta.db_table,
    Aanvraag._meta.db_table,
    Budgetpost._meta.db_table,
    Vraag._meta.db_table,
    Bijeenkomst._meta.db_table,
    Traject._meta.db_table,
]


@dataclass
class Wereld:
    nu: datetime
    kernen: list[Kern]
    teams: list[Team]
    kernambtenaren: list[Medewerker]
    beleidsmedewerkers: list[Medewerker]
    college: Medewerker
    regelingen: dict[str, Regeling]
    telling: dict[str, int] = field(default_factory=dict)

    @property
    def jaren(self) -> list[int]:
        return list(range(self.nu.year - JAREN + 1, self.nu.year + 1))

    def ka_van(self, kern: Kern) -> Medewerker:
        return self.kernambtenaren[self.kernen.index(kern) % len(self.kernambtenaren)]


def _moment(rng: random.Random, nu: datetime) -> datetime:
    """A moment in the five calendar years up to now, office hours, a little more often
    recently."""
    sinds = (nu.astimezone(TZ).date() - date(nu.year - JAREN + 1, 1, 1)).days
    dagen = int(sinds * (rng.random() ** 0.85))
    dag = (nu - timedelta(days=dagen)).astimezone(TZ).date()
    uur = time(rng.randint(8, 21), rng.randint(0, 59))
    moment = datetime.combine(dag, uur, tzinfo=TZ)
    return min(moment, nu - timedelta(minutes=5))


def _bulk(model, rijen: list) -> list:
    uit = []
    for i in range(0, len(rijen), BATCH):
        uit.extend(model.objects.bulk_create(rijen[i : i + BATCH], batch_size=BATCH))
    return uit


@contextmanager
def eigen_tijden(*modellen):
    """bulk_create with our own five-year timestamps: auto_now(_add) would set them all to
    today."""
    velden = [
        f
        for model in modellen
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    bewaard = [(f, f.auto_now, f.auto_now_add) for f in velden]
    for f in velden:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in bewaard:
            f.auto_now, f.auto_now_add = now, add


def leegmaken() -> None:
    with connection.cursor() as cursor:
        # Deferred foreign-key checks of rows made earlier in this transaction run first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {', '.join(TABELLEN)} RESTART IDENTITY CASCADE")


def analyseren() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def wereld_opbouwen(nu: datetime) -> Wereld:
    """Staff, one kernambtenaar per half of the kernen, and the amounts for every year.
    Needs `manage.py seed` first (kernen, teams, roles, regelingen)."""
    kernen = list(Kern.objects.order_by("pk"))
    teams = list(Team.objects.order_by("pk"))
    groep = {g.name: g for g in Group.objects.all()}

    def medewerker(naam: str, rol: Rol, team: Team | None = None) -> Medewerker:
        m, _ = Medewerker.objects.get_or_create(
            username=f"{PREFIX}{naam}",
            defaults={
                "email": f"{naam}@bench.invalid",
                "first_name": naam.capitalize(),
                "team": team,
                "password": WACHTWOORD_ONBRUIKBAAR,
            },
        )
        m.groups.add(groep[rol.value])
        return m

    kernambtenaren = [medewerker(f"ka{i}", Rol.KERNAMBTENAAR) for i in range(2)]
    for i, kern in enumerate(kernen):
        kern.kernambtenaren.add(kernambtenaren[i % 2])
    bms = [medewerker(f"bm{i}", Rol.BELEIDSMEDEWERKER, teams[i % len(teams)]) for i in range(24)]
    college = medewerker("college", Rol.COLLEGE)
    regelingen = {r.code: r for r in Regeling.objects.all()}
    for regeling in regelingen.values():
        huidig = RegelingJaar.objects.filter(regeling=regeling).order_by("-jaar").first()
        if huidig is None:
            continue
        for jaar in range(nu.year - JAREN + 1, nu.year + 1):
            RegelingJaar.objects.get_or_create(
                regeling=regeling,
                jaar=jaar,
                defaults={
                    "plafond": huidig.plafond,
                    "max_per_aanvraag": huidig.max_per_aanvraag,
                    "vrijwilligersvergoeding": huidig.vrijwilligersvergoeding,
                },
            )
    return Wereld(nu, kernen, teams, kernambtenaren, bms, college, regelingen)


def _initiatief_status(rng: random.Random, leeftijd_dagen: int) -> str:
    if leeftijd_dagen < 30:
        keuzes = [("ingediend", 5), ("in_behandeling", 4), ("informatie_gevraagd", 1)]
    elif leeftijd_dagen < 365:
        keuzes = [
            ("in_behandeling", 3),
            ("toegezegd", 4),
            ("uitgevoerd", 2),
            ("afgewezen", 1),
            ("ingetrokken", 1),
        ]
    else:
        keuzes = [("afgerond", 7), ("afgewezen", 2), ("ingetrokken", 1), ("uitgevoerd", 1)]
    statussen, gewichten = zip(*keuzes, strict=True)
    return rng.choices(statussen, gewichten)[0]


def initiatieven_maken(w: Wereld, aantal: int, rng: random.Random) -> list[Initiatief]:
    rijen = []
    for i in range(aantal):
        kern = rng.choice(w.kernen)
        aangemaakt = _moment(rng, w.nu)
        status = _initiatief_status(rng, (w.nu - aangemaakt).days)
        bevestigd = rng.random() > 0.03 or status != InitiatiefStatus.INGEDIEND
        rijen.append(
            Initiatief(
                kern=kern,
                naam=f"Inwoner {i}",
                email=f"inwoner{i}@bench.invalid",
                email_bevestigd_op=aangemaakt + timedelta(minutes=10) if bevestigd else None,
                titel=f"{rng.choice(TITELS)} {kern.naam} {i}",
                omschrijving="Een initiatief van bewoners voor de kern. " * 3,
                locatie=f"Dorpsstraat {i % 200}",
                hulp_geld=rng.random() < 0.6,
                geld_indicatie=Decimal(rng.randint(50, 2000)),
                hulp_advies=rng.random() < 0.3,
                voornaam_tonen=rng.random() < 0.5,
                privacy_akkoord_op=aangemaakt,
                status=status,
                status_sinds=min(aangemaakt + timedelta(days=rng.randint(0, 60)), w.nu),
                toegewezen_aan=w.ka_van(kern) if status != InitiatiefStatus.INGEDIEND else None,
                aangemaakt_op=aangemaakt,
                gewijzigd_op=aangemaakt,
            )
        )
    with eigen_tijden(Initiatief):
        initiatieven = _bulk(Initiatief, rijen)
    wijzigingen = []
    verhalen = []
    for ini in initiatieven:
        wijzigingen.append(
            StatusWijziging(
                initiatief=ini, naar_status="ingediend", op=ini.aangemaakt_op, actor=Actor.INWONER
            )
        )
        if ini.status != InitiatiefStatus.INGEDIEND:
            wijzigingen.append(
                StatusWijziging(
                    initiatief=ini,
                    van_status="ingediend",
                    naar_status=ini.status,
                    op=ini.status_sinds,
                    actor=Actor.MEDEWERKER,
                    door=ini.toegewezen_aan,
                )
            )
        if ini.status == InitiatiefStatus.AFGEROND and rng.random() < 0.1:
            verhalen.append(
                Verhaal(
                    initiatief=ini,
                    titel=f"Zo ging het: {ini.titel}",
                    thema=rng.choice(Thema.values),
                    samenvatting="Bewoners hebben samen iets moois gemaakt.",
                    wat_werkte="Vroeg beginnen en de buren persoonlijk uitnodigen.",
                    gepubliceerd_op=ini.status_sinds + timedelta(days=14)
                    if ini.status_sinds + timedelta(days=14) < w.nu
                    else None,
                    gewijzigd_door=ini.toegewezen_aan,
                )
            )
    _bulk(StatusWijziging, wijzigingen)
    _bulk(Verhaal, verhalen)
    w.telling.update(
        initiatieven=len(initiatieven), statuswijzigingen=len(wijzigingen), verhalen=len(verhalen)
    )
    return initiatieven
