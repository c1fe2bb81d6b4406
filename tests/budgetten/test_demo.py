import pytest
from django.core.management import call_command

from budgetten.constants import AanvraagStatus
from budgetten.models import Aanvraag, Budgetpost, Declaratie

pytestmark = pytest.mark.django_db


def test_demo_data_has_applications_in_different_states():
    from accounts import demo as accounts_demo
    from budgetten import demo

    call_command("seed", stdout=None)
    accounts_demo.load()
    demo.load()
    demo.load()  # twice is harmless
    statussen = set(Aanvraag.objects.values_list("status", flat=True))
    assert {
        AanvraagStatus.INGEDIEND,
        AanvraagStatus.TOEGEKEND,
        AanvraagStatus.BIJ_COLLEGE,
    } <= statussen
    assert Budgetpost.objects.filter(betaald__gt=0).exists()
    assert Declaratie.objects.count() == 1


def test_demo_data_has_an_open_voting_round_with_a_confirmed_vote():
    from accounts import demo as accounts_demo
    from budgetten import demo
    from budgetten.constants import StemrondeFase
    from budgetten.models import Stembiljet, Stemronde

    call_command("seed", stdout=None)
    accounts_demo.load()
    demo.load()
    ronde = Stemronde.objects.get()
    assert ronde.fase == StemrondeFase.OPEN
    assert ronde.kandidaten.count() == 2
    assert Stembiljet.objects.filter(bevestigd_op__isnull=False).count() == 1
