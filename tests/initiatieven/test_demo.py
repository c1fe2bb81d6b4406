import pytest

from accounts import demo as accounts_demo
from accounts.seed import seed as seed_accounts
from initiatieven import demo
from initiatieven.models import Initiatief, Verhaal
from kernen.seed import seed


@pytest.mark.django_db
def test_demo_initiatives_cover_the_states_and_can_be_loaded_twice():
    seed_accounts()
    seed()
    accounts_demo.load()
    demo.load()
    demo.load()
    statussen = set(Initiatief.objects.bevestigd().values_list("status", flat=True))
    assert {"ingediend", "in_behandeling", "toegezegd", "afgerond", "afgewezen"} <= statussen
    assert Initiatief.objects.filter(titel="Bankjes langs de Linge").count() == 1
    assert Initiatief.objects.onbevestigd().count() == 1
    assert Verhaal.objects.filter(gepubliceerd_op__isnull=False).count() == 1
