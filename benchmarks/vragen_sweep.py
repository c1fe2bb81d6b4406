"""Benchmark of the reminder sweep (run by hand, not part of the test suite).

Fills a PostgreSQL database with 200,000 questions of which 10,000 are overdue and have no
reminder yet, runs one sweep and reports wall time, SQL queries and reminders recorded, then
runs the sweep again (expected: 10,000 reminders, then 0).

    createdb kg_vragen_bench   # or: psql -c "CREATE DATABASE kg_vragen_bench"
    DATABASE_URL=postgres://kerngericht:kerngericht@127.0.0.1:5432/kg_vragen_bench \\
    DJANGO_SETTINGS_MODULE=kerngericht.settings_test \\
        .venv/bin/python benchmarks/vragen_sweep.py [--totaal 200000] [--te-laat 10000]

Tasks run eagerly with the in-memory email backend of the test settings, so the time includes
rendering, recording and "sending" the digest emails.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kerngericht.settings_test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Medewerker, Team  # noqa: E402
from kernen.models import Gebied, Kern  # noqa: E402
from vragen.constants import HerinneringSoort, VraagStatus  # noqa: E402
from vragen.deadlines import einde_van_dag, lokale_datum, termijn_einde  # noqa: E402
from vragen.herinneringen import herinneringen_versturen  # noqa: E402
from vragen.models import Herinnering, Vraag  # noqa: E402

BATCH = 5000


def vullen(totaal: int, te_laat: int) -> None:
    assert connection.vendor == "postgresql", "run this against PostgreSQL"
    with connection.cursor() as c:
        c.execute(
            "TRUNCATE participatie_herinnering_mailberichten, participatie_herinnering, "
            "participatie_antwoord, participatie_routering, participatie_vraag, "
            "kerngericht_mailbericht CASCADE"
        )
    gebied, _ = Gebied.objects.get_or_create(slug="bench", defaults={"naam": "Bench"})
    kernen = [
        Kern.objects.get_or_create(
            slug=f"bench-{i}", defaults={"naam": f"Benchkern {i}", "gebied": gebied}
        )[0]
        for i in range(15)
    ]
    groep_bm, _ = Group.objects.get_or_create(name="beleidsmedewerker")
    groep_ka, _ = Group.objects.get_or_create(name="kernambtenaar")
    teams = [
        Team.objects.get_or_create(slug=f"bench-team-{i}", defaults={"naam": f"Benchteam {i}"})[0]
        for i in range(8)
    ]
    bms = []
    for i in range(50):
        m, _ = Medewerker.objects.get_or_create(
            username=f"bench-bm-{i}",
            defaults={"email": f"bm{i}@bench.example", "team": teams[i % len(teams)]},
        )
        m.groups.add(groep_bm)
        bms.append(m)
    for i in range(2):
        ka, _ = Medewerker.objects.get_or_create(
            username=f"bench-ka-{i}", defaults={"email": f"ka{i}@bench.example"}
        )
        ka.groups.add(groep_ka)
        for kern in kernen[i::2]:
            kern.kernambtenaren.add(ka)

    nu = timezone.now()
    vandaag = lokale_datum(nu)
    rijen = []
    for i in range(totaal):
        bm = bms[i % len(bms)]
        kern = kernen[i % len(kernen)]
        velden = {
            "kern": kern, "onderwerp": f"Vraag {i}", "tekst": "Tekst", "naam": "Inwoner",
            "email": f"inwoner{i % 5000}@bench.example", "team_id": bm.team_id, "behandelaar": bm,
        }  # fmt: skip
        if i < te_laat:
            # overdue since the end of yesterday, nothing sent yet, not yet due for escalation
            ontvangen = nu - timedelta(days=8)
            deadline = einde_van_dag(vandaag - timedelta(days=1))
            velden.update(status=VraagStatus.DOORGESTUURD, deadline=deadline)
        elif i < te_laat + 20_000:
            # open, deadline from tomorrow on
            ontvangen = nu - timedelta(days=i % 6)
            velden.update(status=VraagStatus.DOORGESTUURD, deadline=termijn_einde(ontvangen))
        else:
            ontvangen = nu - timedelta(days=10 + i % 700)
            velden.update(
                status=VraagStatus.BEANTWOORD,
                deadline=None,
                eerste_antwoord_op=ontvangen + timedelta(days=3),
                beantwoord_op=ontvangen + timedelta(days=3),
            )
        rijen.append(
            Vraag(ontvangen_op=ontvangen, termijn_einde=termijn_einde(ontvangen), **velden)
        )
        if len(rijen) == BATCH:
            Vraag.objects.bulk_create(rijen)
            rijen = []
    if rijen:
        Vraag.objects.bulk_create(rijen)
    with connection.cursor() as c:
        c.execute("ANALYZE participatie_vraag")


def meten(label: str) -> None:
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        resultaat = herinneringen_versturen()
        duur = time.perf_counter() - start
    print(
        f"{label}: {duur:.2f} s, {len(ctx.captured_queries)} SQL queries, "
        f"reminders recorded {resultaat.nieuw} "
        f"(herinneringen: {resultaat.nieuw.get(HerinneringSoort.HERINNERING, 0)}), "
        f"digest emails {resultaat.mails}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--totaal", type=int, default=200_000)
    parser.add_argument("--te-laat", type=int, default=10_000)
    parser.add_argument("--niet-vullen", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not args.niet_vullen:
        start = time.perf_counter()
        vullen(args.totaal, args.te_laat)
        print(f"filled {Vraag.objects.count()} questions in {time.perf_counter() - start:.1f} s")
    meten("first sweep ")
    meten("second sweep")
    print(f"Herinnering rows: {Herinnering.objects.count()}")


if __name__ == "__main__":
    main()
