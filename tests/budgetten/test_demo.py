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
