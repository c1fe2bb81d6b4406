import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitoring.models import Actiepunt, ActiepuntStatus
from monitoring.periodes import planning_naar_datum
from monitoring.seed import ACTIEPUNTEN
from tests.factories import MedewerkerFactory

# The municipality's plan lies beside the project, in ../shared (see README).
PLAN = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "seed"
    / "uitvoeringsplan-kerngericht-werken.txt"
)
PLANNING_CEL = re.compile(r"(Q\s?[1-4]\s?20\d\d|20\d\d|Doorlopend)\s*$")


def _rijen_in_planningtabel() -> int:
    """Rows of chapter 6 of the plan whose last cell is a planning (Q1 2021, 2025, ...)."""
    tekst = PLAN.read_text(encoding="utf-8")
    tabel = tekst[tekst.index("6. Planning") :]
    return sum(1 for regel in tabel.splitlines() if PLANNING_CEL.search(regel.strip()))


@pytest.mark.skipif(not PLAN.exists(), reason="the plan text is not on this machine")
def test_seed_has_one_action_point_per_row_of_the_plans_planning_table(db):
    call_command("seed")
    assert Actiepunt.objects.count() == _rijen_in_planningtabel() == 20


def test_seed_twice_keeps_twenty_action_points_and_the_edits(db):
    call_command("seed")
    assert Actiepunt.objects.count() == len(ACTIEPUNTEN) == 20
    Actiepunt.objects.filter(sleutel="evaluatie").update(status="gereed", notitie="Klaar")
    call_command("seed")
    assert Actiepunt.objects.count() == 20
    evaluatie = Actiepunt.objects.get(sleutel="evaluatie")
    assert (evaluatie.status, evaluatie.notitie) == ("gereed", "Klaar")
    assert evaluatie.uiterlijk_op == date(2022, 3, 31)
    assert Actiepunt.objects.get(sleutel="medewerkers-data").uiterlijk_op == date(2025, 12, 31)
    assert Actiepunt.objects.get(sleutel="gezondheidsmakelaar").uiterlijk_op is None


@pytest.mark.parametrize(
    ("label", "verwacht"),
    [
        ("Q1 2021", date(2021, 3, 31)),
        ("Q2 2021", date(2021, 6, 30)),
        ("Q4 2024", date(2024, 12, 31)),
        ("Q12021", date(2021, 3, 31)),
        ("2025", date(2025, 12, 31)),
        ("Doorlopend", None),
    ],
)
def test_planning_label_becomes_the_last_day_of_its_period(label, verwacht):
    assert planning_naar_datum(label) == verwacht


@pytest.fixture
def actiepunt(db):
    return Actiepunt.objects.create(
        sleutel="convenant", onderdeel="samenleving", omschrijving="Convenant", planning="Q2 2021"
    )


def test_college_marks_an_action_point_gereed_and_history_keeps_who(client, signed_in, actiepunt):
    lid = MedewerkerFactory(rollen=["college"])
    signed_in(lid)
    url = reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"status": "gereed", "notitie": "Getekend in mei"})
    assert response.status_code == 302
    actiepunt.refresh_from_db()
    assert actiepunt.status == ActiepuntStatus.GEREED
    assert actiepunt.notitie == "Getekend in mei"
    laatste = actiepunt.history.first()
    assert laatste.status == "gereed" and laatste.history_user == lid


def test_functioneel_beheer_may_change_the_status(client, signed_in, actiepunt):
    signed_in(MedewerkerFactory(rollen=["functioneel-beheer"]))
    url = reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk})
    assert client.post(url, {"status": "vertraagd", "notitie": ""}).status_code == 302
    actiepunt.refresh_from_db()
    assert actiepunt.status == "vertraagd"


def test_kernambtenaar_reads_along_but_may_not_change_the_status(
    client, signed_in, kernambtenaar, actiepunt
):
    signed_in(kernambtenaar)
    url = reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk})
    assert client.post(url, {"status": "gereed", "notitie": "x"}).status_code == 403
    assert client.get(url).status_code == 403
    actiepunt.refresh_from_db()
    assert actiepunt.status == ActiepuntStatus.GEPLAND
    lijst = client.get(reverse("monitoring:actiepunten"))
    assert lijst.status_code == 200
    assert "Status wijzigen" not in lijst.content.decode()
    assert client.get(reverse("monitoring:monitoring")).status_code == 200


def test_an_unknown_status_is_refused_with_a_message(client, signed_in, actiepunt):
    signed_in(MedewerkerFactory(rollen=["college"]))
    url = reverse("monitoring:actiepunt_status", kwargs={"actiepunt_pk": actiepunt.pk})
    response = client.post(url, {"status": "weg", "notitie": ""})
    assert response.status_code == 400  # core.toegang.ActieView: refused, form shown again
    actiepunt.refresh_from_db()
    assert actiepunt.status == ActiepuntStatus.GEPLAND


def test_functioneel_beheer_may_edit_action_points_in_the_admin(db):
    call_command("seed")
    from django.contrib.auth.models import Group

    beheer = Group.objects.get(name="functioneel-beheer")
    codes = set(beheer.permissions.values_list("codename", flat=True))
    assert {"change_actiepunt", "add_actiepunt", "view_actiepunt"} <= codes


def test_start_page_links_to_monitoring_for_college_not_for_beleidsmedewerker(client, signed_in):
    signed_in(MedewerkerFactory(rollen=["college"]))
    assert reverse("monitoring:monitoring") in client.get("/medewerker/").content.decode()
    client.logout()
    signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    assert reverse("monitoring:monitoring") not in client.get("/medewerker/").content.decode()
