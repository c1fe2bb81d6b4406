"""Demo questions (vragen/demo.py): loaded as `make run` does, twice."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import Mailbericht
from vragen.constants import Kanaal, Termijnstatus, VraagStatus
from vragen.deadlines import termijnstatus
from vragen.models import Antwoord, Herinnering, Routering, Vraag


def _demo_data(settings):
    settings.DEBUG = True  # demo_data refuses to run otherwise
    try:
        call_command("demo_data", stdout=StringIO())
    finally:
        settings.DEBUG = False


def _rijen():
    vragen = list(
        Vraag.objects.order_by("pk").values_list(
            "pk",
            "kern__slug",
            "onderwerp",
            "kanaal",
            "status",
            "team__slug",
            "behandelaar__username",
            "ontvangen_op",
            "termijn_einde",
            "deadline",
            "toegezegd_op",
            "waardering",
        )
    )
    return {
        "vragen": vragen,
        "routeringen": list(
            Routering.objects.order_by("pk").values_list("pk", "vraag_id", "soort")
        ),
        "antwoorden": list(Antwoord.objects.order_by("pk").values_list("pk", "vraag_id", "soort")),
        "herinneringen": Herinnering.objects.count(),
        "mails": Mailbericht.objects.count(),
    }


@pytest.mark.django_db
def test_loading_demo_data_twice_gives_the_same_rows(settings):
    call_command("seed")
    _demo_data(settings)
    eerste = _rijen()
    assert len(eerste["vragen"]) >= 5
    _demo_data(settings)
    assert _rijen() == eerste


@pytest.mark.django_db
def test_demo_questions_cover_the_states_an_inbox_shows(settings):
    call_command("seed")
    _demo_data(settings)
    vragen = list(Vraag.objects.select_related("behandelaar"))
    nu = timezone.now()
    assert {v.status for v in vragen} == set(VraagStatus.values)
    assert {termijnstatus(v.deadline, nu) for v in vragen} == set(Termijnstatus.values)
    assert {v.kanaal for v in vragen} > {Kanaal.PORTAAL, Kanaal.TELEFOON, Kanaal.DORPSHUIS}
    # routed to both demo beleidsmedewerkers
    assert {v.behandelaar.username for v in vragen if v.behandelaar} == {"beleid", "beleid2"}
    proces = next(v for v in vragen if v.status == VraagStatus.PROCESANTWOORD)
    assert proces.toegezegd_op > timezone.localdate()
    assert any(v.waardering for v in vragen if v.status == VraagStatus.BEANTWOORD)
    # overdue: one routed to a beleidsmedewerker, one still waiting for the kernambtenaar
    te_laat = [v for v in vragen if v.deadline and v.deadline < nu]
    assert {v.status for v in te_laat} == {VraagStatus.DOORGESTUURD, VraagStatus.NIEUW}
    # the deadline comes from the service: a week after the (past) day of receipt
    assert all(v.deadline == v.termijn_einde for v in vragen if v.status == VraagStatus.NIEUW)
