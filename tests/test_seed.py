from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts.models import Rol, Team
from budgetten.models import Regeling, RegelingJaar
from kernen.models import Gebied, Kern, Signaleringsgroep

EXPECTED_KERNEN = {
    "Asch", "Beusichem", "Buren", "Eck en Wiel", "Erichem", "Ingen", "Kerk-Avezaath", "Lienden",
    "Lingemeer", "Maurik", "Ommeren", "Ravenswaaij", "Rijswijk", "Zoelen", "Zoelmond",
}  # fmt: skip


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Kern, Gebied, Team, Group, Regeling, RegelingJaar, Signaleringsgroep)
    }


def test_seed_loads_the_kernen_gebieden_teams_and_regelingen(db):
    call_command("seed")
    assert set(Kern.objects.values_list("naam", flat=True)) == EXPECTED_KERNEN
    assert Gebied.objects.count() == 4
    assert set(Kern.objects.filter(is_pilot=True).values_list("naam", flat=True)) == {
        "Ingen", "Zoelen", "Ravenswaaij"
    }  # fmt: skip
    assert Kern.objects.get(naam="Ingen").get_fase_display().startswith("3")
    assert set(Group.objects.values_list("name", flat=True)) >= set(Rol.values)
    assert Team.objects.count() == 6
    bedragen = {rj.regeling.code: rj for rj in RegelingJaar.objects.select_related("regeling")}
    assert str(bedragen["straatbijeenkomst"].max_per_aanvraag) == "100.00"
    assert str(bedragen["leefbaarheid"].plafond) == "2000.00"
    assert str(bedragen["bijzonder"].plafond) == "5000.00"
    assert str(bedragen["signalering"].plafond) == "750.00"
    assert str(bedragen["signalering"].vrijwilligersvergoeding) == "750.00"


def test_seed_twice_gives_the_same_rows(db):
    call_command("seed")
    first = _counts()
    call_command("seed")
    assert _counts() == first


def test_seed_keeps_edits_made_by_functioneel_beheer(db):
    call_command("seed")
    Kern.objects.filter(naam="Asch").update(fase="3-uitvoeren")
    call_command("seed")
    assert Kern.objects.get(naam="Asch").fase == "3-uitvoeren"
