"""`manage.py bench_data` at a tiny size: valid rows, five years, figures that add up."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.utils import timezone

from budgetten.models import Aanvraag, Budgetpost
from initiatieven.models import Initiatief, StatusWijziging
from monitoring.benchdata_geld import ledger_verschillen
from participatie.models import Bijeenkomst, Traject
from vragen.models import Antwoord, Vraag

pytestmark = pytest.mark.postgres


def _bouwen(**aantallen):
    uit = io.StringIO()
    args = [f"--{k}={v}" for k, v in aantallen.items()]
    call_command("bench_data", *args, stdout=uit)
    return uit.getvalue()


def test_bench_data_builds_five_years_that_add_up(db):
    uitvoer = _bouwen(initiatieven=300, aanvragen=600, vragen=400)
    assert "Benchgegevens klaar" in uitvoer
    assert Initiatief.objects.count() == 300
    assert Aanvraag.objects.count() == 600
    assert Vraag.objects.count() == 400
    assert Bijeenkomst.objects.count() == 3 and Traject.objects.count() == 2

    # Five calendar years, not all "today" (auto_now_add is put aside).
    jaar = timezone.localdate().year
    jaren = set(Initiatief.objects.values_list("aangemaakt_op__year", flat=True))
    assert jaren == set(range(jaar - 4, jaar + 1))
    assert set(Aanvraag.objects.values_list("jaar", flat=True)) == set(range(jaar - 4, jaar + 1))

    # The ledger: every pot's figures are what its applications hold, within its cap.
    assert ledger_verschillen() == []
    leefbaar = Budgetpost.objects.filter(regeling__code="leefbaarheid")
    assert leefbaar.count() == 5 * leefbaar.values("scope_sleutel").distinct().count()
    assert any(p.betaald > 0 for p in leefbaar)
    # More is asked than a kern's 2000 euro: some applications are refused for that.
    assert Aanvraag.objects.filter(status="afgewezen").exists()

    # Lifecycles: every answered question has its content answer and no tracked deadline;
    # every initiative has its history from submission on.
    beantwoord = Vraag.objects.filter(status="beantwoord")
    assert beantwoord.exists() and not beantwoord.filter(deadline__isnull=False).exists()
    assert not beantwoord.exclude(antwoorden__soort="inhoudelijk").exists()
    assert Antwoord.objects.filter(soort="inhoudelijk").count() == beantwoord.count()
    zonder_start = Initiatief.objects.annotate(
        n=Count("statuswijzigingen", filter=Q(statuswijzigingen__naar_status="ingediend"))
    ).filter(n=0)
    assert not zonder_start.exists()
    assert StatusWijziging.objects.count() >= 300
    # Realistic spread: more than a handful of statuses each.
    assert Initiatief.objects.values("status").distinct().count() >= 4
    assert Aanvraag.objects.values("status").distinct().count() >= 4


def test_bench_data_can_run_again_and_replaces_what_it_made(db):
    _bouwen(initiatieven=20, aanvragen=20, vragen=20)
    _bouwen(initiatieven=10, aanvragen=30, vragen=5)
    assert (Initiatief.objects.count(), Aanvraag.objects.count(), Vraag.objects.count()) == (
        10,
        30,
        5,
    )
    assert ledger_verschillen() == []


def test_bench_data_refuses_a_database_that_is_not_for_benchmarks(db, settings, monkeypatch):
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", "kerngericht_productie")
    with pytest.raises(CommandError, match="bench"):
        call_command("bench_data", "--initiatieven=1", stdout=io.StringIO())
