"""`manage.py bench_data`: five years of data for the benchmark (see monitoring/benchdata.py)."""

import io
import random
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from monitoring import benchdata, benchdata_geld, benchdata_vragen


class Command(BaseCommand):
    help = (
        "Vult een benchmarkdatabase met vijf jaar gegevens (initiatieven, aanvragen, vragen). "
        "Wist eerst wat er stond: alleen voor een database met 'bench' of 'test' in de naam."
    )

    def add_arguments(self, parser):
        parser.add_argument("--initiatieven", type=int, default=50_000)
        parser.add_argument("--aanvragen", type=int, default=50_000)
        parser.add_argument("--vragen", type=int, default=200_000)
        parser.add_argument("--seed", type=int, default=12, help="startwaarde van het toeval")

    def handle(self, *args, **opties):
        naam = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in naam and "test" not in naam:
            raise CommandError(
                f"Database {naam!r} heeft geen 'bench' of 'test' in de naam: bench_data wist "
                "gegevens en draait alleen op een eigen benchmarkdatabase."
            )
        start = time.monotonic()
        rng = random.Random(opties["seed"])  # noqa: S311 - test data, same seed same data
        call_command("seed", stdout=io.StringIO())
        with transaction.atomic():
            benchdata.leegmaken()
            w = benchdata.wereld_opbouwen(timezone.now())
            benchdata.initiatieven_maken(w, opties["initiatieven"], rng)
            benchdata_geld.aanvragen_maken(w, opties["aanvragen"], rng)
            benchdata_vragen.vragen_maken(w, opties["vragen"], rng)
            benchdata_vragen.participatie_maken(
                w,
                max(3, opties["initiatieven"] // 100),
                max(2, opties["initiatieven"] // 160),
                rng,
            )
        # Fresh planner statistics, as autovacuum would give a database that grew slowly.
        benchdata.analyseren()
        regels = ", ".join(f"{k} {v}" for k, v in w.telling.items())
        self.stdout.write(
            self.style.SUCCESS(f"Benchgegevens klaar in {time.monotonic() - start:.0f} s: {regels}")
        )
